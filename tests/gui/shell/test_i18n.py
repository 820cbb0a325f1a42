"""Russian and Kazakh translations: complete, compiled with lrelease, used by the widgets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from evidence_desk.gui.shell import i18n

GUI = Path(i18n.__file__).parents[1]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name"), m.findtext("source")): m.find("translation")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_string_is_translated_with_its_placeholders(language):
    messages = _messages(i18n.ts_path(language))
    assert len(messages) > 250
    for (context, source), translation in messages.items():
        assert translation is not None and translation.get("type") is None, (context, source)
        assert translation.text and translation.text.strip(), (context, source)
        for placeholder in re.findall(r"%\d", source):
            assert placeholder in translation.text, (context, source, translation.text)


def test_ts_files_cover_every_string_in_the_code(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate not available")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *map(str, sorted(GUI.rglob("*.py"))), "-ts", str(fresh), "-silent"],
        check=True,
    )
    in_code = set(_messages(fresh))
    for language in ("ru", "kk"):
        shipped: set[tuple[str, str]] = set()
        for ts in i18n.ts_paths(language):
            shipped |= set(_messages(ts))
        missing = in_code - shipped
        assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)[:5]}"


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


@pytest.mark.parametrize("part", ["case", "bundle", "player", "messages", "crypto", "doctor"])
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_feature_translations_are_complete_with_placeholders(part, language):
    """The case and bundle .ts files: finished, placeholders and accelerators kept."""
    ts = i18n.TRANSLATIONS / f"{part}_{language}.ts"
    assert ts in i18n.ts_paths(language)
    messages = _messages(ts)
    assert len(messages) > (5 if part in ("player", "messages", "crypto", "doctor") else 50)
    for (context, source), translation in messages.items():
        assert context, source  # an empty context never matches the translate() call
        assert translation is not None and translation.get("type") is None, (context, source)
        assert translation.text and translation.text.strip(), (context, source)
        for placeholder in re.findall(r"%\d", source):
            assert placeholder in translation.text, (context, source, translation.text)
        assert _accelerators(translation.text) == _accelerators(source), (source, translation.text)


@pytest.mark.parametrize("part", ["case", "bundle", "player", "messages", "crypto", "doctor"])
def test_feature_translations_match_between_languages(part):
    ru = set(_messages(i18n.TRANSLATIONS / f"{part}_ru.ts"))
    kk = set(_messages(i18n.TRANSLATIONS / f"{part}_kk.ts"))
    assert ru == kk


def test_lrelease_compiles_and_the_translation_is_used(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    qm = i18n.compile_qm("ru", tmp_path / "qm")
    assert qm is not None and qm.stat().st_size > 1000
    assert i18n.compile_qm("ru", tmp_path / "qm") == qm  # cached by content
    try:
        assert i18n.install("ru") == "ru"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
        assert QCoreApplication.translate("Labels", "Confidential") == "Конфиденциальный"
        from evidence_desk.gui.catalogue.filter_bar import FilterBar

        bar = FilterBar()
        assert bar.clear_button.text() == "Сбросить фильтры"
        i18n.install("kk")
        assert QCoreApplication.translate("Sidebar", "Removed items") == "Алынған материалдар"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_ts_fallback_without_lrelease(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    try:
        i18n.install("kk")
        assert QCoreApplication.translate("Labels", "Photo") == "Фото"
        assert QCoreApplication.translate("MainWindow", "&Help") == "&Анықтама"
    finally:
        i18n.install("en")


def test_language_follows_the_setting_then_the_system(monkeypatch):
    assert i18n.resolve_language("kk") == "kk"
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ru_RU")))
    assert i18n.resolve_language("") == "ru"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve_language("") == "en"
