"""Full disks and write-protected media, on a real small tmpfs (skipped where mounting is denied).

Every command must end with a clear message naming the path, lose nothing
already in the archive, and leave it verifying clean once space is back; a
verify that cannot log its fixity events still reports what it found; a
read-only archive opens, lists, searches, verifies and exports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.listing import Filters, query_ids
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.fs_faults import SmallFS, small_fs
from tests.helpers.ingest import run


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "evidence_desk.cli.main", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def _no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallFS]:
    with small_fs(tmp_path / "disk", "8m") as fs:
        yield fs


@pytest.fixture
def stored(disk: SmallFS, tmp_path: Path) -> Path:
    """An archive on the small disk with four items, closed."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        media.write_bytes(folder / f"note{i}.txt", f"statement {i}\n".encode() * 50)
    root = disk.path / "archive"
    with create_archive(root, "small disk") as archive:
        assert len(run(archive, folder, received_from="W").new) == 4
    return root


def _tamper(root: Path, exhibit: str) -> str:
    with open_archive(root) as archive:
        digest = items.get_item(archive, exhibit)["sha256"]
        path = archive.store.path_for(digest)
    path.chmod(0o644)
    path.write_bytes(b"doctored")
    path.chmod(0o444)
    return digest


def test_verify_on_a_full_disk_still_reports_its_findings(disk: SmallFS, stored: Path):
    _tamper(stored, "ED-000002")
    ballast = disk.fill()
    proc = _cli("verify", "--archive", stored)
    _no_traceback(proc)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "ED-000002: original altered" in proc.stdout
    assert "fixity events NOT recorded" in proc.stdout and "evidence.sqlite" in proc.stdout
    ballast.unlink()
    with open_archive(stored) as archive:
        report = verify(archive)
        assert [p.exhibit for p in report.problems] == ["ED-000002"]
        assert report.fixity_recorded


def test_tag_on_a_full_disk_names_the_database_and_changes_nothing(disk: SmallFS, stored: Path):
    ballast = disk.fill()
    proc = _cli("tag", "--archive", stored, "ED-000001", "протест")
    _no_traceback(proc)
    assert proc.returncode == 2
    first = proc.stderr.strip().splitlines()[0]
    assert "evidence.sqlite" in first and "full" in first
    ballast.unlink()
    with open_archive(stored) as archive:
        assert items.get_item(archive, "ED-000001")["tags"] == []
        assert verify(archive).ok


def test_ingest_on_a_full_disk_stops_cleanly_and_completes_later(
    disk: SmallFS, stored: Path, tmp_path: Path
):
    more = tmp_path / "more"
    more.mkdir()
    media.write_bytes(more / "a-small.txt", b"small one")
    media.write_bytes(more / "b-big.bin", os.urandom(3 * 1024 * 1024))
    media.write_bytes(more / "c-small.txt", b"after the big one")
    ballast = disk.fill(leave=1024 * 1024)
    proc = _cli("ingest", "--archive", stored, "--received-from", "W", more)
    _no_traceback(proc)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "disk is full" in proc.stderr and "b-big.bin" in proc.stderr
    ballast.unlink()
    with open_archive(stored) as archive:
        report = verify(archive)
        assert report.problems == [], [p.message for p in report.problems]
        done = run(archive, more, received_from="W")
        assert not done.failed
        assert len(items.list_items(archive)) == 7
        assert verify(archive).ok


def test_read_only_archive_opens_lists_searches_verifies_exports(
    disk: SmallFS, stored: Path, tmp_path: Path
):
    disk.read_only()
    with open_archive(stored) as archive:
        assert archive.read_only
        listed = items.list_items(archive)
        assert len(listed) == 4
        assert len(query_ids(archive, Filters(text="note1"))) == 1
        report = verify(archive)
        assert report.problems == [], [p.message for p in report.problems]
        assert not report.fixity_recorded
        assert any("NOT recorded" in n for n in report.notes)
        exported = export_bundle(archive, None, out=tmp_path / "out-bundle")
        assert exported.path is not None and exported.path.is_dir()
        assert not exported.custody_recorded
    listing = _cli("list", "--archive", stored)
    _no_traceback(listing)
    assert listing.returncode == 0 and "4 items" in listing.stdout
    checked = _cli("verify", "--archive", stored)
    _no_traceback(checked)
    assert checked.returncode == 0 and "NOT recorded" in checked.stdout
    tagged = _cli("tag", "--archive", stored, "ED-000001", "x")
    _no_traceback(tagged)
    assert tagged.returncode == 2 and "read-only" in tagged.stderr
    more = tmp_path / "more"
    more.mkdir()
    media.write_bytes(more / "x.txt", b"new")
    ingested = _cli("ingest", "--archive", stored, more)
    _no_traceback(ingested)
    assert ingested.returncode == 2 and "nothing was ingested" in ingested.stderr
    bundle = _cli("verify-bundle", tmp_path / "out-bundle")
    assert bundle.returncode == 0, bundle.stdout


def test_case_record_on_a_full_disk_names_the_database(disk: SmallFS, stored: Path):
    ballast = disk.fill()
    proc = _cli("incident", "add", "--archive", stored, "--title", "Beatings")
    _no_traceback(proc)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "evidence.sqlite" in proc.stderr and "full" in proc.stderr
    ballast.unlink()
    done = _cli("incident", "add", "--archive", stored, "--title", "Beatings")
    assert done.returncode == 0, done.stderr
    with open_archive(stored) as archive:
        assert verify(archive).ok
