"""Starting the desktop application: ``evidence-desk`` with no sub-command.

Opens the archive named on the command line (``PATH`` or ``--archive PATH``),
or the default archive, creating it on first run as the CLI does.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from evidence_desk import TOOL_NAME, __version__
from evidence_desk.gui.shell import i18n
from evidence_desk.services.archive.archive import creates_on_first_use, default_archive_path
from evidence_desk.services.archive.settings import load_settings

ORGANISATION = "evidence-desk"


def _parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="evidence-desk", add_help=False)
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--archive", type=Path)
    return parser.parse_known_args(argv)


def application(qt_args: list[str] | None = None) -> QApplication:
    """The QApplication, created once with our names (QSettings keys depend on them)."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(TOOL_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "evidence-desk", *(qt_args or [])])
    assert isinstance(app, QApplication)
    return app


def tune_runtime() -> None:
    """Keep the interpreter from pausing the window while workers are busy.

    Everything alive once the window exists (modules, Qt wrappers, the ORM's
    registries) lives until exit; without ``gc.freeze`` each full collection
    re-scans it and, triggered from a busy ingest thread, held the
    interpreter for ~150 ms, freezing the window mid-import.

    With ingest, analysis and thumbnail threads all wanting the GIL, the GUI
    thread could wait 20 switch intervals (5 ms each) for its turn; a 1 ms
    interval bounds that wait to a few ms at a small cost in throughput.
    """
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(0.001)


def main(argv: list[str] | None = None) -> int:
    args, qt_args = _parse(list(sys.argv[1:] if argv is None else argv))
    app = application(qt_args)
    i18n.install(i18n.resolve_language(load_settings().language))

    from evidence_desk.gui.shell.main_window import MainWindow

    window = MainWindow()
    window.show()
    tune_runtime()
    chosen = args.archive or args.path
    path = chosen if chosen is not None else default_archive_path()
    create = creates_on_first_use(chosen)
    QTimer.singleShot(0, lambda: window.open_archive_at(path, or_create=create))
    return app.exec()
