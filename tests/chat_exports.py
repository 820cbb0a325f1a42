"""Writers of chat exports for tests and benchmarks (never real chats).

Each writer reproduces what the platform's exporter writes -- Telegram
Desktop's JSON and HTML (field names and markup of its exporter), WhatsApp's
text lines from Android and iOS in English, Russian and Kazakh -- with
content chosen by the test.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

ALMATY = timezone(timedelta(hours=6))
NOT_INCLUDED = "(File not included. Change data exporting settings to download.)"
KAZAKH = "Әлия Қасымова"
KAZAKH_TEXT = "Сәлем! Ғимарат жанында қауіпті, ңөұүһі — Алматы"


def tg_message(
    mid: int,
    when: datetime,
    author: str = KAZAKH,
    author_id: str = "user1001",
    text: object = "",
    **extra: object,
) -> dict:
    """One Telegram JSON message as the exporter writes it (``when`` aware)."""
    local = when.astimezone(ALMATY).replace(tzinfo=None)
    msg: dict = {
        "id": mid,
        "type": "message",
        "date": local.isoformat(timespec="seconds"),
        "date_unixtime": str(int(when.timestamp())),
        "from": author,
        "from_id": author_id,
    }
    msg.update(extra)
    msg["text"] = text
    if isinstance(text, str):
        msg["text_entities"] = [{"type": "plain", "text": text}] if text else []
    else:
        msg["text_entities"] = [
            p if isinstance(p, dict) else {"type": "plain", "text": p}
            for p in text  # type: ignore
        ]
    return msg


def tg_service(mid: int, when: datetime, action: str, actor: str = KAZAKH, **extra) -> dict:
    local = when.astimezone(ALMATY).replace(tzinfo=None)
    msg = {
        "id": mid,
        "type": "service",
        "date": local.isoformat(timespec="seconds"),
        "date_unixtime": str(int(when.timestamp())),
        "actor": actor,
        "actor_id": "user1001",
        "action": action,
    }
    msg.update(extra)
    msg["text"] = ""
    msg["text_entities"] = []
    return msg


def tg_chat(messages: list[dict], name="Алматы 5 қаңтар", ctype="private_group", cid=777) -> dict:
    return {"name": name, "type": ctype, "id": cid, "messages": messages}


def write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_tg_account(path: Path, chats: list[dict], left: list[dict] | None = None) -> Path:
    data = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1001, "first_name": "Әлия"},
        "chats": {"about": "This page lists all chats.", "list": chats},
    }
    if left:
        data["left_chats"] = {"about": "Left chats.", "list": left}
    return write_json(path, data)


def write_tg_stream(path: Path, count: int, start: datetime | None = None) -> Path:
    """A single-chat result.json of ``count`` messages, written one at a time."""
    start = start or datetime(2022, 1, 5, 6, 0, tzinfo=UTC)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{\n "name": "Bench chat",\n "type": "public_channel",\n "id": 4242,\n')
        f.write(' "messages": [\n')
        for i in range(1, count + 1):
            extra = {}
            if i % 10 == 0:
                extra["photo"] = NOT_INCLUDED
            if i % 7 == 0:
                extra["reply_to_message_id"] = i - 1
            text = [f"Хабар {i} ", {"type": "link", "text": "https://example.org/x"}]
            msg = tg_message(i, start + timedelta(seconds=7 * i), text=text, **extra)
            f.write(("," if i > 1 else "") + json.dumps(msg, ensure_ascii=False) + "\n")
        f.write(" ]\n}\n")
    return path


# -- Telegram HTML -----------------------------------------------------------


@dataclass
class HtmlMsg:
    mid: int
    when: datetime | None  # aware; None for service lines
    author: str | None = None  # None: joined to the previous message
    text: str = ""
    service: str | None = None
    forwarded: str | None = None
    reply_to: int | None = None
    photo: str | None = None
    missing_photo: bool = False
    video: str | None = None
    location: tuple[float, float] | None = None
    links: list[str] = field(default_factory=list)


def _title(when: datetime) -> str:
    local = when.astimezone(ALMATY)
    return local.strftime("%d.%m.%Y %H:%M:%S") + " UTC+06:00"


def tg_html_page(chat_name: str, messages: list[HtmlMsg]) -> str:
    """A page in the markup of Telegram Desktop's HTML exporter."""
    out = [
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8"/>\n<title>Exported Data</title>',
        '<link href="css/style.css" rel="stylesheet"/>\n</head>\n<body onload="CheckLocation();">',
        '<div class="page_wrap">\n<div class="page_header">\n<div class="content">',
        f'<div class="text bold">\n{html.escape(chat_name)}\n</div>\n</div>\n</div>',
        '<div class="page_body chat_page">\n<div class="history">',
        '<div class="message service" id="message-1">\n<div class="body details">\n'
        "5 January 2022\n</div>\n</div>",
    ]
    for m in messages:
        if m.service is not None:
            out.append(
                f'<div class="message service" id="message{m.mid}">\n'
                f'<div class="body details">\n{html.escape(m.service)}\n</div>\n</div>'
            )
            continue
        joined = " joined" if m.author is None else ""
        out.append(f'<div class="message default clearfix{joined}" id="message{m.mid}">')
        if m.author is not None:
            out.append('<div class="pull_left userpic_wrap">\n<div class="userpic"></div>\n</div>')
        out.append('<div class="body">')
        out.append(f'<div class="pull_right date details" title="{_title(m.when)}">')
        out.append(m.when.astimezone(ALMATY).strftime("%H:%M") + "\n</div>")
        if m.author is not None:
            out.append(f'<div class="from_name">\n{html.escape(m.author)}\n</div>')
        if m.forwarded:
            out.append('<div class="pull_left forwarded userpic_wrap"></div>')
            out.append('<div class="forwarded body">\n<div class="from_name">')
            out.append(
                f'{html.escape(m.forwarded)}<span class="date details" title="{_title(m.when)}">'
                f" {m.when.strftime('%d.%m.%Y %H:%M:%S')}</span>\n</div>"
            )
        if m.reply_to:
            out.append(
                '<div class="reply_to details">\nIn reply to <a href="#go_to_message'
                f'{m.reply_to}" onclick="return GoToMessage({m.reply_to})">this message</a>\n</div>'
            )
        if m.photo:
            out.append(
                '<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" '
                f'href="{html.escape(m.photo)}">\n<img class="photo" src="{m.photo}_thumb.jpg" '
                'style="width: 260px; height: 195px"/>\n</a>\n</div>'
            )
        if m.missing_photo:
            out.append(
                '<div class="media_wrap clearfix">\n<div class="media clearfix pull_left '
                'media_photo">\n<div class="fill pull_left"></div>\n<div class="body">\n'
                '<div class="title bold">\nPhoto\n</div>\n<div class="description">\n'
                "Not included, change data exporting settings to download.\n</div>\n"
                '<div class="status details">\n1280x960, 120.5 KB\n</div>\n</div>\n</div>\n</div>'
            )
        if m.video:
            out.append(
                '<div class="media_wrap clearfix">\n<a class="media clearfix pull_left '
                f'block_link media_video" href="{html.escape(m.video)}">\n'
                '<div class="fill pull_left"></div>\n<div class="body">\n<div class="title bold">'
                "\nVideo file\n</div>\n</div>\n</a>\n</div>"
            )
        if m.location:
            lat, lon = m.location
            out.append(
                '<div class="media_wrap clearfix">\n<a class="media clearfix pull_left block_link '
                f'media_location" href="https://maps.google.com/maps?q={lat},{lon}&ll={lat},'
                f'{lon}&z=16">\n<div class="body">\n<div class="title bold">\nLocation\n</div>'
                "\n</div>\n</a>\n</div>"
            )
        if m.text or m.links:
            body = html.escape(m.text).replace("\n", "<br>")
            for link in m.links:
                body += f' <a href="{html.escape(link)}">{html.escape(link)}</a>'
            out.append(f'<div class="text">\n{body}\n</div>')
        if m.forwarded:
            out.append("</div>")
        out.append("</div>\n</div>")
    out.append("</div>\n</div>\n</div>\n</body>\n</html>\n")
    return "\n".join(out)


# -- WhatsApp ----------------------------------------------------------------


def wa_stamp(
    when: datetime,
    style: str = "android",
    order: str = "dmy",
    sep: str = ".",
    year: int = 4,
    clock: int = 24,
    ampm: tuple[str, str] = ("AM", "PM"),
    space: str = " ",
) -> str:
    """The date-and-time prefix of a WhatsApp line (``when`` naive local)."""
    y = f"{when.year:04d}" if year == 4 else f"{when.year % 100:02d}"
    if order == "dmy":
        d = f"{when.day:02d}{sep}{when.month:02d}{sep}{y}"
    else:
        d = f"{when.month}{sep}{when.day}{sep}{y}"
    seconds = f":{when.second:02d}" if style == "ios" else ""
    if clock == 12:
        hour = when.hour % 12 or 12
        t = f"{hour}:{when.minute:02d}{seconds}{space}{ampm[when.hour >= 12]}"
    else:
        t = f"{when.hour:02d}:{when.minute:02d}{seconds}"
    if style == "ios":
        return f"[{d}, {t}]"
    return f"{d}, {t} -"


def wa_line(when: datetime, author: str | None, text: str, **stamp) -> str:
    prefix = wa_stamp(when, **stamp)
    body = f"{author}: {text}" if author is not None else text
    return f"{prefix} {body}"


def write_wa_stream(path: Path, count: int) -> Path:
    """A 24-hour, day-first Android export of ``count`` messages."""
    start = datetime(2022, 1, 5, 6, 0)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            when = start + timedelta(seconds=17 * i)
            author = KAZAKH if i % 2 else "Bob"
            if i % 10 == 0:
                text = "<Без медиафайлов>"
            elif i % 13 == 0:
                text = f"Хабар {i}\nекінші жол {i}"
            else:
                text = f"Хабар {i} https://example.org/{i}"
            f.write(wa_line(when, author, text) + "\n")
    return path
