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
worker processes sweep disjoint halves; nothing here writes. The names found
intact come back as ONE string, sorted, a name a line: the caller compares it
with the catalogue's names of the same range in one comparison, and a million
names cross between processes as a few dozen strings, not a million objects.
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
    intact: str = ""  # the names found intact, sorted, joined by "\n"
    altered: list[tuple[str, str]] = field(default_factory=list)  # (name, digest found)
    deferred: list[str] = field(default_factory=list)
    strays: list[tuple[str, str]] = field(default_factory=list)  # (name, label)

    def intact_names(self) -> list[str]:
        return self.intact.split("\n") if self.intact else []


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
    intact: list[str] = []
    root_fd = os.open(root, _DIR_FLAGS)
    try:
        for top in tops:
            _folder(root_fd, top, (top,), label, out, intact, _buffer)
    finally:
        os.close(root_fd)
    out.intact = "\n".join(intact)  # sorted: folders in name order, each one's names sorted
    return out


def _folder(
    parent_fd: int,
    name: str,
    parts: tuple[str, ...],
    label: str,
    out: Swept,
    intact: list[str],
    buf: bytearray,
) -> None:
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    except OSError:
        return  # gone or replaced since it was listed: objects under it are checked one by one
    try:
        with os.scandir(fd) as found:
            entries = list(found)
        if len(parts) == 2:
            _objects_folder(fd, entries, parts, label, out, intact, buf)
            return
        # In name order, so that the names found come out sorted folder by folder.
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir():
                if not entry.is_symlink():
                    _folder(fd, entry.name, (*parts, entry.name), label, out, intact, buf)
            else:
                out.strays.append((entry.name, "/".join((label, *parts, entry.name))))
    finally:
        os.close(fd)


def _objects_folder(
    fd: int,
    entries: list[os.DirEntry[str]],
    parts: tuple[str, ...],
    label: str,
    out: Swept,
    intact: list[str],
    buf: bytearray,
) -> None:
    """An ``ab/cd`` folder: the hot loop of a million objects, kept to a few system
    calls (open, one read, close) and no Python call per object beyond them (names
    looked up once, counts kept in locals: each saves a little a million times). A
    regular file whose name starts as its folder's objects do is read and hashed at
    once: hashing to its name proves it is named as an object, so the name is
    checked only when it does not."""
    # Only ab/cd/abcd…: a name must start with its two folders' names, each of two letters.
    prefix = parts[0] + parts[1] if len(parts[0]) == 2 and len(parts[1]) == 2 else None
    view = memoryview(buf)
    into = [buf]
    size = len(buf)
    sha256 = hashlib.sha256
    open_, readv, close = os.open, os.readv, os.close
    found: list[str] = []
    files = read = 0
    for entry in entries:
        name = entry.name
        if not (
            prefix is not None and entry.is_file(follow_symlinks=False) and name.startswith(prefix)
        ):
            _other(fd, entry, prefix, parts, label, out, intact, buf)
            continue
        try:
            object_fd = open_(name, _FLAGS, dir_fd=fd)
        except OSError:
            _unsettled(name, parts, label, out)
            continue
        try:
            n = readv(object_fd, into)
        except OSError:
            _unsettled(name, parts, label, out)
            continue
        finally:
            close(object_fd)
        if n >= size:
            _unsettled(name, parts, label, out)  # a big object: hashed with large reads
            continue
        digest = sha256(view[:n]).hexdigest()
        if digest == name:
            found.append(name)
        elif is_sha256(name):
            out.altered.append((name, digest))
        else:
            out.strays.append((name, "/".join((label, *parts, name))))
            continue
        files += 1
        read += n
    found.sort()
    intact.extend(found)
    out.files += files
    out.bytes += read


def _unsettled(name: str, parts: tuple[str, ...], label: str, out: Swept) -> None:
    """A file the loop could not settle: deferred when named as an object (``hash_object``
    says what it is), else a stray."""
    if is_sha256(name):
        out.deferred.append(name)
    else:
        out.strays.append((name, "/".join((label, *parts, name))))


def _other(
    fd: int,
    entry: os.DirEntry[str],
    prefix: str | None,
    parts: tuple[str, ...],
    label: str,
    out: Swept,
    intact: list[str],
    buf: bytearray,
) -> None:
    """Whatever in an ``ab/cd`` folder is not a regular file named as one of its objects:
    a folder is entered (not through a link), a file not so named is a stray, and a link
    or special file so named is deferred (``hash_object`` says what it is)."""
    name = entry.name
    if entry.is_dir():
        if not entry.is_symlink():
            _folder(fd, name, (*parts, name), label, out, intact, buf)
    elif prefix is None or not (name.startswith(prefix) and is_sha256(name)):
        out.strays.append((name, "/".join((label, *parts, name))))
    else:
        out.deferred.append(name)
