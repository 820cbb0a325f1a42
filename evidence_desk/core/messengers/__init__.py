"""Chat exports (Telegram Desktop JSON and HTML, WhatsApp text) as typed records.

Pure parsing: no database, no Qt. ``open_export`` + ``detect`` find the
export in a folder, zip or file; ``chat_readers`` yields one reader per chat
file, each an iterator of :class:`Message` with a :class:`ParseReport`;
``check_media`` marks references to files the export does not contain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import BinaryIO

from evidence_desk.core.bagit_read import BagReader
from evidence_desk.core.messengers.detect import (
    ChatFiles,
    ExportOpenError,
    ExportPlan,
    detect,
    open_export,
)
from evidence_desk.core.messengers.model import (
    Chat,
    ChatReader,
    ExportFormatError,
    Location,
    MediaRef,
    Message,
    MessageTime,
    ParseReport,
    Problem,
    ServiceEvent,
)
from evidence_desk.core.messengers.telegram_html import ChatState, TelegramHtmlReader
from evidence_desk.core.messengers.telegram_json import TelegramJsonReader
from evidence_desk.core.messengers.timezone import StatedZone, apply_zone, parse_zone
from evidence_desk.core.messengers.whatsapp import WhatsAppReader

MISSING_FROM_EXPORT = "referenced by the export but not in it"

__all__ = [
    "Chat",
    "ChatFiles",
    "ChatReader",
    "ExportFormatError",
    "ExportOpenError",
    "ExportPlan",
    "Location",
    "MediaRef",
    "Message",
    "MessageTime",
    "ParseReport",
    "Problem",
    "ServiceEvent",
    "StatedZone",
    "TelegramHtmlReader",
    "TelegramJsonReader",
    "WhatsAppReader",
    "apply_zone",
    "chat_readers",
    "check_media",
    "detect",
    "open_export",
    "parse_zone",
]


def chat_readers(
    reader: BagReader, plan: ExportPlan, date_order: str | None = None
) -> Iterator[ChatReader]:
    """One message reader per export file, in order (HTML pages of a chat
    share the chat and carry a joined author across pages)."""
    for chat in plan.chats:
        if plan.fmt == "whatsapp_txt":
            name = chat.files[0]
            yield WhatsAppReader(
                _opener(reader, name), name, chat.chat_name or name, chat.base, date_order
            )
        elif plan.fmt == "telegram_json":
            name = chat.files[0]
            yield TelegramJsonReader(reader.open(name), name, chat.base)
        else:
            state = ChatState()
            for name in chat.files:
                yield TelegramHtmlReader(_opener(reader, name), name, chat.base, state)


def _opener(reader: BagReader, name: str) -> Callable[[], BinaryIO]:
    return lambda: reader.open(name)


def check_media(message: Message, files: Mapping[str, int], report: ParseReport) -> Message:
    """``message`` with references to files absent from the export marked missing."""
    if not message.media or all(m.path is None or m.path in files for m in message.media):
        return message
    media = []
    for ref in message.media:
        if ref.path is not None and ref.path not in files:
            report.problem(message.where, f"{ref.path}: {MISSING_FROM_EXPORT}")
            ref = replace(ref, path=None, missing_reason=f"{ref.path} {MISSING_FROM_EXPORT}")
        media.append(ref)
    return replace(message, media=tuple(media))
