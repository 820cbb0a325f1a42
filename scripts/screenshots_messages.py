"""Screenshot of the conversation view for docs/screenshots/messages-conversation*.png.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_messages.py
--language en|ru|kk``. A Telegram export is generated (no real chat), imported into a
throwaway archive, and the conversation view is grabbed at a laptop's size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = Path(tempfile.mkdtemp(prefix="messages-shots-"))
os.environ["EVIDENCE_DESK_CONFIG_DIR"] = str(TMP / "config")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests import media  # noqa: E402
from tests.chat_exports import tg_chat, tg_message, tg_service, write_json  # noqa: E402

T0 = datetime(2022, 1, 5, 13, 5, tzinfo=UTC)  # 19:05 in Almaty


def make_export(root: Path) -> Path:
    photos = root / "ChatExport_2022-01-20" / "photos"
    photos.mkdir(parents=True)
    for i, colour in enumerate(((40, 60, 120), (150, 40, 40), (30, 110, 60))):
        media.make_jpeg(photos / f"photo_{i + 1}@05-01-2022.jpg", color=colour, exif_datetime=None)
    aigerim, marat, dana = ("Айгерим", "user2001"), ("Марат К.", "user2002"), ("Dana", "user2003")

    def msg(mid: int, minutes: int, who: tuple[str, str], text: str, **extra: object) -> dict:
        return tg_message(
            mid,
            T0 + timedelta(minutes=minutes),
            author=who[0],
            author_id=who[1],
            text=text,
            **extra,
        )

    messages = [
        tg_service(1, T0 - timedelta(minutes=30), "create_group", actor=aigerim[0], title="Алаң"),
        msg(
            2,
            0,
            aigerim,
            "Алаңда адамдар көп, полиция келді",
            photo="photos/photo_1@05-01-2022.jpg",
        ),
        msg(
            3,
            2,
            marat,
            "На площади Республики стреляют, снимаю из окна",
            photo="photos/photo_2@05-01-2022.jpg",
        ),
        msg(4, 3, dana, "Are you safe? Internet is going down everywhere", reply_to_message_id=3),
        msg(5, 5, marat, "Задержали двоих у акимата", forwarded_from="Orda.kz"),
        msg(6, 9, aigerim, "Бронетехника на проспекте Абая", photo="photos/photo_3@05-01-2022.jpg"),
        msg(
            7,
            11,
            marat,
            "",
            file="(File not included. Change data exporting settings to download.)",
            media_type="video_file",
            mime_type="video/mp4",
        ),
        msg(8, 14, dana, "Saved everything, will pass it to the lawyers", reply_to_message_id=6),
    ]
    chat = tg_chat(messages, name="Алаң 5 қаңтар", ctype="private_group", cid=4242)
    write_json(photos.parent / "result.json", chat)
    return photos.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--language", choices=("en", "ru", "kk"), default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"

    from PySide6.QtWidgets import QApplication

    from evidence_desk.gui.shell import i18n
    from evidence_desk.gui.shell.main_window import MainWindow
    from evidence_desk.services.archive.archive import create_archive
    from evidence_desk.services.intake.ingest import Provenance
    from evidence_desk.services.intake.messengers import import_export

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(args.language)
    archive = create_archive(TMP / "almaty-2022", "Almaty, January 2022")
    import_export(
        archive, make_export(TMP), provenance=Provenance("Volunteer V-3", method="Telegram export")
    )
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.set_archive(archive)

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    settle(2.0)
    dialog = window.messages_ui.open_conversations()
    dialog.resize(1200, 640)
    settle(3.0)
    dialog.grab().save(str(out / f"messages-conversation{suffix}.png"))
    dialog.close()
    window.shutdown()
    archive.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
