"""Verify names, by exhibit number, every altered, missing or unexpected object and chain break."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from evidence_desk.core import custody_chain
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.errors import ItemNotFound
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import assert_clean, raw_db, run


@pytest.fixture
def three(archive, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        media.write_bytes(folder / f"file{i}.txt", f"statement number {i}\n".encode())
    report = run(archive, folder)
    assert len(report.new) == 3
    return archive, items.list_items(archive)


def _object(archive, item) -> Path:
    return archive.store.path_for(item["sha256"])


def _tamper(path: Path, data: bytes) -> None:
    path.chmod(0o644)
    path.write_bytes(data)
    path.chmod(0o444)


def _by_kind(report) -> dict[str, list]:
    found: dict[str, list] = {}
    for problem in report.problems:
        found.setdefault(problem.kind, []).append(problem)
    return found


def test_clean_archive_verifies(three):
    archive, listed = three
    report = verify(archive)
    assert report.ok
    assert report.items_checked == 3
    assert report.bytes_checked == sum(i["size"] for i in listed)
    assert report.events_checked == 1 + 3 * 2  # creation, then ingestion + digest per item
    assert report.as_json()["ok"] is True


def test_altered_object_is_named(three):
    archive, listed = three
    _tamper(_object(archive, listed[1]), b"statement number 1, doctored\n")
    report = verify(archive)
    assert not report.ok
    (problem,) = report.problems
    assert problem.kind == "altered"
    assert problem.exhibit == "ED-000002"
    assert problem.sha256 == listed[1]["sha256"]
    assert "ED-000002" in problem.message and "altered" in problem.message


def test_same_size_bit_flip_is_caught(three):
    archive, listed = three
    path = _object(archive, listed[0])
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01
    _tamper(path, bytes(data))
    assert [(p.kind, p.exhibit) for p in verify(archive).problems] == [("altered", "ED-000001")]


def test_missing_object_is_named(three):
    archive, listed = three
    _object(archive, listed[2]).unlink()
    (problem,) = verify(archive).problems
    assert (problem.kind, problem.exhibit) == ("missing", "ED-000003")
    assert "missing" in problem.message and "ED-000003" in problem.message


def test_unexpected_objects_are_named(three):
    archive, _listed = three
    stray = hashlib.sha256(b"nobody put this here").hexdigest()
    folder = archive.store.root / stray[:2] / stray[2:4]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stray).write_bytes(b"nobody put this here")
    junk_dir = archive.store.root / "zz" / "zz"
    junk_dir.mkdir(parents=True)
    (junk_dir / "notes.txt").write_text("not an object name")
    found = _by_kind(verify(archive))
    assert set(found) == {"unexpected"}
    messages = " ".join(p.message for p in found["unexpected"])
    assert stray in messages and "notes.txt" in messages
    assert {p.sha256 for p in found["unexpected"]} == {stray, None}


def test_stray_files_anywhere_in_the_store_are_named(three):
    archive, listed = three
    store = archive.store.root
    (store / "dropped-here.jpg").write_bytes(b"x")
    (store / listed[0]["sha256"][:2] / "loose.bin").write_bytes(b"y")
    misplaced = store / "00" / "00" / listed[1]["sha256"]  # a known digest, wrong folder
    misplaced.parent.mkdir(parents=True, exist_ok=True)
    misplaced.write_bytes(_object(archive, listed[1]).read_bytes())
    found = _by_kind(verify(archive))
    assert set(found) == {"unexpected"}
    messages = sorted(p.message for p in found["unexpected"])
    assert len(messages) == 3
    assert any("objects/dropped-here.jpg" in m for m in messages)
    assert any("loose.bin" in m for m in messages)
    assert any(f"objects/00/00/{listed[1]['sha256']}" in m for m in messages)
    assert all("not an object of this archive" in m for m in messages)


def test_every_problem_is_reported_together(three):
    archive, listed = three
    _tamper(_object(archive, listed[0]), b"changed")
    _object(archive, listed[1]).unlink()
    found = _by_kind(verify(archive))
    assert [p.exhibit for p in found["altered"]] == ["ED-000001"]
    assert [p.exhibit for p in found["missing"]] == ["ED-000002"]


def _edit_event(archive, sql: str) -> None:
    """Bypass the append-only triggers, as someone with the raw file could."""
    conn = raw_db(archive)
    try:
        conn.execute("DROP TRIGGER custody_events_no_update")
        conn.execute("DROP TRIGGER custody_events_no_delete")
        conn.execute(sql)
    finally:
        conn.close()


def test_edited_custody_event_is_detected(three):
    archive, _listed = three
    _edit_event(archive, "UPDATE custody_events SET actor = 'someone else' WHERE id = 3")
    problem, *dropped = verify(archive).problems
    assert problem.kind == "chain"
    assert "#3" in problem.message and "altered" in problem.message
    assert {p.kind for p in dropped} == {"trigger"}  # the edit needed the triggers gone


def test_edited_event_details_are_detected(three):
    archive, _listed = three
    _edit_event(
        archive,
        "UPDATE custody_events SET details_json = replace(details_json, 'SHA-256', 'MD5') "
        "WHERE event_type = 'message digest calculation' AND id = 5",
    )
    problems = verify(archive).problems
    assert [p.kind for p in problems] == ["chain", "trigger", "trigger"]
    assert "#5" in problems[0].message


def test_deleted_custody_event_breaks_the_chain(three):
    archive, _listed = three
    _edit_event(archive, "DELETE FROM custody_events WHERE id = 4")
    problems = verify(archive).problems
    # The checkpoint counts one event more than the log now holds.
    assert [p.kind for p in problems] == ["chain", "checkpoint", "trigger", "trigger"]
    assert "link broken" in problems[0].message


def test_a_rewritten_event_with_a_fresh_hash_still_breaks_the_next_link(three):
    archive, _listed = three
    conn = raw_db(archive)
    row = conn.execute(
        "SELECT uuid, occurred_at, event_type, actor, tool, item_uuid, outcome, details_json, "
        "prev_hash FROM custody_events WHERE id = 2"
    ).fetchone()
    conn.close()
    body = dict(
        zip(
            ("uuid", "occurred_at", "event_type", "actor", "tool", "item_uuid", "outcome"),
            row[:7],
            strict=True,
        )
    )
    body.update(details={"forged": True}, prev_hash=row[8], actor="forger")
    new_hash = custody_chain.event_hash(body)
    _edit_event(
        archive,
        f"UPDATE custody_events SET actor = 'forger', details_json = '{{\"forged\": true}}', "
        f"hash = '{new_hash}' WHERE id = 2",
    )
    problems = verify(archive).problems
    assert [p.kind for p in problems] == ["chain", "trigger", "trigger"]
    assert "#3" in problems[0].message and "link broken" in problems[0].message


def test_verify_a_selection(three):
    archive, listed = three
    _object(archive, listed[0]).unlink()
    report = verify(archive, ["ED-000002", listed[2]["sha256"][:10]])
    assert report.ok
    assert report.items_checked == 2
    report = verify(archive, ["1"])
    assert [(p.kind, p.exhibit) for p in report.problems] == [("missing", "ED-000001")]
    with pytest.raises(ItemNotFound):
        verify(archive, ["ED-000099"])


def test_fixity_check_events_are_recorded(three):
    """Each item's custody lists the runs that covered it and its own failures."""
    archive, listed = three
    verify(archive)
    _object(archive, listed[1]).unlink()
    verify(archive, ["ED-000002"])
    first, second, third = (
        [
            (e.event_type, e.outcome)
            for e in custody.events_for_item(archive, i["id"])
            if e.event_type in ("fixity check", "fixity run")
        ]
        for i in listed
    )
    assert first == [("fixity run", "success")]
    assert second == [("fixity run", "success"), ("fixity check", "failure")]
    assert third == [("fixity run", "success")]  # the second run checked ED-000002 only
    failure = custody.events_for_item(archive, listed[1]["id"])[-1]
    assert failure.details["expected"] == listed[1]["sha256"]
    assert "missing" in failure.details["problem"]
    # The fixity events themselves extend a valid chain.
    problems = verify(archive, ["ED-000001"]).problems
    assert problems == []


def test_cancelled_verify_is_not_ok(three):
    archive, _listed = three
    report = verify(archive, cancelled=lambda: True)
    assert report.cancelled and not report.ok


def test_verify_after_many_ingests_and_edits_stays_clean(archive, tmp_path):
    for batch in range(3):
        folder = tmp_path / f"b{batch}"
        folder.mkdir()
        for i in range(4):
            media.write_bytes(folder / f"{i}.bin", os.urandom(100 + i))
        run(archive, folder)
    items.set_tags(archive, ["ED-1", "ED-5"], add=["протест"])
    items.update_fields(archive, "ED-2", title="renamed")
    assert_clean(archive)
