"""Copying a stream into a file while hashing it, at the machine's limits.

One buffer's worth (most photos) is copied on the calling thread; anything
larger goes through three threads (read, hash, write) that all release the
interpreter lock, in small buffers that stay in the processor's cache.
Buffers are reused between copies, so memory stays fixed whatever the file
size.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import threading
from collections.abc import Callable
from typing import BinaryIO

from evidence_desk.core.buffer_pool import BufferPool
from evidence_desk.core.store.base import Cancelled

CHUNK = 4 * 1024 * 1024
# The pipeline of a large copy: each piece is read into, hashed and written from
# while it is still in the cache (1 MiB of L2 per core here). With 6 x 4 MiB the
# same 1 GiB copy spent 2.2-2.7 s in the kernel instead of 0.45 s: every read
# and write copied to and from main memory. 8 pieces keep the reader ahead.
PIECE = 256 * 1024
PIECES_PER_COPY = 8
# While a large copy is written, what is already written goes to the disk on a
# thread of its own, one ``fdatasync`` at a time, every FLUSH_EVERY bytes.
FLUSH_EVERY = 64 * 1024 * 1024


_BUFFERS = BufferPool(keep=4)  # CHUNK-sized: allocating and zeroing 16 MB per file cost ~10 ms
_PIECES = BufferPool(keep=2 * PIECES_PER_COPY)  # PIECE-sized


class EarlyFlush:
    """fdatasyncs what a writer has written so far, every ``FLUSH_EVERY`` bytes, on a
    thread of its own, one at a time; the writer never waits for it.

    The final fsync that makes an object durable then has only the tail left, and
    the copy does not collect a gigabyte of dirty pages that the kernel throttles.
    A failed flush goes to ``on_error``: the kernel reports a write error to one
    fsync only, so the final one could not be trusted to see it.
    """

    def __init__(self, fd: int, on_error: Callable[[OSError], None]) -> None:
        self._fd = fd  # -1: not a file, nothing to flush
        self._on_error = on_error
        self._unflushed = 0
        self._thread: threading.Thread | None = None  # the latest flush (one at a time)

    def _flush(self) -> None:
        try:
            getattr(os, "fdatasync", os.fsync)(self._fd)
        except OSError as exc:
            self._on_error(exc)

    def wrote(self, n: int) -> None:
        """Called by the writer after each write."""
        self._unflushed += n
        if self._fd < 0 or self._unflushed < FLUSH_EVERY:
            return
        if self._thread is not None and self._thread.is_alive():  # one flush at a time
            return
        self._unflushed = 0
        self._thread = threading.Thread(target=self._flush, name="flush", daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait for the flushes started (call after the writer has ended): a flush starts
        only when the one before has ended, so only the latest can still run."""
        if self._thread is not None:
            self._thread.join()


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
    (first_buf,) = _BUFFERS.take(CHUNK, 1)
    try:
        n = src.readinto(first_buf)  # type: ignore[attr-defined]  # typing.BinaryIO omits readinto
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
            # A file that grew past one buffer meanwhile (BinaryIO omits readinto).
            tail = src.readinto(first_buf)  # type: ignore[attr-defined]
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
        _BUFFERS.give(CHUNK, [first_buf])
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
    piece (``PIECE``) is read into once and written from the same memory.

    The disk writes while the hash runs: every ``FLUSH_EVERY`` bytes a fourth
    thread fdatasyncs what is written so far, and the writer never waits for
    it. The fsync that makes the object durable (``ObjectStore.sync``) then
    has only the tail left: 0.01-0.13 s instead of 0.3-0.4 s for 1 GiB here,
    and the copy no longer collects a gigabyte of dirty pages that the kernel
    throttles (the same copy took 1.2-2.2 s instead of 1.3-5.3 s, loaded
    machine). (Asking the kernel to write back on the writer thread itself
    made it 2x slower on a busy disk: the writer then waited for the device.)
    A failed flush fails the copy: the kernel reports a write error to one
    fsync only, so the final one could not be trusted to see it.
    """
    owned = _PIECES.take(PIECE, PIECES_PER_COPY)
    free: queue.Queue[bytearray] = queue.Queue()
    for buf in owned:
        free.put(buf)
    to_hash: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
    to_write: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
    stop = threading.Event()
    errors: list[BaseException] = []

    def failed_flush(exc: OSError) -> None:  # surfaced on the hashing thread
        errors.append(exc)
        stop.set()

    flushes = EarlyFlush(_file_descriptor(out), failed_flush)

    def reader() -> None:
        try:
            while True:
                buf = free.get()
                if stop.is_set():
                    free.put(buf)
                    break
                n = src.readinto(buf)  # type: ignore[attr-defined]  # typing.BinaryIO omits readinto
                if not n:
                    free.put(buf)
                    break
                to_hash.put((buf, n))
        except BaseException as exc:  # surfaced on the hashing thread
            errors.append(exc)
        finally:
            to_hash.put(None)

    def writer() -> None:
        try:
            while (job := to_write.get()) is not None:
                buf, n = job
                _write_all(out, memoryview(buf)[:n])
                free.put(buf)
                flushes.wrote(n)
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
    unreported = 0  # progress and cancel checks every CHUNK bytes, not for every piece
    try:
        while not errors:
            job = to_hash.get()
            if job is None:
                finished = True
                break
            buf, n = job
            h.update(memoryview(buf)[:n])
            size += n
            to_write.put((buf, n))
            unreported += n
            if unreported >= CHUNK:
                if on_bytes:
                    on_bytes(unreported)
                unreported = 0
                if cancelled and cancelled():
                    raise Cancelled()
        if on_bytes and unreported and not errors:
            on_bytes(unreported)
    finally:
        stop.set()
        if not finished:  # stopped early: hand back what the reader still holds ready
            while (left := to_hash.get()) is not None:
                free.put(left[0])
        to_write.put(None)
        for thread in threads:
            thread.join()
        flushes.join()  # the writer, which starts them, has ended
        _PIECES.give(PIECE, owned)
    if errors:
        raise errors[0]
    return h.hexdigest(), size


def _file_descriptor(stream: BinaryIO) -> int:
    """A stream's file descriptor, or -1 when it is not a file (nothing to flush, no
    early copy to take)."""
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return -1


def _read_sequentially(src: BinaryIO) -> None:
    """Tell the kernel the source is read once from start to end (larger read-ahead)."""
    fd = _file_descriptor(src)
    if fd >= 0 and hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
        except OSError:
            pass
