"""No English left in the Russian and Kazakh interfaces (issue #9, item 3).

Every window, dock and dialog is opened in English and then in each
language; a visible string that is the same in both (and reads as English
words, not a proper name, code or number) is a string somebody forgot.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from evidence_desk.gui.shell import i18n
from tests import media
from tests.gui.conftest import import_by_drop, wait_idle, wait_query
from tests.gui.shell.ui_walk import open_everything, sample_case, visible_texts

WAIT = 15_000
# Proper names, standards and codes that stay as they are in every language.
KEEP = {
    "sha", "uuid", "gps", "pdf", "html", "bagit", "jpeg", "utc", "evidence", "desk", "exif",
    "premis", "telegram", "whatsapp", "signal", "usb", "mime", "openssl", "json", "csv",
    "ed25519", "iptc", "xmp", "tiff", "heic", "webp", "png", "mp4", "wav", "mov", "pgp",
    "gpl", "english", "ok", "id", "url", "jpg", "txt", "bagit.py", "sha256sum",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# What the test itself typed or generated (data, not interface), and codes such as
# INC-0001, hashes, UUIDs and file paths.
DATA = ("Researcher One", "Telegram export", "Apple iPhone 12", "Almaty")
CODES = re.compile(r"\b[A-Z]{1,4}-\d{3,}\b|\b[0-9a-f]{8,}(?:-[0-9a-f]{4,})*\b|(?:/[^\s/()]+)+/?")


def _english_words(text: str, data: tuple[str, ...] = DATA) -> list[str]:
    for value in data:
        text = text.replace(value, " ")
    text = CODES.sub(" ", text)
    return [w for w in LATIN_WORD.findall(text) if w.lower() not in KEEP]


def _ts_sources() -> set[str]:
    sources: set[str] = set()
    for ts in i18n.ts_paths("ru"):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            sources.add(" ".join(source.replace("&", "").split()))
    return sources


def _walk(qtbot, window, case) -> list[tuple[str, str]]:
    found = []
    detail = window.detail
    for index in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    # extracted metadata is shown as extracted (field names from the file), by design
    found += [(w, t) for w, t in visible_texts(window) if not w.startswith("MetadataTree")]
    for dock in window.case_ui.docks.values():
        found += visible_texts(dock)
    for menu in (window.menu_actions.context_menu(window),):
        found += [("context menu", a.text().replace("&", "")) for a in menu.actions() if a.text()]
    dialogs = open_everything(qtbot, window, case)
    qtbot.wait(300)  # editors load their records in workers
    wait_idle(qtbot, window)
    qtbot.wait(100)
    for dialog in dialogs:
        found += visible_texts(dialog)
        dialog.close()
    return found


def _prepare(qtbot, window, tmp_path):
    media.make_jpeg(tmp_path / "снимок.jpg", exif_datetime="2031:01:01 10:00:00")
    (tmp_path / "пустой.txt").write_bytes(b"")  # an import warning, in the summary and details
    report = import_by_drop(
        qtbot, window, [tmp_path / "снимок.jpg", tmp_path / "пустой.txt"], received_from="Алия"
    )
    case = sample_case(window.archive, tmp_path)
    case["import_report"] = report
    window.refresh_all()
    window.case_ui.refresh()
    for dock in window.case_ui.docks.values():
        dock.show()
    wait_query(qtbot, window)
    window.select_item(window.model.id_at(0))
    qtbot.waitUntil(lambda: window.detail.current is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    return case


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_window_and_dialog_speaks_the_language(qtbot, window, tmp_path, language):
    case = _prepare(qtbot, window, tmp_path)
    english = {text for _where, text in _walk(qtbot, window, case)}
    sources = _ts_sources()
    try:
        i18n.install(language)
        from evidence_desk.gui.shell.main_window import MainWindow

        translated = MainWindow()
        qtbot.addWidget(translated)
        translated.show()
        translated.set_archive(window.archive)
        case_t = case
        wait_query(qtbot, translated)
        for dock in translated.case_ui.docks.values():
            dock.show()
        translated.select_item(translated.model.id_at(0))
        qtbot.waitUntil(lambda: translated.detail.current is not None, timeout=WAIT)
        wait_idle(qtbot, translated)
        found = _walk(qtbot, translated, case_t)
    finally:
        i18n.install("en")
    left = sorted(
        {
            (where, text)
            for where, text in found
            if (text in english or text in sources) and _english_words(text, (*DATA, "archive"))
        }
    )
    assert not left, "\n".join(f"{where}: {text}" for where, text in left)
    # the walk did reach the windows: the dialogs' titles are there, in the language
    titles = {text for where, text in found if where.endswith(" title")}
    assert len(found) > 600 and len(titles) >= 14, (len(found), titles)
    from PySide6.QtCore import QCoreApplication

    i18n.install(language)
    try:
        expected = QCoreApplication.translate("NewArchiveDialog", "New archive")
        summary = QCoreApplication.translate("ReportDialog", "Import summary")
    finally:
        i18n.install("en")
    assert expected != "New archive" and {expected, summary} <= titles
    translated.runner.shutdown()
    translated.thumbnails.stop()
