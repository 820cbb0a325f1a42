"""What the archive reports without failing the work reaches the user, once."""

from __future__ import annotations

from evidence_desk.gui.shell.hooks import Change
from evidence_desk.gui.shell.report_dialog import verify_report
from evidence_desk.services.catalogue.verify import VerifyReport


def test_new_archive_warnings_are_shown_once(qtbot, window):
    watcher = window.archive_warnings
    window.hooks.announce(Change.ITEMS)
    assert watcher.box is None  # nothing to report
    problem = "custody checkpoint not written: No space left on device (checkpoint.json)"
    window.archive.warnings.append(problem)
    window.hooks.announce(Change.ITEMS)
    box = watcher.box
    assert box is not None and box.isVisible()
    assert problem in box.detailedText()
    box.close()
    window.hooks.announce(Change.ITEM_SET)
    assert watcher.box is box  # not shown a second time


def test_verify_report_lists_its_notes(qapp):
    report = VerifyReport()
    report.notes.append("the disk is full: fixity events NOT recorded")
    dialog = verify_report(report)
    assert "fixity events NOT recorded" in dialog.text()
    dialog.close()
