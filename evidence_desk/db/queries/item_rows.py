"""Items read as plain rows over a bare DB-API connection (``db.readonly``).

``list`` and ``show`` print items without the ORM: building 100,000 ORM
objects took 13 s. The queries are narrow (a summary of each item in exhibit
order) or read one item's row with its sources and tags, all three in one
snapshot. Rows come back as dictionaries of column values as stored
(times as text); the services shape them into the documented JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

ITEM_COLUMNS = (
    "id, uuid, exhibit_no, kind, title, title_publishable, description, notes, sensitivity, "
    "sha256, size, mime_type, captured_local, captured_offset_min, captured_utc, captured_source, "
    "captured_precision, captured_note, gps_lat, gps_lon, gps_alt, device_make, device_model, "
    "width, height, duration_s, phash, ingested_at, tool_version, host, metadata_json, "
    "warnings_json, removed_at"
)
SOURCE_COLUMNS = (
    "item_id, original_path, original_path_bytes, original_name, received_from, method, "
    "collector, acquired_at, notes, fs_mtime, fs_birthtime, recorded_at, host, batch_uuid"
)
CHUNK = 900  # ids per IN (…) list: under SQLite's old limit of 999 parameters

# How ``item_records`` finds items: every active one (or every one), or one by a key.
Lookup = Literal["active", "all", "exhibit", "uuid", "sha256_prefix"]
_WHERE: dict[str, str] = {
    "active": " WHERE removed_at IS NULL ORDER BY exhibit_no",
    "all": " ORDER BY exhibit_no",
    "exhibit": " WHERE exhibit_no = ?",
    "uuid": " WHERE uuid = ?",
    "sha256_prefix": " WHERE sha256 LIKE ? LIMIT 2",
}


@dataclass
class ItemRecords:
    """Item rows in the order asked, and their sources (receipt order) and tag names."""

    items: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    tags: dict[int, list[str]] = field(default_factory=dict)


def summary_rows(
    conn: Any, include_removed: bool = False
) -> Iterator[tuple[int, str, str, str | None, int | None, str]]:
    """(exhibit_no, kind, sha256, captured_local, captured_offset_min, title) in exhibit order."""
    where = "" if include_removed else "WHERE removed_at IS NULL "
    yield from conn.execute(
        "SELECT exhibit_no, kind, sha256, captured_local, captured_offset_min, title "
        f"FROM items {where}ORDER BY exhibit_no"
    )


def item_records(conn: Any, lookup: Lookup, value: object = None) -> ItemRecords:
    """The items ``lookup`` finds, with sources and tags, read in one snapshot.

    ``value`` is the exhibit number, the UUID or the SHA-256 prefix (lower
    case, without the ``%``) for the keyed lookups.
    """
    sql = f"SELECT {ITEM_COLUMNS} FROM items{_WHERE[lookup]}"
    params: tuple[object, ...] = ()
    if lookup == "sha256_prefix":
        params = (f"{value}%",)
    elif lookup in ("exhibit", "uuid"):
        params = (value,)
    found = ItemRecords()
    conn.execute("BEGIN")  # one snapshot for items, sources and tags
    try:
        found.items = _dicts(conn.execute(sql, params))
        ids = [row["id"] for row in found.items]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            for source in _dicts(
                conn.execute(
                    f"SELECT {SOURCE_COLUMNS} FROM sources WHERE item_id IN ({marks}) ORDER BY id",
                    chunk,
                )
            ):
                found.sources.setdefault(source["item_id"], []).append(source)
            for item_id, name in conn.execute(
                "SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id "
                f"WHERE it.item_id IN ({marks})",
                chunk,
            ):
                found.tags.setdefault(item_id, []).append(name)
    finally:
        conn.execute("COMMIT")
    return found


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
