"""doctor on an encrypted archive: the database and its backups are opened through SQLCipher
with the archive's key, a damaged database is named with the way out, and a restore works."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.services.archive import backups, doctor
from evidence_desk.services.archive.archive import (
    WrongPassphraseError,
    create_archive,
    open_archive,
    unlock_keys,
)
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media

PASS = "correct horse battery"
SQLITE_MAGIC = b"SQLite format 3\x00"


pytestmark = pytest.mark.usefixtures("fast_kdf")


def _passphrase() -> str:
    return PASS


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """An encrypted archive of three items with a rotating backup of them."""
    root = tmp_path / "archive"
    archive = create_archive(root, "Encrypted", passphrase=PASS)
    sources = tmp_path / "in"
    sources.mkdir()
    for n in range(3):
        media.write_bytes(sources / f"note-{n}.txt", f"statement {n}".encode())
    ingest(archive, sorted(sources.iterdir()), provenance=Provenance())
    archive.close()  # the session wrote: a rotating backup is made
    return root


def _wreck(db: Path) -> None:
    data = bytearray(db.read_bytes())
    assert len(data) > 16384
    data[8192:12288] = b"\xa5" * 4096  # pages past the first: their HMAC fails
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def test_backups_are_encrypted_and_inspected_with_the_key(encrypted: Path) -> None:
    made = backups.auto_backups(encrypted / "backups")
    assert made, "closing after the ingest made a rotating backup"
    for path in made:
        assert not path.read_bytes().startswith(SQLITE_MAGIC)
    key = _key(encrypted)
    info = backups.inspect(made[-1], key)
    assert info.ok and info.items == 3, info.problem
    plain = backups.inspect(made[-1])
    assert not plain.ok and plain.problem


def test_healthy_encrypted_archive(encrypted: Path) -> None:
    report = doctor.diagnose(encrypted, passphrase=_passphrase)
    assert report.ok, [c.message for c in report.checks if not c.ok]
    assert any(c.name == "backups" and "rotating" in c.message for c in report.checks)


def test_damaged_database_is_named_and_the_backup_restored(encrypted: Path) -> None:
    _wreck(encrypted / "evidence.sqlite")
    report = doctor.diagnose(encrypted, passphrase=_passphrase)
    assert not report.ok
    (database,) = [c for c in report.checks if c.name == "database"]
    assert "damaged" in database.message or "cannot be opened" in database.message
    assert "3 items" in database.message and "--restore-backup" in database.message

    done = doctor.restore_backup(encrypted, passphrase=_passphrase)
    assert done.items == 3 and done.set_aside is not None and done.set_aside.exists()
    restored = (encrypted / "evidence.sqlite").read_bytes()
    assert not restored.startswith(SQLITE_MAGIC), "the restored database is still encrypted"
    assert doctor.diagnose(encrypted, passphrase=_passphrase).ok
    with open_archive(encrypted, passphrase=_passphrase) as archive:
        assert len(items.list_items(archive)) == 3
        checked = verify(archive)
        assert checked.ok, [p.message for p in checked.problems]


def test_another_archives_backup_is_not_restored(encrypted: Path, tmp_path: Path) -> None:
    other = create_archive(tmp_path / "other", "Other", passphrase=PASS)
    other.close()
    foreign = encrypted / "backups" / "evidence-foreign.sqlite"
    other_db = tmp_path / "other" / "evidence.sqlite"
    with open_archive(tmp_path / "other", passphrase=_passphrase) as opened:
        opened.db.backup(foreign.parent, "foreign")
    assert other_db.exists()
    made = sorted(foreign.parent.glob("evidence-foreign-*.sqlite"))
    assert made
    with pytest.raises(Exception, match="not a usable backup"):
        doctor.restore_backup(encrypted, made[0], passphrase=_passphrase)
    key = _key(encrypted)
    assert "this archive's key" in (backups.inspect(made[0], key).problem or "")


def test_wrong_passphrase_changes_nothing(encrypted: Path) -> None:
    _wreck(encrypted / "evidence.sqlite")
    before = sorted(p.name for p in encrypted.rglob("*"))
    with pytest.raises(WrongPassphraseError):
        doctor.restore_backup(encrypted, passphrase=lambda: "not the passphrase")
    with pytest.raises(WrongPassphraseError):
        doctor.diagnose(encrypted, passphrase=lambda: "not the passphrase")
    assert sorted(p.name for p in encrypted.rglob("*")) == before


def test_cli_doctor_restores_an_encrypted_archive(encrypted: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", PASS)
    _wreck(encrypted / "evidence.sqlite")
    assert main(["doctor", "--archive", str(encrypted)]) == 1
    out, err = capsys.readouterr()
    assert "PROBLEM" in out and "--restore-backup" in out and "Traceback" not in err
    assert main(["doctor", "--archive", str(encrypted), "--restore-backup"]) == 0
    out, _err = capsys.readouterr()
    assert "restored the database" in out and "healthy" in out


def _key(root: Path) -> bytes:
    keys = unlock_keys(root, _passphrase)
    assert keys is not None
    return keys.database
