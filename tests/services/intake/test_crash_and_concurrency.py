"""Crashes and concurrency are not tampering.

- ``kill -9`` of a real ingest at random moments on a loaded machine: after
  every kill the archive opens, recognises the killed run's leftovers from its
  journal, removes them with a custody record, and verifies with no problem.
- ``verify`` running while another process ingests reports no stray objects.
- Two processes ingesting at once never hand out the same exhibit number.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests.helpers.case_records import custody_details
from tests.services.intake.test_kill_ingest import _own_tracebacks

KILLS = 5


def _ingest_cmd(root: Path, source: Path) -> list[str]:
    return [
        sys.executable, "-m", "evidence_desk.cli.main", "ingest",
        "--archive", str(root), "--received-from", "crash test", str(source),
    ]  # fmt: skip


def _make_files(folder: Path, count: int, rng: random.Random, big: int = 0) -> set[str]:
    folder.mkdir(parents=True)
    digests = set()
    for i in range(count):
        data = f"{folder.name}:{i}:".encode() + rng.randbytes(rng.randint(300, 4000))
        (folder / f"f{i:04d}.bin").write_bytes(data)
        digests.add(hashlib.sha256(data).hexdigest())
    for i in range(big):
        data = rng.randbytes(12 * 1024 * 1024)
        (folder / f"m-big{i}.bin").write_bytes(data)
        digests.add(hashlib.sha256(data).hexdigest())
    return digests


def _wait_for_journal(root: Path, proc: subprocess.Popen) -> None:
    """Until ``proc`` opened its store journal (it is about to land an object), or ended."""
    folder = root / "objects" / ".journal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if folder.is_dir() and any(folder.glob(f"{proc.pid}-*")):
            return
        time.sleep(0.005)


def _burn(seconds: float) -> None:
    end = time.monotonic() + seconds
    x = 0
    while time.monotonic() < end:
        x += 1


@pytest.mark.slow
def test_kill_at_random_moments_on_a_loaded_machine_then_verify_is_clean(tmp_path: Path):
    seed = int(os.environ.get("KILL_SEED") or time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    source = tmp_path / "handover"
    expected = _make_files(source, 250, rng, big=2)
    root = tmp_path / "archive"
    create_archive(root, "crash test").close()
    burners = [multiprocessing.Process(target=_burn, args=(600,)) for _ in range(2)]
    for burner in burners:
        burner.start()
    landed = 0
    removed_total = 0
    try:
        for number in range(1, KILLS + 1):
            context = f"seed={seed} kill={number}"
            proc = subprocess.Popen(
                _ingest_cmd(root, source), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            # Kill at a random moment after the ingest began storing objects: a fixed
            # delay from start missed it on an idle machine, where the run ended first.
            _wait_for_journal(root, proc)
            time.sleep(rng.uniform(0.0, 0.5))
            alive = proc.poll() is None
            proc.kill()
            _out, err = proc.communicate(timeout=60)
            assert not _own_tracebacks(err), (context, err.decode(errors="replace"))
            landed += alive
            with open_archive(root) as archive:
                report = verify(archive)
                assert report.problems == [], (context, [p.message for p in report.problems])
                for item in items.list_items(archive):
                    path = archive.store.path_for(item["sha256"])
                    assert path.stat().st_size == item["size"], context
            print(f"{context}: killed={alive} notes={report.notes}")
    finally:
        for burner in burners:
            burner.terminate()
            burner.join()
    assert landed >= 3, f"seed={seed}: only {landed} kills landed while the ingest ran"
    done = subprocess.run(_ingest_cmd(root, source), capture_output=True, timeout=300)
    assert done.returncode == 0, (seed, done.stderr[-2000:])
    with open_archive(root) as archive:
        listed = items.list_items(archive)
        assert {i["sha256"] for i in listed} == expected, f"seed={seed}"
        numbers = sorted(int(i["exhibit"][3:]) for i in listed)
        assert numbers == list(range(1, len(expected) + 1))
        assert verify(archive).ok
        removed_total = sum(
            1 for d in custody_details(archive) if str(d.get("reason", "")).startswith("left by")
        )
    print(f"seed={seed}: {landed} kills, {removed_total} leftovers removed and recorded")


def test_verify_during_an_ingest_raises_no_false_alarm(tmp_path: Path):
    rng = random.Random(7)
    source = tmp_path / "many"
    _make_files(source, 400, rng)
    root = tmp_path / "archive"
    create_archive(root, "concurrent").close()
    proc = subprocess.Popen(
        _ingest_cmd(root, source), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    rounds = overlapped = 0
    try:
        with open_archive(root) as archive:
            while proc.poll() is None and rounds < 40:
                report = verify(archive)
                rounds += 1
                overlapped += proc.poll() is None
                assert report.problems == [], [p.message for p in report.problems]
    finally:
        _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode(errors="replace")
    assert overlapped >= 2, f"only {overlapped} verify runs overlapped the ingest"
    with open_archive(root) as archive:
        assert len(items.list_items(archive)) == 400
        assert verify(archive).ok


def test_two_processes_never_share_an_exhibit_number(tmp_path: Path):
    rng = random.Random(11)
    first, second = tmp_path / "first", tmp_path / "second"
    expected = _make_files(first, 150, rng) | _make_files(second, 150, rng)
    root = tmp_path / "archive"
    create_archive(root, "two writers").close()
    procs = [
        subprocess.Popen(_ingest_cmd(root, src), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for src in (first, second)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode(errors="replace")
    with open_archive(root) as archive:
        listed = items.list_items(archive)
        assert {i["sha256"] for i in listed} == expected
        numbers = sorted(int(i["exhibit"][3:]) for i in listed)
        assert numbers == list(range(1, 301))
        assert verify(archive).ok
