"""Telegram Desktop HTML exports: authors of joined messages, times with
offsets, forwards, replies, media present and left out, pages in order."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evidence_desk.core.messengers import (
    ExportFormatError,
    TelegramHtmlReader,
    chat_readers,
    detect,
    open_export,
)
from tests.chat_exports import KAZAKH, KAZAKH_TEXT, HtmlMsg, tg_html_page

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)


def _t(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _page() -> str:
    return tg_html_page(
        "Алматы 5 қаңтар",
        [
            HtmlMsg(1, None, service=f"{KAZAKH} created group «Алматы»"),
            HtmlMsg(2, _t(1), KAZAKH, KAZAKH_TEXT + "\nекінші жол", links=["https://t.me/x/1"]),
            HtmlMsg(3, _t(2), None, "joined text", photo="photos/photo_1@05-01-2022.jpg"),
            HtmlMsg(4, _t(3), "Bob", "fwd", forwarded="Новости Алматы", reply_to=2),
            HtmlMsg(5, _t(4), "Bob", "", missing_photo=True),
            HtmlMsg(6, _t(5), None, "", video="video_files/v.mp4"),
            HtmlMsg(7, _t(6), "Bob", "", location=(43.2389, 76.8897)),
            HtmlMsg(8, _t(7), "Bob", "", photo="../../../etc/passwd"),
        ],
    )


def _read(text: str, name="messages.html", base="") -> tuple[list, TelegramHtmlReader]:
    reader = TelegramHtmlReader(io.BytesIO(text.encode()), name, base)
    return list(reader), reader


def test_messages_from_html() -> None:
    msgs, reader = _read(_page())
    assert [m.message_id for m in msgs] == [str(i) for i in range(1, 9)]
    service, first, joined, fwd, missing, video, loc, bad = msgs
    assert first.chat.name == "Алматы 5 қаңтар" and first.chat.id_source == "chat name"
    assert service.service.text == f"{KAZAKH} created group «Алматы»"
    assert service.sent is None
    assert first.author == KAZAKH
    assert first.text == KAZAKH_TEXT + "\nекінші жол https://t.me/x/1"
    assert first.links == ("https://t.me/x/1",)
    assert first.sent.local == datetime(2022, 1, 5, 18, 31) and first.sent.offset_minutes == 360
    assert first.sent.utc() == datetime(2022, 1, 5, 12, 31)
    assert joined.author == KAZAKH  # a joined message is the previous author's
    assert joined.media[0].path == "photos/photo_1@05-01-2022.jpg"
    assert fwd.author == "Bob" and fwd.forwarded_from == "Новости Алматы"
    assert fwd.reply_to == "2" and fwd.text == "fwd"
    assert missing.media[0].missing
    assert missing.media[0].missing_reason == (
        "Not included, change data exporting settings to download."
    )
    assert video.author == "Bob" and video.media[0].kind == "video_file"
    assert loc.location.longitude == pytest.approx(76.8897)
    assert bad.media[0].missing and "unsafe path" in bad.media[0].missing_reason
    assert [p.where for p in reader.report.problems] == ["message 8"]


def test_not_an_html_export() -> None:
    with pytest.raises(ExportFormatError, match="page.html"):
        _read("<html><body><p>hello</p></body></html>", name="page.html")


def test_pages_share_chat_author_and_ids(tmp_path: Path) -> None:
    folder = tmp_path / "ChatExport_2022-01-05"
    folder.mkdir()
    page1 = tg_html_page("Чат", [HtmlMsg(1, _t(0), "Bob", "one"), HtmlMsg(2, _t(1), None, "two")])
    page2 = tg_html_page("Чат", [HtmlMsg(3, _t(2), None, "three"), HtmlMsg(2, _t(1), None, "dup")])
    (folder / "messages.html").write_text(page1, encoding="utf-8")
    (folder / "messages2.html").write_text(page2, encoding="utf-8")
    reader = open_export(folder)
    plan = detect(reader)
    assert plan.fmt == "telegram_html"
    assert plan.main_files == ("messages.html", "messages2.html")
    pages = list(chat_readers(reader, plan))
    msgs = [m for page in pages for m in page]
    assert [(m.message_id, m.author, m.text) for m in msgs] == [
        ("1", "Bob", "one"),
        ("2", "Bob", "two"),
        ("3", "Bob", "three"),
    ]
    assert msgs[0].chat is msgs[2].chat
    assert "duplicated message id" in str(pages[1].report.problems[0])
