"""Converting a plain archive into an encrypted one, in place, resumably.

The order keeps every step safe to interrupt (Ctrl+C, a crash, a power cut):

1. the archive is verified first; an archive with problems is not converted;
2. the master key file is written with ``keys/converting`` beside it: while
   that marker exists the archive opens only through this conversion;
3. each original is encrypted into a temporary file, the temporary file is
   decrypted and re-hashed, and only when that hash equals the object's name
   does it replace the plaintext (an atomic rename); an object that already
   authenticates under the key is skipped, so a second run continues;
4. thumbnails, the signing key and the age identity are sealed, working
   copies for external viewers are removed;
5. the database and its backups are exported into SQLCipher files
   (``sqlcipher_export``), checked, and renamed over the plaintext ones;
6. the marker is removed, the encrypted archive is opened and verified, and
   an "encryption" custody event is recorded.

What conversion cannot do is erase the old plaintext from the disk's free
blocks (journaling file systems and SSDs keep copies); docs/security.md says
so and recommends full-disk encryption or a fresh encrypted archive.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core import custody_chain
from evidence_desk.core.atomic_file import fsync_dir
from evidence_desk.core.crypto import archive_keys
from evidence_desk.core.crypto.archive_keys import ArchiveKeys
from evidence_desk.core.crypto.errors import CryptoError, WrongPassphrase
from evidence_desk.core.crypto.keys import Argon2Params
from evidence_desk.core.crypto.stream import encrypt_stream, hash_encrypted
from evidence_desk.core.store.base import Cancelled
from evidence_desk.core.store.encrypted import EncryptedStore, ThumbnailSealer
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.db import cipher
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import (
    AGE_IDENTITY_PLAIN,
    DB_NAME,
    SIGNING_KEY,
    WrongPassphraseError,
    is_archive,
    open_archive,
)
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

MARKER = "converting"
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class ConversionReport:
    objects_encrypted: int = 0
    objects_already: int = 0
    thumbnails: int = 0
    databases: int = 0
    recovery_key: str | None = None  # shown once, when this run made the keys
    cancelled: bool = False


def conversion_pending(root: Path) -> bool:
    return (Path(root) / "keys" / MARKER).exists()


def encrypt_archive(
    path: Path,
    passphrase: str,
    *,
    recovery_key: bool = False,
    kdf: Argon2Params | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ConversionReport:
    """Encrypt the plain archive at ``path`` in place, or finish an interrupted run."""
    root = Path(path).expanduser().resolve()
    if not is_archive(root):
        raise ArchiveError(f"no archive at {root}")
    keys_dir = root / "keys"
    report = ConversionReport()
    if archive_keys.is_encrypted(keys_dir) and not conversion_pending(root):
        raise ArchiveError(f"{root} is already encrypted")
    if not archive_keys.is_encrypted(keys_dir):
        _verify_plain(root)
        (keys_dir / MARKER).write_text("encrypting this archive; run the same command again\n")
        fsync_dir(keys_dir)
        new = archive_keys.create(keys_dir, passphrase, with_recovery=recovery_key, params=kdf)
        crypto, report.recovery_key = new.keys, new.recovery_key
    else:
        try:
            crypto = archive_keys.unlock(keys_dir, passphrase)
        except WrongPassphrase as exc:
            raise WrongPassphraseError(f"{root}: {exc}") from None
    try:
        _objects(root, crypto, report, progress, cancelled)
    except Cancelled:
        report.cancelled = True
        return report
    _thumbnails(root, crypto, report)
    shutil.rmtree(root / "derived" / "working", ignore_errors=True)
    _keys(keys_dir, crypto)
    _databases(root, crypto, report)
    (keys_dir / MARKER).unlink()
    fsync_dir(keys_dir)
    _finish(root, passphrase, report)
    return report


def _verify_plain(root: Path) -> None:
    from evidence_desk.services.catalogue.verify import verify

    with open_archive(root) as archive:  # also brings the schema up to date
        checked = verify(archive)
    if not checked.ok:
        shown = "; ".join(p.message for p in checked.problems[:3])
        raise ArchiveError(
            f"{root} was not converted, nothing was changed: verify found problems ({shown})"
        )


def _objects(
    root: Path,
    crypto: ArchiveKeys,
    report: ConversionReport,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> None:
    plain = ObjectStore(root / "objects")
    store = EncryptedStore(root / "objects", crypto.objects)
    plain.clean_temp()
    digests = [e.name for e in store.entries() if e.in_place]
    sizes = {d: plain.path_for(d).stat().st_size for d in digests}
    state = Progress(0, len(digests), 0, sum(sizes.values()), current="originals")
    progress(state)
    for digest in digests:
        if cancelled():
            raise Cancelled()
        state.current = digest[:12]
        if _authenticates(store, digest):
            report.objects_already += 1
        else:
            _encrypt_one(plain, crypto.objects, digest)
            report.objects_encrypted += 1
        state.files_done += 1
        state.bytes_done += sizes[digest]
        progress(state)


def _authenticates(store: EncryptedStore, digest: str) -> bool:
    try:
        with open(store.path_for(digest), "rb") as f:
            if f.read(len(_SQLITE_MAGIC))[:7] != b"EDCRYPT":
                return False
        return store.hash_object(digest) == digest
    except (CryptoError, OSError):
        return False


def _encrypt_one(plain: ObjectStore, key: bytes, digest: str) -> None:
    """Encrypt to a temporary file, prove it decrypts to the same bytes, then replace."""
    source = plain.path_for(digest)
    plain.ensure()
    tmp = plain.tmp / f"convert-{digest}.part"
    try:
        with open(source, "rb") as src, open(tmp, "wb") as out:
            result = encrypt_stream(src, out, key)
            out.flush()
            os.fsync(out.fileno())
        if result.sha256 != digest:
            raise ArchiveError(
                f"objects/{digest[:2]}/{digest[2:4]}/{digest}: the original no longer matches "
                "its SHA-256; conversion stopped (run verify)"
            )
        with open(tmp, "rb") as raw:
            if hash_encrypted(raw, key, bytes.fromhex(digest)) != digest:
                raise ArchiveError(f"the encrypted copy of {digest[:12]} did not verify")
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(tmp, source)
        fsync_dir(source.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _thumbnails(root: Path, crypto: ArchiveKeys, report: ConversionReport) -> None:
    for jpeg in sorted((root / "derived" / "thumbs").glob("*/*.jpg")):
        digest = jpeg.stem
        sealed = jpeg.with_name(jpeg.name + ".enc")
        tmp = jpeg.with_name(jpeg.name + ".enc.tmp")
        tmp.write_bytes(ThumbnailSealer(crypto.derived, digest)(jpeg.read_bytes()))
        os.replace(tmp, sealed)
        jpeg.unlink()
        report.thumbnails += 1


def _keys(keys_dir: Path, crypto: ArchiveKeys) -> None:
    from evidence_desk.core.crypto.recipients import generate_identity, parse_identity_file

    pem = keys_dir / SIGNING_KEY
    if pem.exists():
        sealed = keys_dir / archive_keys.SIGNING_KEY
        archive_keys.write_sealed(sealed, pem.read_bytes(), crypto.signing)
        pem.unlink()
    plain_identity = keys_dir / AGE_IDENTITY_PLAIN
    if plain_identity.exists():
        text = plain_identity.read_text("ascii")
        secret = next(ln.strip() for ln in text.splitlines() if ln.startswith("AGE-SECRET-KEY"))
        parse_identity_file(text)
    elif not (keys_dir / archive_keys.AGE_IDENTITY).exists():
        made = generate_identity()
        secret = made.secret
        (keys_dir / archive_keys.AGE_RECIPIENT).write_text(made.recipient + "\n", "ascii")
    else:
        return
    archive_keys.write_sealed(
        keys_dir / archive_keys.AGE_IDENTITY, secret.encode("ascii"), crypto.age_identity
    )
    plain_identity.unlink(missing_ok=True)


def _databases(root: Path, crypto: ArchiveKeys, report: ConversionReport) -> None:
    targets = [root / DB_NAME, *sorted((root / "backups").glob("*.sqlite"))]
    for db in targets:
        with open(db, "rb") as f:
            if f.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                continue  # already encrypted by an earlier run
        _export_encrypted(db, crypto.database)
        report.databases += 1


def _export_encrypted(db: Path, key: bytes) -> None:
    """``sqlcipher_export`` the plain file into an encrypted one, check it, then replace."""
    tmp = db.with_name(db.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    cipher.export_plain(db, tmp, key)
    for leftover in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)  # checkpointed; a stale WAL must not meet the new file
    cipher.check_key(tmp, key)
    with open(tmp, "r+b") as f:
        os.fsync(f.fileno())
    os.replace(tmp, db)
    fsync_dir(db.parent)


def _finish(root: Path, passphrase: str, report: ConversionReport) -> None:
    from evidence_desk.services.catalogue.verify import verify

    with open_archive(root, passphrase=lambda: passphrase) as archive:
        checked = verify(archive)
        if not checked.ok:
            shown = "; ".join(p.message for p in checked.problems[:3])
            raise ArchiveError(f"the encrypted archive did not verify: {shown}")
        with archive.db.writer() as session:
            custody.append(
                session,
                archive,
                custody_chain.ENCRYPTION,
                details={
                    "storage": "encrypted at rest",
                    "objects": report.objects_encrypted + report.objects_already,
                    "database": "SQLCipher",
                    "objects_cipher": "AES-256-GCM, 1 MiB chunks",
                },
            )
