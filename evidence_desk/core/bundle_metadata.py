"""The metadata files of a bundle: items.json, items.csv, places.geojson, custody.json.

They are written record by record into a file, so their size, not the memory
of the exporting machine, grows with the number of items. JSON is UTF-8 with
indentation a person can read; CSV is UTF-8 with a byte-order mark, which is
what spreadsheet programs need to show non-Latin text correctly.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

CSV_COLUMNS = (
    "exhibit", "id", "title", "kind", "mime_type", "size", "sha256", "bundle_file",
    "bundle_sha256", "captured_at", "captured_at_source", "gps_lat", "gps_lon",
    "device_make", "device_model", "tags", "received_from", "method", "description",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=str)


def _write_list(out: TextIO, key: str, values: Iterable[Any]) -> int:
    out.write(f'  "{key}": [')
    count = 0
    for value in values:
        out.write(",\n    " if count else "\n    ")
        out.write(_dump(value).replace("\n", "\n    "))
        count += 1
    out.write("\n  ]" if count else "]")
    return count


def write_json_with_list(
    path: Path, header: dict[str, Any], key: str, values: Iterable[Any]
) -> int:
    """``{…header, key: [values…]}`` written one value at a time; returns the count."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("{\n")
        for name, value in header.items():
            out.write(f"  {json.dumps(name)}: {_dump(value).replace(chr(10), chr(10) + '  ')},\n")
        count = _write_list(out, key, values)
        out.write("\n}\n")
    return count


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(record: dict[str, Any]) -> list[Any]:
    gps = record.get("gps") or {}
    device = record.get("device") or {}
    sources = record.get("sources") or []
    bundle = record.get("bundle") or {}
    row = {
        **{k: record.get(k) for k in CSV_COLUMNS},
        "bundle_file": bundle.get("file"),
        "bundle_sha256": bundle.get("sha256"),
        "gps_lat": gps.get("lat"),
        "gps_lon": gps.get("lon"),
        "device_make": device.get("make"),
        "device_model": device.get("model"),
        "tags": "; ".join(record.get("tags") or []),
        "received_from": "; ".join(s.get("received_from") or "" for s in sources).strip("; "),
        "method": "; ".join(s.get("method") or "" for s in sources).strip("; "),
    }
    numeric = ("gps_lat", "gps_lon", "size")
    return [row[c] if c in numeric else _cell(row[c]) for c in CSV_COLUMNS]


def write_items_csv(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            writer.writerow(csv_row(record))


def place_feature(record: dict[str, Any]) -> dict[str, Any] | None:
    gps = record.get("gps")
    if not gps or gps.get("lat") is None or gps.get("lon") is None:
        return None
    coords = [gps["lon"], gps["lat"]]
    if gps.get("alt") is not None:
        coords.append(gps["alt"])
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": coords},
        "properties": {
            "exhibit": record.get("exhibit"),
            "id": record.get("id"),
            "title": record.get("title"),
            "kind": record.get("kind"),
            "captured_at": record.get("captured_at"),
            "captured_at_source": record.get("captured_at_source"),
            "sha256": record.get("sha256"),
            "file": (record.get("bundle") or {}).get("file"),
        },
    }


def gazetteer_feature(place: dict[str, Any]) -> dict[str, Any] | None:
    """A gazetteer place of the case records (incident, person, testimony) as a Point."""
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": {
            "gazetteer_place": place.get("uuid"),
            "name": place.get("name"),
            "kind": place.get("kind"),
            "radius_m": place.get("radius_m"),
        },
    }


def write_places(
    path: Path, records: Iterable[dict[str, Any]], places: Iterable[dict[str, Any]] = ()
) -> int:
    """Items with GPS, then gazetteer places with coordinates, as one FeatureCollection."""
    features = (f for r in records if (f := place_feature(r)) is not None)
    named = (f for p in places if (f := gazetteer_feature(p)) is not None)
    return write_json_with_list(
        path, {"type": "FeatureCollection"}, "features", (*features, *named)
    )
