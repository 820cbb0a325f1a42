"""Items as documented JSON, and a quick read-only path for ``list`` and ``show``.

``item_json`` builds the documented item (docs/item-json.md) from anything
with the item's attributes: an ORM ``Item`` or a row read here. The quick
path reads with ``sqlite3`` alone — no ORM, no schema check through Alembic —
because ``list`` on 100,000 items spent 13 s building ORM objects and a
second importing the database layer. It serves only archives already at this
version's schema and not encrypted; anything else (missing, older, damaged,
encrypted) goes the full way, which upgrades, asks for the passphrase or
explains.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from evidence_desk.db.revision import SCHEMA_HEAD
from evidence_desk.services.archive.errors import ItemNotFound
from evidence_desk.services.archive.location import DB_NAME

EXHIBIT_RE = re.compile(r"^(?:ED-?)?(\d{1,9})$", re.IGNORECASE)
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
HEX_RE = re.compile(r"^[0-9a-f]{6,64}$", re.IGNORECASE)
BUSY_TIMEOUT_S = 30.0


def format_exhibit(number: int) -> str:
    return f"ED-{number:06d}"


def _iso_utc(value: datetime | None) -> str | None:
    return value.replace(tzinfo=UTC).isoformat() if value is not None else None


def captured_at_iso(item: Any) -> str | None:
    if item.captured_local is None:
        return None
    if item.captured_offset_min is None:
        return str(item.captured_local.isoformat())
    tz = timezone(timedelta(minutes=item.captured_offset_min))
    return str(item.captured_local.replace(tzinfo=tz).isoformat())


def item_json(item: Any, sources: Iterable[Any], tags: Iterable[str]) -> dict[str, Any]:
    """The documented JSON of one item; ``sources`` in receipt order."""
    sources = list(sources)
    return {
        "id": item.uuid,
        "exhibit": format_exhibit(item.exhibit_no),
        "kind": item.kind,
        "title": item.title,
        "title_publishable": item.title_publishable,
        "description": item.description,
        "notes": item.notes,
        "sensitivity": item.sensitivity,
        "sha256": item.sha256,
        "size": item.size,
        "mime_type": item.mime_type,
        "original_name": sources[0].original_name if sources else None,
        "captured_at": captured_at_iso(item),
        "captured_at_utc": _iso_utc(item.captured_utc),
        "captured_at_source": item.captured_source,
        "captured_at_offset_known": item.captured_offset_min is not None,
        "captured_at_precision": item.captured_precision,
        "captured_at_note": item.captured_note,
        "gps": (
            {"lat": item.gps_lat, "lon": item.gps_lon, "alt": item.gps_alt}
            if item.gps_lat is not None and item.gps_lon is not None
            else None
        ),
        "device": {"make": item.device_make, "model": item.device_model},
        "width": item.width,
        "height": item.height,
        "duration_s": item.duration_s,
        "phash": item.phash,
        "ingested_at": _iso_utc(item.ingested_at),
        "tool_version": item.tool_version,
        "host": item.host,
        "sources": [
            {
                "original_path": s.original_path,
                "original_path_bytes_hex": s.original_path_bytes.hex()
                if s.original_path_bytes
                else None,
                "original_name": s.original_name,
                "received_from": s.received_from,
                "method": s.method,
                "collector": s.collector,
                "acquired_at": s.acquired_at,
                "notes": s.notes,
                "file_mtime": _iso_utc(s.fs_mtime),
                "file_birthtime": _iso_utc(s.fs_birthtime),
                "recorded_at": _iso_utc(s.recorded_at),
                "host": s.host,
                "batch": s.batch_uuid,
            }
            for s in sources
        ],
        "tags": sorted(tags),
        "warnings": json.loads(item.warnings_json),
        "removed": item.removed_at is not None,
        "metadata": json.loads(item.metadata_json),
    }


# DateTime columns come back from SQLite as text; the ORM would parse them.
_ITEM_TIMES = ("captured_local", "captured_utc", "ingested_at", "removed_at")
_SOURCE_TIMES = ("fs_mtime", "fs_birthtime", "recorded_at")
_ITEM_COLUMNS = (
    "id, uuid, exhibit_no, kind, title, title_publishable, description, notes, sensitivity, "
    "sha256, size, mime_type, captured_local, captured_offset_min, captured_utc, captured_source, "
    "captured_precision, captured_note, gps_lat, gps_lon, gps_alt, device_make, device_model, "
    "width, height, duration_s, phash, ingested_at, tool_version, host, metadata_json, "
    "warnings_json, removed_at"
)
_SOURCE_COLUMNS = (
    "item_id, original_path, original_path_bytes, original_name, received_from, method, "
    "collector, acquired_at, notes, fs_mtime, fs_birthtime, recorded_at, host, batch_uuid"
)


def _parse_time(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _namespace(row: sqlite3.Row, times: tuple[str, ...]) -> SimpleNamespace:
    values = dict(zip(row.keys(), row, strict=True))
    for name in times:
        values[name] = _parse_time(values[name])
    return SimpleNamespace(**values)


class QuickReader:
    """A read-only snapshot of an archive at this version's schema."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> QuickReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def summaries(
        self, include_removed: bool = False
    ) -> Iterator[tuple[str, str, str, str | None, str]]:
        """(exhibit, kind, sha256, captured at, title) in exhibit order: one narrow query."""
        where = "" if include_removed else "WHERE removed_at IS NULL "
        rows = self.conn.execute(
            "SELECT exhibit_no, kind, sha256, captured_local, captured_offset_min, title "
            f"FROM items {where}ORDER BY exhibit_no"
        )
        zones: dict[int | None, str] = {}
        for number, kind, sha256, local, offset, title in rows:
            captured = None
            if local is not None:
                zone = zones.get(offset)
                if zone is None:
                    zone = zones.setdefault(offset, _offset_text(offset))
                captured = _local_iso(local) + zone
            yield f"ED-{number:06d}", kind, sha256, captured, title

    def items(self, include_removed: bool = False) -> list[dict[str, Any]]:
        """Every item as documented JSON, in exhibit order (three queries, not one per item)."""
        where = "" if include_removed else " WHERE removed_at IS NULL"
        return self._json(f"SELECT {_ITEM_COLUMNS} FROM items{where} ORDER BY exhibit_no", ())

    def item(self, ref: str) -> dict[str, Any]:
        """One item by exhibit number, UUID or SHA-256 prefix, as ``items.resolve`` finds it."""
        ref = ref.strip()
        base = f"SELECT {_ITEM_COLUMNS} FROM items WHERE "
        if m := EXHIBIT_RE.match(ref):
            found = self._json(base + "exhibit_no = ?", (int(m.group(1)),))
            if not found and HEX_RE.match(ref):
                found = self._json(base + "sha256 LIKE ? LIMIT 2", (ref.lower() + "%",))
        elif UUID_RE.match(ref):
            found = self._json(base + "uuid = ?", (ref.lower(),))
        elif HEX_RE.match(ref):
            found = self._json(base + "sha256 LIKE ? LIMIT 2", (ref.lower() + "%",))
        else:
            raise ItemNotFound(f"{ref!r} is not an exhibit number, UUID or SHA-256 prefix")
        if not found:
            raise ItemNotFound(f"no item {ref}")
        if len(found) > 1:
            raise ItemNotFound(f"{ref} matches several items; give more digits")
        return found[0]

    def _json(self, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        self.conn.execute("BEGIN")  # one snapshot for items, sources and tags
        named = self.conn.cursor()
        named.row_factory = sqlite3.Row
        try:
            items = [_namespace(r, _ITEM_TIMES) for r in named.execute(sql, params)]
            if not items:
                return []
            sources: dict[int, list[SimpleNamespace]] = {}
            tags: dict[int, list[str]] = {}
            for chunk in _chunks([i.id for i in items], 900):
                marks = ",".join("?" * len(chunk))
                for r in named.execute(
                    f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE item_id IN ({marks}) ORDER BY id",
                    chunk,
                ):
                    sources.setdefault(r["item_id"], []).append(_namespace(r, _SOURCE_TIMES))
                for item_id, name in self.conn.execute(
                    "SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id "
                    f"WHERE it.item_id IN ({marks})",
                    chunk,
                ):
                    tags.setdefault(item_id, []).append(name)
        finally:
            self.conn.execute("COMMIT")
        return [item_json(i, sources.get(i.id, ()), tags.get(i.id, ())) for i in items]


def _chunks(values: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _offset_text(minutes: int | None) -> str:
    if minutes is None:
        return ""
    return datetime(2000, 1, 1, tzinfo=timezone(timedelta(minutes=minutes))).isoformat()[19:]


def _local_iso(stored: str) -> str:
    """``datetime.isoformat()`` of a stored naive time, by slicing the common stored form.

    SQLAlchemy writes ``YYYY-MM-DD HH:MM:SS.ffffff``; anything else is parsed.
    """
    if len(stored) == 26 and stored[10] == " " and stored[19] == ".":
        head = stored[:10] + "T" + stored[11:19]
        return head if stored.endswith("000000") else head + stored[19:]
    return datetime.fromisoformat(stored).isoformat()


# The key files of an unencrypted archive (services.archive.archive's SIGNING_KEY and
# AGE_IDENTITY_PLAIN). Anything else in keys/ (an encrypted archive's key file, a
# conversion in progress) means the full open, which asks for the passphrase.
_PLAIN_KEY_FILES = {"signing-key.pem", "age-identity.txt"}


def _plain_keys(keys: Path) -> bool:
    try:
        return all(entry.name in _PLAIN_KEY_FILES for entry in keys.iterdir())
    except FileNotFoundError:
        return True
    except OSError:
        return False


def quick_reader(root: Path) -> QuickReader | None:
    """A reader for ``root``, or None when the full open is needed (missing, other schema)."""
    folder = Path(root).expanduser()
    path = folder / DB_NAME
    if not path.is_file() or not _plain_keys(folder / "keys"):
        return None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only=ON")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None and row[0] == SCHEMA_HEAD:
            return QuickReader(conn)
    except sqlite3.Error:
        pass
    conn.close()
    return None
