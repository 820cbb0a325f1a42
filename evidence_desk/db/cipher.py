"""SQLCipher connections for an encrypted archive's database.

SQLCipher encrypts every page of the database, its WAL and its journals with
AES-256 and authenticates each page with an HMAC. We give it a *raw* 256-bit
key (``PRAGMA key = "x'…'"``) derived from the archive's master key, so it
skips its own PBKDF2 (the passphrase was already stretched by Argon2id) and a
new connection costs no more than a plain one.

The engine uses SQLAlchemy's ordinary SQLite dialect with ``sqlcipher3`` as
its DBAPI module and a ``creator`` that sets the key before anything else
runs, so every SQLite feature the archive uses (WAL, FTS5, foreign keys,
``BEGIN IMMEDIATE``, the backup API) behaves as with plain SQLite and driver
errors are still wrapped as SQLAlchemy's errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

if TYPE_CHECKING:  # SQLAlchemy only for the engine: quick reads open a bare connection
    from sqlalchemy import Engine

from evidence_desk.core.crypto.errors import WrongPassphrase
from evidence_desk.db import dialect

RAW_KEY_SIZE = 32
# Every page read from the OS is decrypted and its HMAC checked; SQLite's default
# cache would redo that for every catalogue query of a large archive. An upper bound
# per connection: pages are cached only as they are read (a 100,000-item catalogue's
# database is about 130 MB).
CACHE_KIB = 128 * 1024
# Page authentication with SHA-256 rather than SQLCipher's default SHA-512: the CPU's
# SHA extensions make it 2-3x faster, and a 256-bit tag is ample.
HMAC = "HMAC_SHA256"


def _key_pragma(raw_key: bytes) -> str:
    if len(raw_key) != RAW_KEY_SIZE:
        raise ValueError(f"a SQLCipher raw key is {RAW_KEY_SIZE} bytes, not {len(raw_key)}")
    return f"PRAGMA key = \"x'{raw_key.hex()}'\""


# What a SQLCipher connection raises (its own classes, not the sqlite3 module's).
Error = sqlcipher3.Error


def connect(
    path: Path, raw_key: bytes, *, timeout: float = 30.0, read_only: bool = False, **kwargs: Any
) -> Any:
    """A DBAPI connection to an encrypted database, keyed before its first statement.

    SQLCipher only reads the file when the first statement runs, so a wrong
    key is not noticed here; ``check_key`` does that. ``read_only`` opens the
    file as SQLite's ``mode=ro`` does (backups inspected by ``doctor``).
    """
    if read_only:
        kwargs["uri"] = True
        target = dialect.file_uri(path, "mode=ro")
    else:
        target = str(path)
    conn = sqlcipher3.connect(target, timeout=timeout, **kwargs)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no page errors on stderr
        conn.execute(_key_pragma(raw_key))
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC}")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # Sorts and GROUP BY of a large catalogue use temporary b-trees: in memory they
        # are neither written to disk nor encrypted and decrypted page by page.
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def check_key(path: Path, raw_key: bytes) -> None:
    """Raises WrongPassphrase when ``raw_key`` does not open the database at ``path``."""
    try:
        conn = connect(path, raw_key)
    except sqlcipher3.DatabaseError:
        conn = None
    try:
        if conn is None:
            raise sqlcipher3.DatabaseError("file is not a database")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlcipher3.DatabaseError:
        raise WrongPassphrase(
            f"{path}: the database does not open with this archive's key"
        ) from None
    finally:
        if conn is not None:
            conn.close()


def engine(path: Path, raw_key: bytes, *, timeout: float = 30.0, **kwargs: Any) -> Engine:
    """A SQLAlchemy engine over an encrypted database file (created on first write)."""
    from sqlalchemy import create_engine

    path = Path(path)
    return create_engine(
        f"sqlite:///{path}",
        module=sqlcipher3.dbapi2,
        creator=lambda: connect(path, raw_key, timeout=timeout, check_same_thread=False),
        **kwargs,
    )


def backup(src_path: Path, dst_path: Path, raw_key: bytes, *, read_only: bool = False) -> None:
    """A consistent copy, encrypted with the same key (SQLite's online backup API).

    As ``dialect.backup`` does for plain files: written under a temporary name and
    renamed, so a full disk or a crash never leaves a truncated file that looks
    like a backup, and in rollback-journal mode, so it opens read-only on its own.
    ``read_only`` opens the source so (a backup being restored).
    """
    dst_path = Path(dst_path)
    partial = dst_path.with_name(f".{dst_path.name}.partial")
    partial.unlink(missing_ok=True)
    src = connect(src_path, raw_key, read_only=read_only)
    dialect.copy_database(src, connect(partial, raw_key), partial, dst_path)




def export_plain(plain_path: Path, target: Path, raw_key: bytes) -> None:
    """Copy the plain SQLite database at ``plain_path`` into a new encrypted file ``target``
    (``sqlcipher_export``), keeping its ``user_version``; its WAL is checkpointed first, so
    the export holds every committed transaction."""
    plain = sqlcipher3.connect(str(plain_path), isolation_level=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(plain.execute("PRAGMA user_version").fetchone()[0])
    finally:
        plain.close()
    conn = connect(target, raw_key, isolation_level=None)  # the archive's cipher settings
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain_path),))
        conn.execute("SELECT sqlcipher_export('main', 'plain')")
        conn.execute("DETACH DATABASE plain")
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()
