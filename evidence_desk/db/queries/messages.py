"""The full-text index of chat messages (``message_search``, rowid = message id).

Created by migration 0005. The services decide what a message's document
holds (text, author, forward origin, chat name, Latin spellings); this module
stores and matches them, with the syntax of ``db.dialect``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from evidence_desk.db import dialect

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
