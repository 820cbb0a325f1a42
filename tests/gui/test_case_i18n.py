"""The case interface's own translation files load with the app's (gui.i18n)."""

from __future__ import annotations

from evidence_desk.gui import i18n
from evidence_desk.gui.case_widgets import tr


def test_case_translations_compile_and_translate(qapp):
    assert i18n.TRANSLATIONS / "case_ru.ts" in i18n.ts_paths("ru")
    try:
        assert i18n.install("ru") == "ru"
        assert tr("&Case") == "&Дело" and tr("Timeline") == "Хронология"
        i18n.install("kk")
        assert tr("Timeline") == "Хронология" and tr("Save") == "Сақтау"
    finally:
        i18n.install("en")
    assert tr("Timeline") == "Timeline"
