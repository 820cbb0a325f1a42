"""The evidentiary-record digest: stable, sensitive to every field, names what changed."""

from __future__ import annotations

from datetime import datetime

import pytest

from evidence_desk.core import evidence_digest as ed

ITEM = {
    "sha256": "ab" * 32,
    "size": 1234,
    "captured_local": datetime(2022, 1, 5, 14, 3, 7),
    "captured_offset_min": 360,
    "captured_utc": datetime(2022, 1, 5, 8, 3, 7),
    "captured_source": "exif:DateTimeOriginal",
    "captured_precision": "second",
    "gps_lat": 43.238949,
    "gps_lon": 76.889709,
    "gps_alt": None,
    "title": "not evidentiary",
}
SOURCE = {
    "original_path": "/media/usb/DCIM/IMG_0001.JPG",
    "original_path_bytes": b"/media/usb/\xff.jpg",
    "original_name": "IMG_0001.JPG",
    "received_from": "Witness A-17",
    "method": "USB",
    "collector": "D. K.",
    "acquired_at": "2022-01-12",
    "fs_mtime": datetime(2022, 1, 5, 8, 3, 9),
    "fs_birthtime": None,
    "recorded_at": datetime(2022, 1, 12, 10, 0, 0),
    "notes": "not part of the record",
}


def _digest(item=ITEM, sources=(SOURCE,)) -> ed.RecordDigest:
    return ed.digest(ed.record(item, list(sources)))


def test_digest_is_stable_and_round_trips_through_details():
    first = _digest()
    assert first == _digest()
    details = {"exhibit": "ED-000001", ed.DETAILS_KEY: first.as_details()}
    assert ed.from_details(details) == first
    assert ed.changed_fields(first, _digest()) == []


@pytest.mark.parametrize(
    "field, value",
    [
        ("sha256", "cd" * 32),
        ("size", 1235),
        ("captured_local", datetime(2022, 1, 6, 14, 3, 7)),
        ("captured_offset_min", 300),
        ("captured_utc", datetime(2022, 1, 5, 9, 3, 7)),
        ("captured_source", "file:mtime"),
        ("captured_precision", "day"),
        ("gps_lat", 43.238948),
        ("gps_lon", 76.0),
        ("gps_alt", 800.0),
    ],
)
def test_each_item_field_is_named(field, value):
    changed = _digest({**ITEM, field: value})
    assert ed.changed_fields(_digest(), changed) == [field]
    assert ed.label(field)


@pytest.mark.parametrize("field", ["received_from", "acquired_at", "original_path_bytes"])
def test_provenance_edits_are_named(field):
    edited = {**SOURCE, field: "someone else" if field != "original_path_bytes" else b"x"}
    assert ed.changed_fields(_digest(), _digest(sources=(edited,))) == ["provenance"]


def test_added_or_removed_receipt_is_provenance():
    two = _digest(sources=(SOURCE, {**SOURCE, "received_from": "B"}))
    assert ed.changed_fields(_digest(), two) == ["provenance"]
    assert ed.changed_fields(_digest(), _digest(sources=())) == ["provenance"]


def test_descriptive_fields_are_not_evidence():
    assert _digest({**ITEM, "title": "renamed"}) == _digest()
    assert _digest(sources=({**SOURCE, "notes": "edited"},)) == _digest()


def test_several_changes_are_all_named():
    changed = _digest({**ITEM, "gps_lat": 1.0, "size": 1})
    assert ed.changed_fields(_digest(), changed) == ["size", "gps_lat"]


@pytest.mark.parametrize(
    "details",
    [
        {},
        {"evidence_record": "x"},
        {"evidence_record": {"v": 99, "digest": "a" * 64, "fields": "b" * 88}},
        {"evidence_record": {"v": 1, "digest": 5, "fields": "b" * 88}},
        {"evidence_record": {"v": 1, "digest": "a" * 64, "fields": "short"}},
    ],
)
def test_details_without_a_usable_digest(details):
    assert ed.from_details(details) is None


def test_full_digest_differs_but_short_hashes_agree():
    recorded = _digest()
    forged = ed.RecordDigest("0" * 64, recorded.fields)
    assert ed.changed_fields(forged, recorded) == ["record"]
