"""A new archive's database: the newest schema and its first rows, through the bare driver.

``init`` is a whole process of its own; through SQLAlchemy it spent about
0.25 s importing the ORM and the models to write two rows. Here the script in
``schema_head.sql`` (see ``db/schema_script.py``), the archive's row and its
first custody event go in through the DBAPI connection (sqlite3, or
sqlcipher3 keyed first), in one transaction: a failure leaves no half-made
catalogue. The rows are those the models would write (the same columns, the
same text form of times), which ``tests/db/test_new_database.py`` checks.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from evidence_desk.db import database_file, dialect, schema_script
from evidence_desk.db.revision import SCHEMA_HEAD

# How SQLAlchemy's DateTime stores a naive UTC time on SQLite.
STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class FirstRows:
    """The archive's own row and its creation event, as ``archive_info`` and
    ``custody_events`` hold them."""

    uuid: str
    name: str
    created_at: datetime  # naive UTC
    created_by: str
    tool_version: str
    event: dict[str, Any]  # uuid, occurred_at, event_type, actor, tool, outcome, prev_hash, hash
    event_details_json: str


def connect(path: Path, key: bytes | None) -> Any:
    """A writing DBAPI connection with the archive's connection settings."""
    if key is None:
        conn = sqlite3.connect(path, timeout=dialect.BUSY_TIMEOUT_MS / 1000)
    else:
        from evidence_desk.db import cipher

        conn = cipher.connect(path, key, timeout=dialect.BUSY_TIMEOUT_MS / 1000)
    dialect.on_connect(conn)
    return conn


def create(path: Path, key: bytes | None, rows: FirstRows) -> None:
    """Build the newest schema in the new, empty database at ``path`` and write ``rows``.

    A checkout whose script is behind the migrations (not regenerated) builds
    the schema the long way, by migrating from nothing, then writes the rows.
    """
    _create(path, key, rows)


def create_schema(path: Path, key: bytes | None) -> None:
    """Only the newest schema (and the rows its migrations seed), in one transaction."""
    _create(path, key, None)


def _create(path: Path, key: bytes | None, rows: FirstRows | None) -> None:
    revision, statements = schema_script.load()
    if revision != SCHEMA_HEAD:
        statements = _migrate(path, key)
    now = datetime.now(UTC).replace(tzinfo=None).strftime(STORED_TIME)
    conn = connect(path, key)
    try:
        conn.execute(dialect.BEGIN_WRITE)
        try:
            if statements and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise ValueError(f"{path} is not empty: its schema is not created anew")
            for statement in statements:
                conn.execute(statement, {"now": now} if statement.startswith("INSERT") else ())
            if rows is not None:
                write_first_rows(conn, rows)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def _migrate(path: Path, key: bytes | None) -> list[str]:
    """The schema built by Alembic from 0001 (nothing left for the script to run)."""
    from evidence_desk.db.engine import Database

    db = Database(path, key)
    try:
        db.upgrade(path.parent)
    finally:
        db.dispose()
    return []


def write_first_rows(conn: Any, rows: FirstRows) -> None:
    """The archive's row and its creation event, inside the caller's transaction."""
    conn.execute(
        "INSERT INTO archive_info (uuid, name, created_at, created_by, tool_version) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            rows.uuid,
            rows.name,
            rows.created_at.strftime(STORED_TIME),
            rows.created_by,
            rows.tool_version,
        ),
    )
    e = rows.event
    conn.execute(
        "INSERT INTO custody_events (uuid, occurred_at, event_type, actor, tool, item_id, "
        "item_uuid, outcome, details_json, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)",
        (
            e["uuid"],
            e["occurred_at"],
            e["event_type"],
            e["actor"],
            e["tool"],
            e["outcome"],
            rows.event_details_json,
            e["prev_hash"],
            e["hash"],
        ),
    )


def backup_target(db_path: Path, backup_dir: Path, label: str) -> Path:
    """Where a backup of ``db_path`` labelled ``label`` goes (names sort by time)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return backup_dir / f"{db_path.stem}-{label}-{stamp}.sqlite"


def backup(db_path: Path, key: bytes | None, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the database (encrypted with its key when it is)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_target(db_path, backup_dir, label)
    database_file.copy(db_path, target, key)
    return target
