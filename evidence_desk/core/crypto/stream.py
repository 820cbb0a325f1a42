"""Chunked, authenticated streaming encryption of one file (AES-256-GCM).

Why chunks: originals are videos of several GiB; a single GCM message would
have to be held in memory to be authenticated before use, and preview and
playback need to seek. Each 1 MiB chunk is its own GCM message, so memory is
one chunk whatever the file size and any chunk can be read on its own.

Layout: a 36-byte header (magic, version, chunk size, a random 16-byte salt, a
random 8-byte nonce prefix), then the chunks, each ``ciphertext || tag``.

- Every file gets its own key, HKDF(key, salt): chunks copied from another file
  never authenticate, and nonces cannot repeat across files.
- The nonce is ``prefix || chunk index``; the AAD binds the header, the chunk
  index and a final-chunk flag, so reordering, dropping the tail or appending
  chunks is detected.
- The final chunk's AAD also binds a 32-byte *binding*: for objects the SHA-256
  of the plaintext (their content address), for other files a digest of their
  name. The address is only known after the last byte is read (originals are
  read once), which is why it is bound in the last chunk rather than in all of
  them; the reader authenticates the last chunk when it opens, so a ciphertext
  renamed to another address is refused before any byte is returned.

The chunk layout follows from the ciphertext size alone, so a reader knows
where every chunk starts without trusting anything but the header.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from evidence_desk.core.buffer_pool import PLAINTEXT_CHUNKS
from evidence_desk.core.crypto.errors import CryptoError, NotEncrypted, TamperedError

MAGIC = b"EDCRYPT"
VERSION = 1
HEADER = struct.Struct(">7sBI16s8s")  # magic, version, chunk size, salt, nonce prefix
TAG = 16
KEY_SIZE = 32
BINDING_SIZE = 32
DEFAULT_CHUNK = 1 << 20
_PIECE = 1 << 18  # read and hashed in these, so a chunk's read overlaps its hashing
MIN_CHUNK = 1 << 12
MAX_CHUNK = 1 << 24
MAX_CHUNKS = 1 << 32  # the nonce counter is 4 bytes
_FILE_KEY_INFO = b"evidence-desk/stream-file-key/v1"


class Cancelled(Exception):
    """Raised inside ``encrypt_stream`` when the caller asked to stop."""


@dataclass(frozen=True)
class StreamResult:
    """What one encryption wrote: the plaintext's SHA-256 (hex) and both sizes."""

    sha256: str
    size: int
    ciphertext_size: int


@dataclass(frozen=True)
class Layout:
    chunk_size: int
    chunks: int
    plaintext_size: int
    last_chunk_ciphertext: int


def ciphertext_size(plaintext_size: int, chunk_size: int = DEFAULT_CHUNK) -> int:
    chunks = max(1, -(-plaintext_size // chunk_size))
    return HEADER.size + plaintext_size + chunks * TAG


def layout_for(total_size: int, chunk_size: int) -> Layout:
    """Chunk boundaries implied by a ciphertext's size; refuses impossible sizes."""
    body = total_size - HEADER.size
    if body < TAG:
        raise TamperedError("the encrypted file is shorter than one chunk (truncated)")
    full = chunk_size + TAG
    chunks = -(-body // full)
    last = body - (chunks - 1) * full
    if last < TAG:
        raise TamperedError("the encrypted file ends inside a chunk tag (truncated or extended)")
    if chunks > MAX_CHUNKS:
        raise TamperedError("the encrypted file has more chunks than the format allows")
    return Layout(chunk_size, chunks, body - chunks * TAG, last)


def _check_key(key: bytes) -> None:
    if len(key) != KEY_SIZE:
        raise CryptoError(f"an encryption key must be {KEY_SIZE} bytes, not {len(key)}")


def _check_binding(binding: bytes) -> None:
    if len(binding) != BINDING_SIZE:
        raise CryptoError(f"a binding must be {BINDING_SIZE} bytes, not {len(binding)}")


def _check_chunk_size(chunk_size: int) -> None:
    if not (MIN_CHUNK <= chunk_size <= MAX_CHUNK) or chunk_size & (chunk_size - 1):
        raise NotEncrypted(f"chunk size {chunk_size} is not a power of two in 4 KiB..16 MiB")


def _file_aead(key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(HKDF(SHA256(), KEY_SIZE, salt, _FILE_KEY_INFO).derive(key))


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(4, "big")


def _aad(header: bytes, index: int, final: bool, binding: bytes) -> bytes:
    tail = b"\x01" + binding if final else b"\x00"
    return header + index.to_bytes(8, "big") + tail


def name_binding(label: str) -> bytes:
    """A binding for a file addressed by a name rather than by its content."""
    return hashlib.sha256(b"evidence-desk/name-binding/v1\x00" + label.encode()).digest()


def parse_header(header: bytes) -> tuple[int, bytes, bytes]:
    """(chunk size, salt, nonce prefix) of a header; NotEncrypted when it is not ours."""
    if len(header) < HEADER.size or not header.startswith(MAGIC):
        raise NotEncrypted("not an Evidence Desk encrypted file (no EDCRYPT header)")
    _magic, version, chunk_size, salt, prefix = HEADER.unpack(header[: HEADER.size])
    if version != VERSION:
        raise NotEncrypted(f"encrypted file format version {version} is not supported")
    _check_chunk_size(chunk_size)
    return chunk_size, salt, prefix


class EncryptingWriter:
    """A writable that encrypts into ``out`` and hashes the plaintext as it goes.

    One chunk is held back until more data arrives or ``finish`` is called,
    because only then is it known whether it is the final chunk.
    """

    def __init__(
        self,
        out: BinaryIO,
        key: bytes,
        *,
        binding: bytes | None = None,
        chunk_size: int = DEFAULT_CHUNK,
    ) -> None:
        _check_key(key)
        _check_chunk_size(chunk_size)
        if binding is not None:
            _check_binding(binding)
        salt, self._prefix = os.urandom(16), os.urandom(8)
        self._header = HEADER.pack(MAGIC, VERSION, chunk_size, salt, self._prefix)
        self._aead = _file_aead(key, salt)
        self._out = out
        self._binding = binding
        self._chunk = chunk_size
        self._pending = bytearray()
        self._hash = hashlib.sha256()
        self._index = 0
        self._size = 0
        self._written = 0
        self._result: StreamResult | None = None
        self._emit_raw(self._header)

    def _emit_raw(self, data: bytes) -> None:
        view, done = memoryview(data), 0
        while done < len(view):
            done += self._out.write(view[done:]) or 0
        self._written += len(view)

    def _emit(self, plain: bytes | memoryview, final: bool) -> None:
        if self._index >= MAX_CHUNKS:
            raise CryptoError("the file is too large for this encryption format")
        binding = b""
        if final:
            binding = self._binding if self._binding is not None else self._hash.digest()
        aad = _aad(self._header, self._index, final, binding)
        nonce = _nonce(self._prefix, self._index)
        take = getattr(self._out, "take_buffer", None)
        if take is None:
            self._emit_raw(self._aead.encrypt(nonce, plain, aad))
        else:  # a sink lending reused buffers: no fresh 1 MiB allocation per chunk
            size = len(plain) + TAG
            buffer = take()
            self._aead.encrypt_into(nonce, plain, aad, memoryview(buffer)[:size])
            self._out.write_buffer(buffer, size)  # type: ignore[attr-defined]
            self._written += size
        self._index += 1

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._result is not None:
            raise ValueError("write to a finished EncryptingWriter")
        view = memoryview(data).cast("B")
        self._hash.update(view)
        self._size += len(view)
        if self._pending:
            take = min(self._chunk - len(self._pending), len(view))
            self._pending += view[:take]
            view = view[take:]
            if not view:
                return len(data)
            self._emit(bytes(self._pending), final=False)
            self._pending.clear()
        while len(view) > self._chunk:
            self._emit(view[: self._chunk], final=False)
            view = view[self._chunk :]
        self._pending += view
        return len(data)

    def _hash_piece(self, plain: memoryview) -> None:
        """Part of a chunk from ``encrypt_stream``, hashed as soon as it is read."""
        if self._pending:
            raise ValueError("_hash_piece after write")
        self._hash.update(plain)
        self._size += len(plain)

    def _seal_chunk(self, plain: memoryview, final: bool) -> None:
        """A whole chunk, every piece of it already hashed: encrypt and write it."""
        self._emit(plain, final)
        if final:
            self._result = StreamResult(self._hash.hexdigest(), self._size, self._written)

    def finish(self) -> StreamResult:
        """Write the final chunk; returns the plaintext's digest and sizes."""
        if self._result is None:
            self._emit(bytes(self._pending), final=True)
            self._pending.clear()
            self._result = StreamResult(self._hash.hexdigest(), self._size, self._written)
        return self._result


def _fill(src: BinaryIO, buf: bytearray | memoryview) -> int:
    """Read until ``buf`` is full or the stream ends (pipes return short reads)."""
    view = memoryview(buf)
    got = 0
    while got < len(buf):
        n = src.readinto(view[got:])  # type: ignore[attr-defined]  # typing.BinaryIO omits readinto
        if not n:
            break
        got += n
    return got


def encrypt_stream(
    src: BinaryIO,
    out: BinaryIO,
    key: bytes,
    *,
    binding: bytes | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    on_bytes: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    cancel_error: type[BaseException] = Cancelled,
) -> StreamResult:
    """Read ``src`` once to its end, writing its encryption to ``out``.

    The caller's thread reads each chunk in pieces of ``_PIECE``; a second
    thread hashes every piece as soon as it is read, then encrypts the whole
    chunk (hashing and encryption release the interpreter lock), so reading
    overlaps the work even inside a 1 MiB file, as the plain store's copy does.
    Whether a chunk is the last is known from the first piece of the next.
    Three reused buffers, no byte copied on the way.
    """
    writer = EncryptingWriter(out, key, binding=binding, chunk_size=chunk_size)
    piece = min(_PIECE, chunk_size)
    buffers, free = _BUFFERS.take(chunk_size, 3), queue.SimpleQueue[bytearray]()
    for buffer in buffers:
        free.put(buffer)
    work: queue.SimpleQueue[tuple[bool, bytearray, int, int] | None] = queue.SimpleQueue()
    failed: list[BaseException] = []

    def hash_and_seal() -> None:
        while (job := work.get()) is not None:
            seal, buffer, a, b = job  # hash buffer[a:b]; or seal buffer[:a], final = b
            try:
                if not failed and seal:
                    writer._seal_chunk(memoryview(buffer)[:a], bool(b))
                elif not failed:
                    writer._hash_piece(memoryview(buffer)[a:b])
            except BaseException as exc:  # raised again on the caller's thread
                failed.append(exc)
            if seal:
                free.put(buffer)

    def read_piece(buffer: bytearray, start: int) -> int:
        got = _fill(src, memoryview(buffer)[start : min(start + piece, chunk_size)])
        if got:
            work.put((False, buffer, start, start + got))
        return got

    worker = threading.Thread(target=hash_and_seal, name="encrypt-stream", daemon=True)
    worker.start()
    try:
        current, filled = free.get(), 0
        while True:
            if cancelled and cancelled():
                raise cancel_error()
            if failed:
                raise failed[0]
            while filled < chunk_size:
                got = read_piece(current, filled)
                filled += got
                if got < min(piece, chunk_size - filled + got):
                    break  # the end of the stream
            following = free.get() if filled == chunk_size else None
            first = read_piece(following, 0) if following is not None else 0
            final = first == 0
            work.put((True, current, filled, final))
            if on_bytes and filled:
                on_bytes(filled)
            if final:
                break
            current, filled = following, first  # type: ignore[assignment]  # read above
    finally:
        work.put(None)
        worker.join()
        _BUFFERS.give(chunk_size, buffers)
    if failed:
        raise failed[0]
    return writer.finish()


_BUFFERS = PLAINTEXT_CHUNKS


def seal(data: bytes, key: bytes, binding: bytes) -> bytes:
    """Encrypt a small value (a key file, a thumbnail) in memory, same format."""
    out = io.BytesIO()
    writer = EncryptingWriter(out, key, binding=binding)
    writer.write(data)
    writer.finish()
    return out.getvalue()


def unseal(blob: bytes, key: bytes, binding: bytes, *, max_size: int = 64 << 20) -> bytes:
    """Decrypt what ``seal`` made; refuses more than ``max_size`` of plaintext."""
    with DecryptingReader(io.BytesIO(blob), key, binding) as reader:
        if reader.size > max_size:
            raise TamperedError(f"sealed value of {reader.size} bytes is over {max_size}")
        return reader.read()


class DecryptingReader(io.RawIOBase):
    """Seekable plaintext view of an encrypted file; holds one decrypted chunk.

    Opening authenticates the final chunk against ``binding``, so a file that
    is not the one asked for fails before anything is read. Any chunk that
    does not authenticate raises ``TamperedError`` naming the chunk.
    """

    def __init__(
        self, raw: BinaryIO, key: bytes, binding: bytes, *, name: str = "", close_raw: bool = True
    ) -> None:
        super().__init__()
        _check_key(key)
        _check_binding(binding)
        self._raw = raw
        self._close_raw = close_raw
        self._name = f"{name}: " if name else ""
        try:
            raw.seek(0)
            self._header = raw.read(HEADER.size)
            chunk_size, salt, self._prefix = parse_header(self._header)
            total = raw.seek(0, io.SEEK_END)
            self._layout = layout_for(total, chunk_size)
        except CryptoError as exc:
            self._close_quietly()
            raise type(exc)(f"{self._name}{exc}") from None
        self._aead = _file_aead(key, salt)
        self._binding = binding
        self._pos = 0
        self._cached_index = -1
        self._cached = b""
        self._load(self._layout.chunks - 1)

    def _close_quietly(self) -> None:
        if self._close_raw:
            self._raw.close()

    @property
    def size(self) -> int:
        return self._layout.plaintext_size

    @property
    def layout(self) -> Layout:
        return self._layout

    def _load(self, index: int) -> bytes:
        if index == self._cached_index:
            return self._cached
        layout = self._layout
        final = index == layout.chunks - 1
        length = layout.last_chunk_ciphertext if final else layout.chunk_size + TAG
        self._raw.seek(HEADER.size + index * (layout.chunk_size + TAG))
        sealed = self._raw.read(length)
        if len(sealed) != length:
            raise TamperedError(f"{self._name}chunk {index} is short (the file changed)")
        aad = _aad(self._header, index, final, self._binding if final else b"")
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, index), sealed, aad)
        except InvalidTag:
            raise TamperedError(
                f"{self._name}chunk {index + 1} of {layout.chunks} failed authentication "
                "(altered, truncated, extended, reordered or not this file)"
            ) from None
        self._cached_index, self._cached = index, plain
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if self.closed:
            raise ValueError("seek on a closed reader")
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}.get(whence)
        if base is None:
            raise ValueError(f"invalid whence {whence}")
        target = base + offset
        if target < 0:
            raise ValueError(f"negative seek position {target}")
        self._pos = target
        return target

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.closed:
            raise ValueError("read from a closed reader")
        if self._pos >= self.size:
            return 0
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._pos < self.size:
            index, offset = divmod(self._pos, self._layout.chunk_size)
            plain = self._load(index)
            n = min(len(view) - done, len(plain) - offset)
            view[done : done + n] = memoryview(plain)[offset : offset + n]
            done += n
            self._pos += n
        return done

    def readall(self) -> bytes:
        out = bytearray()
        while self._pos < self.size:
            index, offset = divmod(self._pos, self._layout.chunk_size)
            plain = self._load(index)
            out += memoryview(plain)[offset:]
            self._pos += len(plain) - offset
        return bytes(out)

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        buf = bytearray(min(size, max(0, self.size - self._pos)))
        n = self.readinto(buf)
        return bytes(buf[:n])

    def close(self) -> None:
        if not self.closed:
            self._cached = b""
            self._cached_index = -1
            self._close_quietly()
        super().close()


def hash_encrypted(
    raw: BinaryIO,
    key: bytes,
    binding: bytes,
    *,
    name: str = "",
    on_bytes: Callable[[int], None] | None = None,
) -> str:
    """Authenticate every chunk and return the SHA-256 of the plaintext."""
    h = hashlib.sha256()
    with DecryptingReader(raw, key, binding, name=name) as reader:
        for index in range(reader.layout.chunks):
            plain = reader._load(index)
            h.update(plain)
            if on_bytes:
                on_bytes(len(plain))
    return h.hexdigest()
