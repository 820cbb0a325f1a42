"""The interface of an object store: originals by SHA-256, read and written as streams.

Everything outside a store — ingest and its analysis workers, verification,
export, the preview, the player, "open with" — reaches an original only
through these methods, never through a file path. A store that encrypts its
objects, or keeps them somewhere else, therefore plugs in by implementing
:class:`Store`; nothing else changes. There is no delete: originals are kept
for ever (``discard`` only drops a copy the caller has just written and that
nothing refers to, such as a file that changed while it was being copied).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, runtime_checkable


class Cancelled(Exception):
    """Raised inside a stream copy when the caller asked to stop."""


class NotRegularObject(OSError):
    """An object's place holds a symbolic link, device or folder, not the object itself.

    Raised by ``hash_object``: a link to a file with the right content is still
    not an original kept in this store, and verification must say so.
    """


_HEX = frozenset("0123456789abcdef")


def is_sha256(text: str) -> bool:
    """Whether ``text`` is a lower-case hexadecimal SHA-256 digest (an object's name)."""
    return len(text) == 64 and set(text) <= _HEX


@dataclass(frozen=True)
class PutResult:
    """What ``put_stream`` stored: the content's SHA-256 and size, and whether it was there."""

    sha256: str
    size: int
    existed: bool


@dataclass(frozen=True)
class StoreEntry:
    """One file found in a store's space, for verification to account for.

    ``in_place`` is True for an object stored under its own digest, where the
    store would look for it; ``label`` names the file for a person (relative to
    the archive folder), never for reading it.
    """

    name: str
    label: str
    in_place: bool


class StagedCopy(Protocol):
    """A copy written and hashed but not yet an object (``Store.stage_stream``).

    Ingest stages a file, has it made durable on another thread while it copies
    the next, analyses it through ``staged_reader`` and ``publish``es it just
    before the row that refers to it commits.
    """

    sha256: str
    size: int
    existed: bool  # the content was already stored: nothing to publish


class ObjectReader(Protocol):
    """Opens one stored object as a binary stream; picklable, for worker processes."""

    def __call__(self) -> BinaryIO: ...


@runtime_checkable
class Store(Protocol):
    """Content-addressed, write-once storage of originals."""

    def put_stream(
        self,
        src: BinaryIO,
        *,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PutResult:
        """Copy ``src`` in, hashing while writing; the object appears only when complete.

        Raises :class:`Cancelled` when ``cancelled()`` turns true, leaving nothing behind.
        """
        ...

    def stage_stream(
        self,
        src: BinaryIO,
        *,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> StagedCopy:
        """Like ``put_stream``, but the copy stays invisible and not yet durable."""
        ...

    def announce(self, staged: list[StagedCopy]) -> None:
        """Record durably, for a batch at once, that these copies are about to land."""
        ...

    def sync(self, staged: StagedCopy) -> None:
        """Make a staged copy's content durable (thread-safe; may run beside the next copy)."""
        ...

    def publish(self, staged: StagedCopy, *, folders: set[Any] | None = None) -> PutResult:
        """Make a staged copy the object; with ``folders``, leave the folder syncs to
        one ``sync_folders`` call for a whole batch (before anything refers to them)."""
        ...

    def sync_folders(self, folders: set[Any]) -> None: ...

    def discard_staged(self, staged: StagedCopy) -> None:
        """Drop a staged copy that will not be published (no-op once published)."""
        ...

    def staged_reader(self, staged: StagedCopy) -> ObjectReader:
        """A picklable opener of a staged copy's content, for analysis before publishing."""
        ...

    def open(self, sha256: str) -> BinaryIO:
        """The original's content, readable and seekable; FileNotFoundError when missing."""
        ...

    def reader(self, sha256: str) -> ObjectReader:
        """A picklable opener of the object, to hand to another process."""
        ...

    def exists(self, sha256: str) -> bool: ...

    def size(self, sha256: str) -> int:
        """The original's size in bytes (of the content, whatever the store keeps)."""
        ...

    def hash_object(self, sha256: str, on_bytes: Callable[[int], None] | None = None) -> str:
        """Re-read the object and return the SHA-256 of its content (verification).

        Raises FileNotFoundError when it is missing and OSError when unreadable;
        a store that authenticates its objects raises its own error on tampering.
        """
        ...

    def iter_digests(self) -> Iterator[str]:
        """The name of every object in the store."""
        ...

    def entries(self) -> Iterator[StoreEntry]:
        """Every file in the store's space except copies in progress, to find strays."""
        ...

    def discard(self, sha256: str) -> None:
        """Drop an object just written by the caller that no item refers to."""
        ...

    def clean_temp(self) -> int:
        """Remove copies abandoned by an interrupted process; returns how many."""
        ...
