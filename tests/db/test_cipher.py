"""SQLCipher through SQLAlchemy: an encrypted database holds no plaintext, even in the WAL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import event, exc, text

from evidence_desk.core.crypto.errors import WrongPassphrase
from evidence_desk.db import cipher

CANARY = "CANARY-Айгерим-7f3e"


def _wal_engine(path: Path, key: bytes):
    engine = cipher.engine(path, key)

    @event.listens_for(engine, "connect")
    def _on_connect(conn, _record) -> None:  # type: ignore[no-untyped-def]
        conn.execute("PRAGMA journal_mode=WAL")

    return engine


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def test_encrypted_database_has_no_plaintext_and_reopens(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "archive.sqlite"
    engine = _wal_engine(path, key)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (body TEXT)"))
        conn.execute(text("CREATE VIRTUAL TABLE search USING fts5(body)"))
        for _ in range(50):
            conn.execute(text("INSERT INTO notes VALUES (:b)"), {"b": CANARY})
            conn.execute(text("INSERT INTO search VALUES (:b)"), {"b": CANARY})
    # With the connection still open the pages sit in the WAL; it must be encrypted too.
    assert (tmp_path / "archive.sqlite-wal").stat().st_size > 0
    raw = _all_bytes(tmp_path)
    assert CANARY.encode() not in raw and "Айгерим".encode() not in raw
    assert not raw.startswith(b"SQLite format 3")
    engine.dispose()

    again = cipher.engine(path, key)
    with again.connect() as conn:
        hits = conn.execute(text("SELECT count(*) FROM search WHERE search MATCH 'Айгерим'"))
        assert hits.scalar() == 50
    again.dispose()
    cipher.check_key(path, key)


def test_wrong_key_is_refused_and_errors_stay_sqlalchemy_errors(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    engine = cipher.engine(path, os.urandom(32))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x)"))
    engine.dispose()
    with pytest.raises(WrongPassphrase, match="does not open"):
        cipher.check_key(path, os.urandom(32))
    wrong = cipher.engine(path, os.urandom(32))
    with pytest.raises(exc.DatabaseError):
        with wrong.connect() as conn:
            conn.execute(text("SELECT * FROM t"))
    wrong.dispose()


def test_backup_is_encrypted_with_the_same_key(tmp_path: Path) -> None:
    key = os.urandom(32)
    src = tmp_path / "db.sqlite"
    engine = cipher.engine(src, key)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x)"))
        conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": CANARY})
    engine.dispose()
    dst = tmp_path / "backup" / "copy.sqlite"
    dst.parent.mkdir()
    cipher.backup(src, dst, key)
    assert CANARY.encode() not in dst.read_bytes()
    copy = cipher.engine(dst, key)
    with copy.connect() as conn:
        assert conn.execute(text("SELECT x FROM t")).scalar() == CANARY
    copy.dispose()


def test_raw_key_length_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        cipher.connect(tmp_path / "x.sqlite", b"short")
