"""Rotating database backups, and finding a good one to restore.

After every ingest, import or editing session that changed something, the
database is copied with SQLite's online backup API (consistent even while
another process writes) to ``backups/evidence-auto-<time>.sqlite``; the
newest few are kept. Backups made before schema upgrades are never rotated
away. A backup holds the catalogue and the custody log, not the originals,
which stay in ``objects/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evidence_desk.db import database_file, dialect

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

KEEP = 5
AUTO_LABEL = "auto"


def auto_backups(folder: Path) -> list[Path]:
    """Rotating backups, oldest first (names sort by time)."""
    try:
        return sorted(p for p in folder.glob(f"*-{AUTO_LABEL}-*.sqlite") if p.is_file())
    except OSError:
        return []


def driver_errors(encrypted: bool) -> tuple[type[BaseException], ...]:
    """What the database driver raises: sqlite3's errors, and SQLCipher's own classes."""
    if not encrypted:
        return (dialect.DRIVER_ERROR,)
    from evidence_desk.db import cipher

    return (cipher.Error, dialect.DRIVER_ERROR)


def rotate(archive: Archive) -> tuple[Path | None, str | None]:
    """Make a backup and drop the oldest beyond ``KEEP``; (path, problem) — never raises."""
    errors: tuple[type[BaseException], ...] = (
        OSError,
        *driver_errors(archive.crypto is not None),
    )
    try:
        made = archive.db.backup(archive.backups, AUTO_LABEL)
    except errors as exc:
        return None, (
            f"database backup in {archive.backups} could not be written ({exc}); "
            "free some space: the archive itself is intact"
        )
    for old in auto_backups(archive.backups)[:-KEEP]:
        old.unlink(missing_ok=True)
    return made, None


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    ok: bool
    items: int | None
    events: int | None
    problem: str | None


def inspect(path: Path, key: bytes | None = None) -> BackupInfo:
    """Open a backup read-only and check it; hostile files give a message, not an error.

    ``key``: the database key of an encrypted archive, whose backups are encrypted
    with it; a backup it does not open (another archive's, or a plaintext one) is
    reported as not usable.
    """
    try:
        conn = database_file.open_read_only(path, key, timeout=5)
        try:
            check, items, events = dialect.backup_state(conn)
        finally:
            conn.close()
    except driver_errors(key is not None) as exc:
        problem = str(exc)
        if key is not None and "not a database" in problem:
            problem += " (not encrypted with this archive's key)"
        return BackupInfo(path, False, None, None, problem)
    if check != "ok":
        return BackupInfo(path, False, None, None, f"damaged: {check}")
    return BackupInfo(path, True, items, events, None)


def all_backups(folder: Path) -> list[Path]:
    """Every backup, newest first (by modification time: labels differ in their names)."""
    try:
        found = [
            p
            for p in folder.glob("*.sqlite")
            if p.is_file() and not p.is_symlink() and not p.name.startswith("damaged-")
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def complete_session(archive: Archive, *, closed: bool = False) -> None:
    """Back up if this session wrote anything; settle this process's store journal."""
    from evidence_desk.services.archive.recovery import settle_journal

    if archive.writes_since_backup and not archive.read_only and not closed:
        made, problem = rotate(archive)
        if made is not None:
            archive.writes_since_backup = 0
        if problem and problem not in archive.warnings:
            archive.warnings.append(problem)
    settle_journal(archive)
