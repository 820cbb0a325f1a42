"""The window's features (case docks, bundles, messages, archive lock), installed once each.

Each feature reaches the window through its hooks. A new feature adds its
``install_*_ui`` to ``INSTALLERS`` (as a module path, so nothing of it loads
before it is installed). Tests and dialogs get a window with every feature at
once (``install_features``). The application installs them only after the
first rows of the catalogue are painted (``install_after_first_rows``): their
modules (timeline, editors, report and export dialogs) took 0.25-0.35 s to
import, all of it before the user saw a row. No feature keeps window state
that must exist before the window is shown: the case UI loads the open
archive itself when installed late, the messages UI reads it when used, the
lock UI sets its actions from it (the passphrase is asked before opening, by
``lock.open_archive_in``, which the window calls directly).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer

INSTALLERS = (
    "evidence_desk.gui.bundles.install:install_bundle_ui",
    "evidence_desk.gui.case.install:install_case_ui",
    "evidence_desk.gui.messages.install:install_messages_ui",
    "evidence_desk.gui.shell.lock:install_lock_ui",
    "evidence_desk.gui.shell.doctor_dialog:install_doctor_ui",
)
# Not needed to show the window, but soon after: Pillow for the preview and
# the title checks, the preview sandbox. Imported right after the features
# (GUI thread), so the first preview does not load them in a worker while the
# user scrolls; a worker importing C extensions holds the interpreter.
WARM_UP = (
    "evidence_desk.core.preview_decode",
    "evidence_desk.services.sandbox",
    "evidence_desk.core.redaction",
)
# If the archive cannot be opened (or is slow to), the features still arrive.
LATEST_MS = 3000
# After the rows arrive, one turn for the view to paint them first.
AFTER_ROWS_MS = 30


def install_features(window: Any) -> None:
    """Install every feature not yet installed on ``window``."""
    done: set[str] = window.__dict__.setdefault("_features_installed", set())
    for target in INSTALLERS:
        if target in done:
            continue
        done.add(target)
        module, name = target.split(":")
        getattr(importlib.import_module(module), name)(window)
    window._update_actions()


def install_after_first_rows(window: Any, then: Callable[[], None] | None = None) -> None:
    """Install the features once the catalogue shows rows (or gives up), then call ``then``."""
    model = window.model
    timer = QTimer(window)
    timer.setSingleShot(True)

    def install() -> None:
        try:
            install_features(window)
            for module in WARM_UP:
                importlib.import_module(module)
        finally:
            if then is not None:  # garbage collection comes back on even if a feature failed
                then()

    timer.timeout.connect(install)

    def soon(*_args: Any) -> None:
        if model.rowCount() == 0 and model.loading:
            return  # an empty first page of a still loading query
        if model.rowCount() > 0 and model.cached_row(model.id_at(0)) is None:
            return  # the ids are there, the rows on screen not yet
        for signal, slot in connections:
            signal.disconnect(slot)
        connections.clear()
        timer.start(AFTER_ROWS_MS)

    connections = [(model.dataChanged, soon), (model.queryFinished, soon)]
    for signal, slot in connections:
        signal.connect(slot)
    timer.start(LATEST_MS)
