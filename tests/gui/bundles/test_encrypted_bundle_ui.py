"""Encrypted bundles in the window: the recipients address book, export to checked
recipients, and import of an .age bundle sent to this archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from evidence_desk.core.crypto.recipients import decrypt_file, generate_identity, is_age_file
from evidence_desk.gui.bundles.install import install_bundle_ui
from evidence_desk.gui.bundles.recipients_box import AddRecipientDialog, RecipientsBox
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.recipients import add_recipient, address_book
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.gui.conftest import wait_idle, wait_query

LONG_MS = 120_000


def _ui(win):
    if not hasattr(win, "bundle_ui"):
        install_bundle_ui(win)
    return win.bundle_ui


def test_address_book_refuses_a_bad_key_and_keeps_a_good_one(qtbot) -> None:
    dialog = AddRecipientDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Lawyer")
    dialog.key.setText("age1notakey")
    dialog._check()
    assert "not a valid age public key" in dialog.problem.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and address_book() == []
    key = generate_identity().recipient
    dialog.key.setText(f"  {key}\n")
    dialog._check()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(r.name, r.key) for r in address_book()] == [("Lawyer", key)]
    box = RecipientsBox()
    qtbot.addWidget(box)
    assert box.list.count() == 1 and box.checked_keys() == []
    box.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert box.checked_keys() == [key]
    box.list.setCurrentRow(0)
    box.remove_selected()
    assert box.list.count() == 0 and address_book() == []


def test_export_to_a_checked_recipient_writes_only_an_age_file(
    qtbot, window, tmp_path: Path
) -> None:
    ui = _ui(window)
    media.make_jpeg(tmp_path / "a.jpg")
    ingest(window.archive, [tmp_path / "a.jpg"], provenance=Provenance("Witness"))
    window.refresh_all()
    wait_query(qtbot, window)
    lawyer = generate_identity()
    add_recipient("Lawyer", lawyer.recipient)  # the settings folder is fresh in every test
    dialog = ui.export_bundle()
    dialog.scope_all.setChecked(True)
    dialog.recipients.list.item(0).setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "stick"
    out.mkdir()
    dialog.destination.setText(str(out / "handover"))
    with qtbot.waitSignal(ui.exported, timeout=LONG_MS) as blocker:
        dialog.accept()
    report = blocker.args[0]
    assert report.path == out / "handover.zip.age" and is_age_file(report.path)
    assert [p.name for p in out.iterdir()] == ["handover.zip.age"]
    decrypt_file(report.path, tmp_path / "handover.zip", [lawyer.secret])
    assert verify_bundle(tmp_path / "handover.zip").ok
    wait_idle(qtbot, window)


def test_import_of_an_age_bundle_sent_to_this_archive(qtbot, window, tmp_path: Path) -> None:
    ui = _ui(window)
    sender = create_archive(tmp_path / "sender", "Colleague")
    media.make_jpeg(tmp_path / "c.jpg", color=(10, 20, 200))
    ingest(sender, [tmp_path / "c.jpg"], provenance=Provenance("Colleague"))
    bundle = tmp_path / "to-you.zip.age"
    export_bundle(sender, None, out=bundle, recipients=[window.archive.age_identity().recipient])
    sender.close()
    before = window.model.total()
    ui.import_bundle(bundle)
    qtbot.waitUntil(lambda: ui.preview_dialog is not None, timeout=LONG_MS)
    assert "1 new item" in ui.preview_dialog.label.text()
    ui.preview_dialog.trust_box.setChecked(True)  # first bundle from this sender
    with qtbot.waitSignal(ui.imported, timeout=LONG_MS) as blocker:
        ui.preview_dialog.accept()
    assert blocker.args[0].count("new") == 1
    wait_idle(qtbot, window)
    wait_query(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == before + 1, timeout=10_000)
    ui.report_dialog.close()
