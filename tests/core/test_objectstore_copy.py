"""The object store's three-stage copy (read, hash, write) of files larger than one buffer."""

from __future__ import annotations

import hashlib
import io
import os
import threading
from pathlib import Path

import pytest

from evidence_desk.core.store import copying
from evidence_desk.core.store.base import Cancelled
from evidence_desk.core.store.copying import CHUNK
from evidence_desk.core.store.filesystem import ObjectStore


def _data(size: int) -> bytes:
    block = os.urandom(1 << 20)
    return (block * (size // len(block) + 1))[:size]


def _threads_left() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("objectstore-")]


@pytest.mark.parametrize("size", [CHUNK, CHUNK + 1, 5 * CHUNK + 12345])
def test_large_copy_is_exact(tmp_path: Path, size: int) -> None:
    data = _data(size)
    store = ObjectStore(tmp_path / "objects")
    seen: list[int] = []
    put = store.put_stream(io.BytesIO(data), on_bytes=seen.append)
    assert put.sha256 == hashlib.sha256(data).hexdigest()
    assert put.size == size == sum(seen)
    assert store.path_for(put.sha256).read_bytes() == data
    assert list(store.tmp.iterdir()) == []
    assert _threads_left() == []


def test_cancel_mid_copy_leaves_nothing(tmp_path: Path) -> None:
    store = ObjectStore(tmp_path / "objects")
    seen: list[int] = []
    with pytest.raises(Cancelled):
        store.put_stream(
            io.BytesIO(_data(12 * CHUNK)), on_bytes=seen.append, cancelled=lambda: len(seen) >= 3
        )
    assert list(store.tmp.iterdir()) == []
    assert not any(p.is_file() for p in store.root.rglob("*"))
    assert _threads_left() == []


class _FailingRead(io.BytesIO):
    def readinto(self, buf):  # type: ignore[no-untyped-def, override]
        if self.tell() >= 3 * CHUNK:
            raise OSError(5, "Input/output error")
        return super().readinto(buf)


def test_read_error_surfaces_and_cleans_up(tmp_path: Path) -> None:
    store = ObjectStore(tmp_path / "objects")
    with pytest.raises(OSError, match="Input/output"):
        store.put_stream(_FailingRead(_data(10 * CHUNK)))
    assert list(store.tmp.iterdir()) == []
    assert _threads_left() == []


def test_write_error_surfaces_and_cleans_up(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = copying._write_all
    calls = [0]

    def full_disk(out, view):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] > 3:
            raise OSError(28, "No space left on device")
        real(out, view)

    monkeypatch.setattr(copying, "_write_all", full_disk)
    store = ObjectStore(tmp_path / "objects")
    with pytest.raises(OSError, match="No space"):
        store.put_stream(io.BytesIO(_data(12 * CHUNK)))
    assert list(store.tmp.iterdir()) == []
    assert _threads_left() == []


def test_large_copy_flushes_while_writing_and_is_exact(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What is written goes to the disk during the copy, from the copy's own file."""
    synced: list[tuple[int, int]] = []  # (inode, size) at each fsync or fdatasync
    real = getattr(os, "fdatasync", os.fsync)

    def counting(fd: int) -> None:
        info = os.fstat(fd)
        synced.append((info.st_ino, info.st_size))
        real(fd)

    monkeypatch.setattr(copying, "FLUSH_EVERY", CHUNK)
    monkeypatch.setattr(os, "fdatasync", counting, raising=False)
    monkeypatch.setattr(os, "fsync", counting)
    data = _data(12 * CHUNK + 7)
    store = ObjectStore(tmp_path / "objects")
    put = store.put_stream(io.BytesIO(data))
    final = store.path_for(put.sha256)
    assert final.read_bytes() == data
    # Several flushes of the growing file while it was written, then the object's own fsync.
    flushed = [size for inode, size in synced if inode == final.stat().st_ino]
    assert len(flushed) >= 3 and flushed[0] < len(data) and flushed[-1] == len(data)
    assert _threads_left() == []


def test_a_failed_flush_fails_the_copy(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The kernel reports a write error to one fsync only: a flush that saw it must not be lost."""

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(copying, "FLUSH_EVERY", CHUNK)
    monkeypatch.setattr(os, "fdatasync", broken, raising=False)
    store = ObjectStore(tmp_path / "objects")
    with pytest.raises(OSError, match="Input/output"):
        store.put_stream(io.BytesIO(_data(12 * CHUNK)))
    assert list(store.tmp.iterdir()) == []
    assert not any(p.is_file() for p in store.root.rglob("*") if ".journal" not in p.parts)
    assert _threads_left() == []

def test_a_staged_copy_is_invisible_until_published(tmp_path: Path) -> None:
    store = ObjectStore(tmp_path / "objects")
    data = _data(CHUNK // 2)
    staged = store.stage_stream(io.BytesIO(data))
    final = store.path_for(staged.sha256)
    assert staged.path.parent == store.tmp and staged.path.read_bytes() == data
    assert not final.exists()
    store.sync(staged)
    put = store.publish(staged)
    assert not put.existed and final.read_bytes() == data and staged.path == final
    assert list(store.tmp.iterdir()) == []
    again = store.stage_stream(io.BytesIO(data))
    assert again.existed and again.path == final and list(store.tmp.iterdir()) == []
    dropped = store.stage_stream(io.BytesIO(data + b"!"))
    store.discard_staged(dropped)
    assert list(store.tmp.iterdir()) == [] and not store.path_for(dropped.sha256).exists()
