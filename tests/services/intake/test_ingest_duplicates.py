"""Same content twice: one object, one item, one more provenance record."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.core import custody_chain
from evidence_desk.services.archive import custody
from evidence_desk.services.catalogue import items
from tests import media
from tests.helpers.ingest import assert_clean, run, sha256_file


def test_duplicates_within_one_batch(archive, tmp_path: Path):
    folder = tmp_path / "phone"
    (folder / "WhatsApp" / "Media").mkdir(parents=True)
    original = media.make_jpeg(folder / "DCIM-IMG_0001.jpg")
    (folder / "WhatsApp" / "Media" / "IMG-20220105-WA0001.jpg").write_bytes(original.read_bytes())
    (folder / "copy.jpg").write_bytes(original.read_bytes())

    report = run(archive, folder, received_from="Phone of witness B")

    assert len(report.new) == 1 and len(report.duplicates) == 2
    (new,) = report.new
    for dup in report.duplicates:
        assert dup.exhibit == new.exhibit == "ED-000001"
        assert dup.item_uuid == new.item_uuid
        assert "same content as ED-000001" in " ".join(dup.messages)
    (item,) = items.list_items(archive)
    assert len(item["sources"]) == 3
    assert {Path(s["original_path"]).name for s in item["sources"]} == {
        "DCIM-IMG_0001.jpg",
        "IMG-20220105-WA0001.jpg",
        "copy.jpg",
    }
    assert list(archive.store.iter_digests()) == [sha256_file(original)]
    assert_clean(archive)


def test_duplicates_across_batches_keep_each_provenance(archive, tmp_path: Path):
    first = media.make_mp4(tmp_path / "video.mp4")
    second_dir = tmp_path / "later"
    second_dir.mkdir()
    renamed = second_dir / "forwarded video.mp4"
    renamed.write_bytes(first.read_bytes())
    other = media.write_bytes(second_dir / "other.txt", b"something new")

    one = run(archive, first, received_from="Volunteer A", method="USB", acquired_at="2022-01-07")
    two = run(
        archive,
        second_dir,
        received_from="Journalist C",
        method="messenger export",
        collector="Dana",
        acquired_at="2022-02-01",
    )

    assert len(one.new) == 1
    assert len(two.new) == 1 and len(two.duplicates) == 1
    dup = two.duplicates[0]
    assert dup.exhibit == "ED-000001"
    assert "same content as ED-000001 (already in the archive)" in dup.messages
    assert two.new[0].exhibit == "ED-000002"
    assert two.ok

    video = items.get_item(archive, "ED-000001")
    assert [(s["received_from"], s["method"], s["acquired_at"]) for s in video["sources"]] == [
        ("Volunteer A", "USB", "2022-01-07"),
        ("Journalist C", "messenger export", "2022-02-01"),
    ]
    assert video["sources"][1]["original_name"] == "forwarded video.mp4"
    assert video["sources"][0]["batch"] != video["sources"][1]["batch"]
    assert video["original_name"] == "video.mp4"  # the first receipt names the item
    assert items.get_item(archive, "ED-000002")["sha256"] == sha256_file(other)

    events = custody.events_for_item(archive, video["id"])
    assert [e.event_type for e in events] == [
        custody_chain.INGESTION,
        custody_chain.MESSAGE_DIGEST,
        custody_chain.INGESTION,
    ]
    assert events[2].details["duplicate"] is True
    assert events[2].details["received_from"] == "Journalist C"
    assert len(list(archive.store.iter_digests())) == 2
    assert_clean(archive)


def test_same_batch_twice_adds_nothing_but_provenance(archive, tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(5):
        media.write_bytes(folder / f"{i}.txt", f"file {i}".encode())
    run(archive, folder)
    again = run(archive, folder)
    assert len(again.duplicates) == 5 and not again.new
    listed = items.list_items(archive)
    assert [i["exhibit"] for i in listed] == [f"ED-{n:06d}" for n in range(1, 6)]
    assert all(len(i["sources"]) == 2 for i in listed)
    assert_clean(archive)
