"""Everything that is SQLite's own, in one module.

The queries in ``db.queries`` are written in the SQL that SQLite and
PostgreSQL share; where they need what only SQLite says a certain way —
connection pragmas, ``BEGIN IMMEDIATE``, the online backup API, FTS5
``MATCH`` and its query syntax, ``group_concat``, ``json_array_length``, index
hints, a Python function registered on the connection — they ask this module
for it. Another engine is a second module offering the same names (FTS5
becomes a ``tsvector`` column, ``ed_fold`` becomes ``lower()`` under an ICU
collation, the backup a ``pg_dump``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: db.cipher's bare connections use this module too
    from sqlalchemy import URL, Connection
    from sqlalchemy.orm import Session

NAME = "sqlite"
BUSY_TIMEOUT_MS = 30_000
BEGIN_READ = "BEGIN"
# Writers take the write lock at once, so a read-then-append (the custody
# chain's head) can never interleave with another writer.
BEGIN_WRITE = "BEGIN IMMEDIATE"


def file_uri(path: Path, flags: str = "") -> str:
    """``path`` as SQLite's ``file:`` URI with query ``flags``, percent-encoded: a folder
    named "Case #12" would otherwise end the name at "#" and drop the flags (a read-only
    open would then create an empty database beside it)."""
    uri = Path(path).resolve().as_uri().replace("file://", "file:", 1)
    return f"{uri}?{flags}" if flags else uri


def url(db_path: Path, read_only: bool = False) -> URL:
    """SQLAlchemy's URL of the catalogue; built from parts, since a URL string would have
    its path percent-decoded (and a "%" or "#" in a folder name misread)."""
    from sqlalchemy.engine import URL

    if read_only:
        # Write-protected media (or a disk too full to create the WAL index):
        # nothing can change the file under us, so SQLite may skip locking.
        flags = {"mode": "ro", "immutable": "1", "uri": "true"}
        return URL.create("sqlite", database=file_uri(db_path), query=flags)
    return URL.create("sqlite", database=str(db_path))


def connect_args() -> dict[str, Any]:
    return {"timeout": BUSY_TIMEOUT_MS / 1000}


def on_connect(dbapi_connection: Any, read_only: bool = False) -> None:
    """WAL, enforced foreign keys, a busy timeout and full fsync on every connection."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    if read_only:
        cursor.execute("PRAGMA query_only=ON")
        cursor.close()
        return
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def has_table(conn: Connection, name: str) -> bool:
    row = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
    ).first()
    return row is not None


def backup(source: Path, target: Path, *, read_only: bool = False) -> None:
    """A consistent copy of a live database (SQLite's online backup API).

    Written under a temporary name and renamed, so a full disk or a crash
    never leaves a truncated file that looks like a backup. ``read_only``
    opens the source so (a backup being restored).
    """
    partial = target.with_name(f".{target.name}.partial")
    src = connect_read_only(source) if read_only else sqlite3.connect(source)
    copy_database(src, sqlite3.connect(partial), partial, target)


def copy_database(src: Any, dst: Any, partial: Path, target: Path) -> None:
    """``src`` copied into ``dst`` (open on the file ``partial``) with the online backup
    API, in rollback-journal mode so the copy opens read-only on its own, then renamed
    to ``target``; a failed copy leaves no partial file. Closes both connections.

    The copy is not live while it is written, so SQLite's own syncs of it (eight
    per backup, most of a backup's time after a small ingest) are off; one fsync
    before the rename makes the finished file durable as a whole.
    """
    try:
        dst.execute("PRAGMA synchronous=OFF")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        dst.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        dst.close()
        src.close()
    try:
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


# What the driver raises itself (outside SQLAlchemy): any error, and a damaged database.
DRIVER_ERROR: type[Exception] = sqlite3.Error
DRIVER_DATABASE_ERROR: type[Exception] = sqlite3.DatabaseError




def backup_state(conn: Any) -> tuple[str, int, int]:
    """(integrity check answer, items, custody events) of an open backup, plain or
    SQLCipher's; the counts are read only when the check says "ok" (else 0)."""
    check = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    if check != "ok":
        return check, 0, 0
    items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    events = conn.execute("SELECT count(*) FROM custody_events").fetchone()[0]
    return check, int(items), int(events)


def connect_read_only(path: Path, *, immutable: bool = False, timeout: float = 10) -> Any:
    """A bare read-only connection to the database file at ``path``.

    ``immutable``: on write-protected media SQLite cannot create the WAL index
    beside a WAL database and says "unable to open database file", which is not
    damage; nothing can change the file there, so it is opened immutable, as
    ``url`` opens it.
    """
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(file_uri(path, flags), uri=True, timeout=timeout)


def check_database(conn: Any) -> tuple[str, bool]:
    """(integrity check answer, whether it holds an archive's catalogue) of an open DBAPI
    connection, plain or SQLCipher's; the second is read only when the first is "ok"."""
    check = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    if check != "ok":
        return check, False
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='custody_events'"
    ).fetchone()
    return check, has is not None


def triggers(session: Session) -> dict[str, str]:
    """Every trigger of the database, by name, with the SQL that created it."""
    rows = session.connection().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    )
    return {name: sql for name, sql in rows}


def storage_failure(error: BaseException | None) -> str | None:
    """"full" or "read-only" when a driver error says the file cannot be written."""
    text = str(error or "").lower()
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "read-only"
    return None


def driver_connection(session: Session) -> Any:
    """The DBAPI connection under ``session``: for 100,000 ids, the ORM's row
    processing would cost more than the query itself."""
    return session.connection().connection.driver_connection


# --- functions and expressions ---------------------------------------------------------


def _fold_value(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def register_functions(session: Session) -> None:
    """Unicode-aware case folding for sorting (SQLite's NOCASE is ASCII only)."""
    raw = driver_connection(session)  # sqlite3's, or sqlcipher3's for an encrypted archive
    assert raw is not None and hasattr(raw, "create_function")
    raw.create_function("ed_fold", 1, _fold_value, deterministic=True)


def fold(expr: str) -> str:
    """``expr`` case-folded for sorting Cyrillic as well as Latin (needs register_functions)."""
    return f"ed_fold({expr})"


def json_list_length(expr: str) -> str:
    """The number of elements of the JSON array stored in ``expr``."""
    return f"json_array_length({expr})"


def joined(expr: str, subquery_from: str, separator: str = ", ") -> str:
    """One text joining ``expr`` over the rows of ``subquery_from`` (in its order)."""
    return f"(SELECT group_concat({expr}, '{separator}') FROM ({subquery_from}))"


def id_list(select_ids: str) -> str:
    """One row with the ids ``select_ids`` gives, in its order, as one text.

    A million ids fetched row by row cost 0.5-0.6 s in the driver; aggregated
    in SQLite and parsed at once (``parse_id_list``) about half.
    """
    return f"SELECT group_concat(id) FROM ({select_ids})"


def parse_id_list(value: str | None) -> list[int]:
    """The ids of one ``id_list`` row (decimal integers joined by commas)."""
    if not value:
        return []
    ids: list[int] = json.loads(f"[{value}]")
    return ids


def indexed_by(index: str) -> str:
    """A hint to read ``index`` (the planner guessed wrong at 100,000 items)."""
    return f"INDEXED BY {index}"


# --- full-text search (FTS5) -----------------------------------------------------------


def fts_matching_rowids(table: str, param: str) -> str:
    """A subquery of the rowids of ``table`` matching the query bound to ``:param``."""
    return f"SELECT rowid FROM {table} WHERE {table} MATCH :{param}"


def fts_rowids_in_order(table: str, param: str, descending: bool = False) -> str:
    """The rowids of ``table`` matching ``:param``, in rowid order (FTS5's own: no sort)."""
    order = " DESC" if descending else ""
    return f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :{param} ORDER BY rowid{order}"


def fts_ranked(table: str, columns: str, param: str, where: str = "") -> str:
    """Matching rows of ``table``, best first, up to ``:limit`` rows."""
    extra = f" AND {where}" if where else ""
    return (
        f"SELECT {columns} FROM {table} WHERE {table} MATCH :{param}{extra} "
        "ORDER BY rank LIMIT :limit"
    )


def fts_prefix(word: str) -> str:
    """One word of a query, matched as a prefix; quotes cannot break out of it."""
    return '"' + word.replace('"', "") + '"*'


def fts_any(alternatives: list[str]) -> str:
    return "(" + " OR ".join(alternatives) + ")"


NO_LIMIT = -1  # LIMIT -1: SQLite's "no limit"
