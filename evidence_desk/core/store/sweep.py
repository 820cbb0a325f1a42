"""One pass over a file-system store for verify: every folder read once, every small
object hashed where it lies.

Verifying a million photos object by object cost a path lookup, a
``realpath`` (a system call per path component) and a fresh buffer per
object, and then a second walk of the whole store to find files nobody
refers to. A sweep walks the store's folders once, opening each object
relative to its folder's descriptor (``O_NOFOLLOW``: a link is never
followed), reading it into one buffer the worker reuses, and sorts what it
finds into: intact (content hashes to its name), altered, strays (files not at
an object's place) and *deferred* — objects to check one by one through the
store's ``hash_object`` (big ones, links, special files, unreadable ones), so
each gets exactly the finding it always had. Folders reached through a link
are not entered, as ``ObjectStore.entries`` does not: objects under them are
not found here and verify checks them one by one.

Work is split by top-level folder (``ab`` of ``ab/cd/<sha256>``), so two
worker processes sweep disjoint halves; nothing here writes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from evidence_desk.core.store.base import is_sha256

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = _FLAGS | getattr(os, "O_DIRECTORY", 0)
_buffer: bytearray | None = None  # one per process, reused for every object


@dataclass(frozen=True)
class Plan:
    """What a sweep of one store covers: its root, the top-level folders to give to
    workers, and files lying at the root itself (never an object's place)."""

    root: str
    label: str  # the store folder's name, for labels of stray files
    tops: list[str]
    root_strays: list[tuple[str, str]]  # (name, label)


@dataclass
class Swept:
    files: int = 0
    bytes: int = 0
    intact: list[str] = field(default_factory=list)
    altered: list[tuple[str, str]] = field(default_factory=list)  # (name, digest found)
    deferred: list[str] = field(default_factory=list)
    strays: list[tuple[str, str]] = field(default_factory=list)  # (name, label)

    def merge(self, other: Swept) -> None:
        self.files += other.files
        self.bytes += other.bytes
        self.intact.extend(other.intact)
        self.altered.extend(other.altered)
        self.deferred.extend(other.deferred)
        self.strays.extend(other.strays)


def plan(root: str, skip: Sequence[str]) -> Plan | None:
    """Read the store's top level; None when there is no store folder."""
    label = os.path.basename(os.path.normpath(root))
    tops: list[str] = []
    strays: list[tuple[str, str]] = []
    try:
        with os.scandir(root) as found:
            for entry in found:
                if entry.is_dir():
                    # A folder reached through a link is not entered (see the docstring).
                    if entry.name not in skip and not entry.is_symlink():
                        tops.append(entry.name)
                else:
                    strays.append((entry.name, f"{label}/{entry.name}"))
    except FileNotFoundError:
        return None
    return Plan(root, label, sorted(tops), strays)


def sweep(root: str, label: str, tops: Sequence[str], small: int) -> Swept:
    """Sweep the top-level folders ``tops``; objects of ``small`` bytes or more are deferred."""
    global _buffer
    if _buffer is None or len(_buffer) != small:
        _buffer = bytearray(small)
    out = Swept()
    root_fd = os.open(root, _DIR_FLAGS)
    try:
        for top in tops:
            _folder(root_fd, top, (top,), label, out, _buffer)
    finally:
        os.close(root_fd)
    return out


def _folder(
    parent_fd: int,
    name: str,
    parts: tuple[str, ...],
    label: str,
    out: Swept,
    buf: bytearray,
) -> None:
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    except OSError:
        return  # gone or replaced since it was listed: objects under it are checked one by one
    try:
        with os.scandir(fd) as found:
            entries = list(found)
        in_objects_folder = len(parts) == 2
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink():
                    _folder(fd, entry.name, (*parts, entry.name), label, out, buf)
                continue
            file_name = entry.name
            if in_objects_folder and _in_place(file_name, parts):
                _object(fd, entry, out, buf)
            else:
                out.strays.append((file_name, "/".join((label, *parts, file_name))))
    finally:
        os.close(fd)


def _in_place(name: str, parts: tuple[str, ...]) -> bool:
    return is_sha256(name) and parts[0] == name[:2] and parts[1] == name[2:4]


def _object(folder_fd: int, entry: os.DirEntry[str], out: Swept, buf: bytearray) -> None:
    name = entry.name
    if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
        out.deferred.append(name)  # hash_object says what it is instead of a file
        return
    try:
        fd = os.open(name, _FLAGS, dir_fd=folder_fd)
    except OSError:
        out.deferred.append(name)
        return
    try:
        n = os.readv(fd, [buf])
    except OSError:
        out.deferred.append(name)
        return
    finally:
        os.close(fd)
    if n >= len(buf):
        out.deferred.append(name)  # a big object: hashed on a thread with large reads
        return
    out.files += 1
    out.bytes += n
    digest = hashlib.sha256(memoryview(buf)[:n]).hexdigest()
    if digest == name:
        out.intact.append(name)
    else:
        out.altered.append((name, digest))
