"""Start copying big files before the archive is opened (see ``core.store.prestage``).

Only for an existing plain archive, from a process with no other thread: the
command line calls ``start`` first thing, hands the result to the opened
archive's store, and closes it when the command ends. Kept free of the
database layer, whose import is exactly what the early copy overlaps.
"""

from __future__ import annotations

import threading
from pathlib import Path

from evidence_desk.core.crypto.layout import is_encrypted
from evidence_desk.core.store import prestage
from evidence_desk.core.store.tempfiles import TMP_DIR
from evidence_desk.services.archive.location import DB_NAME

Prestager = prestage.Prestager


def start(root: Path, paths: list[Path]) -> Prestager | None:
    """A child copying the big files among ``paths`` into ``root``'s store, or None."""
    if not prestage.supported() or threading.active_count() > 1:
        return None  # forking beside other threads could leave the child a held lock
    root = Path(root).expanduser().resolve()
    tmp = root / "objects" / TMP_DIR
    if not (root / DB_NAME).is_file() or is_encrypted(root / "keys") or not tmp.is_dir():
        return None
    early = Prestager(tmp, paths)
    return early if early.active else None
