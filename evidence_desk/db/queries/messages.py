"""The full-text index of chat messages (``message_search``, rowid = message id).

Created by migration 0007. The services decide what a message's document
holds (text, author, forward origin, chat name, Latin spellings); this module
stores and matches them, with the syntax of ``db.dialect``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, cast, func, select, text
from sqlalchemy.orm import Session

from evidence_desk.db import dialect
from evidence_desk.db.models_messages import ChatMessage

NO_LIMIT = dialect.NO_LIMIT


def put_message_documents(session: Session, documents: Sequence[tuple[int, str, str]]) -> None:
    """Index new messages: (message id, title, body) each, in one statement."""
    if documents:
        session.execute(
            text("INSERT INTO message_search(rowid, title, body) VALUES (:id, :title, :body)"),
            [{"id": i, "title": title, "body": body} for i, title, body in documents],
        )


def match_messages(session: Session, query: str, limit: int = NO_LIMIT) -> list[int]:
    """Ids of messages whose document matches ``query``, best first."""
    rows = session.execute(
        text(dialect.fts_ranked("message_search", "rowid", "q")), {"q": query, "limit": limit}
    )
    return [int(r[0]) for r in rows]


def items_of_matching_messages(session: Session, query: str, limit: int = NO_LIMIT) -> list[int]:
    """Ids of items carried by messages matching ``query`` (a photo found by its caption)."""
    ids = match_messages(session, query, limit)
    found: list[int] = []
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        marks = ", ".join(f":m{n}" for n in range(len(part)))
        rows = session.execute(
            text(f"SELECT item_id FROM message_items WHERE message_id IN ({marks})"),
            {f"m{n}": mid for n, mid in enumerate(part)},
        )
        found += [int(r[0]) for r in rows]
    return list(dict.fromkeys(found))


def _bounded(
    stmt: Any, start: datetime | None, end: datetime | None, chat_ids: list[int] | None
) -> Any:
    stmt = stmt.where(ChatMessage.sent_sort.is_not(None))
    if start is not None:
        stmt = stmt.where(ChatMessage.sent_sort >= start)
    if end is not None:
        stmt = stmt.where(ChatMessage.sent_sort < end)
    if chat_ids is not None:
        stmt = stmt.where(ChatMessage.chat_id.in_(chat_ids))
    return stmt


def sent_buckets(
    session: Session, start: datetime, end: datetime, buckets: int, chat_ids: list[int] | None
) -> list[int]:
    """Messages sent in each of ``buckets`` equal slices of [start, end), counted by SQLite
    (one aggregate row per slice, however many messages there are)."""
    width_s = (end - start).total_seconds() / buckets
    origin = start.isoformat(sep=" ")
    # julianday is a float of days: round to milliseconds so 3000 s is not 2999.9999 s
    seconds = func.round(
        (func.julianday(ChatMessage.sent_sort) - func.julianday(origin)) * 86400.0, 3
    )
    bucket = cast(seconds / width_s, Integer)
    stmt = _bounded(select(bucket, func.count()), start, end, chat_ids).group_by(bucket)
    counts = [0] * buckets
    for index, count in session.execute(stmt):
        counts[min(max(int(index or 0), 0), buckets - 1)] += int(count)
    return counts


def sent_days(
    session: Session, start: datetime | None, end: datetime | None, chat_ids: list[int] | None
) -> list[tuple[int, str, int]]:
    """(chat id, day, messages) for every chat and day with messages, in day order."""
    day = func.date(ChatMessage.sent_sort)
    stmt = _bounded(select(ChatMessage.chat_id, day, func.count()), start, end, chat_ids)
    rows = session.execute(
        stmt.group_by(ChatMessage.chat_id, day).order_by(day, ChatMessage.chat_id)
    )
    return [(int(c), str(d), int(n)) for c, d, n in rows]
