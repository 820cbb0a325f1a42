"""A bare read-only DB-API connection to an archive's database, without SQLAlchemy.

Quick commands (``list``, ``show``) read a few narrow queries and print:
loading SQLAlchemy, the ORM models and Alembic's schema check would cost them
more than the reading. This opens the file with ``sqlite3`` — or with
``sqlcipher3`` and the archive's raw key when it is encrypted
(``db.cipher.connect``) — read-only, and only when it is at this version's
schema; anything else (missing, older, newer, damaged, a wrong key) gives
None, and the caller takes the full open, which upgrades or explains.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from evidence_desk.db.revision import SCHEMA_HEAD

BUSY_TIMEOUT_S = 30.0


def connect_read_only(path: Path, key: bytes | None = None) -> Any | None:
    """A read-only connection in autocommit mode, or None when the full open is needed."""
    path = Path(path)
    if not path.is_file():
        return None
    if key is None:
        errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error:
            return None
    else:
        import sqlcipher3

        from evidence_desk.db import cipher

        errors = (sqlcipher3.Error, ValueError)
        try:
            conn = cipher.connect(path, key, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except errors:
            return None
    try:
        conn.execute("PRAGMA query_only=ON")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None and row[0] == SCHEMA_HEAD:
            return conn
    except errors:
        pass
    conn.close()
    return None
