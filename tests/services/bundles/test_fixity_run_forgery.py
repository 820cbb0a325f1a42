"""Forged fixity runs in a bundle: a run event edited to vouch for items, hashes or a time it
did not see is caught by verify-bundle, even when the chain is re-hashed and the bundle
re-signed (a sender who forges with their own key); honest runs pass."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import signing
from evidence_desk.core.custody_chain import event_hash
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.catalogue.verify import verify
from tests.helpers import hostile as H
from tests.helpers.case_records import add_file


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Three items; a whole-archive run and a run over the first item; a fourth item
    ingested after both runs. Full bundles of every item and of the first one alone."""
    root = tmp_path_factory.mktemp("runs")
    archive = create_archive(root / "archive", "Sender")
    refs = [add_file(archive, root / "in", f"p{n}.txt", text=f"photo {n}") for n in range(3)]
    assert verify(archive).ok
    assert verify(archive, [refs[0]]).ok
    refs.append(add_file(archive, root / "in", "late.txt", text="ingested after the runs"))
    export_bundle(archive, None, out=root / "all")
    export_bundle(archive, [refs[0]], out=root / "one")
    key = signing.load_private_key(archive.signing_key_path)
    archive.close()
    return root, key


def _runs(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if e.get("event_type") == "fixity run" and not e.get("item_uuid")]


def _forge(root: Path, key, tmp: Path, name: str, edit: Callable[[list[dict]], None]) -> Path:  # type: ignore[no-untyped-def]
    """Copy bundle ``name``, apply ``edit`` to its custody entries, re-hash the chain from
    the first changed event on and re-sign the bag with the sender's own key."""
    folder = tmp / name
    shutil.copytree(root / name, folder)
    path = folder / L.CUSTODY_JSON
    document = json.loads(path.read_text(encoding="utf-8"))
    entries = document["entries"]
    edit(entries)
    prev = None
    for entry in entries:
        if prev is not None:
            entry["prev_hash"] = prev
        if "withheld" not in entry and not entry.get("sealed"):
            entry["hash"] = event_hash(entry)
        prev = entry["hash"]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    H.resign(folder, key)
    return folder


def _messages(folder: Path) -> list[str]:
    return [p.message for p in verify_bundle(folder).problems]


def test_honest_runs_pass_and_are_recomputed(bundles, tmp_path: Path) -> None:
    root, key = bundles
    for name in ("all", "one"):
        entries = json.loads((root / name / L.CUSTODY_JSON).read_text("utf-8"))["entries"]
        assert len(_runs(entries)) == 2, name
        assert verify_bundle(root / name).ok, _messages(root / name)
        # the forging tool itself changes nothing a check could see
        assert _messages(_forge(root, key, tmp_path, name, lambda e: None)) == []


def _archive_run(entries: list[dict]) -> dict:
    return next(r for r in _runs(entries) if r["details"]["scope"] == "archive")


def _selection_run(entries: list[dict]) -> dict:
    return next(r for r in _runs(entries) if r["details"]["scope"] == "selection")


def _late_item(entries: list[dict]) -> str:
    return [e["item_uuid"] for e in entries if e.get("event_type") == "ingestion"][-1]


def _claim_late_item(entries: list[dict]) -> None:
    """The whole-archive run claims the item ingested after it: it counts log events up
    to its own, and one more item checked and intact."""
    run = _archive_run(entries)
    run["details"]["log_events"] = run["seq"] + 5
    run["details"]["items_checked"] += 1
    run["details"]["intact"] += 1


def _select_late_item(entries: list[dict]) -> None:
    """The selection run claims it also checked the late item."""
    details = _selection_run(entries)["details"]
    details["selection"] = sorted([*details["selection"], _late_item(entries)])
    details["items_checked"] += 1
    details["intact"] += 1


def _other_digest(entries: list[dict]) -> None:
    _archive_run(entries)["details"]["intact_digest"] = "0" * 64


def _other_selection_digest(entries: list[dict]) -> None:
    _selection_run(entries)["details"]["intact_digest"] = "1" * 64


def _counts(entries: list[dict]) -> None:
    _archive_run(entries)["details"]["intact"] += 1


FORGERIES = {
    "run-claims-item-ingested-after-it": ("all", _claim_late_item, "log events"),
    "selection-claims-unchecked-item": ("all", _select_late_item, "intact_digest"),
    "selection-digest-in-one-item-bundle": ("one", _other_selection_digest, "intact_digest"),
    "digest-does-not-match-items": ("all", _other_digest, "intact_digest"),
    "counts-do-not-add-up": ("all", _counts, "do not make"),
}


@pytest.mark.parametrize("case", sorted(FORGERIES))
def test_forged_run_is_caught(case: str, bundles, tmp_path: Path) -> None:
    root, key = bundles
    name, edit, words = FORGERIES[case]
    messages = _messages(_forge(root, key, tmp_path, name, edit))
    assert any("fixity run" in m and words in m for m in messages), messages
