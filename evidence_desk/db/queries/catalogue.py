"""The catalogue's reads: ordered ids, batches of rows, counts and facets.

Written as SQL text rather than ORM statements because these run on every
scroll and filter change at a million items: the id list goes through the
driver's cursor directly, aggregated into one value in the database
(``dialect.id_list``: half the cost of a million rows), every sort walks an
index of stored keys (migrations 0003 and 0009) — empty values last and
sensitivity ranks as separate runs of the same index, never sorted in Python —
a search takes its hits in the full-text index's own order while item ids
follow exhibit numbers, and the sidebar reads counts kept by triggers
(migration 0011, ``db/counts.py``). What is SQLite's own comes from
``db.dialect``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from evidence_desk.db import counts, dialect
from evidence_desk.db.queries import integrity, search
from evidence_desk.db.queries.search import matching_items_clause
from evidence_desk.db.sort_keys import ID_ORDER_INDEX

_FIRST_SOURCE = (
    "(SELECT s.received_from FROM sources s WHERE s.item_id = items.id ORDER BY s.id LIMIT 1)"
)
# Each sort walks the index (removed_at, column, exhibit_no) of db/sort_keys.py: the
# query is always ascending, and empty values (NULL, which SQLite puts first) moved
# last, a reversal for descending order and the sensitivity ranks are done on the ids.
SORT_COLUMN = {
    "exhibit": "items.exhibit_no",
    "title": "items.sort_title",
    "kind": "items.kind",
    "captured": "items.captured_sort",
    "received_from": "items.sort_source",
    "tags": "items.sort_tags",
    "sensitivity": "items.sensitivity",
    "size": "items.size",
    "sha256": "items.sha256",
    "warnings": "items.sort_warnings",
}
_EMPTY_LAST = {"captured", "received_from", "tags"}
SENSITIVITY_RANK = {"public": 0, "restricted": 1}  # anything else (confidential) after
_HEX_PREFIX = re.compile(r"^[0-9a-fA-F]{6,64}$")


class FilterValues(Protocol):
    """What a catalogue filter says (``services.catalogue.listing.Filters``)."""

    @property
    def text(self) -> str: ...
    @property
    def kinds(self) -> tuple[str, ...]: ...
    @property
    def tag(self) -> str | None: ...
    @property
    def captured_from(self) -> date | None: ...
    @property
    def captured_to(self) -> date | None: ...
    @property
    def has_gps(self) -> bool | None: ...
    @property
    def sensitivity(self) -> str | None: ...
    @property
    def has_warnings(self) -> bool | None: ...
    @property
    def removed(self) -> bool: ...


def _where(filters: FilterValues, fts: str) -> tuple[list[str], dict[str, Any]]:
    clauses = ["items.removed_at IS NOT NULL" if filters.removed else "items.removed_at IS NULL"]
    params: dict[str, Any] = {}
    if fts:
        params["fts"] = fts
        match = matching_items_clause("fts")
        stripped = filters.text.strip()
        if _HEX_PREFIX.match(stripped):
            params["sha_prefix"] = stripped.lower() + "%"
            match = f"({match} OR items.sha256 LIKE :sha_prefix)"
        clauses.append(match)
    if filters.kinds:
        names = [f"kind{i}" for i in range(len(filters.kinds))]
        clauses.append(f"items.kind IN ({', '.join(':' + n for n in names)})")
        params.update(zip(names, filters.kinds, strict=True))
    if filters.tag:
        params["tag"] = filters.tag
        clauses.append(
            "items.id IN (SELECT it.item_id FROM item_tags it JOIN tags t ON t.id = it.tag_id "
            "WHERE t.name = :tag)"
        )
    if filters.captured_from:
        params["cap_from"] = _sql_datetime(filters.captured_from)
        clauses.append("items.captured_local >= :cap_from")
    if filters.captured_to:
        params["cap_to"] = _sql_datetime(filters.captured_to + timedelta(days=1))
        clauses.append("items.captured_local < :cap_to")
    if filters.has_gps is not None:
        clauses.append("items.gps_lat IS NOT NULL" if filters.has_gps else "items.gps_lat IS NULL")
    if filters.sensitivity:
        params["sensitivity"] = filters.sensitivity
        clauses.append("items.sensitivity = :sensitivity")
    if filters.has_warnings is not None:
        op = "!=" if filters.has_warnings else "="
        clauses.append(f"items.warnings_json {op} '[]'")
    return clauses, params


def _sql_datetime(day: date) -> str:
    """SQLAlchemy stores naive datetimes as ISO text with a space; compare in that form."""
    return f"{day.isoformat()} 00:00:00.000000"


def ordered_ids(
    session: Session,
    filters: FilterValues,
    fts: str,
    sort_key: str,
    descending: bool,
    limit: int | None,
) -> list[int]:
    """Ids of the matching items in display order (ties broken by exhibit number)."""
    if sort_key not in SORT_COLUMN:
        raise ValueError(f"unknown sort key {sort_key!r}")
    conn = dialect.driver_connection(session)
    clauses, params = _where(filters, fts)
    if (
        sort_key == "exhibit"
        and "fts" in params
        and "sha_prefix" not in params
        and len(clauses) == 2  # removed or not, and the text: nothing else to filter by
        and ids_follow_exhibits(conn)
    ):
        hits = _search_in_rowid_order(conn, fts, filters.removed, descending)
        return hits[:limit] if limit is not None else hits
    source = "items"
    if "fts" in params and "sha_prefix" not in params and sort_key == "exhibit":
        # Search hits put in order from a narrow index; the planner would read wide rows.
        source = f"items {dialect.indexed_by(ID_ORDER_INDEX[0])}"
    ids: list[int] = []
    for condition, order in _segments(sort_key, descending):
        where = " AND ".join([*clauses, condition] if condition else clauses)
        sql = f"SELECT items.id AS id FROM {source} WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit) - len(ids)}"
        ids += _id_list(conn, sql, params)
        if limit is not None and len(ids) >= limit:
            break
    return ids


def _segments(sort_key: str, descending: bool) -> list[tuple[str, str]]:
    """(condition, ORDER BY) of each run of the display order, each walking one index.

    Empty values come last whichever the direction, and sensitivity sorts by
    rank (public, restricted, then the rest by name); within a run the key,
    then the exhibit number, ascending or descending.
    """
    way = " DESC" if descending else ""
    column = SORT_COLUMN[sort_key]
    exhibit = f"items.exhibit_no{way}"
    if sort_key == "exhibit":
        return [("", exhibit)]
    if sort_key in _EMPTY_LAST:
        return [
            (f"{column} IS NOT NULL", f"{column}{way}, {exhibit}"),
            (f"{column} IS NULL", exhibit),
        ]
    if sort_key == "sensitivity":
        # The ranked names (constants, no input), then every other name in name order: the
        # ranges below, between and above the ranked names, each a range of the index.
        low, high = sorted(SENSITIVITY_RANK)
        runs = [(f"{column} = '{name}'", exhibit) for name in SENSITIVITY_RANK]
        for others in (
            f"{column} < '{low}'",
            f"{column} > '{low}' AND {column} < '{high}'",
            f"{column} > '{high}'",
        ):
            runs.append((others, f"{column}{way}, {exhibit}"))
        return runs[::-1] if descending else runs
    return [("", f"{column}{way}, {exhibit}")]


def _id_list(conn: Any, sql: str, params: dict[str, Any]) -> list[int]:
    """The ids ``sql`` selects, in its order, aggregated in the database (``dialect.id_list``)."""
    row = conn.execute(dialect.id_list(sql), params).fetchone()
    return dialect.parse_id_list(row[0] if row else None)


def ids_follow_exhibits(conn: Any) -> bool:
    """True while item ids are known to be in exhibit order (``db/counts.py``)."""
    row = conn.execute(
        "SELECT value FROM counters WHERE name = :name", {"name": counts.ORDER_BREAKS}
    ).fetchone()
    return row is not None and row[0] == 0


def _search_in_rowid_order(conn: Any, fts: str, removed: bool, descending: bool) -> list[int]:
    """Search hits in exhibit order without a sort: the index's rowids are item ids, which
    follow exhibit numbers. Removed items (usually few) are taken out, or kept alone."""
    hits = _id_list(conn, search.matching_rowids_in_order("fts", descending), {"fts": fts})
    gone = set(_id_list(conn, _REMOVED_IDS, {}))
    if removed:
        return [i for i in hits if i in gone]
    return [i for i in hits if i not in gone] if gone else hits


_REMOVED_IDS = (
    f"SELECT id FROM items {dialect.indexed_by('ix_items_active_exhibit')} "
    "WHERE removed_at IS NOT NULL"
)


def count_items(session: Session, *, removed: bool) -> int:
    op = "IS NOT NULL" if removed else "IS NULL"
    return int(
        session.execute(text(f"SELECT count(*) FROM items WHERE removed_at {op}")).scalar_one()
    )


_ROW_SQL = f"""
SELECT items.id, items.uuid, items.exhibit_no, items.title, items.kind, items.mime_type,
       items.captured_local, items.captured_offset_min, items.captured_source,
       {_FIRST_SOURCE}, items.sensitivity, items.size, items.sha256,
       {dialect.json_list_length("items.warnings_json")}, items.has_thumbnail,
       items.gps_lat IS NOT NULL, items.removed_at IS NOT NULL, items.duration_s
FROM items WHERE items.id IN ({{ids}})
"""


def row_batch(session: Session, ids: Sequence[int]) -> tuple[dict[int, list[str]], list[Any]]:
    """Tags by item id, and the catalogue columns of the items ``ids`` (at most 900).

    Columns, in order: id, uuid, exhibit_no, title, kind, mime_type,
    captured_local, captured_offset_min, captured_source, first received_from,
    sensitivity, size, sha256, number of warnings, has_thumbnail, has GPS, removed.
    """
    id_list = ",".join(str(int(i)) for i in ids)
    tags: dict[int, list[str]] = {}
    tag_sql = (
        "SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id "
        f"WHERE it.item_id IN ({id_list}) ORDER BY t.name"
    )
    for item_id, name in session.execute(text(tag_sql)):
        tags.setdefault(item_id, []).append(name)
    return tags, list(session.execute(text(_ROW_SQL.format(ids=id_list))))


def facet_counts(session: Session) -> tuple[list[Any], list[Any]]:
    """(removed, kind, sensitivity, count) rows, and (tag, active count) rows.

    Read from the counts the triggers of ``db/counts.py`` keep (a few dozen
    rows), not counted: at a million items counting walked two million index
    entries. Tag counts include removed items, whose (usually few) tags are
    subtracted here.
    """
    rows = list(session.execute(text("SELECT removed, kind, sensitivity, n FROM item_counts")))
    tag_rows = session.execute(
        text(
            "SELECT t.name, counts.n - coalesce(gone.n, 0) FROM tags t "
            "JOIN tag_counts counts ON counts.tag_id = t.id "
            "LEFT JOIN (SELECT it.tag_id, count(*) AS n FROM item_tags it "
            f"  WHERE it.item_id IN ({_REMOVED_IDS}) "
            "  GROUP BY it.tag_id) gone ON gone.tag_id = t.id"
        )
    ).all()
    return [r for r in rows if r[3]], list(tag_rows)


def counted_facets(session: Session) -> tuple[list[Any], list[Any]]:
    """What ``facet_counts`` must equal, counted from the rows themselves (slow: a check)."""
    rows = list(session.execute(text(counts.ITEM_COUNTS_SQL)))
    tag_rows = session.execute(
        text(
            "SELECT t.name, count(*) FROM item_tags it JOIN tags t ON t.id = it.tag_id "
            "JOIN items ON items.id = it.item_id WHERE items.removed_at IS NULL GROUP BY t.name"
        )
    ).all()
    return rows, list(tag_rows)


def tag_names(session: Session) -> list[str]:
    return [r[0] for r in session.execute(text("SELECT name FROM tags"))]


def count_problems(session: Session) -> list[str]:
    """What is wrong with the counts the triggers keep: a trigger missing or altered (the
    database was edited outside Evidence Desk), or counts that differ from the rows."""
    found = [
        f"trigger {name} is {state}"
        for name, state in integrity.trigger_problems(session, counts.TRIGGERS)
    ]
    return found + count_drift(session)


def count_drift(session: Session) -> list[str]:
    """Where the kept counts differ from counting the rows (slow: a check)."""
    found = []
    kept_sql = "SELECT removed, kind, sensitivity, n FROM item_counts WHERE n != 0"
    kept = {tuple(r[:3]): r[3] for r in session.execute(text(kept_sql))}
    rows = {tuple(r[:3]): r[3] for r in session.execute(text(counts.ITEM_COUNTS_SQL))}
    if kept != rows:
        found.append("item counts differ from the items")
    tag_sql = "SELECT tag_id, n FROM tag_counts WHERE n != 0"
    kept_tags = {r[0]: r[1] for r in session.execute(text(tag_sql))}
    if kept_tags != {r[0]: r[1] for r in session.execute(text(counts.TAG_COUNTS_SQL))}:
        found.append("tag counts differ from the tags of items")
    return found


def rebuild_counts(session: Session) -> None:
    """Put the triggers back and count again from the rows (a repair, in a write session).

    The order record starts from the rows as well: 0 only if ids follow exhibits.
    """
    for name in counts.TRIGGERS:
        session.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
    session.execute(text("DELETE FROM item_counts"))
    session.execute(text("DELETE FROM tag_counts"))
    session.execute(text("DELETE FROM counters WHERE name = :n"), {"n": counts.ORDER_BREAKS})
    for sql in (*counts.FILL, *counts.TRIGGERS.values()):
        session.execute(text(sql))
