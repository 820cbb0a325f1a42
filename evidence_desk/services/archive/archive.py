"""Creating and opening archives.

An archive is one folder::

    evidence.sqlite      the catalogue (SQLite, WAL)
    objects/             originals by SHA-256, read-only
    objects/.tmp/        copies in progress (cleaned at every open)
    derived/thumbs/      thumbnails, always regenerable
    keys/                the archive's Ed25519 signing key
    backups/             database copies made before schema upgrades
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from evidence_desk import tool_version
from evidence_desk.core import custody_chain
from evidence_desk.core.store.base import Store
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.db.engine import Database, SchemaTooNew
from evidence_desk.db.models import ArchiveInfo
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.archive.location import (
    DB_NAME,
    ENV_ARCHIVE,
    creates_on_first_use,
    default_archive_path,
)
from evidence_desk.services.archive.settings import load_settings

__all__ = [
    "DB_NAME",
    "ENV_ARCHIVE",
    "Archive",
    "ArchiveSummary",
    "create_archive",
    "creates_on_first_use",
    "default_archive_path",
    "is_archive",
    "open_archive",
    "utcnow",
]


def utcnow() -> datetime:
    """Naive UTC, the form every time is stored in."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class ArchiveSummary:
    uuid: str
    name: str
    created_at: datetime
    path: Path


class Archive:
    """An open archive: its database, object store and derived files."""

    def __init__(self, root: Path, db: Database) -> None:
        self.root = root
        self.db = db
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

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
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


def open_archive(path: Path, *, create: bool = False) -> Archive:
    """Open an archive, upgrading its schema (with a backup) when older."""
    root = Path(path).expanduser().resolve()
    if not is_archive(root):
        if create:
            return create_archive(root)
        raise ArchiveError(f"no archive at {root} (create one with: evidence-desk init)")
    db = Database(root / DB_NAME)
    try:
        backup = db.upgrade(root / "backups")
    except SchemaTooNew as exc:
        db.dispose()
        raise ArchiveError(f"{exc}; update Evidence Desk to open it") from exc
    except DatabaseError as exc:
        db.dispose()
        raise ArchiveError(
            f"{db.path} cannot be opened as an archive database ({exc.orig}); "
            "restore it from a backup or the backups/ folder"
        ) from exc
    except Exception:
        db.dispose()
        raise
    archive = Archive(root, db)
    archive.last_backup = backup
    archive.temp_files_cleaned = archive.store.clean_temp()
    return archive


def _write_signing_key(path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

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
