"""File › Export / Verify / Import Bundle on the real main window, offscreen."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.gui.bundles.install import install_bundle_ui
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.gui.conftest import import_by_drop, wait_idle, wait_query

LONG_MS = 120_000


def _ui(win):
    if not hasattr(win, "bundle_ui"):
        install_bundle_ui(win)
    return win.bundle_ui


def _two_photos(qtbot, win, tmp_path: Path) -> None:
    src = tmp_path / "photos"
    src.mkdir()
    media.make_jpeg(src / "a.jpg", color=(200, 30, 30))
    media.make_jpeg(src / "b.jpg", color=(30, 200, 30))
    import_by_drop(qtbot, win, [src])


def _select_first_row(win) -> None:
    win.table.selectRow(0)


def test_menu_entries_and_shortcut(window) -> None:
    ui = _ui(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Export Bundle…" in texts and "&Verify Bundle…" in texts
    assert texts.index("Import &Bundle…") < texts.index("&Quit")
    assert ui.export_action.shortcut().toString() == "Ctrl+E"


def test_export_selection_through_dialog(qtbot, window, tmp_path: Path) -> None:
    ui = _ui(window)
    _two_photos(qtbot, window, tmp_path)
    _select_first_row(window)
    dialog = ui.export_bundle()
    assert dialog is not None and dialog.scope_selection.isChecked()
    qtbot.waitUntil(lambda: dialog.incident.count() > 0 and "loading" not in
                    dialog.incident.itemText(0), timeout=10_000)  # fmt: skip
    dialog.profile_redacted.setChecked(True)
    assert "Removes" in dialog.explanation.text()
    dialog.exporter.setText("  Kestrel  ")
    dialog.as_zip.setChecked(True)
    dialog.destination.setText(str(tmp_path / "out" / "sel"))
    dialog.accept()
    assert dialog.request is None and "does not exist" in dialog.error.text()
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(ui.exported, timeout=LONG_MS) as blocker:
        dialog.accept()
    report = blocker.args[0]
    assert report.path == tmp_path / "out" / "sel.zip" and len(report.exported) == 1
    assert verify_bundle(report.path).ok
    assert dialog.request is not None and dialog.request.exporter == "Kestrel"
    with zipfile.ZipFile(report.path) as zf:
        (name,) = [n for n in zf.namelist() if n.endswith("bag-info.txt")]
        assert "Contact-Name: Kestrel" in zf.read(name).decode()
    wait_idle(qtbot, window)


def test_cancelled_export_leaves_nothing(qtbot, window, tmp_path: Path) -> None:
    from evidence_desk.gui.bundles.export_dialog import ExportRequest

    ui = _ui(window)
    _two_photos(qtbot, window, tmp_path)
    out = tmp_path / "dest"
    out.mkdir()
    request = ExportRequest("all", [], None, "full", False, out / "bundle")
    with qtbot.waitSignal(ui.exported, timeout=LONG_MS) as blocker:
        task = ui.start_export(request)
        task.cancel()
    assert blocker.args[0].cancelled
    wait_idle(qtbot, window)
    assert list(out.iterdir()) == []


def test_verify_dialog_names_the_tampered_file(qtbot, window, tmp_path: Path) -> None:
    ui = _ui(window)
    _two_photos(qtbot, window, tmp_path)
    report = export_bundle(window.archive, None, out=tmp_path / "b")
    victim = next((tmp_path / "b" / "data" / "objects").iterdir())
    data = bytearray(victim.read_bytes())
    data[-10] ^= 0xFF
    victim.write_bytes(bytes(data))
    with qtbot.waitSignal(ui.verified, timeout=LONG_MS):
        ui.verify_bundle(tmp_path / "b")
    dialog = ui.report_dialog
    text = dialog.text()
    assert f"data/objects/{victim.name}" in text and "checksum" in text
    assert "FAILED" in text
    assert report.fingerprint[:4] in text.replace(" ", "")
    dialog.copy_all()
    assert victim.name in QApplication.clipboard().text()
    dialog.close()


def test_import_dialog_adds_rows(qtbot, window, tmp_path: Path) -> None:
    ui = _ui(window)
    sender = create_archive(tmp_path / "sender", "Colleague")
    media.make_jpeg(tmp_path / "c.jpg", color=(10, 20, 200))
    media.make_jpeg(tmp_path / "d.jpg", color=(10, 200, 20))
    ingest(sender, [tmp_path / "c.jpg", tmp_path / "d.jpg"], provenance=Provenance("Colleague"))
    export_bundle(sender, None, out=tmp_path / "from-colleague.zip", zip=True)
    sender.close()
    before = window.model.total()
    ui.import_bundle(tmp_path / "from-colleague.zip")
    qtbot.waitUntil(lambda: ui.preview_dialog is not None, timeout=LONG_MS)
    preview = ui.preview_dialog
    assert "2 new item" in preview.label.text()  # "items" once English plurals are installed
    # First contact with this archive: the key must be confirmed before Import is possible.
    assert "First bundle" in preview.signer_label.text()
    assert not preview.import_button.isEnabled()
    preview.trust_box.setChecked(True)
    assert preview.import_button.isEnabled() and preview.trust_new_signer
    with qtbot.waitSignal(ui.imported, timeout=LONG_MS) as blocker:
        preview.accept()
    assert blocker.args[0].count("new") == 2
    assert blocker.args[0].trusted_now
    wait_idle(qtbot, window)
    wait_query(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == before + 2, timeout=10_000)
    assert "2 new" in ui.report_dialog.text()
    ui.report_dialog.close()


def test_russian_and_kazakh_strings(qtbot, window) -> None:
    from evidence_desk.gui.shell import i18n

    ui = _ui(window)
    try:
        i18n.install("ru")
        dialog = ui.export_bundle()
        assert dialog.windowTitle() == "Экспорт пакета"
        dialog.close()
        i18n.install("kk")
        dialog = ui.export_bundle()
        assert dialog.profile_full.text() == "Толық — сот немесе адвокат үшін"
        dialog.close()
    finally:
        i18n.install("en")
    wait_idle(qtbot, window)


def test_import_dialog_refuses_another_key_and_names_both(qtbot) -> None:
    from evidence_desk.gui.bundles.importing import ImportPreviewDialog
    from evidence_desk.services.bundles.preview import ImportPreview as Preview
    from evidence_desk.services.bundles.signers import SignerCheck
    from evidence_desk.services.bundles.verify import BundleReport

    report = BundleReport("b.zip", signature_valid=True, signer_fingerprint="cd" * 32)
    check = SignerCheck("other key", "0badc0de-0000-4000-8000-000000000001", "cd" * 32,
                        ("ab" * 32,))  # fmt: skip
    dialog = ImportPreviewDialog(Preview(report, new=1, signer=check))
    qtbot.addWidget(dialog)
    text = dialog.signer_label.text()
    assert "REFUSED" in text and pretty_fingerprint("ab" * 32) in text
    assert pretty_fingerprint("cd" * 32) in text
    assert not dialog.import_button.isEnabled() and dialog.trust_box.isHidden()
