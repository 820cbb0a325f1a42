"""What the desktop catalogue asks for: filters, sorts, rows, facets, saved searches.

A catalogue of 100,000 items stays responsive because the views never hold
items: they ask for the ordered list of matching ids (one indexed query, run
in a worker) and then for small batches of rows by id as they scroll. Rows
leave this module as frozen dataclasses so they can cross threads. The SQL is
in ``db.queries.catalogue``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from evidence_desk.db.models import format_exhibit
from evidence_desk.db.queries import catalogue as queries
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
    duration_s: float | None = None  # video and audio: shown before anything is opened


@dataclass(frozen=True)
class Facets:
    """Counts for the sidebar: what there is to filter by."""

    total: int
    removed: int
    kinds: list[tuple[str, int]] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    sensitivities: list[tuple[str, int]] = field(default_factory=list)


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
    with archive.db.reader() as session:
        return queries.ordered_ids(
            session, filters, fts_query(filters.text), sort.key, sort.descending, limit
        )


def count_items(archive: Archive, *, removed: bool = False) -> int:
    with archive.db.reader() as session:
        return queries.count_items(session, removed=removed)


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
            tags, rows = queries.row_batch(session, ids[start : start + 900])
            for r in rows:
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
                    duration_s=r[17],
                )
    return result


def facets(archive: Archive) -> Facets:
    """Kinds, tags and sensitivities with their counts among active items."""
    with archive.db.reader() as session:
        rows, tag_rows = queries.facet_counts(session)
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
        names = queries.tag_names(session)
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
