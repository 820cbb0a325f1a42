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
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from evidence_desk.core import bundle_layout as L
from tests.helpers import hostile as H
from tests.helpers.hostile import Base, Variant
from tests.helpers.hostile_zips import first_object, zip_variants


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
            out / L.OBJECTS_DIR / first_object(b))), 1, 1, (_first_object_stub(),)),
    ]  # fmt: skip


def _first_object_stub() -> str:
    return "data/objects/ED-"


def _flip_file(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))


def all_variants() -> list[Variant]:
    return [*json_variants(), *info_variants(), *zip_variants(), *folder_variants()]
