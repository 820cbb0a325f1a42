"""A new archive's schema script builds exactly what migrating from 0001 to the head builds."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection

from evidence_desk.db import new_database
from evidence_desk.db.engine import Database
from evidence_desk.db.revision import SCHEMA_HEAD
from evidence_desk.db.schema_script import load


def _snapshot(conn: Connection) -> dict[str, object]:
    """Everything a schema is: sqlite_master in order, every table's rows, the pragmas."""
    run = conn.exec_driver_sql
    master = run("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").all()
    rows = {}
    for (name,) in run("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        rows[name] = sorted((tuple(r) for r in run(f'SELECT * FROM "{name}"')), key=repr)
    return {
        "master": master,
        "kinds": sorted(run("SELECT name, type, ncol, wr, strict FROM pragma_table_list").all()),
        "rows": rows,
        "user_version": run("PRAGMA user_version").scalar(),
        "application_id": run("PRAGMA application_id").scalar(),
        "alembic_version": run("SELECT version_num FROM alembic_version").all(),
    }


def _seed_time(conn: Connection) -> str:
    """The time the seeds (places, periods) were written: the migration's or the script's now."""
    return str(conn.exec_driver_sql("SELECT created_at FROM places LIMIT 1").scalar())


def _compare(migrated: Database, created: Database) -> None:
    with migrated.write_engine.connect() as a, created.write_engine.connect() as b:
        time_a, time_b = _seed_time(a), _seed_time(b)
        want, got = _snapshot(a), _snapshot(b)
    # The only difference allowed: when the seeds were written.
    got["rows"] = {
        table: [tuple(time_a if v == time_b else v for v in row) for row in rows]
        for table, rows in got["rows"].items()  # type: ignore[union-attr]
    }
    assert got["master"] == want["master"]
    assert got["kinds"] == want["kinds"]
    assert got == want
    assert want["alembic_version"] == [(SCHEMA_HEAD,)]


def test_script_schema_is_the_migrated_schema(tmp_path: Path) -> None:
    migrated = Database(tmp_path / "migrated.sqlite")
    migrated.upgrade(tmp_path / "backups")
    new_database.create_schema(tmp_path / "created.sqlite", None)
    created = Database(tmp_path / "created.sqlite")
    kinds = {row[0] for row in _snapshot_master(created)}
    assert {"table", "index", "trigger"} <= kinds  # views: none today, compared all the same
    _compare(migrated, created)


def _snapshot_master(db: Database) -> list[tuple[str, str]]:
    with db.write_engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT type, name FROM sqlite_master")]


def test_encrypted_script_schema_is_the_migrated_schema(tmp_path: Path) -> None:
    key = os.urandom(32)
    migrated = Database(tmp_path / "migrated.sqlite", key)
    migrated.upgrade(tmp_path / "backups")
    new_database.create_schema(tmp_path / "created.sqlite", key)
    created = Database(tmp_path / "created.sqlite", key)
    _compare(migrated, created)
    assert not (tmp_path / "created.sqlite").read_bytes().startswith(b"SQLite format 3")


def test_script_is_at_the_head_and_refuses_a_used_database(tmp_path: Path) -> None:
    import pytest

    revision, statements = load()
    assert revision == SCHEMA_HEAD, "run: python scripts/dump_schema.py"
    assert statements[0].startswith("CREATE TABLE")
    new_database.create_schema(tmp_path / "a.sqlite", None)
    with pytest.raises(ValueError, match="not empty"):
        new_database.create_schema(tmp_path / "a.sqlite", None)


def test_a_new_archive_is_made_without_alembic_or_sqlalchemy(tmp_path: Path) -> None:
    """init imports neither Alembic (nor its template engine) nor SQLAlchemy: the command
    line's ``init`` is a whole process, and those imports were most of it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from evidence_desk.services.archive.creation import make_archive\n"
        f"make_archive({str(tmp_path / 'a')!r})\n"
        "heavy = ('alembic', 'mako', 'sqlalchemy')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=os.getcwd()
    )
    assert out.stdout.strip() == "[]"
