"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from evidence_desk.db.engine import Database, head_revision
from evidence_desk.db.models import Base


def test_migrations_match_models(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    db.upgrade(tmp_path / "backups")
    with db.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 indexes and their shadow tables are raw SQL, not models.
    fts = ("item_search", "case_search", "message_search")
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(fts))]
    assert diff == []
    assert db.current_revision() == head_revision()


def test_pragmas_enforced(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    with db.read_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_custody_log_refuses_update_and_delete(archive):
    import pytest
    from sqlalchemy.exc import IntegrityError

    for sql in ("UPDATE custody_events SET actor = 'x'", "DELETE FROM custody_events"):
        with pytest.raises(IntegrityError, match="append-only"):
            with archive.db.writer() as session:
                session.execute(text(sql))


def test_schema_head_constant_is_alembics_head():
    from evidence_desk.db.engine import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()
