"""Writing parsed chat messages into the archive: rows, search, media links.

Messages arrive by the thousand; each batch is one write transaction with
bulk inserts (rows, then their full-text documents), so a 100,000-message
export records in seconds and an interruption leaves whole messages only.
Keys already in the archive (the same export again, an overlapping later
export) are skipped, but their media are still linked, so a re-run
completes an import that stopped before its files were ingested.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.core.capture_time import SOURCES, source_rank
from evidence_desk.core.messengers import Chat as ParsedChat
from evidence_desk.core.messengers import Message, MessageTime
from evidence_desk.db.models import Item
from evidence_desk.db.models_messages import Chat
from evidence_desk.db.queries import chat_records
from evidence_desk.db.queries import messages as message_queries
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.case.translit import latin_words


@dataclass(frozen=True)
class PendingMedia:
    """A file to link to a recorded message once it is an item."""

    message_id: int
    position: int
    path: str
    kind: str
    sent: MessageTime | None
    offset_source: str | None
    label: str  # "chat «X», message 12", for the item's time note


@dataclass
class ChatTally:
    platform: str
    name: str | None
    chat_key: str
    new: int = 0
    known: int = 0


@dataclass
class Recorder:
    """Keeps chat ids and known message keys for the length of one import."""

    archive: Archive
    batch_uuid: str
    chats: dict[ParsedChat, int] = field(default_factory=dict)
    keys: dict[int, dict[str, int]] = field(default_factory=dict)
    tallies: dict[int, ChatTally] = field(default_factory=dict)
    pending: list[PendingMedia] = field(default_factory=list)

    def record(
        self, session: Session, batch: list[tuple[Message, str | None, int]]
    ) -> tuple[int, int]:
        """Insert the new messages of ``batch`` (message, offset source, export
        item id); returns (new, already known)."""
        rows: list[dict[str, Any]] = []
        fresh: list[tuple[Message, str | None, int]] = []
        known = 0
        now = utcnow()
        for msg, offset_source, export_item in batch:
            chat_id = self._chat_id(session, msg.chat)
            keys = self.keys[chat_id]
            existing = keys.get(msg.message_id)
            if existing is not None:
                known += 1
                self.tallies[chat_id].known += 1
                if existing > 0:  # -1: repeated within this batch, queued with the first
                    self._queue_media(existing, msg, offset_source)
                continue
            keys[msg.message_id] = -1  # a repeat within this batch is known too
            rows.append(_row(msg, chat_id, offset_source, export_item, self.batch_uuid, now))
            fresh.append((msg, offset_source, export_item))
            self.tallies[chat_id].new += 1
        if not rows:
            return 0, known
        # Ids given here rather than returned by the insert (RETURNING with many
        # rows is ten times slower): the writer holds the database's write lock
        # from BEGIN IMMEDIATE to commit, so nobody else can take these ids.
        ids = chat_records.insert_messages(session, rows)
        message_queries.put_message_documents(
            session,
            [
                (mid, msg.chat.name or "", _document(msg))
                for mid, (msg, _, _) in zip(ids, fresh, strict=True)
            ],
        )
        for mid, row, (msg, offset_source, _) in zip(ids, rows, fresh, strict=True):
            self.keys[row["chat_id"]][msg.message_id] = mid
            self._queue_media(mid, msg, offset_source)
        return len(ids), known

    def _chat_id(self, session: Session, chat: ParsedChat) -> int:
        if chat in self.chats:
            return self.chats[chat]
        row = chat_records.chat_by_key(session, chat.platform, chat.chat_id)
        if row is None:
            row = Chat(
                platform=chat.platform,
                chat_key=chat.chat_id,
                key_source=chat.id_source,
                name=chat.name,
                chat_type=chat.chat_type,
                first_recorded_at=utcnow(),
            )
            session.add(row)
            session.flush()
        self.chats[chat] = row.id
        self.keys[row.id] = chat_records.message_keys(session, row.id)
        self.tallies[row.id] = ChatTally(chat.platform, chat.name, chat.chat_id)
        return row.id

    def _queue_media(self, message_id: int, msg: Message, offset_source: str | None) -> None:
        label = f"chat «{msg.chat.name or msg.chat.chat_id}», {msg.where}"
        for position, ref in enumerate(msg.media):
            if ref.path is not None:
                self.pending.append(
                    PendingMedia(
                        message_id, position, ref.path, ref.kind, msg.sent, offset_source, label
                    )
                )


def link_media(
    session: Session, archive: Archive, links: list[tuple[PendingMedia, int]]
) -> tuple[int, int]:
    """Link items to messages; give an item the message time when it knows
    nothing better. Returns (links made, item times set)."""
    if not links:
        return 0, 0
    message_ids = {p.message_id for p, _ in links}
    have = chat_records.media_links(session, message_ids)
    rows = []
    timed = 0
    for pending, item_id in links:
        if (pending.message_id, item_id) in have:
            continue
        have.add((pending.message_id, item_id))
        rows.append(
            {
                "message_id": pending.message_id,
                "item_id": item_id,
                "position": pending.position,
                "media_kind": pending.kind[:24],
                "export_path": pending.path,
            }
        )
        if pending.sent is not None:
            timed += _maybe_time(session, archive, item_id, pending)
    chat_records.insert_media_links(session, rows)
    return len(rows), timed


def _maybe_time(session: Session, archive: Archive, item_id: int, p: PendingMedia) -> int:
    """The message time becomes the item's best-known time only if nothing better exists."""
    item = session.get(Item, item_id)
    sent = p.sent
    if item is None or sent is None:
        return 0
    if item.captured_source is not None:
        if item.captured_source not in SOURCES:
            return 0  # a source we do not rank (from a received bundle): keep it
        if source_rank(item.captured_source) <= source_rank(sent.source):
            return 0
    before = item.captured_source
    item.captured_local = sent.local
    item.captured_offset_min = sent.offset_minutes
    item.captured_utc = sent.utc()
    item.captured_sort = sent.utc() or sent.local
    item.captured_source = sent.source
    item.captured_precision = "second"
    offset = p.offset_source or "offset unknown"
    item.captured_note = f"sent in {p.label} ({offset})"
    session.flush()
    custody.append(
        session,
        archive,
        custody_chain.METADATA_MODIFICATION,
        item=item,
        details={
            "field": "captured_at",
            "source": sent.source,
            "replaces_source": before,
            "value": (sent.local.isoformat(), sent.offset_minutes),
            "reason": f"file sent in {p.label}",
        },
    )
    return 1


def _row(
    msg: Message,
    chat_id: int,
    offset_source: str | None,
    export_item: int,
    batch: str,
    now: datetime,
) -> dict[str, Any]:
    sent, edited = msg.sent, msg.edited
    service = msg.service
    loc = msg.location
    missing = [{"kind": m.kind, "reason": m.missing_reason} for m in msg.media if m.missing]
    return {
        "chat_id": chat_id,
        "message_key": msg.message_id,
        "key_source": msg.id_source,
        "kind": "service" if service else "message",
        "author": msg.author,
        "author_id": msg.author_id,
        "sent_local": sent.local if sent else None,
        "sent_offset_min": sent.offset_minutes if sent else None,
        "sent_utc": sent.utc() if sent else None,
        "sent_sort": (sent.utc() or sent.local) if sent else None,
        "sent_source": sent.source if sent else None,
        "sent_offset_source": offset_source if sent and sent.offset_minutes is not None else None,
        "sent_raw": sent.raw if sent else None,
        "edited_local": edited.local if edited else None,
        "edited_offset_min": edited.offset_minutes if edited else None,
        "forwarded_from": msg.forwarded_from,
        "reply_to": msg.reply_to,
        "text": msg.text,
        "links_json": json.dumps(list(msg.links), ensure_ascii=False),
        "service_json": json.dumps(
            {
                "action": service.action,
                "actor": service.actor,
                "members": list(service.members),
                "title": service.title,
                "target_message_id": service.target_message_id,
                "text": service.text,
            },
            ensure_ascii=False,
        )
        if service
        else None,
        "location_lat": loc.latitude if loc else None,
        "location_lon": loc.longitude if loc else None,
        "location_json": json.dumps(
            {"place_name": loc.place_name, "address": loc.address, "live": loc.live},
            ensure_ascii=False,
        )
        if loc
        else None,
        "media_missing_json": json.dumps(missing, ensure_ascii=False),
        "export_item_id": export_item,
        "export_where": msg.where,
        "batch_uuid": batch,
        "recorded_at": now,
    }


def _document(msg: Message) -> str:
    parts = [msg.text, msg.author or "", msg.forwarded_from or ""]
    if msg.service is not None:
        parts += [msg.service.text or "", msg.service.title or "", *msg.service.members]
    if msg.location is not None:
        parts += [msg.location.place_name or "", msg.location.address or ""]
    body = "\n".join(p for p in parts if p)
    latin = latin_words(f"{msg.chat.name or ''}\n{body}")
    return f"{body}\n{latin}" if latin else body
