"""Progress of a long task in the status bar: files, bytes, rate, time left, Cancel."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from evidence_desk.gui.shell.formatting import eta_text, human_size, rate_text
from evidence_desk.gui.shell.tasks import Task

if TYPE_CHECKING:
    from evidence_desk.services.work import Progress

SMOOTHING = 0.3  # weight of the newest rate sample


class TaskProgress(QWidget):
    """Shows one task's ``Progress``; removes itself when the task finishes."""

    def __init__(self, task: Task, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.task = task
        self.title = title
        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._started = time.monotonic()
        self._last: tuple[float, int] | None = None
        self._rate: float | None = None
        task.progressed.connect(self.show_progress)
        task.finished.connect(self.deleteLater)

    def _cancel(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        text = self.tr("%1: stopping after the current file…")
        self.label.setText(text.replace("%1", self.title))

    def show_progress(self, state: Progress) -> None:
        if self.task.is_cancelled():
            return
        now = time.monotonic()
        if self._last is not None and now > self._last[0]:
            sample = (state.bytes_done - self._last[1]) / (now - self._last[0])
            self._rate = (
                sample
                if self._rate is None
                else (SMOOTHING * sample + (1 - SMOOTHING) * self._rate)
            )
        self._last = (now, state.bytes_done)
        if state.bytes_total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * state.bytes_done / state.bytes_total))
        elif state.files_total > 0:
            self.bar.setRange(0, state.files_total)
            self.bar.setValue(state.files_done)
        parts = [
            self.tr("%1: %2 of %3 files")
            .replace("%1", self.title)
            .replace("%2", f"{state.files_done:,}")
            .replace("%3", f"{state.files_total:,}"),
            self.tr("%1 of %2")
            .replace("%1", human_size(state.bytes_done))
            .replace("%2", human_size(state.bytes_total)),
        ]
        if self._rate and now - self._started > 0.5:
            parts.append(rate_text(self._rate))
            left = (state.bytes_total - state.bytes_done) / self._rate if self._rate > 0 else None
            if left is not None:
                parts.append(eta_text(left))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(state.current)
