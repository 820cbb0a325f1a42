"""Tools for building hostile bundles: re-signing a changed bag, zipping it with any entries,
damaging zip structures, and a digest of an archive's whole state to prove nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import signing


def archive_digest(root: Path) -> str:
    """Every row of every table, and every file under objects/ and derived/ (name and size).

    The store's journals are left out: they record what a process is about to store."""
    h = hashlib.sha256()
    db = sqlite3.connect(f"file:{root / 'evidence.sqlite'}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        for table in tables:
            h.update(table.encode())
            for row in sorted(repr(r) for r in db.execute(f'SELECT * FROM "{table}"')):
                h.update(row.encode())
    finally:
        db.close()
    for sub in ("objects", "derived"):
        for folder, dirs, files in sorted(os.walk(root / sub)):
            dirs.sort()
            if Path(folder) == root / "objects" / ".journal":
                continue  # announcements of objects about to be stored: bookkeeping
            for name in sorted(files):
                path = Path(folder) / name
                h.update(f"{path.relative_to(root)}:{path.stat().st_size}".encode())
    return h.hexdigest()


def _data_files(folder: Path) -> list[str]:
    out = []
    for base, dirs, files in os.walk(folder / "data"):
        dirs.sort()
        for name in sorted(files):
            out.append(str((Path(base) / name).relative_to(folder)).replace(os.sep, "/"))
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resign(
    folder: Path,
    key: Ed25519PrivateKey,
    *,
    info: Callable[[list[tuple[str, str]]], list[tuple[str, str]]] | None = None,
    raw_info: bytes | None = None,
) -> None:
    """Make ``folder`` a consistent bag signed by ``key`` again, after a member was changed.

    ``info`` may rewrite the bag-info fields after Payload-Oxum and the fingerprint are set;
    ``raw_info`` replaces bag-info.txt with exact bytes.
    """
    fp = signing.fingerprint(key.public_key())
    _claim_key(folder, fp)
    files = _data_files(folder)
    manifest = "".join(f"{sha(folder / n)}  {n}\n" for n in sorted(files))
    (folder / L.MANIFEST).write_text(manifest, encoding="utf-8")
    if raw_info is None:
        fields = []
        for line in (folder / L.BAG_INFO).read_text(encoding="utf-8").splitlines():
            label, value = line.split(":", 1)
            fields.append((label, value.strip()))
        size = sum((folder / n).stat().st_size for n in files)
        fields = [
            (k, f"{size}.{len(files)}" if k == "Payload-Oxum" else v)
            for k, v in fields
            if k != L.INFO_FINGERPRINT
        ]
        fields.append((L.INFO_FINGERPRINT, fp))
        if info is not None:
            fields = info(fields)
        (folder / L.BAG_INFO).write_bytes("".join(f"{k}: {v}\n" for k, v in fields).encode())
    else:
        (folder / L.BAG_INFO).write_bytes(raw_info)
    tags = "".join(f"{sha(folder / n)}  {n}\n" for n in (L.BAG_INFO, L.BAGIT_TXT, L.MANIFEST))
    (folder / L.TAGMANIFEST).write_text(tags, encoding="utf-8")
    data = (folder / L.TAGMANIFEST).read_bytes()
    (folder / L.SIGNATURE).write_bytes(signing.sign(key, data))
    (folder / L.PUBLIC_KEY).write_bytes(signing.public_key_pem(key.public_key()))
    (folder / L.FINGERPRINT).write_text(fp + "\n")


def _claim_key(folder: Path, fp: str) -> None:
    """As a forger would: the JSON members name the new key as the one that signed them."""
    try:
        info = (folder / L.BAG_INFO).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    old = next(
        (line.split(":", 1)[1].strip() for line in info.splitlines()
         if line.startswith(L.INFO_FINGERPRINT + ":")),
        None,
    )  # fmt: skip
    if not old or old == fp:
        return
    for member in (L.ITEMS_JSON,):
        path = folder / member
        if path.is_file():
            path.write_bytes(path.read_bytes().replace(old.encode(), fp.encode()))


def folder_entries(folder: Path, top: str = "bundle") -> list[tuple[str, bytes]]:
    out = []
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(base) / name
            out.append((f"{top}/{path.relative_to(folder).as_posix()}", path.read_bytes()))
    return out


def write_zip(out: Path, entries: Iterable[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return out


def entry_offsets(path: Path) -> dict[str, tuple[int, int]]:
    """name -> (local header offset, data offset) of a stored zip written by write_zip."""
    out = {}
    with zipfile.ZipFile(path) as z:
        raw = path.read_bytes()
        for info in z.infolist():
            n, m = struct.unpack_from("<2H", raw, info.header_offset + 26)
            out[info.filename] = (info.header_offset, info.header_offset + 30 + n + m)
    return out


def patch(path: Path, offset: int, data: bytes) -> Path:
    raw = bytearray(path.read_bytes())
    raw[offset : offset + len(data)] = data
    path.write_bytes(bytes(raw))
    return path


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
