"""Reading recorded chat messages: lists, one message, search, an item's messages.

Each record answers the questions a court asks of a message: platform, chat,
id, author, when it was sent (ISO 8601 with the offset, and who established
the offset), edits, forwards, replies, text, the exhibits of its files, the
files the export left out, and the place in the preserved export file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core.capture_time import format_offset
from evidence_desk.db.models import format_exhibit
from evidence_desk.db.models_messages import ChatMessage
from evidence_desk.db.queries import chats as chat_queries
from evidence_desk.db.queries import item_lookup
from evidence_desk.db.queries import messages as message_queries
from evidence_desk.db.queries.chats import MessageQuery
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.search import fts_query


class MessageNotFound(EvidenceDeskError):
    pass


@dataclass(frozen=True)
class MessageRecord:
    id: int
    platform: str
    chat: str | None
    chat_id: str
    chat_type: str | None
    message_id: str
    message_id_source: str
    kind: str
    author: str | None
    author_id: str | None
    sent_at: str | None
    sent_at_source: str | None
    sent_at_offset_source: str
    edited_at: str | None
    forwarded_from: str | None
    reply_to: str | None
    text: str
    links: list[str]
    service: dict[str, Any] | None
    location: dict[str, Any] | None
    media: list[str]
    media_missing: list[dict[str, Any]]
    export: str
    export_where: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _iso(local: datetime | None, offset: int | None) -> str | None:
    if local is None:
        return None
    return local.isoformat() + (format_offset(offset) if offset is not None else "")


def _record(row: ChatMessage, exhibits: dict[int, int]) -> MessageRecord:
    chat = row.chat
    location = None
    if row.location_lat is not None:
        location = {"latitude": row.location_lat, "longitude": row.location_lon}
        location.update(json.loads(row.location_json or "{}"))
    return MessageRecord(
        id=row.id,
        platform=chat.platform,
        chat=chat.name,
        chat_id=chat.chat_key,
        chat_type=chat.chat_type,
        message_id=row.message_key,
        message_id_source=row.key_source,
        kind=row.kind,
        author=row.author,
        author_id=row.author_id,
        sent_at=_iso(row.sent_local, row.sent_offset_min),
        sent_at_source=row.sent_source,
        sent_at_offset_source=(
            row.sent_offset_source or "export"
            if row.sent_offset_min is not None
            else "offset unknown"
        ),
        edited_at=_iso(row.edited_local, row.edited_offset_min),
        forwarded_from=row.forwarded_from,
        reply_to=row.reply_to,
        text=row.text,
        links=json.loads(row.links_json),
        service=json.loads(row.service_json) if row.service_json else None,
        location=location,
        media=[format_exhibit(exhibits[m.item_id]) for m in row.media if m.item_id in exhibits],
        media_missing=json.loads(row.media_missing_json),
        export=format_exhibit(exhibits.get(row.export_item_id, 0)),
        export_where=row.export_where,
    )


def _records(session: Session, query: MessageQuery) -> list[MessageRecord]:
    rows = chat_queries.messages(session, query)
    wanted = {m.item_id for r in rows for m in r.media} | {r.export_item_id for r in rows}
    exhibits = item_lookup.exhibit_numbers(session, list(wanted))
    return [_record(r, exhibits) for r in rows]


def list_messages(
    archive: Archive,
    *,
    chat: str | None = None,
    author: str | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> list[MessageRecord]:
    """Messages by chat and time; ``chat`` matches a chat's name or id exactly."""
    with archive.db.reader() as session:
        chat_ids: list[int] | None = None
        if chat:
            chat_ids = chat_queries.chat_ids_named(session, chat)
            if not chat_ids:
                raise MessageNotFound(f"no chat named {chat!r} in this archive")
        ids = search_ids(session, search) if search else None
        query = MessageQuery(chat_ids=chat_ids, author=author or None, ids=ids, limit=limit)
        return _records(session, query)


def get_message(archive: Archive, ref: str, chat: str | None = None) -> MessageRecord:
    """One message by record id, or by its platform message id within ``chat``."""
    with archive.db.reader() as session:
        if chat:
            chat_ids = chat_queries.chat_ids_named(session, chat)
            query = MessageQuery(chat_ids=chat_ids, message_key=ref, ordered=False, limit=2)
        elif ref.isdigit():
            query = MessageQuery(ids=[int(ref)], ordered=False, limit=2)
        else:
            raise MessageNotFound(f"{ref!r}: give a record id, or --chat and the message id")
        found = _records(session, query)
        if not found:
            raise MessageNotFound(f"no message {ref!r}" + (f" in chat {chat!r}" if chat else ""))
        if len(found) > 1:
            raise MessageNotFound(f"message {ref!r} is in several chats named {chat!r}; use the id")
        return found[0]


def messages_for_item(archive: Archive, item_id: int) -> list[MessageRecord]:
    """The messages that carried an item (one photo forwarded into two chats: two)."""
    with archive.db.reader() as session:
        return _records(session, MessageQuery(carrying_item=item_id))


def search_ids(session: Session, user_text: str, limit: int = -1) -> list[int]:
    """Message ids whose text, author, origin or chat matches, best first."""
    query = fts_query(user_text)
    return message_queries.match_messages(session, query, limit) if query else []


def search_messages(archive: Archive, user_text: str, limit: int = 5000) -> list[MessageRecord]:
    with archive.db.reader() as session:
        ids = search_ids(session, user_text, limit)
        by_id = {r.id: r for r in _records(session, MessageQuery(ids=ids, ordered=False))}
        return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class ChatSummary:
    id: int
    platform: str
    name: str | None
    chat_key: str
    chat_type: str | None
    messages: int
    authors: tuple[str, ...]


def list_chats(archive: Archive) -> list[ChatSummary]:
    """Every chat with its message count and authors, by name."""
    with archive.db.reader() as session:
        counts = chat_queries.message_counts(session)
        authors: dict[int, list[str]] = {}
        for cid, author in chat_queries.chat_authors(session):
            authors.setdefault(cid, []).append(author)
        chats = chat_queries.chats_by_name(session)
        return [
            ChatSummary(
                c.id,
                c.platform,
                c.name,
                c.chat_key,
                c.chat_type,
                counts.get(c.id, 0),
                tuple(authors.get(c.id, ())),
            )
            for c in chats
        ]


def chat_messages(
    archive: Archive,
    chat_id: int,
    *,
    author: str | None = None,
    search: str | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[MessageRecord]:
    """The messages of one chat (by its record id) in time order, optionally narrowed.

    Days are those of the time as the chat showed it (its wall-clock reading).
    """
    with archive.db.reader() as session:
        query = MessageQuery(
            chat_ids=[chat_id],
            author=author or None,
            local_from=None if first_day is None else datetime.combine(first_day, time()),
            local_before=(
                None if last_day is None else datetime.combine(last_day + timedelta(days=1), time())
            ),
            ids=search_ids(session, search) if search and search.strip() else None,
        )
        return _records(session, query)


def thumbnails(archive: Archive, exhibits: list[str]) -> dict[str, bytes]:
    """Thumbnails (JPEG bytes, decrypted for an encrypted archive) of the given exhibits
    that have one, by exhibit; read here, in the worker, not on the GUI thread."""
    numbers = {int(e.split("-")[-1]): e for e in exhibits if e.split("-")[-1].isdigit()}
    found: dict[str, bytes] = {}
    with archive.db.reader() as session:
        for number, sha in item_lookup.thumbnail_digests(session, list(numbers)):
            if (jpeg := archive.read_thumbnail(sha)) is not None:
                found[numbers[number]] = jpeg
    return found
