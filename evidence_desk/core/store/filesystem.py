"""The file-system object store: originals as plain, read-only files by SHA-256.

It implements :class:`evidence_desk.core.store.base.Store`; nothing outside
this package sees its paths (``path_for`` is for this store's own tests and
tools). Objects live at ``objects/ab/cd/<sha256>``, are read-only, and
appear only by an atomic rename of a fully written, fsynced temporary file:
a crash leaves either nothing or a complete object.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import stat
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence_desk.core.atomic_file import fsync_dir
from evidence_desk.core.store import sweep
from evidence_desk.core.store.base import (  # noqa: F401 - Cancelled re-exported
    Cancelled,
    NotRegularObject,
    PutResult,
    StagedCopy,
    StoreEntry,
    is_sha256,
)
from evidence_desk.core.store.copying import _BUFFERS, CHUNK, _copy_hashing, _file_descriptor
from evidence_desk.core.store.journal import JOURNAL_DIR, Journal
from evidence_desk.core.store.prestage import Prestager
from evidence_desk.core.store.tempfiles import (  # noqa: F401 - TMP_DIR re-exported
    TMP_DIR,
    new_temp,
    remove_if_abandoned,
)

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]



@dataclass
class Staged:
    """A copy in a temporary file, hashed, not yet an object (``ObjectStore.stage_stream``).

    ``path`` is where its bytes can be read now: the temporary file, or the
    existing object when ``existed``. ``fd`` stays open (and locked, so that
    another process's clean-up spares it) until it is published or discarded.
    """

    sha256: str
    size: int
    path: Path
    existed: bool
    fd: int = -1
    synced: bool = False


@dataclass(frozen=True)
class FileReader:
    """Opens one object of a file-system store; picklable, so worker processes can use it."""

    path: Path

    def __call__(self) -> BinaryIO:
        return open(self.path, "rb")


class ObjectStore:
    """Originals stored by SHA-256 under one folder (the file-system ``Store``)."""


    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp = self.root / TMP_DIR
        self.journal = Journal(self.root)
        self._prestaged: Prestager | None = None

    def ensure(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        return open(self.path_for(sha256), "rb")

    def reader(self, sha256: str) -> FileReader:
        return FileReader(self.path_for(sha256))

    def size(self, sha256: str) -> int:
        return self.path_for(sha256).stat().st_size

    def put_stream(
        self,
        src: BinaryIO,
        *,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PutResult:
        """Copy ``src`` into the store, hashing while writing; read it once.

        The object is durable (fsynced, renamed, its folder fsynced) on return.
        """
        staged = self.stage_stream(src, on_bytes=on_bytes, cancelled=cancelled)
        try:
            return self.publish(staged)
        finally:
            self.discard_staged(staged)

    def stage_stream(
        self,
        src: BinaryIO,
        *,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Staged:
        """Copy and hash ``src`` into a temporary file, reading it once; not yet durable.

        Ingest stages a file, has it fsynced on another thread and analysed from
        the temporary file while it copies the next one, and ``publish``es it just
        before the row that refers to it commits. Content already in the store is
        not kept twice: the result then names the existing object.
        """
        early = self._prestaged_copy(src, on_bytes, cancelled)
        if early is not None:
            digest, size, fd, tmp_path = early
            return self._staged(digest, size, fd, tmp_path)
        self.ensure()
        fd, tmp_path = new_temp(self.tmp)
        try:
            with os.fdopen(fd, "wb", buffering=0, closefd=False) as out:
                digest, size = self._copy_into(src, out, on_bytes, cancelled)
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            os.close(fd)
            raise
        return self._staged(digest, size, fd, tmp_path)

    def _staged(self, digest: str, size: int, fd: int, tmp_path: Path) -> Staged:
        """A copied and hashed temporary file as a staged copy, or as the object it already is."""
        try:
            final = self.path_for(digest)
            # Content already stored is announced (journal.py) before a row can come
            # to rely on it; a new copy is announced when it is published (``announce``
            # for a whole batch, or ``publish`` itself).
            if final.is_file():
                with self.journal.landing(digest):
                    if final.is_file() and final.stat().st_size == self.stored_size(size):
                        tmp_path.unlink()
                        os.close(fd)
                        return Staged(digest, size, final, existed=True)
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            os.close(fd)
            raise
        return Staged(digest, size, tmp_path, existed=False, fd=fd)

    def adopt_prestaged(self, prestaged: Prestager) -> None:
        """Let ``stage_stream`` take the copies a start-up child made (``core.store.prestage``).

        Only this store's own plain copy qualifies: a store that transforms what it
        stores (the encrypted one) never takes them.
        """
        if type(self)._copy_into is ObjectStore._copy_into:
            self._prestaged = prestaged

    def _prestaged_copy(
        self,
        src: BinaryIO,
        on_bytes: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, int, int, Path] | None:
        fd = _file_descriptor(src)
        if self._prestaged is None or fd < 0:
            return None
        return self._prestaged.take(fd, on_bytes, cancelled)

    def _copy_into(
        self,
        src: BinaryIO,
        out: BinaryIO,
        on_bytes: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, int]:
        """Copy ``src`` into the staged file, hashing it: (SHA-256, size)."""
        return _copy_hashing(src, out, on_bytes, cancelled)

    def announce(self, staged: list[StagedCopy]) -> None:
        """Announce the copies about to be published together (one journal fdatasync)."""
        self.journal.announce([copy.sha256 for copy in staged if not copy.existed])

    def sync(self, staged: StagedCopy) -> None:
        """Write a staged copy's data to disk (may run on another thread than the copy)."""
        assert isinstance(staged, Staged), "a copy staged by another store"
        if staged.fd >= 0 and not staged.synced:
            os.fsync(staged.fd)
            staged.synced = True

    def publish(self, staged: StagedCopy, *, folders: set[Path] | None = None) -> PutResult:
        """Make a staged copy an object: fsync it (unless done), rename it into place.

        The object's folder is fsynced here, or, when ``folders`` is given, added
        to it for the caller to fsync once per folder (``fsync_dir``) before
        anything refers to the object.
        """
        assert isinstance(staged, Staged), "a copy staged by another store"
        if staged.existed or staged.fd < 0:
            return PutResult(staged.sha256, staged.size, existed=True)
        final = self.path_for(staged.sha256)
        tmp_path, fd = staged.path, staged.fd
        try:
            # Announced before it lands: after a crash the object is known as a
            # leftover, not reported as planted (see journal.py).
            with self.journal.landing(staged.sha256):
                if final.is_file() and final.stat().st_size == self.stored_size(staged.size):
                    tmp_path.unlink()  # the same content was published meanwhile
                    return PutResult(staged.sha256, staged.size, existed=True)
                self.sync(staged)
                os.chmod(tmp_path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
                _make_dirs(final.parent, folders)
                if fcntl is None:  # Windows cannot rename an open file
                    os.close(fd)
                    fd = staged.fd = -1
                os.replace(tmp_path, final)
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        finally:
            if fd >= 0:
                os.close(fd)
            staged.fd = -1
        staged.path = final
        if folders is None:
            fsync_dir(final.parent)
        else:
            folders.add(final.parent)
        return PutResult(staged.sha256, staged.size, existed=False)

    def stored_size(self, size: int) -> int:
        """The size on disk of an object of ``size`` bytes (an encrypted store adds to it)."""
        return size

    def staged_reader(self, staged: StagedCopy) -> FileReader:
        """A picklable opener of a staged copy's bytes (or of the object it turned out to be)."""
        assert isinstance(staged, Staged), "a copy staged by another store"
        return FileReader(staged.path)

    def sync_folders(self, folders: set[Path]) -> None:
        fsync_dirs(folders)

    def discard_staged(self, staged: StagedCopy) -> None:
        """Drop a staged copy that will not be published (no-op once published)."""
        assert isinstance(staged, Staged), "a copy staged by another store"
        if staged.fd >= 0:
            os.close(staged.fd)
            staged.fd = -1
            staged.path.unlink(missing_ok=True)

    def discard(self, sha256: str) -> None:
        """Remove an object that no item refers to (a torn copy of a changing file)."""
        path = self.path_for(sha256)
        path.unlink(missing_ok=True)

    def hash_object(self, sha256: str, on_bytes: Callable[[int], None] | None = None) -> str:
        """Re-hash a stored object; raises FileNotFoundError when missing.

        Buffers come from the shared pool: zeroing a fresh 4 MiB buffer per
        object holds the GIL, and an archive of small photos would spend more
        time on that than on hashing (and stall the GUI thread meanwhile).
        """
        h = hashlib.sha256()
        path = self.path_for(sha256)
        expected = os.path.join(os.path.realpath(self.root), sha256[:2], sha256[2:4], sha256)
        with _open_regular(path, expected) as f:
            (buf,) = _BUFFERS.take(CHUNK, 1)
            try:
                view = memoryview(buf)
                while n := f.readinto(buf):
                    h.update(view[:n])
                    if on_bytes:
                        on_bytes(n)
            finally:
                view.release()
                _BUFFERS.give(CHUNK, [buf])
        return h.hexdigest()

    def iter_digests(self) -> Iterator[str]:
        """Every object file name in the store (whatever it looks like)."""
        if not self.root.is_dir():
            return
        for top in sorted(self.root.iterdir()):
            if top.name == TMP_DIR or not top.is_dir():
                continue
            for sub in sorted(top.iterdir()):
                if sub.is_dir():
                    for obj in sorted(sub.iterdir()):
                        yield obj.name

    def entries(self) -> Iterator[StoreEntry]:
        """Every file anywhere in the store except temp copies, to find strays."""
        if not self.root.is_dir():
            return
        for folder, subfolders, names in os.walk(self.root):
            if Path(folder) == self.root:
                subfolders[:] = [d for d in subfolders if d not in (TMP_DIR, JOURNAL_DIR)]
            subfolders.sort()
            for name in sorted(names):
                path = Path(folder) / name
                label = f"{self.root.name}/{path.relative_to(self.root).as_posix()}"
                in_place = is_sha256(name) and path == self.path_for(name)
                yield StoreEntry(name, label, in_place)

    def sweep_plan(self) -> sweep.Plan | None:
        """For verify, one pass over the folders (``core.store.sweep``); None when objects
        are not hashed as plain files here (a subclass's ``hash_object``) or there is no
        store folder."""
        if type(self).hash_object is not ObjectStore.hash_object:
            return None
        return sweep.plan(str(self.root), (TMP_DIR, JOURNAL_DIR))

    def clean_temp(self) -> int:
        """Remove temporary files left by an interrupted copy."""
        removed = 0
        if self.tmp.is_dir():
            for leftover in self.tmp.iterdir():
                removed += remove_if_abandoned(leftover)
        return removed


def _open_regular(path: Path, expected_real: str) -> io.FileIO:
    """Open an object for reading; never through a link, never anything but a file.

    A symbolic link in the store (to a file with the right content, even) is
    not an original kept here: verification must say so, not follow it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotRegularObject(errno.ELOOP, "a symbolic link, not a file", str(path)) from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode) or os.path.realpath(path) != expected_real:
        os.close(fd)
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        if stat.S_ISREG(mode):
            what = "reached through a symbolic link"
        raise NotRegularObject(errno.EINVAL, what, str(path))
    return io.FileIO(fd, "rb", closefd=True)


def _make_dirs(folder: Path, folders: set[Path] | None = None) -> None:
    """Create the fan-out folders, fsyncing each new entry so a power cut cannot lose them
    (or, with ``folders``, leaving the parents to fsync to the caller)."""
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        if folders is None:
            fsync_dir(new.parent)
        else:
            folders.add(new.parent)


def fsync_dirs(folders: set[Path]) -> None:
    """fsync several folders at once: the file system commits its journal for them together,
    instead of once per folder in turn (two per new object in a fresh archive)."""
    if len(folders) <= 1:
        for folder in folders:
            fsync_dir(folder)
        return
    with ThreadPoolExecutor(min(8, len(folders)), thread_name_prefix="fsync-dir") as pool:
        list(pool.map(fsync_dir, sorted(folders)))
