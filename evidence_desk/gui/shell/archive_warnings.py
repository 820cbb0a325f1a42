"""Tell the user what the archive reported without stopping the work.

The services collect such messages in ``Archive.warnings``: a custody
checkpoint or a rotating backup that could not be written (a full disk),
triggers restored after someone dropped them, crash leftovers removed and
recorded. They do not fail the operation, but a researcher must hear of
them: after every operation the window announces, new ones are shown once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from evidence_desk.gui.shell.hooks import Change, WindowHooks


class ArchiveWarnings(QObject):
    """Shows each new entry of the open archive's ``warnings`` once."""

    def __init__(
        self, window: QWidget, hooks: WindowHooks, current_archive: Callable[[], Any]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._archive = current_archive
        self._shown = 0
        self.box: QMessageBox | None = None
        hooks.subscribe(
            Change.ITEMS | Change.ITEM_SET | Change.CASE_RECORDS | Change.ARCHIVE, self._check
        )

    def _check(self, change: Change, _ids: list[int]) -> None:
        archive = self._archive()
        if change & Change.ARCHIVE:
            self._shown = 0
        if archive is None:
            return
        fresh = list(archive.warnings[self._shown :])
        if not fresh:
            return
        self._shown += len(fresh)
        self.show(fresh)

    def check_now(self) -> None:
        """For work that announces nothing (verify, export): look for new warnings."""
        self._check(Change(0), [])

    def show(self, messages: list[str]) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(
            QCoreApplication.translate("ArchiveWarnings", "The archive needs attention")
        )
        box.setText(
            QCoreApplication.translate(
                "ArchiveWarnings",
                "The work was done, but the archive reported the following. "
                "Run Tools › Verify Archive, or `evidence-desk doctor` for details.",
            )
        )
        box.setDetailedText("\n".join(messages))
        box.setInformativeText(messages[0] if len(messages) == 1 else "\n".join(messages[:3]))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        self.box = box
