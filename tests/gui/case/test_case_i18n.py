"""The case interface's own translation files load with the app's (gui.i18n)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from evidence_desk.gui.shell import i18n


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseUI", text)


def test_case_translations_compile_and_translate(qapp):
    assert i18n.TRANSLATIONS / "case_ru.ts" in i18n.ts_paths("ru")
    try:
        assert i18n.install("ru") == "ru"
        assert tr("&Case") == "&Дело" and tr("Timeline") == "Хронология"
        assert tr("Testimony") == "Показание"
        i18n.install("kk")
        assert tr("Timeline") == "Хронология" and tr("Save") == "Сақтау"
        assert tr("Witness code") == "Куә коды"
    finally:
        i18n.install("en")
    assert tr("Timeline") == "Timeline"


def test_case_menu_speaks_the_language_with_unique_accelerators(qapp):
    """The strings the case GUI passes to translate() are found at run time, and the
    Case menu's accelerators stay unique in every language."""
    import re

    from evidence_desk.gui.case import install as case_install

    menu = [
        "New &Testimony…",
        "New &Incident…",
        "&Persons",
        "P&laces",
        "In&cidents",
        "&Vocabularies…",
        "Ti&meline",
        "P&eriods…",
        "Clock Co&rrection…",
    ]
    code = Path(case_install.__file__).read_text(encoding="utf-8")
    assert all(f'"{text}"' in code for text in menu)
    try:
        for language in ("en", "ru", "kk"):
            i18n.install(language)
            keys = [re.search(r"&(.)", tr(text)).group(1).lower() for text in menu]
            assert len(set(keys)) == len(keys), (language, keys)
    finally:
        i18n.install("en")
