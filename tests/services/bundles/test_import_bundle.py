"""import-bundle: provenance kept, duplicates merged, hostile bundles refused untouched."""

from __future__ import annotations

import json
import os
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from evidence_desk.core import bundle_layout as L
from evidence_desk.core.custody_chain import ACCESSION
from evidence_desk.db.models import (
    CustodyEvent,
    ExternalRef,
    ImportedCustodyEvent,
    Item,
    Source,
)
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.archive.custody import events_for_item
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import ImportRefused, import_bundle
from evidence_desk.services.catalogue.items import list_items
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests.helpers.bundles import populate
from tests.media import make_jpeg


@pytest.fixture(scope="module")
def sender(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("sender")
    archive = create_archive(root / "archive", "Sender archive")
    names = populate(archive, root / "in")
    export_bundle(archive, None, out=root / "bundle")
    export_bundle(archive, None, out=root / "bundle.zip", zip=True)
    info = archive.info()
    archive.close()
    return root, names, info


@pytest.fixture
def receiver(tmp_path: Path):
    archive = create_archive(tmp_path / "receiver", "Receiver")
    yield archive
    archive.close()


def _snapshot(archive) -> tuple:
    with archive.db.reader() as session:
        counts = tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Item, Source, CustodyEvent, ExternalRef, ImportedCustodyEvent)
        )
    return counts, sorted(archive.store.iter_digests())


def test_import_keeps_provenance_and_history(sender, receiver) -> None:
    root, names, info = sender
    report = import_bundle(receiver, root / "bundle.zip", trust_new_signer=True)
    assert report.ok and report.count("new") == 6 and report.sender_uuid == info.uuid
    items = {i["title"]: i for i in list_items(receiver)}
    photo = items["photo.jpg"]
    assert photo["gps"]["lat"] == pytest.approx(43.2389, abs=1e-4)
    assert photo["captured_at"] == "2022-01-05T18:30:00+06:00"
    assert photo["captured_at_source"] == "exif:DateTimeOriginal"
    assert sorted(photo["tags"]) == sorted(["Протест", "police"])
    assert items["secret.txt"]["sensitivity"] == "confidential"
    methods = [(s["method"], s["received_from"]) for s in photo["sources"]]
    assert methods[0] == ("bundle import", f"Sender archive ({info.uuid})")
    assert ("USB stick", "Witness Aigerim") in methods
    with receiver.db.reader() as session:
        item = session.scalars(select(Item).where(Item.sha256 == photo["sha256"])).one()
        refs = session.scalars(select(ExternalRef).where(ExternalRef.item_id == item.id)).all()
        assert [(r.system, r.ref) for r in refs] == [(info.uuid, names["photo.jpg"])]
        history = session.scalars(
            select(ImportedCustodyEvent)
            .where(ImportedCustodyEvent.item_id == item.id)
            .order_by(ImportedCustodyEvent.position)
        ).all()
    kinds = [json.loads(h.event_json)["event_type"] for h in history]
    assert kinds[:2] == ["ingestion", "message digest calculation"]
    assert "metadata modification" in kinds  # the tags added by the sender
    assert all(h.source_archive_uuid == info.uuid for h in history)
    events = events_for_item(receiver, photo["id"])
    accession = [e for e in events if e.event_type == ACCESSION]
    assert len(accession) == 1 and accession[0].details["sender_exhibit"] == names["photo.jpg"]
    assert receiver.store.path_for(photo["sha256"]).read_bytes()
    assert receiver.thumbnail_path(photo["sha256"]).is_file()
    assert verify(receiver).ok


def test_import_twice_and_existing_content_are_duplicates(sender, receiver, tmp_path) -> None:
    root, names, _ = sender
    make_jpeg(tmp_path / "same.jpg", orientation=6, xmp="<x:xmpmeta>Aigerim</x:xmpmeta>")
    ingest(receiver, [tmp_path / "same.jpg"], provenance=Provenance(received_from="Local"))
    first = import_bundle(receiver, root / "bundle", trust_new_signer=True)
    assert first.count("new") == 5 and first.count("duplicate") == 1
    counts, objects = _snapshot(receiver)
    again = import_bundle(receiver, root / "bundle")
    assert again.count("duplicate") == 6 and again.ok
    counts_after, objects_after = _snapshot(receiver)
    assert objects_after == objects
    assert counts_after[0] == counts[0]  # no new items
    assert counts_after[3:] == counts[3:]  # no repeated references or history
    local = next(i for i in list_items(receiver) if i["exhibit"] == "ED-000001")
    assert any(s["received_from"] == "Local" for s in local["sources"])
    assert any(s["method"] == "bundle import" for s in local["sources"])


def _refuse(receiver, path: Path, match: str) -> None:
    before = _snapshot(receiver)
    with pytest.raises(ImportRefused, match=match):
        import_bundle(receiver, path)
    assert _snapshot(receiver) == before


def test_tampered_bundle_is_refused(sender, receiver, tmp_path: Path) -> None:
    copy = tmp_path / "bag"
    shutil.copytree(sender[0] / "bundle", copy)
    target = sorted((copy / L.OBJECTS_DIR).iterdir())[-1]
    data = target.read_bytes()
    target.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    _refuse(receiver, copy, "changed")


def _hostile_zip(sender, tmp_path: Path, name: str, add) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(sender[0] / "bundle.zip") as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            add(dst)
    return out


@pytest.mark.parametrize(
    ("name", "entry", "match"),
    [
        ("traversal", "bundle/../../evil.sh", "traversal"),
        ("absolute", "/etc/cron.d/evil", "absolute"),
        ("windows", "bundle\\..\\evil", "backslash"),
        ("duplicate", "bundle/bagit.txt", "duplicate"),
        ("casefold", "bundle/BAGIT.txt", "duplicate"),
    ],
)
def test_hostile_names_are_refused(sender, receiver, tmp_path, name, entry, match) -> None:
    path = _hostile_zip(sender, tmp_path, name, lambda z: z.writestr(entry, b"#!/bin/sh\n"))
    _refuse(receiver, path, match)


def test_symlinks_are_refused(sender, receiver, tmp_path: Path) -> None:
    def add(z: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("bundle/data/objects/link.jpg")
        info.external_attr = 0o120777 << 16
        z.writestr(info, "/etc/passwd")

    _refuse(receiver, _hostile_zip(sender, tmp_path, "symlink", add), "symbolic link")
    folder = tmp_path / "bag"
    shutil.copytree(sender[0] / "bundle", folder)
    os.symlink("/etc/passwd", folder / L.OBJECTS_DIR / "passwd.txt")
    _refuse(receiver, folder, "symbolic link")


def test_zip_bomb_is_refused(sender, receiver, tmp_path: Path) -> None:
    def add(z: zipfile.ZipFile) -> None:
        z.writestr("bundle/data/objects/bomb.bin", bytes(20 * 2**20), zipfile.ZIP_DEFLATED)

    _refuse(receiver, _hostile_zip(sender, tmp_path, "bomb", add), "zip bomb")


def test_entry_bigger_than_declared_is_refused(sender, receiver, tmp_path: Path) -> None:
    out = tmp_path / "bigger.zip"
    with zipfile.ZipFile(sender[0] / "bundle.zip") as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".pdf"):
                data += bytes(4096)
            dst.writestr(info, data)
    _refuse(receiver, out, "bigger than declared")


def test_unsigned_or_foreign_key_is_refused(sender, receiver, tmp_path: Path) -> None:
    folder = tmp_path / "bag"
    shutil.copytree(sender[0] / "bundle", folder)
    before = _snapshot(receiver)
    with pytest.raises(ImportRefused, match="expected key"):
        import_bundle(receiver, folder, expected_fingerprint="00" * 32)
    assert _snapshot(receiver) == before
    shutil.rmtree(folder / L.SIGNATURE_DIR)
    _refuse(receiver, folder, "not signed")
