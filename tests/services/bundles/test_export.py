"""Export: layout, byte-identical originals, metadata, custody, atomicity."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.core import bundle_layout as L
from evidence_desk.core.bundle_custody import check_segment
from evidence_desk.core.custody_chain import REPLICATION
from evidence_desk.db.models import CustodyEvent
from evidence_desk.services.archive.custody import events_for_item
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles.export import ExportError, export_bundle
from evidence_desk.services.catalogue.items import get_item, list_items
from tests.helpers.bundles import populate


@pytest.fixture
def names(archive, tmp_path: Path) -> dict[str, str]:
    return populate(archive, tmp_path / "in")


def _events(archive, event_type: str) -> int:
    with archive.db.reader() as session:
        return len(
            session.scalars(select(CustodyEvent).where(CustodyEvent.event_type == event_type)).all()
        )


def test_full_export_layout_and_originals(archive, names, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    seen = []
    report = export_bundle(archive, None, out=out, progress=lambda p: seen.append(p.bytes_done))
    assert report.path == out and not report.cancelled
    assert seen and seen[-1] == sum(i["size"] for i in list_items(archive))
    assert len(report.exported) == 6  # the full profile keeps confidential items
    for tag in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"):
        assert (out / tag).is_file()
    for name in (L.ITEMS_JSON, L.ITEMS_CSV, L.PLACES_GEOJSON, L.CUSTODY_JSON, L.REPORT_HTML):
        assert (out / name).is_file(), name
    assert (out / L.REPORT_PDF).read_bytes().startswith(b"%PDF")
    items = json.loads((out / L.ITEMS_JSON).read_text(encoding="utf-8"))
    assert items["archive"]["uuid"] == archive.info().uuid and items["profile"] == "full"
    for record in items["items"]:
        path = out / record["bundle"]["file"]
        stored = archive.store.path_for(record["sha256"]).read_bytes()
        assert path.read_bytes() == stored  # byte-identical
        assert path.name.startswith(f"{record['exhibit']}_{record['sha256'][:8]}.")
        assert record["bundle"]["sha256"] == record["sha256"]
    photo = next(r for r in items["items"] if r["exhibit"] == names["photo.jpg"])
    assert photo["bundle"]["file"].endswith(".jpg") and "Протест" in photo["tags"]
    assert photo["gps"]["lat"] == pytest.approx(43.2389, abs=1e-4)
    assert photo["sources"][0]["received_from"] == "Witness Aigerim"
    info = (out / "bag-info.txt").read_text(encoding="utf-8")
    for label in ("Contact-Name", "External-Description", "Bagging-Date", "Payload-Oxum"):
        assert f"\n{label}: " in "\n" + info
    assert f"External-Identifier: {archive.info().uuid}" in info
    assert "Bag-Software-Agent: Evidence Desk" in info
    assert not list(tmp_path.glob(".bundle*"))  # no temporary leftovers


def test_places_csv_and_report(archive, names, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    report = export_bundle(archive, [names["photo.jpg"], names["map.png"]], out=out)
    places = json.loads((out / L.PLACES_GEOJSON).read_text(encoding="utf-8"))
    assert places["type"] == "FeatureCollection"
    (feature,) = places["features"]  # only the photo has GPS
    assert feature["geometry"]["type"] == "Point"
    assert feature["geometry"]["coordinates"][:2] == pytest.approx([76.8897, 43.2389], abs=1e-4)
    with open(out / L.ITEMS_CSV, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["exhibit"] for r in rows) == sorted([names["photo.jpg"], names["map.png"]])
    html = (out / L.REPORT_HTML).read_text(encoding="utf-8")
    assert archive.info().name in html and archive.info().uuid in html
    assert names["photo.jpg"] in html and "Chain of custody" in html
    assert "thumbs/" in html and (out / L.thumb_name(names["photo.jpg"])).is_file()
    fp = report.fingerprint
    assert fp and " ".join(fp[i : i + 4] for i in range(0, 64, 4)) in html


def test_custody_segment_and_replication_events(archive, names, tmp_path: Path) -> None:
    before = _events(archive, REPLICATION)
    chosen = [names["clip.mov"], names["statement.pdf"]]
    out = tmp_path / "bundle"
    export_bundle(archive, chosen, out=out)
    assert _events(archive, REPLICATION) == before + 2
    custody = json.loads((out / L.CUSTODY_JSON).read_text(encoding="utf-8"))
    entries = custody["entries"]
    result = check_segment(entries)
    assert result.problems == []
    assert result.checked >= 4 and result.withheld >= 1  # other items' events are withheld
    uuids = {get_item(archive, ref)["id"] for ref in chosen}
    full = [e for e in entries if "withheld" not in e]
    assert {e["item_uuid"] for e in full} == uuids
    stored = events_for_item(archive, next(iter(uuids)))
    exported = [e for e in full if e["item_uuid"] == stored[0].item_uuid]
    assert [e["hash"] for e in exported] == [e.hash for e in stored[: len(exported)]]
    replication = events_for_item(archive, stored[0].item_uuid)[-1]
    assert replication.event_type == REPLICATION
    assert replication.details["tagmanifest_sha256"] and replication.details["bundle"]


def test_zip_export_is_stored_under_one_folder(archive, names, tmp_path: Path) -> None:
    out = tmp_path / "bundle.zip"
    report = export_bundle(archive, None, out=out, zip=True)
    with zipfile.ZipFile(out) as zf:
        infos = zf.infolist()
        assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
        assert {i.filename.split("/")[0] for i in infos} == {"bundle"}
        record = json.loads(zf.read("bundle/" + L.ITEMS_JSON))["items"][0]
        data = zf.read("bundle/" + record["bundle"]["file"])
    assert data == archive.store.path_for(record["sha256"]).read_bytes()
    assert report.payload_files > 6


def test_cancel_leaves_nothing(archive, names, tmp_path: Path) -> None:
    before = _events(archive, REPLICATION)
    calls = {"n": 0}

    def cancel_later() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    for zipped in (False, True):
        out = tmp_path / ("b.zip" if zipped else "b")
        report = export_bundle(archive, None, out=out, zip=zipped, cancelled=cancel_later)
        assert report.cancelled and report.path is None
        assert not out.exists()
        calls["n"] = 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "in"]
    assert _events(archive, REPLICATION) == before


def test_damaged_original_fails_without_leftovers(archive, names, tmp_path: Path) -> None:
    digest = get_item(archive, names["map.png"])["sha256"]
    path = archive.store.path_for(digest)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF
    path.write_bytes(bytes(data))
    out = tmp_path / "bundle"
    with pytest.raises(ExportError, match="no longer matches"):
        export_bundle(archive, None, out=out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "in"]
    assert _events(archive, REPLICATION) == 0


def test_refuses_existing_destination_and_unknown_items(archive, names, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(ExportError, match="already exists"):
        export_bundle(archive, None, out=tmp_path / "taken")
    with pytest.raises(EvidenceDeskError):
        export_bundle(archive, ["ED-999999"], out=tmp_path / "x")
    with pytest.raises(ExportError, match="profile"):
        export_bundle(archive, None, out=tmp_path / "y", profile="public")
    with pytest.raises(EvidenceDeskError, match="no incident 'INC-9'"):
        export_bundle(archive, None, incident="INC-9", out=tmp_path / "z")
