"""Rotating database backups, and finding a good one to restore.

After every ingest, import or editing session that changed something, the
database is copied with SQLite's online backup API (consistent even while
another process writes) to ``backups/evidence-auto-<time>.sqlite``; the
newest few are kept. Backups made before schema upgrades are never rotated
away. A backup holds the catalogue and the custody log, not the originals,
which stay in ``objects/``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def rotate(archive: Archive) -> tuple[Path | None, str | None]:
    """Make a backup and drop the oldest beyond ``KEEP``; (path, problem) — never raises."""
    errors: tuple[type[BaseException], ...] = (OSError, *driver_errors(archive.crypto is not None))
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


def driver_errors(encrypted: bool) -> tuple[type[BaseException], ...]:
    """What the database driver raises: sqlite3's errors, and SQLCipher's own classes."""
    if not encrypted:
        return (sqlite3.Error,)
    from evidence_desk.db import cipher

    return (cipher.Error, sqlite3.Error)


def connect_read_only(path: Path, key: bytes | None = None) -> Any:
    """A read-only DBAPI connection to a database or backup: plain SQLite, or SQLCipher
    with the archive's database ``key`` (an encrypted archive's backups are encrypted
    with the same key). Raises ``driver_errors(key is not None)``."""
    if key is None:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    from evidence_desk.db import cipher

    return cipher.connect(path, key, timeout=5, read_only=True)


def inspect(path: Path, key: bytes | None = None) -> BackupInfo:
    """Open a backup read-only and check it; hostile files give a message, not an error.

    ``key``: the database key of an encrypted archive; a backup it does not open
    (another archive's, or a plaintext one) is reported as not usable.
    """
    errors = driver_errors(key is not None)
    try:
        conn = connect_read_only(path, key)
    except errors as exc:
        return BackupInfo(path, False, None, None, _not_a_database(exc, key))
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            return BackupInfo(path, False, None, None, f"damaged: {check}")
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM custody_events").fetchone()[0]
        return BackupInfo(path, True, int(items), int(events), None)
    except errors as exc:
        return BackupInfo(path, False, None, None, _not_a_database(exc, key))
    finally:
        conn.close()


def _not_a_database(exc: BaseException, key: bytes | None) -> str:
    text = str(exc)
    if key is not None and "not a database" in text:
        return f"{text} (not encrypted with this archive's key)"
    return text


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
