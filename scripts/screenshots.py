"""Render screenshots of the desktop catalogue into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Builds a small sample archive (generated photos with EXIF time and GPS, a
messenger re-encode of one of them, an MP4, a PDF, a WAV; Cyrillic titles
and tags), imports it through the real import path, and grabs the main
window, the grid, the detail panel, the provenance dialog, the import
summary, the verification report and the Russian interface.
Needs a font with Cyrillic glyphs (DejaVu: ``apt-get install fonts-dejavu-core``).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from tests import media  # noqa: E402

SCENES = [
    # file, title, description, tags, time, gps, colours (sky, ground, accent)
    ("IMG_0412.jpg", "Площадь Республики, Алматы", "Толпа у монумента Независимости, вечер.",
     ["Алматы", "митинг"], "2022:01:05 18:30:00", (43.2389, 76.9452),
     ((40, 50, 90), (90, 90, 95), (230, 180, 60))),
    ("IMG_0415.jpg", "Задержание у акимата", "Сотрудники в форме уводят двоих.",
     ["Алматы", "задержание"], "2022:01:05 19:02:10", (43.2381, 76.9458),
     ((30, 35, 60), (70, 70, 80), (200, 40, 40))),
    ("photo_2022-01-06.jpg", "Жаңаөзен, алаң", "Жиналған адамдар, күндіз.",
     ["Жаңаөзен", "митинг"], "2022:01:06 11:20:00", (43.3412, 52.8619),
     ((120, 160, 210), (170, 150, 110), (60, 60, 60))),
    ("IMG_0533.jpg", "Бронетехника на проспекте Абая", "",
     ["Алматы", "военная техника"], "2022:01:06 08:45:00", None,
     ((150, 160, 170), (80, 80, 80), (70, 90, 60))),
    ("scan_list.jpg", "Список пропавших без вести (скан)", "Рукописный список, передан семьёй.",
     ["пропавшие без вести"], None, None,
     ((235, 235, 225), (235, 235, 225), (40, 40, 120))),
    ("IMG_0601.jpg", "Talдыкорган, memorial flowers", "Flowers at the square.",
     ["Taldykorgan"], "2022:01:09 14:10:00", (45.0156, 78.3739),
     ((180, 190, 210), (120, 110, 100), (220, 60, 120))),
]  # fmt: skip


def scene(path: Path, sky, ground, accent, size=(1200, 800), seed=0) -> None:
    img = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(img)
    w, h = size
    for y in range(h // 2):
        shade = tuple(int(c * (0.6 + 0.4 * y / (h / 2))) for c in sky)
        draw.line([(0, y), (w, y)], fill=shade)
    draw.rectangle([0, h // 2, w, h], fill=ground)
    for i in range(7):
        x = 60 + i * 160 + (seed * 37) % 50
        top = h // 2 - 80 - ((i * 53 + seed * 11) % 160)
        draw.rectangle([x, top, x + 120, h // 2], fill=tuple(max(0, c - 30) for c in ground))
        for wy in range(top + 15, h // 2 - 10, 30):
            draw.rectangle([x + 15, wy, x + 35, wy + 12], fill=(240, 220, 150))
    for i in range(40):
        x = (i * 97 + seed * 13) % w
        y = h // 2 + 60 + (i * 41) % (h // 3)
        draw.ellipse([x, y, x + 18, y + 18], fill=accent)
        draw.rectangle([x + 4, y + 18, x + 14, y + 50], fill=tuple(c // 2 for c in accent))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=90)


def with_exif(path: Path, when: str | None, gps) -> None:  # type: ignore[no-untyped-def]
    exif = media.build_exif(
        exif_datetime=when,
        offset="+06:00" if when else None,
        gps=(gps[0], gps[1], 800.0) if gps else None,
    )
    with Image.open(path) as img:
        img.load()
        img.save(path, "JPEG", quality=90, exif=exif)


def make_sample(folder: Path) -> Path:
    src = folder / "from-volunteer"
    for n, (name, _t, _d, _tags, when, gps, colours) in enumerate(SCENES):
        scene(src / name, *colours, seed=n)
        with_exif(src / name, when, gps)
    with Image.open(src / SCENES[0][0]) as img:  # the same photo as sent by a messenger
        img.resize((800, 533)).save(src / "telegram_photo.jpg", "JPEG", quality=45)
    media.make_mp4(src / "VID_20220105_183512.mp4", seconds=2, size=(320, 240))
    media.make_pdf(src / "заявление_свидетеля.pdf", title="Заявление свидетеля")
    media.make_wav(src / "интервью_аудио.wav", seconds=2)
    return src


def wait(app, predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("screenshot script timed out waiting")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def settle(app, ms: int = 600) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def describe(archive, results) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from evidence_desk.services.catalogue import items, similar

    by_name = {Path(r.path).name: r.item_uuid for r in results if r.status == "new"}
    for name, title, description, tags, *_rest in SCENES:
        uuid = by_name[name]
        items.update_fields(archive, uuid, title=title, description=description)
        items.set_tags(archive, [uuid], add=tags)
    items.update_fields(
        archive, by_name["IMG_0415.jpg"], sensitivity="confidential",
        notes="Лица задержанных видны: не публиковать без размытия.",
    )  # fmt: skip
    items.update_fields(archive, by_name["photo_2022-01-06.jpg"], sensitivity="public")
    items.update_fields(
        archive, by_name["telegram_photo.jpg"], title="Площадь Республики (копия из Telegram)"
    )
    items.set_tags(archive, [by_name["telegram_photo.jpg"]], add=["Алматы", "митинг"])
    items.update_fields(
        archive, by_name["VID_20220105_183512.mp4"], title="Видео: выстрелы на площади"
    )
    items.set_tags(archive, [by_name["VID_20220105_183512.mp4"]], add=["Алматы", "боевые патроны"])
    items.update_fields(archive, by_name["заявление_свидетеля.pdf"], title="Заявление свидетеля Д.")
    items.set_tags(archive, [by_name["заявление_свидетеля.pdf"]], add=["задержание", "пытки"])
    items.update_fields(
        archive, by_name["интервью_аудио.wav"], title="Интервью с матерью задержанного"
    )
    similar.mark_same_scene(archive, by_name["IMG_0412.jpg"], by_name["telegram_photo.jpg"])
    return by_name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "ru", "kk"), default="en")
    args = parser.parse_args()
    out: Path = args.out
    suffix = "" if args.language == "en" else f"-{args.language}"

    def png(stem: str) -> str:
        """``main-window.png`` in English, ``main-window-ru.png`` in Russian…"""
        return str(out / f"{stem}{suffix}.png")

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="ed-screens-"))
    os.environ["EVIDENCE_DESK_CONFIG_DIR"] = str(tmp / "config")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "xdg-config")
    os.environ["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")

    from PySide6.QtGui import QFont

    from evidence_desk.gui.shell import i18n
    from evidence_desk.gui.shell.app import application
    from evidence_desk.gui.shell.main_window import MainWindow
    from evidence_desk.services.archive.archive import create_archive
    from evidence_desk.services.archive.settings import load_settings, save_settings

    app = application()
    app.setFont(QFont("DejaVu Sans", 9))
    i18n.install(args.language)
    settings = load_settings()
    settings.collector = "Айгерим Н."
    save_settings(settings)
    src = make_sample(tmp)
    archive = create_archive(tmp / "archive", "Январь 2022")

    window = MainWindow()
    window.resize(1366, 768)  # the laptops our users have
    window.show()
    window.set_archive(archive)
    wait(app, lambda: not window.model.loading)

    from tests.gui.conftest import drop

    drop(window, [src])
    dialog = window.importer.dialog
    dialog.received_from.setText("Волонтёр «Кадыр», Алматы")
    dialog.method.setCurrentIndex(2)  # the messenger export, in the interface language
    dialog.notes.setPlainText("Передано на флешке 12.01.2022 в офисе; согласие получено устно.")
    settle(app, 300)
    dialog.grab().save(png("import-provenance"))
    dialog.accept()
    wait(app, lambda: window.importer.summary is not None and window.importer.task is None, 120)
    window.importer.summary.close()
    window.importer.summary = None
    second = tmp / "usb-stick"
    second.mkdir()
    (second / "копия_IMG_0412.jpg").write_bytes((src / "IMG_0412.jpg").read_bytes())
    media.write_bytes(second / "повреждённый.jpg", b"\xff\xd8\xff\xe0" + bytes(300))
    (second / "ярлык.jpg").symlink_to(src / "IMG_0415.jpg")
    media.make_jpeg(second / "IMG_0702.jpg", exif_datetime=None, gps=None)
    drop(window, [second])
    window.importer.dialog.received_from.setText("Б. Есенова (журналист)")
    window.importer.dialog.accept()
    wait(app, lambda: window.importer.summary is not None and window.importer.task is None, 120)
    summary = window.importer.summary
    summary.resize(1100, 300)
    settle(app, 300)
    summary.grab().save(png("import-summary"))
    summary.close()
    from evidence_desk.services.catalogue import listing as catalogue

    results = []
    for item_id in catalogue.query_ids(archive):
        row = catalogue.fetch_rows(archive, [item_id])[item_id]
        results.append(type("R", (), {"path": row.title, "status": "new", "item_uuid": row.uuid}))
    by_name = describe(archive, results)
    from evidence_desk.services.catalogue import items as items_service

    for name in ("повреждённый.jpg", "IMG_0702.jpg"):
        if name in by_name:
            items_service.update_fields(archive, by_name[name], sensitivity="restricted")
    window.refresh_all()  # the titles were set through the services, not this window
    wait(app, lambda: not window.model.loading)
    window.model.expose_all()
    for row in range(window.model.rowCount()):
        window.model.index(row, 0).data()
    wait(app, lambda: all(window.model.cached_row(i) for i in window.model.all_ids()))
    settle(app, 1200)

    first_uuid = by_name["IMG_0412.jpg"]
    first_id = next(
        i for i in window.model.all_ids() if window.model.cached_row(i).uuid == first_uuid
    )
    window.select_item(first_id)
    wait(app, lambda: window.detail.current is not None and window.detail.preview.has_image())
    wait(app, lambda: window.detail.similar.list.count() > 0)
    settle(app, 800)
    window.grab().save(png("main-window"))

    window.detail.tabs.setCurrentIndex(1)
    settle(app, 300)
    window.detail.grab().save(png("detail-panel-details"))
    window.detail.tabs.setCurrentIndex(5)
    settle(app, 300)
    window.detail.grab().save(png("detail-panel-similar"))
    window.detail.tabs.setCurrentIndex(0)

    window.set_view("grid")
    settle(app, 1000)
    window.grab().save(png("catalogue-grid"))
    window.set_view("table")

    window.filter_bar.search.setText("площадь")
    settle(app, 400)
    wait(app, lambda: not window.model.loading)
    settle(app, 800)
    window.grab().save(png("search-cyrillic"))
    window.filter_bar.clear()
    wait(app, lambda: not window.model.loading)

    victim = archive.store.path_for(
        next(window.model.cached_row(i).sha256 for i in window.model.all_ids()
             if window.model.cached_row(i).uuid == by_name["IMG_0533.jpg"])
    )  # fmt: skip
    os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
    victim.write_bytes(victim.read_bytes()[:-200])
    window.start_verify()
    wait(app, lambda: window.verifier.report_dialog is not None, 120)
    verify_dialog = window.verifier.report_dialog
    verify_dialog.resize(1000, 300)
    settle(app, 300)
    verify_dialog.grab().save(png("verify-report"))
    verify_dialog.close()
    # The custody tab after that verify: its fixity run is listed under the item.
    window.select_item(first_id)
    wait(app, lambda: window.detail.current is not None)
    window.detail.tabs.setCurrentIndex(4)
    settle(app, 800)
    window.detail.grab().save(png("detail-panel-custody"))
    window.shutdown()
    window.archive = None

    for shot in sorted(out.glob(f"*{suffix}.png")):
        print(shot.relative_to(REPO) if shot.is_relative_to(REPO) else shot)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
