"""Parallel re-hashing for verify, and fixity events appended in bulk."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from evidence_desk.core import custody_chain
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.services.archive import custody
from evidence_desk.services.catalogue import fixity
from evidence_desk.services.catalogue.fixity import CANCELLED, MISSING, Target, rehash


def _store(root: Path, blobs: list[bytes]) -> list[Target]:
    targets = []
    for n, data in enumerate(blobs, start=1):
        sha = hashlib.sha256(data).hexdigest()
        path = root / sha[:2] / sha[2:4] / sha
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        targets.append(Target(n, f"ED-{n:06d}", sha, len(data)))
    return targets


@pytest.mark.parametrize("processes", [False, True])
def test_outcomes_in_order_with_threads_or_processes(
    tmp_path: Path, monkeypatch, processes
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fixity, "PROCESS_MIN_SMALL", 5 if processes else 10**9)
    monkeypatch.setattr(fixity, "CHUNK_FILES", 3)
    blobs = [os.urandom(100 + n) for n in range(10)]
    blobs.insert(4, os.urandom(fixity.SMALL_OBJECT_BYTES + 10))  # a big one among them
    targets = _store(tmp_path, blobs)
    altered, missing = targets[2], targets[7]
    (tmp_path / altered.sha256[:2] / altered.sha256[2:4] / altered.sha256).write_bytes(b"x")
    (tmp_path / missing.sha256[:2] / missing.sha256[2:4] / missing.sha256).unlink()
    bogus = Target(99, "ED-000099", "../../etc/passwd", 1)

    results = list(rehash(ObjectStore(tmp_path), [*targets, bogus], lambda: False))

    assert [t for t, _ in results] == [*targets, bogus]
    outcome = {t.item_id: r for t, r in results}
    assert outcome[altered.item_id] == "altered:" + hashlib.sha256(b"x").hexdigest()
    assert outcome[missing.item_id] == MISSING
    assert outcome[bogus.item_id].startswith("unreadable:")
    intact = [t for t in targets if t not in (altered, missing)]
    assert all(outcome[t.item_id] is None for t in intact)


def test_cancel_marks_the_rest(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fixity, "CHUNK_FILES", 2)
    monkeypatch.setattr(fixity, "IN_FLIGHT", 1)
    targets = _store(tmp_path, [os.urandom(50 + n) for n in range(12)])
    asked = [0]

    def cancelled() -> bool:
        asked[0] += 1
        return asked[0] > 2

    results = list(rehash(ObjectStore(tmp_path), targets, cancelled))
    assert [t for t, _ in results] == targets
    outcomes = [r for _, r in results]
    assert outcomes[:2] == [None, None]
    assert outcomes[-1] == CANCELLED


def test_bulk_fixity_events_chain_like_single_appends(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with archive.db.writer() as session:
        custody.append(session, archive, custody_chain.METADATA_MODIFICATION, details={"a": 1})
        n = custody.append_many(
            session,
            archive,
            custody_chain.FIXITY_CHECK,
            ((None, None, {"expected": str(i), "ж": "ü"}, "success") for i in range(12)),
            batch=5,
        )
        custody.append(session, archive, custody_chain.METADATA_MODIFICATION, details={"b": 2})
    assert n == 12
    with archive.db.reader() as session:
        assert custody.check_log(session) == []
