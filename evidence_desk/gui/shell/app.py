"""Starting the desktop application: ``evidence-desk`` with no sub-command.

Opens the archive named on the command line (``PATH`` or ``--archive PATH``),
else the archive open last time, else the default archive, creating it on
first run as the CLI does.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from evidence_desk import TOOL_NAME, __version__
from evidence_desk.gui.shell import i18n
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


def tune_runtime(collect: bool = True) -> None:
    """Keep the interpreter from pausing the window while workers are busy.

    Everything alive once the window exists (modules, Qt wrappers, the ORM's
    registries) lives until exit; without ``gc.freeze`` each full collection
    re-scans it and, triggered from a busy ingest thread, held the
    interpreter for ~150 ms, freezing the window mid-import.

    With ingest, analysis and thumbnail threads all wanting the GIL, the GUI
    thread could wait 20 switch intervals (5 ms each) for its turn; a 1 ms
    interval bounds that wait to a few ms at a small cost in throughput.

    At start-up ``collect=False``: the collection itself took 100-170 ms on
    the GUI thread (90,000 objects), and what it would free is the few cycles
    left over from importing modules.
    """
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()
    sys.setswitchinterval(0.001)


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why no window can be shown here (one line), or None if a display is reachable.

    Without this Qt aborts with a core dump and a paragraph about platform
    plugins; a researcher on a server or over plain SSH deserves one line and
    a pointer to the command-line commands, which need no display.
    """
    env = dict(os.environ if environ is None else environ)
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, windows, cocoa…: Qt's own choice
    if sys.platform in ("win32", "darwin"):
        return None
    if env.get("WAYLAND_DISPLAY") and not platform.startswith("xcb"):
        return None
    display = env.get("DISPLAY")
    if not display:
        return "no display available (DISPLAY is not set)"
    if not _x_display_reachable(display):
        return f"cannot connect to the display {display}"
    return None


def _x_display_reachable(display: str) -> bool:
    """Try an X connection through libxcb, the library Qt itself would use."""
    try:
        xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
    except OSError:
        return True  # cannot tell: let Qt try
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def start_archive(chosen: Path | None) -> tuple[Path, bool]:
    """The archive to open at start and whether to create it.

    A path on the command line wins; otherwise the archive the user had open
    last time (if it is still there), so a restart continues where they left
    off; otherwise the default archive, created on first run.
    """
    from evidence_desk.services.archive.archive import (
        creates_on_first_use,
        default_archive_path,
        is_archive,
    )

    if chosen is not None:
        return chosen, creates_on_first_use(chosen)
    for entry in load_settings().recent_archives[:1]:
        if is_archive(Path(entry)):
            return Path(entry), False
    return default_archive_path(), creates_on_first_use(None)


def main(argv: list[str] | None = None) -> int:
    """Show the window, open the archive in a worker, and run until the window closes.

    Start-up is ordered for the first rows (docs/benchmarks-catalogue.md):
    no garbage collection while modules load (each full collection re-scans
    everything imported so far: 0.1-0.3 s in all), the archive opens as soon
    as the window is shown, and the case docks and bundle commands are
    installed only once the catalogue has painted its first rows.
    """
    gc.disable()  # enabled again by tune_runtime, once the features are installed
    args, qt_args = _parse(list(sys.argv[1:] if argv is None else argv))
    problem = display_problem()
    if problem is not None:
        gc.enable()
        print(
            f"evidence-desk: {problem}; the window cannot open here. "
            "The command-line commands work without one: evidence-desk --help",
            file=sys.stderr,
        )
        return 2
    app = application(qt_args)
    i18n.install(i18n.resolve_language(load_settings().language))

    from evidence_desk.gui.shell.features import install_after_first_rows
    from evidence_desk.gui.shell.main_window import MainWindow

    window = MainWindow(defer_features=True)
    window.show()
    sys.setswitchinterval(0.001)  # the archive opens in a worker: see tune_runtime
    path, create = start_archive(args.archive or args.path)
    QTimer.singleShot(0, lambda: window.open_archive_at(path, or_create=create))
    install_after_first_rows(window, then=lambda: tune_runtime(collect=False))
    return app.exec()
