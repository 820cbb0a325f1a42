"""Bad input never stops the batch and never loses a file; each gets a clear message."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.db.models import Source
from evidence_desk.services.catalogue import items
from evidence_desk.services.intake import ingest as ingest_module
from evidence_desk.services.intake import staging as staging_module
from tests import media
from tests.helpers.ingest import assert_clean, run, sha256_file, snapshot

EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
CP1251_NAME = b"\xff\xfe-\xcf\xf0\xe8.jpg"  # "яю-При.jpg" in cp1251, invalid UTF-8


def _result(report, name: str):
    (found,) = [r for r in report.results if Path(r.path).name == name]
    return found


def _messages(result) -> str:
    return " | ".join(result.messages)


def _good_file(folder: Path) -> Path:
    return media.make_jpeg(folder / "good.jpg", color=(1, 2, 3))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path


def _assert_batch_continued(archive, report, folder: Path) -> None:
    good = _result(report, "good.jpg")
    assert good.status == "new"
    assert items.get_item(archive, good.item_uuid)["sha256"] == sha256_file(folder / "good.jpg")


def test_damaged_files_are_preserved_with_warnings(archive, folder):
    jpeg = media.make_jpeg(folder / "whole.jpg").read_bytes()
    files = {
        "zero.jpg": b"",
        "truncated.jpg": jpeg[: len(jpeg) // 2],
        "random.jpg": os.urandom(6000),
        "random.mp4": os.urandom(6000),
        "random.pdf": b"%PDF-1.4\n" + os.urandom(3000),
        "blob.xyz": b"\x00\x01\x02 not a format anyone knows " * 20,
        "noextension": bytes(range(256)) * 4,
    }
    for name, data in files.items():
        media.write_bytes(folder / name, data)
    _good_file(folder)
    before = {p: snapshot(p) for p in folder.iterdir()}

    report = run(archive, folder)

    assert not report.failed and not report.skipped
    assert len(report.new) == len(files) + 2
    for name, data in files.items():
        result = _result(report, name)
        assert result.status == "new", name
        item = items.get_item(archive, result.item_uuid)
        assert archive.store.path_for(item["sha256"]).read_bytes() == data
        assert item["warnings"], f"{name} has no warning"
    assert _result(report, "zero.jpg").sha256 == EMPTY_SHA256
    assert "empty" in _messages(_result(report, "zero.jpg"))
    assert "truncated" in _messages(_result(report, "truncated.jpg"))
    assert "could not" in _messages(_result(report, "random.jpg"))
    assert "could not" in _messages(_result(report, "random.mp4"))
    assert "not one Evidence Desk reads metadata from" in _messages(_result(report, "blob.xyz"))
    assert {p: snapshot(p) for p in folder.iterdir()} == before
    _assert_batch_continued(archive, report, folder)
    assert_clean(archive)


def test_unreadable_file_is_reported_and_the_batch_continues(archive, folder, monkeypatch):
    secret = media.write_bytes(folder / "locked.jpg", b"no access")
    _good_file(folder)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):
            if os.fsencode(path) == os.fsencode(secret):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(staging_module.os, "open", refusing_open)
    else:
        secret.chmod(0)
    try:
        report = run(archive, folder)
    finally:
        secret.chmod(0o644)
    locked = _result(report, "locked.jpg")
    assert locked.status == "failed"
    assert "permission denied" in _messages(locked)
    _assert_batch_continued(archive, report, folder)
    assert_clean(archive)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files with mode 000")
def test_unreadable_file_really_chmod_000(archive, folder):
    secret = media.write_bytes(folder / "locked.jpg", b"no access")
    secret.chmod(0)
    try:
        report = run(archive, folder)
    finally:
        secret.chmod(0o644)
    assert "permission denied" in _messages(_result(report, "locked.jpg"))


def test_unreadable_folder_is_reported(archive, folder, monkeypatch):
    sub = folder / "private"
    sub.mkdir()
    media.write_bytes(sub / "a.txt", b"a")
    _good_file(folder)
    real_scandir = os.scandir

    def refusing_scandir(path):
        if os.fsencode(path) == os.fsencode(sub):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("evidence_desk.services.intake.walk.os.scandir", refusing_scandir)
    report = run(archive, folder)
    private = _result(report, "private")
    assert private.status == "skipped"
    assert "permission denied" in _messages(private)
    _assert_batch_continued(archive, report, folder)


def _after_listing(monkeypatch, action) -> None:
    """Run ``action`` once the batch is listed, before the first copy."""
    real_collect = ingest_module.collect

    def collect_then_act(paths):
        found = real_collect(paths)
        action()
        return found

    monkeypatch.setattr(ingest_module, "collect", collect_then_act)


def test_file_vanishing_between_listing_and_copy(archive, folder, monkeypatch):
    gone = media.write_bytes(folder / "gone.jpg", b"soon deleted")
    _good_file(folder)
    _after_listing(monkeypatch, gone.unlink)
    report = run(archive, folder)
    result = _result(report, "gone.jpg")
    assert result.status == "failed"
    assert "vanished" in _messages(result)
    _assert_batch_continued(archive, report, folder)
    assert_clean(archive)


def test_file_replaced_by_a_pipe_after_listing_does_not_hang(archive, folder, monkeypatch):
    victim = media.write_bytes(folder / "a-was-a-file.jpg", b"data")
    _good_file(folder)

    def swap() -> None:
        victim.unlink()
        os.mkfifo(victim)

    _after_listing(monkeypatch, swap)
    with _deadline(20):
        report = run(archive, folder)
    result = _result(report, "a-was-a-file.jpg")
    assert result.status == "failed"
    assert "not a regular file" in _messages(result) or "no longer a regular file" in _messages(
        result
    )
    _assert_batch_continued(archive, report, folder)


@contextlib.contextmanager
def _deadline(seconds: int):
    def expired(_sig, _frame):
        raise TimeoutError(f"ingest blocked for {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _grow_during_copy(monkeypatch, archive, path: Path, times: int) -> list[int]:
    """Append to ``path`` after the first chunk is read, on the first ``times`` copies."""
    real_stage = archive.store.stage_stream
    calls: list[int] = []

    def stage_stream(src, *, on_bytes=None, cancelled=None):
        calls.append(1)
        grow = len(calls) <= times

        def hook(n: int) -> None:
            nonlocal grow
            if grow:
                grow = False
                with open(path, "ab") as f:
                    f.write(b"appended while copying" * 100)
            if on_bytes:
                on_bytes(n)

        return real_stage(src, on_bytes=hook, cancelled=cancelled)

    monkeypatch.setattr(archive.store, "stage_stream", stage_stream)
    return calls


def test_file_that_keeps_changing_during_copy_fails_cleanly(archive, folder, monkeypatch):
    growing = media.write_bytes(folder / "a-growing.log", b"line\n" * 1000)
    media.write_bytes(folder / "b-good.txt", b"stable\n")
    calls = _grow_during_copy(monkeypatch, archive, growing, times=99)
    report = run(archive, folder)
    result = _result(report, "a-growing.log")
    assert result.status == "failed"
    assert "changed while it was being copied" in _messages(result)
    assert "3 times" in _messages(result)
    assert len(calls) == 4  # three attempts at the growing file, then the good one
    assert _result(report, "b-good.txt").status == "new"
    # No torn copy is left behind: the store holds exactly the good file.
    assert list(archive.store.iter_digests()) == [sha256_file(folder / "b-good.txt")]
    assert_clean(archive)


def test_file_that_changed_once_is_copied_again_whole(archive, folder, monkeypatch):
    growing = media.write_bytes(folder / "growing.log", b"line\n" * 1000)
    _grow_during_copy(monkeypatch, archive, growing, times=1)
    report = run(archive, folder)
    result = _result(report, "growing.log")
    assert result.status == "new"
    stored = archive.store.path_for(result.sha256).read_bytes()
    assert stored == growing.read_bytes()
    assert list(archive.store.iter_digests()) == [result.sha256]
    assert_clean(archive)


def test_symlinks_inside_the_folder_are_not_followed(archive, tmp_path, folder):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = media.write_bytes(outside / "secret.txt", b"not handed over")
    _good_file(folder)
    (folder / "sub").mkdir()
    os.symlink(secret, folder / "link-out.txt")
    os.symlink(folder / "good.jpg", folder / "sub" / "link-in.jpg")
    os.symlink(folder / "nowhere", folder / "dangling")
    os.symlink(outside, folder / "dir-link")

    report = run(archive, folder)

    out = _result(report, "link-out.txt")
    assert out.status == "skipped"
    assert "outside the given folder" in _messages(out) and "not followed" in _messages(out)
    inside = _result(report, "link-in.jpg")
    assert inside.status == "skipped"
    assert "inside the folder" in _messages(inside) and "not followed" in _messages(inside)
    assert _result(report, "dangling").status == "skipped"
    assert "outside" in _messages(_result(report, "dir-link"))
    assert [r.status for r in report.results if r.status != "skipped"] == ["new"]
    assert sha256_file(secret) not in set(archive.store.iter_digests())
    _assert_batch_continued(archive, report, folder)
    assert_clean(archive)


def test_a_symlink_named_explicitly_is_taken_as_given(archive, tmp_path):
    target = media.write_bytes(tmp_path / "target.txt", b"the real file")
    link = tmp_path / "link.txt"
    os.symlink(target, link)
    report = run(archive, link)
    (result,) = report.results
    assert result.status == "new"
    assert "symbolic link" in _messages(result)
    item = items.get_item(archive, result.item_uuid)
    assert item["sha256"] == sha256_file(target)
    assert item["sources"][0]["original_path"] == str(link)


def test_a_file_swapped_for_a_symlink_after_listing_is_not_followed(
    archive, tmp_path, folder, monkeypatch
):
    secret = media.write_bytes(tmp_path / "secret.txt", b"not handed over")
    victim = media.write_bytes(folder / "a.txt", b"original")
    _good_file(folder)

    def swap() -> None:
        victim.unlink()
        os.symlink(secret, victim)

    _after_listing(monkeypatch, swap)
    report = run(archive, folder)
    result = _result(report, "a.txt")
    assert result.status == "failed"
    assert "symbolic link" in _messages(result)
    assert sha256_file(secret) not in set(archive.store.iter_digests())
    _assert_batch_continued(archive, report, folder)


def test_non_utf8_name_is_kept_byte_for_byte(archive, folder):
    raw_path = os.fsencode(folder) + b"/" + CP1251_NAME
    with open(raw_path, "wb") as f:
        f.write(b"a statement saved on an old Windows PC")
    _good_file(folder)

    report = run(archive, folder)

    (result,) = [r for r in report.results if r.path.endswith(".jpg") and "good" not in r.path]
    assert result.status == "new"
    assert "not valid UTF-8" in _messages(result)
    assert "raw bytes are kept" in _messages(result)
    item = items.get_item(archive, result.item_uuid)
    source = item["sources"][0]
    assert bytes.fromhex(source["original_path_bytes_hex"]) == raw_path
    assert "\ufffd" in source["original_name"]  # shown with replacement characters
    with archive.db.reader() as session:
        stored = session.scalars(
            select(Source.original_path_bytes).where(Source.original_path_bytes.is_not(None))
        ).one()
    assert stored == raw_path
    assert os.path.basename(stored) == CP1251_NAME
    assert archive.store.path_for(item["sha256"]).read_bytes() == open(raw_path, "rb").read()
    _assert_batch_continued(archive, report, folder)
    assert_clean(archive)


def test_non_utf8_name_of_a_duplicate_still_gets_its_message(archive, folder):
    media.write_bytes(folder / "plain.txt", b"same bytes")
    with open(os.fsencode(folder) + b"/" + CP1251_NAME, "wb") as f:
        f.write(b"same bytes")
    report = run(archive, folder)
    dup = report.duplicates[0]
    assert "not valid UTF-8" in _messages(dup) or "not valid UTF-8" in _messages(report.new[0])
    sources = items.list_items(archive)[0]["sources"]
    assert sum(s["original_path_bytes_hex"] is not None for s in sources) == 1


def test_cyrillic_and_very_long_names(archive, folder):
    cyrillic = media.make_jpeg(folder / "Задержание на площади — фото №1.jpg", color=(9, 9, 9))
    long_name = "я" * 125 + ".jpg"  # 254 bytes, near the 255-byte limit
    assert len(long_name.encode()) == 254
    long_file = media.write_bytes(folder / long_name, b"long name")
    deep = folder
    for level in range(12):
        deep = deep / f"уровень-{level:02d}-{'x' * 60}"
    deep.mkdir(parents=True)
    deep_file = media.write_bytes(deep / "глубоко.txt", b"deep inside")

    report = run(archive, folder)

    assert not report.failed and not report.skipped
    names = {i["original_name"]: i for i in items.list_items(archive)}
    assert set(names) == {cyrillic.name, long_name, "глубоко.txt"}
    assert names[cyrillic.name]["title"] == cyrillic.name
    assert names[long_name]["sources"][0]["original_path"] == str(long_file)
    assert names["глубоко.txt"]["sources"][0]["original_path"] == str(deep_file)
    assert all(i["sources"][0]["original_path_bytes_hex"] is None for i in names.values())
    assert_clean(archive)


def test_fifo_in_the_folder_and_named_explicitly(archive, folder):
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    _good_file(folder)
    with _deadline(20):
        report = run(archive, folder)
        explicit = run(archive, fifo)
    result = _result(report, "pipe")
    assert result.status == "skipped"
    assert "not a regular file" in _messages(result)
    _assert_batch_continued(archive, report, folder)
    (named,) = explicit.results
    assert named.status == "skipped" and "not a regular file" in _messages(named)


def test_nonexistent_path_is_reported(archive, tmp_path):
    report = run(archive, tmp_path / "no-such-folder")
    (result,) = report.results
    assert result.status == "skipped"
    assert "not found" in _messages(result)
