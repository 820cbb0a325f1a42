"""Screenshots of Tools › Check Archive Health… for docs/screenshots/doctor-*.png.

Run under Xvfb at the laptops' size, once per language::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \
        .venv/bin/python scripts/screenshots_doctor.py --language ru

Builds a throwaway archive with three items, then shows the dialog twice over
the main window (1366x768, the whole screen is grabbed): with a protective
trigger dropped behind the archive's back (a problem the dialog repairs), and
with the database wrecked (opening offers the dialog, which offers the backup).
The whole screen is grabbed, so it needs a display: Xvfb, as above.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.screenshots import settle, wait  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "ru", "kk"), default="en")
    args = parser.parse_args()
    suffix = "" if args.language == "en" else f"-{args.language}"
    tmp = Path(tempfile.mkdtemp(prefix="ed-doctor-shots-"))
    os.environ["EVIDENCE_DESK_CONFIG_DIR"] = str(tmp / "config")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "xdg-config")
    os.environ["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")

    from PySide6.QtGui import QFont

    from evidence_desk.gui.shell import i18n
    from evidence_desk.gui.shell.app import application
    from evidence_desk.gui.shell.doctor_dialog import install_doctor_ui, open_doctor
    from evidence_desk.gui.shell.main_window import MainWindow
    from evidence_desk.services.archive.archive import create_archive, open_archive
    from evidence_desk.services.intake.ingest import Provenance, ingest
    from tests import media

    app = application()
    app.setFont(QFont("DejaVu Sans", 9))
    i18n.install(args.language)
    src = tmp / "in"
    src.mkdir()
    for n, colour in enumerate(((200, 40, 40), (40, 160, 60), (40, 60, 200))):
        media.make_jpeg(src / f"IMG_04{12 + n}.jpg", color=colour)
    root = tmp / "Январь 2022"
    with create_archive(root, "Январь 2022") as archive:
        ingest(archive, [src], provenance=Provenance(received_from="Волонтёр", method="USB"))
    conn = sqlite3.connect(root / "evidence.sqlite")
    conn.execute("DROP TRIGGER sources_no_update")  # someone with file access
    conn.close()

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    install_doctor_ui(window)
    window.set_archive(open_archive(root))
    wait(app, lambda: not window.model.loading)
    settle(app, 600)

    def shoot(stem: str) -> None:
        dialog = window.doctor_dialog
        wait(app, lambda: dialog.report is not None and dialog.task is None, 120)
        dialog.move(window.geometry().center() - dialog.rect().center())
        settle(app, 600)
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(args.out / f"doctor-{stem}{suffix}.png"))
        dialog.close()
        settle(app, 200)

    open_doctor(window)
    shoot("problems")

    window.set_archive(None)
    db = root / "evidence.sqlite"
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # a failing medium
    db.write_bytes(bytes(data))
    for extra in ("evidence.sqlite-wal", "evidence.sqlite-shm"):
        (root / extra).unlink(missing_ok=True)
    window.open_archive_at(root)
    wait(app, lambda: getattr(window, "damaged_box", None) is not None, 60)
    window.damaged_box.close()
    open_doctor(window, root)
    shoot("damaged")
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
