"""The encrypted object store: same addresses as the plain store, no plaintext on disk."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from evidence_desk.core.crypto.errors import TamperedError
from evidence_desk.core.crypto.stream import MIN_CHUNK
from evidence_desk.core.store.encrypted import EncryptedStore
from evidence_desk.core.store.filesystem import Cancelled, ObjectStore

KEY = os.urandom(32)
CANARY = b"CANARY-9d1c-witness"


def _store(tmp_path: Path, key: bytes = KEY, chunk: int = MIN_CHUNK) -> EncryptedStore:
    return EncryptedStore(tmp_path / "objects", key, chunk_size=chunk)


def _scan(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_addresses_match_the_plain_store_and_no_plaintext_is_written(tmp_path: Path) -> None:
    data = CANARY * 5000  # several 4 KiB chunks
    enc = _store(tmp_path)
    plain = ObjectStore(tmp_path / "plain")
    put = enc.put_stream(io.BytesIO(data))
    assert put.sha256 == plain.put_stream(io.BytesIO(data)).sha256
    assert put.sha256 == hashlib.sha256(data).hexdigest() and put.size == len(data)
    assert not put.existed and enc.exists(put.sha256)
    assert _scan(tmp_path / "objects", b"CANARY") == []
    assert enc.size(put.sha256) == len(data)
    with enc.open(put.sha256) as f:
        assert f.read() == data
    assert enc.hash_object(put.sha256) == put.sha256
    assert list(enc.iter_digests()) == [put.sha256]


def test_same_content_is_stored_once(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = store.put_stream(io.BytesIO(b"same"))
    second = store.put_stream(io.BytesIO(b"same"))
    assert second.existed and second.sha256 == first.sha256
    assert list(store.tmp.iterdir()) == []


def test_large_object_streams_with_seek(tmp_path: Path) -> None:
    data = os.urandom(3 * (1 << 20) + 12345)
    store = EncryptedStore(tmp_path / "objects", KEY)  # real 1 MiB chunks
    seen: list[int] = []
    put = store.put_stream(io.BytesIO(data), on_bytes=seen.append)
    assert sum(seen) == len(data)
    with store.open(put.sha256) as f:
        f.seek(2 * (1 << 20) - 10)
        assert f.read(20) == data[2 * (1 << 20) - 10 : 2 * (1 << 20) + 10]
        assert f.tell() == 2 * (1 << 20) + 10


def test_altered_ciphertext_is_reported_not_returned(tmp_path: Path) -> None:
    store = _store(tmp_path)
    put = store.put_stream(io.BytesIO(os.urandom(3 * MIN_CHUNK)))
    path = store.path_for(put.sha256)
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[100] ^= 0x20
    path.write_bytes(bytes(data))
    with pytest.raises(TamperedError, match="chunk 1 of 3"):
        store.hash_object(put.sha256)
    with pytest.raises(OSError):  # every reader that handles unreadable files handles this
        with store.open(put.sha256) as f:
            f.read()


def test_ciphertext_moved_to_another_address_does_not_open(tmp_path: Path) -> None:
    store = _store(tmp_path)
    a = store.put_stream(io.BytesIO(b"exhibit A"))
    b = store.put_stream(io.BytesIO(b"exhibit B"))
    path_a = store.path_for(a.sha256)
    os.chmod(path_a, 0o600)
    path_a.write_bytes(store.path_for(b.sha256).read_bytes())
    with pytest.raises(TamperedError):
        store.open(a.sha256)
    with pytest.raises(TamperedError):
        store.hash_object(a.sha256)


def test_a_plaintext_copy_in_place_of_the_ciphertext_is_altered(tmp_path: Path) -> None:
    store = _store(tmp_path)
    put = store.put_stream(io.BytesIO(b"exhibit"))
    path = store.path_for(put.sha256)
    os.chmod(path, 0o600)
    path.write_bytes(b"exhibit")
    with pytest.raises(TamperedError, match="not an Evidence Desk encrypted file"):
        store.hash_object(put.sha256)


def test_wrong_key_cannot_read(tmp_path: Path) -> None:
    put = _store(tmp_path).put_stream(io.BytesIO(b"secret"))
    with pytest.raises(TamperedError):
        _store(tmp_path, key=os.urandom(32)).open(put.sha256)


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with pytest.raises(Cancelled):
        store.put_stream(io.BytesIO(b"x" * 100_000), cancelled=lambda: True)
    assert list(store.tmp.iterdir()) == []
    assert list(store.iter_digests()) == []


def test_read_error_surfaces_and_leaves_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path)

    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:  # type: ignore[no-untyped-def, override]
            raise OSError(5, "device gone")

    with pytest.raises(OSError, match="device gone"):
        store.put_stream(Failing())
    assert list(store.tmp.iterdir()) == []


def test_encrypted_store_is_a_store_and_its_reader_pickles(tmp_path: Path) -> None:
    import pickle

    from evidence_desk.core.store.base import Store

    store = _store(tmp_path)
    assert isinstance(store, Store)
    data = CANARY * 3000
    put = store.put_stream(io.BytesIO(data))
    reader = pickle.loads(pickle.dumps(store.reader(put.sha256)))
    assert KEY.hex() not in repr(reader)
    with reader() as f:
        f.seek(5)
        assert f.read(10) == data[5:15]
    entries = list(store.entries())
    assert [e.name for e in entries] == [put.sha256] and entries[0].in_place


def test_staged_copy_is_ciphertext_until_published(tmp_path: Path) -> None:
    """Ingest stages copies (fsynced on another thread, analysed, then published):
    the staged temporary file holds ciphertext only, and reads back as the original."""
    data = CANARY * 3000
    enc = _store(tmp_path)
    staged = enc.stage_stream(io.BytesIO(data))
    assert staged.sha256 == hashlib.sha256(data).hexdigest() and not staged.existed
    assert not enc.exists(staged.sha256)  # not an object before publish
    assert _scan(tmp_path / "objects", b"CANARY") == []
    with enc.staged_reader(staged)() as f:
        assert f.read() == data
    enc.announce([staged])
    enc.sync(staged)
    put = enc.publish(staged)
    assert not put.existed and enc.exists(put.sha256)
    with enc.open(put.sha256) as f:
        assert f.read() == data
    assert enc.hash_object(put.sha256) == put.sha256
    again = enc.stage_stream(io.BytesIO(data))  # the same content names the object
    assert again.existed and enc.publish(again).existed
    assert list((tmp_path / "objects" / ".tmp").iterdir()) == []


def test_stream_encryption_error_on_the_worker_thread_surfaces(tmp_path: Path) -> None:
    """A write failing on the encrypting thread ends the copy with that error."""

    class Broken(io.RawIOBase):
        """Takes the header (written on the caller's thread), then the disk is full."""

        def __init__(self) -> None:
            self.writes = 0

        def writable(self) -> bool:
            return True

        def write(self, b: object) -> int:
            self.writes += 1
            if self.writes > 1:
                raise OSError(28, "No space left on device")
            return len(memoryview(b))  # type: ignore[arg-type]

    from evidence_desk.core.crypto.stream import encrypt_stream

    with pytest.raises(OSError, match="No space"):
        out = Broken()
        encrypt_stream(io.BytesIO(CANARY * 4000), out, KEY, chunk_size=MIN_CHUNK)  # type: ignore[arg-type]


def test_forgetting_the_key_zeroes_the_kept_buffers(tmp_path: Path) -> None:
    """Chunk buffers are kept between files for speed; locking zeroes them."""
    from evidence_desk.core.buffer_pool import PLAINTEXT_CHUNKS
    from evidence_desk.core.store import encrypted

    enc = _store(tmp_path)
    enc.put_stream(io.BytesIO(CANARY * 2000))
    pools = (PLAINTEXT_CHUNKS, encrypted._CHUNKS)
    kept = [b for pool in pools for spare in pool._spare.values() for b in spare]
    assert any(CANARY in bytes(b) for b in kept)
    enc.forget_key()
    assert not any(b.strip(b"\0") for b in kept)
    assert not PLAINTEXT_CHUNKS._spare and not encrypted._CHUNKS._spare
