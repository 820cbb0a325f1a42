"""Creating and opening archives: layout, schema upgrades with a backup, refusals."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from evidence_desk.db import engine
from evidence_desk.services.archive.archive import (
    create_archive,
    default_archive_path,
    open_archive,
)
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.catalogue import items
from tests import media
from tests.helpers.ingest import assert_clean, run

EXTRA_REVISION = '''"""A later schema revision, for the upgrade test only."""

import sqlalchemy as sa
from alembic import op

revision = "0999_test"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_marker", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_marker")
'''


def _version(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_new_archive_layout(archive):
    root = archive.root
    for sub in ("objects", "objects/.tmp", "derived/thumbs", "keys", "backups"):
        assert (root / sub).is_dir(), sub
    assert (root / "evidence.sqlite").is_file()
    key = archive.signing_key_path
    assert key.is_file() and stat.S_IMODE(key.stat().st_mode) == 0o600
    info = archive.info()
    assert info.name == "Test archive" and len(info.uuid) == 36
    assert _version(root / "evidence.sqlite") == engine.head_revision()
    conn = sqlite3.connect(root / "evidence.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_older_schema_is_backed_up_before_upgrade(archive, tmp_path, monkeypatch):
    src = media.write_bytes(tmp_path / "a.txt", b"kept across the upgrade")
    run(archive, src)
    old_head = engine.head_revision()
    root = archive.root
    archive.close()

    migrations = tmp_path / "migrations"
    shutil.copytree(engine.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0999_test.py").write_text(EXTRA_REVISION.format(down=old_head))
    monkeypatch.setattr(engine, "MIGRATIONS", migrations)
    monkeypatch.setattr(engine, "SCHEMA_HEAD", "0999_test")

    with open_archive(root) as upgraded:
        backup = upgraded.last_backup
        assert backup is not None and backup.is_file()
        assert backup.parent == root / "backups"
        assert old_head in backup.name
        assert _version(backup) == old_head
        assert _version(root / "evidence.sqlite") == "0999_test"
        conn = sqlite3.connect(backup)
        assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 1
        assert "upgrade_marker" not in {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        conn.close()
        assert len(items.list_items(upgraded)) == 1
        assert_clean(upgraded)

    with open_archive(root) as again:  # already at head: no second backup
        assert again.last_backup is None
    assert len(list((root / "backups").iterdir())) == 1


def test_newer_schema_is_refused(archive):
    root = archive.root
    archive.close()
    conn = sqlite3.connect(root / "evidence.sqlite")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError) as caught:
        open_archive(root)
    message = str(caught.value)
    assert "9999_from_the_future" in message and "newer" in message
    assert "update Evidence Desk" in message
    assert _version(root / "evidence.sqlite") == "9999_from_the_future"  # left untouched
    assert list((root / "backups").iterdir()) == []


def test_damaged_database_gives_a_clear_error(tmp_path):
    root = tmp_path / "broken"
    root.mkdir()
    (root / "evidence.sqlite").write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(ArchiveError, match="cannot be opened as an archive database"):
        open_archive(root)


def test_open_a_folder_without_an_archive(tmp_path):
    with pytest.raises(ArchiveError, match="no archive at .*evidence-desk init"):
        open_archive(tmp_path)


def test_create_refuses_to_reuse_a_folder(archive, tmp_path):
    with pytest.raises(ArchiveError, match="already holds an archive"):
        create_archive(archive.root)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(ArchiveError, match="not an empty folder"):
        create_archive(busy)


def test_default_archive_is_created_on_first_use(monkeypatch, tmp_path):
    monkeypatch.delenv("EVIDENCE_DESK_ARCHIVE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = default_archive_path()
    assert path.is_relative_to(tmp_path / "xdg")
    with open_archive(path, create=True) as arch:
        assert arch.root == path.resolve()
    with open_archive(path) as arch:
        assert arch.info().name == "archive"


def test_environment_variable_names_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("EVIDENCE_DESK_ARCHIVE", str(tmp_path / "from-env"))
    assert default_archive_path() == tmp_path / "from-env"
