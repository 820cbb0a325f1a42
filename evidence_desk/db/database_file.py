"""A catalogue's database file, plain or encrypted, through the bare driver.

The one place that picks SQLite or SQLCipher (keyed with the archive's
database key) for what is done to a database file outside a session: a
read-only look (doctor, a backup's inspection) and a consistent copy (a
backup, a restore).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evidence_desk.db import dialect


def open_read_only(
    path: Path, key: bytes | None, *, immutable: bool = False, timeout: float = 10
) -> Any:
    """A read-only DBAPI connection (``immutable``: see ``dialect.connect_read_only``)."""
    if key is None:
        return dialect.connect_read_only(path, immutable=immutable, timeout=timeout)
    from evidence_desk.db import cipher

    return cipher.connect(path, key, timeout=timeout, read_only=True)


def copy(source: Path, target: Path, key: bytes | None, *, read_only: bool = False) -> None:
    """A consistent copy of ``source`` at ``target``, encrypted with the same key when it
    is, written under a temporary name and renamed; ``read_only`` opens the source so (a
    backup being restored)."""
    if key is None:
        dialect.backup(source, target, read_only=read_only)
        return
    from evidence_desk.db import cipher

    cipher.backup(source, target, key, read_only=read_only)
