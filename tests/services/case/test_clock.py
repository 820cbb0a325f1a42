"""Clock corrections: per device or per item; originals kept; sort follows; logged."""

from __future__ import annotations

from datetime import datetime

import pytest

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import clock as case_clock
from evidence_desk.services.catalogue.items import get_item, resolve
from tests.helpers.case_records import add_file, custody_details


def _sort(archive, exhibit: str) -> datetime | None:
    with archive.db.reader() as session:
        return resolve(session, exhibit).captured_sort


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("+01:30", 5400),
        ("-00:05:30", -330),
        ("-2h", -7200),
        ("+1d2h30m", 95400),
        ("90s", 90),
        ("-90", -90),
        ("−01:00", -3600),
    ],
)
def test_offsets_are_read_in_the_usual_forms(text, seconds):
    assert case_clock.parse_offset(text) == seconds


def test_bad_offsets_are_refused():
    with pytest.raises(EvidenceDeskError, match="looks like"):
        case_clock.parse_offset("an hour")


def test_a_device_correction_moves_only_that_device_clock_readings(archive, tmp_path):
    folder = tmp_path / "in"
    fast = add_file(archive, folder, "iphone.jpg")  # Apple iPhone 12, 18:30 +06:00
    other = add_file(archive, folder, "samsung.jpg", make="samsung", model="SM-G991B")
    gps_time = add_file(
        archive, folder, "gps.jpg", exif_datetime=None, gps_datetime="2022:01:05 12:00:00"
    )
    assert get_item(archive, gps_time)["captured_at_source"] == "gps"
    before_other = _sort(archive, other)

    result = case_clock.set_device_correction(
        archive, " APPLE ", "iphone 12", -3600, reason="clock an hour fast vs. street clock"
    )
    assert result.items_changed == 1
    assert _sort(archive, fast) == datetime(2022, 1, 5, 11, 30)
    assert _sort(archive, other) == before_other
    assert _sort(archive, gps_time) == datetime(2022, 1, 5, 12, 0)
    item = get_item(archive, fast)
    assert item["captured_at"] == "2022-01-05T18:30:00+06:00"
    with archive.db.reader() as session:
        times = case_clock.capture_times(session, resolve(session, fast))
    assert times.as_json() == {
        "original": "2022-01-05T18:30:00+06:00",
        "corrected": "2022-01-05T17:30:00+06:00",
        "offset_s": -3600,
        "correction": result.uuid,
    }
    (event,) = [
        e for e in custody_details(archive, item["id"]) if e.get("action") == "correct capture time"
    ]
    assert event["before"] == "2022-01-05T12:30:00" and event["after"] == "2022-01-05T11:30:00"
    assert event["original"] == "2022-01-05T18:30:00+06:00"
    assert event["reason"] == "clock an hour fast vs. street clock"

    again = case_clock.set_device_correction(archive, "Apple", "iPhone 12", -7200)
    assert again.uuid == result.uuid
    assert _sort(archive, fast) == datetime(2022, 1, 5, 10, 30)
    assert case_clock.remove_correction(archive, result.uuid, reason="wrong device") == 1
    assert _sort(archive, fast) == datetime(2022, 1, 5, 12, 30)
    assert case_clock.list_corrections(archive) == []


def test_an_item_correction_wins_and_can_supply_a_missing_offset(archive, tmp_path):
    folder = tmp_path / "in"
    local_only = add_file(archive, folder, "nooffset.jpg", offset=None)
    assert _sort(archive, local_only) == datetime(2022, 1, 5, 18, 30)
    case_clock.set_device_correction(archive, "Apple", "iPhone 12", 600)
    assert _sort(archive, local_only) == datetime(2022, 1, 5, 18, 40)
    case_clock.set_item_correction(archive, local_only, -60, assume_offset_min=360)
    assert _sort(archive, local_only) == datetime(2022, 1, 5, 12, 29)
    with archive.db.reader() as session:
        times = case_clock.capture_times(session, resolve(session, local_only))
    assert times.original == "2022-01-05T18:30:00"
    assert times.corrected == "2022-01-05T18:29:00+06:00"
    listed = {c.scope: c.items for c in case_clock.list_corrections(archive)}
    assert listed == {"device": 0, "item": 1}
    with pytest.raises(EvidenceDeskError, match="more than a year"):
        case_clock.set_item_correction(archive, local_only, 400 * 86400)


def test_items_ingested_later_are_corrected_at_ingest(archive, tmp_path):
    case_clock.set_device_correction(archive, "Apple", "iPhone 12", -3600)
    late = add_file(archive, tmp_path / "in", "late.jpg")
    assert _sort(archive, late) == datetime(2022, 1, 5, 11, 30)
    assert case_clock.apply_corrections(archive) == 0
    (device,) = case_clock.devices(archive)
    assert (device.model, device.items) == ("iPhone 12", 1)
    assert device.correction is not None and device.correction.offset_s == -3600
