"""Render the case-record interface to docs/screenshots/case-*.png.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_case.py [--out docs/screenshots]

Builds a sample archive with photos captured in January 2022, incidents
with Cyrillic titles, a testimony with two statement versions, and the
default periods (internet shutdown, state of emergency), then grabs the
testimony editor, the incident editor, the person editor, an item's
Case tab and the timeline.
Needs a font with Cyrillic glyphs (DejaVu).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests import media  # noqa: E402

PHOTOS = [
    (f"2022:01:{d:02d} {h:02d}:{m:02d}:00", kind)
    for d, h, m, kind in [
        (4, 21, 10, "jpg"),
        (5, 11, 30, "jpg"),
        (5, 17, 40, "jpg"),
        (5, 18, 30, "jpg"),
        (5, 18, 41, "jpg"),
        (5, 19, 2, "jpg"),
        (5, 20, 15, "jpg"),
        (6, 8, 45, "jpg"),
        (6, 11, 20, "jpg"),
        (6, 13, 5, "jpg"),
        (7, 9, 0, "jpg"),
        (8, 16, 30, "jpg"),
        (9, 14, 10, "jpg"),
        (9, 15, 0, "jpg"),
    ]
]
INCIDENTS = [
    (
        "Митинг на площади Республики",
        "2022-01-05T17:00+06:00",
        "2022-01-05T23:00+06:00",
        ["restriction_of_assembly"],
        "Republic Square",
        "verified",
    ),
    (
        "Задержания у акимата Алматы",
        "2022-01-05T18:30+06:00",
        "2022-01-06T02:00+06:00",
        ["arbitrary_detention", "excessive_force"],
        "Almaty",
        "partly_verified",
    ),
    (
        "Стрельба на площади Республики",
        "2022-01-06",
        None,
        ["killing", "live_ammunition"],
        "Republic Square",
        "partly_verified",
    ),
    (
        "Жаңаөзен: бейбіт жиын",
        "2022-01-04",
        "2022-01-06",
        ["restriction_of_assembly"],
        "Zhanaozen",
        "unverified",
    ),
    (
        "Пытки в изоляторе, Талдыкорган",
        "2022-01-08",
        "2022-01-12",
        ["torture"],
        "Taldykorgan",
        "unverified",
    ),
]


def make_archive(root: Path):  # type: ignore[no-untyped-def]
    from evidence_desk.services.archive.archive import create_archive
    from evidence_desk.services.case import incidents as case_incidents
    from evidence_desk.services.case import persons as case_persons
    from evidence_desk.services.case import places as case_places
    from evidence_desk.services.case import testimonies as case_testimonies
    from evidence_desk.services.intake.ingest import Provenance, ingest

    src = root / "photos"
    src.mkdir(parents=True)
    for i, (when, _kind) in enumerate(PHOTOS):
        media.make_jpeg(
            src / f"IMG_{400 + i}.jpg", exif_datetime=when, color=(40 + 12 * i, 80, 160 - 8 * i)
        )
    archive = create_archive(root / "archive", "Январь 2022")
    ingest(
        archive,
        [src],
        provenance=Provenance(received_from="Volunteer", method="Telegram export"),
        progress=lambda _p: None,
        cancelled=lambda: False,
    )
    for title, start, end, violations, place, status in INCIDENTS:
        case_incidents.add_incident(
            archive,
            title,
            start=start,
            end=end,
            violations=violations,
            place=place,
            verification=status,
        )
    case_incidents.link_items(archive, "INC-2", ["ED-000004", "ED-000005", "ED-000006"])
    t = case_testimonies.add_testimony(
        archive,
        pseudonym="Айгерим",
        interviewer="Researcher One",
        interview_date="2022-01-14",
        interview_place="Almaty",
        language="ru",
        consent_court=True,
        consent_advocacy=True,
        statement="5 января около 18:30 я была у акимата. Сотрудники в чёрной форме "
        "задержали двоих мужчин и увели их к автобусу.",
        identity={"real_name": "—"},
    )
    case_testimonies.set_text(
        archive,
        t.exhibit,
        "5 января около 18:30 я была у акимата Алматы. Сотрудники в "
        "чёрной форме без опознавательных знаков задержали троих мужчин и увели их к "
        "автобусу. Одного из них ударили дубинкой.\n\nНа следующий день интернета не было.",
    )
    case_testimonies.set_text(
        archive,
        t.exhibit,
        "On 5 January at about 18:30 I was at the Almaty city hall…",
        field="translation",
    )
    case_incidents.link_items(archive, "INC-2", [t.exhibit])
    person = case_persons.add_person(
        archive, ["Ерлан Сейтқали", "Yerlan Seitkali"], aliases=["Ерик"], sex="male",
        birth_year=1991, occupation="driver", sensitive=True,
    )  # fmt: skip
    case_persons.add_status(archive, person.ref, "detained", started="2022-01-06", place="Almaty")
    case_persons.add_status(archive, person.ref, "released", started="2022-01-19")
    for exhibit in ("ED-000004", "ED-000005"):
        case_persons.link_item(archive, exhibit, person.ref)
    case_places.set_item_place(archive, "ED-000004", "Almaty")
    case_incidents.add_person(archive, "INC-2", person.ref, "victim")
    return archive, t.exhibit


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--language", choices=("en", "ru", "kk"), default="en")
    args = parser.parse_args()
    out = Path(args.out)
    suffix = "" if args.language == "en" else f"-{args.language}"

    def png(stem: str) -> str:
        return str(out / f"{stem}{suffix}.png")

    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from evidence_desk.gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    from evidence_desk.gui.shell import i18n

    i18n.install(args.language)
    archive, testimony = make_archive(Path(tempfile.mkdtemp()))
    window = MainWindow()
    window.resize(1366, 768)  # the laptops our users have
    window.show()
    window.set_archive(archive)
    ui = window.case_ui

    def settle(seconds: float = 1.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    settle()
    editor = ui.new_testimony(testimony)
    editor.resize(1000, 720)
    settle()
    editor.grab().save(png("case-testimony-editor"))
    editor.tabs.setCurrentWidget(editor.versions)
    editor.versions.list.setCurrentRow(0)
    settle()
    editor.grab().save(png("case-testimony-history"))
    editor.close()
    incident = ui.open_record("incident", "INC-2")
    incident.resize(980, 640)
    settle()
    incident.grab().save(png("case-incident-editor"))
    incident.close()
    person = ui.open_record("person", "P-1")
    settle()
    person.statuses.setCurrentRow(1)
    person.grab().save(png("case-person-editor"))
    person.close()
    window.select_item(4)  # ED-000004: an incident, a person and a place
    window.detail.tabs.setCurrentWidget(ui.item_tab)
    settle(2.0)
    window.grab().save(png("case-item-tab"))
    ui.show_dock("timeline")
    dock = ui.docks["timeline"]
    dock.setFloating(True)
    dock.resize(1300, 380)
    settle(2.0)
    dock.grab().save(png("case-timeline"))
    window.grab().save(png("case-main-window"))
    window.shutdown()
    print("wrote", *sorted(p.name for p in out.glob(f"case-*{suffix}.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
