"""The detail form fits the detail panel of a 1366x768 laptop in every language.

The full sentence "Title and description may be published" once made the
form wider than the panel in Russian and Kazakh, cutting off the fields and
adding a horizontal scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.gui.conftest import FRAME_AND_PANEL

SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768
# The Description page of the detail panel in a 1366-pixel-wide window with the
# default splitter: the panel is about 260 pixels, less the frame and a scroll bar.
DESCRIPTION_PAGE_WIDTH = 240


def test_form_minimum_fits_a_laptop_panel(qtbot, language, window):
    form = window.detail.form
    assert form.minimumSizeHint().width() <= DESCRIPTION_PAGE_WIDTH, (
        language,
        form.minimumSizeHint(),
    )


def test_nothing_in_the_form_is_clipped_at_1366x768(qtbot, language, window, tmp_path):
    from tests import media
    from tests.gui.conftest import import_by_drop

    media.make_jpeg(tmp_path / "a.jpg")
    import_by_drop(qtbot, window, [tmp_path / "a.jpg"])
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT - FRAME_AND_PANEL)
    first = window.model.id_at(0)
    assert first is not None
    window.select_item(first)
    panel = window.detail
    qtbot.waitUntil(lambda: panel.current is not None, timeout=30_000)
    qtbot.wait(50)
    form = panel.form
    scroll = form.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible(), (language, form.minimumSizeHint())
    viewport = scroll.viewport().width()
    for field in (form.title, form.publishable, form.description, form.notes, form.tags):
        right = field.mapTo(form, QPoint(field.width(), 0)).x()
        assert right <= viewport, (language, field.objectName(), right, viewport)
    combo = form.sensitivity
    assert combo.mapTo(form, QPoint(combo.width(), 0)).x() <= viewport, language
    # The checkbox shows its whole (short) label; the full explanation is one hover away.
    assert form.publishable.width() >= form.publishable.minimumSizeHint().width() - 1
    explanation = form.publishable.toolTip()
    assert explanation == form.publishable.whatsThis()
    assert len(explanation) > 3 * len(form.publishable.text())
    if language != "en":
        assert "may be published" not in explanation
        assert "Publishable" != form.publishable.text()
    # Six tab names never fit: the bar scrolls instead of widening the panel.
    tabs = panel.tabs
    assert tabs.usesScrollButtons()
    assert tabs.tabBar().width() <= tabs.width()
    assert panel.width() <= window.width()
