"""Reading recorded chats and their messages (the full-text side is ``queries.messages``).

``MessageQuery`` says which messages are wanted; ``messages`` turns it into one
statement, with each message's chat and media loaded, so the services build
records without a query per message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from evidence_desk.db.models_messages import Chat, ChatMessage, MessageItem


@dataclass(frozen=True)
class MessageQuery:
    """Which messages: every field given narrows the answer (all of them must hold)."""

    ids: Sequence[int] | None = None
    chat_ids: Sequence[int] | None = None
    message_key: str | None = None
    author: str | None = None
    local_from: datetime | None = None  # the chat's wall-clock reading, inclusive
    local_before: datetime | None = None
    carrying_item: int | None = None
    ordered: bool = True  # by chat, then time sent (unknown last), then id
    limit: int | None = None


def chat_ids_named(session: Session, chat: str) -> list[int]:
    """Ids of the chats whose name or platform id is ``chat``."""
    return list(session.scalars(select(Chat.id).where(_named(chat))))


def _named(chat: str) -> Any:
    return (Chat.name == chat) | (Chat.chat_key == chat)


def _statement(q: MessageQuery) -> Select[ChatMessage]:
    stmt = select(ChatMessage)
    if q.ids is not None:
        stmt = stmt.where(ChatMessage.id.in_(list(q.ids)))
    if q.chat_ids is not None:
        stmt = stmt.where(ChatMessage.chat_id.in_(list(q.chat_ids)))
    if q.message_key is not None:
        stmt = stmt.where(ChatMessage.message_key == q.message_key)
    if q.author is not None:
        stmt = stmt.where(ChatMessage.author == q.author)
    if q.local_from is not None:
        stmt = stmt.where(ChatMessage.sent_local >= q.local_from)
    if q.local_before is not None:
        stmt = stmt.where(ChatMessage.sent_local < q.local_before)
    if q.carrying_item is not None:
        linked = select(MessageItem.message_id).where(MessageItem.item_id == q.carrying_item)
        stmt = stmt.where(ChatMessage.id.in_(linked))
    if q.ordered:
        stmt = stmt.order_by(
            ChatMessage.chat_id,
            ChatMessage.sent_sort.is_(None),
            ChatMessage.sent_sort,
            ChatMessage.id,
        )
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    return stmt


def messages(session: Session, query: MessageQuery) -> list[ChatMessage]:
    """The messages ``query`` asks for, each with its chat and media loaded."""
    stmt = _statement(query).options(
        selectinload(ChatMessage.chat), selectinload(ChatMessage.media)
    )
    return list(session.scalars(stmt))


def message_counts(session: Session) -> dict[int, int]:
    """Chat id -> number of messages recorded."""
    rows = session.execute(select(ChatMessage.chat_id, func.count()).group_by(ChatMessage.chat_id))
    return {int(cid): int(n) for cid, n in rows}


def chat_authors(session: Session) -> list[tuple[int, str]]:
    """(chat id, author) once each, authors in order; messages without one left out."""
    rows = session.execute(
        select(ChatMessage.chat_id, ChatMessage.author)
        .where(ChatMessage.author.is_not(None))
        .distinct()
        .order_by(ChatMessage.author)
    )
    return [(int(cid), author or "") for cid, author in rows]


def chats_by_name(session: Session) -> list[Chat]:
    return list(session.scalars(select(Chat).order_by(Chat.name, Chat.id)))
