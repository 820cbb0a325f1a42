"""Report dialogs: every line copyable, paths shown relative to the common folder."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication

from evidence_desk.gui.shell.report_dialog import _common_folder, _relative, import_summary
from evidence_desk.services.intake.ingest import FileResult, IngestReport


def test_relative_paths_below_the_common_folder():
    sep = os.sep
    base = f"{sep}media{sep}usb"
    assert _relative(f"{base}{sep}DCIM{sep}a.jpg", base) == f"DCIM{sep}a.jpg"
    assert _relative(f"{sep}a.jpg", sep) == "a.jpg"
    assert _relative(f"{sep}other{sep}a.jpg", base) == f"{sep}other{sep}a.jpg"
    assert _relative(f"{base}2{sep}a.jpg", base) == f"{base}2{sep}a.jpg", "a sibling is not below"
    assert _relative("a.jpg", "") == "a.jpg"
    paths = [f"{base}{sep}DCIM{sep}a.jpg", f"{base}{sep}b.jpg"]
    assert _common_folder(paths) == base


def test_a_big_summary_lists_every_line_and_copies_them(qtbot):
    report = IngestReport(batch_uuid="batch")
    for i in range(10_000):
        status = "failed" if i == 7 else "new"
        report.results.append(
            FileResult(
                f"/media/usb/DCIM/IMG_{i:05d}.JPG",
                status,
                f"ED-{i + 1:06d}" if status == "new" else None,
                messages=["could not read image metadata"] if status == "failed" else [],
            )
        )
    dialog = import_summary(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 10_000
    assert dialog.model.rows[7][0] == "Failed" and dialog.model.rows[7][1] == ""
    assert dialog.model.rows[0][2] == "IMG_00000.JPG", "shown relative to /media/usb/DCIM"
    assert "Files from /media/usb/DCIM" in dialog.headline.text()
    red = dialog.model.index(7, 0).data(0x0009)  # ForegroundRole
    assert red is not None and red.name() == "#b3261e"
    dialog.copy_all()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2 + 10_000  # headline, column names, every line
    assert lines[-1].split("\t")[:3] == ["New", "ED-010000", "IMG_09999.JPG"]
