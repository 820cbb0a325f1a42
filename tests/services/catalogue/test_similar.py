"""Near-duplicates by perceptual hash and logged "same scene" links."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.services.archive import custody
from evidence_desk.services.catalogue import similar
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media


def _ingest(archive, tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    media.make_jpeg(src / "orig.jpg", size=(800, 600), quality=95)
    media.make_jpeg(src / "telegram.jpg", size=(400, 300), quality=40, gps=None)
    media.make_jpeg(src / "other.jpg", size=(800, 600), color=(0, 0, 255), orientation=1)
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (800, 600), "white")
    ImageDraw.Draw(img).ellipse((100, 100, 500, 500), fill="black")
    img.save(src / "unrelated.jpg")
    report = ingest(archive, [src], provenance=Provenance())
    return {Path(r.path).name: r.item_uuid for r in report.new}


def test_reencoded_copy_is_similar_and_unrelated_is_not(archive, tmp_path):
    ref = _ingest(archive, tmp_path)
    found = similar.find_similar(archive, ref["orig.jpg"])
    uuids = [s.uuid for s in found]
    assert ref["telegram.jpg"] in uuids
    assert ref["unrelated.jpg"] not in uuids
    assert found[0].distance is not None and found[0].distance <= 10


def test_mark_same_scene_is_logged_on_both_items_and_idempotent(archive, tmp_path):
    ref = _ingest(archive, tmp_path)
    a, b = ref["orig.jpg"], ref["unrelated.jpg"]
    assert similar.mark_same_scene(archive, a, b, note="same square, other angle")
    assert not similar.mark_same_scene(archive, b, a)
    linked = [s for s in similar.find_similar(archive, a) if s.same_scene]
    assert [s.uuid for s in linked] == [b]
    for uuid in (a, b):
        events = custody.events_for_item(archive, uuid)
        assert events[-1].event_type == "metadata modification"
        assert events[-1].details["relation"] == "same scene"
    assert similar.unmark_same_scene(archive, a, b)
    assert not any(s.same_scene for s in similar.find_similar(archive, a))
    assert custody.events_for_item(archive, a)[-1].details["action"] == "removed"
