"""Where the user left off: last archive reopened, new archives named, no stale provenance,
a plain message without a display, and typos that are usage errors (issue #9, item 5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from evidence_desk.cli.main import main as cli_main
from evidence_desk.gui.shell import app as gui_app
from evidence_desk.services.archive.archive import create_archive, default_archive_path
from evidence_desk.services.archive.settings import Settings, load_settings, save_settings

REPO = Path(__file__).resolve().parents[3]


def test_start_reopens_the_last_archive(tmp_path):
    last = tmp_path / "last"
    create_archive(last).close()
    settings = load_settings()
    settings.recent_archives = [str(last), str(tmp_path / "older")]
    save_settings(settings)
    assert gui_app.start_archive(None) == (last, False)
    chosen = tmp_path / "named"
    assert gui_app.start_archive(chosen) == (chosen, False)


def test_start_falls_back_to_the_default_when_the_last_archive_is_gone(tmp_path):
    settings = load_settings()
    settings.recent_archives = [str(tmp_path / "unplugged-drive")]
    save_settings(settings)
    path, _create = gui_app.start_archive(None)
    assert path == default_archive_path()


def test_new_archive_asks_name_and_location_and_creates_the_folder(qtbot, window, tmp_path):
    dialog = window.choose_new_archive()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.location.setText(str(tmp_path))
    assert not ok.isEnabled()  # no name yet
    dialog.name.setText("Almaty: January 2022")
    assert ok.isEnabled()
    target = tmp_path / "Almaty_ January 2022"
    assert str(target) in dialog.result_label.text()
    with qtbot.waitSignal(window.archiveOpened, timeout=30_000):
        dialog.accept()
    assert window.archive.root == target.resolve()
    assert window.archive.info().name == "Almaty: January 2022"
    assert load_settings().recent_archives[0] == str(target.resolve())


def test_new_archive_refuses_a_folder_in_use(qtbot, window, tmp_path):
    (tmp_path / "Taken").mkdir()
    (tmp_path / "Taken" / "file.txt").write_text("x")
    dialog = window.choose_new_archive()
    dialog.location.setText(str(tmp_path))
    dialog.name.setText("Taken")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "Taken" in dialog.result_label.text()
    dialog.location.setText(str(tmp_path / "missing"))
    assert "does not exist" in dialog.result_label.text()
    dialog.close()


def test_import_dialog_offers_but_does_not_fill_the_last_source(qtbot, tmp_path):
    from evidence_desk.gui.intake.dialog import ProvenanceDialog

    settings = Settings(collector="Researcher", last_received_from="Aigerim (Telegram)")
    dialog = ProvenanceDialog([tmp_path / "a.jpg"], settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.received_from.text() == ""
    assert dialog.collector.text() == "Researcher"
    assert "Aigerim (Telegram)" in dialog.received_from.toolTip()
    dialog.received_from.setFocus()
    qtbot.keyClick(dialog.received_from, Qt.Key.Key_Down)
    popup = dialog.received_from.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().index(0, 0).data() == "Aigerim (Telegram)"


def test_display_problem_is_one_line_and_names_the_cause():
    assert gui_app.display_problem({}) == "no display available (DISPLAY is not set)"
    assert gui_app.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "cannot connect" in (gui_app.display_problem({"DISPLAY": ":93"}) or "")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11/Wayland only")
def test_without_a_display_the_application_says_so_and_exits(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from evidence_desk.cli.main import main; "
         "sys.exit(main([]))"],
        env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display available" in lines[0], done.stderr


def test_an_unknown_command_is_a_usage_error_not_a_window(capsys, monkeypatch):
    started = []
    monkeypatch.setattr("evidence_desk.cli.main._start_gui", lambda argv: started.append(argv))
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["lsit"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'lsit'" in capsys.readouterr().err
    assert not started


def test_a_folder_or_qt_option_still_starts_the_window(monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr("evidence_desk.cli.main._start_gui", lambda argv: started.append(argv) or 0)
    for argv in ([], [str(tmp_path)], ["--archive", "x"], ["-platform", "offscreen"]):
        assert cli_main(argv) == 0
    assert len(started) == 4
