"""One custody event per verify run; failures per item; runs listed in item and bundle custody."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_chain, fixity_run, signing
from evidence_desk.services.archive import custody
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import raw_db, run


@pytest.fixture
def three(archive, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        media.write_bytes(folder / f"file{i}.txt", f"statement number {i}\n".encode())
    assert len(run(archive, folder).new) == 3
    return archive, items.list_items(archive)


def _events(archive) -> list[tuple[str, str | None, str, str]]:
    conn = raw_db(archive)
    try:
        return list(
            conn.execute("SELECT event_type, item_uuid, details_json, uuid FROM custody_events")
        )
    finally:
        conn.close()


def test_a_run_records_exactly_one_event(three) -> None:
    archive, listed = three
    before = len(_events(archive))
    report = verify(archive)
    assert report.ok
    after = _events(archive)
    assert len(after) == before + 1
    event_type, item_uuid, details_json, _uuid = after[-1]
    assert (event_type, item_uuid) == (custody_chain.FIXITY_RUN, None)
    details = json.loads(details_json)
    assert (details["items_checked"], details["intact"], details["failed"]) == (3, 3, 0)
    assert details["scope"] == "archive" and details["started"] <= details["finished"]
    # Anyone holding the catalogue recomputes what the run vouched for.
    lines = sorted(f"{i['id']} {i['sha256']}\n" for i in listed)
    assert details["intact_digest"] == hashlib.sha256("".join(lines).encode()).hexdigest()
    assert details["intact_digest"] == fixity_run.intact_digest(
        [(i["id"], i["sha256"]) for i in listed]
    )


def test_a_failure_records_its_own_event_naming_the_item(three) -> None:
    archive, listed = three
    archive.store.path_for(listed[2]["sha256"]).unlink()
    report = verify(archive)
    assert [p.exhibit for p in report.problems] == ["ED-000003"]
    *_, failure, run_event = _events(archive)
    assert failure[0] == custody_chain.FIXITY_CHECK and failure[1] == listed[2]["id"]
    failed_details = json.loads(failure[2])
    assert "missing" in failed_details["problem"]
    run_details = json.loads(run_event[2])
    assert (run_details["intact"], run_details["failed"]) == (2, 1)
    ok = [(i["id"], i["sha256"]) for i in listed[:2]]
    assert run_details["intact_digest"] == fixity_run.intact_digest(ok)
    assert failed_details["run"] == run_event[3]
    shown = custody.events_for_item(archive, listed[2]["id"])
    assert [e.event_type for e in shown][-1] == custody_chain.FIXITY_CHECK  # not the run
    assert custody.events_for_item(archive, listed[0]["id"])[-1].uuid == run_event[3]


def test_item_custody_lists_the_runs_that_covered_it(three, tmp_path: Path) -> None:
    archive, listed = three
    verify(archive)
    verify(archive, ["ED-000001"])
    folder = tmp_path / "later"
    folder.mkdir()
    media.write_bytes(folder / "late.txt", b"a later statement\n")
    run(archive, folder)
    late = [i for i in items.list_items(archive) if i["exhibit"] == "ED-000004"][0]
    runs = {
        i["exhibit"]: [
            e.details["scope"]
            for e in custody.events_for_item(archive, i["id"])
            if e.event_type == custody_chain.FIXITY_RUN
        ]
        for i in [*listed, late]
    }
    assert runs == {
        "ED-000001": ["archive", "selection"],
        "ED-000002": ["archive"],
        "ED-000003": ["archive"],
        "ED-000004": [],  # ingested after both runs
    }
    verify(archive)
    assert [
        e.event_type for e in custody.events_for_item(archive, late["id"])
    ][-1] == custody_chain.FIXITY_RUN


def test_cancelled_run_covers_nothing(three) -> None:
    archive, listed = three
    verify(archive, cancelled=lambda: True)
    shown = custody.events_for_item(archive, listed[0]["id"])
    assert custody_chain.FIXITY_RUN not in [e.event_type for e in shown]


@pytest.mark.parametrize("profile", ["full", "redacted"])
def test_exported_bundle_carries_its_runs_and_verifies(three, tmp_path: Path, profile) -> None:
    archive, _listed = three
    folder = tmp_path / "photo"
    folder.mkdir()
    media.make_png(folder / "map.png")  # a redacted bundle carries images, not text files
    run(archive, folder)
    verify(archive)
    verify(archive)  # a second run
    out = tmp_path / "bundle"
    export_bundle(archive, ["ED-000004"], out=out, profile=profile)
    entries = json.loads((out / L.CUSTODY_JSON).read_text(encoding="utf-8"))["entries"]
    runs = [e for e in entries if e.get("event_type") == custody_chain.FIXITY_RUN]
    assert len(runs) == 2 and all(e["item_uuid"] is None for e in runs)
    if profile == "redacted":
        assert all(e["sealed"] and e["actor"].startswith("custodian") for e in runs)
        assert "selection" not in runs[0]["details"] and "intact_digest" in runs[0]["details"]
    else:
        assert all(custody_chain.event_hash(e) == e["hash"] for e in runs)
    report = verify_bundle(out)
    assert report.ok, [p.message for p in report.problems]
    html = (out / L.REPORT_HTML).read_text(encoding="utf-8")
    assert html.count("fixity run") == 2  # the exhibit's chain of custody lists both runs


def test_bundle_with_an_altered_run_event_is_refused(three, tmp_path: Path) -> None:
    archive, _listed = three
    verify(archive)
    out = tmp_path / "bundle"
    export_bundle(archive, ["ED-000002"], out=out)
    path = out / L.CUSTODY_JSON
    document = json.loads(path.read_text(encoding="utf-8"))
    (run_entry,) = [e for e in document["entries"] if e.get("event_type") == "fixity run"]
    run_entry["details"]["failed"] = 0
    run_entry["details"]["intact"] = 2  # claims less than it did: the hash no longer matches
    path.write_text(json.dumps(document), encoding="utf-8")
    _resign(out, L.CUSTODY_JSON, signing.load_private_key(archive.signing_key_path))
    report = verify_bundle(out)
    assert report.signature_valid and not report.ok
    custody_problems = [p for p in report.problems if p.kind == "custody"]
    assert custody_problems and all(L.CUSTODY_JSON in p.message for p in custody_problems)
    assert "fixity run" in custody_problems[0].message and "altered" in custody_problems[0].message


def test_bundle_run_event_of_the_wrong_shape_is_refused(three, tmp_path: Path) -> None:
    archive, _listed = three
    verify(archive)
    out = tmp_path / "bundle"
    export_bundle(archive, ["ED-000002"], out=out)
    path = out / L.CUSTODY_JSON
    document = json.loads(path.read_text(encoding="utf-8"))
    (run_entry,) = [e for e in document["entries"] if e.get("event_type") == "fixity run"]
    run_entry["details"]["intact"] = "all of them"
    path.write_text(json.dumps(document), encoding="utf-8")
    _resign(out, L.CUSTODY_JSON, signing.load_private_key(archive.signing_key_path))
    report = verify_bundle(out)
    assert not report.ok
    assert any(p.kind == "metadata" and L.CUSTODY_JSON in p.message for p in report.problems)


def _resign(bag: Path, changed: str, key) -> None:  # type: ignore[no-untyped-def]
    """Update the manifests and the signature after a change, as a forger with the key would."""
    manifest = bag / L.MANIFEST
    digest = hashlib.sha256((bag / changed).read_bytes()).hexdigest()
    lines = [
        f"{digest}  {changed}" if line.endswith("  " + changed) else line
        for line in manifest.read_text().splitlines()
    ]
    manifest.write_text("\n".join(lines) + "\n")
    tag_digest = hashlib.sha256(manifest.read_bytes()).hexdigest()
    tag = bag / L.TAGMANIFEST
    tag.write_text(
        "".join(
            f"{tag_digest}  {L.MANIFEST}\n" if line.endswith(L.MANIFEST) else line + "\n"
            for line in tag.read_text().splitlines()
        )
    )
    (bag / L.SIGNATURE).write_bytes(key.sign(tag.read_bytes()))
