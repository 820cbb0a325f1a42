"""The hostile bundle corpus: every variant generated from one honest bundle.

Each variant says how to build it from the honest folder bundle, what
``verify-bundle`` and ``import-bundle`` must exit with, and which names the
one-line error must contain (the member, and the JSON pointer of the field
where there is one).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk.core import bundle_layout as L
from tests.helpers import hostile as H


@dataclass
class Base:
    folder: Path  # the honest folder bundle
    key: Ed25519PrivateKey  # the sender's own key (re-signing makes the signature valid)
    forger: Ed25519PrivateKey
    sender_fp: str
    forger_fp: str


@dataclass(frozen=True)
class Variant:
    id: str
    build: Callable[[Base, Path], Path]
    verify_exit: int
    import_exit: int
    names: tuple[str, ...]  # each must appear in stderr of both commands


def _copy(base: Base, tmp: Path, name: str = "bundle") -> Path:
    out = tmp / name
    shutil.copytree(base.folder, out)
    return out


PLACEHOLDER = "@@HOSTILE@@"

# Raw JSON tokens put where a field's value was.
VALUES = {
    "wrong-type": '{"not": "what belongs here"}',
    "string-for-number": '"12 kg"',
    "nan": "NaN",
    "infinity": "1e999",
    "minus-infinity": "-Infinity",
    "deep": "[" * 5000 + "]" * 5000,
    "year-1": '"0001-01-01T00:00:00+00:00"',
    "huge-int": str(2**70),
    "surrogate": '"\\ud800 alone"',
    "long-string": json.dumps("x" * 2_000_000),
}

# member -> (list key, field to replace, required field to drop)
TARGETS = {
    L.ITEMS_JSON: ("items", "size", "sha256"),
    L.CUSTODY_JSON: ("entries", "occurred_at", "hash"),
    f"{L.METADATA_DIR}/incidents.json": ("incidents", "start", "uuid"),
    f"{L.METADATA_DIR}/persons.json": ("persons", "birth_year", "uuid"),
    f"{L.METADATA_DIR}/testimonies.json": ("testimonies", "statement_version", "id"),
    f"{L.METADATA_DIR}/places.json": ("places", "lat", "name"),
    L.PLACES_GEOJSON: ("features", "geometry", "type"),
}


def _first_full(records: list) -> int:
    return next(i for i, r in enumerate(records) if "withheld" not in r and "sealed" not in r)


def _value_variant(member: str, kind: str, resign: bool) -> Variant:
    key, field, _ = TARGETS[member]

    def build(base: Base, tmp: Path) -> Path:
        out = _copy(base, tmp)
        path = out / member
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc[key][_first_full(doc[key])][field] = PLACEHOLDER
        text = json.dumps(doc, ensure_ascii=False).replace(f'"{PLACEHOLDER}"', VALUES[kind])
        path.write_text(text, encoding="utf-8")
        if resign:
            H.resign(out, base.key)
        return out

    doc_index = 0 if member != L.CUSTODY_JSON else None
    pointer = f"/{key}/{doc_index}/{field}" if doc_index is not None else f"/{key}/"
    names: tuple[str, ...] = (member.rsplit("/", 1)[-1],)
    if kind != "deep":
        names += (pointer,)
    tag = "signed" if resign else "unsigned"
    return Variant(f"{member.rsplit('/', 1)[-1]}-{kind}-{tag}", build, 1, 1, names)


def _document_variant(member: str, kind: str, resign: bool = True) -> Variant:
    key, _, required = TARGETS[member]

    def build(base: Base, tmp: Path) -> Path:
        out = _copy(base, tmp)
        path = out / member
        raw = path.read_bytes()
        doc = json.loads(raw)
        first = doc[key][_first_full(doc[key])]
        if kind == "missing-field":
            del first[required]
            raw = json.dumps(doc).encode()
        elif kind == "extra-field":
            first["smuggled"] = "unvalidated"
            raw = json.dumps(doc).encode()
        elif kind == "not-json":
            raw = b"\x00garbage{" + raw[:100]
        elif kind == "duplicate-key":
            raw = b'{"format": "evil",' + raw.lstrip()[1:]
        elif kind == "bom":
            raw = b"\xef\xbb\xbf" + raw
        elif kind == "empty":
            raw = b""
        elif kind == "top-level-array":
            raw = b"[]"
        elif kind == "not-utf8":
            raw = raw.replace(b'"', b'"\xff', 1)  # into the first key
        path.write_bytes(raw)
        if resign:
            H.resign(out, base.key)
        return out

    tag = "signed" if resign else "unsigned"
    return Variant(f"{member.rsplit('/', 1)[-1]}-{kind}-{tag}", build, 1, 1, (member,))


def json_variants() -> list[Variant]:
    out = []
    for member in TARGETS:
        for kind in VALUES:
            out.append(_value_variant(member, kind, resign=True))
        for kind in ("missing-field", "extra-field", "not-json", "duplicate-key", "bom", "empty",
                     "top-level-array", "not-utf8"):  # fmt: skip
            out.append(_document_variant(member, kind))
    for member in (L.ITEMS_JSON, L.CUSTODY_JSON):  # the signature is already invalid too
        for kind in ("wrong-type", "nan", "deep", "year-1", "huge-int", "surrogate"):
            out.append(_value_variant(member, kind, resign=False))
        for kind in ("missing-field", "not-json"):
            out.append(_document_variant(member, kind, resign=False))
    out.append(_unregistered_member())
    return out


def _unregistered_member() -> Variant:
    def build(base: Base, tmp: Path) -> Path:
        out = _copy(base, tmp)
        (out / L.METADATA_DIR / "weapons.json").write_text('{"format": "new record type"}')
        H.resign(out, base.key)
        return out

    return Variant("unregistered-record-type", build, 1, 1, ("weapons.json",))


def _info_variant(vid: str, edit: Callable[[list[tuple[str, str]]], list[tuple[str, str]]],
                  names: tuple[str, ...]) -> Variant:  # fmt: skip
    def build(base: Base, tmp: Path) -> Path:
        out = _copy(base, tmp)
        H.resign(out, base.key, info=edit)
        return out

    return Variant(f"bag-info-{vid}", build, 1, 1, (L.BAG_INFO, *names))


def _set(label: str, value: str) -> Callable[[list[tuple[str, str]]], list[tuple[str, str]]]:
    return lambda fields: [(k, value if k == label else v) for k, v in fields]


def info_variants() -> list[Variant]:
    def twice(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [*fields, ("External-Identifier", "6a1b0c4e-0000-4000-8000-000000000000")]

    return [
        _info_variant(
            "archive-not-uuid", _set("External-Identifier", "../../etc"), ("/External-Identifier",)
        ),  # fmt: skip
        _info_variant("profile", _set(L.INFO_PROFILE, "everything"), ("/Evidence-Desk-Profile",)),
        _info_variant(
            "exported-year-1",
            _set(L.INFO_EXPORTED_AT, "0001-01-01T00:00:00"),
            ("/Evidence-Desk-Exported-At",),
        ),  # fmt: skip
        _info_variant("label-repeated", twice, ("/External-Identifier",)),
        _info_variant("bagging-date", _set("Bagging-Date", "2022-13-45"), ("/Bagging-Date",)),
    ]


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


def _first_object(base: Base) -> str:
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
    v.append(_zip_variant("object-crc", lambda b, t: _flip_data(obj + _first_object(b))(b, t),
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


# Folder, signature and key variants --------------------------------------------------------


def _folder(edit: Callable[[Base, Path], None]) -> Callable[[Base, Path], Path]:
    def build(base: Base, tmp: Path) -> Path:
        out = _copy(base, tmp)
        edit(base, out)
        return out

    return build


def _rsa_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _forge(claim_fp: bool, archive_uuid: str | None = None) -> Callable[[Base, Path], None]:
    def edit(base: Base, out: Path) -> None:
        def info(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
            fields = [(k, base.sender_fp if claim_fp and k == L.INFO_FINGERPRINT else v)
                      for k, v in fields]  # fmt: skip
            if archive_uuid:
                fields = [(k, archive_uuid if k == "External-Identifier" else v)
                          for k, v in fields]  # fmt: skip
            return fields

        items = out / L.ITEMS_JSON
        items.write_text(items.read_text(encoding="utf-8").replace("square.jpg", "forged.jpg"))
        if archive_uuid:  # a new archive of the forger's own, named consistently everywhere
            info_text = (out / L.BAG_INFO).read_text(encoding="utf-8")
            old = info_text.split("External-Identifier:", 1)[1].split()[0]
            for member in (L.ITEMS_JSON, L.CUSTODY_JSON):
                path = out / member
                path.write_text(path.read_text(encoding="utf-8").replace(old, archive_uuid))
        H.resign(out, base.forger, info=info)

    return edit


def folder_variants() -> list[Variant]:
    def unlink(name: str) -> Callable[[Base, Path], None]:
        return lambda b, out: (out / name).unlink()

    def write(name: str, data: bytes | Callable[[Base], bytes]) -> Callable[[Base, Path], None]:
        return lambda b, out: (out / name).write_bytes(data(b) if callable(data) else data)

    def symlink(b: Base, out: Path) -> None:
        os.symlink("/etc/passwd", out / L.OBJECTS_DIR / "passwd.txt")

    def fifo(b: Base, out: Path) -> None:
        os.mkfifo(out / L.OBJECTS_DIR / "pipe")

    def non_utf8(b: Base, out: Path) -> None:
        (Path(os.fsdecode(os.fsencode(out / L.OBJECTS_DIR) + b"/\xff\xfe.jpg"))).write_bytes(b"x")

    def manifest_garbage(b: Base, out: Path) -> None:
        with open(out / L.MANIFEST, "ab") as f:
            f.write(b"not-a-digest  ../../etc/passwd\n")

    forger_pem = lambda b: H.signing.public_key_pem(b.forger.public_key())  # noqa: E731
    sig = L.SIGNATURE
    return [
        Variant("folder-symlink", _folder(symlink), 1, 1, ("passwd.txt",)),
        Variant("folder-fifo", _folder(fifo), 1, 1, ("pipe",)),
        Variant("folder-non-utf8-name", _folder(non_utf8), 1, 1, ("data/objects/",)),
        Variant("folder-no-bagit", _folder(unlink(L.BAGIT_TXT)), 1, 1, ("bagit.txt",)),
        Variant("folder-no-manifest", _folder(unlink(L.MANIFEST)), 1, 1, ("manifest",)),
        Variant("folder-no-items", _folder(unlink(L.ITEMS_JSON)), 1, 1, ("items.json",)),
        Variant("folder-manifest-garbage", _folder(manifest_garbage), 1, 1, ("manifest",)),
        Variant("folder-bag-info-huge", _folder(write(L.BAG_INFO, b"A: " + b"x" * 2**21)), 1, 1,
                ("bag-info.txt",)),  # fmt: skip
        Variant("sig-missing", _folder(unlink(sig)), 1, 1, ("not signed",)),
        Variant("sig-truncated", _folder(write(sig, lambda b: (b.folder / sig).read_bytes()[:63])),
                1, 1, ("signature",)),  # fmt: skip
        Variant("sig-random", _folder(write(sig, os.urandom(64))), 1, 1, ("signature",)),
        Variant("sig-key-swapped", _folder(write(L.PUBLIC_KEY, forger_pem)), 1, 1,
                ("signature",)),  # fmt: skip
        Variant("sig-key-garbage", _folder(write(L.PUBLIC_KEY, b"-----BEGIN nonsense")), 1, 1,
                ("public-key.pem",)),  # fmt: skip
        Variant("sig-key-rsa", _folder(write(L.PUBLIC_KEY, lambda b: _rsa_pem())), 1, 1,
                ("Ed25519",)),  # fmt: skip
        Variant("sig-forger-claims-sender-key", _folder(_forge(claim_fp=True)), 1, 1,
                ("bag-info.txt",)),  # fmt: skip
        Variant("sig-pinned-archive-wrong-signer", _folder(_forge(claim_fp=False)), 0, 1,
                ("signed by key",)),  # fmt: skip
        Variant("sig-forger-new-archive-untrusted",
                _folder(_forge(False, "0badc0de-0000-4000-8000-000000000001")), 0, 1,
                ("--trust-new-signer",)),  # fmt: skip
        Variant("tagmanifest-edited", _folder(lambda b, out: (out / L.TAGMANIFEST).write_text(
            (out / L.TAGMANIFEST).read_text() + f"{'0' * 64}  extra.txt\n")), 1, 1,
            ("extra.txt",)),  # fmt: skip
        Variant("object-flipped", _folder(lambda b, out: _flip_file(
            out / L.OBJECTS_DIR / _first_object(b))), 1, 1, (_first_object_stub(),)),
    ]  # fmt: skip


def _first_object_stub() -> str:
    return "data/objects/ED-"


def _flip_file(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))


def all_variants() -> list[Variant]:
    return [*json_variants(), *info_variants(), *zip_variants(), *folder_variants()]
