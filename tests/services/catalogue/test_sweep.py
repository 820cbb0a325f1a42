"""The one-pass sweep finds exactly what object-by-object verification finds."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.services.catalogue import fixity, items
from evidence_desk.services.catalogue.verify import verify
from tests import media
from tests.helpers.ingest import run


@pytest.fixture
def damaged(archive, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(fixity, "SMALL_OBJECT_BYTES", 4096)  # a "big" object without 1 MiB
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        media.write_bytes(folder / f"f{i}.bin", os.urandom(100 + i))
    media.write_bytes(folder / "big.bin", os.urandom(9000))
    run(archive, folder)
    listed = items.list_items(archive)
    paths = [archive.store.path_for(i["sha256"]) for i in listed if i["size"] != 9000]
    (big,) = [archive.store.path_for(i["sha256"]) for i in listed if i["size"] == 9000]
    paths[0].chmod(0o644)
    paths[0].write_bytes(b"doctored")  # altered
    paths[1].unlink()  # missing
    paths[2].unlink()
    paths[2].symlink_to(paths[3])  # a link where an object should be
    root = archive.store.root
    (root / "stray.txt").write_bytes(b"x")  # a file at the top
    (paths[4].parent / "notes.txt").write_bytes(b"x")  # a file beside objects
    deep = root / "ab" / "cd" / "ef"
    deep.mkdir(parents=True)
    (deep / "deeper.bin").write_bytes(b"x")
    odd = root / "a" / "bcd"  # folders whose names, joined, prefix an object name
    odd.mkdir(parents=True)
    (odd / ("abcd" + "0" * 60)).write_bytes(b"x")
    unreferenced = bytes(range(40))
    sha = hashlib.sha256(unreferenced).hexdigest()
    target = archive.store.path_for(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(unreferenced)  # an object nobody announced
    big.chmod(0o644)
    data = bytearray(big.read_bytes())
    data[0] ^= 0x01  # a big object altered (a flip: writing a constant could change nothing)
    big.write_bytes(bytes(data))
    return archive


def _findings(report) -> list[tuple[str, str | None, str]]:
    return sorted((p.kind, p.exhibit, p.message) for p in report.problems)


def test_sweep_finds_what_one_by_one_finds(damaged, monkeypatch) -> None:
    monkeypatch.setattr(ObjectStore, "sweep_plan", lambda self: None)
    one_by_one = _findings(verify(damaged, cancelled=lambda: False))
    monkeypatch.undo()
    monkeypatch.setattr(fixity, "SMALL_OBJECT_BYTES", 4096)
    swept = _findings(verify(damaged))
    monkeypatch.setattr(fixity, "PROCESS_MIN_SMALL", 1)  # the same in worker processes
    in_processes = _findings(verify(damaged))
    kinds = {kind for kind, _exhibit, _message in one_by_one}
    assert kinds == {"altered", "missing", "not_regular", "unexpected"}
    assert len([k for k, *_ in one_by_one if k == "altered"]) == 2
    assert len([k for k, *_ in one_by_one if k == "unexpected"]) == 5
    assert swept == one_by_one
    assert in_processes == one_by_one


def test_cancelled_sweep_reports_cancelled(damaged) -> None:
    report = verify(damaged, cancelled=lambda: True)
    assert report.cancelled and not report.ok
