"""Creating and opening archives.

An archive is one folder::

    evidence.sqlite      the catalogue (SQLite, WAL)
    objects/             originals by SHA-256, read-only
    objects/.tmp/        copies in progress (cleaned at every open)
    derived/thumbs/      thumbnails, always regenerable
    keys/                the archive's Ed25519 signing key
    backups/             database copies made before schema upgrades

An encrypted archive (``init --encrypt``) has the same folders. Its database
is a SQLCipher file, its objects and thumbnails are encrypted
(``core.crypto``), and ``keys/`` holds the passphrase-wrapped master key, the
sealed signing key and the sealed age identity. Opening it needs the
passphrase; a wrong one is refused before anything is opened or written.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk import tool_version
from evidence_desk.core import custody_checkpoint, signing
from evidence_desk.core.crypto import archive_keys
from evidence_desk.core.crypto.archive_keys import ArchiveKeys
from evidence_desk.core.crypto.errors import CryptoError, WrongPassphrase
from evidence_desk.core.crypto.keys import Argon2Params
from evidence_desk.core.crypto.recipients import AgeIdentity
from evidence_desk.core.crypto.stream import unseal
from evidence_desk.core.store.base import Store
from evidence_desk.core.store.encrypted import (
    EncryptedStore,
    ThumbnailSealer,
    thumbnail_binding,
)
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.core.store.prestage import Prestager
from evidence_desk.db.engine import Database, prepare_orm
from evidence_desk.db.queries import archive_state
from evidence_desk.services.archive import guards
from evidence_desk.services.archive.creation import (
    AGE_IDENTITY_PLAIN as AGE_IDENTITY_PLAIN,  # re-exported: the key files' names
)
from evidence_desk.services.archive.creation import SIGNING_KEY as SIGNING_KEY
from evidence_desk.services.archive.creation import (
    current_actor,
    make_archive,
    write_age_identity,
)
from evidence_desk.services.archive.creation import utcnow as utcnow  # re-exported
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.archive.location import (
    DB_NAME as DB_NAME,  # re-exported: callers find the archive's names here too
)
from evidence_desk.services.archive.location import (
    ENV_ARCHIVE as ENV_ARCHIVE,
)
from evidence_desk.services.archive.location import (
    creates_on_first_use as creates_on_first_use,
)
from evidence_desk.services.archive.location import (
    default_archive_path as default_archive_path,
)

if TYPE_CHECKING:  # PyAV, NumPy and Pillow: loaded when a thumbnail is made
    from evidence_desk.core.thumbnails import Derived

RAM_DIR = Path("/dev/shm")
# Asked only when the archive turns out to be encrypted (a prompt, a dialog, an env var).
PassphraseSource = Callable[[], str]


# What a closed encrypted archive keeps in place of its keys: it still reads as
# encrypted, and anything that tries to decrypt fails instead of using old keys.
_CLOSED = ArchiveKeys(b"", b"", b"", b"", b"", b"")


class PassphraseRequired(ArchiveError):
    """The archive is encrypted and no passphrase was given."""


class WrongPassphraseError(ArchiveError):
    """The passphrase does not open the archive; nothing was opened or changed."""


@dataclass(frozen=True)
class ArchiveSummary:
    uuid: str
    name: str
    created_at: datetime
    path: Path


class Archive:
    """An open archive: its database, object store and derived files.

    ``crypto`` holds the subkeys of an unlocked encrypted archive (None for a
    plain one); every read of an original, a thumbnail or a key goes through
    a method here that decrypts in memory when they are set.
    """

    def __init__(self, root: Path, db: Database, crypto: ArchiveKeys | None = None) -> None:
        from evidence_desk.services.archive.checkpoint import CheckpointKeeper

        self.root = root
        self.db = db
        self.read_only = db.read_only
        self.crypto = crypto
        self.recovery_key: str | None = None  # set once, by create_archive, to be shown
        self._viewer_dir: Path | None = None
        self.store: Store = (
            EncryptedStore(root / "objects", crypto.objects)
            if crypto
            else ObjectStore(root / "objects")
        )
        self.derived = root / "derived"
        self.thumbs = self.derived / "thumbs"
        self.keys = root / "keys"
        self.backups = root / "backups"
        self.host = socket.gethostname()
        self.tool = tool_version()
        self.actor = current_actor()
        self.last_backup: Path | None = None
        self.temp_files_cleaned = 0
        # Things the user should hear about that did not stop the work
        # (a checkpoint or backup that could not be written, leftovers removed).
        self.warnings: list[str] = []
        self.writes_since_backup = 0
        self.checkpoint = CheckpointKeeper(self)
        db.after_write = self._after_write

    def _after_write(self) -> None:
        self.writes_since_backup += 1
        self.checkpoint.update()
        if self.checkpoint.problem and self.checkpoint.problem not in self.warnings:
            self.warnings.append(self.checkpoint.problem)

    def session_completed(self) -> None:
        """An ingest, import or editing session ended: a rotating backup if it wrote."""
        from evidence_desk.services.archive.backups import complete_session

        complete_session(self, closed=self.crypto is _CLOSED)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database; an encrypted archive also lets go of its keys (locking)."""
        try:
            if self.crypto is not _CLOSED:
                self.session_completed()
        finally:
            self._remove_viewer_dir()
            self.db.dispose()
        self.checkpoint.forget_key()
        if isinstance(self.store, EncryptedStore):
            self.store.forget_key()
        self.crypto = None if self.crypto is None else _CLOSED

    def adopt_early_work(self, early: Prestager) -> None:
        """Copies of big files begun before the archive opened (``services.intake.prestage``):
        a plain store takes them; an encrypted one ignores them (they are not encrypted).

        Until the first of them is done this process would only wait, so what its
        first commit needs anyway (the models' mappers, the checkpoint's schema
        validator) is prepared now instead of after the copy.
        """
        if isinstance(self.store, ObjectStore):
            self.store.adopt_prestaged(early)
            prepare_orm()
            custody_checkpoint.prepare()

    def info(self) -> ArchiveSummary:
        with self.db.reader() as session:
            row = archive_state.archive_info(session)
            return ArchiveSummary(row.uuid, row.name, row.created_at, self.root)

    @property
    def encrypted(self) -> bool:
        return self.crypto is not None

    def thumbnail_path(self, sha256: str) -> Path:
        suffix = ".jpg.enc" if self.crypto else ".jpg"
        return self.thumbs / sha256[:2] / f"{sha256}{suffix}"

    def read_thumbnail(self, sha256: str) -> bytes | None:
        """The thumbnail's JPEG bytes (decrypted in memory), or None when there is none."""
        path = self.thumbnail_path(sha256)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if self.crypto is None:
            return data
        try:
            return unseal(data, self.crypto.derived, thumbnail_binding(sha256))
        except CryptoError:
            return None  # regenerable; an altered thumbnail is never shown

    def thumbnail_file(self, sha256: str, work: Path) -> Path | None:
        """The thumbnail as a JPEG file to copy: the archive's own, or decrypted into
        ``work`` (a scratch folder from ``scratch_dir``, in RAM for an encrypted archive)."""
        if self.crypto is None:
            path = self.thumbnail_path(sha256)
            return path if path.is_file() else None
        jpeg = self.read_thumbnail(sha256)
        if jpeg is None:
            return None
        path = work / "thumbs" / f"{sha256}.jpg"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(jpeg)
        return path

    def thumbnail_sealer(self, sha256: str) -> ThumbnailSealer | None:
        """What encrypts a thumbnail before it is written (None for a plain archive)."""
        return ThumbnailSealer(self.crypto.derived, sha256) if self.crypto else None

    def derive_thumbnail(self, sha256: str, kind: str) -> Derived:
        """Thumbnail and perceptual hash of a stored original, written (sealed) in derived/."""
        from evidence_desk.core.thumbnails import derive  # not at import: 0.3-0.4 s at start-up

        return derive(
            self.store.reader(sha256),
            kind,
            self.thumbnail_path(sha256),
            seal=self.thumbnail_sealer(sha256),
        )

    @property
    def signing_key_path(self) -> Path:
        name = archive_keys.SIGNING_KEY if self.crypto else SIGNING_KEY
        return self.keys / name

    def signing_key(self) -> Ed25519PrivateKey:
        """The archive's Ed25519 key, decrypted in memory for an encrypted archive."""
        if self.crypto is None:
            return signing.load_private_key(self.signing_key_path)
        try:
            pem = archive_keys.read_sealed(self.signing_key_path, self.crypto.signing)
        except CryptoError as exc:
            raise signing.SigningKeyError(f"cannot open the signing key: {exc}") from exc
        return signing.load_private_key_pem(pem, str(self.signing_key_path))

    def age_identity(self) -> AgeIdentity:
        """The identity encrypted bundles for this archive are opened with (made on first use)."""
        if self.crypto is not None:
            secret = archive_keys.read_sealed(
                self.keys / archive_keys.AGE_IDENTITY, self.crypto.age_identity
            ).decode("ascii")
            public = (self.keys / archive_keys.AGE_RECIPIENT).read_text("ascii").strip()
            return AgeIdentity(secret, public)
        path = self.keys / AGE_IDENTITY_PLAIN
        if not path.is_file():
            write_age_identity(self.keys, None)
        lines = [ln for ln in path.read_text("ascii").splitlines() if ln and ln[0] != "#"]
        public = (self.keys / archive_keys.AGE_RECIPIENT).read_text("ascii").strip()
        return AgeIdentity(lines[0].strip(), public)

    def viewer_dir(self) -> Path:
        """Where decrypted copies for other applications go: RAM only, removed at close.

        Only for an encrypted archive; raises ArchiveError where the system has
        no RAM-backed folder, rather than write the plaintext to a disk.
        """
        if self._viewer_dir is None:
            if not (RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK)):
                raise ArchiveError(
                    "this system has no RAM-backed folder (/dev/shm) for a decrypted copy; "
                    "preview and play the item inside Evidence Desk instead"
                )
            import atexit
            import tempfile

            self._viewer_dir = Path(tempfile.mkdtemp(prefix="evidence-desk-view-", dir=RAM_DIR))
            atexit.register(self._remove_viewer_dir)
        return self._viewer_dir

    def _remove_viewer_dir(self) -> None:
        if self._viewer_dir is not None:
            import shutil

            shutil.rmtree(self._viewer_dir, ignore_errors=True)
            self._viewer_dir = None

    def scratch_dir(self, near: Path, prefix: str = ".evidence-desk-work-") -> Path:
        """A new private folder for working copies (report, metadata, redacted copies).

        For an encrypted archive it is in RAM (/dev/shm) where there is one, so
        that no plaintext reaches a disk or a USB stick; otherwise beside ``near``.
        """
        import tempfile

        place = near
        if self.crypto is not None and RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK):
            place = RAM_DIR
        return Path(tempfile.mkdtemp(prefix=prefix, dir=place))


def is_archive(path: Path) -> bool:
    return (Path(path) / DB_NAME).is_file()


def create_archive(
    path: Path,
    name: str | None = None,
    *,
    passphrase: str | None = None,
    recovery_key: bool = False,
    kdf: Argon2Params | None = None,
) -> Archive:
    """Make a new archive folder (``creation.make_archive``) and open it.

    With ``passphrase`` the archive is encrypted; with ``recovery_key`` too, a
    recovery key is made and left in ``archive.recovery_key`` to be shown once.
    """
    made = make_archive(path, name, passphrase=passphrase, recovery_key=recovery_key, kdf=kdf)
    crypto = made.crypto
    archive = Archive(
        made.root, Database(made.root / DB_NAME, crypto.database if crypto else None), crypto
    )
    archive.recovery_key = made.recovery_key
    return archive


def is_encrypted_archive(path: Path) -> bool:
    return archive_keys.is_encrypted(Path(path).expanduser() / "keys")


def unlock_keys(root: Path, passphrase: PassphraseSource | None) -> ArchiveKeys | None:
    """The subkeys of an encrypted archive (None for a plain one); nothing is opened."""
    if not archive_keys.is_encrypted(root / "keys"):
        if (root / "keys" / archive_keys.SIGNING_KEY).exists():
            raise ArchiveError(
                f"{root} has encrypted keys but no {archive_keys.KEYFILE}; restore keys/ "
                "from a backup of this archive"
            )
        return None
    if (root / "keys" / "converting").exists():
        raise ArchiveError(
            f"{root} is being converted to an encrypted archive and the conversion did not "
            "finish; run: evidence-desk encrypt --archive " + str(root)
        )
    if passphrase is None:
        raise PassphraseRequired(
            f"{root} is encrypted: its passphrase is needed "
            "(asked on a terminal, or set EVIDENCE_DESK_PASSPHRASE)"
        )
    with _key_errors(root):
        return archive_keys.unlock(root / "keys", passphrase())


def open_archive(
    path: Path,
    *,
    create: bool = False,
    passphrase: PassphraseSource | None = None,
    keys: ArchiveKeys | None = None,
) -> Archive:
    """Open an archive, upgrading its schema (with a backup) when older.

    ``passphrase`` is called only for an encrypted archive; a wrong passphrase
    raises WrongPassphraseError before the database is touched. A missing,
    empty or unreadable database beside an archive's objects is refused, never
    replaced by a new empty catalogue: that would hand out exhibit numbers
    (ED-000001 …) a second time. A write-protected archive (or one on a disk
    too full to open the database) opens read-only: listing, searching,
    verifying and exporting work. ``keys``: an encrypted archive's keys, already
    unlocked by the caller (the passphrase is then not asked).
    """
    root = Path(path).expanduser().resolve()
    db_path = root / DB_NAME
    if not is_archive(root):
        guards.refuse_lost_database(root, db_path)
        if create:
            return create_archive(root)
        raise ArchiveError(f"no archive at {root} (create one with: evidence-desk init)")
    guards.refuse_empty_database(root, db_path)
    crypto = keys if keys is not None else unlock_keys(root, passphrase)
    db, backup, upgraded_from = guards.open_database(
        root, db_path, crypto.database if crypto else None
    )
    archive = Archive(root, db, crypto)
    archive.last_backup = backup
    if not db.read_only:
        archive.temp_files_cleaned = archive.store.clean_temp()
        guards.after_open(archive, upgraded_from)
    return archive


@contextmanager
def _key_errors(root: Path) -> Iterator[None]:
    """The key files' errors as the archive's: a wrong passphrase, or one clear line."""
    try:
        yield
    except WrongPassphrase as exc:
        raise WrongPassphraseError(f"{root}: {exc}") from None
    except CryptoError as exc:
        raise ArchiveError(str(exc)) from None


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Rewrap the master key under ``new``; instant, nothing else changes."""
    root = Path(path).expanduser().resolve()
    if not is_encrypted_archive(root):
        raise ArchiveError(f"{root} is not an encrypted archive")
    if not new:
        raise ArchiveError("the new passphrase is empty")
    with _key_errors(root):
        archive_keys.change_passphrase(root / "keys", old, new)


def reset_passphrase(path: Path, recovery_key: str, new: str) -> None:
    """A forgotten passphrase replaced with the recovery key shown at creation."""
    root = Path(path).expanduser().resolve()
    if not new:
        raise ArchiveError("the new passphrase is empty")
    with _key_errors(root):
        archive_keys.reset_passphrase(root / "keys", recovery_key, new)
