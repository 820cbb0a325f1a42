"""Content-addressed store of originals.

Every read and write of an original goes through this interface, so that an
encrypted store can replace it later without touching ingest, preview or
export. Objects live at ``objects/ab/cd/<sha256>``, are read-only, and
appear only by an atomic rename of a fully written, fsynced temporary file:
a crash leaves either nothing or a complete object.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

CHUNK = 4 * 1024 * 1024
BUFFERS_PER_COPY = 6
WRITEBACK_STEP = 8 * CHUNK
TMP_DIR = ".tmp"
_HEX = set("0123456789abcdef")


class Cancelled(Exception):
    """Raised inside a stream copy when the caller asked to stop."""


@dataclass(frozen=True)
class PutResult:
    sha256: str
    size: int
    existed: bool


def fsync_dir(path: Path) -> None:
    """Make a rename or new entry in ``path`` durable (best effort where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lock_temp(fd: int) -> None:
    """Mark a temporary file as being written, so ``clean_temp`` in another process skips it.

    The lock dies with the process, so a file left by a killed ingest is free to remove.
    A file system without locks (some network shares) only loses that courtesy.
    """
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass


def _remove_if_abandoned(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a live copy is writing it
            except OSError:
                pass  # no locks on this file system: remove, as before
        path.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


class _BufferPool:
    """Copy buffers reused between copies.

    Allocating and zeroing 16 MB for every file cost about 10 ms, more than
    copying a typical photo.
    """

    def __init__(self, keep: int) -> None:
        self._free: list[bytearray] = []
        self._keep = keep
        self._lock = threading.Lock()

    def take(self, count: int) -> list[bytearray]:
        with self._lock:
            reused = [self._free.pop() for _ in range(min(count, len(self._free)))]
        return reused + [bytearray(CHUNK) for _ in range(count - len(reused))]

    def give(self, buffers: list[bytearray]) -> None:
        with self._lock:
            self._free.extend(buffers[: max(0, self._keep - len(self._free))])


_BUFFERS = _BufferPool(keep=2 * BUFFERS_PER_COPY)


def is_sha256(text: str) -> bool:
    return len(text) == 64 and set(text) <= _HEX


class ObjectStore:
    """Originals stored by SHA-256 under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp = self.root / TMP_DIR

    def ensure(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        return open(self.path_for(sha256), "rb")

    def size(self, sha256: str) -> int:
        return self.path_for(sha256).stat().st_size

    def put_stream(
        self,
        src: BinaryIO,
        *,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PutResult:
        """Copy ``src`` into the store, hashing while writing; read it once.

        Hashing and writing run on two threads (both release the GIL), so the
        copy costs about as much as the slower of the two rather than their sum.
        """
        self.ensure()
        fd, tmp_name = _mkstemp(self.tmp)
        tmp_path = Path(tmp_name)
        renamed = False
        try:
            _lock_temp(fd)
            with os.fdopen(fd, "wb", buffering=0, closefd=False) as out:
                digest, size = _copy_hashing(src, out, on_bytes, cancelled)
            final = self.path_for(digest)
            if final.is_file() and final.stat().st_size == size:
                tmp_path.unlink()
                return PutResult(digest, size, existed=True)
            os.fsync(fd)
            os.chmod(tmp_path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            _make_dirs(final.parent)
            if fcntl is None:  # Windows cannot rename an open file
                os.close(fd)
                fd = -1
            os.replace(tmp_path, final)
            renamed = True
            fsync_dir(final.parent)
            return PutResult(digest, size, existed=False)
        except BaseException:
            if not renamed:
                tmp_path.unlink(missing_ok=True)
            raise
        finally:
            if fd >= 0:
                os.close(fd)

    def discard(self, sha256: str) -> None:
        """Remove an object that no item refers to (a torn copy of a changing file)."""
        path = self.path_for(sha256)
        path.unlink(missing_ok=True)

    def hash_object(self, sha256: str, on_bytes: Callable[[int], None] | None = None) -> str:
        """Re-hash a stored object; raises FileNotFoundError when missing.

        Buffers come from the shared pool: zeroing a fresh 4 MiB buffer per
        object holds the GIL, and an archive of small photos would spend more
        time on that than on hashing (and stall the GUI thread meanwhile).
        """
        h = hashlib.sha256()
        with open(self.path_for(sha256), "rb", buffering=0) as f:
            (buf,) = _BUFFERS.take(1)
            try:
                view = memoryview(buf)
                while n := f.readinto(buf):
                    h.update(view[:n])
                    if on_bytes:
                        on_bytes(n)
            finally:
                view.release()
                _BUFFERS.give([buf])
        return h.hexdigest()

    def iter_digests(self) -> Iterator[str]:
        """Every object file name in the store (whatever it looks like)."""
        if not self.root.is_dir():
            return
        for top in sorted(self.root.iterdir()):
            if top.name == TMP_DIR or not top.is_dir():
                continue
            for sub in sorted(top.iterdir()):
                if sub.is_dir():
                    for obj in sorted(sub.iterdir()):
                        yield obj.name

    def iter_files(self) -> Iterator[tuple[str, Path]]:
        """Every file anywhere in the store except temp copies, as (name, path), to find strays."""
        if not self.root.is_dir():
            return
        for folder, subfolders, names in os.walk(self.root):
            if Path(folder) == self.root and TMP_DIR in subfolders:
                subfolders.remove(TMP_DIR)
            subfolders.sort()
            for name in sorted(names):
                yield name, Path(folder) / name

    def clean_temp(self) -> int:
        """Remove temporary files left by an interrupted copy."""
        removed = 0
        if self.tmp.is_dir():
            for leftover in self.tmp.iterdir():
                removed += _remove_if_abandoned(leftover)
        return removed


def _make_dirs(folder: Path) -> None:
    """Create the fan-out folders, fsyncing each new entry so a power cut cannot lose them."""
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        fsync_dir(new.parent)


def _mkstemp(folder: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix="ingest-", suffix=".part", dir=folder)


def _copy_hashing(
    src: BinaryIO,
    out: BinaryIO,
    on_bytes: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[str, int]:
    """Read ``src`` once; hash on this thread while a writer thread writes.

    Buffers rotate through a small pool, so memory stays constant whatever the
    file size. A file that fits in one buffer (most photos) is copied on this
    thread alone: starting a writer thread would cost more than it overlaps.
    """
    h = hashlib.sha256()
    (first_buf,) = _BUFFERS.take(1)
    try:
        n = src.readinto(first_buf)
        if n == CHUNK:
            _read_sequentially(src)
        if n < CHUNK:
            view = memoryview(first_buf)[:n]
            h.update(view)
            if cancelled and cancelled():
                raise Cancelled()
            _write_all(out, view)
            if on_bytes and n:
                on_bytes(n)
            tail = src.readinto(first_buf)  # a file that grew past one buffer meanwhile
            if not tail:
                return h.hexdigest(), n
            h.update(memoryview(first_buf)[:tail])
            _write_all(out, memoryview(first_buf)[:tail])
            if on_bytes:
                on_bytes(tail)
            n += tail
        else:
            h.update(first_buf)
            _write_all(out, memoryview(first_buf))
            if on_bytes:
                on_bytes(n)
    finally:
        _BUFFERS.give([first_buf])
    return _copy_rest_threaded(src, out, h, n, on_bytes, cancelled)


def _write_all(out: BinaryIO, view: memoryview) -> None:
    written = 0
    while written < len(view):
        written += out.write(view[written:])


def _copy_rest_threaded(
    src: BinaryIO,
    out: BinaryIO,
    h: hashlib._Hash,
    size: int,
    on_bytes: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[str, int]:
    """The rest of a large file in three stages: read, hash, write, one thread each.

    SHA-256 is the slowest stage (about 1 GB/s here) and cannot be split, so
    this thread does nothing else: a reader thread fills buffers ahead of it
    and a writer thread writes behind it (all three release the GIL). Each
    buffer is read into once and written from the same memory. The writer asks
    the kernel to start writing back every few buffers, so the final fsync
    waits for the tail rather than for the whole file; the copy's pages then
    leave the page cache instead of pushing out the user's.
    """
    owned = _BUFFERS.take(BUFFERS_PER_COPY)
    free: queue.Queue[bytearray] = queue.Queue()
    for buf in owned:
        free.put(buf)
    to_hash: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
    to_write: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
    stop = threading.Event()
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            while True:
                buf = free.get()
                if stop.is_set():
                    free.put(buf)
                    break
                n = src.readinto(buf)
                if not n:
                    free.put(buf)
                    break
                to_hash.put((buf, n))
        except BaseException as exc:  # surfaced on the hashing thread
            errors.append(exc)
        finally:
            to_hash.put(None)

    def writer() -> None:
        start = written = out.tell()
        kicked = start
        try:
            while (job := to_write.get()) is not None:
                buf, n = job
                _write_all(out, memoryview(buf)[:n])
                free.put(buf)
                written += n
                if written - kicked >= WRITEBACK_STEP:
                    _start_writeback(out, kicked, written - kicked)
                    kicked = written
        except BaseException as exc:  # surfaced on the hashing thread
            errors.append(exc)
            stop.set()
            while (job := to_write.get()) is not None:
                free.put(job[0])

    threads = [
        threading.Thread(target=reader, name="objectstore-reader", daemon=True),
        threading.Thread(target=writer, name="objectstore-writer", daemon=True),
    ]
    for thread in threads:
        thread.start()
    finished = False
    try:
        while not errors:
            if cancelled and cancelled():
                raise Cancelled()
            job = to_hash.get()
            if job is None:
                finished = True
                break
            buf, n = job
            h.update(memoryview(buf)[:n])
            size += n
            to_write.put((buf, n))
            if on_bytes:
                on_bytes(n)
    finally:
        stop.set()
        if not finished:  # stopped early: hand back what the reader still holds ready
            while (left := to_hash.get()) is not None:
                free.put(left[0])
        to_write.put(None)
        for thread in threads:
            thread.join()
        _BUFFERS.give(owned)
    if errors:
        raise errors[0]
    return h.hexdigest(), size


def _start_writeback(out: BinaryIO, offset: int, length: int) -> None:
    """Start writing a finished range to disk now (asynchronously) and let its pages go.

    On Linux, POSIX_FADV_DONTNEED starts writeback of dirty pages in the range
    and drops the clean ones; elsewhere this is a no-op and fsync does it all.
    """
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(out.fileno(), offset, length, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def _read_sequentially(src: BinaryIO) -> None:
    """Tell the kernel the source is read once from start to end (larger read-ahead)."""
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(src.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
        except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
            pass
