"""WhatsApp's "Export chat" text, from Android and from iOS.

Android writes ``05.01.2022, 18:30 - Name: text``; iOS writes
``[05.01.22, 18:30:15] Name: text``; both in the phone's language, date
format and clock. The date order (day-first or month-first) is decided once
for the whole file, from every dated line -- a line ``03/04/22`` alone cannot
say which it is, and deciding line by line would silently mix orders. The
evidence, in order: a first field above 12 (only a day can be), a second
field above 12, then which reading keeps the messages in time order (an
export is chronological), and only then the caller's choice or the
separator's convention, reported as an assumption.

Lines carry local wall-clock time with no offset; we return it naive and
the caller applies the zone the user stated (see ``messengers.timezone``).
The file is read twice (once to decide the date order, once to parse) and
never held whole in memory.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from evidence_desk.core.messengers import whatsapp_locale as loc
from evidence_desk.core.messengers.common import clip, media_ref, message_digest, strip_invisible
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

SOURCE = "whatsapp:message_time"
_DATE = r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})[./-](?P<c>\d{1,4})(?: ?[гж]\.)?"
_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
_AMPM = r"(?:\s?(?P<ap>[AaPp]\.?\s?[Mm]\.?|[ДдПп][Пп]))?"
ANDROID = re.compile(rf"^{_DATE},?\s{_TIME}{_AMPM}\s[-–]\s(?P<rest>.*)$")
IOS = re.compile(rf"^\[{_DATE},?\s{_TIME}{_AMPM}\]\s(?P<rest>.*)$")
_URL = re.compile(r"https?://[^\s<>\"]+")
_MAPS = re.compile(r"https?://maps\.google\.[a-z.]+/\?q=(-?\d{1,3}\.\d+),\s?(-?\d{1,3}\.\d+)")
_ENCRYPTION = re.compile(r"encrypt|шифр", re.I)
_MAX_LINE = 1_000_000
_PROBE_LINES = 50
_MAX_AUTHOR = 120


@dataclass(frozen=True)
class _Header:
    a: int
    b: int
    c: int
    sep: str
    hour: int
    minute: int
    second: int
    ampm: str | None
    rest: str
    ios: bool
    raw: str


def match_header(line: str) -> _Header | None:
    """The date, time and rest of a line that starts a message, or None."""
    m = ANDROID.match(line) or IOS.match(line)
    if m is None:
        return None
    ap = m.group("ap")
    return _Header(
        int(m.group("a")),
        int(m.group("b")),
        int(m.group("c")),
        m.group("sep"),
        int(m.group("h")),
        int(m.group("mi")),
        int(m.group("s") or 0),
        ap.lower().replace(" ", "") if ap else None,
        m.group("rest"),
        line.startswith("["),
        line[: m.start("rest")].strip(" -–[]"),
    )


def read_lines(stream: BinaryIO, report: ParseReport | None = None) -> Iterator[tuple[int, str]]:
    """Numbered lines, invisible marks removed, each bounded in length."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline=None)
    number = 0
    while True:
        line = text.readline(_MAX_LINE)
        if not line:
            return
        number += 1
        if not line.endswith("\n") and len(line) >= _MAX_LINE:
            while True:  # skip the rest of an absurdly long line
                more = text.readline(_MAX_LINE)
                if not more or more.endswith("\n"):
                    break
            if report is not None:
                report.problem(f"line {number}", "line longer than 1,000,000 characters; cut")
        if "\ufffd" in line and report is not None:
            report.problem(f"line {number}", "bytes that are not UTF-8 (shown as \ufffd)")
        yield number, strip_invisible(line.rstrip("\n"))


class WhatsAppReader:
    """Iterate the messages of a WhatsApp chat ``.txt``.

    ``opener`` returns a fresh binary stream each call (the file is read
    twice). ``chat_name`` names the chat (WhatsApp writes it only in the
    file's name); ``base`` is the folder of the .txt inside the export, where
    attached files lie. ``date_order`` ("dmy"/"mdy") is used only when the
    file itself cannot decide.
    """

    def __init__(
        self,
        opener: Callable[[], BinaryIO],
        name: str,
        chat_name: str,
        base: str = "",
        date_order: str | None = None,
    ) -> None:
        self.opener = opener
        self.name = name
        self.base = base
        self.chat = Chat("whatsapp", chat_name, chat_name, None, "chat name")
        self.preferred_order = date_order
        self.report = ParseReport(name, "whatsapp_txt")
        self.order: str | None = None

    # -- pass 1: decide the date order -------------------------------------

    def decide_order(self) -> str:
        """The date order of the whole file, "dmy" or "mdy"; notes say why."""
        first_over = second_over = None
        headers = seen = 0
        last: dict[str, tuple[int, ...]] = {}
        inversions = {"dmy": 0, "mdy": 0}
        seps: dict[str, int] = {}
        twelve = 0
        with self.opener() as stream:
            for number, line in read_lines(stream):
                seen += 1
                h = match_header(line)
                if h is None:
                    if headers == 0 and seen >= _PROBE_LINES:
                        break
                    continue
                headers += 1
                seps[h.sep] = seps.get(h.sep, 0) + 1
                twelve += h.ampm is not None
                if h.a > 31:
                    continue  # year first: no ambiguity
                if h.a > 12 and first_over is None:
                    first_over = number
                if h.b > 12 and second_over is None:
                    second_over = number
                for order, key in (("dmy", (h.c, h.b, h.a)), ("mdy", (h.c, h.a, h.b))):
                    stamp = key + (_hour24(h.hour, h.ampm), h.minute, h.second)
                    if order in last and stamp < last[order]:
                        inversions[order] += 1
                    last[order] = stamp
        if headers == 0:
            raise ExportFormatError(
                f"{self.name}: line 1: not a WhatsApp chat export "
                f"(no line in the first {_PROBE_LINES} starts with a date and a time)"
            )
        note = self.report.notes.append
        if first_over and second_over:
            self.report.problem(
                f"line {second_over}",
                f"dates in both orders (a day above 12 first on line {first_over}, "
                "second here): two exports joined? lines that fit neither are reported",
            )
        if first_over and not second_over:
            order = "dmy"
            note(f"date order day-first: line {first_over} has a first field above 12")
        elif second_over and not first_over:
            order = "mdy"
            note(f"date order month-first: line {second_over} has a second field above 12")
        elif inversions["dmy"] != inversions["mdy"]:
            order = min(inversions, key=inversions.__getitem__)
            note(
                f"date order {order}: it keeps the messages in time order "
                f"({inversions[order]} steps back against "
                f"{max(inversions.values())} the other way)"
            )
        elif self.preferred_order in ("dmy", "mdy"):
            order = self.preferred_order
            note(f"date order {order}: as stated at import (the file cannot tell)")
        else:
            sep = max(seps, key=seps.__getitem__) if seps else "."
            order = "mdy" if sep == "/" and twelve * 2 > headers else "dmy"
            note(
                f"date order {order} ASSUMED: every date in the file reads both ways "
                f"(separator {sep!r}, {'12' if order == 'mdy' else '24'}-hour clock)"
            )
        self.order = order
        return order

    # -- pass 2: messages ---------------------------------------------------

    def __iter__(self) -> Iterator[Message]:
        order = self.order or self.decide_order()
        counts: dict[str, int] = {}
        pending: tuple[int, _Header, list[str]] | None = None
        with self.opener() as stream:
            for number, line in read_lines(stream, self.report):
                h = match_header(line)
                if h is not None:
                    if pending is not None:
                        msg = self._message(*pending, order, counts)
                        if msg is not None:
                            yield msg
                    pending = (number, h, [h.rest])
                elif pending is not None:
                    pending[2].append(line)
                elif line.strip():
                    self.report.problem(f"line {number}", "text before the first message; skipped")
        if pending is not None:
            msg = self._message(*pending, order, counts)
            if msg is not None:
                yield msg

    def _message(
        self, number: int, h: _Header, lines: list[str], order: str, counts: dict[str, int]
    ) -> Message | None:
        where = f"line {number}"
        local = self._datetime(h, order, where)
        first = lines[0]
        author, body0 = _split_author(first)
        text_lines = [body0, *lines[1:]]
        body, cut = clip("\n".join(text_lines))
        if cut:
            self.report.problem(where, "message longer than we keep; the rest is in the export")
        service = None
        media: list[MediaRef] = []
        text = body
        if author is None:
            action = loc.system_action(body)
            service = ServiceEvent(
                action=action[0] if action else "system",
                actor=action[1].get("actor") if action else None,
                members=tuple(_names(action[1].get("members", ""))) if action else (),
                title=action[1].get("title") if action else None,
                text=body,
            )
        else:
            media, text = self._media(body0, lines[1:], where)
        key = message_digest(self.chat.chat_id, local, author, body, 0)
        n = counts.get(key, 0)
        counts[key] = n + 1
        digest = key if n == 0 else message_digest(self.chat.chat_id, local, author, body, n)
        self.report.messages += 1
        return Message(
            chat=self.chat,
            message_id=digest,
            where=where,
            sent=MessageTime(local, None, SOURCE, _raw(h)) if local else None,
            author=author,
            text=text,
            links=tuple(dict.fromkeys(_URL.findall(text))),
            service=service,
            location=_location(body),
            media=tuple(media),
            id_source="digest of chat, time, author and text",
        )

    def _datetime(self, h: _Header, order: str, where: str) -> datetime | None:
        if h.a > 31:
            year, month, day = h.a, h.b, h.c
        elif order == "dmy":
            day, month, year = h.a, h.b, h.c
        else:
            month, day, year = h.a, h.b, h.c
        if year < 100:
            year += 2000
        hour = _hour24(h.hour, h.ampm)
        try:
            return datetime(year, month, day, hour, h.minute, h.second)
        except ValueError:
            self.report.problem(where, f"impossible date or time {_raw(h)!r} read as {order}")
            return None

    def _media(self, first: str, rest: list[str], where: str) -> tuple[list[MediaRef], str]:
        stripped = first.strip()
        kind = loc.MEDIA_OMITTED.get(stripped.lower())
        if kind is not None:
            return [MediaRef(kind, None, stripped)], "\n".join(rest)
        m = loc.ANDROID_ATTACHED.match(stripped) or loc.IOS_ATTACHED.match(stripped)
        if m is None:
            return [], "\n".join([first, *rest])
        filename = m.group("file").strip()
        ref, problem = media_ref(_kind(filename), filename, self.base)
        if problem:
            self.report.problem(where, problem)
        return [ref], "\n".join(rest)


def _split_author(rest: str) -> tuple[str | None, str]:
    """("Name", "text") for a person's line; (None, rest) for a system line."""
    author, sep, text = rest.partition(": ")
    if not sep and rest.endswith(":"):
        author, sep, text = rest[:-1], ":", ""
    if not sep or not author.strip() or len(author) > _MAX_AUTHOR:
        return None, rest
    if _ENCRYPTION.search(rest) and loc.system_action(rest) is not None:
        return None, rest  # the notice itself may hold ": " in some languages
    return author.strip(), text


def _hour24(hour: int, ampm: str | None) -> int:
    if ampm is None:
        return hour
    pm = ampm.startswith("p") or ampm == "пп"
    hour = hour % 12
    return hour + 12 if pm else hour


def _kind(filename: str) -> str:
    upper = filename.upper()
    for marker, kind in (
        ("PHOTO", "photo"),
        ("IMG-", "photo"),
        ("VIDEO", "video_file"),
        ("VID-", "video_file"),
        ("PTT-", "voice_message"),
        ("AUDIO", "voice_message"),
        ("AUD-", "voice_message"),
        ("STK-", "sticker"),
        ("STICKER", "sticker"),
        ("GIF", "animation"),
    ):
        if marker in upper:
            return kind
    ext = upper.rsplit(".", 1)[-1]
    if ext in ("JPG", "JPEG", "PNG", "HEIC", "WEBP"):
        return "photo"
    if ext in ("MP4", "MOV", "3GP"):
        return "video_file"
    if ext in ("OPUS", "OGG", "M4A", "MP3", "AAC"):
        return "voice_message"
    if ext == "VCF":
        return "contact_vcard"
    return "file"


def _location(body: str) -> Location | None:
    m = _MAPS.search(body)
    if m is None:
        return None
    lat, lon = float(m.group(1)), float(m.group(2))
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return Location(lat, lon, live="live location" in body.lower())
    return None


def _names(text: str) -> list[str]:
    parts = re.split(r",\s*|\s+and\s+|\s+и\s+|\s+және\s+", text)
    return [p.strip() for p in parts if p.strip()]


def _raw(h: _Header) -> str:
    return h.raw
