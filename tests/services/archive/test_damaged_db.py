"""Damaged, emptied or lost databases: refused with one line and a way out, never re-created.

The worst outcome is silent: a zero-byte database re-created as a fresh
catalogue, and the next ingest handing out ED-000001 a second time. Every
case here must refuse, name the file, point at ``doctor``, and the doctor
must bring the catalogue back from a rotating backup without reusing numbers.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from evidence_desk.db import dialect
from evidence_desk.services.archive import backups, doctor
from evidence_desk.services.archive.archive import DB_NAME, create_archive, open_archive
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import assert_clean, run


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "evidence_desk.cli.main", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def filled(archive, tmp_path: Path) -> Path:
    """An archive with three items, closed (so its rotating backup is written)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        media.write_bytes(folder / f"n{i}.txt", f"note {i}\n".encode())
    assert len(run(archive, folder).new) == 3
    root = archive.root
    archive.close()
    return root


def _one_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_zero_byte_database_is_refused_not_recreated(filled: Path):
    db = filled / "evidence.sqlite"
    db.write_bytes(b"")
    for extra in ("evidence.sqlite-wal", "evidence.sqlite-shm"):
        (filled / extra).unlink(missing_ok=True)
    with pytest.raises(ArchiveError, match="empty \\(0 bytes\\).*doctor"):
        open_archive(filled)
    assert db.stat().st_size == 0  # left exactly as found
    proc = _cli("list", "--archive", filled)
    assert proc.returncode == 2
    line = _one_line(proc)
    assert str(db) in line and "--restore-backup" in line


def test_missing_database_beside_objects_is_refused(filled: Path, monkeypatch):
    for name in ("evidence.sqlite", "evidence.sqlite-wal", "evidence.sqlite-shm"):
        (filled / name).unlink(missing_ok=True)
    with pytest.raises(ArchiveError, match="missing.*reused"):
        open_archive(filled, create=True)
    assert not (filled / "evidence.sqlite").exists()


def test_empty_schema_database_is_refused(filled: Path):
    db = filled / "evidence.sqlite"
    for name in ("evidence.sqlite", "evidence.sqlite-wal", "evidence.sqlite-shm"):
        (filled / name).unlink(missing_ok=True)
    sqlite3.connect(db).execute("CREATE TABLE unrelated (x)").connection.close()
    with pytest.raises(ArchiveError, match="no archive catalogue"):
        open_archive(filled)


def test_restore_after_zero_byte_never_reuses_exhibit_numbers(filled: Path, tmp_path: Path):
    assert backups.auto_backups(filled / "backups")
    (filled / "evidence.sqlite").write_bytes(b"")
    for extra in ("evidence.sqlite-wal", "evidence.sqlite-shm"):
        (filled / extra).unlink(missing_ok=True)
    health = doctor.diagnose(filled)
    assert not health.ok and "--restore-backup" in health.checks[0].message
    restored = doctor.restore_backup(filled)
    assert restored.items == 3 and restored.set_aside is not None
    assert restored.set_aside.exists()  # the empty file is kept, never deleted
    with open_archive(filled) as archive:
        assert_clean(archive)
        more = tmp_path / "more"
        more.mkdir()
        media.write_bytes(more / "new.txt", b"after the restore")
        (result,) = run(archive, more).new
        assert result.exhibit == "ED-000004"
        assert len(items.list_items(archive)) == 4


def test_malformed_database_gives_one_line_and_doctor_restores_it(filled: Path):
    db = filled / "evidence.sqlite"
    data = bytearray(db.read_bytes())
    assert len(data) > 8192
    data[4096:8192] = b"\xa5" * 4096  # wreck pages past the header
    db.write_bytes(bytes(data))
    (filled / "evidence.sqlite-wal").unlink(missing_ok=True)
    (filled / "evidence.sqlite-shm").unlink(missing_ok=True)
    listed = _cli("list", "--archive", filled)
    verified = _cli("verify", "--archive", filled)
    for proc in (listed, verified):
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        line = _one_line(proc)
        assert "evidence-desk doctor" in line
    checked = _cli("doctor", "--archive", filled)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "damaged" in checked.stdout and "--restore-backup" in checked.stdout
    fixed = _cli("doctor", "--archive", filled, "--restore-backup")
    assert fixed.returncode == 0, (fixed.stdout, fixed.stderr)
    assert "healthy" in fixed.stdout
    with open_archive(filled) as archive:
        assert len(items.list_items(archive)) == 3
        report = verify(archive)
        assert report.ok, [p.message for p in report.problems]


def test_garbage_database_is_one_line(tmp_path: Path):
    root = tmp_path / "broken"
    (root / "objects").mkdir(parents=True)
    (root / "evidence.sqlite").write_bytes(b"this is not SQLite" * 100)
    proc = _cli("list", "--archive", root)
    assert proc.returncode == 2 and "doctor" in _one_line(proc)


def test_backups_rotate(archive, tmp_path: Path):
    for i in range(backups.KEEP + 3):
        items.update_fields(archive, "ED-1", title=f"t{i}") if i else None
        folder = tmp_path / f"b{i}"
        folder.mkdir()
        media.write_bytes(folder / "f.txt", f"{i}".encode())
        run(archive, folder)
    made = backups.auto_backups(archive.backups)
    assert len(made) == backups.KEEP
    newest = backups.inspect(made[-1])
    assert newest.ok and newest.items == backups.KEEP + 3


def test_doctor_on_a_healthy_archive_and_after_safe_repairs(filled: Path):
    (filled / "objects" / ".tmp" / "ingest-killed.part").write_bytes(b"half")
    conn = sqlite3.connect(filled / "evidence.sqlite")
    conn.execute("DROP TRIGGER sources_no_update")
    conn.close()
    report = doctor.diagnose(filled)
    assert not report.ok
    assert any(c.name == "triggers" and not c.ok for c in report.checks)
    repaired = doctor.diagnose(filled, repair=True)
    assert repaired.ok, [(c.name, c.message) for c in repaired.checks]
    assert doctor.diagnose(filled).ok


def test_doctor_finds_counts_edited_by_hand_and_counts_again(filled: Path):
    conn = sqlite3.connect(filled / "evidence.sqlite")
    conn.execute("UPDATE item_counts SET n = n + 5")
    conn.commit()
    conn.close()
    report = doctor.diagnose(filled)
    counts = next(c for c in report.checks if c.name == "counts")
    assert not report.ok and not counts.ok and not counts.repaired
    assert "item counts differ from the items" in counts.message
    repaired = doctor.diagnose(filled, repair=True)
    assert repaired.ok and next(c for c in repaired.checks if c.name == "counts").repaired
    again = doctor.diagnose(filled)
    assert again.ok and next(c for c in again.checks if c.name == "counts").ok


def test_doctor_puts_back_a_dropped_counting_trigger(filled: Path):
    conn = sqlite3.connect(filled / "evidence.sqlite")
    conn.execute("DROP TRIGGER tag_counts_insert")
    conn.close()
    report = doctor.diagnose(filled)
    triggers = next(c for c in report.checks if c.name == "triggers")
    assert not triggers.ok and "tag_counts_insert is missing" in triggers.message
    assert doctor.diagnose(filled, repair=True).ok
    assert doctor.diagnose(filled).ok
    conn = sqlite3.connect(filled / "evidence.sqlite")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    conn.close()
    assert "tag_counts_insert" in names


def test_doctor_reanchors_a_lost_checkpoint(filled: Path):
    (filled / "custody-checkpoint.json").unlink()
    assert not doctor.diagnose(filled).ok
    head = doctor.reanchor(filled)
    assert head.events > 0
    assert doctor.diagnose(filled).ok
    with open_archive(filled) as archive:
        assert verify(archive).ok


def test_restore_of_an_older_backup_keeps_numbers_given_since(filled: Path, tmp_path: Path):
    """ED-000004 and ED-000005 were given after the only backup left: never again."""
    oldest = backups.auto_backups(filled / "backups")[-1]
    with open_archive(filled) as archive:
        more = tmp_path / "later"
        more.mkdir()
        for i in range(2):
            media.write_bytes(more / f"l{i}.txt", f"later {i}".encode())
        assert [r.exhibit for r in run(archive, more).new] == ["ED-000004", "ED-000005"]
    for backup in backups.auto_backups(filled / "backups"):
        if backup != oldest:
            backup.unlink()
    (filled / "evidence.sqlite").write_bytes(b"")
    for extra in ("evidence.sqlite-wal", "evidence.sqlite-shm"):
        (filled / extra).unlink(missing_ok=True)
    restored = doctor.restore_backup(filled)
    assert restored.items == 3 and restored.unrecorded_objects == 2
    with open_archive(filled) as archive:
        again = tmp_path / "again"
        again.mkdir()
        media.write_bytes(again / "n.txt", b"new after restore")
        (result,) = run(archive, again).new
        assert result.exhibit == "ED-000006"


@pytest.mark.parametrize("folder", ["Case #12", "50% done", "why?", "Дело №5 & co"])
def test_read_only_opens_take_any_folder_name(tmp_path: Path, folder: str) -> None:
    """SQLite reads "#", "?" and "%" in a file: URI as syntax: unescaped, a read-only open
    lost its flags, created an empty file beside the archive and called it damaged."""
    root = tmp_path / folder / "archive"
    root.parent.mkdir()
    create_archive(root, "odd name").close()
    before = sorted(p.name for p in root.parent.iterdir())
    report = doctor.diagnose(root)
    assert report.ok, [c.message for c in report.checks if not c.ok]
    found = backups.all_backups(root / "backups")
    assert found and all(backups.inspect(b).ok for b in found)
    engine = create_engine(dialect.url(root / DB_NAME, read_only=True))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM custody_events").scalar() == 1
    engine.dispose()
    assert sorted(p.name for p in root.parent.iterdir()) == before  # nothing created
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
