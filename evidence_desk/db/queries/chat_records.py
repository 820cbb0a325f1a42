"""Recording chat messages: finding a chat and its known message ids, numbering and
inserting new messages in bulk, linking them to items — for a messenger export taken in
and for the message records of a bundle.

The ids of new messages are handed out here rather than returned by the insert
(RETURNING with many rows is ten times slower); that is safe only inside the
writer's transaction, which holds the database's write lock from ``BEGIN
IMMEDIATE`` to commit (``db.engine``), so nobody else can take them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Base
from evidence_desk.db.models_case import Incident
from evidence_desk.db.models_messages import Chat, ChatMessage, MessageItem

_MESSAGES = Base.metadata.tables["chat_messages"]


def chat_by_key(session: Session, platform: str, chat_key: str) -> Chat | None:
    """The chat a platform knows by ``chat_key``, if recorded."""
    return session.scalars(
        select(Chat).where(Chat.platform == platform, Chat.chat_key == chat_key)
    ).first()


def message_keys(session: Session, chat_id: int) -> dict[str, int]:
    """The platform's message id -> record id, of every message recorded in a chat."""
    found = session.execute(
        select(ChatMessage.message_key, ChatMessage.id).where(ChatMessage.chat_id == chat_id)
    )
    return {key: mid for key, mid in found}


def insert_messages(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert messages (``chat_messages`` columns, without ``id``) in one executemany;
    returns their new ids, in order. Call inside the writer's transaction only."""
    first = (session.scalar(select(func.max(ChatMessage.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    for mid, row in zip(ids, rows, strict=True):
        row["id"] = mid
    # Core executemany: the ORM's bulk insert splits rows into many statements.
    session.connection().execute(insert(_MESSAGES), list(rows))
    return ids


def media_links(session: Session, message_ids: Collection[int]) -> set[tuple[int, int]]:
    """(message id, item id) of every item these messages already carry."""
    found = session.execute(
        select(MessageItem.message_id, MessageItem.item_id).where(
            MessageItem.message_id.in_(message_ids)
        )
    )
    return {(mid, iid) for mid, iid in found}


def media_of(session: Session, message_id: int) -> set[int]:
    """Ids of the items a message carries."""
    return set(
        session.scalars(select(MessageItem.item_id).where(MessageItem.message_id == message_id))
    )


def insert_media_links(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Link items to messages (``message_items`` columns), in one statement."""
    if rows:
        session.execute(insert(MessageItem), list(rows))


def missing_media_count(session: Session, batch_uuid: str) -> int:
    """Messages of an import batch that name files the export did not contain."""
    found = session.scalar(
        select(func.count()).where(
            ChatMessage.batch_uuid == batch_uuid, ChatMessage.media_missing_json != "[]"
        )
    )
    return int(found or 0)


def incident_id(session: Session, uuid: object) -> int | None:
    """The id of the incident with this UUID (a bundle's field: anything)."""
    return session.scalar(select(Incident.id).where(Incident.uuid == uuid))
