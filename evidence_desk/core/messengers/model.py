"""What a chat export says about each message, as plain typed values.

A court asks who posted, in which chat, when, and what was attached; an export
answers in one of several shapes (Telegram JSON or HTML, WhatsApp text from
Android or iOS). Every parser in this package reduces its shape to these
values, so the importer, the tests and the bundle writer see one model.

Times follow the rest of the archive (see ``core.capture_time``): the naive
wall-clock time the export shows plus the UTC offset when it is known. A
WhatsApp line has no offset at all; we never invent one here -- the caller
applies the zone the user stated and records that it did.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

PLATFORMS = ("telegram", "whatsapp")
FORMATS = ("telegram_json", "telegram_html", "whatsapp_txt")

# Media kinds, named after Telegram's exporter where it has a name.
MEDIA_KINDS = (
    "photo",
    "video_file",
    "video_message",
    "voice_message",
    "audio_file",
    "animation",
    "sticker",
    "file",
    "contact_vcard",
    "unknown",
)


class ExportFormatError(Exception):
    """The file is not an export we can read at all; the message names the file."""


@dataclass(frozen=True)
class Problem:
    """Something in the export we could not take as it stood.

    ``where`` points into the export file: ``"line 12"``, ``"message 345"``
    or ``"byte 1024"``, so a person can open the file and look.
    """

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


@dataclass(frozen=True)
class Chat:
    """One conversation. ``chat_id`` is the platform's id when the export has
    one (Telegram JSON); otherwise a stable stand-in and ``id_source`` says so."""

    platform: str
    chat_id: str
    name: str | None
    chat_type: str | None = None
    id_source: str = "export"


@dataclass(frozen=True)
class MessageTime:
    """Wall-clock time as the export shows it, and its UTC offset when known."""

    local: datetime
    offset_minutes: int | None
    source: str
    raw: str = ""

    def __post_init__(self) -> None:
        if self.local.tzinfo is not None:
            raise ValueError("MessageTime.local must be naive wall-clock time")

    def utc(self) -> datetime | None:
        """Naive UTC instant, or None when the offset is unknown."""
        if self.offset_minutes is None:
            return None
        return self.local - timedelta(minutes=self.offset_minutes)


@dataclass(frozen=True)
class MediaRef:
    """A file the message carried.

    ``path`` is relative to the export's root (POSIX separators) when the file
    should be in the export; ``missing_reason`` holds the export's own words
    when it left the file out ("File not included…", "<Media omitted>"), or
    our reason when the reference is unusable (an unsafe path).
    """

    kind: str
    path: str | None
    missing_reason: str | None = None
    mime_type: str | None = None

    @property
    def missing(self) -> bool:
        return self.path is None


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    place_name: str | None = None
    address: str | None = None
    live: bool = False


@dataclass(frozen=True)
class ServiceEvent:
    """A line the platform wrote, not a person: a group created, a member
    joined, a message pinned, the encryption notice."""

    action: str
    actor: str | None = None
    members: tuple[str, ...] = ()
    title: str | None = None
    target_message_id: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Message:
    """One message, with the pointer back into the export (``where``)."""

    chat: Chat
    message_id: str
    where: str
    sent: MessageTime | None
    author: str | None = None
    author_id: str | None = None
    edited: MessageTime | None = None
    forwarded_from: str | None = None
    reply_to: str | None = None
    text: str = ""
    links: tuple[str, ...] = ()
    service: ServiceEvent | None = None
    location: Location | None = None
    media: tuple[MediaRef, ...] = ()
    id_source: str = "export"

    @property
    def platform(self) -> str:
        return self.chat.platform

    @property
    def is_service(self) -> bool:
        return self.service is not None


@dataclass
class ParseReport:
    """What a parser met besides messages: problems, and how it decided things
    the export does not state (the date order of a WhatsApp file)."""

    file: str
    fmt: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    messages: int = 0
    max_problems: int = 1000
    dropped_problems: int = 0

    def problem(self, where: str, message: str) -> None:
        """Record a problem, keeping at most ``max_problems`` (a hostile file
        could otherwise fill memory with complaints)."""
        if len(self.problems) < self.max_problems:
            self.problems.append(Problem(self.file, where, message))
        else:
            self.dropped_problems += 1


class ChatReader(Protocol):
    """What every parser is: an iterable of messages with a report of problems."""

    report: ParseReport

    def __iter__(self) -> Iterator[Message]: ...
