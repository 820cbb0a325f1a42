"""Clock correction: give a device (make + model) or the selected items an offset.

The dialog shows before/after for a few capture times so the user can
check the sign of the offset before applying (a camera an hour slow needs
``+1h``). Applying runs ``set_device_correction`` / ``set_item_correction``
in the edit pool; the services keep the original reading and log every
changed sort time in custody.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import run, translate
from evidence_desk.gui.shell.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case.clock import Device

SAMPLES = 5


def _apply(archive: Archive, target: Any, offset_s: int, reason: str) -> int:
    from evidence_desk.services.case import clock as case_clock

    if isinstance(target, case_clock.Device):
        result = case_clock.set_device_correction(
            archive, target.make or "", target.model, offset_s, reason=reason
        )
        return result.items_changed or 0
    return sum(
        case_clock.set_item_correction(archive, ref, offset_s, reason=reason).items_changed or 0
        for ref in target
    )


class ClockDialog(QDialog):
    applied = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        archive: Archive,
        selected_rows: list[Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseClockDialog")
        self.setWindowTitle(translate("CaseUI", "Clock Correction"))
        self.runner, self.archive = runner, archive
        self.rows = [r for r in selected_rows if r.captured_local is not None]
        self.target = QComboBox(self)
        if self.rows:
            self.target.addItem(
                translate("CaseUI", "The %n selected item(s)", None, len(self.rows)),
                None,
            )
        self.offset = QLineEdit(self)
        self.offset.setPlaceholderText("+1h, -00:05:30, +1d2h30m")
        self.offset.textChanged.connect(self.preview)
        self.target.currentIndexChanged.connect(self.preview)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(
            translate("CaseUI", "e.g. camera clock compared with a dated photo")
        )
        self.samples = QListWidget(self)
        self.status = QLabel(self)
        form = QFormLayout()
        form.addRow(translate("CaseUI", "Apply to"), self.target)
        form.addRow(translate("CaseUI", "Offset"), self.offset)
        form.addRow(translate("CaseUI", "Reason"), self.reason)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(
            translate("CaseUI", "Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.clicked.connect(self.apply)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("CaseUI", "Before → after:"), self))
        layout.addWidget(self.samples, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, 380)
        from evidence_desk.services.case import clock as case_clock

        run(runner, self, case_clock.devices, archive, on_ok=self._set_devices, pool="query")
        self.preview()

    def _set_devices(self, devices: list[Device]) -> None:
        for device in devices:
            name = " ".join(x for x in (device.make, device.model) if x)
            text = (
                translate("CaseUI", "%1 (%2 items)")
                .replace("%1", name)
                .replace("%2", str(device.items))
            )
            self.target.addItem(text, device)
        self.preview()

    def offset_s(self) -> int | None:
        from evidence_desk.services.case import clock as case_clock

        try:
            return case_clock.parse_offset(self.offset.text())
        except Exception:  # noqa: BLE001 - any unreadable text simply shows no preview
            return None

    def _sample_times(self) -> list[datetime]:
        target = self.target.currentData()
        if isinstance(target, Device):
            return [datetime.fromisoformat(t) for t in (target.first, target.last) if t]
        return [r.captured_local for r in self.rows[:SAMPLES]]

    def preview(self, *_args: object) -> None:
        self.samples.clear()
        offset = self.offset_s()
        for moment in self._sample_times():
            after = moment + timedelta(seconds=offset) if offset is not None else None
            text = f"{moment:%Y-%m-%d %H:%M:%S}  →  " + (
                f"{after:%Y-%m-%d %H:%M:%S}" if after else "?"
            )
            self.samples.addItem(text)
        self.apply_button.setEnabled(offset is not None and self.target.count() > 0)

    def apply(self) -> Any:
        offset = self.offset_s()
        target = self.target.currentData()
        if offset is None or self.target.count() == 0:
            return None
        if target is None:
            target = [r.uuid for r in self.rows]
        self.status.setText(translate("CaseUI", "Applying…"))

        def done(count: int) -> None:
            self.status.setText(
                translate("CaseUI", "%1 capture times corrected.").replace("%1", str(count))
            )
            self.applied.emit(count)

        return run(
            self.runner,
            self,
            _apply,
            self.archive,
            target,
            offset,
            self.reason.text(),
            on_ok=done,
            on_error=lambda exc: self.status.setText(error_text(exc)),
        )
