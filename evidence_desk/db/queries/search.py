"""The full-text indexes: ``item_search`` (one document per item, rowid = item id) and
``case_search`` (incidents, persons, testimonies and items' case context).

The services decide what goes into a document and what a person's words
mean; this module stores and matches them. The index itself is SQLite FTS5
(created by migrations 0001 and 0002); its syntax comes from ``db.dialect``.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from evidence_desk.db import dialect

NO_LIMIT = dialect.NO_LIMIT


def put_item_document(
    session: Session, item_id: int, title: str, body: str, *, new: bool = False
) -> None:
    """Index (or re-index) one item; ``new`` skips removing a previous document."""
    if not new:
        session.execute(text("DELETE FROM item_search WHERE rowid = :id"), {"id": item_id})
    session.execute(
        text("INSERT INTO item_search(rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": item_id, "title": title, "body": body},
    )


def matching_items_clause(param: str) -> str:
    """A WHERE condition on ``items`` for the full-text query bound to ``:param``."""
    return f"items.id IN ({dialect.fts_matching_rowids('item_search', param)})"


def matching_rowids_in_order(param: str, descending: bool = False) -> str:
    """A SELECT of the ids (column ``id``) of items whose document matches ``:param``, in id
    order: the index's own order, so no sort."""
    return dialect.fts_rowids_in_order("item_search", param, descending)


def match_items(session: Session, query: str, limit: int = NO_LIMIT) -> list[int]:
    """Ids of items whose document matches ``query``, best first."""
    rows = session.execute(
        text(dialect.fts_ranked("item_search", "rowid", "q")), {"q": query, "limit": limit}
    )
    return [int(r[0]) for r in rows]


def put_case_document(
    session: Session, rowid: int, record: str, record_id: int, title: str, body: str
) -> None:
    session.execute(
        text(
            "INSERT INTO case_search(rowid, record, record_id, title, body) "
            "VALUES (:rowid, :record, :id, :title, :body)"
        ),
        {"rowid": rowid, "record": record, "id": record_id, "title": title, "body": body},
    )


def drop_case_document(session: Session, rowid: int) -> None:
    session.execute(text("DELETE FROM case_search WHERE rowid = :rowid"), {"rowid": rowid})


def clear_case_documents(session: Session) -> None:
    session.execute(text("DELETE FROM case_search"))


def match_case_records(
    session: Session, query: str, records: tuple[str, ...], limit: int = NO_LIMIT
) -> list[int]:
    """Ids of case records of the given kinds matching ``query``, best first, once each."""
    names = ", ".join(f":r{i}" for i in range(len(records)))
    params: dict[str, object] = {"q": query, "limit": limit}
    params.update({f"r{i}": r for i, r in enumerate(records)})
    rows = session.execute(
        text(dialect.fts_ranked("case_search", "record_id", "q", f"record IN ({names})")),
        params,
    )
    return list(dict.fromkeys(int(r[0]) for r in rows))
