"""The object store of an encrypted archive.

Same folders, same names, same atomic write as the plain store: an object
lives at ``objects/ab/cd/<sha256 of the plaintext>``, so dedupe, bundles,
custody and verify keep their meaning. Only the bytes differ: each file is the
chunked AES-256-GCM encryption of the original (``core.crypto.stream``), with
its address bound in the final chunk, so a ciphertext moved to another name
does not open. Plaintext exists only in memory, one chunk at a time.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from evidence_desk.core.buffer_pool import PLAINTEXT_CHUNKS, BufferPool
from evidence_desk.core.crypto.errors import NotEncrypted, TamperedError
from evidence_desk.core.crypto.stream import (
    DEFAULT_CHUNK,
    HEADER,
    TAG,
    DecryptingReader,
    ciphertext_size,
    encrypt_stream,
    hash_encrypted,
    layout_for,
    name_binding,
    parse_header,
    seal,
)
from evidence_desk.core.store.base import Cancelled, StagedCopy
from evidence_desk.core.store.copying import EarlyFlush
from evidence_desk.core.store.filesystem import (
    ObjectStore,
    Staged,
    _open_regular,
)

_QUEUE_DEPTH = 8


def thumbnail_binding(sha256: str) -> bytes:
    """What a thumbnail's encryption is bound to: the item it shows."""
    return name_binding(f"thumbs/{sha256}")


@dataclass(frozen=True)
class EncryptedReader:
    """Opens one encrypted object as plaintext; picklable, for the analysis workers.

    It carries the objects key: it goes only through the pipe to the
    application's own worker processes, never to disk.
    """

    path: Path
    key: bytes = field(repr=False)
    sha256: str

    def __call__(self) -> BinaryIO:
        return open_object(self.path, self.key, self.sha256)


@dataclass(frozen=True)
class ThumbnailSealer:
    """Encrypts a thumbnail's JPEG bound to its item; picklable, like EncryptedReader."""

    key: bytes = field(repr=False)
    sha256: str

    def __call__(self, jpeg: bytes) -> bytes:
        return seal(jpeg, self.key, thumbnail_binding(self.sha256))


def open_object(path: Path, key: bytes, sha256: str) -> BinaryIO:
    """A plaintext reader of one encrypted object file, for code that holds only its
    path and the objects key (an analysis worker in another process)."""
    raw = open(path, "rb", buffering=0)
    try:
        return DecryptingReader(  # type: ignore[return-value]
            raw, key, bytes.fromhex(sha256), name=f"object {sha256[:12]}"
        )
    except NotEncrypted as exc:
        raise TamperedError(str(exc)) from None


class _ThreadedSink:
    """Writes ciphertext chunks on a thread of its own.

    Hashing and encrypting happen on other threads (both release the
    interpreter lock), so the disk write overlaps them as in the plain store;
    as there, ``EarlyFlush`` fdatasyncs what is written so far while the copy
    goes on, and a failed flush fails the copy. Chunks are encrypted into buffers
    the sink lends and takes back once written (``take_buffer``), kept between
    files: a fresh 1 MiB buffer per chunk costs page faults on every chunk.
    Memory: at most ``_QUEUE_DEPTH`` chunks in flight.
    """

    def __init__(self, out: BinaryIO, chunk_size: int) -> None:
        self._out = out
        self._queue: queue.Queue[tuple[bytes | bytearray, int] | None] = queue.Queue(
            maxsize=_QUEUE_DEPTH
        )
        self._size = chunk_size + TAG
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self._lent = _CHUNKS.take(self._size, _QUEUE_DEPTH + 2)
        for buffer in self._lent:
            self._free.put(buffer)
        self._error: BaseException | None = None
        self._flushes = EarlyFlush(out.fileno(), self._flush_failed)
        self._thread = threading.Thread(target=self._run, name="encrypted-writer", daemon=True)
        self._thread.start()

    def _flush_failed(self, exc: OSError) -> None:  # surfaced on the caller's thread
        self._error = exc

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            data, size = job
            try:
                if self._error is None:
                    view = memoryview(data)[:size]
                    done = 0
                    while done < size:
                        done += self._out.write(view[done:]) or 0
                    self._flushes.wrote(done)
            except BaseException as exc:  # surfaced on the caller's thread
                self._error = exc
            finally:
                if isinstance(data, bytearray) and len(data) == self._size:
                    self._free.put(data)

    def take_buffer(self) -> bytearray:
        """A buffer of one chunk's ciphertext size, back here once written."""
        if self._error is not None:
            raise self._error
        return self._free.get()

    def write_buffer(self, buffer: bytearray, size: int) -> None:
        self._queue.put((buffer, size))

    def write(self, data: bytes) -> int:
        if self._error is not None:
            raise self._error
        self._queue.put((bytes(data), len(data)))
        return len(data)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._flushes.join()
        _CHUNKS.give(self._size, self._lent)
        if self._error is not None:
            raise self._error


_CHUNKS = BufferPool(keep=_QUEUE_DEPTH + 2)


class EncryptedStore(ObjectStore):
    """Originals by plaintext SHA-256, each file encrypted with the objects key."""

    encrypted = True

    def __init__(self, root: Path, key: bytes, *, chunk_size: int = DEFAULT_CHUNK) -> None:
        super().__init__(root)
        self._key = key
        self._chunk = chunk_size

    def _raw(self, sha256: str) -> BinaryIO:
        """The ciphertext file itself: never through a link, never anything but a file."""
        expected = os.path.join(os.path.realpath(self.root), sha256[:2], sha256[2:4], sha256)
        return _open_regular(self.path_for(sha256), expected)

    def open(self, sha256: str) -> BinaryIO:
        """A seekable plaintext reader (one chunk in memory); TamperedError on bad data."""
        return open_object(self.path_for(sha256), self._key, sha256)

    def forget_key(self) -> None:
        """Drop the reference to the key (the archive was closed or locked), and zero
        the buffers that carried plaintext or ciphertext chunks."""
        self._key = b""
        _CHUNKS.clear()
        PLAINTEXT_CHUNKS.clear()

    def reader(self, sha256: str) -> EncryptedReader:  # type: ignore[override]
        return EncryptedReader(self.path_for(sha256), self._key, sha256)

    def size(self, sha256: str) -> int:
        """The original's size, from the ciphertext's size and header alone."""
        with self._raw(sha256) as f:
            chunk_size, _salt, _prefix = parse_header(f.read(HEADER.size))
            total = os.fstat(f.fileno()).st_size
        return layout_for(total, chunk_size).plaintext_size

    def stored_size(self, size: int) -> int:
        return ciphertext_size(size, self._chunk)

    def staged_reader(self, staged: StagedCopy) -> EncryptedReader:  # type: ignore[override]
        """Decrypts the staged ciphertext (or the object it turned out to be)."""
        assert isinstance(staged, Staged), "a copy staged by another store"
        return EncryptedReader(staged.path, self._key, staged.sha256)

    def _copy_into(
        self,
        src: BinaryIO,
        out: BinaryIO,
        on_bytes: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, int]:
        """Staging writes the encryption: no plaintext of an original reaches the disk."""
        sink = _ThreadedSink(out, self._chunk)
        try:
            result = encrypt_stream(
                src,
                sink,  # type: ignore[arg-type]
                self._key,
                chunk_size=self._chunk,
                on_bytes=on_bytes,
                cancelled=cancelled,
                cancel_error=Cancelled,
            )
        finally:
            sink.close()
        return result.sha256, result.size

    def hash_object(self, sha256: str, on_bytes: Callable[[int], None] | None = None) -> str:
        """Decrypt, authenticate every chunk and re-hash the plaintext.

        Raises TamperedError when the ciphertext fails authentication (or is
        not ciphertext at all): verify reports that as an altered original.
        """
        with self._raw(sha256) as raw:
            try:
                return hash_encrypted(
                    raw, self._key, bytes.fromhex(sha256), name=sha256[:12], on_bytes=on_bytes
                )
            except NotEncrypted as exc:
                raise TamperedError(f"{sha256[:12]}: {exc}") from None
