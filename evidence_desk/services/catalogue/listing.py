"""The queries behind the desktop catalogue.

A catalogue of 100,000 items stays responsive because the views never hold
items: they ask for the ordered list of matching ids (one indexed query, run
in a worker) and then for small batches of rows by id as they scroll. Rows
leave this module as frozen dataclasses so they can cross threads.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from evidence_desk.db.models import format_exhibit
from evidence_desk.db.sort_keys import ID_ORDER_INDEX
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.settings import settings_path
from evidence_desk.services.catalogue.search_index import fts_query

SORT_KEYS = (
    "exhibit",
    "title",
    "kind",
    "captured",
    "received_from",
    "tags",
    "sensitivity",
    "size",
    "sha256",
    "warnings",
)
_FIRST_SOURCE = (
    "(SELECT s.received_from FROM sources s WHERE s.item_id = items.id ORDER BY s.id LIMIT 1)"
)
# Each sort walks the index (removed_at, column, exhibit_no) of db/sort_keys.py: the
# query is always ascending, and empty values (NULL, which SQLite puts first) moved
# last, a reversal for descending order and the sensitivity ranks are done on the ids.
_SORT_COLUMN = {
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


@dataclass(frozen=True)
class Filters:
    """What the researcher asked to see; empty fields do not filter."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    tag: str | None = None
    captured_from: date | None = None
    captured_to: date | None = None
    has_gps: bool | None = None
    sensitivity: str | None = None
    has_warnings: bool | None = None
    removed: bool = False

    def is_default(self) -> bool:
        return self == Filters()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kinds"] = list(self.kinds)
        for key in ("captured_from", "captured_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Filters:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["kinds"] = tuple(values.get("kinds") or ())
        for key in ("captured_from", "captured_to"):
            if values.get(key):
                values[key] = date.fromisoformat(values[key])
        return cls(**values)


@dataclass(frozen=True)
class Sort:
    key: str = "exhibit"
    descending: bool = False


@dataclass(frozen=True)
class CatalogueRow:
    """One catalogue line, everything the table and grid show."""

    id: int
    uuid: str
    exhibit: str
    title: str
    kind: str
    mime_type: str
    captured_local: datetime | None
    captured_offset_min: int | None
    captured_source: str | None
    received_from: str
    tags: tuple[str, ...]
    sensitivity: str
    size: int
    sha256: str
    warnings: int
    has_thumbnail: bool
    has_gps: bool
    removed: bool


@dataclass(frozen=True)
class Facets:
    """Counts for the sidebar: what there is to filter by."""

    total: int
    removed: int
    kinds: list[tuple[str, int]] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    sensitivities: list[tuple[str, int]] = field(default_factory=list)


def _where(filters: Filters) -> tuple[list[str], dict[str, Any]]:
    clauses = ["items.removed_at IS NOT NULL" if filters.removed else "items.removed_at IS NULL"]
    params: dict[str, Any] = {}
    query = fts_query(filters.text)
    if query:
        params["fts"] = query
        match = "items.id IN (SELECT rowid FROM item_search WHERE item_search MATCH :fts)"
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


def query_ids(
    archive: Archive,
    filters: Filters = Filters(),
    sort: Sort = Sort(),
    limit: int | None = None,
) -> list[int]:
    """Ids of the matching items in display order (ties broken by exhibit number).

    ``limit`` gives just the first rows, so a window can paint before the
    whole list of a large archive is read.
    """
    if sort.key not in _SORT_COLUMN:
        raise ValueError(f"unknown sort key {sort.key!r}")
    clauses, params = _where(filters)
    column = _SORT_COLUMN[sort.key]
    if sort.key in _EMPTY_LAST:
        extra = f", {column} IS NULL"
    elif sort.key == "sensitivity":
        extra = f", {column}"
    else:
        extra = ""
    simple = not extra
    direction = " DESC" if sort.descending and simple else ""
    keys = [column] if sort.key == "exhibit" else [column, "items.exhibit_no"]
    order = ", ".join(key + direction for key in keys)
    source = "items"
    if "fts" in params and "sha_prefix" not in params and sort.key == "exhibit":
        source = f"items INDEXED BY {ID_ORDER_INDEX[0]}"  # the planner would read wide rows
    sql = f"SELECT items.id{extra} FROM {source} WHERE {' AND '.join(clauses)} ORDER BY {order}"
    if limit is not None and simple:
        sql += f" LIMIT {int(limit)}"
    with archive.db.reader() as session:
        # The driver's cursor directly: for 100,000 ids the ORM's row processing
        # would cost more than the query itself.
        raw = session.connection().connection.driver_connection
        rows = raw.execute(sql, params).fetchall()
    if simple:
        return [row[0] for row in rows]
    ids = _arrange(rows, sort)
    return ids[:limit] if limit is not None else ids


def _arrange(rows: list[tuple[int, Any]], sort: Sort) -> list[int]:
    """Rows in ascending key order (NULLs first, as SQLite gives them) to display order."""
    groups: dict[int, list[int]] = {}
    if sort.key == "sensitivity":
        for item_id, value in rows:
            groups.setdefault(SENSITIVITY_RANK.get(value, 2), []).append(item_id)
    else:  # empty values last, whichever the direction
        nulls = sum(1 for _id, is_null in rows if is_null)
        groups[0] = [row[0] for row in rows[nulls:]]
        groups[1] = [row[0] for row in rows[:nulls]]
    ordered: list[int] = []
    ranks = sorted(groups)
    if sort.descending and sort.key == "sensitivity":
        ranks.reverse()
    for rank in ranks:
        ordered.extend(groups[rank][::-1] if sort.descending else groups[rank])
    return ordered


def count_items(archive: Archive, *, removed: bool = False) -> int:
    with archive.db.reader() as session:
        op = "IS NOT NULL" if removed else "IS NULL"
        return session.execute(
            text(f"SELECT count(*) FROM items WHERE removed_at {op}")
        ).scalar_one()


_ROW_SQL = f"""
SELECT items.id, items.uuid, items.exhibit_no, items.title, items.kind, items.mime_type,
       items.captured_local, items.captured_offset_min, items.captured_source,
       {_FIRST_SOURCE}, items.sensitivity, items.size, items.sha256,
       json_array_length(items.warnings_json), items.has_thumbnail,
       items.gps_lat IS NOT NULL, items.removed_at IS NOT NULL
FROM items WHERE items.id IN ({{ids}})
"""


def _parse_dt(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def fetch_rows(archive: Archive, ids: Sequence[int]) -> dict[int, CatalogueRow]:
    """Rows for the given ids (a batch of a few hundred); unknown ids are absent."""
    result: dict[int, CatalogueRow] = {}
    if not ids:
        return result
    with archive.db.reader() as session:
        for start in range(0, len(ids), 900):
            chunk = [int(i) for i in ids[start : start + 900]]
            id_list = ",".join(map(str, chunk))
            tags: dict[int, list[str]] = {}
            tag_sql = (
                "SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id "
                f"WHERE it.item_id IN ({id_list}) ORDER BY t.name"
            )
            for item_id, name in session.execute(text(tag_sql)):
                tags.setdefault(item_id, []).append(name)
            for r in session.execute(text(_ROW_SQL.format(ids=id_list))):
                result[r[0]] = CatalogueRow(
                    id=r[0],
                    uuid=r[1],
                    exhibit=format_exhibit(r[2]),
                    title=r[3],
                    kind=r[4],
                    mime_type=r[5],
                    captured_local=_parse_dt(r[6]),
                    captured_offset_min=r[7],
                    captured_source=r[8],
                    received_from=r[9] or "",
                    tags=tuple(tags.get(r[0], ())),
                    sensitivity=r[10],
                    size=r[11],
                    sha256=r[12],
                    warnings=r[13] or 0,
                    has_thumbnail=bool(r[14]),
                    has_gps=bool(r[15]),
                    removed=bool(r[16]),
                )
    return result


def facets(archive: Archive) -> Facets:
    """Kinds, tags and sensitivities with their counts among active items.

    Every query reads the narrow ``ix_items_facets`` index or ``item_tags``,
    never the wide item rows: tag counts are taken over all items and the
    (usually few) removed items are subtracted.
    """
    with archive.db.reader() as session:
        # Grouped in the index's own order (no temporary B-tree: 5x faster at a million
        # items); the removed items are a short range of the same index.
        rows = session.execute(
            text(
                "SELECT 0, kind, sensitivity, count(*) FROM items INDEXED BY ix_items_facets "
                "WHERE removed_at IS NULL GROUP BY kind, sensitivity"
            )
        ).all()
        rows += session.execute(
            text(
                "SELECT 1, '', '', count(*) FROM items INDEXED BY ix_items_facets "
                "WHERE removed_at IS NOT NULL"
            )
        ).all()
        tag_rows = session.execute(
            text(
                "SELECT t.name, counts.n - coalesce(gone.n, 0) FROM tags t "
                "JOIN (SELECT tag_id, count(*) AS n FROM item_tags GROUP BY tag_id) counts "
                "  ON counts.tag_id = t.id "
                "LEFT JOIN (SELECT it.tag_id, count(*) AS n FROM item_tags it "
                "  WHERE it.item_id IN (SELECT id FROM items INDEXED BY ix_items_facets "
                "                       WHERE removed_at IS NOT NULL) "
                "  GROUP BY it.tag_id) gone ON gone.tag_id = t.id"
            )
        ).all()
    kinds: Counter[str] = Counter()
    sens: Counter[str] = Counter()
    total = removed = 0
    for is_removed, kind, sensitivity, count in rows:
        if is_removed:
            removed += count
            continue
        total += count
        kinds[kind] += count
        sens[sensitivity] += count
    tag_list = sorted(((n, c) for n, c in tag_rows if c > 0), key=lambda nc: nc[0].casefold())
    return Facets(
        total=total,
        removed=removed,
        kinds=sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0])),
        tags=tag_list,
        sensitivities=list(sens.items()),
    )


def tag_names(archive: Archive) -> list[str]:
    with archive.db.reader() as session:
        names = [r[0] for r in session.execute(text("SELECT name FROM tags"))]
    return sorted(names, key=str.casefold)


def tag_snapshot(archive: Archive, ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Current tags of many items, so a bulk change can be undone exactly."""
    return {i: row.tags for i, row in fetch_rows(archive, list(ids)).items()}


# Saved searches live in their own small file beside the settings, so they
# survive settings rewrites by other front ends.


@dataclass(frozen=True)
class SavedSearch:
    name: str
    filters: Filters


def _saved_path() -> Path:
    return settings_path().with_name("saved_searches.json")


def load_saved_searches() -> list[SavedSearch]:
    try:
        data = json.loads(_saved_path().read_text(encoding="utf-8"))
        return [SavedSearch(d["name"], Filters.from_json(d["filters"])) for d in data]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def save_saved_searches(searches: Iterable[SavedSearch]) -> None:
    path = _saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [{"name": s.name, "filters": s.filters.to_json()} for s in searches]
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
