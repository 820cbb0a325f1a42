"""The importer registry: loose files and bundles behind one interface."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake import importers
from evidence_desk.services.intake.importers.base import CERTAIN, NOT_MINE, Importer
from evidence_desk.services.intake.ingest import IngestReport
from tests import media


def test_builtin_importers_implement_the_interface() -> None:
    names = [i.name for i in importers.importers()]
    assert names[:2] == ["files", "bundle"]
    assert all(isinstance(i, Importer) for i in importers.importers())
    with pytest.raises(EvidenceDeskError, match="no importer called"):
        importers.get("telegram-from-the-future")


def test_bundle_detection(tmp_path: Path) -> None:
    bundle = importers.get("bundle")
    bag = tmp_path / "bag"
    bag.mkdir()
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\n")
    zipped = tmp_path / "bag.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("bag/bagit.txt", "BagIt-Version: 1.0\n")
    plain = tmp_path / "photo.jpg"
    media.make_jpeg(plain)
    not_a_zip = tmp_path / "fake.zip"
    not_a_zip.write_bytes(b"PK\x03\x04 truncated")
    assert bundle.detect(bag) == CERTAIN
    assert bundle.detect(bag / "bagit.txt") == CERTAIN
    assert bundle.detect(zipped) == CERTAIN
    assert bundle.detect(plain) == NOT_MINE
    assert bundle.detect(not_a_zip) == NOT_MINE
    assert bundle.detect(tmp_path / "missing") == NOT_MINE


def test_route_gives_a_new_automatic_importer_what_it_detects(tmp_path: Path, monkeypatch) -> None:
    chat = tmp_path / "result.json"
    chat.write_text("{}")
    photo = tmp_path / "photo.jpg"
    media.make_jpeg(photo)

    class ChatExports:
        name = "chat-test"
        automatic = True

        def detect(self, path: Path) -> float:
            return 0.9 if path.name == "result.json" else NOT_MINE

        def run(self, archive, paths, **kwargs):  # type: ignore[no-untyped-def]
            raise AssertionError("not run by route")

    registry = dict(importers.registry._registry())
    monkeypatch.setattr(importers.registry, "_loaded", registry)
    importers.register(ChatExports())
    routed = [(i.name, paths) for i, paths in importers.route([photo, chat])]
    assert routed == [("files", [photo]), ("chat-test", [chat])]


def test_files_importer_runs_ingest(archive, tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    media.make_jpeg(photo)
    report = importers.get("files").run(archive, [photo])
    assert isinstance(report, IngestReport) and report.ok
    assert [r.exhibit for r in report.new] == ["ED-000001"]
