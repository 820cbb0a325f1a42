"""Stored sort keys of items, kept current on every ORM flush.

Sorting a million items by title, first sender or tags cannot fold Unicode
case (SQLite's NOCASE is ASCII only) or look up sources and tags row by row
and still answer within a second, so the folded keys are stored in the item
row and indexed with the default order's tie-breaker (``removed_at``, key,
``exhibit_no``): a sort is then a walk along an index. Every ORM write of a
title, a source or a tag recomputes them here; writers that bypass the ORM
must call ``item_sort_keys`` themselves (migration 0009 fills old archives).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

# (index name, column): each index is (removed_at, column, exhibit_no).
SORT_INDEXES = (
    ("ix_items_sort_title", "sort_title"),
    ("ix_items_sort_source", "sort_source"),
    ("ix_items_sort_tags", "sort_tags"),
    ("ix_items_sort_warnings", "sort_warnings"),
    ("ix_items_sort_kind", "kind"),
    ("ix_items_sort_captured", "captured_sort"),
    ("ix_items_sort_sensitivity", "sensitivity"),
    ("ix_items_sort_size", "size"),
    ("ix_items_sort_sha256", "sha256"),
)
# Search results (ids from the full-text index) are filtered and put in exhibit order
# from this narrow index instead of the wide item rows: 2-3x faster at 100,000+ hits.
ID_ORDER_INDEX = ("ix_items_id_order", ("id", "removed_at", "exhibit_no"))


def fold(text: str | None) -> str | None:
    """Unicode case folding, so "Алматы" and "алматы" sort together."""
    return text.casefold() if text is not None else None


def item_sort_keys(
    title: str, first_received_from: str | None, tag_names: Iterable[str], warnings_json: str
) -> dict[str, Any]:
    """The stored keys of one item (``None`` sorts last whichever the direction)."""
    tags = sorted(tag_names)
    try:
        warnings = json.loads(warnings_json)
        count = len(warnings) if isinstance(warnings, list) else 0
    except (TypeError, ValueError):
        count = 0
    return {
        "sort_title": fold(title or ""),
        "sort_source": fold(first_received_from),
        "sort_tags": fold(", ".join(tags)) if tags else None,
        "sort_warnings": count,
    }


def _refresh(item: Any) -> None:
    sources = item.sources
    keys = item_sort_keys(
        item.title,
        sources[0].received_from if sources else None,
        (t.name for t in item.tags),
        item.warnings_json or "[]",
    )
    for name, value in keys.items():
        if getattr(item, name) != value:
            setattr(item, name, value)


_WATCHED = ("title", "sources", "tags", "warnings_json")


def install(item_class: type, source_class: type) -> None:
    """Recompute the keys of every new or changed item before each flush."""

    @event.listens_for(Session, "before_flush")
    def _keep_sort_keys(session: Session, _context: object, _instances: object) -> None:
        touched = []
        for obj in session.new:
            if isinstance(obj, item_class):
                touched.append(obj)
            elif isinstance(obj, source_class):
                item = getattr(obj, "item", None)
                if item is not None:
                    touched.append(item)
        for obj in session.dirty:
            if isinstance(obj, item_class):
                state = inspect(obj)
                if any(state.attrs[name].history.has_changes() for name in _WATCHED):
                    touched.append(obj)
        for item in {id(i): i for i in touched}.values():
            _refresh(item)
