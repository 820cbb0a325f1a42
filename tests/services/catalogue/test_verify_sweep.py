"""A swept verify, compared with the catalogue range by range, vouches for exactly what
a one-by-one verify vouches for: the same counts and the same digest in its run event."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from evidence_desk.core import custody_chain, fixity_run
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.db.queries import fixity as fixity_q
from evidence_desk.services.catalogue import fixity, items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import raw_db, run

RUN_FIELDS = ("items_checked", "intact", "failed", "intact_digest", "scope", "log_events")


@pytest.fixture
def many(archive, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        media.write_bytes(folder / f"f{i}.bin", os.urandom(50 + i))
    assert len(run(archive, folder).new) == 40
    return archive, items.list_items(archive)


def _last_run(archive) -> dict:  # type: ignore[type-arg]
    conn = raw_db(archive)
    try:
        row = conn.execute(
            "SELECT details_json FROM custody_events WHERE event_type = ? ORDER BY id DESC",
            (custody_chain.FIXITY_RUN,),
        ).fetchone()
    finally:
        conn.close()
    details: dict = json.loads(row[0])  # type: ignore[type-arg]
    return details


def _runs(archive) -> int:  # type: ignore[no-untyped-def]
    conn = raw_db(archive)
    try:
        query = "SELECT count(*) FROM custody_events WHERE event_type = ?"
        return int(conn.execute(query, (custody_chain.FIXITY_RUN,)).fetchone()[0])
    finally:
        conn.close()


def _digest(listed, left_out: set[str]) -> str:  # type: ignore[no-untyped-def]
    return fixity_run.intact_digest(
        [(i["id"], i["sha256"]) for i in listed if i["sha256"] not in left_out]
    )


def test_parts_cover_every_name_once() -> None:
    tops = ["00", "07", "3f", "ff", "AB", "a", "zz", "\udcff"]
    parts = fixity.parts(tops)
    ranged = [p for p in parts if p.settles]
    assert ranged[0].low is None and ranged[-1].high is None
    for before, after in zip(ranged, ranged[1:], strict=False):
        assert before.high == after.low  # contiguous: no name falls between two parts
    assert [t for p in ranged for t in p.tops] == ["00", "07", "3f", "ff"]
    for part in ranged:
        for top in part.tops:
            assert (part.low or "") <= top and (part.high is None or top < part.high)
    (odd,) = [p for p in parts if not p.settles]
    assert sorted(odd.tops) == sorted(["AB", "a", "zz", "\udcff"])


@pytest.mark.parametrize("processes", [False, True])
def test_damaged_run_matches_one_by_one(many, monkeypatch, processes) -> None:
    archive, listed = many
    paths = [archive.store.path_for(i["sha256"]) for i in listed]
    paths[0].chmod(0o644)
    paths[0].write_bytes(b"doctored")  # altered
    paths[1].unlink()  # missing
    gone = paths[2].parent.parent  # a whole top-level folder: every object in it missing
    lost = {i["sha256"] for i in listed if archive.store.path_for(i["sha256"]).is_relative_to(gone)}
    shutil.rmtree(gone)
    damaged = {listed[0]["sha256"], listed[1]["sha256"]} | lost
    monkeypatch.setattr(ObjectStore, "sweep_plan", lambda self: None)
    one_by_one = verify(archive)
    by_one = _last_run(archive)
    monkeypatch.undo()
    monkeypatch.setattr(fixity, "PROCESS_MIN_SMALL", 1 if processes else 10**9)
    swept = verify(archive)
    by_sweep = _last_run(archive)
    assert sorted(p.message for p in swept.problems) == sorted(
        p.message for p in one_by_one.problems
    )
    assert {p.sha256 for p in swept.problems if p.kind in ("missing", "altered")} == damaged
    for name in RUN_FIELDS:
        if name != "log_events":
            assert by_sweep[name] == by_one[name], name
    assert by_sweep["intact"] == len(listed) - len(damaged)
    assert by_sweep["intact_digest"] == _digest(listed, damaged)
    assert (swept.items_checked, swept.bytes_checked) == (
        one_by_one.items_checked,
        one_by_one.bytes_checked,
    )


@pytest.mark.parametrize("processes", [False, True])
def test_cancel_after_the_first_part_vouches_only_for_what_was_swept(
    many, monkeypatch, processes
) -> None:
    """However fast the parts come back, a cancel is heard before the next one."""
    monkeypatch.setattr(fixity, "PROCESS_MIN_SMALL", 1 if processes else 10**9)
    archive, listed = many
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first part is swept, then the user stops

    report = verify(archive, cancelled=cancelled)
    assert report.cancelled and not report.ok
    details = _last_run(archive)
    assert details["cancelled"] is True
    plan = archive.store.sweep_plan()
    first = next(p for p in fixity.parts(plan.tops) if p.tops)
    swept = {i["sha256"] for i in listed if i["sha256"][:2] in first.tops}
    assert details["items_checked"] == details["intact"] == report.items_checked == len(swept)
    assert report.bytes_checked == sum(i["size"] for i in listed if i["sha256"] in swept)
    assert details["intact_digest"] == _digest(listed, {i["sha256"] for i in listed} - swept)


def test_cancel_before_anything_checks_nothing(many) -> None:
    archive, _listed = many
    odd = archive.store.root / "zz"  # a folder that can hold no object: a part of its own
    odd.mkdir()
    (odd / "note.txt").write_bytes(b"x")
    runs = _runs(archive)
    report = verify(archive, cancelled=lambda: True)
    assert report.cancelled and (report.items_checked, report.bytes_checked) == (0, 0)
    assert _runs(archive) == runs  # a run that checked nothing records nothing


def test_unreferenced_object_beside_intact_ones_is_named(many) -> None:
    archive, listed = many
    place = archive.store.path_for(listed[0]["sha256"]).parent
    name = listed[0]["sha256"][:4] + "0" * 60  # at its place, right name form, nobody's
    (place / name).write_bytes(b"planted")
    report = verify(archive)
    assert [p.kind for p in report.problems] == ["unexpected"]
    assert report.problems[0].sha256 == name
    assert _last_run(archive)["intact"] == len(listed)


def test_a_sweep_started_before_opening_is_taken_over(many, monkeypatch) -> None:
    archive, listed = many
    assert fixity.early_sweep(archive.root) is None  # 40 objects: not worth two processes
    monkeypatch.setattr(fixity, "PROCESS_MIN_SMALL", 1)
    path = archive.store.path_for(listed[0]["sha256"])
    path.chmod(0o644)
    path.write_bytes(b"doctored")
    early = fixity.early_sweep(archive.root)
    assert early is not None and early.pool is not None
    report = verify(archive, early=early)
    assert [(p.kind, p.sha256) for p in report.problems] == [("altered", listed[0]["sha256"])]
    assert early.pool is None  # taken over, and closed with the run
    assert _last_run(archive)["intact"] == len(listed) - 1


def test_a_sweep_started_before_opening_a_selection_is_closed(many, monkeypatch) -> None:
    archive, listed = many
    monkeypatch.setattr(fixity, "PROCESS_MIN_SMALL", 1)
    early = fixity.early_sweep(archive.root)
    assert early is not None
    report = verify(archive, [listed[0]["id"]], early=early)
    assert report.ok and report.items_checked == 1
    assert early.pool is None


def test_no_sweep_before_opening_an_encrypted_archive(tmp_path: Path) -> None:
    from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS
    from evidence_desk.services.archive.archive import create_archive

    create_archive(tmp_path / "enc", "e", passphrase="correct horse", kdf=FAST_TEST_PARAMS).close()
    assert fixity.early_sweep(tmp_path / "enc") is None
    assert fixity.early_sweep(tmp_path / "nowhere") is None


def _named(prefix: str, count: int) -> list[bytes]:
    """Contents whose SHA-256 starts with ``prefix``: objects sharing folders."""
    found: list[bytes] = []
    n = 0
    while len(found) < count:
        n += 1
        data = f"object {n}".encode()
        if hashlib.sha256(data).hexdigest().startswith(prefix):
            found.append(data)
    return found


def test_a_clean_archive_is_settled_without_reading_rows(archive, tmp_path, monkeypatch) -> None:
    """The names found come out sorted like the catalogue's: folders in name order and
    several objects to a folder, yet every range is settled by one comparison."""
    folder = tmp_path / "in"
    folder.mkdir()
    blobs = _named("ab00", 3) + _named("ab7f", 2) + _named("ac", 2) + _named("00", 2)
    for i, data in enumerate(blobs):
        media.write_bytes(folder / f"f{i}.bin", data)
    assert len(run(archive, folder).new) == len(blobs)

    def row_by_row(*_args: object) -> None:
        raise AssertionError("a range was compared row by row")

    monkeypatch.setattr(fixity_q, "targets_between", row_by_row)
    report = verify(archive)
    assert report.ok and report.items_checked == len(blobs)
    assert _last_run(archive)["intact"] == len(blobs)
