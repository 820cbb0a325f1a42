"""What opening an archive refuses, and what it tidies first.

Kept apart from archive.py: a missing, empty or schema-less database beside an
archive's objects and keys is refused with a way out (never re-created, which
would hand out exhibit numbers again); a write-protected medium, or a disk too
full for SQLite to open its WAL index, opens read-only; a writable open clears
what interrupted writers left and anchors an archive made before checkpoints.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DatabaseError

from evidence_desk.core import custody_chain
from evidence_desk.core.custody_checkpoint import FILE_NAME as CHECKPOINT_NAME
from evidence_desk.db.engine import Database, SchemaTooNew
from evidence_desk.db.revision import SCHEMA_HEAD
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.archive.location import DB_NAME

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

def writable(root: Path) -> bool:
    """Whether the archive can be changed (not a write-protected stick or a DVD)."""
    try:
        if os.statvfs(root).f_flag & getattr(os, "ST_RDONLY", 1):
            return False
    except (OSError, AttributeError):
        pass
    return os.access(root, os.W_OK) and os.access(root / DB_NAME, os.W_OK)


def holds_archive_parts(root: Path) -> bool:
    """Objects, keys or a checkpoint: an archive lived here, whatever the database says."""
    if (root / CHECKPOINT_NAME).exists():
        return True
    for folder, ignore in ((root / "keys", ()), (root / "objects", (".tmp", ".journal"))):
        try:
            if any(p.name not in ignore for p in folder.iterdir()):
                return True
        except OSError:
            pass
    return False


def restore_hint(root: Path) -> str:
    return f"restore it from a backup: evidence-desk doctor --archive {root} --restore-backup"


FULL = "<disk full>"
MIN_FREE_TO_OPEN = 1024 * 1024


def revision_or_full_disk(db: Database) -> str | None:
    """The schema revision; ``FULL`` when the database cannot open for lack of space."""
    try:
        return db.current_revision()
    except DatabaseError:
        wal = db.path.with_name(db.path.name + "-wal")
        st = os.statvfs(db.path.parent)
        full = st.f_bavail * st.f_frsize < MIN_FREE_TO_OPEN
        if full and (not wal.exists() or wal.stat().st_size == 0):
            return FULL
        raise


def after_open(archive: Archive, upgraded_from: str | None) -> None:
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


def refuse_lost_database(root: Path, db_path: Path) -> None:
    """No database file, but objects or keys: never start a new catalogue over them."""
    if root.is_dir() and holds_archive_parts(root):
        raise ArchiveError(
            f"the database {db_path} is missing, but {root} holds an archive; refusing to "
            "start a new catalogue over it (exhibit numbers would be reused); "
            + restore_hint(root)
        )


def refuse_empty_database(root: Path, db_path: Path) -> None:
    try:
        size = db_path.stat().st_size
    except OSError as exc:
        raise ArchiveError(f"{db_path} cannot be read ({exc.strerror})") from exc
    if size == 0:
        raise ArchiveError(
            f"the database {db_path} is empty (0 bytes); refusing to start a new catalogue "
            "over this archive (exhibit numbers would be reused); " + restore_hint(root)
        )


def open_database(
    root: Path, db_path: Path, key: bytes | None
) -> tuple[Database, Path | None, str | None]:
    """The database, the backup made before an upgrade, and the revision upgraded from."""
    read_only = not writable(root)
    db = Database(db_path, key, read_only=read_only)
    try:
        current = revision_or_full_disk(db)
        if current == FULL:
            # SQLite needs a few KB (its -shm index) just to open a WAL database;
            # on a full disk the archive can still be read, verified and exported.
            db.dispose()
            db = Database(db_path, key, read_only=True, reason="the disk is full")
            read_only = True
            current = db.current_revision()
        if current is None:
            raise ArchiveError(
                f"the database {db_path} holds no archive catalogue (no schema); refusing to "
                "start a new one over this archive; " + restore_hint(root)
            )
        if read_only:
            if current != SCHEMA_HEAD:
                raise ArchiveError(
                    f"{root} is read-only and its database (schema {current}) needs an upgrade: "
                    "copy the archive to a writable place to open it"
                )
            return db, None, None
        backup = db.upgrade(root / "backups")
        return db, backup, (current if backup is not None else None)
    except SchemaTooNew as exc:
        db.dispose()
        raise ArchiveError(f"{exc}; update Evidence Desk to open it") from exc
    except DatabaseError as exc:
        db.dispose()
        raise ArchiveError(
            f"{db_path} cannot be opened as an archive database ({exc.orig}); "
            + restore_hint(root)
        ) from exc
    except Exception:
        db.dispose()
        raise
