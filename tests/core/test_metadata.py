"""Metadata extraction on real generated files, including broken ones."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

import pytest

from evidence_desk.core.capture_time import choose_capture_time
from evidence_desk.core.metadata import ExtractedMetadata, extract_metadata
from evidence_desk.core.metadata_av import parse_iso6709, parse_iso_datetime
from evidence_desk.core.metadata_pdf import parse_pdf_date
from tests import media


def _only(meta: ExtractedMetadata, source: str):
    found = [c for c in meta.capture_candidates if c.source == source]
    assert len(found) == 1, meta.capture_candidates
    return found[0]


def _assert_json(meta: ExtractedMetadata) -> None:
    json.dumps(meta.raw, allow_nan=False)


# --- images ---------------------------------------------------------------


def test_jpeg_datetime_offset_subsec(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_jpeg(tmp_path / "a.jpg", subsec="123"))
    assert meta.mime_type == "image/jpeg" and meta.kind == "photo"
    assert (meta.width, meta.height) == (640, 480)
    assert (meta.make, meta.model, meta.orientation) == ("Apple", "iPhone 12", 1)
    ct = _only(meta, "exif:DateTimeOriginal")
    assert ct.local == datetime(2022, 1, 5, 18, 30, 0, 123000)
    assert ct.offset_minutes == 360
    assert ct.isoformat() == "2022-01-05T18:30:00.123000+06:00"
    assert meta.warnings == []
    assert meta.raw["exif"]["DateTimeOriginal"] == "2022:01:05 18:30:00"
    assert meta.raw["exif"]["OffsetTimeOriginal"] == "+06:00"
    _assert_json(meta)


def test_jpeg_without_offset_stays_local(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_jpeg(tmp_path / "a.jpg", offset=None, gps=None))
    ct = _only(meta, "exif:DateTimeOriginal")
    assert ct.local == datetime(2022, 1, 5, 18, 30)
    assert ct.offset_minutes is None and ct.utc() is None
    assert meta.gps is None


def test_gps_north_east_with_altitude(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_jpeg(tmp_path / "a.jpg", gps=(43.2389, 76.8897, 850.0)))
    assert meta.gps is not None
    assert meta.gps.lat == pytest.approx(43.2389, abs=1e-5)
    assert meta.gps.lon == pytest.approx(76.8897, abs=1e-5)
    assert meta.gps.alt == pytest.approx(850.0)
    assert meta.raw["gps"]["GPSLatitudeRef"] == "N"
    _assert_json(meta)


def test_gps_south_west_below_sea_level(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_jpeg(tmp_path / "a.jpg", gps=(-33.4489, -70.6693, -12.5)))
    assert meta.gps is not None
    assert meta.gps.lat == pytest.approx(-33.4489, abs=1e-5)
    assert meta.gps.lon == pytest.approx(-70.6693, abs=1e-5)
    assert meta.gps.alt == pytest.approx(-12.5)


def test_offset_derived_from_gps_time(tmp_path: Path) -> None:
    path = media.make_jpeg(
        tmp_path / "a.jpg",
        offset=None,
        gps=(-33.4, -70.6, None),
        gps_datetime="2022:01:05 21:31:07",
    )
    meta = extract_metadata(path)
    exif = _only(meta, "exif:DateTimeOriginal")
    assert exif.offset_minutes == -180
    assert exif.note == "offset derived from GPS time"
    assert exif.utc() == datetime(2022, 1, 5, 21, 30)
    gps = _only(meta, "gps")
    assert gps.local == datetime(2022, 1, 5, 21, 31, 7) and gps.offset_minutes == 0
    assert choose_capture_time(meta.capture_candidates) is exif


def test_gps_time_too_far_away_does_not_set_offset(tmp_path: Path) -> None:
    path = media.make_jpeg(tmp_path / "a.jpg", offset=None, gps_datetime="2022:01:07 12:00:00")
    exif = _only(extract_metadata(path), "exif:DateTimeOriginal")
    assert exif.offset_minutes is None


def test_explicit_offset_beats_gps_derivation(tmp_path: Path) -> None:
    path = media.make_jpeg(tmp_path / "a.jpg", offset="+05:00", gps_datetime="2022:01:05 12:30:00")
    exif = _only(extract_metadata(path), "exif:DateTimeOriginal")
    assert exif.offset_minutes == 300 and exif.note is None


def test_orientation_six(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_jpeg(tmp_path / "a.jpg", size=(64, 48), orientation=6))
    assert meta.orientation == 6
    assert (meta.width, meta.height) == (64, 48)  # stored dimensions, not rotated


def test_no_exif_at_all(tmp_path: Path) -> None:
    path = media.make_jpeg(
        tmp_path / "a.jpg", exif_datetime=None, gps=None, make=None, model=None, orientation=None
    )
    meta = extract_metadata(path)
    assert meta.capture_candidates == [] and meta.gps is None and meta.make is None
    assert meta.warnings == []


def test_xmp_and_iptc_are_kept(tmp_path: Path) -> None:
    xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    path = media.make_jpeg(
        tmp_path / "a.jpg", xmp=xmp, iptc={(2, 120): "Протест на площади", (2, 90): "Almaty"}
    )
    meta = extract_metadata(path)
    assert meta.raw["xmp"] == xmp
    assert meta.raw["iptc"]["Caption-Abstract"] == "Протест на площади"
    assert meta.raw["iptc"]["City"] == "Almaty"
    _assert_json(meta)


def test_png_with_exif(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_png(tmp_path / "a.png", exif_datetime="2022:01:05 18:30:00"))
    assert meta.mime_type == "image/png" and (meta.width, meta.height) == (320, 240)
    assert _only(meta, "exif:DateTimeOriginal").local == datetime(2022, 1, 5, 18, 30)


def test_png_plain(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_png(tmp_path / "a.png"))
    assert meta.kind == "photo" and meta.capture_candidates == [] and meta.warnings == []


def test_heic(tmp_path: Path) -> None:
    try:
        path = media.make_heic(tmp_path / "a.heic", subsec="5")
    except Exception as exc:  # encoder availability depends on the libheif build
        pytest.skip(f"pillow-heif cannot write HEIC here: {exc}")
    meta = extract_metadata(path)
    assert meta.mime_type == "image/heic" and meta.kind == "photo"
    assert (meta.width, meta.height) == (320, 240)
    assert meta.make == "Apple"
    ct = _only(meta, "exif:DateTimeOriginal")
    assert ct.local == datetime(2022, 1, 5, 18, 30, 0, 500000) and ct.offset_minutes == 360
    assert meta.gps is not None and meta.gps.lat == pytest.approx(43.2389, abs=1e-5)


def test_datetime_fallback_is_labelled(tmp_path: Path) -> None:
    from PIL import ExifTags, Image

    exif = Image.Exif()
    exif[ExifTags.Base.DateTime] = "2021:06:01 10:00:00"
    path = tmp_path / "edited.jpg"
    Image.new("RGB", (8, 8)).save(path, exif=exif)
    ct = _only(extract_metadata(path), "exif:DateTimeOriginal")
    assert ct.local == datetime(2021, 6, 1, 10) and ct.note == "from EXIF DateTime"


def test_blank_and_invalid_exif_dates(tmp_path: Path) -> None:
    blank = media.make_jpeg(tmp_path / "a.jpg", exif_datetime="0000:00:00 00:00:00", offset=None)
    meta = extract_metadata(blank)
    assert meta.capture_candidates == [] and meta.warnings == []
    bad = media.make_jpeg(tmp_path / "b.jpg", exif_datetime="2022:13:45 99:00:00", offset=None)
    meta = extract_metadata(bad)
    assert meta.capture_candidates == []
    assert any("not a valid date" in w for w in meta.warnings)


# --- audio/video ----------------------------------------------------------


def test_mp4_creation_time_and_android_location(tmp_path: Path) -> None:
    path = media.make_mp4(tmp_path / "a.mp4", make="Google", model="Pixel 7")
    meta = extract_metadata(path)
    assert meta.mime_type == "video/mp4" and meta.kind == "video"
    assert (meta.width, meta.height) == (160, 120)
    assert meta.duration_s == pytest.approx(1.0, abs=0.1)
    assert "h264" in meta.codecs
    assert (meta.make, meta.model) == ("Google", "Pixel 7")
    ct = _only(meta, "container:creation_time")
    assert ct.local == datetime(2022, 1, 5, 12, 30) and ct.offset_minutes == 0
    assert meta.gps is not None and meta.gps.lat == pytest.approx(43.2389)
    assert meta.gps.lon == pytest.approx(76.8897) and meta.gps.alt is None
    assert meta.raw["streams"][0]["type"] == "video"
    assert meta.warnings == []
    _assert_json(meta)


def test_mov_apple_tags(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_mov(tmp_path / "a.mov", audio=True))
    assert meta.mime_type == "video/quicktime"
    assert (meta.make, meta.model) == ("Apple", "iPhone 12")
    assert meta.gps is not None and meta.gps.alt == pytest.approx(850.0)
    apple = _only(meta, "quicktime:creationdate")
    assert apple.isoformat() == "2022-01-05T18:30:00+06:00"
    assert _only(meta, "container:creation_time").utc() == apple.utc()
    assert choose_capture_time(meta.capture_candidates) is apple
    assert meta.codecs == ["h264", "aac"]
    _assert_json(meta)


def test_video_without_tags(tmp_path: Path) -> None:
    path = media.make_mp4(tmp_path / "a.mp4", creation_time=None, location=None)
    meta = extract_metadata(path)
    assert meta.capture_candidates == [] and meta.gps is None and meta.warnings == []


def test_wav(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_wav(tmp_path / "a.wav", seconds=2))
    assert meta.mime_type == "audio/wav" and meta.kind == "audio"
    assert meta.duration_s == pytest.approx(2.0, abs=0.05)
    assert meta.codecs == ["pcm_s16le"] and meta.width is None


@pytest.mark.parametrize(
    ("codec", "fmt", "name", "mime", "codec_name"),
    [
        ("libmp3lame", "mp3", "a.mp3", "audio/mpeg", "mp3"),
        ("libopus", "ogg", "a.opus", "audio/ogg", "opus"),
        ("flac", "flac", "a.flac", "audio/flac", "flac"),
        ("aac", "ipod", "a.m4a", "audio/mp4", "aac"),
    ],
)
def test_encoded_audio(
    tmp_path: Path, codec: str, fmt: str, name: str, mime: str, codec_name: str
) -> None:
    try:
        path = media.make_audio(tmp_path / name, codec, fmt, tags={"title": "Interview"})
    except Exception as exc:  # encoder availability depends on the FFmpeg build
        pytest.skip(f"PyAV cannot encode {codec}: {exc}")
    meta = extract_metadata(path)
    assert meta.mime_type == mime and meta.kind == "audio"
    assert meta.codecs == [codec_name]
    assert meta.duration_s == pytest.approx(1.0, abs=0.1)
    assert meta.warnings == []
    _assert_json(meta)


def test_audio_only_mp4_is_audio_kind(tmp_path: Path) -> None:
    path = media.make_audio(tmp_path / "memo.mp4", "aac", "mp4")
    meta = extract_metadata(path)
    assert meta.mime_type == "video/mp4" and meta.kind == "audio"


@pytest.mark.parametrize(
    ("text", "local", "offset"),
    [
        ("2022-01-05T18:30:00+0600", datetime(2022, 1, 5, 18, 30), 360),
        ("2022-01-05T18:30:00-03:30", datetime(2022, 1, 5, 18, 30), -210),
        ("2022-01-05T12:30:00.250000Z", datetime(2022, 1, 5, 12, 30, 0, 250000), 0),
        ("2022-01-05 12:30:00", datetime(2022, 1, 5, 12, 30), None),
    ],
)
def test_parse_iso_datetime(text: str, local: datetime, offset: int | None) -> None:
    assert parse_iso_datetime(text) == (local, offset)


def test_parse_iso_datetime_invalid() -> None:
    assert parse_iso_datetime("2022-02-30T00:00:00Z") is None
    assert parse_iso_datetime("yesterday") is None


def test_parse_iso6709_forms() -> None:
    gps = parse_iso6709("+43.2389+076.8897+0850.000/")
    assert gps is not None and (gps.lat, gps.lon, gps.alt) == (43.2389, 76.8897, 850.0)
    gps = parse_iso6709("-33.4489-070.6693/")
    assert gps is not None and (gps.lat, gps.lon, gps.alt) == (-33.4489, -70.6693, None)
    gps = parse_iso6709("+4314.334+07653.382/")  # degrees and minutes
    assert gps is not None
    assert gps.lat == pytest.approx(43.23890) and gps.lon == pytest.approx(76.88970)
    assert parse_iso6709("+95.0+010.0/") is None
    assert parse_iso6709("nowhere") is None


# --- PDF ------------------------------------------------------------------


def test_pdf_pages_and_creation_date(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_pdf(tmp_path / "a.pdf", pages=3))
    assert meta.mime_type == "application/pdf" and meta.kind == "document"
    assert meta.page_count == 3
    assert meta.raw["pdf"]["Producer"] == "Evidence Desk tests"
    assert meta.raw["pdf"]["Creator"] == "tests.media"
    ct = _only(meta, "pdf:CreationDate")
    assert ct.isoformat() == "2022-01-05T18:30:00+06:00"
    assert meta.warnings == []
    _assert_json(meta)


def test_pdf_with_owner_password_only_is_readable(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_pdf(tmp_path / "a.pdf", owner_password="secret"))
    assert meta.page_count == 2 and meta.raw["pdf"]["encrypted"] is True
    assert meta.warnings == []


def test_pdf_with_user_password_warns(tmp_path: Path) -> None:
    meta = extract_metadata(media.make_pdf(tmp_path / "a.pdf", password="secret"))
    assert meta.raw["pdf"]["encrypted"] is True
    assert any("encrypted" in w for w in meta.warnings)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("D:20220105183000+06'00'", "2022-01-05T18:30:00+06:00", "second"),
        ("D:20220105183000-05'30", "2022-01-05T18:30:00-05:30", "second"),
        ("D:20220105183000Z", "2022-01-05T18:30:00+00:00", "second"),
        ("D:20220105183000", "2022-01-05T18:30:00", "second"),
        ("D:20220105", "2022-01-05T00:00:00", "day"),
        ("20220105183000Z00'00'", "2022-01-05T18:30:00+00:00", "second"),
    ],
)
def test_parse_pdf_date(text: str, iso: str, precision: str) -> None:
    ct = parse_pdf_date(text)
    assert ct is not None and ct.isoformat() == iso and ct.precision == precision


def test_parse_pdf_date_invalid() -> None:
    assert parse_pdf_date("D:20221345") is None
    assert parse_pdf_date("Tuesday") is None


# --- bad input: warnings, never exceptions --------------------------------


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    meta = extract_metadata(path)
    assert meta.mime_type == "application/x-empty" and meta.kind == "other"
    assert meta.warnings


def test_truncated_jpeg(tmp_path: Path) -> None:
    full = media.make_jpeg(tmp_path / "full.jpg")
    path = media.write_bytes(tmp_path / "cut.jpg", full.read_bytes()[:1000])
    meta = extract_metadata(path)
    assert meta.mime_type == "image/jpeg"
    assert meta.warnings
    _assert_json(meta)


def test_jpeg_end_marker_found_with_or_without_trailing_data(tmp_path: Path) -> None:
    """The end-of-image check reads only the last two bytes of a complete photo, and
    still finds the marker before appended data (motion photos) or a lost tail."""
    full = media.make_jpeg(tmp_path / "full.jpg").read_bytes()
    assert full.endswith(b"\xff\xd9")
    truncated = "image data appears truncated: no end-of-image marker was found"
    cases = {
        "whole.jpg": (full, False),
        "appended.jpg": (full + b"ftypmp42" + b"\x01" * 500, False),
        "cut.jpg": (full[: len(full) - 40], True),
        "cut-then-marker-like.jpg": (full[: len(full) - 40] + b"\x00\xff", True),
    }
    for name, (data, cut) in cases.items():
        meta = extract_metadata(media.write_bytes(tmp_path / name, data))
        assert (truncated in meta.warnings) is cut, name


def test_random_bytes_named_jpg(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(5000)
    data = b"\x00" + data  # keep it from looking like text or MPEG audio
    meta = extract_metadata(media.write_bytes(tmp_path / "random.jpg", data))
    assert meta.mime_type == "image/jpeg"
    assert any("could not read image metadata" in w for w in meta.warnings)


def test_text_named_mp4(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_text("this is not a video\n" * 50)
    meta = extract_metadata(path)
    assert meta.mime_type == "text/plain" and meta.kind == "document"
    assert any(".mp4" in w for w in meta.warnings)


def test_text_passed_as_mp4_mime(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_text("this is not a video\n" * 50)
    meta = extract_metadata(path, mime_type="video/mp4")
    assert any("could not read audio/video metadata" in w for w in meta.warnings)


def test_corrupt_pdf(tmp_path: Path) -> None:
    good = media.make_pdf(tmp_path / "good.pdf").read_bytes()
    path = media.write_bytes(tmp_path / "bad.pdf", good[:60] + b"\x00garbage" * 20)
    meta = extract_metadata(path)
    assert meta.mime_type == "application/pdf"
    assert meta.warnings


def test_truncated_mp4(tmp_path: Path) -> None:
    full = media.make_mp4(tmp_path / "full.mp4").read_bytes()
    meta = extract_metadata(media.write_bytes(tmp_path / "cut.mp4", full[: len(full) // 3]))
    assert meta.mime_type == "video/mp4"
    assert meta.warnings


def test_missing_file(tmp_path: Path) -> None:
    meta = extract_metadata(tmp_path / "nope.jpg")
    assert meta.warnings and meta.mime_type == "application/octet-stream"


def test_unsupported_type_has_mime_only(tmp_path: Path) -> None:
    path = media.write_bytes(tmp_path / "a.zip", b"PK\x03\x04" + b"\x00" * 40)
    meta = extract_metadata(path)
    assert meta.mime_type == "application/zip" and meta.kind == "other"
    assert meta.warnings == []
