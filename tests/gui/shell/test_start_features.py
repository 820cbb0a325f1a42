"""Start-up order (issue #9, item 9): the first rows come first, the features right after.

The timing itself is measured by bench/bench_startup.py; these tests check
that deferring work does not lose any of it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDockWidget

from evidence_desk.gui.shell import features
from evidence_desk.gui.shell.main_window import MainWindow
from evidence_desk.services.case import incidents
from tests.gui.conftest import WAIT_MS, import_by_drop
from tests.media import make_jpeg

REPO = Path(__file__).resolve().parents[3]


def test_features_arrive_after_the_first_rows_and_show_the_open_archive(qtbot, archive, tmp_path):
    incidents.add_incident(archive, "Задержания у акимата")
    eager = MainWindow()
    qtbot.addWidget(eager)
    eager.set_archive(archive)
    qtbot.waitUntil(lambda: not eager.model.loading, timeout=WAIT_MS)
    make_jpeg(tmp_path / "one.jpg", size=(64, 48), color=(10, 20, 30), model="Phone")
    import_by_drop(qtbot, eager, [tmp_path / "one.jpg"])
    eager.shutdown()
    eager.archive = None

    window = MainWindow(defer_features=True)
    qtbot.addWidget(window)
    assert not hasattr(window, "case_ui") and not hasattr(window, "bundle_ui")
    assert not window.findChildren(QDockWidget)
    features.install_after_first_rows(window)
    window.show()
    window.set_archive(archive)
    qtbot.waitUntil(lambda: hasattr(window, "case_ui"), timeout=WAIT_MS)
    # installed only once a row had arrived, never on an empty catalogue
    assert window.model.rowCount() == 1 and window.model.cached_row(window.model.id_at(0))
    assert hasattr(window, "bundle_ui")
    assert window.bundle_ui.export_action in window.menuBar().actions()[0].menu().actions()
    docks = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"caseIncidentDock", "casePersonDock", "casePlaceDock", "caseTimelineDock"} <= docks
    # installed late, the case UI loads the archive that is already open
    panel = window.case_ui.panels["incident"]
    qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=WAIT_MS)
    window.shutdown()
    window.archive = None


def test_features_install_once_even_if_asked_again(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    menus = len(window.menuBar().actions())
    features.install_features(window)
    assert len(window.menuBar().actions()) == menus
    assert len(window.findChildren(QDockWidget)) == 4


def test_the_window_module_loads_no_feature_pillow_or_preview_sandbox():
    """What the window needs before its first rows; the rest loads after them."""
    code = (
        "import json, sys; import evidence_desk.gui.shell.main_window; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    loaded = set(json.loads(out.stdout))
    unwanted = {
        "PIL",
        "av",
        "numpy",
        "evidence_desk.gui.case.install",
        "evidence_desk.gui.bundles.install",
        "evidence_desk.gui.messages.install",
        "evidence_desk.core.preview_decode",
        "evidence_desk.services.sandbox",
    }
    assert not unwanted & loaded
