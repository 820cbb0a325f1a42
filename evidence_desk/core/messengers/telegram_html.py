"""Telegram Desktop's HTML export (``messages.html``, ``messages2.html`` …).

People often choose HTML because it opens in a browser; the same facts are
there, spread over markup. Telegram's exporter writes each message as
``<div class="message default clearfix" id="message123">`` with the author
in ``from_name``, the exact time in the ``title`` of ``pull_right date
details`` ("05.01.2022 18:30:00 UTC+06:00"), the text in ``text``, a
``forwarded body`` and a ``reply_to details`` block; media are links into the
export's folders. Consecutive messages by one author within 15 minutes are
"joined": they omit the author, who is the previous message's.

The standard library's tolerant HTMLParser reads the file in chunks, so a
large page is never held whole. HTML has no chat id; the chat's name (the
page header) stands in, and ``Chat.id_source`` says so.
"""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import BinaryIO

from evidence_desk.core.messengers.common import clip, media_ref
from evidence_desk.core.messengers.model import (
    Chat,
    ExportFormatError,
    Location,
    MediaRef,
    Message,
    MessageTime,
    ParseReport,
    ServiceEvent,
)

SOURCE = "telegram:message_date"
_TITLE = re.compile(
    r"^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):(\d{2}))?$"
)
_MSG_ID = re.compile(r"^message(-?\d+)$")
_GOTO = re.compile(r"go_to_message(\d+)")
_MAPS = re.compile(r"[?&]q=(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)")
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr"}
_MEDIA_CLASSES = {
    "photo_wrap": "photo",
    "video_file_wrap": "video_file",
    "animated_wrap": "animation",
    "sticker_wrap": "sticker",
    "media_photo": "photo",
    "media_video": "video_file",
    "media_voice_message": "voice_message",
    "media_audio_file": "audio_file",
    "media_file": "file",
    "media_contact": "contact_vcard",
}
_CHUNK = 1 << 16


class _Draft:
    def __init__(self, mid: str, service: bool, joined: bool, line: int) -> None:
        self.mid, self.service, self.joined, self.line = mid, service, joined, line
        self.author: str | None = None
        self.forwarded: str | None = None
        self.title: str | None = None
        self.reply: str | None = None
        self.text: list[str] = []
        self.links: list[str] = []
        self.service_text: list[str] = []
        self.media: list[tuple[str, str | None, str | None]] = []  # kind, href, description
        self.location: Location | None = None


class _Parser(HTMLParser):
    """Collects finished drafts into ``done``; state follows the div stack."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.divs: list[set[str]] = []
        self.done: deque[_Draft] = deque()
        self.draft: _Draft | None = None
        self.draft_depth = 0
        self.capture: str | None = None  # what text goes to: from, fwd, text, service, desc…
        self.capture_depth = 0
        self.header_depth: int | None = None
        self.chat_name: list[str] = []
        self.media_kind: str | None = None
        self.media_href: str | None = None
        self.media_depth = 0
        self.media_desc: list[str] = []
        self.link: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = set(a.get("class", "").split())
        if tag == "br":
            self._text("\n")
        if tag in _VOID:
            return
        if tag == "a":
            self._anchor(a, classes)
            return
        if tag == "span" and "date" in classes and self.capture == "fwd":
            self.capture = "skip-span"
            return
        if tag != "div":
            return
        self.divs.append(classes)
        depth = len(self.divs)
        if "page_header" in classes:
            self.header_depth = depth
        elif self.header_depth and "text" in classes and "bold" in classes and self.draft is None:
            self._begin("chat", depth)
        m = _MSG_ID.match(a.get("id", ""))
        if "message" in classes and m:
            self._finish()
            self.draft = _Draft(
                m.group(1), "service" in classes, "joined" in classes, self.getpos()[0]
            )
            self.draft_depth = depth
            return
        d = self.draft
        if d is None:
            return
        if "date" in classes and "details" in classes and "title" in a and d.title is None:
            d.title = a["title"]
        elif "from_name" in classes:
            self._begin("fwd" if any("forwarded" in c for c in self.divs) else "from", depth)
        elif "text" in classes and self.capture is None:
            self._begin("text", depth)
        elif "reply_to" in classes:
            self._begin("reply", depth)
        elif d.service and "body" in classes and "details" in classes:
            self._begin("service", depth)
        elif self.media_kind is None and classes & set(_MEDIA_CLASSES):
            kind = _MEDIA_CLASSES[sorted(classes & set(_MEDIA_CLASSES))[0]]
            self.media_kind, self.media_href, self.media_depth = kind, None, depth
            self.media_desc = []
        elif self.media_kind and "description" in classes:
            self._begin("desc", depth)

    def _anchor(self, a: dict[str, str], classes: set[str]) -> None:
        d = self.draft
        href = a.get("href", "")
        if d is None:
            return
        if self.capture == "reply":
            m = _GOTO.search(href) or _GOTO.search(a.get("onclick", ""))
            if m:
                d.reply = m.group(1)
            return
        if self.capture == "text" and href:
            d.links.append(href)
            return
        kind = next((k for c, k in _MEDIA_CLASSES.items() if c in classes), None)
        if "media_location" in classes or "media_live_location" in classes:
            m = _MAPS.search(href)
            if m:
                lat, lon = float(m.group(1)), float(m.group(2))
                if -90 <= lat <= 90 and -180 <= lon <= 180:
                    d.location = Location(lat, lon, live="media_live_location" in classes)
            return
        if kind and href and not href.startswith(("http://", "https://")):
            d.media.append((kind, href, None))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.capture == "skip-span":
            self.capture = "fwd"
            return
        if tag != "div" or not self.divs:
            return
        depth = len(self.divs)
        if self.capture and depth == self.capture_depth:
            self._end_capture()
        if self.media_kind and depth == self.media_depth:
            desc = " ".join("".join(self.media_desc).split())
            if self.draft is not None and desc:  # a file the export left out
                self.draft.media.append((self.media_kind, None, desc))
            self.media_kind = None
        if self.header_depth == depth:
            self.header_depth = None
        self.divs.pop()
        if self.draft is not None and depth == self.draft_depth:
            self._finish()

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, data: str) -> None:
        if self.capture == "desc":
            self.media_desc.append(data)
        elif self.capture == "chat":
            self.chat_name.append(data)
        elif self.capture and self.capture != "skip-span" and self.draft is not None:
            target = {"from": "a", "fwd": "f", "text": "t", "service": "s"}.get(self.capture)
            if target == "t":
                self.draft.text.append(data)
            elif target == "s":
                self.draft.service_text.append(data)
            elif target == "a":
                self.draft.author = (self.draft.author or "") + data
            elif target == "f":
                self.draft.forwarded = (self.draft.forwarded or "") + data

    def _begin(self, what: str, depth: int) -> None:
        self.capture, self.capture_depth = what, depth

    def _end_capture(self) -> None:
        self.capture = None

    def _finish(self) -> None:
        if self.draft is not None:
            self.done.append(self.draft)
        self.draft = None
        self.capture = None
        self.media_kind = None


@dataclass
class ChatState:
    """What the pages of one chat share: the chat, the author a joined
    message inherits (``messages2.html`` may start with one), the ids seen."""

    chat: Chat | None = None
    previous_author: str | None = None
    previous_forward: str | None = None
    seen: set[str] = field(default_factory=set)


class TelegramHtmlReader:
    """Iterate the messages of one Telegram HTML page.

    ``source`` is a binary stream or a function opening one (pages of a
    long chat are opened one at a time). ``base`` is the folder of the page
    inside the export (links are relative to it); ``state`` is shared by
    the pages of one chat, read in order.
    """

    def __init__(
        self,
        source: BinaryIO | Callable[[], BinaryIO],
        name: str,
        base: str = "",
        state: ChatState | None = None,
    ) -> None:
        self.source = source
        self.base = base
        self.state = state or ChatState()
        self.report = ParseReport(name, "telegram_html")

    def __iter__(self) -> Iterator[Message]:
        if callable(self.source):
            with self.source() as stream:
                yield from self._read(stream)
        else:
            yield from self._read(self.source)

    def _read(self, stream: BinaryIO) -> Iterator[Message]:
        parser = _Parser()
        decoder = _decoder()
        saw_any = False
        while True:
            chunk = stream.read(_CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            parser.feed(text)
            while parser.done:
                draft = parser.done.popleft()
                saw_any = True
                msg = self._message(draft, parser)
                if msg is not None:
                    yield msg
            if not chunk:
                break
        parser.close()
        parser._finish()
        while parser.done:
            msg = self._message(parser.done.popleft(), parser)
            saw_any = True
            if msg is not None:
                yield msg
        if not saw_any:
            raise ExportFormatError(
                f"{self.report.file}: no Telegram message blocks: not a Telegram HTML export"
            )

    def _chat(self, parser: _Parser) -> Chat:
        if self.state.chat is None:
            name = " ".join("".join(parser.chat_name).split()) or None
            self.state.chat = Chat("telegram", f"name:{name or 'unnamed'}", name, None, "chat name")
        return self.state.chat

    def _message(self, d: _Draft, parser: _Parser) -> Message | None:
        if d.mid.startswith("-"):
            return None  # the exporter's date separators, not messages
        where = f"message {d.mid}"
        chat = self._chat(parser)
        state = self.state
        if d.mid in state.seen:
            self.report.problem(where, "duplicated message id; the later copy is NOT recorded")
            return None
        state.seen.add(d.mid)
        sent = self._time(d.title, where, d.service)
        service = None
        author = _clean(d.author)
        forwarded = _clean(d.forwarded)
        if d.service:
            text = " ".join("".join(d.service_text).split())
            service = ServiceEvent(action="service", text=text)
            author = None
        else:
            if author is None and d.joined:
                author = state.previous_author
                if forwarded is None and state.previous_forward is not None:
                    forwarded = state.previous_forward
            state.previous_author = author
            state.previous_forward = forwarded
            text = "".join(d.text).strip("\n ")
        text, cut = clip(text)
        if cut:
            self.report.problem(where, "text longer than we keep; the rest is in the export file")
        media: list[MediaRef] = []
        for kind, href, desc in d.media:
            ref, problem = media_ref(kind, href or "", self.base, None if href else desc)
            if problem:
                self.report.problem(where, problem)
            media.append(ref)
        self.report.messages += 1
        return Message(
            chat=chat,
            message_id=d.mid,
            where=where,
            sent=sent,
            author=author,
            forwarded_from=forwarded,
            reply_to=d.reply,
            text=text,
            links=tuple(dict.fromkeys(d.links)),
            service=service,
            location=d.location,
            media=tuple(media),
        )

    def _time(self, title: str | None, where: str, service: bool) -> MessageTime | None:
        if not title:
            if not service:  # the exporter writes no time on service lines
                self.report.problem(where, "no time on the message")
            return None
        m = _TITLE.match(title.strip())
        if m is None:
            self.report.problem(where, f"unreadable time {title[:40]!r}")
            return None
        day, month, year, hh, mm, ss = (int(x) for x in m.groups()[:6])
        try:
            local = datetime(year, month, day, hh, mm, ss)
        except ValueError:
            self.report.problem(where, f"impossible time {title[:40]!r}")
            return None
        offset = None
        if m.group(7):
            offset = int(m.group(8)) * 60 + int(m.group(9))
            offset = -offset if m.group(7) == "-" else offset
        return MessageTime(local, offset, SOURCE, title.strip())


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _decoder() -> codecs.IncrementalDecoder:
    return codecs.getincrementaldecoder("utf-8")(errors="replace")
