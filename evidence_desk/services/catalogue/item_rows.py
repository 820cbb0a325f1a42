"""Items as documented JSON, and a quick read-only path for ``list`` and ``show``.

``item_json`` builds the documented item (docs/item-json.md) from anything
with the item's attributes: an ORM ``Item`` or a row read here. The quick
path reads plain rows over a bare DB-API connection (``db.readonly``,
``db.queries.item_rows``) — no ORM, no schema check through Alembic —
because ``list`` on 100,000 items spent 13 s building ORM objects and a
second importing the database layer. It serves archives already at this
version's schema, encrypted ones too (unlocked with the passphrase first);
anything else (missing, older, damaged) goes the full way, which upgrades or
explains.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from evidence_desk.core.crypto import layout
from evidence_desk.db.queries import item_rows as rows
from evidence_desk.db.readonly import connect_read_only
from evidence_desk.services.archive.errors import ItemNotFound
from evidence_desk.services.archive.location import DB_NAME

EXHIBIT_RE = re.compile(r"^(?:ED-?)?(\d{1,9})$", re.IGNORECASE)
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
HEX_RE = re.compile(r"^[0-9a-f]{6,64}$", re.IGNORECASE)


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
        "title_publishable": bool(item.title_publishable),  # stored 0/1 in a raw row
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


def _parse_time(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _namespace(values: dict[str, Any], times: tuple[str, ...]) -> SimpleNamespace:
    for name in times:
        values[name] = _parse_time(values[name])
    return SimpleNamespace(**values)


class QuickReader:
    """A read-only snapshot of an archive at this version's schema (``db.readonly``)."""

    def __init__(self, conn: Any) -> None:
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
        zones: dict[int | None, str] = {}
        for number, kind, sha256, local, offset, title in rows.summary_rows(
            self.conn, include_removed
        ):
            captured = None
            if local is not None:
                zone = zones.get(offset)
                if zone is None:
                    zone = zones.setdefault(offset, _offset_text(offset))
                captured = _local_iso(local) + zone
            yield f"ED-{number:06d}", kind, sha256, captured, title

    def items(self, include_removed: bool = False) -> list[dict[str, Any]]:
        """Every item as documented JSON, in exhibit order (three queries, not one per item)."""
        return self._json("all" if include_removed else "active")

    def item(self, ref: str) -> dict[str, Any]:
        """One item by exhibit number, UUID or SHA-256 prefix, as ``items.resolve`` finds it."""
        ref = ref.strip()
        if m := EXHIBIT_RE.match(ref):
            found = self._json("exhibit", int(m.group(1)))
            if not found and HEX_RE.match(ref):
                found = self._json("sha256_prefix", ref.lower())
        elif UUID_RE.match(ref):
            found = self._json("uuid", ref.lower())
        elif HEX_RE.match(ref):
            found = self._json("sha256_prefix", ref.lower())
        else:
            raise ItemNotFound(f"{ref!r} is not an exhibit number, UUID or SHA-256 prefix")
        if not found:
            raise ItemNotFound(f"no item {ref}")
        if len(found) > 1:
            raise ItemNotFound(f"{ref} matches several items; give more digits")
        return found[0]

    def _json(self, lookup: rows.Lookup, value: object = None) -> list[dict[str, Any]]:
        found = rows.item_records(self.conn, lookup, value)
        result = []
        for values in found.items:
            item = _namespace(values, _ITEM_TIMES)
            sources = [_namespace(s, _SOURCE_TIMES) for s in found.sources.get(item.id, ())]
            result.append(item_json(item, sources, found.tags.get(item.id, ())))
        return result


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


# Anything in keys/ beyond these (a conversion in progress, a lost key file) means the
# full open, which explains.
_PLAIN_KEY_FILES = layout.PLAIN_FILES
_ENCRYPTED_KEY_FILES = layout.ENCRYPTED_FILES


def _key_files(keys: Path) -> set[str] | None:
    try:
        return {entry.name for entry in keys.iterdir()}
    except FileNotFoundError:
        return set()
    except OSError:
        return None


def quick_reader(root: Path, passphrase: Callable[[], str] | None = None) -> QuickReader | None:
    """A reader for ``root``, or None when the full open is needed (missing, other schema).

    An encrypted archive is unlocked with ``passphrase`` (asked only then) the
    way the full open does it, with the same errors; without one it takes the
    full open, which says a passphrase is needed.
    """
    folder = Path(root).expanduser()
    path = folder / DB_NAME
    names = _key_files(folder / "keys")
    if not path.is_file() or names is None:
        return None
    key = None
    if not names <= _PLAIN_KEY_FILES:
        if passphrase is None or layout.KEYFILE not in names:
            return None
        if not names <= _ENCRYPTED_KEY_FILES:
            return None
        # The archive services (and SQLAlchemy with them) only for an encrypted archive,
        # whose key derivation costs more than loading them.
        from evidence_desk.services.archive.archive import unlock_keys

        keys = unlock_keys(folder, passphrase)
        key = keys.database if keys is not None else None
    conn = connect_read_only(path, key)
    return QuickReader(conn) if conn is not None else None
