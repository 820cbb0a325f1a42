"""The health dialog's findings in Russian and Kazakh: no English left but SQLite's own words.

An archive is damaged as someone with file access would (triggers dropped,
evidentiary fields edited, custody events and an item row deleted, the
signed checkpoint removed); the dialog is opened in
each language and every finding must be translated, paths, exhibit numbers,
hashes and times excepted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.db.triggers import TRIGGERS
from evidence_desk.gui.shell import i18n
from evidence_desk.gui.shell.doctor_dialog import DoctorDialog
from evidence_desk.services.archive.archive import create_archive
from tests import media
from tests.gui.shell.test_no_english_left import _english_words
from tests.helpers.ingest import run

LONG_MS = 120_000
# A time as the custody log writes it (2026-11-28 12:00:01.123456+00:00) is data, not words.
TIMES = r"\d{4}-\d\d-\d\d[ T][\d:.]+(?:\+00:00|Z)?"
# Trigger names (custody_events_no_delete), backup file names and SQLite are names, not words.
NAMES = TIMES + r"|\b\w+_\w+\b|\S+\.sqlite\b|\bSQLite\b"


def _archive(root: Path, folder: Path) -> Path:
    folder.mkdir()
    media.make_jpeg(folder / "photo.jpg", exif_datetime="2022:01:05 14:03:07",
                    gps=(43.238949, 76.889709, 850.0))  # fmt: skip
    for i in range(3):
        media.write_bytes(folder / f"note{i}.txt", f"statement {i}\n".encode())
    with create_archive(root, "Findings") as archive:
        assert len(run(archive, folder, received_from="W").new) == 4
    return root


def _sql(root: Path, *statements: str) -> None:
    conn = sqlite3.connect(root / "evidence.sqlite")
    try:
        for name in TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _edited(root: Path) -> None:
    """Triggers dropped, capture time and GPS edited, the last item's row deleted."""
    _sql(
        root,
        "UPDATE items SET captured_local = '2020-01-01 00:00:00', gps_lat = 1.0 "
        "WHERE kind = 'photo'",
        "DELETE FROM items WHERE id = (SELECT max(id) FROM items WHERE kind != 'photo')",
    )


def _truncated(root: Path) -> None:
    _sql(root, "DELETE FROM custody_events WHERE id > (SELECT max(id) - 2 FROM custody_events)")


def _no_checkpoint(root: Path) -> None:
    (root / cp.FILE_NAME).unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "edited": _edited,
    "truncated": _truncated,
    "no checkpoint": _no_checkpoint,
}


def _findings(dialog: DoctorDialog) -> list[str]:
    table = dialog.findings
    return [table.item(r, 2).text() for r in range(table.rowCount())]


def _shown(qtbot, window, root: Path) -> list[str]:  # type: ignore[no-untyped-def]
    dialog = DoctorDialog(window, root)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.examined, timeout=LONG_MS):
        dialog.run()
    found = _findings(dialog)
    dialog.close()
    return found


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_doctor_findings_speak_the_language(qtbot, tmp_path: Path, language: str) -> None:
    import re

    from evidence_desk.gui.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    roots = []
    for name, damage in DAMAGE.items():
        root = _archive(tmp_path / name.replace(" ", "-"), tmp_path / f"in-{name}")
        damage(root)
        roots.append(root)
    english = [f for root in roots for f in _shown(qtbot, window, root)]
    joined = "\n".join(english)
    for expected in ("trigger", "edited directly", "missing from the database", "truncated",
                     "checkpoint"):  # fmt: skip
        assert expected in joined, (expected, english)
    try:
        i18n.install(language)
        found = [f for root in roots for f in _shown(qtbot, window, root)]
    finally:
        i18n.install("en")
    assert len(found) == len(english)
    left = []
    for text in found:
        words = _english_words(
            re.sub(NAMES, " ", text),
            ("Evidence Desk", "evidence-desk", "doctor --reanchor", "objects/.tmp"),
        )
        if words:
            left.append(f"{text}  -> {words}")
    assert not left, "\n".join(left)
    window.shutdown()


SYNTHETIC = [  # findings the damaged archives above do not produce, as the services word them
    "custody log event #3: link broken: previous-event hash does not match; "
    "custody log event #4: event content altered: hash does not match",
    "custody checkpoint: /a/custody-checkpoint.json: signature does not match its content "
    "(edited?)",
    "custody checkpoint: /a/custody-checkpoint.json: not a regular file",
    "custody checkpoint belongs to archive 1234abcd-0000, not to this one (5678ef01-0000)",
    "custody log rewritten: event #7 hashes to 0123456789abcdef…, the signed checkpoint "
    "records fedcba9876543210…",
    "items removed from the database: the signed checkpoint records exhibit numbers up to 9, "
    "the database only up to 7",
    "ED-000002: size, capture time (UTC), GPS longitude, provenance changed without a custody "
    "event between 2026-01-01T10:00:00+00:00 and 2026-01-02T10:00:00+00:00",
    "restored trigger(s): custody_events_no_update, sources_no_update",
    "triggers not restored: the archive is read-only",
    "removed 2 object(s) left by an interrupted ingest (recorded in the custody log); run that "
    "ingest again to store those files",
    "3 object(s) left by an interrupted ingest (announced in its journal, never recorded); "
    "they are removed the next time the archive is opened writable",
    "database trigger items_evidence_no_update is altered: the database was changed outside "
    "Evidence Desk, and edits it should refuse were possible",
    "database trigger item_counts_update is missing: the database was changed outside "
    "Evidence Desk, and the catalogue's counts it keeps may be wrong (no evidence depends on "
    "them); they are counted again when it is put back",
    "the catalogue's counts were counted again from the items",
    "item counts differ from the items; tag counts differ from the tags of items; these counts "
    "are only what the sidebar shows, no evidence depends on them; counted again from the items",
    "the catalogue's counts match its items",
]


@pytest.mark.parametrize("language", ["ru", "kk"])
@pytest.mark.parametrize("finding", SYNTHETIC)
def test_every_integrity_finding_has_a_translation(language: str, finding: str) -> None:
    import re

    from evidence_desk.gui.shell.doctor_dialog import finding_text
    from evidence_desk.services.messages import messages

    shown = finding_text(messages(language), finding)
    assert _english_words(re.sub(NAMES, " ", shown), ("Evidence Desk",)) == [], shown
