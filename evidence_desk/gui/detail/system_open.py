"""Opening an item in another application, always on a working copy.

The Berkeley Protocol asks investigators to keep the evidentiary copy
untouched and work on copies, so external players and viewers get a
read-only copy under the archive's ``derived/working`` folder (regenerable,
and on the same volume as the archive), never the original in the object
store. An encrypted archive's copy is decrypted into a RAM folder instead,
removed when the archive is closed or locked and at exit; the panel asks
before making it.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from evidence_desk.services.archive.archive import Archive

_UNSAFE = '<>:"/\\|?*\0'


def safe_name(name: str, fallback: str) -> str:
    cleaned = "".join("_" if c in _UNSAFE or ord(c) < 32 else c for c in name).strip(". ")
    return cleaned[:120] or fallback


def make_working_copy(archive: Archive, sha256: str, original_name: str) -> Path:
    """Runs in a worker: a read-only copy of the original, made once per item."""
    base = archive.viewer_dir() if archive.encrypted else archive.derived / "working"
    folder = base / sha256[:16]
    target = folder / safe_name(original_name, sha256[:16])
    if target.is_file() and target.stat().st_size == archive.store.size(sha256):
        return target
    folder.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    with archive.store.open(sha256) as src, open(tmp, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
    os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP)
    os.replace(tmp, target)
    return target


def open_externally(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def multimedia_available() -> bool:
    """Qt Multimedia ships in PySide6-Addons, which may not be installed."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
        import PySide6.QtMultimediaWidgets  # noqa: F401
    except ImportError:
        return False
    return True
