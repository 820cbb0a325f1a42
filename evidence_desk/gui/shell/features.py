"""The window's features, installed once each through the window's hooks.

A new feature adds its ``install_*_ui`` here; the main window only calls
:func:`install_features`.
"""

from __future__ import annotations

from typing import Any

from evidence_desk.gui.bundles.install import install_bundle_ui
from evidence_desk.gui.case.install import install_case_ui
from evidence_desk.gui.messages.install import install_messages_ui
from evidence_desk.gui.shell.lock import install_lock_ui

INSTALLERS = (install_bundle_ui, install_case_ui, install_messages_ui, install_lock_ui)


def install_features(window: Any) -> None:
    for install in INSTALLERS:
        install(window)
