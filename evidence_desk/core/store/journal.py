"""Announcing objects before they land in the store, so a crash is not tampering.

An object is renamed into the store before the row that refers to it is
committed (a row must never point at nothing). A process killed in between
leaves an object nobody refers to, which looks exactly like one planted by
someone with file access. So every writing process first appends the digest
to its own journal (``objects/.journal/<pid>-<random>.log``, fsynced), and
only then renames the object into place. The journal file is locked (flock)
for as long as its process lives:

- a *locked* journal belongs to a live writer: its objects are work in
  progress, and ``verify`` running meanwhile does not call them unexpected;
- an *unlocked* journal was left by a process that died (or ended before its
  rows could be written): its unreferenced objects are leftovers, which the
  next open removes and records in custody;
- an unreferenced object that no journal announced is reported: nobody here
  put it there.

A recovery (removing leftovers) and a writer deciding that an object is
already present could race: the writer sees the object, the recovery deletes
it, the writer then records a row for a missing object. A store-wide lock
file closes that gap: writers hold it shared from announcing until the rename
is done, recovery holds it exclusively while it decides and deletes.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: journals work, liveness is by file presence
    fcntl = None  # type: ignore[assignment]

JOURNAL_DIR = ".journal"
LOCK_NAME = "store.lock"
SUFFIX = ".log"
MAX_JOURNAL_BYTES = 64 * 1024 * 1024  # ~1 million announcements; more is not ours
_HEX = frozenset("0123456789abcdef")


def _valid(line: str) -> bool:
    return len(line) == 64 and set(line) <= _HEX


def _flock(fd: int, mode: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, mode)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks: behave as before journals
    return True


class Journal:
    """This process's announcements; created at the first object it stores."""

    def __init__(self, store_root: Path) -> None:
        self.folder = Path(store_root) / JOURNAL_DIR
        self.path: Path | None = None
        self._fd = -1
        self._lock_fd = -1
        self._announced: set[str] = set()
        self._mutex = threading.Lock()

    def _open(self) -> None:
        if self._fd >= 0:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock_fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        path = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}{SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND
        self._fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), 0o644)
        _flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB if fcntl else 0)
        self.path = path

    @contextmanager
    def landing(self, sha256: str) -> Iterator[None]:
        """Announce ``sha256`` durably; the body places the object (or finds it present).

        One landing at a time per process, holding the store lock shared, so a
        recovery in another process never deletes an object under it.
        """
        with self._mutex:
            self._open()
            _flock(self._lock_fd, fcntl.LOCK_SH if fcntl else 0)
            try:
                self._append([sha256])
                yield
            finally:
                _flock(self._lock_fd, fcntl.LOCK_UN if fcntl else 0)

    def announce(self, digests: list[str]) -> None:
        """Announce several digests durably with one write and one fdatasync.

        Ingest announces a batch's staged copies just before it publishes them: an
        fdatasync per file, on the thread that copies, was a disk round trip per
        photo. Announcing a digest that never lands is harmless (nothing to remove).
        """
        with self._mutex:
            self._append(digests)

    def _append(self, digests: list[str]) -> None:
        """Write the digests not yet announced, with one fdatasync (the mutex held)."""
        new = [d for d in dict.fromkeys(digests) if d not in self._announced]
        if not new:
            return
        self._open()
        os.write(self._fd, "".join(f"{d}\n" for d in new).encode("ascii"))
        getattr(os, "fdatasync", os.fsync)(self._fd)
        self._announced.update(new)

    def announced(self) -> set[str]:
        with self._mutex:
            return set(self._announced)

    def close(self, *, keep: bool) -> None:
        """Close; remove the file unless ``keep`` (some objects were never recorded)."""
        with self._mutex:
            if self._fd < 0:
                return
            if not keep and self.path is not None:
                self.path.unlink(missing_ok=True)
            os.close(self._fd)
            os.close(self._lock_fd)
            self._fd = self._lock_fd = -1
            self._announced.clear()
            self.path = None


@dataclass(frozen=True)
class LeftJournal:
    """A journal whose process is gone: its objects may be leftovers."""

    path: Path
    digests: frozenset[str]


def _read(path: Path) -> frozenset[str] | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        data = f.read(MAX_JOURNAL_BYTES)
    lines = data.decode("ascii", errors="replace").splitlines()
    return frozenset(line for line in lines if _valid(line))


def _journals(store_root: Path) -> list[Path]:
    folder = Path(store_root) / JOURNAL_DIR
    try:
        return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))
    except OSError:
        return []


def _is_live(path: Path) -> bool:
    """A journal whose lock is held by a running process (this one included)."""
    if fcntl is None:
        return True
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not _flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB):
            return True
        return False
    finally:
        os.close(fd)


def live_announced(store_root: Path) -> set[str]:
    """Digests announced by writers running now: work in progress, not strays."""
    found: set[str] = set()
    for path in _journals(store_root):
        if _is_live(path):
            found |= _read(path) or frozenset()
    return found


def announced_anywhere(store_root: Path) -> tuple[set[str], list[LeftJournal]]:
    """Live announcements and the journals left by processes that are gone."""
    live: set[str] = set()
    left: list[LeftJournal] = []
    for path in _journals(store_root):
        digests = _read(path) or frozenset()
        if _is_live(path):
            live |= digests
        else:
            left.append(LeftJournal(path, digests))
    return live, left


@contextmanager
def recovery_lock(store_root: Path) -> Iterator[bool]:
    """Exclusive store lock for a recovery; yields False when it cannot be had (read-only)."""
    folder = Path(store_root) / JOURNAL_DIR
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield False
        return
    try:
        _flock(fd, fcntl.LOCK_EX if fcntl else 0)
        yield True
    finally:
        os.close(fd)  # closing releases the lock
