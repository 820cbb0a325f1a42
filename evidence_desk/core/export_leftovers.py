"""Temporary bundle folders and zips that a killed export left beside its destination.

An export writes ``.NAME.partial-XXXXXXXX`` (the bag) and ``.NAME.work-XXXXXXXX``
(scratch: redacted copies, metadata, the report) in the destination folder and
renames the bag into place only at the end. A ``kill -9`` or a power cut
leaves both behind, full of copies of originals. Each live export holds an
exclusive lock on its two temporaries (``flock`` dies with the process), so
the next export to the same folder can tell a leftover from an export still
running, and removes only leftovers.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; leftovers are reported, never removed
    fcntl = None  # type: ignore[assignment]

LEFTOVER_RE = re.compile(r"^\..+\.(partial-[0-9a-f]{8}|work-[A-Za-z0-9_]{8})$")


def hold(path: Path) -> int | None:
    """Lock ``path`` (folder or file) for as long as the returned descriptor stays open."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def release(fd: int | None) -> None:
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


def _abandoned(path: Path) -> bool:
    """True when no live process holds the temporary's lock."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # an export is writing it right now
    except OSError:
        return False  # no locks on this file system: report, do not guess
    finally:
        os.close(fd)
    return True


def clean(folder: Path) -> tuple[list[str], list[str]]:
    """Remove abandoned export temporaries in ``folder``: (removed, left in place) names."""
    removed: list[str] = []
    kept: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed, kept
    for entry in entries:
        if not LEFTOVER_RE.match(entry.name) or entry.is_symlink():
            continue
        path = Path(entry.path)
        if not _abandoned(path):
            kept.append(entry.name)
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(entry.name)
        except OSError:
            kept.append(entry.name)
    return removed, kept
