"""Keeping the signed custody checkpoint beside the database up to date.

After every committed write transaction the archive re-reads the chain head
and rewrites ``custody-checkpoint.json`` (see core/custody_checkpoint.py).
Three rules keep it honest:

- never backwards: a checkpoint is only replaced by one with more events
  whose log still contains the old head at the old position, so a truncated
  or rewritten log is never re-anchored behind the user's back;
- one writer at a time: a lock file serialises processes, so two processes
  committing at once cannot write their heads out of order;
- a checkpoint that fails to parse or to verify is left in place for
  ``verify`` to report; only ``doctor`` sets a new one aside it.

A checkpoint that cannot be written (full disk, read-only medium) loses no
data: the transaction is committed; the failure is kept in ``problem`` for
the caller to show, and the next successful write catches up.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.core import signing
from evidence_desk.db.queries import archive_state
from evidence_desk.db.queries import integrity as q

if TYPE_CHECKING:
    from collections.abc import Iterator

    from evidence_desk.services.archive.archive import Archive

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".custody-checkpoint.lock"


class CheckpointKeeper:
    """Writes the archive's checkpoint; one per open archive."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.path = archive.root / cp.FILE_NAME
        self._key: Ed25519PrivateKey | None = None
        self.problem: str | None = None

    def key(self) -> Ed25519PrivateKey:
        if self._key is None:
            self._key = self.archive.signing_key()
        return self._key

    def forget_key(self) -> None:
        """Drop the signing key (the archive was closed or locked)."""
        self._key = None

    def current_state(self) -> cp.Head:
        with self.archive.db.reader() as session:
            events, head = q.chain_head(session)
            return cp.Head(
                q.archive_uuid(session) or "",
                events,
                head or "0" * 64,
                q.exhibit_high(session),
            )

    def update(self) -> None:
        """Extend the checkpoint to the database's current head (called after each commit)."""
        if self.archive.read_only:
            return
        try:
            with _locked(self.archive.root / LOCK_NAME):
                self._update_locked()
            self.problem = None
        except cp.CheckpointError as exc:
            self.problem = f"custody checkpoint not updated: {exc}"
        except signing.SigningKeyError as exc:
            self.problem = f"custody checkpoint not updated: {exc}"
        except OSError as exc:
            self.problem = (
                f"custody checkpoint {exc.filename or self.path} could not be written "
                f"({exc.strerror or exc}); the change itself is saved"
            )

    def _update_locked(self) -> None:
        existing = cp.read(self.path)
        state = self.current_state()
        if existing is not None:
            cp.check_signature(existing, self.key().public_key(), str(self.path))
            if existing.events >= state.events:
                return  # up to date, or the log is shorter: verify reports that
            if self._hash_at(existing.events, existing.head) != existing.head:
                raise cp.CheckpointError(
                    f"{self.path}: the log no longer holds the recorded head; run verify"
                )
            if existing.archive_uuid != state.archive_uuid:
                raise cp.CheckpointError(f"{self.path}: belongs to another archive")
        self.write(state)

    def write(self, state: cp.Head) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cp.write_atomic(self.path, cp.make(self.key(), state, now))

    def _hash_at(self, position: int, expected: str) -> str | None:
        with self.archive.db.reader() as session:
            return hash_at(session, position, expected)


def hash_at(session: Session, position: int, expected: str | None = None) -> str | None:
    """The hash of event number ``position`` (1-based, in log order)."""
    if position <= 0:
        return None
    # Rows are never deleted, so the id is normally the position: try that first.
    found = archive_state.event_hash(session, position)
    if found is not None and found == expected:
        return found
    return archive_state.event_hash_at(session, position)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
