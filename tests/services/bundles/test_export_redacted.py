"""The redacted profile: what leaves the archive for publication."""

from __future__ import annotations

import json

import av
import pytest
from PIL import ExifTags, Image
from pypdf import PdfReader

from evidence_desk.core import bundle_layout as L
from evidence_desk.core.bundle_custody import check_segment
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from tests.helpers.bundles import populate

LOCATION_KEYS = ("location", "location-eng", "com.apple.quicktime.location.ISO6709")
DEVICE_KEYS = (
    "com.apple.quicktime.make",
    "com.apple.quicktime.model",
    "com.android.manufacturer",
    "com.android.model",
)


@pytest.fixture(scope="module")
def redacted(tmp_path_factory: pytest.TempPathFactory):
    from evidence_desk.services.archive.archive import create_archive

    root = tmp_path_factory.mktemp("redacted")
    archive = create_archive(root / "archive", "Redaction test")
    names = populate(archive, root / "in")
    out = root / "bundle"
    report = export_bundle(archive, None, out=out, profile="redacted")
    items = json.loads((out / L.ITEMS_JSON).read_text(encoding="utf-8"))["items"]
    yield archive, names, out, report, {r["exhibit"]: r for r in items}
    archive.close()


def test_confidential_items_are_left_out(redacted) -> None:
    _, names, out, report, items = redacted
    assert names["secret.txt"] not in items
    assert (names["secret.txt"], "confidential") in report.left_out
    assert not list((out / L.OBJECTS_DIR).glob(f"{names['secret.txt']}_*"))
    html = (out / L.REPORT_HTML).read_text(encoding="utf-8")
    assert "Items left out (confidential): 1" in html
    assert names["secret.txt"] not in html


def test_jpeg_copy_has_no_gps_or_device(redacted) -> None:
    archive, names, out, _, items = redacted
    record = items[names["photo.jpg"]]
    copy = out / record["bundle"]["file"]
    with Image.open(copy) as im:
        exif = im.getexif()
        assert ExifTags.Base.Make not in exif and ExifTags.Base.Model not in exif
        assert ExifTags.IFD.GPSInfo not in exif and not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert exif.get(ExifTags.Base.Orientation) == 6  # still displays upright
        assert "xmp" not in im.info
        pixels = im.tobytes()
    with Image.open(archive.store.path_for(record["sha256"])) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the original had GPS
        assert original.tobytes() == pixels  # lossless: same decoded pixels
    assert b"Aigerim" not in copy.read_bytes()


@pytest.mark.parametrize("name", ["clip.mov", "street.mp4"])
def test_video_copy_has_no_location_or_device(redacted, name: str) -> None:
    archive, names, out, _, items = redacted
    record = items[names[name]]
    with av.open(str(archive.store.path_for(record["sha256"]))) as original:
        assert any(k in original.metadata for k in LOCATION_KEYS)
    with av.open(str(out / record["bundle"]["file"])) as copy:
        tags = dict(copy.metadata)
        for stream in copy.streams:
            tags.update(stream.metadata)
        assert not any(k in tags for k in LOCATION_KEYS + DEVICE_KEYS), tags
        assert "creation_time" not in tags
        assert copy.streams.video and copy.streams.video[0].frames > 0
        if name == "clip.mov":
            assert len(copy.streams.audio) == 1


def test_records_keep_both_hashes_and_drop_identities(redacted) -> None:
    _, names, out, _, items = redacted
    photo = items[names["photo.jpg"]]
    bundle = photo["bundle"]
    assert bundle["redacted"] is True
    assert bundle["original_sha256"] == photo["sha256"] != bundle["sha256"]
    assert photo["gps"] is None and photo["device"] == {"make": None, "model": None}
    assert photo["metadata"] == {} and photo["original_name"] is None
    assert photo["sources"] and "received_from" not in photo["sources"][0]
    assert any("EXIF" in r for r in bundle["removed"])
    text = (out / L.ITEMS_JSON).read_text(encoding="utf-8")
    assert "Witness Aigerim" not in text and "SM-G991B" not in text
    assert json.loads((out / L.PLACES_GEOJSON).read_text())["features"] == []
    html = (out / L.REPORT_HTML).read_text(encoding="utf-8")
    assert "Removed in this copy" in html and "SHA-256 of this redacted copy" in html
    assert "Witness Aigerim" not in html and bundle["sha256"] in html


def test_pdf_copy_has_no_document_info(redacted) -> None:
    _, names, out, _, items = redacted
    reader = PdfReader(out / items[names["statement.pdf"]]["bundle"]["file"])
    assert not reader.metadata
    assert len(reader.pages) == 2


def test_custody_is_sealed_with_pseudonymous_actors(redacted) -> None:
    archive, _, out, _, _ = redacted
    text = (out / L.CUSTODY_JSON).read_text(encoding="utf-8")
    assert "Witness Aigerim" not in text and archive.actor not in text
    entries = json.loads(text)["entries"]
    result = check_segment(entries)
    assert result.problems == [] and result.sealed > 0 and result.checked == 0
    events = [e for e in entries if "withheld" not in e]
    assert all(e["sealed"] and "uuid" not in e and "tool" not in e for e in events)
    assert {e["actor"] for e in events} == {"custodian 1"}  # one person did everything
    digests = [e for e in events if e["event_type"] == "message digest calculation"]
    assert digests and all(set(e["details"]) == {"algorithm", "digest", "size"} for e in digests)
    ingestions = [e for e in events if e["event_type"] == "ingestion"]
    assert ingestions and all("original_path" not in e["details"] for e in ingestions)


def test_redacted_bundle_verifies(redacted) -> None:
    _, _, out, _, _ = redacted
    report = verify_bundle(out)
    assert report.ok, report.problems
    assert report.profile == "redacted"
