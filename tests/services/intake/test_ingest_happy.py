"""Ingest of real generated media: metadata, provenance, storage and custody."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.core import custody_chain
from evidence_desk.db.models import CustodyEvent
from evidence_desk.services.archive import custody
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import (
    ITEM_KEYS,
    SOURCE_KEYS,
    assert_clean,
    run,
    sha256_file,
    snapshot,
)

PROVENANCE = {
    "received_from": "Volunteer A (Telegram)",
    "method": "messenger export",
    "collector": "Aigerim",
    "acquired_at": "2022-01-07",
    "notes": "first batch from the square",
}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A nested folder of real media, as handed over on a USB stick."""
    root = tmp_path / "handover"
    (root / "DCIM" / "100APPLE").mkdir(parents=True)
    (root / "docs" / "deep" / "deeper").mkdir(parents=True)
    media.make_jpeg(
        root / "DCIM" / "100APPLE" / "IMG_0001.JPG",
        exif_datetime="2022:01:05 18:30:00",
        offset="+06:00",
        subsec="250",
        gps=(43.2389, 76.8897, 850.0),
        make="Apple",
        model="iPhone 12",
    )
    media.make_mp4(
        root / "DCIM" / "clip.mp4",
        seconds=2,
        creation_time="2022-01-05T12:30:00.000000Z",
        location="+43.2389+076.8897/",
    )
    media.make_mov(root / "DCIM" / "100APPLE" / "IMG_0002.MOV", seconds=1)
    media.make_pdf(root / "docs" / "deep" / "deeper" / "report.pdf", pages=3)
    return root


@pytest.fixture
def ingested(archive, tree):
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    before = {p: snapshot(p) for p in files}
    report = run(archive, tree, **PROVENANCE)
    return archive, tree, files, before, report


def _item(archive, report, name: str) -> dict:
    (result,) = [r for r in report.results if Path(r.path).name == name]
    return items.get_item(archive, result.item_uuid)


def test_every_file_in_nested_folders_becomes_an_item(ingested):
    archive, _tree, files, _before, report = ingested
    assert report.ok
    assert len(report.new) == len(files) == 4
    assert not report.duplicates and not report.failed and not report.skipped
    listed = items.list_items(archive)
    assert sorted(i["sha256"] for i in listed) == sorted(sha256_file(p) for p in files)


def test_exhibit_numbers_are_sequential(archive, tmp_path):
    folder = tmp_path / "seq"
    folder.mkdir()
    for i in range(5):
        media.write_bytes(folder / f"note-{i}.txt", f"statement {i}\n".encode())
    run(archive, folder)
    media.write_bytes(tmp_path / "later.txt", b"a later statement\n")
    run(archive, tmp_path / "later.txt")
    exhibits = [i["exhibit"] for i in items.list_items(archive)]
    assert exhibits == [f"ED-{n:06d}" for n in range(1, 7)]


def test_jpeg_capture_time_gps_and_device(ingested):
    archive, _tree, _files, _before, report = ingested
    item = _item(archive, report, "IMG_0001.JPG")
    assert item["kind"] == "photo"
    assert item["mime_type"] == "image/jpeg"
    assert item["captured_at"].startswith("2022-01-05T18:30:00.25")
    assert item["captured_at"].endswith("+06:00")
    assert item["captured_at_source"] == "exif:DateTimeOriginal"
    assert item["captured_at_utc"].startswith("2022-01-05T12:30:00.25")
    assert item["gps"]["lat"] == pytest.approx(43.2389, abs=1e-4)
    assert item["gps"]["lon"] == pytest.approx(76.8897, abs=1e-4)
    assert item["gps"]["alt"] == pytest.approx(850.0)
    assert item["device"] == {"make": "Apple", "model": "iPhone 12"}
    assert (item["width"], item["height"]) == (640, 480)
    assert item["duration_s"] is None
    assert item["metadata"]["exif"]["DateTimeOriginal"] == "2022:01:05 18:30:00"
    assert item["phash"]
    assert archive.thumbnail_path(item["sha256"]).is_file()
    assert item["warnings"] == []


def test_mp4_duration_and_container_creation_time(ingested):
    archive, _tree, _files, _before, report = ingested
    item = _item(archive, report, "clip.mp4")
    assert item["kind"] == "video"
    assert item["mime_type"] == "video/mp4"
    assert item["duration_s"] == pytest.approx(2.0, abs=0.3)
    assert (item["width"], item["height"]) == (160, 120)
    assert item["captured_at_source"] == "container:creation_time"
    assert item["captured_at"] == "2022-01-05T12:30:00+00:00"
    assert item["gps"]["lat"] == pytest.approx(43.2389, abs=1e-4)


def test_mov_quicktime_creationdate_keeps_the_device_offset(ingested):
    archive, _tree, _files, _before, report = ingested
    item = _item(archive, report, "IMG_0002.MOV")
    assert item["kind"] == "video"
    assert item["mime_type"] == "video/quicktime"
    assert item["captured_at_source"] == "quicktime:creationdate"
    assert item["captured_at"] == "2022-01-05T18:30:00+06:00"
    assert item["device"] == {"make": "Apple", "model": "iPhone 12"}
    assert item["duration_s"] == pytest.approx(1.0, abs=0.3)
    assert item["gps"]["alt"] == pytest.approx(850.0)


def test_pdf_is_a_document_with_page_count(ingested):
    archive, _tree, _files, _before, report = ingested
    item = _item(archive, report, "report.pdf")
    assert item["kind"] == "document"
    assert item["mime_type"] == "application/pdf"
    assert item["captured_at_source"] == "pdf:CreationDate"
    assert item["captured_at"] == "2022-01-05T18:30:00+06:00"
    assert "3" in str(item["metadata"])  # page count is kept in the raw metadata


def test_item_json_has_every_documented_key(ingested):
    archive, *_ = ingested
    for item in items.list_items(archive):
        assert ITEM_KEYS <= set(item)
        assert set(item["device"]) == {"make", "model"}
        assert item["gps"] is None or set(item["gps"]) == {"lat", "lon", "alt"}
        assert item["sources"]
        for source in item["sources"]:
            assert SOURCE_KEYS <= set(source)
        assert item["ingested_at"].endswith("+00:00")
        assert item["tool_version"].startswith("Evidence Desk")
        assert item["host"]


def test_provenance_is_recorded_per_source(ingested):
    archive, tree, *_ = ingested
    for item in items.list_items(archive):
        (source,) = item["sources"]
        assert source["received_from"] == PROVENANCE["received_from"]
        assert source["method"] == PROVENANCE["method"]
        assert source["collector"] == PROVENANCE["collector"]
        assert source["acquired_at"] == PROVENANCE["acquired_at"]
        assert source["notes"] == PROVENANCE["notes"]
        assert Path(source["original_path"]).is_relative_to(tree)
        assert Path(source["original_path"]).name == item["original_name"]
        assert source["file_mtime"] is not None
        assert source["original_path_bytes_hex"] is None


def test_objects_are_read_only_byte_identical_and_fanned_out(ingested):
    archive, _tree, files, _before, _report = ingested
    for path in files:
        digest = sha256_file(path)
        stored = archive.root / "objects" / digest[:2] / digest[2:4] / digest
        assert stored.is_file()
        assert stored.read_bytes() == path.read_bytes()
        assert stat.S_IMODE(stored.stat().st_mode) & 0o222 == 0


def test_sources_are_never_modified(ingested):
    _archive, _tree, files, before, _report = ingested
    assert {p: snapshot(p) for p in files} == before


def test_custody_events_per_new_item_are_chained(ingested):
    archive, *_ = ingested
    for item in items.list_items(archive):
        events = custody.events_for_item(archive, item["id"])
        assert [e.event_type for e in events] == [
            custody_chain.INGESTION,
            custody_chain.MESSAGE_DIGEST,
        ]
        ingestion, digest = events
        assert ingestion.details["exhibit"] == item["exhibit"]
        assert ingestion.details["received_from"] == PROVENANCE["received_from"]
        assert ingestion.actor and ingestion.tool.startswith("Evidence Desk")
        assert digest.details == {
            "algorithm": "SHA-256",
            "digest": item["sha256"],
            "size": item["size"],
        }
        assert digest.prev_hash == ingestion.hash
    with archive.db.reader() as session:
        rows = [custody.to_record(r).as_dict() for r in session.scalars(select(CustodyEvent))]
    assert rows[0]["event_type"] == custody_chain.CREATION
    assert rows[0]["prev_hash"] == custody_chain.GENESIS
    assert custody_chain.check_chain(rows) == []
    for earlier, later in zip(rows, rows[1:], strict=False):
        assert later["prev_hash"] == earlier["hash"]


def test_verify_passes_after_ingest(ingested):
    archive, *_ = ingested
    assert_clean(archive)


def test_progress_reports_bytes_and_files(archive, tree):
    seen = []
    from evidence_desk.services.intake.ingest import Provenance, ingest

    ingest(
        archive,
        [tree],
        provenance=Provenance(),
        progress=lambda p: seen.append((p.files_done, p.files_total, p.bytes_done, p.bytes_total)),
    )
    total = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file())
    assert seen[-1] == (4, 4, total, total)
    assert all(done <= tot for done, tot, *_ in seen)


def test_collector_defaults_to_the_settings_name(archive, tmp_path, monkeypatch):
    from evidence_desk.services.archive.archive import open_archive
    from evidence_desk.services.archive.settings import Settings, save_settings

    save_settings(Settings(collector="Dana from settings"))
    path = media.write_bytes(tmp_path / "a.txt", b"x")
    with open_archive(archive.root) as reopened:
        run(reopened, path)
        (item,) = items.list_items(reopened)
        assert item["sources"][0]["collector"] == "Dana from settings"
        events = custody.events_for_item(reopened, item["id"])
        assert {e.actor for e in events} == {"Dana from settings"}


def test_an_explicitly_named_file_is_ingested(archive, tree):
    jpeg = tree / "DCIM" / "100APPLE" / "IMG_0001.JPG"
    report = run(archive, jpeg)
    assert [r.status for r in report.results] == ["new"]
    assert os.path.samefile(items.get_item(archive, "ED-1")["sources"][0]["original_path"], jpeg)
    assert verify(archive).ok
