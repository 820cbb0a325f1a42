"""kill -9 a real ingest process at random moments; the archive must always stay whole.

After every kill the archive opens, leftover temporary files are cleaned, no
item points to a missing or partial object and the custody chain is intact.
Running the same ingest again then completes it: each content exactly once.
Set ``KILL_SEED`` to replay a failing run.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests.helpers.ingest import temp_files

SMALL_FILES = 300
BIG_FILES = (24 * 1024 * 1024, 20 * 1024 * 1024)
CHUNK = 4 * 1024 * 1024
# "rows": while new items are being committed; "large": while a large file is
# being copied; "random": any moment once the process is at work.
ROUNDS = ("rows", "large", "rows", "random", "large", "random", "large")


def _make_input(root: Path, rng: random.Random) -> set[str]:
    """Small files before and after two large ones (walk order is by name)."""
    digests: set[str] = set()
    for folder, count in (("a-small", SMALL_FILES * 2 // 3), ("z-small", SMALL_FILES // 3)):
        (root / folder).mkdir(parents=True)
        for i in range(count):
            # Every tenth file repeats an earlier content: duplicates in the batch.
            seed = i - 5 if i % 10 == 9 else i
            data = f"{folder}:{seed}:".encode() + rng.randbytes(rng.randint(200, 3000))
            if i % 10 == 9:
                data = (root / folder / f"f{seed:04d}.bin").read_bytes()
            (root / folder / f"f{i:04d}.bin").write_bytes(data)
            digests.add(hashlib.sha256(data).hexdigest())
    (root / "m-big").mkdir()
    for i, size in enumerate(BIG_FILES):
        data = rng.randbytes(size)
        (root / "m-big" / f"big{i}.bin").write_bytes(data)
        digests.add(hashlib.sha256(data).hexdigest())
    return digests


def _start(root: Path, source: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "evidence_desk.cli.main", "ingest", "--archive", str(root)]
    return subprocess.Popen(
        [*cmd, "--received-from", "kill test", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_temp_file(tmp_dir: Path, proc: subprocess.Popen, min_size: int) -> bool:
    """Block until a temp file holds ``min_size`` bytes (a copy of that size is under way)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            for part in tmp_dir.iterdir():
                if part.stat().st_size >= min_size:
                    return True
        except FileNotFoundError:
            pass
        time.sleep(0.001)
    return False


def _item_count(db_file: Path) -> int:
    conn = sqlite3.connect(db_file, timeout=30)
    try:
        return conn.execute("SELECT count(*) FROM items").fetchone()[0]
    finally:
        conn.close()


def _wait_for_items(db_file: Path, proc: subprocess.Popen, target: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if _item_count(db_file) >= target:
            return
        time.sleep(0.003)


def _own_tracebacks(err: bytes) -> list[bytes]:
    """Tracebacks of the ingest itself.

    A worker process that the kill catches while it is being spawned finds its
    parent gone and prints its own start-up traceback (``spawn_main``) on the
    shared stderr; that is the orphan's death, not a failure of the ingest.
    """
    blocks = err.split(b"Traceback (most recent call last):")[1:]
    return [b for b in blocks if b"spawn_main" not in b]


def _check_after_kill(root: Path, context: str) -> tuple[int, int, int]:
    with open_archive(root) as archive:
        cleaned = archive.temp_files_cleaned
        assert temp_files(archive) == [], context
        removed = sum(
            1 for w in archive.warnings if "left by an interrupted ingest" in w
        )
        report = verify(archive)
        # An object renamed into place whose row was not yet committed was
        # announced in the killed process's journal: the open removed it and
        # recorded that. A crash is never reported as tampering.
        assert report.problems == [], (context, [p.message for p in report.problems])
        assert report.ok, context
        for item in items.list_items(archive):
            assert archive.store.path_for(item["sha256"]).stat().st_size == item["size"]
        return cleaned, len(items.list_items(archive)), removed


@pytest.mark.slow
def test_kill_minus_nine_mid_ingest_never_damages_the_archive(tmp_path: Path):
    seed = int(os.environ.get("KILL_SEED") or time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    source = tmp_path / "handover"
    expected = _make_input(source, rng)
    root = tmp_path / "archive"
    create_archive(root, "kill test").close()
    tmp_dir = root / "objects" / ".tmp"

    kills = large_kills = 0
    counts: list[int] = []
    for number, moment in enumerate(ROUNDS, start=1):
        context = f"seed={seed} round={number} ({moment})"
        proc = _start(root, source)
        try:
            in_large = False
            if moment == "large":
                in_large = _wait_for_temp_file(tmp_dir, proc, CHUNK)
                # A few milliseconds at most: on a fast disk the 20 MiB left of the copy
                # take about 20 ms, and a kill after the copy ends counts as no large kill.
                time.sleep(rng.uniform(0, 0.004))
            elif moment == "rows":
                target = _item_count(root / "evidence.sqlite") + rng.randint(1, 60)
                _wait_for_items(root / "evidence.sqlite", proc, target)
            else:
                _wait_for_temp_file(tmp_dir, proc, 0)
                time.sleep(rng.uniform(0, 1.0))
        finally:
            alive = proc.poll() is None
            proc.kill()
            _out, err = proc.communicate(timeout=30)
        if in_large:
            # A copy can end within the pause before the kill: a big file already
            # stored (a "rows" round got past it) is copied, found present and its
            # temporary copy dropped. Only a copy the kill cut short leaves one.
            in_large = any(p.stat().st_size >= CHUNK for p in tmp_dir.iterdir())
        assert not _own_tracebacks(err), (context, err.decode(errors="replace"))
        if alive:
            kills += 1
            large_kills += in_large
        cleaned, count, unrecorded = _check_after_kill(root, context)
        counts.append(count)
        print(
            f"{context}: killed={alive} during_large_copy={in_large} "
            f"temp_files_cleaned={cleaned} items={count} leftovers_removed={unrecorded}"
        )
        if alive and in_large:
            assert cleaned >= 1, f"{context}: the half-written temp file was not cleaned"

    assert kills >= 5, f"seed={seed}: only {kills} kills landed"
    assert large_kills >= 2, f"seed={seed}: only {large_kills} kills during a large copy"
    assert counts == sorted(counts)

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "evidence_desk.cli.main",
            "ingest",
            "--archive",
            str(root),
            "--received-from",
            "kill test",
            str(source),
        ],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, (seed, done.stdout[-2000:], done.stderr[-2000:])
    with open_archive(root) as archive:
        listed = items.list_items(archive)
        assert len(listed) == len(expected), f"seed={seed}"
        assert {i["sha256"] for i in listed} == expected
        exhibits = sorted(int(i["exhibit"][3:]) for i in listed)
        assert exhibits == list(range(1, len(expected) + 1)), "exhibit numbers have gaps"
        report = verify(archive)
        assert report.ok, (seed, [p.message for p in report.problems])
        assert temp_files(archive) == []
