"""Custody that survives an edited database: truncation, triggers, direct edits, odd objects.

Each test plays someone with file access who uses a plain SQLite tool: drop
the triggers, then delete or edit rows. Verify must name what happened, by
exhibit and field, and put the triggers back.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.db.triggers import TRIGGERS, normalise
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import assert_clean, raw_db, run


@pytest.fixture
def three(archive, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(
        folder / "photo.jpg",
        exif_datetime="2022:01:05 14:03:07",
        offset="+06:00",
        gps=(43.238949, 76.889709, 850.0),
    )
    for i in range(2):
        media.write_bytes(folder / f"note{i}.txt", f"statement number {i}\n".encode())
    report = run(archive, folder, received_from="Witness A-17", method="USB")
    assert len(report.new) == 3
    return archive


def _exhibit_of(archive, name: str) -> str:
    for item in items.list_items(archive):
        if item["original_name"] == name:
            return item["exhibit"]
    raise AssertionError(name)


def _sql(archive, *statements: str, drop: tuple[str, ...] = tuple(TRIGGERS)) -> None:
    """Drop the protective triggers and run ``statements``, as a plain SQLite tool would."""
    conn = raw_db(archive)
    try:
        for name in drop:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _kinds(report) -> list[str]:
    return [p.kind for p in report.problems]


def _live_triggers(archive) -> dict[str, str]:
    conn = raw_db(archive)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    finally:
        conn.close()


def test_clean_archive_has_a_valid_checkpoint(three):
    assert_clean(three)
    checkpoint = cp.read(three.root / cp.FILE_NAME)
    assert checkpoint is not None
    conn = raw_db(three)
    count, head = conn.execute(
        "SELECT count(*), (SELECT hash FROM custody_events ORDER BY id DESC LIMIT 1) "
        "FROM custody_events"
    ).fetchone()
    conn.close()
    assert (checkpoint.events, checkpoint.head, checkpoint.exhibit_high) == (count, head, 3)


def test_checkpoint_follows_every_write(three):
    before = cp.read(three.root / cp.FILE_NAME)
    items.set_tags(three, ["ED-1"], add=["протест"])
    after = cp.read(three.root / cp.FILE_NAME)
    assert after.events == before.events + 1 and after.head != before.head


def test_deleting_the_last_events_is_truncation(three):
    _sql(three, "DELETE FROM custody_events WHERE id > (SELECT max(id) - 3 FROM custody_events)")
    report = verify(three)
    checkpoint_problems = [p.message for p in report.problems if p.kind == "checkpoint"]
    assert len(checkpoint_problems) == 1
    assert "truncated" in checkpoint_problems[0] and "only 4" in checkpoint_problems[0]
    assert not report.ok


def test_deleting_every_event_is_truncation(three):
    _sql(three, "DELETE FROM custody_events")
    report = verify(three)
    assert "checkpoint" in _kinds(report)
    message = next(p.message for p in report.problems if p.kind == "checkpoint")
    assert "truncated" in message and "only 0" in message


def test_truncation_is_not_hidden_by_later_writes(three):
    """A write after the truncation must not re-anchor the shorter log."""
    _sql(three, "DELETE FROM custody_events WHERE id > (SELECT max(id) - 2 FROM custody_events)")
    items.set_tags(three, ["ED-2"], add=["later"])
    report = verify(three)
    assert any("truncated" in p.message for p in report.problems)


def test_dropped_and_altered_triggers_are_reported_then_restored(three):
    conn = raw_db(three)
    conn.execute("DROP TRIGGER items_evidence_no_update")
    conn.execute("DROP TRIGGER custody_events_no_delete")
    conn.execute(
        "CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events "
        "WHEN 0 BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    )
    conn.close()
    report = verify(three)
    triggers = {p.message.split()[2]: p.message for p in report.problems if p.kind == "trigger"}
    assert set(triggers) == {"items_evidence_no_update", "custody_events_no_delete"}
    assert "missing" in triggers["items_evidence_no_update"]
    assert "altered" in triggers["custody_events_no_delete"]
    assert any("restored trigger" in n for n in report.notes)
    live = _live_triggers(three)
    for name, sql in TRIGGERS.items():
        assert normalise(live[name]) == normalise(sql)
    assert verify(three).ok  # restored: the next run is clean
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn = raw_db(three)
        try:
            conn.execute("DELETE FROM custody_events")
        finally:
            conn.close()


def test_a_dropped_counting_trigger_is_reported_restored_and_the_counts_redone(three):
    """Not tampering with evidence, but the database was edited outside the app: verify
    says so, puts the trigger back, counts again and goes on with its other checks."""
    from evidence_desk.db.counts import TRIGGERS as COUNTING
    from evidence_desk.db.queries import catalogue as catalogue_q

    conn = raw_db(three)
    conn.execute("DROP TRIGGER item_counts_update")
    conn.close()
    items.update_fields(three, _exhibit_of(three, "note0.txt"), sensitivity="public")
    with three.db.reader() as session:
        assert catalogue_q.count_drift(session) == ["item counts differ from the items"]
    report = verify(three)
    assert [p.kind for p in report.problems] == ["trigger"]
    message = report.problems[0].message
    assert "item_counts_update is missing" in message and "outside Evidence Desk" in message
    assert report.items_checked == 3
    assert any("restored trigger(s): item_counts_update" in n for n in report.notes)
    live = _live_triggers(three)
    assert normalise(live["item_counts_update"]) == normalise(COUNTING["item_counts_update"])
    with three.db.reader() as session:
        assert catalogue_q.count_problems(session) == []
    assert verify(three).ok


@pytest.mark.parametrize(
    "statement, field_label",
    [
        ("UPDATE items SET captured_local = '2022-01-07 09:00:00.000000' WHERE {w}", "time"),
        ("UPDATE items SET captured_source = 'file:mtime' WHERE {w}", "capture time source"),
        ("UPDATE items SET gps_lat = 43.5 WHERE {w}", "GPS latitude"),
        ("UPDATE items SET gps_lon = 77.0, gps_lat = 43.0 WHERE {w}", "GPS longitude"),
        ("UPDATE items SET size = size + 1 WHERE {w}", "size"),
        ("UPDATE sources SET received_from = 'someone else' WHERE item_id = {id}", "provenance"),
        ("UPDATE sources SET acquired_at = '2021-12-31' WHERE item_id = {id}", "provenance"),
    ],
)
def test_direct_edits_of_evidence_are_named(three, statement, field_label):
    exhibit = _exhibit_of(three, "photo.jpg")
    number = int(exhibit[3:])
    conn = raw_db(three)
    item_id = conn.execute("SELECT id FROM items WHERE exhibit_no = ?", (number,)).fetchone()[0]
    conn.close()
    _sql(three, statement.format(w=f"exhibit_no = {number}", id=item_id))
    report = verify(three)
    records = [p for p in report.problems if p.kind == "record"]
    assert len(records) == 1, [p.message for p in report.problems]
    assert records[0].exhibit == exhibit
    assert exhibit in records[0].message and field_label in records[0].message
    assert "edited directly" in records[0].message


def test_the_database_refuses_edits_of_hash_size_and_provenance(three):
    conn = raw_db(three)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="hash and size"):
            conn.execute("UPDATE items SET size = 1")
        with pytest.raises(sqlite3.IntegrityError, match="hash and size"):
            conn.execute("UPDATE items SET sha256 = 'ab' || substr(sha256, 3)")
        with pytest.raises(sqlite3.IntegrityError, match="provenance"):
            conn.execute("UPDATE sources SET received_from = 'x'")
        conn.execute("UPDATE items SET title = 'descriptive fields stay editable'")
    finally:
        conn.close()


def test_a_logged_capture_time_correction_is_no_alarm(three):
    """A metadata modification naming captured_at may change the capture time (messenger
    exports do); the same change without that event is named."""
    from evidence_desk.core import custody_chain
    from evidence_desk.db.models import Item
    from evidence_desk.services.archive import custody

    exhibit = _exhibit_of(three, "photo.jpg")
    with three.db.writer() as session:
        item = session.query(Item).filter(Item.exhibit_no == int(exhibit[3:])).one()
        item.captured_source = "telegram:message_date"
        session.flush()
        custody.append(
            session, three, custody_chain.METADATA_MODIFICATION, item=item,
            details={"field": "captured_at", "source": "telegram:message_date"},
        )  # fmt: skip
    assert verify(three).ok
    with three.db.writer() as session:
        item = session.query(Item).filter(Item.exhibit_no == int(exhibit[3:])).one()
        item.captured_precision = "day"
        session.flush()
        custody.append(
            session, three, custody_chain.METADATA_MODIFICATION, item=item,
            details={"field": "title", "before": "a", "after": "b"},
        )  # fmt: skip
    records = [p.message for p in verify(three).problems if p.kind == "record"]
    assert len(records) == 1 and "capture time precision" in records[0]


def test_an_edit_is_not_blessed_by_a_later_event(three):
    """A forged GPS fix followed by an honest tag edit (which embeds the new digest)."""
    exhibit = _exhibit_of(three, "photo.jpg")
    _sql(three, f"UPDATE items SET gps_lat = 40.0 WHERE exhibit_no = {int(exhibit[3:])}")
    items.update_fields(three, exhibit, title="renamed after the forgery")
    report = verify(three)
    records = [p.message for p in report.problems if p.kind == "record"]
    assert len(records) == 1 and exhibit in records[0] and "GPS latitude" in records[0]
    assert "without a custody event" in records[0]


def test_a_deleted_item_row_is_named(three):
    _sql(
        three,
        "DELETE FROM sources WHERE item_id = 3",
        "DELETE FROM items WHERE id = 3",
        "UPDATE counters SET value = 2 WHERE name = 'exhibit'",  # hide that ED-000003 existed
    )
    report = verify(three)
    messages = " ".join(p.message for p in report.problems)
    assert "missing from the database" in messages
    assert "up to 3" in messages  # the checkpoint's exhibit high-water mark


def test_symlinked_object_is_not_an_original(three, tmp_path: Path):
    listed = items.list_items(three)
    target = three.store.path_for(listed[0]["sha256"])
    copy = tmp_path / "elsewhere.bin"
    copy.write_bytes(target.read_bytes())  # the same content, kept outside the store
    target.unlink()
    target.symlink_to(copy)
    report = verify(three)
    assert _kinds(report) == ["not_regular"]
    (problem,) = report.problems
    assert problem.exhibit == listed[0]["exhibit"] and "symbolic link" in problem.message


def test_symlinked_fan_out_folder_is_not_an_original(three, tmp_path: Path):
    listed = items.list_items(three)
    target = three.store.path_for(listed[1]["sha256"])
    moved = tmp_path / "moved"
    os.rename(target.parent, moved)
    target.parent.symlink_to(moved)
    report = verify(three)
    assert "not_regular" in _kinds(report)


def test_missing_checkpoint_is_reported(three):
    (three.root / cp.FILE_NAME).unlink()
    report = verify(three)
    assert _kinds(report) == ["checkpoint"]
    assert "missing" in report.problems[0].message and "doctor" in report.problems[0].message


def test_edited_checkpoint_is_reported(three):
    path = three.root / cp.FILE_NAME
    body = json.loads(path.read_bytes())
    body["events"] -= 2
    path.write_text(json.dumps(body))
    report = verify(three)
    assert _kinds(report) == ["checkpoint"]
    assert "signature does not match" in report.problems[0].message


def test_garbage_checkpoint_is_one_line(three):
    (three.root / cp.FILE_NAME).write_bytes(b"\x00\xff" * 50)
    report = verify(three)
    assert _kinds(report) == ["checkpoint"] and "\n" not in report.problems[0].message


def test_a_checkpoint_carried_in_a_bundle_exposes_a_rewrite_by_the_key_holder(three, tmp_path):
    """Someone who also took the signing key re-signs a shorter log; the bundle sent earlier
    still holds the longer one."""
    from evidence_desk.core import signing
    from evidence_desk.db.triggers import TRIGGERS
    from evidence_desk.services.bundles.export import export_bundle
    from evidence_desk.services.bundles.verify import verify_bundle

    bundle = export_bundle(three, None, out=tmp_path / "sent").path
    carried = bundle / "data" / "metadata" / "custody-checkpoint.json"
    assert cp.read(carried) is not None
    checked = verify_bundle(bundle)
    assert checked.ok, [p.message for p in checked.problems]
    _sql(three, "DELETE FROM custody_events WHERE id > (SELECT max(id) - 5 FROM custody_events)")
    conn = raw_db(three)
    for sql in TRIGGERS.values():  # the forger puts the triggers back
        conn.execute(sql)
    events, head = conn.execute(
        "SELECT count(*), (SELECT hash FROM custody_events ORDER BY id DESC LIMIT 1) "
        "FROM custody_events"
    ).fetchone()
    archive_uuid = conn.execute("SELECT uuid FROM archive_info").fetchone()[0]
    conn.close()
    key = signing.load_private_key(three.signing_key_path)
    forged = cp.make(key, cp.Head(archive_uuid, events, head, 3), "2026-11-28T09:00:00+00:00")
    cp.write_atomic(three.root / cp.FILE_NAME, forged)
    assert verify(three).ok  # locally consistent: the limit docs/security.md states
    report = verify(three, earlier=[carried])
    assert [p.kind for p in report.problems] == ["checkpoint"]
    message = report.problems[0].message  # the fixity events of the verify above refilled #7
    assert ("truncated" in message or "rewritten" in message) and str(carried) in message
