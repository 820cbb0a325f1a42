"""Every open view shows current data after any operation, with no manual refresh.

The three cases users met: the Incidents dock stayed empty after a bundle
import, the timeline kept the previous archive's incident and showed a raw
error after switching archives, and the catalogue count lagged after a
testimony was saved.
"""

from __future__ import annotations

from pathlib import Path

from evidence_desk.gui.bundles.install import install_bundle_ui
from evidence_desk.gui.shell.hooks import Change
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.gui.conftest import wait_idle, wait_query

WAIT = 30_000


def _bundle_ui(window):
    ui = getattr(window, "bundle_ui", None)
    return ui if ui is not None else install_bundle_ui(window)


def _colleague_bundle(tmp_path: Path) -> Path:
    sender = create_archive(tmp_path / "sender", "Colleague")
    media.make_jpeg(tmp_path / "square.jpg", color=(200, 30, 30))
    report = ingest(sender, [tmp_path / "square.jpg"], provenance=Provenance("Colleague"))
    incident = case_incidents.add_incident(sender, "Расстрел на площади", start="2022-01-06")
    case_incidents.link_items(sender, incident.ref, [report.new[0].item_uuid])
    out = tmp_path / "from-colleague.zip"
    export_bundle(sender, None, out=out, zip=True)
    sender.close()
    return out


def test_incidents_dock_fills_after_a_bundle_import(qtbot, window, tmp_path):
    case = window.case_ui
    incidents = case.panels["incident"].list
    wait_idle(qtbot, window)
    assert incidents.count() == 0
    ui = _bundle_ui(window)
    ui.import_bundle(_colleague_bundle(tmp_path))
    qtbot.waitUntil(lambda: ui.preview_dialog is not None, timeout=WAIT)
    ui.preview_dialog.trust_box.setChecked(True)
    with qtbot.waitSignal(ui.imported, timeout=WAIT):
        ui.preview_dialog.accept()
    qtbot.waitUntil(lambda: incidents.count() == 1, timeout=WAIT)
    assert "Расстрел на площади" in incidents.item(0).text()
    qtbot.waitUntil(lambda: window.model.total() == 1, timeout=WAIT)
    ui.report_dialog.close()


def test_timeline_forgets_the_previous_archive(qtbot, window, tmp_path):
    case = window.case_ui
    first = window.archive
    case_incidents.add_incident(first, "Задержания у акимата", start="2022-01-05")
    window.hooks.announce(Change.CASE_RECORDS)  # as the incident editor does on save
    panel = case.timeline
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        case.actions["timeline"].trigger()
    qtbot.waitUntil(lambda: panel.incident.count() == 2, timeout=WAIT)
    panel.incident.setCurrentIndex(1)  # filter on the first archive's incident
    qtbot.waitUntil(lambda: not panel.loading and len(panel.view.incidents) == 1, timeout=WAIT)

    second = create_archive(tmp_path / "second", "Second archive")
    try:
        with qtbot.waitSignal(panel.loaded, timeout=WAIT):
            window.set_archive(second)
        wait_query(qtbot, window)
        assert panel.view.incidents == [] and panel.view.points == []
        assert panel.incident.currentData() is None
        assert "INC-" not in panel.status.text() and "rror" not in panel.status.text()
    finally:
        window.set_archive(first)
        wait_idle(qtbot, window)
        second.close()


def test_catalogue_count_follows_a_testimony_save(qtbot, window):
    case = window.case_ui
    wait_idle(qtbot, window)
    before = window.model.total()
    editor = case.new_testimony()
    qtbot.waitUntil(lambda: editor.consent_method.count() > 1, timeout=WAIT)
    editor.pseudonym.setText("Айгерим")
    editor.interviewer.setText("Researcher One")
    editor.interview_date.setText("2022-01-12")
    editor.statement.setPlainText("Я видела, как задержали двоих у акимата.")
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.save()
    qtbot.waitUntil(lambda: window.model.total() == before + 1, timeout=WAIT)
    editor.close()
