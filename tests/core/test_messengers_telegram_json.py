"""Telegram Desktop JSON exports, streamed: fields, time, media, hostile files."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evidence_desk.core.messengers import ExportFormatError, TelegramJsonReader
from tests.chat_exports import (
    ALMATY,
    KAZAKH,
    KAZAKH_TEXT,
    NOT_INCLUDED,
    tg_chat,
    tg_message,
    tg_service,
    write_json,
    write_tg_account,
)

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)  # 18:30 in Almaty


def _read(path: Path, base: str = "") -> tuple[list, TelegramJsonReader]:
    with open(path, "rb") as f:
        reader = TelegramJsonReader(f, path.name, base)
        return list(reader), reader


def _rich_chat() -> dict:
    return tg_chat(
        [
            tg_service(1, T0, "create_group", title="Алматы 5 қаңтар", members=["Bob", None]),
            tg_message(
                2,
                T0 + timedelta(minutes=1),
                text=[
                    "Қараңыз: ",
                    {"type": "bold", "text": KAZAKH_TEXT},
                    " ",
                    {"type": "text_link", "text": "видео", "href": "https://example.org/v"},
                    " ",
                    {"type": "link", "text": "https://t.me/almaty/5"},
                ],
                photo="photos/photo_1@05-01-2022_18-31-00.jpg",
                width=1280,
                height=960,
            ),
            tg_message(
                3,
                T0 + timedelta(minutes=2),
                author="Bob",
                author_id="user2002",
                text="Переслано",
                forwarded_from="Новости Алматы",
                reply_to_message_id=2,
                edited=(T0 + timedelta(minutes=5)).astimezone(ALMATY).strftime("%Y-%m-%dT%H:%M:%S"),
                edited_unixtime=str(int((T0 + timedelta(minutes=5)).timestamp())),
            ),
            tg_message(
                4,
                T0 + timedelta(minutes=3),
                file="voice_messages/audio_1@05-01-2022_18-33-00.ogg",
                media_type="voice_message",
                mime_type="audio/ogg",
                duration_seconds=12,
            ),
            tg_message(5, T0 + timedelta(minutes=4), photo=NOT_INCLUDED, text="сурет"),
            tg_message(
                6,
                T0 + timedelta(minutes=5),
                location_information={"latitude": 43.2389, "longitude": 76.8897},
                place_name="Республика алаңы",
                address="Алматы",
            ),
            tg_service(7, T0 + timedelta(minutes=6), "pin_message", message_id=2),
            tg_message(8, T0 + timedelta(minutes=7), forwarded_from=None, text="hidden origin"),
        ]
    )


def test_single_chat_fields(tmp_path: Path) -> None:
    path = write_json(tmp_path / "result.json", _rich_chat())
    messages, reader = _read(path)
    assert [m.message_id for m in messages] == [str(i) for i in range(1, 9)]
    assert reader.report.problems == []
    created, photo, fwd, voice, missing, loc, pin, hidden = messages

    assert created.chat.chat_id == "777" and created.chat.name == "Алматы 5 қаңтар"
    assert created.chat.chat_type == "private_group"
    assert created.service.action == "create_group"
    assert created.service.title == "Алматы 5 қаңтар"
    assert created.service.members == ("Bob",)
    assert created.author == KAZAKH and created.author_id == "user1001"

    assert photo.text == f"Қараңыз: {KAZAKH_TEXT} видео https://t.me/almaty/5"
    assert photo.links == ("https://example.org/v", "https://t.me/almaty/5")
    assert photo.media[0].kind == "photo"
    assert photo.media[0].path == "photos/photo_1@05-01-2022_18-31-00.jpg"
    assert photo.sent.utc() == datetime(2022, 1, 5, 12, 31)
    assert photo.sent.local == datetime(2022, 1, 5, 18, 31)
    assert photo.sent.offset_minutes == 360
    assert photo.sent.source == "telegram:message_date"

    assert fwd.forwarded_from == "Новости Алматы"
    assert fwd.reply_to == "2"
    assert fwd.author == "Bob" and fwd.author_id == "user2002"
    assert fwd.edited is not None
    assert fwd.edited.utc() == datetime(2022, 1, 5, 12, 35)
    assert fwd.edited.local == datetime(2022, 1, 5, 18, 35)

    assert voice.media[0].kind == "voice_message"
    assert voice.media[0].mime_type == "audio/ogg"

    assert missing.media[0].missing
    assert missing.media[0].missing_reason == NOT_INCLUDED
    assert missing.text == "сурет"

    assert loc.location.latitude == pytest.approx(43.2389)
    assert loc.location.place_name == "Республика алаңы"
    assert pin.service.action == "pin_message" and pin.service.target_message_id == "2"
    assert hidden.forwarded_from == ""  # forwarded, origin not named by the export


def test_full_account_export_keeps_each_chat(tmp_path: Path) -> None:
    chats = [
        tg_chat([tg_message(1, T0, text="бірінші")], name="Chat A", cid=11),
        tg_chat([tg_message(1, T0, text="second"), tg_message(2, T0)], name="Chat B", cid=12),
    ]
    left = [
        tg_chat([tg_message(9, T0, text="left")], name="Left C", cid=13, ctype="public_channel")
    ]
    path = write_tg_account(tmp_path / "result.json", chats, left)
    messages, reader = _read(path)
    assert [(m.chat.chat_id, m.message_id, m.text) for m in messages] == [
        ("11", "1", "бірінші"),
        ("12", "1", "second"),
        ("12", "2", ""),
        ("13", "9", "left"),
    ]
    assert {c.name for c in reader.chats} == {"Chat A", "Chat B", "Left C"}
    assert reader.report.problems == []


def test_paths_resolve_against_the_json_folder(tmp_path: Path) -> None:
    chat = tg_chat([tg_message(1, T0, photo="photos/p.jpg")])
    path = write_json(tmp_path / "result.json", chat)
    messages, _ = _read(path, base="ChatExport_2022")
    assert messages[0].media[0].path == "ChatExport_2022/photos/p.jpg"


def test_truncated_json_keeps_what_was_read(tmp_path: Path) -> None:
    chat = tg_chat([tg_message(i, T0 + timedelta(minutes=i), text=f"м{i}") for i in range(1, 6)])
    data = json.dumps(chat, ensure_ascii=False).encode()
    cut = data.index(b'"id": 4')
    path = tmp_path / "result.json"
    path.write_bytes(data[:cut])
    messages, reader = _read(path)
    assert [m.message_id for m in messages] == ["1", "2", "3"]
    (problem,) = reader.report.problems
    assert problem.file == "result.json"
    assert problem.where == "after message 3"
    assert "truncated" in problem.message


def test_malformed_json_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    good = json.dumps(tg_message(1, T0, text="ok"), ensure_ascii=False)
    path.write_text(
        '{"name": "x", "type": "personal_chat", "id": 5, "messages": [' + good + ", {,}]}"
    )
    messages, reader = _read(path)
    assert [m.message_id for m in messages] == ["1"]
    assert "after message 1" in str(reader.report.problems[0])


def test_duplicated_ids_are_reported_not_recorded_twice(tmp_path: Path) -> None:
    chat = tg_chat(
        [
            tg_message(1, T0, text="first"),
            tg_message(1, T0, text="first"),
            tg_message(1, T0, text="changed"),
            tg_message(2, T0, text="next"),
        ]
    )
    messages, reader = _read(write_json(tmp_path / "result.json", chat))
    assert [(m.message_id, m.text) for m in messages] == [("1", "first"), ("2", "next")]
    texts = [str(p) for p in reader.report.problems]
    assert "identical copy skipped" in texts[0] and "message 1" in texts[0]
    assert "differing copy NOT recorded" in texts[1]


@pytest.mark.parametrize(
    "bad", ["../../etc/passwd", "/etc/passwd", "photos/../../x.jpg", "C:/x.jpg"]
)
def test_traversal_in_media_path_is_missing_not_opened(tmp_path: Path, bad: str) -> None:
    chat = tg_chat([tg_message(3, T0, photo=bad)])
    messages, reader = _read(write_json(tmp_path / "result.json", chat))
    ref = messages[0].media[0]
    assert ref.missing and "unsafe path" in ref.missing_reason
    assert reader.report.problems[0].where == "message 3"


def test_old_export_without_unixtime_has_unknown_offset(tmp_path: Path) -> None:
    msg = tg_message(1, T0, text="old")
    del msg["date_unixtime"]
    messages, _ = _read(write_json(tmp_path / "result.json", tg_chat([msg])))
    assert messages[0].sent.local == datetime(2022, 1, 5, 18, 30)
    assert messages[0].sent.offset_minutes is None


def test_not_a_telegram_export() -> None:
    reader = TelegramJsonReader(io.BytesIO(b'{"contacts": {"list": []}}'), "other.json")
    with pytest.raises(ExportFormatError, match="other.json"):
        list(reader)


def test_overlapping_exports_give_the_same_keys(tmp_path: Path) -> None:
    first = tg_chat([tg_message(i, T0 + timedelta(minutes=i), text=f"{i}") for i in range(1, 6)])
    later = tg_chat([tg_message(i, T0 + timedelta(minutes=i), text=f"{i}") for i in range(4, 9)])
    a, _ = _read(write_json(tmp_path / "a" / "result.json", first))
    b, _ = _read(write_json(tmp_path / "b" / "result.json", later))
    keys = {(m.platform, m.chat.chat_id, m.message_id) for m in a + b}
    assert len(keys) == 8
    shared_a = {m.message_id: m for m in a}
    for m in b[:2]:
        assert shared_a[m.message_id].text == m.text
        assert shared_a[m.message_id].sent == m.sent
