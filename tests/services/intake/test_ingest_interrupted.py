"""Interrupted ingests: cancel, full disk, leftovers of a crash. Never a partial item."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from evidence_desk.core.store import filesystem as objectstore
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake import ingest as ingest_module
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.helpers.ingest import assert_clean, run, sha256_file, temp_files

BIG = 12 * 1024 * 1024  # three 4 MiB chunks


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Small files around one large file, in a known order."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(3):
        media.write_bytes(folder / f"a{i}.txt", f"before the big one {i}\n".encode())
    media.write_bytes(folder / "m-big.bin", os.urandom(BIG))
    for i in range(3):
        media.write_bytes(folder / f"z{i}.txt", f"after the big one {i}\n".encode())
    return folder


def _digests(folder: Path) -> set[str]:
    return {sha256_file(p) for p in folder.iterdir()}


def _assert_no_dangling_rows(archive) -> None:
    for item in items.list_items(archive):
        path = archive.store.path_for(item["sha256"])
        assert path.is_file(), f"{item['exhibit']} points to a missing object"
        assert sha256_file(path) == item["sha256"]


def test_cancel_during_a_large_copy_keeps_what_finished(archive, batch):
    def cancel_mid_big(state) -> None:
        if state.current.endswith("m-big.bin") and state.bytes_done > 4 * 1024 * 1024:
            stop.append(True)

    stop: list[bool] = []
    report = ingest(
        archive,
        [batch],
        provenance=Provenance(),
        progress=cancel_mid_big,
        cancelled=lambda: bool(stop),
    )
    assert report.cancelled and not report.ok
    assert sorted(Path(r.path).name for r in report.new) == ["a0.txt", "a1.txt", "a2.txt"]
    assert sha256_file(batch / "m-big.bin") not in set(archive.store.iter_digests())
    assert temp_files(archive) == []
    _assert_no_dangling_rows(archive)
    assert_clean(archive)

    again = run(archive, batch)
    assert len(again.new) == 4 and len(again.duplicates) == 3
    assert {i["sha256"] for i in items.list_items(archive)} == _digests(batch)
    assert_clean(archive)


def test_cancel_between_files(archive, batch):
    stop: list[bool] = []

    def progress(state) -> None:
        if state.current.endswith("a2.txt"):
            stop.append(True)

    report = ingest(
        archive, [batch], provenance=Provenance(), progress=progress, cancelled=lambda: bool(stop)
    )
    assert report.cancelled
    assert sorted(Path(r.path).name for r in report.new) == ["a0.txt", "a1.txt"]
    assert_clean(archive)
    again = run(archive, batch)
    assert again.ok and len(again.new) == 5 and len(again.duplicates) == 2


class _FullDisk:
    """A write-only file object that runs out of space after ``budget`` bytes."""

    def __init__(self, real, budget: list[int]) -> None:
        self._real = real
        self._budget = budget

    def write(self, data) -> int:
        if len(data) > self._budget[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._budget[0] -= len(data)
        return self._real.write(data)

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._real.close()


def _disk_fills_up_after(monkeypatch, budget: int) -> None:
    real_fdopen = os.fdopen
    left = [budget]

    def fdopen(fd, mode="r", *args, **kwargs):
        f = real_fdopen(fd, mode, *args, **kwargs)
        return _FullDisk(f, left) if "w" in mode else f

    monkeypatch.setattr(objectstore.os, "fdopen", fdopen)


def test_disk_full_during_copy(archive, batch, monkeypatch):
    _disk_fills_up_after(monkeypatch, budget=64 * 1024)
    report = run(archive, batch)

    assert report.aborted and "disk is full" in report.aborted
    assert "m-big.bin" in report.aborted
    assert sorted(Path(r.path).name for r in report.new) == ["a0.txt", "a1.txt", "a2.txt"]
    failed = {Path(r.path).name: r.messages for r in report.failed}
    assert set(failed) == {"m-big.bin", "z0.txt", "z1.txt", "z2.txt"}
    assert "disk is full" in " ".join(failed["m-big.bin"])
    assert all("stopped before this file" in " ".join(failed[f"z{i}.txt"]) for i in range(3))
    # No partial object, no temp file, no row without its object.
    assert set(archive.store.iter_digests()) == {sha256_file(batch / f"a{i}.txt") for i in range(3)}
    assert temp_files(archive) == []
    _assert_no_dangling_rows(archive)
    assert_clean(archive)

    monkeypatch.undo()  # space freed: the same ingest completes the batch
    again = run(archive, batch)
    assert len(again.new) == 4 and len(again.duplicates) == 3 and again.ok
    assert_clean(archive)


def test_disk_full_while_writing_rows(archive, batch, monkeypatch):
    real_record = ingest_module._record
    calls = [0]

    def record(session, *args, **kwargs):
        calls[0] += 1
        if calls[0] > 2:
            full = sqlite3.OperationalError("database or disk is full")
            raise OperationalError("INSERT", {}, full)
        return real_record(session, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "_record", record)
    monkeypatch.setattr(ingest_module, "COMMIT_INTERVAL_S", 0.0)
    report = run(archive, batch)
    assert report.aborted and "disk is full" in report.aborted
    assert report.failed
    _assert_no_dangling_rows(archive)
    result = verify(archive)
    # Copied but unrecorded objects are reported, never an item without its object.
    assert {p.kind for p in result.problems} <= {"unexpected"}

    monkeypatch.undo()
    again = run(archive, batch)
    assert again.ok
    assert {i["sha256"] for i in items.list_items(archive)} == _digests(batch)
    assert_clean(archive)


def test_database_locked_by_another_program_stops_cleanly(archive, batch, monkeypatch):
    def locked(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(ingest_module, "_record", locked)
    monkeypatch.setattr(ingest_module, "MAX_IN_FLIGHT", 1)
    report = run(archive, batch)
    assert report.aborted and "could not be written" in report.aborted
    assert "database is locked" in report.aborted
    assert not report.new and len(report.failed) == 7  # every file is named
    assert len(list(archive.store.iter_digests())) == 1  # stopped after the first copy
    monkeypatch.undo()
    again = run(archive, batch)
    assert again.ok and len(again.new) == 7
    assert_clean(archive)


def test_object_stored_but_never_recorded_is_picked_up_by_a_rerun(archive, batch):
    """What a kill between the object's rename and the row's commit leaves behind."""
    big = batch / "m-big.bin"
    with open(big, "rb") as src:
        archive.store.put_stream(src)
    problems = verify(archive).problems
    assert [p.kind for p in problems] == ["unexpected"]
    assert problems[0].sha256 == sha256_file(big)
    assert "no item refers to it" in problems[0].message

    report = run(archive, batch)
    assert report.ok and len(report.new) == 7
    assert_clean(archive)


def test_leftover_temp_files_are_removed_at_open(archive):
    leftover = archive.store.tmp / "ingest-killed.part"
    leftover.write_bytes(b"half a video")
    root = archive.root
    archive.close()
    with open_archive(root) as reopened:
        assert reopened.temp_files_cleaned == 1
        assert temp_files(reopened) == []
        assert_clean(reopened)


def test_opening_the_archive_elsewhere_spares_a_copy_in_progress(archive, batch):
    """A second process opening the archive must not delete a live ingest's temp file."""
    other = ObjectStore(archive.store.root)
    removed: list[int] = []

    def open_elsewhere(_n: int) -> None:
        if not removed:
            assert len(temp_files(archive)) == 1
            removed.append(other.clean_temp())

    with open(batch / "m-big.bin", "rb") as src:
        put = archive.store.put_stream(src, on_bytes=open_elsewhere)
    assert removed == [0]
    assert put.sha256 == sha256_file(batch / "m-big.bin")
    assert archive.store.path_for(put.sha256).is_file()
    assert temp_files(archive) == []


def test_put_stream_cancelled_leaves_nothing(archive, batch):
    with open(batch / "m-big.bin", "rb") as src, pytest.raises(objectstore.Cancelled):
        chunks: list[int] = []
        archive.store.put_stream(src, on_bytes=chunks.append, cancelled=lambda: bool(chunks))
    assert temp_files(archive) == []
    assert list(archive.store.iter_digests()) == []


def test_second_put_of_the_same_content_reports_existed(archive, batch):
    with open(batch / "a0.txt", "rb") as src:
        first = archive.store.put_stream(src)
    with open(batch / "a0.txt", "rb") as src:
        second = archive.store.put_stream(src)
    assert not first.existed and second.existed
    assert first.sha256 == second.sha256 == sha256_file(batch / "a0.txt")
    assert temp_files(archive) == []


def test_a_file_system_without_locks_still_works(archive, batch, monkeypatch):
    def no_locks(_fd, _op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(objectstore.fcntl, "flock", no_locks)
    leftover = archive.store.tmp / "ingest-killed.part"
    leftover.write_bytes(b"half")
    assert archive.store.clean_temp() == 1
    report = run(archive, batch)
    assert report.ok and len(report.new) == 7
    assert_clean(archive)
