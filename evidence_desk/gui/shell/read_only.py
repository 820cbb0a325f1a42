"""Refuse an edit of a read-only archive before anything is asked.

An archive on write-protected media (a locked stick, a DVD) or on a full
disk opens read-only (services/archive/guards.py): it can be listed,
searched, verified and exported from, but every write is refused by the
database. Without this check an import would first ask for provenance, a
tag edit for tags, a new testimony for a whole form, and only then say no,
after the user typed it all. Every action that changes the archive calls
``refuse_read_only`` first: one message naming the archive and why, and no
dialog. The actions stay enabled, because a greyed-out menu entry does not
say why it is grey; the message does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadOnlyArchive", text)


def read_only_text(archive: Archive) -> str:
    """One line: which archive, why it cannot change, and what still works."""
    reason = getattr(getattr(archive, "db", None), "read_only_reason", "") or ""
    if "full" in reason:
        text = _tr(
            "The disk holding the archive %1 is full: nothing can be added or changed until "
            "space is freed. It can still be searched, verified and exported from."
        )
    else:
        text = _tr(
            "The archive %1 is on a read-only medium: nothing can be added or changed there. "
            "It can still be searched, verified and exported from."
        )
    return text.replace("%1", str(archive.root))


def refuse_read_only(window: QWidget, archive: Archive | None = None) -> bool:
    """True (after saying why) when ``window``'s open archive cannot be changed."""
    archive = archive if archive is not None else getattr(window, "archive", None)
    if archive is None or not getattr(archive, "read_only", False):
        return False
    QMessageBox.warning(window, _tr("Read-only archive"), read_only_text(archive))
    return True
