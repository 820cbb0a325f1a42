"""Chunked AES-256-GCM streams: round trips, seeking, and every kind of tampering."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from evidence_desk.core.crypto.errors import NotEncrypted, TamperedError
from evidence_desk.core.crypto.stream import (
    DEFAULT_CHUNK,
    HEADER,
    MIN_CHUNK,
    TAG,
    Cancelled,
    DecryptingReader,
    EncryptingWriter,
    ciphertext_size,
    encrypt_stream,
    hash_encrypted,
    name_binding,
    seal,
    unseal,
)

KEY = bytes(range(32))
CHUNK = MIN_CHUNK  # 4 KiB chunks make multi-chunk files cheap to test


def _encrypt(data: bytes, key: bytes = KEY, chunk: int = CHUNK) -> tuple[bytes, bytes]:
    out = io.BytesIO()
    result = encrypt_stream(io.BytesIO(data), out, key, chunk_size=chunk)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.size == len(data)
    assert result.ciphertext_size == len(out.getvalue()) == ciphertext_size(len(data), chunk)
    return out.getvalue(), hashlib.sha256(data).digest()


def _open(blob: bytes, binding: bytes, key: bytes = KEY) -> DecryptingReader:
    return DecryptingReader(io.BytesIO(blob), key, binding, name="obj")


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_round_trip_at_chunk_boundaries(size: int) -> None:
    data = os.urandom(size)
    blob, digest = _encrypt(data)
    with _open(blob, digest) as reader:
        assert reader.size == size
        assert reader.read() == data
    assert hash_encrypted(io.BytesIO(blob), KEY, digest) == digest.hex()


def test_ciphertext_reveals_no_plaintext() -> None:
    data = b"CANARY-witness-name " * 1000
    blob, _ = _encrypt(data)
    assert b"CANARY" not in blob


def test_same_plaintext_encrypts_differently() -> None:
    data = b"x" * 10_000
    assert _encrypt(data)[0] != _encrypt(data)[0]


def test_writer_accepts_arbitrary_write_sizes() -> None:
    data = os.urandom(5 * CHUNK + 123)
    out = io.BytesIO()
    writer = EncryptingWriter(out, KEY, chunk_size=CHUNK)
    pos = 0
    for step in [1, CHUNK - 1, 7, 2 * CHUNK + 5, CHUNK, 10**6]:
        writer.write(data[pos : pos + step])
        pos += step
    result = writer.finish()
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    with pytest.raises(ValueError):
        writer.write(b"more")
    with _open(out.getvalue(), hashlib.sha256(data).digest()) as reader:
        assert reader.read() == data


def test_seek_and_partial_reads_cross_chunks() -> None:
    data = os.urandom(4 * CHUNK + 100)
    blob, digest = _encrypt(data)
    reader = _open(blob, digest)
    for pos, n in [(0, 10), (CHUNK - 5, 10), (3 * CHUNK + 50, 2 * CHUNK), (len(data) - 1, 5)]:
        assert reader.seek(pos) == pos
        assert reader.read(n) == data[pos : pos + n]
        assert reader.tell() == min(pos + n, len(data))
    reader.seek(-20, io.SEEK_END)
    assert reader.read() == data[-20:]
    reader.seek(10)
    reader.seek(5, io.SEEK_CUR)
    assert reader.read(3) == data[15:18]
    reader.seek(len(data) + 10)
    assert reader.read(4) == b""
    with pytest.raises(ValueError):
        reader.seek(-1)
    buffered = io.BufferedReader(_open(blob, digest), buffer_size=1000)
    buffered.seek(2 * CHUNK + 3)
    assert buffered.read(CHUNK) == data[2 * CHUNK + 3 : 3 * CHUNK + 3]


def _chunk_offsets(blob: bytes) -> list[int]:
    return list(range(HEADER.size, len(blob), CHUNK + TAG))


@pytest.mark.parametrize("where", ["header", "first", "middle", "last", "tag"])
def test_flipped_byte_anywhere_is_detected(where: str) -> None:
    data = os.urandom(3 * CHUNK + 10)
    blob, digest = _encrypt(data)
    offsets = _chunk_offsets(blob)
    position = {
        "header": 20,
        "first": offsets[0] + 5,
        "middle": offsets[1] + CHUNK // 2,
        "last": offsets[3] + 2,
        "tag": len(blob) - 1,
    }[where]
    bad = bytearray(blob)
    bad[position] ^= 0x01
    with pytest.raises(TamperedError):
        with _open(bytes(bad), digest) as reader:
            reader.read()
    with pytest.raises(TamperedError):
        hash_encrypted(io.BytesIO(bytes(bad)), KEY, digest)


def test_truncation_at_chunk_boundary_and_inside_is_detected() -> None:
    data = os.urandom(3 * CHUNK)
    blob, digest = _encrypt(data)
    for cut in [HEADER.size + 2 * (CHUNK + TAG), HEADER.size + CHUNK + TAG, len(blob) - 1, 10]:
        with pytest.raises((TamperedError, NotEncrypted)):
            _open(blob[:cut], digest)


def test_appended_bytes_and_chunks_are_detected() -> None:
    data = os.urandom(2 * CHUNK + 5)
    blob, digest = _encrypt(data)
    for extra in [b"\x00", os.urandom(TAG), blob[HEADER.size : HEADER.size + CHUNK + TAG]]:
        with pytest.raises(TamperedError):
            _open(blob + extra, digest)


def test_reordered_chunks_are_detected() -> None:
    data = os.urandom(3 * CHUNK + 1)
    blob, digest = _encrypt(data)
    o = _chunk_offsets(blob)
    size = CHUNK + TAG
    swapped = blob[: o[0]] + blob[o[1] : o[1] + size] + blob[o[0] : o[0] + size] + blob[o[2] :]
    reader = _open(swapped, digest)  # the final chunk is intact, so opening succeeds
    with pytest.raises(TamperedError, match="chunk 1 of 4"):
        reader.read()


def test_chunks_swapped_between_objects_are_detected() -> None:
    a, b = os.urandom(2 * CHUNK + 3), os.urandom(2 * CHUNK + 3)
    blob_a, digest_a = _encrypt(a)
    blob_b, _ = _encrypt(b)
    o = _chunk_offsets(blob_a)
    mixed = blob_a[: o[0]] + blob_b[o[0] : o[1]] + blob_a[o[1] :]
    with pytest.raises(TamperedError):
        _open(mixed, digest_a).read()
    # The whole ciphertext of one object presented under another's address.
    with pytest.raises(TamperedError):
        _open(blob_b, digest_a)
    # Even the header of another object with the rest of this one.
    with pytest.raises(TamperedError):
        _open(blob_b[: HEADER.size] + blob_a[HEADER.size :], digest_a)


def test_wrong_key_is_detected() -> None:
    blob, digest = _encrypt(b"evidence")
    with pytest.raises(TamperedError):
        _open(blob, digest, key=bytes(32))


def test_not_our_format() -> None:
    with pytest.raises(NotEncrypted):
        _open(b"\xff\xd8\xff\xe0 a plain JPEG" + bytes(100), bytes(32))
    bad_chunk = bytearray(_encrypt(b"x")[0])
    bad_chunk[8:12] = (3).to_bytes(4, "big")  # a chunk size that is not a power of two
    with pytest.raises(NotEncrypted):
        _open(bytes(bad_chunk), bytes(32))


def test_seal_binds_the_name() -> None:
    blob = seal(b"thumbnail bytes", KEY, name_binding("thumb/aa/256"))
    assert unseal(blob, KEY, name_binding("thumb/aa/256")) == b"thumbnail bytes"
    with pytest.raises(TamperedError):
        unseal(blob, KEY, name_binding("thumb/bb/256"))
    with pytest.raises(TamperedError, match="over"):
        unseal(seal(b"x" * 100, KEY, bytes(32)), KEY, bytes(32), max_size=10)


def test_cancel_and_progress() -> None:
    seen: list[int] = []
    encrypt_stream(
        io.BytesIO(b"a" * (3 * CHUNK)), io.BytesIO(), KEY, chunk_size=CHUNK, on_bytes=seen.append
    )
    assert sum(seen) == 3 * CHUNK
    with pytest.raises(Cancelled):
        encrypt_stream(io.BytesIO(b"a"), io.BytesIO(), KEY, cancelled=lambda: True)


def test_reader_memory_is_one_chunk() -> None:
    """A 1 MiB-chunk reader over a large file keeps one decrypted chunk, whatever it reads."""
    data = os.urandom(3 << 20)
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, KEY)
    reader = DecryptingReader(io.BytesIO(out.getvalue()), KEY, hashlib.sha256(data).digest())
    reader.seek(1 << 20)
    assert reader.read(10) == data[1 << 20 : (1 << 20) + 10]
    assert len(reader._cached) == 1 << 20


class _Trickle(io.RawIOBase):
    """A source that returns short reads (a pipe, a slow stick)."""

    def __init__(self, data: bytes, step: int) -> None:
        self._data, self._at, self._step = data, 0, step

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = min(len(b), self._step, len(self._data) - self._at)
        b[:n] = self._data[self._at : self._at + n]
        self._at += n
        return n


PIECE = 1 << 18  # encrypt_stream reads and hashes 1 MiB chunks in pieces of this size


@pytest.mark.parametrize(
    "size", [PIECE - 1, PIECE, PIECE + 1, DEFAULT_CHUNK, DEFAULT_CHUNK + PIECE + 5]
)
@pytest.mark.parametrize("step", [None, 100_003])
def test_round_trip_with_pieces_inside_a_chunk(size: int, step: int | None) -> None:
    """Pieces of a chunk are hashed as they are read; the result is the same file."""
    data = os.urandom(size)
    src = io.BytesIO(data) if step is None else _Trickle(data, step)
    out = io.BytesIO()
    result = encrypt_stream(src, out, KEY, chunk_size=DEFAULT_CHUNK)  # type: ignore[arg-type]
    digest = hashlib.sha256(data).digest()
    assert result.sha256 == digest.hex() and result.size == size
    assert result.ciphertext_size == len(out.getvalue())
    assert _open(out.getvalue(), digest).read() == data
