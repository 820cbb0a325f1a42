"""Telegram Desktop's machine-readable export (``result.json``), streamed.

Two shapes come out of Telegram Desktop's exporter: one chat
(``{"name", "type", "id", "messages": [...]}``) and a whole account
(``{"chats": {"list": [chat, ...]}, "left_chats": {...}, ...}``). A busy
channel exports to hundreds of megabytes, so the file is read as a stream of
JSON events (ijson) and only one message is ever held as a dict.

Field names follow the exporter (``export_output_json.cpp``): ``date`` is the
exporting computer's wall-clock rendering, ``date_unixtime`` the UTC instant;
their difference is that computer's UTC offset, which we keep. Files the
export left out appear as ``"(File not included. Change data exporting
settings to download.)"`` in place of the path; we keep those words as the
reason the file is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

import ijson

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
_CHAT_PREFIXES = ("", "chats.list.item", "left_chats.list.item")
_MSG_PREFIXES = {f"{p}.messages.item" if p else "messages.item": p for p in _CHAT_PREFIXES}
_LINK_TYPES = {"link", "text_link", "email"}
_MIN_TS, _MAX_TS = 946_684_800, 4_102_444_800  # 2000-01-01 .. 2100-01-01


class TelegramJsonReader:
    """Iterate the messages of a Telegram ``result.json``.

    ``name`` is how problems name the file; ``base`` is the folder of the
    file inside the export, against which media paths are resolved.
    Problems go to ``self.report``; iteration stops early (keeping what was
    read) when the JSON itself breaks.
    """

    def __init__(self, stream: BinaryIO, name: str, base: str = "") -> None:
        self.stream = stream
        self.base = base
        self.report = ParseReport(name, "telegram_json")
        self.chats: list[Chat] = []

    def __iter__(self) -> Iterator[Message]:
        header: dict[str, Any] = {}
        chat: Chat | None = None
        seen: dict[int, int] = {}
        last_id: str | None = None
        builder: ijson.ObjectBuilder | None = None
        depth = 0
        saw_messages = False
        try:
            for prefix, event, value in ijson.parse(self.stream, use_float=True):
                if builder is not None:
                    builder.event(event, value)
                    if event in ("start_map", "start_array"):
                        depth += 1
                    elif event in ("end_map", "end_array"):
                        depth -= 1
                        if depth == 0:
                            raw, builder = builder.value, None
                            if chat is None:
                                chat = self._chat(header)
                            msg = self._message(raw, chat, seen)
                            if msg is not None:
                                last_id = msg.message_id
                                self.report.messages += 1
                                yield msg
                    continue
                if event == "start_map" and prefix in _MSG_PREFIXES:
                    builder = ijson.ObjectBuilder()
                    builder.event(event, value)
                    depth = 1
                    saw_messages = True
                elif event == "start_map" and prefix in _CHAT_PREFIXES:
                    header, chat, seen = {}, None, {}
                elif event in ("string", "number", "null"):
                    parent, _, key = prefix.rpartition(".")
                    if parent in _CHAT_PREFIXES and key in ("name", "type", "id"):
                        if chat is not None:
                            self.report.problem(
                                "chat header", f"the chat's {key} comes after its messages"
                            )
                        header[key] = value
        except ijson.common.IncompleteJSONError as exc:
            after = f"after message {last_id}" if last_id else "before the first message"
            self.report.problem(after, f"the JSON is truncated or malformed ({_short(exc)})")
        except (ijson.common.JSONError, ValueError, UnicodeDecodeError) as exc:
            after = f"after message {last_id}" if last_id else "before the first message"
            self.report.problem(after, f"the JSON cannot be read ({_short(exc)})")
        if not saw_messages and not self.report.problems:
            raise ExportFormatError(
                f"{self.report.file}: no 'messages' list: not a Telegram chat export"
            )

    # -- one chat ---------------------------------------------------------

    def _chat(self, header: dict[str, Any]) -> Chat:
        raw_id = header.get("id")
        name = header.get("name") if isinstance(header.get("name"), str) else None
        ctype = header.get("type") if isinstance(header.get("type"), str) else None
        if isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool):
            chat = Chat("telegram", str(int(raw_id)), name, ctype)
        else:
            self.report.problem("chat header", "the chat has no numeric id; its name stands in")
            chat = Chat("telegram", f"name:{name or 'unnamed'}", name, ctype, "chat name")
        self.chats.append(chat)
        return chat

    # -- one message ------------------------------------------------------

    def _message(self, raw: Any, chat: Chat, seen: dict[int, int]) -> Message | None:
        if not isinstance(raw, dict):
            self.report.problem(f"chat {chat.chat_id}", "a message entry is not an object")
            return None
        mid = raw.get("id")
        if not isinstance(mid, (int, float)) or isinstance(mid, bool):
            shown = repr(mid)[:40]
            self.report.problem(f"chat {chat.chat_id}", f"a message without a numeric id ({shown})")
            return None
        mid = int(mid)
        where = f"message {mid}"
        fingerprint = hash((raw.get("date_unixtime"), str(raw.get("text"))[:2000]))
        if mid in seen:
            same = seen[mid] == fingerprint
            self.report.problem(
                where,
                "duplicated message id in chat "
                + chat.chat_id
                + ("; identical copy skipped" if same else "; differing copy NOT recorded"),
            )
            return None
        seen[mid] = fingerprint
        sent = self._time(raw, "date", "date_unixtime", where)
        if sent is None:
            self.report.problem(where, "no readable date")
        edited = self._time(raw, "edited", "edited_unixtime", where)
        text, links = _flatten(raw.get("text_entities", raw.get("text", "")))
        text, cut = clip(text)
        if cut:
            self.report.problem(where, "text longer than we keep; the rest is in the export file")
        kind = raw.get("type")
        service = None
        author, author_id = _str(raw.get("from")), _str(raw.get("from_id"))
        if kind == "service":
            author, author_id = _str(raw.get("actor")), _str(raw.get("actor_id"))
            service = ServiceEvent(
                action=_str(raw.get("action")) or "custom",
                actor=author,
                members=tuple(_str(m) or "" for m in raw.get("members") or () if m is not None),
                title=_str(raw.get("title")),
                target_message_id=_id(raw.get("message_id")),
                text=_str(raw.get("information_text")),
            )
        elif kind == "unsupported":
            service = ServiceEvent(action="unsupported", text="not supported by the exporter")
        forwarded = raw.get("forwarded_from", None)
        if "forwarded_from" in raw and forwarded is None:
            forwarded = ""
        reply = _id(raw.get("reply_to_message_id"))
        if reply and raw.get("reply_to_peer_id") is not None:
            reply = f"{raw['reply_to_peer_id']}/{reply}"
        return Message(
            chat=chat,
            message_id=str(mid),
            where=where,
            sent=sent,
            author=author,
            author_id=author_id,
            edited=edited,
            forwarded_from=_str(forwarded) if forwarded != "" else "",
            reply_to=reply,
            text=text,
            links=links,
            service=service,
            location=_location(raw),
            media=self._media(raw, where),
        )

    def _time(self, raw: dict[str, Any], key: str, unix_key: str, where: str) -> MessageTime | None:
        rendered = raw.get(key)
        local = None
        if isinstance(rendered, str):
            try:
                local = datetime.fromisoformat(rendered[:19])
            except ValueError:
                self.report.problem(where, f"unreadable {key} {rendered[:40]!r}")
            if local is not None and local.tzinfo is not None:
                local = local.replace(tzinfo=None)
        unix = raw.get(unix_key)
        utc = None
        if unix is not None:
            try:
                seconds = int(unix)
                if not _MIN_TS <= seconds <= _MAX_TS:
                    raise ValueError
                utc = datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
            except (TypeError, ValueError):
                self.report.problem(where, f"implausible {unix_key} {str(unix)[:40]!r}")
        if utc is not None and local is not None:
            minutes = round((local - utc).total_seconds() / 60)
            if abs(minutes) <= 18 * 60:
                return MessageTime(local, minutes, SOURCE, str(rendered))
            self.report.problem(where, f"{key} and {unix_key} disagree by more than a day")
            return MessageTime(utc, 0, SOURCE, str(unix))
        if utc is not None:
            return MessageTime(utc, 0, SOURCE, str(unix))
        if local is not None:  # exports before 2021 have no unixtime: offset unknown
            return MessageTime(local, None, SOURCE, str(rendered))
        return None

    def _media(self, raw: dict[str, Any], where: str) -> tuple[MediaRef, ...]:
        found: list[MediaRef] = []
        for key, kind in (("photo", "photo"), ("file", None), ("contact_vcard", "contact_vcard")):
            value = raw.get(key)
            if not isinstance(value, str) or not value:
                continue
            kind = kind or _str(raw.get("media_type")) or "file"
            missing = value if value.startswith("(") and value.endswith(")") else None
            ref, problem = media_ref(kind, value, self.base, missing, _str(raw.get("mime_type")))
            if problem:
                self.report.problem(where, f"{key}: {problem}")
            found.append(ref)
        return tuple(found)


def _flatten(value: Any) -> tuple[str, tuple[str, ...]]:
    """Plain text of Telegram's text parts, and every link address in them."""
    if isinstance(value, str):
        return value, ()
    if not isinstance(value, list):
        return "", ()
    parts: list[str] = []
    links: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            text = part.get("text")
            text = text if isinstance(text, str) else ""
            parts.append(text)
            kind = part.get("type")
            if kind in _LINK_TYPES:
                href = part.get("href") if kind == "text_link" else text
                if isinstance(href, str) and href and href not in links:
                    links.append(href)
    return "".join(parts), tuple(links)


def _location(raw: dict[str, Any]) -> Location | None:
    info = raw.get("location_information")
    if not isinstance(info, dict):
        return None
    lat, lon = _number(info.get("latitude")), _number(info.get("longitude"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Location(
        lat,
        lon,
        _str(raw.get("place_name")),
        _str(raw.get("address")),
        live="live_location_period_seconds" in raw,
    )


def _number(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _id(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, str) and value.isdigit():
        return value
    return None


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__
