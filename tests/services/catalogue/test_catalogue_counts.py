"""The counts the database keeps (db/counts.py) stay equal to counting the rows, whatever
writes; searches give the hits a plain query gives, in exhibit order, whether or not item
ids follow exhibit numbers."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_desk.db.queries import catalogue as q
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import import_bundle
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue.listing import Filters, Sort
from evidence_desk.services.catalogue.removal import remove_items, restore_items
from evidence_desk.services.catalogue.search_index import fts_query
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media


def _kept(archive) -> tuple[Counter, Counter]:  # type: ignore[no-untyped-def]
    with archive.db.reader() as session:
        rows, tags = q.facet_counts(session)
    return Counter({tuple(r[:3]): r[3] for r in rows}), Counter({n: c for n, c in tags if c})


def _counted(archive) -> tuple[Counter, Counter]:  # type: ignore[no-untyped-def]
    with archive.db.reader() as session:
        rows, tags = q.counted_facets(session)
    return Counter({tuple(r[:3]): r[3] for r in rows}), Counter(dict(tags))


def assert_counts_right(archive) -> None:  # type: ignore[no-untyped-def]
    assert _kept(archive) == _counted(archive)
    facets = catalogue.facets(archive)
    kinds, _ = _counted(archive)
    assert facets.total == sum(n for (removed, _k, _s), n in kinds.items() if not removed)
    assert facets.removed == sum(n for (removed, _k, _s), n in kinds.items() if removed)


def _breaks(archive) -> int:  # type: ignore[no-untyped-def]
    with archive.db.reader() as session:
        return int(
            session.execute(
                text("SELECT value FROM counters WHERE name = 'id_order_breaks'")
            ).scalar_one()
        )


@pytest.fixture
def filled(archive, tmp_path: Path):  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    media.make_jpeg(src / "a.jpg", color=(200, 10, 10))
    media.make_jpeg(src / "b.jpg", color=(10, 200, 10), gps=None)
    media.make_pdf(src / "c.pdf")
    for n in range(4):
        media.write_bytes(src / f"note{n}.bin", bytes([n]) * (50 + n))
    report = ingest(archive, [src], provenance=Provenance(received_from="Волонтёр 7"))
    uuids = sorted(r.item_uuid for r in report.new)
    for n, ref in enumerate(uuids):
        items.update_fields(archive, ref, title=f"Алматы площадь {n}" if n % 2 else f"Ақтау {n}")
    return archive, uuids


def test_counts_follow_every_write(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    archive, uuids = filled
    assert_counts_right(archive)
    items.set_tags(archive, uuids[:4], add=["задержание", "Almaty"])
    items.set_tags(archive, uuids[2:], add=["ИВС"])
    assert_counts_right(archive)
    items.set_tags(archive, uuids[:2], remove=["Almaty"])
    items.update_fields(archive, uuids[0], sensitivity="public")
    items.update_fields(archive, uuids[1], sensitivity="confidential")
    assert_counts_right(archive)
    remove_items(archive, uuids[1:3], "duplicate upload")
    assert_counts_right(archive)
    assert catalogue.facets(archive).removed == 2
    items.set_tags(archive, [uuids[1]], add=["суд"])  # a tag on a removed item only
    assert dict(catalogue.facets(archive).tags).get("суд") is None
    assert_counts_right(archive)
    restore_items(archive, [uuids[2]], "not a duplicate after all")
    assert_counts_right(archive)
    # A transaction that fails leaves no trace in the counts either.
    with pytest.raises(RuntimeError), archive.db.writer() as session:
        session.execute(text("UPDATE items SET sensitivity = 'public'"))
        session.execute(text("DELETE FROM item_tags"))
        raise RuntimeError("rolled back")
    assert_counts_right(archive)
    # Writes by hand, outside the services, are counted by the same triggers.
    with archive.db.writer() as session:
        session.execute(text("UPDATE items SET kind = 'other' WHERE exhibit_no = 4"))
        session.execute(text("DELETE FROM tags WHERE name = 'ИВС'"))
    assert_counts_right(archive)
    assert _breaks(archive) == 0
    # Bundle import into another archive: counts there too, ids still in exhibit order.
    export_bundle(archive, None, out=tmp_path / "bundle")
    receiver = create_archive(tmp_path / "receiver", "receiver")
    try:
        media.make_jpeg(tmp_path / "own.jpg", color=(1, 2, 3))
        ingest(receiver, [tmp_path / "own.jpg"], provenance=Provenance(received_from="B"))
        report = import_bundle(receiver, tmp_path / "bundle", trust_new_signer=True)
        assert report.ok, report
        assert_counts_right(receiver)
        assert catalogue.facets(receiver).total == 1 + catalogue.facets(archive).total
        assert _breaks(receiver) == 0
    finally:
        receiver.close()


def _reference(archive, typed: str, removed: bool, descending: bool) -> list[int]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(archive.db.path)
    where = "IS NOT NULL" if removed else "IS NULL"
    way = " DESC" if descending else ""
    try:
        return [
            r[0]
            for r in conn.execute(
                f"SELECT id FROM items WHERE removed_at {where} AND id IN "
                "(SELECT rowid FROM item_search WHERE item_search MATCH ?) "
                f"ORDER BY exhibit_no{way}",
                (fts_query(typed),),
            )
        ]
    finally:
        conn.close()


def _searches_match(archive) -> None:  # type: ignore[no-untyped-def]
    for typed in ("алматы", "Ақтау", "Волонтёр 7", "площадь 3", "nothing-like-this"):
        for removed in (False, True):
            for descending in (False, True):
                found = catalogue.query_ids(
                    archive, Filters(text=typed, removed=removed), Sort("exhibit", descending)
                )
                assert found == _reference(archive, typed, removed, descending), typed
                limited = catalogue.query_ids(
                    archive, Filters(text=typed, removed=removed), Sort("exhibit", descending), 2
                )
                assert limited == found[:2]


def test_search_order_with_ids_in_and_out_of_exhibit_order(filled) -> None:  # type: ignore[no-untyped-def]
    archive, uuids = filled
    remove_items(archive, [uuids[3]], "duplicate upload")
    assert _breaks(archive) == 0
    _searches_match(archive)
    assert catalogue.query_ids(archive, Filters(text="алматы"))  # there are hits to order
    # Swap two exhibit numbers by hand: ids no longer follow exhibits, the plain query
    # order must still come out.
    with archive.db.writer() as session:
        session.execute(text("UPDATE items SET exhibit_no = -1 WHERE exhibit_no = 2"))
        session.execute(text("UPDATE items SET exhibit_no = 2 WHERE exhibit_no = 5"))
        session.execute(text("UPDATE items SET exhibit_no = 5 WHERE exhibit_no = -1"))
    assert _breaks(archive) > 0
    _searches_match(archive)
    assert_counts_right(archive)


def test_an_item_out_of_order_is_noticed(filled) -> None:  # type: ignore[no-untyped-def]
    archive, _uuids = filled
    with archive.db.writer() as session:
        session.execute(
            text(
                "INSERT INTO items (uuid, exhibit_no, sha256, size, kind, mime_type, title, "
                "title_publishable, description, notes, sensitivity, has_thumbnail, "
                "metadata_json, warnings_json, ingested_at, tool_version, host) VALUES "
                "('00000000-0000-4000-8000-000000000000', 0, :sha, 1, 'document', 'text/plain', "
                "'', 0, '', '', 'restricted', 0, '{}', '[]', '2026-01-01 00:00:00.000000', "
                "'test', 'test')"
            ),
            {"sha": "0" * 64},
        )
    assert _breaks(archive) == 1
    assert_counts_right(archive)


def test_a_dropped_trigger_is_found_and_the_counts_rebuilt(filled) -> None:  # type: ignore[no-untyped-def]
    archive, uuids = filled
    with archive.db.reader() as session:
        assert q.count_problems(session) == []
    with archive.db.writer() as session:
        session.execute(text("DROP TRIGGER item_counts_update"))
        session.execute(text("DROP TRIGGER tag_counts_insert"))
    items.update_fields(archive, uuids[0], sensitivity="public")
    items.set_tags(archive, uuids[:3], add=["задержание"])
    with archive.db.reader() as session:
        problems = q.count_problems(session)
    assert "trigger item_counts_update is missing" in problems
    assert "trigger tag_counts_insert is missing" in problems
    assert "item counts differ from the items" in problems
    assert "tag counts differ from the tags of items" in problems
    with archive.db.writer() as session:
        q.rebuild_counts(session)
    with archive.db.reader() as session:
        assert q.count_problems(session) == []
    assert_counts_right(archive)
    assert _breaks(archive) == 0
    items.set_tags(archive, uuids[3:5], add=["задержание"])
    assert_counts_right(archive)


def test_counts_survive_encrypting_the_archive(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The export into SQLCipher copies the counts and the triggers, counting nothing twice."""
    from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS
    from evidence_desk.services.archive.archive import open_archive
    from evidence_desk.services.catalogue.conversion import encrypt_archive

    archive, uuids = filled
    items.set_tags(archive, uuids[:3], add=["задержание"])
    remove_items(archive, [uuids[0]], "duplicate upload")
    before = _kept(archive)
    root = archive.root
    archive.close()
    encrypt_archive(root, "eleven words of a long phrase", kdf=FAST_TEST_PARAMS)
    with open_archive(root, passphrase=lambda: "eleven words of a long phrase") as encrypted:
        assert _kept(encrypted) == before
        assert_counts_right(encrypted)
        items.set_tags(encrypted, uuids[3:], add=["задержание"])
        assert_counts_right(encrypted)
        with encrypted.db.reader() as session:
            assert q.count_problems(session) == []
