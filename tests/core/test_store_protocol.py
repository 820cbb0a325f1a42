"""The file-system store implements the Store interface that every caller uses."""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path

from evidence_desk.core.store.base import Store, is_sha256
from evidence_desk.core.store.filesystem import ObjectStore


def test_file_system_store_is_a_store(tmp_path: Path) -> None:
    store = ObjectStore(tmp_path / "objects")
    assert isinstance(store, Store)


def test_reader_survives_pickling_and_reads_the_content(tmp_path: Path) -> None:
    store = ObjectStore(tmp_path / "objects")
    data = b"evidence " * 1000
    put = store.put_stream(io.BytesIO(data))
    assert put.sha256 == hashlib.sha256(data).hexdigest() and not put.existed
    reader = pickle.loads(pickle.dumps(store.reader(put.sha256)))
    with reader() as f:
        assert f.read() == data
    assert store.size(put.sha256) == len(data)
    assert store.hash_object(put.sha256) == put.sha256
    assert list(store.iter_digests()) == [put.sha256]


def test_entries_tell_objects_in_place_from_strays(tmp_path: Path) -> None:
    store = ObjectStore(tmp_path / "objects")
    put = store.put_stream(io.BytesIO(b"one"))
    misplaced = store.root / "00" / "00" / put.sha256
    misplaced.parent.mkdir(parents=True)
    misplaced.write_bytes(b"one")
    (store.root / "notes.txt").write_text("stray")
    entries = {e.label: e for e in store.entries()}
    own = f"objects/{put.sha256[:2]}/{put.sha256[2:4]}/{put.sha256}"
    assert entries[own].in_place and entries[own].name == put.sha256
    assert not entries[f"objects/00/00/{put.sha256}"].in_place
    assert not entries["objects/notes.txt"].in_place
    assert is_sha256(put.sha256) and not is_sha256("notes.txt")
