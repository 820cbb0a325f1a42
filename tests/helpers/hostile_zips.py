"""The zip variants of the hostile corpus (see ``hostile_corpus``): damaged structures, CRC
errors, name mismatches, bombs, count and size lies, hostile names and entry types."""

from __future__ import annotations

import struct
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from evidence_desk.core import bundle_layout as L
from tests.helpers import hostile as H
from tests.helpers.hostile import Base, Variant

# Zip variants ----------------------------------------------------------------------------


def _zip_of(base: Base, tmp: Path, name: str = "bundle.zip") -> Path:
    return H.write_zip(tmp / name, H.folder_entries(base.folder))


def _zip_variant(vid: str, damage: Callable[[Base, Path], Path], verify_exit: int,
                 import_exit: int, names: tuple[str, ...]) -> Variant:  # fmt: skip
    return Variant(f"zip-{vid}", damage, verify_exit, import_exit, names)


def _flip_data(member: str) -> Callable[[Base, Path], Path]:
    def build(base: Base, tmp: Path) -> Path:
        path = _zip_of(base, tmp)
        _, data_at = H.entry_offsets(path)[f"bundle/{member}"]
        raw = path.read_bytes()
        return H.patch(path, data_at + 2, bytes([raw[data_at + 2] ^ 0x20]))

    return build


def _rename_local(member: str, new: bytes) -> Callable[[Base, Path], Path]:
    def build(base: Base, tmp: Path) -> Path:
        path = _zip_of(base, tmp)
        header, _ = H.entry_offsets(path)[f"bundle/{member}"]
        old = f"bundle/{member}".encode()
        return H.patch(path, header + 30, new.ljust(len(old), b"x")[: len(old)])

    return build


def first_object(base: Base) -> str:
    return sorted(p.name for p in (base.folder / L.OBJECTS_DIR).iterdir())[0]


def _with_entries(extra: Callable[[Base], list[tuple[zipfile.ZipInfo | str, bytes]]]):
    def build(base: Base, tmp: Path) -> Path:
        entries = [*H.folder_entries(base.folder), *extra(base)]
        return H.write_zip(tmp / "bundle.zip", entries)

    return build


def _info(name: str, mode: int | None = None, flags: int = 0, method: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.external_attr = mode << 16
    info.flag_bits |= flags
    info.compress_type = method
    return info


def _raw_name_zip(flag_utf8: bool) -> Callable[[Base, Path], Path]:
    """An entry whose name bytes are not UTF-8 (0xFF), with or without the UTF-8 flag."""

    def build(base: Base, tmp: Path) -> Path:
        entries = [*H.folder_entries(base.folder), ("bundle/data/objects/Zname.jpg", b"x")]
        path = H.write_zip(tmp / "bundle.zip", entries)
        raw = bytearray(path.read_bytes())
        needle = b"bundle/data/objects/Zname.jpg"
        at = raw.find(needle)
        while at >= 0:
            raw[at + len(b"bundle/data/objects/")] = 0xFF
            if flag_utf8:
                local = raw[at - 30 : at - 26] == b"PK\x03\x04"
                flag_at = at - 30 + 6 if local else at - 46 + 8
                flags = struct.unpack_from("<H", raw, flag_at)[0] | 0x800
                struct.pack_into("<H", raw, flag_at, flags)
            at = raw.find(needle, at + 1)
        path.write_bytes(bytes(raw))
        return path

    return build


def _end_record(edit: Callable[[bytearray, int], None]) -> Callable[[Base, Path], Path]:
    def build(base: Base, tmp: Path) -> Path:
        path = _zip_of(base, tmp)
        raw = bytearray(path.read_bytes())
        edit(raw, raw.rfind(b"PK\x05\x06"))
        path.write_bytes(bytes(raw))
        return path

    return build


def _count_bomb(raw: bytearray, at: int) -> None:
    """A zip64 end record declaring ten million entries (the directory holds ~30)."""
    cd_size, cd_offset = struct.unpack_from("<2L", raw, at + 12)
    eocd64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0,
                         10_000_000, 10_000_000, cd_size, cd_offset)  # fmt: skip
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, at, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    raw[at:] = eocd64 + locator + end


def _central_sizes(member_suffix: str, size: int) -> Callable[[Base, Path], Path]:
    """Declare ``size`` bytes for an entry in the central directory (and its local header)."""

    def build(base: Base, tmp: Path) -> Path:
        path = _zip_of(base, tmp)
        raw = bytearray(path.read_bytes())
        at = raw.find(b"PK\x01\x02")
        while at >= 0:
            n = struct.unpack_from("<H", raw, at + 28)[0]
            name = bytes(raw[at + 46 : at + 46 + n])
            if name.endswith(member_suffix.encode()):
                struct.pack_into("<2L", raw, at + 20, size, size)
            at = raw.find(b"PK\x01\x02", at + 4)
        path.write_bytes(bytes(raw))
        return path

    return build


def zip_variants() -> list[Variant]:
    obj = "data/objects/"
    nfc = unicodedata.normalize("NFC", "bundle/data/objects/é.jpg")
    nfd = unicodedata.normalize("NFD", nfc)
    v = [
        _zip_variant("crc-bagit", _flip_data(L.BAGIT_TXT), 1, 1, ("bagit.txt",)),
        _zip_variant("crc-bag-info", _flip_data(L.BAG_INFO), 1, 1, ("bag-info.txt",)),
        _zip_variant("crc-items", _flip_data(L.ITEMS_JSON), 1, 1, ("items.json",)),
        _zip_variant("crc-custody", _flip_data(L.CUSTODY_JSON), 1, 1, ("custody.json",)),
        _zip_variant("crc-signature", _flip_data(L.SIGNATURE), 1, 1, ("tagmanifest-sha256.txt",)),
        _zip_variant("crc-tagmanifest", _flip_data(L.TAGMANIFEST), 1, 1, ("tagmanifest",)),
        _zip_variant(
            "name-mismatch-bagit",
            _rename_local(L.BAGIT_TXT, b"bundle/bagiX.txt"),
            1,
            1,
            ("bagit.txt",),
        ),  # fmt: skip
        _zip_variant(
            "name-mismatch-items",
            _rename_local(L.ITEMS_JSON, b"../../../../evil"),
            1,
            1,
            ("items.json",),
        ),  # fmt: skip
        _zip_variant("truncated", lambda b, t: _truncate(_zip_of(b, t)), 2, 2, ("bundle.zip",)),
        _zip_variant(
            "not-a-zip",
            lambda b, t: _write(t / "bundle.zip", b"MZ\x90\x00" * 100),
            2,
            2,
            ("bundle.zip",),
        ),  # fmt: skip
        _zip_variant(
            "empty-file", lambda b, t: _write(t / "bundle.zip", b""), 2, 2, ("bundle.zip",)
        ),  # fmt: skip
        _zip_variant("entry-count-bomb", _end_record(_count_bomb), 1, 1, ("entries",)),
        _zip_variant(
            "directory-size-lie",
            _end_record(lambda r, at: struct.pack_into("<L", r, at + 12, 0x7FFFFFF0)),
            1,
            1,
            ("central directory",),
        ),  # fmt: skip
        _zip_variant(
            "count-lie",
            _end_record(lambda r, at: struct.pack_into("<2H", r, at + 8, 3, 3)),
            1,
            1,
            ("central directory",),
        ),  # fmt: skip
        _zip_variant("huge-declared-size", _central_sizes(".jpg", 0xFFFFFFF0), 1, 1, (".jpg",)),
        _zip_variant(
            "huge-items-size", _central_sizes("items.json", 0x7FFFFFFF), 1, 1, ("items.json",)
        ),  # fmt: skip
        _zip_variant(
            "deflate-bomb",
            _with_entries(
                lambda b: [
                    (
                        _info("bundle/data/objects/bomb.bin", method=zipfile.ZIP_DEFLATED),
                        bytes(16 * 2**20),
                    )
                ]
            ),
            1,
            1,
            ("bomb.bin",),
        ),  # fmt: skip
        _zip_variant(
            "unsupported-method",
            _with_entries(
                lambda b: [
                    (_info("bundle/data/objects/b.bz2", method=zipfile.ZIP_BZIP2), b"x" * 100)
                ]
            ),
            1,
            1,
            ("b.bz2",),
        ),  # fmt: skip
        _zip_variant("encrypted-flag", _encrypted, 1, 1, ("encrypted",)),
        _zip_variant("overlapping-entries", _overlap, 1, 1, ("overlap",)),
        _zip_variant(
            "symlink",
            _with_entries(
                lambda b: [(_info("bundle/data/objects/passwd", mode=0o120777), b"/etc/passwd")]
            ),
            1,
            1,
            ("passwd",),
        ),  # fmt: skip
        _zip_variant(
            "device",
            _with_entries(lambda b: [(_info("bundle/data/objects/tty", mode=0o020666), b"")]),
            1,
            1,
            ("tty",),
        ),
        _zip_variant(
            "fifo",
            _with_entries(lambda b: [(_info("bundle/data/objects/pipe", mode=0o010644), b"")]),
            1,
            1,
            ("pipe",),
        ),
        _zip_variant(
            "nfc-nfd-duplicate",
            _with_entries(lambda b: [(nfc, b"1"), (nfd, b"2")]),
            1,
            1,
            ("duplicate",),
        ),  # fmt: skip
        _zip_variant(
            "file-and-folder",
            _with_entries(
                lambda b: [("bundle/data/objects/a", b"1"), ("bundle/data/objects/a/b", b"2")]
            ),
            1,
            1,
            ("data/objects/a",),
        ),  # fmt: skip
        _zip_variant("raw-name-bytes", _raw_name_zip(False), 1, 1, ("name.jpg",)),
        _zip_variant("invalid-utf8-flagged-name", _raw_name_zip(True), 2, 2, ("bundle.zip",)),
    ]
    hostile_names = {
        "traversal": "bundle/../../evil.sh",
        "deep-traversal": "bundle/data/../../../../etc/cron.d/x",
        "absolute": "/etc/cron.d/evil",
        "backslash": "bundle\\..\\evil",
        "drive": "C:/Windows/evil.dll",
        "dot-component": "bundle/./data/x",
        "empty-component": "bundle//data/x",
        "control-char": "bundle/data/objects/a\x1b[31mred",
        "home": "~/.bashrc",
        "long-name": "bundle/data/objects/" + "a" * 2000,
        "duplicate": f"bundle/{L.BAGIT_TXT}",
        "casefold-duplicate": "bundle/BAGIT.TXT",
    }
    for vid, name in hostile_names.items():
        v.append(_zip_variant(f"name-{vid}", _with_entries(
            lambda b, n=name: [(n, b"#!/bin/sh\n")]), 1, 1, ("unsafe",)))  # fmt: skip
    v.append(_zip_variant("object-crc", lambda b, t: _flip_data(obj + first_object(b))(b, t),
                          1, 1, ("data/objects/",)))  # fmt: skip
    return v


def _overlap(base: Base, tmp: Path) -> Path:
    """Two central-directory entries pointing at the same local header and data."""
    path = _zip_of(base, tmp)
    raw = bytearray(path.read_bytes())
    first = raw.find(b"PK\x01\x02")
    second = raw.find(b"PK\x01\x02", first + 4)
    struct.pack_into("<L", raw, second + 42, struct.unpack_from("<L", raw, first + 42)[0])
    path.write_bytes(bytes(raw))
    return path


def _encrypted(base: Base, tmp: Path) -> Path:
    """An entry marked encrypted in the central directory (zipfile never writes that flag)."""
    path = _with_entries(lambda b: [("bundle/data/objects/secret.bin", b"x" * 100)])(base, tmp)
    raw = bytearray(path.read_bytes())
    needle = b"bundle/data/objects/secret.bin"
    at = raw.find(needle, raw.find(b"PK\x01\x02"))
    struct.pack_into("<H", raw, at - 46 + 8, struct.unpack_from("<H", raw, at - 46 + 8)[0] | 1)
    path.write_bytes(bytes(raw))
    return path


def _truncate(path: Path) -> Path:
    raw = path.read_bytes()
    return _write(path, raw[: len(raw) // 2])


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
