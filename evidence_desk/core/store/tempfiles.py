"""A copy's temporary file in ``objects/.tmp``: made locked, removed only when abandoned.

While a copy is written its file is locked, so ``clean_temp`` in another
process leaves it alone; the lock dies with the process that holds it, so a
file left by a killed ingest is free to remove. A file system without locks
(some network shares) only loses that courtesy. Shared by the store's own
copies and the early copies of ``prestage``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

TMP_DIR = ".tmp"


def new_temp(folder: Path) -> tuple[int, Path]:
    """A new temporary file for a copy in ``folder``, locked: (descriptor, path)."""
    fd, name = tempfile.mkstemp(prefix="ingest-", suffix=".part", dir=folder)
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass
    return fd, Path(name)


def remove_if_abandoned(path: Path) -> bool:
    """Remove a temporary file unless a live copy (its lock) still holds it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a live copy is writing it
            except OSError:
                pass  # no locks on this file system: remove, as before
        path.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
