"""Engines, sessions and schema upgrades for one archive database.

Two engines share the file: readers begin ordinary (deferred) transactions
and see a consistent snapshot; writers begin ``BEGIN IMMEDIATE`` so that the
read-then-append of the custody chain can never interleave with another
writer, in this process or another.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

from evidence_desk.db import dialect, new_database

if TYPE_CHECKING:
    from alembic.config import Config

from evidence_desk.db.revision import SCHEMA_HEAD

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = dialect.BUSY_TIMEOUT_MS


class SchemaTooNew(Exception):
    """The archive was written by a newer version of Evidence Desk."""


class StorageError(OSError):
    """The database could not be written: the disk is full or the medium read-only.

    An ``OSError`` with the errno and the database path, so every caller that
    already reports file-system errors by path reports this one the same way.
    """


def storage_error(exc: OperationalError, path: Path) -> StorageError | None:
    """The StorageError a database error stands for, or None for other errors."""
    kind = dialect.storage_failure(exc.orig)
    if kind == "full":
        return StorageError(errno.ENOSPC, "disk full, nothing was changed", str(path))
    if kind == "read-only":
        return StorageError(errno.EROFS, "read-only, nothing can be changed", str(path))
    return None


def _make_engine(
    db_path: Path, begin: str, key: bytes | None = None, read_only: bool = False
) -> Engine:
    if key is not None:  # an encrypted archive: SQLCipher, same SQLite otherwise
        from evidence_desk.db import cipher

        engine = cipher.engine(db_path, key, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        engine = create_engine(
            dialect.url(db_path, read_only), connect_args=dialect.connect_args()
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dialect.on_connect(dbapi_connection, read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql(begin)

    return engine


def prepare_orm() -> None:
    """Configure the models' mappers now (an idle moment) rather than at the first query."""
    configure_mappers()


def tx_memo(session: Session) -> dict[str, object]:
    """Values remembered for the rest of one write transaction only.

    Writers hold SQLite's write lock from ``BEGIN IMMEDIATE`` to the end, so
    values read inside (the custody chain's head, the last exhibit number)
    cannot change under them; the memo is dropped at commit or rollback.
    """
    memo: dict[str, object] = session.info.setdefault("tx_memo", {})
    return memo


@event.listens_for(Session, "after_commit")
def _drop_memo_after_commit(session: Session) -> None:
    session.info.pop("tx_memo", None)


@event.listens_for(Session, "after_soft_rollback")
def _drop_memo_after_rollback(session: Session, _previous: object) -> None:
    session.info.pop("tx_memo", None)


class Database:
    """The archive's SQLite file with a reader and a writer session factory.

    With ``key`` (an encrypted archive) the file is a SQLCipher database
    opened with that raw 256-bit key; everything else is the same.
    """

    def __init__(
        self,
        db_path: Path,
        key: bytes | None = None,
        *,
        read_only: bool = False,
        reason: str = "read-only medium",
    ) -> None:
        self.path = Path(db_path)
        self._key = key
        self.read_only = read_only
        self.read_only_reason = reason
        self.read_engine = _make_engine(self.path, dialect.BEGIN_READ, key, read_only)
        # Read-only: nothing is ever written, and a write lock would be refused.
        begin_write = dialect.BEGIN_READ if read_only else dialect.BEGIN_WRITE
        self.write_engine = _make_engine(self.path, begin_write, key, read_only)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        # Called after every committed write transaction (the custody checkpoint).
        self.after_write: Callable[[], None] | None = None

    def reader(self) -> Session:
        return self._reader()

    @contextmanager
    def writer(self) -> Iterator[Session]:
        """A write transaction, committed on success and rolled back on error.

        A full disk or read-only medium becomes a :class:`StorageError` naming
        the database file; the transaction is rolled back, nothing half-written.
        """
        if self.read_only:
            code = errno.ENOSPC if "full" in self.read_only_reason else errno.EROFS
            raise StorageError(code, f"{self.read_only_reason}, nothing can be changed", self.path)
        try:
            with self._writer() as session, session.begin():
                yield session
        except OperationalError as exc:
            translated = storage_error(exc, self.path)
            if translated is None:
                raise
            raise translated from exc
        if self.after_write is not None:
            self.after_write()

    def dispose(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()

    def current_revision(self) -> str | None:
        with self.write_engine.connect() as conn:
            if not dialect.has_table(conn, "alembic_version"):
                return None
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
            return row[0] if row else None

    def upgrade(self, backup_dir: Path) -> Path | None:
        """Bring the schema to the newest revision; back up first if data exists.

        Returns the backup path when one was made. Alembic (and its template
        engine) is imported only when the schema really changes: opening an
        up-to-date archive is on the start-up path.
        """
        current = self.current_revision()
        if current == SCHEMA_HEAD:
            return None
        from alembic import command
        from alembic.script import ScriptDirectory

        config = _alembic_config()
        head = ScriptDirectory.from_config(config).get_current_head()
        if current == head:
            return None
        known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise SchemaTooNew(
                f"{self.path} uses schema {current}, newer than this version understands"
            )
        backup = None
        if current is not None:
            backup = self.backup(backup_dir, f"before-upgrade-from-{current}")
        with self.write_engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        return backup

    def backup(self, backup_dir: Path, label: str) -> Path:
        """A consistent copy of the live database (see ``dialect.backup``)."""
        return new_database.backup(self.path, self._key, backup_dir, label)


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head
