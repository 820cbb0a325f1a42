"""Importing a bundle's chat-message records (``data/metadata/messages.json``).

Runs inside import's one write transaction, after the items are in, so a
bundle's messages arrive with its items or not at all. Chats merge by
(platform, chat id) and messages by (chat, message id), as at ingest, so a
message both archives recorded from the same export is one record. A
redacted bundle withholds chat ids: its chats are keyed by the bundle and the
chat's reference in it, and are never merged with anything else.

Every message record must point into a preserved file. When the bundle
carries the chat export file, that is it; otherwise the record points at the
first file the message carried, and ``export_where`` says that the record
came from a bundle and where the sender's record pointed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models_messages import Chat, ChatMessage, IncidentMessage, MessageItem
from evidence_desk.db.queries import chat_records
from evidence_desk.db.queries import messages as message_queries
from evidence_desk.services.archive.archive import utcnow
from evidence_desk.services.case.translit import latin_words


@dataclass
class MessagesImport:
    added: int = 0
    known: int = 0
    skipped: int = 0  # none of its files came with the bundle
    media_links: int = 0
    incident_links: int = 0


def _when(value: str | None) -> tuple[datetime | None, int | None, datetime | None]:
    """Wall-clock reading, offset in minutes and UTC instant of an ISO 8601 time."""
    if not value:
        return None, None, None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed, None, None
    offset = parsed.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else None
    return parsed.replace(tzinfo=None), minutes, parsed.astimezone(UTC).replace(tzinfo=None)


def import_messages(
    session: Session,
    document: dict[str, Any],
    items: dict[str, int],
    bundle_uuid: str,
) -> MessagesImport:
    """Add the records of ``document``; ``items`` maps the sender's item UUIDs to local ids."""
    result = MessagesImport()
    chats: dict[str, int] = {}
    keys: dict[int, dict[str, int]] = {}  # chat -> message key -> record id, loaded once
    documents: list[tuple[int, str, str]] = []
    known_chats = {c["ref"]: c for c in document["chats"]}
    now = utcnow()
    for record in document["messages"]:
        media = [(m, items[m["id"]]) for m in record["media"] if m["id"] in items]
        export = items.get(record.get("export") or "")
        anchor = export if export is not None else (media[0][1] if media else None)
        if anchor is None:
            result.skipped += 1
            continue
        chat = known_chats.get(record["chat"])
        if chat is None:
            raise ValueError(f"messages.json: message refers to unknown chat {record['chat']!r}")
        chat_id = chats.get(chat["ref"])
        if chat_id is None:
            chat_id = chats[chat["ref"]] = _chat(session, chat, bundle_uuid, now)
            keys[chat_id] = chat_records.message_keys(session, chat_id)
        message_id = keys[chat_id].get(record["message_id"])
        have: set[int] = set()
        if message_id is None:
            message_id = _message(session, record, chat_id, export, anchor, bundle_uuid, now)
            keys[chat_id][record["message_id"]] = message_id
            documents.append((message_id, chat.get("name") or "", _document(record, chat)))
            result.added += 1
        else:
            result.known += 1
            have = chat_records.media_of(session, message_id)
        for ref, item_id in media:
            if item_id in have:
                continue
            have.add(item_id)
            session.add(
                MessageItem(
                    message_id=message_id,
                    item_id=item_id,
                    position=ref.get("position") or 0,
                    media_kind=(ref.get("media_kind") or "file")[:24],
                    export_path=ref.get("export_path") or "(withheld in the bundle)",
                )
            )
            result.media_links += 1
        for incident_uuid in record.get("incidents") or []:
            incident_id = chat_records.incident_id(session, incident_uuid)
            if incident_id is None:
                continue  # an incident neither in the bundle nor here
            if session.get(IncidentMessage, (incident_id, message_id)) is not None:
                continue
            session.add(
                IncidentMessage(
                    incident_id=incident_id, message_id=message_id, note="", created_at=now
                )
            )
            result.incident_links += 1
    message_queries.put_message_documents(session, documents)
    session.flush()
    return result


def _chat(session: Session, chat: dict[str, Any], bundle_uuid: str, now: datetime) -> int:
    if chat.get("chat_id"):
        key, source = chat["chat_id"], chat["chat_id_source"]
    else:
        key = f"bundle:{bundle_uuid}:{chat['ref']}"
        source = f"received in bundle {bundle_uuid}; the chat id was withheld"
    row = chat_records.chat_by_key(session, chat["platform"], key)
    if row is None:
        row = Chat(
            platform=chat["platform"],
            chat_key=key,
            key_source=source,
            name=chat.get("name"),
            chat_type=chat.get("chat_type"),
            first_recorded_at=now,
        )
        session.add(row)
        session.flush()
    return row.id


def _message(
    session: Session,
    r: dict[str, Any],
    chat_id: int,
    export: int | None,
    anchor: int,
    bundle_uuid: str,
    now: datetime,
) -> int:
    """Insert one message record; its id."""
    local, offset, utc = _when(r.get("sent_at"))
    edited, edited_offset, _ = _when(r.get("edited_at"))
    where = r["export_where"]
    if export is None:
        where = f"received in bundle {bundle_uuid}; the sender's record: {where}"[:1000]
    loc = r.get("location")
    row = ChatMessage(
        chat_id=chat_id,
        message_key=r["message_id"],
        key_source=r["message_id_source"],
        kind=r["kind"],
        author=r.get("author"),
        author_id=r.get("author_id"),
        sent_local=local,
        sent_offset_min=offset,
        sent_utc=utc,
        sent_sort=utc or local,
        sent_source=r.get("sent_at_source"),
        sent_offset_source=r.get("sent_at_offset_source") if offset is not None else None,
        sent_raw=None,
        edited_local=edited,
        edited_offset_min=edited_offset,
        forwarded_from=r.get("forwarded_from"),
        reply_to=r.get("reply_to"),
        text=r["text"],
        links_json=json.dumps(r.get("links") or [], ensure_ascii=False),
        service_json=json.dumps(r["service"], ensure_ascii=False) if r.get("service") else None,
        location_lat=loc["latitude"] if loc else None,
        location_lon=loc["longitude"] if loc else None,
        location_json=json.dumps(
            {k: loc.get(k) for k in ("place_name", "address", "live")}, ensure_ascii=False
        )
        if loc
        else None,
        media_missing_json=json.dumps(r.get("media_missing") or [], ensure_ascii=False),
        export_item_id=anchor,
        export_where=where,
        batch_uuid=bundle_uuid,
        recorded_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def _document(r: dict[str, Any], chat: dict[str, Any]) -> str:
    parts = [r["text"], r.get("author") or "", r.get("forwarded_from") or ""]
    service = r.get("service") or {}
    parts += [str(service.get("text") or ""), str(service.get("title") or "")]
    body = "\n".join(p for p in parts if p)
    latin = latin_words(f"{chat.get('name') or ''}\n{body}")
    return f"{body}\n{latin}" if latin else body
