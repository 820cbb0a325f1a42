"""WhatsApp text exports: Android and iOS, English, Russian and Kazakh,
date order from the whole file, clocks, marks, media, digests, hostile text."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from evidence_desk.core.messengers import ExportFormatError, WhatsAppReader
from tests.chat_exports import KAZAKH, KAZAKH_TEXT, wa_line, wa_stamp

LRM = "\u200e"
T = datetime(2022, 1, 5, 18, 30)


def _parse(tmp_path: Path, lines: list[str], name="chat.txt", **kw) -> tuple[list, WhatsAppReader]:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = WhatsAppReader(lambda: open(path, "rb"), name, kw.pop("chat", "Чат"), **kw)
    return list(reader), reader


def test_android_russian(tmp_path: Path) -> None:
    lines = [
        wa_line(T, None, "Сообщения и звонки защищены сквозным шифрованием. Подробнее."),
        wa_line(T, None, f"{KAZAKH} создал(а) группу «Алматы»"),
        wa_line(T + timedelta(minutes=1), KAZAKH, KAZAKH_TEXT),
        "вторая строка",
        "",
        "третья строка",
        wa_line(T + timedelta(minutes=2), "Bob", "<Без медиафайлов>"),
        wa_line(T + timedelta(minutes=3), "Bob", "IMG-20220105-WA0001.jpg (файл прикреплен)"),
        "подпись к фото",
        wa_line(
            T + timedelta(minutes=4),
            "Bob",
            "геопозиция: https://maps.google.com/?q=43.2389,76.8897",
        ),
        wa_line(T + timedelta(minutes=5), None, f"{KAZAKH} добавил(а) Bob"),
        wa_line(datetime(2022, 1, 13, 9, 5), "Bob", "Данное сообщение удалено"),
    ]
    msgs, reader = _parse(tmp_path, lines, base="export")
    assert reader.report.problems == []
    notice, created, text, omitted, attached, geo, added, deleted = msgs
    assert notice.service.action == "encryption_notice" and notice.author is None
    assert created.service.action == "create_group"
    assert created.service.actor == KAZAKH and created.service.title == "Алматы"
    assert text.author == KAZAKH
    assert text.text == f"{KAZAKH_TEXT}\nвторая строка\n\nтретья строка"
    assert text.sent.local == T + timedelta(minutes=1)
    assert text.sent.offset_minutes is None  # no offset until the user states one
    assert text.sent.source == "whatsapp:message_time"
    assert text.where == "line 3"
    assert omitted.media[0].missing and omitted.media[0].missing_reason == "<Без медиафайлов>"
    assert attached.media[0].path == "export/IMG-20220105-WA0001.jpg"
    assert attached.media[0].kind == "photo"
    assert attached.text == "подпись к фото"
    assert geo.location.latitude == pytest.approx(43.2389)
    assert added.service.action == "invite_members" and added.service.members == ("Bob",)
    assert deleted.sent.local == datetime(2022, 1, 13, 9, 5)
    assert "day-first" in reader.report.notes[0]


def test_android_kazakh(tmp_path: Path) -> None:
    lines = [
        wa_line(T, None, "Хабарлар мен қоңыраулар өтпелі шифрлаумен қорғалған."),
        wa_line(T, KAZAKH, "<Медиафайлсыз>"),
        wa_line(T, KAZAKH, "VID-20220105-WA0003.mp4 (файл тіркелді)"),
        wa_line(T, "Ұлан", "Қайда? ғ қ ң ө ұ ү һ і ә"),
    ]
    msgs, reader = _parse(tmp_path, lines)
    assert msgs[0].service.action == "encryption_notice"
    assert msgs[1].media[0].missing_reason == "<Медиафайлсыз>"
    assert msgs[2].media[0].kind == "video_file"
    assert msgs[3].author == "Ұлан" and msgs[3].text == "Қайда? ғ қ ң ө ұ ү һ і ә"


def test_android_english_us_twelve_hour_month_first(tmp_path: Path) -> None:
    stamp = {"order": "mdy", "sep": "/", "year": 2, "clock": 12, "space": "\u202f"}
    lines = [
        wa_line(
            T, None, "Messages and calls are end-to-end encrypted. Tap to learn more.", **stamp
        ),
        wa_line(T, "Bob", "<Media omitted>", **stamp),
        wa_line(datetime(2022, 1, 5, 0, 15), "Bob", "after midnight", **stamp),
        wa_line(
            datetime(2022, 1, 13, 12, 5), "Bob", "PTT-20220113-WA0002.opus (file attached)", **stamp
        ),
        wa_line(datetime(2022, 1, 13, 12, 6), None, "Bob left", **stamp),
    ]
    msgs, reader = _parse(tmp_path, lines)
    assert msgs[1].media[0].missing_reason == "<Media omitted>"
    assert msgs[2].sent.local == datetime(2022, 1, 5, 0, 15)  # 12:15 AM
    assert msgs[3].sent.local == datetime(2022, 1, 13, 12, 5)  # 12:05 PM
    assert msgs[3].media[0].kind == "voice_message"
    assert msgs[4].service.action == "leave_group"
    assert "month-first" in reader.report.notes[0]


def test_ios_english_with_marks_and_attachments(tmp_path: Path) -> None:
    stamp = {"style": "ios", "order": "dmy", "sep": "/", "year": 4}
    lines = [
        LRM + wa_line(T, None, "Messages and calls are end-to-end encrypted.", **stamp),
        LRM
        + wa_line(T, "Bob", LRM + "<attached: 00000012-PHOTO-2022-01-05-18-30-15.jpg>", **stamp),
        LRM + wa_line(T, "Bob", LRM + "image omitted", **stamp),
        wa_line(datetime(2022, 1, 20, 7, 1, 2), "\u202aБоб\u202c", "hello", **stamp),
    ]
    msgs, reader = _parse(tmp_path, lines)
    assert msgs[1].media[0].path == "00000012-PHOTO-2022-01-05-18-30-15.jpg"
    assert msgs[1].media[0].kind == "photo"
    assert msgs[2].media[0].missing and msgs[2].media[0].kind == "photo"
    assert msgs[3].author == "Боб"
    assert msgs[3].sent.local == datetime(2022, 1, 20, 7, 1, 2)


def test_ios_russian_two_digit_year(tmp_path: Path) -> None:
    stamp = {"style": "ios", "year": 2}
    lines = [
        wa_line(T, "Алия", "<прикреплено: 00000003-VIDEO-2022-01-05-18-30-00.mp4>", **stamp),
        wa_line(T, "Алия", "изображение отсутствует", **stamp),
    ]
    msgs, _ = _parse(tmp_path, lines)
    assert msgs[0].media[0].kind == "video_file"
    assert msgs[0].sent.local == T
    assert msgs[1].media[0].missing_reason == "изображение отсутствует"


def test_date_order_is_decided_by_the_whole_file(tmp_path: Path) -> None:
    # Early lines read both ways; line 40 (the 13th) settles day-first for all.
    lines = [wa_line(datetime(2022, 1, d, 10, 0), "Bob", f"day {d}", sep="/") for d in range(2, 14)]
    msgs, reader = _parse(tmp_path, lines)
    assert msgs[0].sent.local == datetime(2022, 1, 2, 10, 0)  # 02/01 is 2 January, not 1 February
    assert "line 12" in reader.report.notes[0]


def test_ambiguous_file_is_decided_by_time_order(tmp_path: Path) -> None:
    # 01/02 then 02/01: only month-first keeps the export chronological.
    days = [datetime(2022, 1, 2), datetime(2022, 2, 1), datetime(2022, 3, 4)]
    lines = [wa_line(d, "Bob", "x", order="mdy", sep="/") for d in days]
    msgs, reader = _parse(tmp_path, lines)
    assert [m.sent.local for m in msgs] == days
    assert "time order" in reader.report.notes[0]


def test_undecidable_file_uses_the_stated_order_or_says_it_assumed(tmp_path: Path) -> None:
    lines = [wa_line(datetime(2022, 3, 3, 9), "Bob", "x", sep="/")]
    msgs, reader = _parse(tmp_path, lines, date_order="mdy")
    assert "as stated" in reader.report.notes[0]
    msgs, reader = _parse(tmp_path, lines)
    assert "ASSUMED" in reader.report.notes[0]


def test_digest_is_stable_and_separates_repeats(tmp_path: Path) -> None:
    lines = [wa_line(T, "Bob", "ok"), wa_line(T, "Bob", "ok"), wa_line(T, KAZAKH, "ok")]
    a, _ = _parse(tmp_path, lines, name="a.txt")
    marked = [LRM + line for line in lines]
    b, _ = _parse(tmp_path, marked, name="b.txt")
    assert len({m.message_id for m in a}) == 3
    assert [m.message_id for m in a] == [m.message_id for m in b]
    c, _ = _parse(tmp_path, lines, name="c.txt", chat="another chat")
    assert not {m.message_id for m in a} & {m.message_id for m in c}


def test_overlapping_re_export_shares_digests(tmp_path: Path) -> None:
    all_lines = [wa_line(T + timedelta(minutes=i), "Bob", f"хабар {i}") for i in range(10)]
    first, _ = _parse(tmp_path, all_lines[:6], name="first.txt")
    later, _ = _parse(tmp_path, all_lines[3:], name="later.txt")
    assert len({m.message_id for m in first} | {m.message_id for m in later}) == 10


def test_unknown_text_is_refused_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(ExportFormatError, match=r"notes\.txt: line 1: not a WhatsApp"):
        _parse(tmp_path, ["just some notes", "nothing dated"], name="notes.txt")


def test_text_before_first_message_and_bad_dates_are_reported(tmp_path: Path) -> None:
    lines = [
        "stray preface",
        wa_line(T, "Bob", "fine"),
        "31.02.2022, 10:00 - Bob: no such day",
    ]
    msgs, reader = _parse(tmp_path, lines)
    assert [m.text for m in msgs] == ["fine", "no such day"]
    assert msgs[1].sent is None
    problems = [str(p) for p in reader.report.problems]
    assert "chat.txt: line 1: text before the first message" in problems[0]
    assert "line 3: impossible date" in problems[1]


def test_traversal_in_attachment_is_missing(tmp_path: Path) -> None:
    lines = [wa_line(T, "Bob", "../../.ssh/id_rsa.jpg (file attached)")]
    msgs, reader = _parse(tmp_path, lines)
    assert msgs[0].media[0].missing and "unsafe path" in msgs[0].media[0].missing_reason
    assert reader.report.problems[0].where == "line 1"


def test_invalid_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(wa_line(T, "Bob", "ok").encode() + b"\n" + b"\xff\xfe broken\n")
    reader = WhatsAppReader(lambda: open(path, "rb"), "chat.txt", "Чат")
    msgs = list(reader)
    assert len(msgs) == 1 and "broken" in msgs[0].text
    assert "line 2" in str(reader.report.problems[0])


def test_stamp_shapes() -> None:
    assert wa_stamp(T) == "05.01.2022, 18:30 -"
    assert wa_stamp(T, style="ios", year=2) == "[05.01.22, 18:30:00]"


def test_year_marks_of_russian_and_kazakh_phones(tmp_path: Path) -> None:
    lines = [
        "05.01.2022 ж., 18:30 - Әлия: сәлем",
        "[13.01.2022 г., 09:05:15] Бек: привет",
    ]
    msgs, reader = _parse(tmp_path, lines)
    assert [m.sent.local for m in msgs] == [T, datetime(2022, 1, 13, 9, 5, 15)]
    assert reader.report.problems == []
