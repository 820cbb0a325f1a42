"""Recognising an export in a folder, zip or file; hostile containers; absent
media; the time zone a user states for WhatsApp times."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from evidence_desk.core.messengers import (
    ExportOpenError,
    apply_zone,
    chat_readers,
    check_media,
    detect,
    open_export,
    parse_zone,
)
from evidence_desk.core.messengers.model import MessageTime
from tests.chat_exports import HtmlMsg, tg_chat, tg_html_page, tg_message, wa_line, write_json

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)
T = datetime(2022, 1, 5, 18, 30)


def _tg_folder(root: Path) -> Path:
    chat = tg_chat(
        [tg_message(1, T0, photo="photos/a.jpg"), tg_message(2, T0, photo="photos/gone.jpg")]
    )
    write_json(root / "result.json", chat)
    (root / "photos").mkdir()
    (root / "photos" / "a.jpg").write_bytes(b"\xff\xd8fake")
    return root


def test_telegram_json_folder_and_absent_media(tmp_path: Path) -> None:
    reader = open_export(_tg_folder(tmp_path / "ChatExport"))
    plan = detect(reader)
    assert plan.fmt == "telegram_json" and plan.container == "folder"
    assert plan.main_files == ("result.json",)
    (chat,) = list(chat_readers(reader, plan))
    msgs = [check_media(m, reader.files, chat.report) for m in chat]
    assert msgs[0].media[0].path == "photos/a.jpg"
    assert msgs[1].media[0].missing
    assert "photos/gone.jpg" in msgs[1].media[0].missing_reason
    assert str(chat.report.problems[0]).startswith("result.json: message 2: photos/gone.jpg")


def test_zip_of_a_telegram_folder(tmp_path: Path) -> None:
    folder = _tg_folder(tmp_path / "ChatExport_2022-01-05")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(tmp_path).as_posix())
    reader = open_export(archive)
    plan = detect(reader)
    assert plan.fmt == "telegram_json" and plan.container == "zip"
    (chat,) = list(chat_readers(reader, plan))
    assert [m.media[0].path for m in chat] == ["photos/a.jpg", "photos/gone.jpg"]
    reader.close()


def test_whatsapp_zip_from_a_phone(tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Алия.zip"
    lines = [wa_line(T, "Алия", "<attached: 00000001-PHOTO-2022-01-05-18-30-00.jpg>", style="ios")]
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("_chat.txt", "\n".join(lines) + "\n")
        zf.writestr("00000001-PHOTO-2022-01-05-18-30-00.jpg", b"\xff\xd8fake")
    reader = open_export(archive)
    plan = detect(reader, archive.name)
    assert plan.fmt == "whatsapp_txt" and plan.chats[0].chat_name == "Алия"
    (chat,) = list(chat_readers(reader, plan))
    (msg,) = list(chat)
    assert msg.chat.name == "Алия"
    assert check_media(msg, reader.files, chat.report).media[0].path == msg.media[0].path
    reader.close()


def test_android_txt_alone_names_the_chat(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Бақыт.txt"
    path.write_text(wa_line(T, "Бақыт", "сәлем") + "\n", encoding="utf-8")
    plan = detect(open_export(path), path.name)
    assert plan.fmt == "whatsapp_txt" and plan.container == "file"
    assert plan.chats[0].chat_name == "Бақыт"


def test_html_folder(tmp_path: Path) -> None:
    (tmp_path / "messages.html").write_text(tg_html_page("x", [HtmlMsg(1, T0, "A", "hi")]))
    assert detect(open_export(tmp_path)).fmt == "telegram_html"


def test_not_an_export(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("shopping list\nmilk\n")
    (tmp_path / "data.json").write_text('{"a": 1}')
    assert detect(open_export(tmp_path)) is None


def test_hostile_zip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../outside.txt", wa_line(T, "x", "y"))
    with pytest.raises(ExportOpenError, match="evil.zip: unsafe entry"):
        open_export(archive)


def test_symlink_in_folder_is_refused(tmp_path: Path) -> None:
    folder = _tg_folder(tmp_path / "export")
    (folder / "photos" / "link.jpg").symlink_to("/etc/passwd")
    with pytest.raises(ExportOpenError, match="symbolic link"):
        open_export(folder)


@pytest.mark.parametrize(
    ("text", "winter_offset"),
    [("Asia/Almaty", 360), ("+06:00", 360), ("UTC+5", 300), ("-03:30", -210), ("UTC", 0)],
)
def test_stated_zone(text: str, winter_offset: int) -> None:
    zone = parse_zone(text)
    stated = apply_zone(MessageTime(T, None, "whatsapp:message_time"), zone)
    assert stated.offset_minutes == winter_offset
    assert stated.local == T


def test_zone_with_daylight_saving_follows_the_date() -> None:
    zone = parse_zone("Europe/Berlin")
    winter = apply_zone(MessageTime(datetime(2022, 1, 5, 12), None, "x"), zone)
    summer = apply_zone(MessageTime(datetime(2022, 7, 5, 12), None, "x"), zone)
    assert (winter.offset_minutes, summer.offset_minutes) == (60, 120)


@pytest.mark.parametrize("bad", ["Almaty", "+15:00", "../../etc/passwd", "Mars/Olympus", ""])
def test_bad_zone_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        parse_zone(bad)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", wa_line(T, "A", "x") + "\n" + " " * 8_000_000)
    with pytest.raises(ExportOpenError, match="zip bomb"):
        open_export(archive)
