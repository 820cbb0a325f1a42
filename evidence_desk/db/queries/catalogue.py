"""The catalogue's reads: ordered ids, batches of rows, counts and facets.

Written as SQL text rather than ORM statements because these run on every
scroll and filter change at 100,000 items: the id list goes through the
driver's cursor directly, and the row and facet queries read narrow indexes
(migrations 0003 and 0009: every sort walks an index of stored keys). What is
SQLite's own comes from ``db.dialect``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from evidence_desk.db import dialect
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
    clauses, params = _where(filters, fts)
    column = SORT_COLUMN[sort_key]
    if sort_key in _EMPTY_LAST:
        extra = f", {column} IS NULL"
    elif sort_key == "sensitivity":
        extra = f", {column}"
    else:
        extra = ""
    simple = not extra
    direction = " DESC" if descending and simple else ""
    keys = [column] if sort_key == "exhibit" else [column, "items.exhibit_no"]
    order = ", ".join(key + direction for key in keys)
    source = "items"
    if "fts" in params and "sha_prefix" not in params and sort_key == "exhibit":
        # Search hits put in order from a narrow index; the planner would read wide rows.
        source = f"items {dialect.indexed_by(ID_ORDER_INDEX[0])}"
    sql = f"SELECT items.id{extra} FROM {source} WHERE {' AND '.join(clauses)} ORDER BY {order}"
    if limit is not None and simple:
        sql += f" LIMIT {int(limit)}"
    # The driver's cursor directly: for 100,000 ids the ORM's row processing
    # would cost more than the query itself.
    rows = dialect.driver_connection(session).execute(sql, params).fetchall()
    if simple:
        return [row[0] for row in rows]
    ids = _arrange(rows, sort_key, descending)
    return ids[:limit] if limit is not None else ids


def _arrange(rows: list[Any], sort_key: str, descending: bool) -> list[int]:
    """Rows in ascending key order (NULLs first, as SQLite gives them) to display order."""
    groups: dict[int, list[int]] = {}
    if sort_key == "sensitivity":
        for item_id, value in rows:
            groups.setdefault(SENSITIVITY_RANK.get(value, 2), []).append(item_id)
    else:  # empty values last, whichever the direction
        nulls = sum(1 for _id, is_null in rows if is_null)
        groups[0] = [row[0] for row in rows[nulls:]]
        groups[1] = [row[0] for row in rows[:nulls]]
    ordered: list[int] = []
    ranks = sorted(groups)
    if descending and sort_key == "sensitivity":
        ranks.reverse()
    for rank in ranks:
        ordered.extend(groups[rank][::-1] if descending else groups[rank])
    return ordered


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

    Every query reads the narrow ``ix_items_facets`` index or ``item_tags``,
    never the wide item rows: tag counts are taken over all items and the
    (usually few) removed items are subtracted.
    """
    facets_index = dialect.indexed_by("ix_items_facets")
    # Grouped in the index's own order (no temporary B-tree: 5x faster at a million
    # items); the removed items are a short range of the same index.
    rows: list[Any] = list(
        session.execute(
            text(
                f"SELECT 0, kind, sensitivity, count(*) FROM items {facets_index} "
                "WHERE removed_at IS NULL GROUP BY kind, sensitivity"
            )
        )
    )
    rows += session.execute(
        text(f"SELECT 1, '', '', count(*) FROM items {facets_index} WHERE removed_at IS NOT NULL")
    ).all()
    tag_rows = session.execute(
        text(
            "SELECT t.name, counts.n - coalesce(gone.n, 0) FROM tags t "
            "JOIN (SELECT tag_id, count(*) AS n FROM item_tags GROUP BY tag_id) counts "
            "  ON counts.tag_id = t.id "
            "LEFT JOIN (SELECT it.tag_id, count(*) AS n FROM item_tags it "
            f"  WHERE it.item_id IN (SELECT id FROM items {facets_index} "
            "                       WHERE removed_at IS NOT NULL) "
            "  GROUP BY it.tag_id) gone ON gone.tag_id = t.id"
        )
    ).all()
    return list(rows), list(tag_rows)


def tag_names(session: Session) -> list[str]:
    return [r[0] for r in session.execute(text("SELECT name FROM tags"))]
