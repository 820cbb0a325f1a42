"""Creating and opening archives.

An archive is one folder::

    evidence.sqlite      the catalogue (SQLite, WAL)
    objects/             originals by SHA-256, read-only
    objects/.tmp/        copies in progress (cleaned at every open)
    objects/.journal/    what each writing process is about to store (store/journal.py)
    derived/thumbs/      thumbnails, always regenerable
    keys/                the archive's Ed25519 signing key
    backups/             database copies: before upgrades, and rotating ones after
                         each session that changed something (backups.py)
    custody-checkpoint.json   the signed head of the custody log (checkpoint.py)
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from platformdirs import user_data_dir
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from evidence_desk import tool_version
from evidence_desk.core import custody_chain
from evidence_desk.core.custody_checkpoint import FILE_NAME as CHECKPOINT_NAME
from evidence_desk.core.store.base import Store
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.db.engine import SCHEMA_HEAD, Database, SchemaTooNew
from evidence_desk.db.models import ArchiveInfo
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.archive.settings import load_settings

DB_NAME = "evidence.sqlite"
ENV_ARCHIVE = "EVIDENCE_DESK_ARCHIVE"


def utcnow() -> datetime:
    """Naive UTC, the form every time is stored in."""
    return datetime.now(UTC).replace(tzinfo=None)


def default_archive_path() -> Path:
    env = os.environ.get(ENV_ARCHIVE)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("evidence-desk", appauthor=False)) / "archive"


def creates_on_first_use(chosen: Path | None) -> bool:
    """Only the built-in default archive is created when missing.

    A folder named by the user or by ``EVIDENCE_DESK_ARCHIVE`` that is missing
    (an unmounted drive) is an error, never a fresh empty archive that
    evidence then goes into.
    """
    return chosen is None and not os.environ.get(ENV_ARCHIVE)


@dataclass(frozen=True)
class ArchiveSummary:
    uuid: str
    name: str
    created_at: datetime
    path: Path


class Archive:
    """An open archive: its database, object store and derived files."""

    def __init__(self, root: Path, db: Database) -> None:
        from evidence_desk.services.archive.checkpoint import CheckpointKeeper

        self.root = root
        self.db = db
        self.read_only = db.read_only
        self.store: Store = ObjectStore(root / "objects")
        self.derived = root / "derived"
        self.thumbs = self.derived / "thumbs"
        self.keys = root / "keys"
        self.backups = root / "backups"
        self.host = socket.gethostname()
        self.tool = tool_version()
        self.actor = load_settings().collector or _os_user()
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

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session_completed(self) -> None:
        """An ingest, import or editing session ended: keep a rotating backup if it wrote."""
        from evidence_desk.services.archive.backups import rotate

        if self.writes_since_backup and not self.read_only:
            made, problem = rotate(self)
            if made is not None:
                self.writes_since_backup = 0
            if problem and problem not in self.warnings:
                self.warnings.append(problem)
        self._settle_journal()

    def _settle_journal(self) -> None:
        """Close this process's journal; keep it only if some announced object is unrecorded."""
        journal = getattr(self.store, "journal", None)
        if journal is None:
            return
        announced = journal.announced()
        if not announced:
            return
        from evidence_desk.services.archive.recovery import _referenced

        try:
            unrecorded = announced - _referenced(self, announced)
        except Exception:  # a broken database: keep the journal, the next open decides
            unrecorded = announced
        # Objects the writer itself discarded (a failed import's staging) are no leftovers.
        present = {d for d in unrecorded if self.store.exists(d)}
        journal.close(keep=bool(present))

    def close(self) -> None:
        try:
            self.session_completed()
        finally:
            self.db.dispose()

    def info(self) -> ArchiveSummary:
        with self.db.reader() as session:
            row = session.scalars(select(ArchiveInfo)).one()
            return ArchiveSummary(row.uuid, row.name, row.created_at, self.root)

    def thumbnail_path(self, sha256: str) -> Path:
        return self.thumbs / sha256[:2] / f"{sha256}.jpg"

    @property
    def signing_key_path(self) -> Path:
        return self.keys / "signing-key.pem"


def _os_user() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def is_archive(path: Path) -> bool:
    return (Path(path) / DB_NAME).is_file()


def create_archive(path: Path, name: str | None = None) -> Archive:
    """Make a new archive folder; refuse to reuse a non-empty folder."""
    root = Path(path).expanduser().resolve()
    if is_archive(root):
        raise ArchiveError(f"{root} already holds an archive")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ArchiveError(f"{root} exists and is not an empty folder")
    try:
        for sub in ("objects/.tmp", "derived/thumbs", "keys", "backups"):
            (root / sub).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot create archive at {root}: {exc.strerror}") from exc
    _write_signing_key(root / "keys" / "signing-key.pem")
    db = Database(root / DB_NAME)
    db.upgrade(root / "backups")
    archive = Archive(root, db)
    with db.writer() as session:
        info = ArchiveInfo(
            uuid=str(uuid.uuid4()),
            name=name or root.name,
            created_at=utcnow(),
            created_by=archive.actor,
            tool_version=archive.tool,
        )
        session.add(info)
        custody.append(
            session,
            archive,
            custody_chain.CREATION,
            details={"archive_uuid": info.uuid, "name": info.name, "path": str(root)},
        )
    return archive


def _writable(root: Path) -> bool:
    """Whether the archive can be changed (not a write-protected stick or a DVD)."""
    try:
        if os.statvfs(root).f_flag & getattr(os, "ST_RDONLY", 1):
            return False
    except (OSError, AttributeError):
        pass
    return os.access(root, os.W_OK) and os.access(root / DB_NAME, os.W_OK)


def _holds_archive_parts(root: Path) -> bool:
    """Objects, a signing key or a checkpoint: an archive lived here, whatever the database says."""
    if (root / "keys" / "signing-key.pem").exists() or (root / CHECKPOINT_NAME).exists():
        return True
    objects = root / "objects"
    try:
        return any(p.name not in (".tmp", ".journal") for p in objects.iterdir())
    except OSError:
        return False


def _restore_hint(root: Path) -> str:
    return f"restore it from a backup: evidence-desk doctor --archive {root} --restore-backup"


_FULL = "<disk full>"
MIN_FREE_TO_OPEN = 1024 * 1024


def _revision_or_full_disk(db: Database) -> str | None:
    """The schema revision; ``_FULL`` when the database cannot open for lack of space."""
    try:
        return db.current_revision()
    except DatabaseError:
        wal = db.path.with_name(db.path.name + "-wal")
        try:
            st = os.statvfs(db.path.parent)
            full = st.f_bavail * st.f_frsize < MIN_FREE_TO_OPEN
            wal_empty = not wal.exists() or wal.stat().st_size == 0
        except OSError:
            raise
        if full and wal_empty:
            return _FULL
        raise


def open_archive(path: Path, *, create: bool = False) -> Archive:
    """Open an archive, upgrading its schema (with a backup) when older.

    A missing, empty or unreadable database beside an archive's objects is
    refused, never replaced by a new empty catalogue: that would hand out
    exhibit numbers (ED-000001 …) a second time. A write-protected archive
    opens read-only: listing, searching, verifying and exporting work.
    """
    root = Path(path).expanduser().resolve()
    db_path = root / DB_NAME
    if not is_archive(root):
        if root.is_dir() and _holds_archive_parts(root):
            raise ArchiveError(
                f"the database {db_path} is missing, but {root} holds an archive; refusing to "
                f"start a new catalogue over it (exhibit numbers would be reused); "
                + _restore_hint(root)
            )
        if create:
            return create_archive(root)
        raise ArchiveError(f"no archive at {root} (create one with: evidence-desk init)")
    read_only = not _writable(root)
    try:
        size = db_path.stat().st_size
    except OSError as exc:
        raise ArchiveError(f"{db_path} cannot be read ({exc.strerror})") from exc
    if size == 0:
        raise ArchiveError(
            f"the database {db_path} is empty (0 bytes); refusing to start a new catalogue "
            f"over this archive (exhibit numbers would be reused); " + _restore_hint(root)
        )
    db = Database(db_path, read_only=read_only)
    upgraded_from: str | None = None
    try:
        current = _revision_or_full_disk(db)
        if current is _FULL:
            # SQLite needs a few KB (its -shm index) just to open a WAL database;
            # on a full disk the archive can still be read, verified and exported.
            db.dispose()
            db = Database(db_path, read_only=True, reason="the disk is full")
            read_only = True
            current = db.current_revision()
        if current is None:
            raise ArchiveError(
                f"the database {db_path} holds no archive catalogue (no schema); refusing to "
                f"start a new one over this archive; " + _restore_hint(root)
            )
        if read_only:
            if current != SCHEMA_HEAD:
                raise ArchiveError(
                    f"{root} is read-only and its database (schema {current}) needs an upgrade: "
                    "copy the archive to a writable place to open it"
                )
            backup = None
        else:
            backup = db.upgrade(root / "backups")
            if backup is not None:
                upgraded_from = current
    except SchemaTooNew as exc:
        db.dispose()
        raise ArchiveError(f"{exc}; update Evidence Desk to open it") from exc
    except DatabaseError as exc:
        db.dispose()
        raise ArchiveError(
            f"{db_path} cannot be opened as an archive database ({exc.orig}); "
            + _restore_hint(root)
        ) from exc
    except Exception:
        db.dispose()
        raise
    archive = Archive(root, db)
    archive.last_backup = backup
    if not read_only:
        archive.temp_files_cleaned = archive.store.clean_temp()
        _after_open(archive, upgraded_from)
    return archive


def _after_open(archive: Archive, upgraded_from: str | None) -> None:
    """Clear what interrupted writers left; anchor an archive made before checkpoints."""
    from evidence_desk.services.archive.recovery import recover

    recovered = recover(archive)
    archive.warnings.extend(m for m in (recovered.message, recovered.problem) if m)
    if upgraded_from is not None and not (archive.root / CHECKPOINT_NAME).exists():
        # The first checkpoint of an archive older than checkpoints; saying so in
        # the log keeps a deleted checkpoint from passing for this first one.
        with archive.db.writer() as session:
            custody.append(
                session,
                archive,
                custody_chain.CREATION,
                details={
                    "custody_checkpoint": "first checkpoint, written after the schema upgrade",
                    "upgraded_from": upgraded_from,
                },
            )


def _write_signing_key(path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
        f.flush()
        os.fsync(f.fileno())
