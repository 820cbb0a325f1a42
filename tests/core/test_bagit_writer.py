"""The streaming BagIt writer and reader, independent of any archive."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from evidence_desk.core.bagit_bundle import (
    BagWriter,
    bag_info_bytes,
    copy_hashing,
    decode_path,
    encode_path,
    manifest_bytes,
)
from evidence_desk.core.bagit_read import open_bag, parse_bag_info, parse_manifest
from evidence_desk.core.store.filesystem import Cancelled


def _bag(dest: Path, zip: bool = False) -> BagWriter:
    writer = BagWriter(dest, zip=zip)
    writer.add_bytes("data/a.txt", b"hello\n")
    writer.add_stream("data/sub/b.bin", io.BytesIO(bytes(range(256)) * 40000), 256 * 40000)
    writer.write_tag_files([("Contact-Name", "Ана\nline two")])
    writer.add_uncovered("signature/x.sig", b"sig")
    return writer


def test_folder_bag_validates_with_bagit_library(tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    writer = _bag(tmp_path / "bag")
    assert not (tmp_path / "bag").exists() and writer.temp_path.is_dir()
    writer.commit()
    assert not writer.temp_path.exists()
    bag = bagit.Bag(str(tmp_path / "bag"))
    bag.validate()
    assert bag.info["Payload-Oxum"] == f"{6 + 256 * 40000}.2"
    assert bag.info["Contact-Name"] == "Ана line two"


def test_zip_bag_has_one_top_folder_and_reads_back(tmp_path: Path) -> None:
    _bag(tmp_path / "out.zip", zip=True).commit()
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert {n.split("/")[0] for n in zf.namelist()} == {"out"}
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
    with open_bag(tmp_path / "out.zip") as bag:
        assert bag.files["data/a.txt"] == 6
        manifest, problems = parse_manifest(bag.read_small("manifest-sha256.txt"), "m")
        assert problems == [] and set(manifest) == {"data/a.txt", "data/sub/b.bin"}
        assert "signature/x.sig" in bag.files
        tags, _ = parse_manifest(bag.read_small("tagmanifest-sha256.txt"), "t")
        assert set(tags) == {"bagit.txt", "bag-info.txt", "manifest-sha256.txt"}


def test_discard_removes_everything(tmp_path: Path) -> None:
    for zipped in (False, True):
        writer = BagWriter(tmp_path / ("x.zip" if zipped else "x"), zip=zipped)
        writer.add_bytes("data/a.txt", b"1")
        writer.discard()
    assert list(tmp_path.iterdir()) == []


def test_commit_refuses_to_overwrite(tmp_path: Path) -> None:
    writer = _bag(tmp_path / "bag")
    (tmp_path / "bag").mkdir()
    with pytest.raises(FileExistsError):
        writer.commit()
    writer.discard()


def test_copy_hashing_cancels_and_counts() -> None:
    out = io.BytesIO()
    seen = []
    digest, size = copy_hashing(io.BytesIO(b"x" * 10), out.write, on_bytes=seen.append)
    assert size == 10 and sum(seen) == 10 and out.getvalue() == b"x" * 10
    assert digest == hashlib.sha256(b"x" * 10).hexdigest()
    with pytest.raises(Cancelled):
        copy_hashing(io.BytesIO(b"x"), out.write, cancelled=lambda: True)


def test_manifest_and_info_formats() -> None:
    assert encode_path("a%b\nc\r") == "a%25b%0Ac%0D"
    assert decode_path(encode_path("a%b\nc\r")) == "a%b\nc\r"
    text = manifest_bytes([("data/b", "2" * 64), ("data/a", "1" * 64)]).decode()
    assert text == f"{'1' * 64}  data/a\n{'2' * 64}  data/b\n"
    assert parse_bag_info(bag_info_bytes([("A", "x\ny")])) == [("A", "x y")]
    assert parse_bag_info(b"A: one\n  two\nB: 3\n") == [("A", "one two"), ("B", "3")]


def test_parse_manifest_rejects_unsafe_and_malformed_lines() -> None:
    data = (
        f"{'a' * 64}  data/ok\n{'b' * 64}  ../etc/passwd\n{'c' * 64}  /abs\n"
        f"nothex  data/x\n{'d' * 64}  data/ok\n"
    ).encode()
    entries, problems = parse_manifest(data, "manifest")
    assert entries == {"data/ok": "a" * 64}
    assert len(problems) == 4
    assert any("traversal" in p for p in problems) and any("absolute" in p for p in problems)
