"""Plural forms through Qt's %n: "1 item", "3 материала", "5 материалов" (issue #9, item 3)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from evidence_desk.gui.shell import i18n

FORMS = {"en": 2, "ru": 3, "kk": 2}


def tr(context: str, text: str, n: int) -> str:
    return QCoreApplication.translate(context, text, None, n)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_plural_messages_have_every_form_and_keep_placeholders(language):
    ts = i18n.TRANSLATIONS / f"desktop_{language}.ts"
    root = ET.parse(ts).getroot()
    numerus = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert len(numerus) >= 25
    for message in numerus:
        source = message.findtext("source") or ""
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == FORMS[language], source
        wanted = set(re.findall(r"%L?n|%\d", source))
        for form in forms:
            assert form.strip(), source
            # "the selected item" may drop the number in the singular, nothing else may
            missing = wanted - set(re.findall(r"%L?n|%\d", form))
            assert missing <= {"%n"} and (not missing or forms.index(form) == 0), (source, form)


@pytest.mark.parametrize("fallback", [False, True])
def test_counts_read_naturally_in_each_language(qapp, monkeypatch, tmp_path, fallback):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if fallback:  # without lrelease, the .ts files are read directly
        monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    try:
        i18n.install("en")
        assert tr("MainWindow", "%Ln item(s)", 1) == "1 item"
        assert tr("MainWindow", "%Ln item(s)", 2500) == "2,500 items"
        assert tr("ReportDialog", "%n duplicate(s) (already in the archive)", 1) == (
            "1 duplicate (already in the archive)"
        )
        i18n.install("ru")
        assert [tr("CaseUI", "%n item(s)", n) for n in (1, 3, 5, 11, 21, 22)] == [
            "1 материал",
            "3 материала",
            "5 материалов",
            "11 материалов",
            "21 материал",
            "22 материала",
        ]
        assert tr("BundleUi", "%n item(s) left out (see the bundle's report).", 38) == (
            "38 материалов не включено (см. отчёт пакета)."
        )
        i18n.install("kk")
        assert tr("CaseUI", "%n item(s)", 5) == "5 материал"
        assert tr("ReportDialog", "%n new", 2) == "2 жаңа"
    finally:
        i18n.install("en")


def test_window_count_label_uses_plural_forms(qtbot, window):
    """The status bar count of an empty archive, then of one item."""
    try:
        i18n.install("en")
        window._total = 0
        window._update_counts()
        assert window.count_label.text() == "0 items"
        i18n.install("ru")
        window._update_counts()
        assert window.count_label.text() == "0 материалов"
    finally:
        i18n.install("en")
