"""Icons drawn by Qt or shipped as SVG, never emoji: an emoji needs a colour-emoji font,
which many Windows and Linux installations (and every offline one) lack."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from evidence_desk.core.resources import resource_dir

ICONS = resource_dir("icons")


@cache
def svg(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg``."""
    return QIcon(str(ICONS / f"{name}.svg"))


def standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


def lock() -> QIcon:
    """Marks a sensitive record (names hidden in redacted exports)."""
    return svg("lock")


def clear() -> QIcon:
    return standard(QStyle.StandardPixmap.SP_LineEditClearButton)
