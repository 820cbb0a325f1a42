"""Capture-time value type, precedence and file-name/mtime candidates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from evidence_desk.core.capture_time import (
    SOURCES,
    CaptureTime,
    capture_time_from_filename,
    capture_time_from_mtime,
    choose_capture_time,
)

LOCAL = datetime(2022, 1, 5, 18, 30)


def test_utc_and_isoformat_with_offset() -> None:
    ct = CaptureTime(LOCAL, 360, "exif:DateTimeOriginal")
    assert ct.utc() == datetime(2022, 1, 5, 12, 30)
    assert ct.isoformat() == "2022-01-05T18:30:00+06:00"
    assert ct.sort_key() == datetime(2022, 1, 5, 12, 30)


def test_negative_half_hour_offset() -> None:
    ct = CaptureTime(LOCAL, -210, "exif:DateTimeOriginal")
    assert ct.isoformat() == "2022-01-05T18:30:00-03:30"
    assert ct.utc() == datetime(2022, 1, 5, 22, 0)


def test_unknown_offset_keeps_local_time() -> None:
    ct = CaptureTime(LOCAL.replace(microsecond=123000), None, "filename")
    assert ct.utc() is None
    assert ct.isoformat() == "2022-01-05T18:30:00.123000"
    assert ct.sort_key() == LOCAL.replace(microsecond=123000)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"source": "camera"},
        {"precision": "minute"},
        {"offset_minutes": 20 * 60},
        {"local": datetime(2022, 1, 5, tzinfo=UTC)},
    ],
)
def test_invalid_values_are_rejected(kwargs: dict) -> None:
    args = {"local": LOCAL, "offset_minutes": 0, "source": "gps", **kwargs}
    with pytest.raises(ValueError):
        CaptureTime(**args)


def test_precedence_follows_sources_order() -> None:
    candidates = [CaptureTime(LOCAL, 0, source) for source in reversed(SOURCES)]
    for expected in SOURCES:
        chosen = choose_capture_time(candidates)
        assert chosen is not None and chosen.source == expected
        candidates = [c for c in candidates if c.source != expected]
    assert choose_capture_time([]) is None


def test_camera_time_beats_container_and_gps() -> None:
    exif = CaptureTime(LOCAL, None, "exif:DateTimeOriginal")
    container = CaptureTime(datetime(2022, 1, 5, 12, 30), 0, "container:creation_time")
    gps = CaptureTime(datetime(2022, 1, 5, 12, 30), 0, "gps")
    mtime = capture_time_from_mtime(1_700_000_000)
    assert choose_capture_time([mtime, gps, container, exif]) is exif
    assert choose_capture_time([mtime, gps, container]) is container
    assert choose_capture_time([mtime, gps]) is gps


def test_same_source_prefers_known_offset() -> None:
    unknown = CaptureTime(LOCAL, None, "filename")
    known = CaptureTime(LOCAL, 60, "filename")
    assert choose_capture_time([unknown, known]) is known


@pytest.mark.parametrize(
    ("name", "expected", "precision"),
    [
        ("IMG_20220105_183000.jpg", datetime(2022, 1, 5, 18, 30), "second"),
        ("VID_20220105_183000.mp4", datetime(2022, 1, 5, 18, 30), "second"),
        ("PXL_20220105_183000123.jpg", datetime(2022, 1, 5, 18, 30, 0, 123000), "second"),
        ("PXL_20220105_183000123.NIGHT.jpg", datetime(2022, 1, 5, 18, 30, 0, 123000), "second"),
        ("20220105_183000.jpg", datetime(2022, 1, 5, 18, 30), "second"),
        ("Screenshot_20220105-183000.png", datetime(2022, 1, 5, 18, 30), "second"),
        ("photo_2022-01-05_18-30-00.jpg", datetime(2022, 1, 5, 18, 30), "second"),
        ("video_2022-01-05_18-30-00.mp4", datetime(2022, 1, 5, 18, 30), "second"),
        ("2022-01-05 18.30.00.jpg", datetime(2022, 1, 5, 18, 30), "second"),
        ("Screenshot_2022-01-05-18-30-00.png", datetime(2022, 1, 5, 18, 30), "second"),
        ("signal-2022-01-05-18-30-00-123.jpg", datetime(2022, 1, 5, 18, 30, 0, 123000), "second"),
        ("IMG-20220105-WA0001.jpg", datetime(2022, 1, 5), "day"),
        ("VID-20220105-WA0012.mp4", datetime(2022, 1, 5), "day"),
        ("WhatsApp Image 2022-01-05 at 18.30.00.jpeg", datetime(2022, 1, 5, 18, 30), "second"),
        ("WhatsApp Image 2022-01-05 at 6.30.00 PM.jpeg", datetime(2022, 1, 5, 18, 30), "second"),
        (
            "/some/2019-12-31 10.00.00/IMG_20220105_183000.jpg",
            datetime(2022, 1, 5, 18, 30),
            "second",
        ),
    ],
)
def test_filename_patterns(name: str, expected: datetime, precision: str) -> None:
    ct = capture_time_from_filename(name)
    assert ct is not None
    assert ct.local == expected
    assert ct.precision == precision
    assert ct.offset_minutes is None
    assert ct.source == "filename"


@pytest.mark.parametrize(
    "name",
    [
        "IMG_20221305_183000.jpg",  # month 13
        "IMG_20220230_120000.jpg",  # 30 February
        "IMG_20220105_253000.jpg",  # hour 25
        "IMG_19850105_183000.jpg",  # before 1990
        "IMG_21500105_183000.jpg",  # after 2100
        "IMG-20220231-WA0001.jpg",
        "photo_2022-02-30_10-00-00.jpg",
        "holiday.jpg",
        "IMG_1234.JPG",
        "a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00",
        "12345678901234567890.jpg",
        "",
    ],
)
def test_filename_rejects_invalid(name: str) -> None:
    assert capture_time_from_filename(name) is None


def test_pixel_names_carry_a_utc_hint() -> None:
    ct = capture_time_from_filename("PXL_20220105_183000123.jpg")
    assert ct is not None and ct.note and "UTC" in ct.note


def test_mtime_is_an_absolute_instant() -> None:
    mtime = datetime(2022, 1, 5, 12, 30, 15, tzinfo=UTC).timestamp()
    ct = capture_time_from_mtime(mtime)
    assert ct.source == "file_mtime"
    assert ct.offset_minutes == 0
    assert ct.local == datetime(2022, 1, 5, 12, 30, 15)
    assert ct.utc() == datetime(2022, 1, 5, 12, 30, 15)
    assert ct.note and "modification time" in ct.note
