"""Benchmark: what the store journal's fdatasync per object costs an ingest of many small files.

    .venv/bin/python bench/bench_journal.py [--files 600] [--jpegs 100] [--runs 3]
        [--workdir DIR]

Every object is announced in the writing process's journal (core/store/
journal.py) with an fdatasync before it is renamed into the store, so that a
crash is not mistaken for tampering. That is one more synchronous disk write
per new object; for large files it vanishes in the copy, for many small files
it may not. Each case ingests the same files in a fresh process twice per
round, once as shipped and once with the journal's fdatasync replaced by a
no-op (for this measurement only; the journal is then not crash-safe), in
alternating order, and prints the median seconds, the ratio and the cost per
object; and, less sensitive to the machine's load than the difference of two
noisy totals, the time spent inside the journal's fdatasync calls themselves.
Run on a disk (not tmpfs, where fdatasync costs nothing): the default work
folder is under bench/out.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ingest import make_jpegs  # noqa: E402
from bench.common import run_child  # noqa: E402

CHILD = """
import os, sys, time, types
from pathlib import Path
from evidence_desk.core.store import journal
journal.os = types.SimpleNamespace(**vars(os))
inside = [0.0, 0]
def timed_sync(fd, real=os.fdatasync):
    start = time.perf_counter()
    real(fd)
    inside[0] += time.perf_counter() - start
    inside[1] += 1
journal.os.fdatasync = (lambda fd: None) if {no_sync!r} else timed_sync
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.intake.ingest import Provenance, ingest
archive = create_archive(Path({archive!r}), "bench")
start = time.perf_counter()
report = ingest(archive, [Path({folder!r})], provenance=Provenance(method="bench"))
elapsed = time.perf_counter() - start
archive.close()
assert not report.failed, [r.messages for r in report.failed]
print(elapsed, len(report.new), inside[0], inside[1])
"""


def small_files(folder: Path, count: int) -> None:
    """Text notes and messages of 0.5-4 KB, each distinct."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261128)
    for i in range(count):
        body = f"note {i}\n".encode() + rng.randbytes(rng.randint(500, 4000)).hex().encode()
        (folder / f"note-{i:05d}.txt").write_bytes(body[: rng.randint(500, 4000)])


def ingest_seconds(work: Path, folder: Path, no_sync: bool) -> tuple[float, int, float, int]:
    """(seconds in ingest, new objects, seconds inside the journal's fdatasync, calls)."""
    archive = work / f"archive-{time.monotonic_ns()}"
    code = CHILD.format(no_sync=no_sync, archive=str(archive), folder=str(folder))
    _, _, out = run_child(code)
    shutil.rmtree(archive)
    seconds, new, inside, calls = out.split()
    return float(seconds), int(new), float(inside), int(calls)


def measure(work: Path, label: str, folder: Path, runs: int) -> None:
    with_sync: list[float] = []
    without: list[float] = []
    inside: list[float] = []
    count = calls = 0
    for n in range(runs):
        order = (False, True) if n % 2 else (True, False)
        for no_sync in order:
            seconds, count, synced, calls = ingest_seconds(work, folder, no_sync)
            (without if no_sync else with_sync).append(seconds)
            if not no_sync:
                inside.append(synced)
    a, b = statistics.median(with_sync), statistics.median(without)
    c = statistics.median(inside)
    runs_with = ", ".join(f"{x:.2f}" for x in with_sync)
    runs_without = ", ".join(f"{x:.2f}" for x in without)
    print(
        f"{label:34} {count:6} objects  journal fdatasync {a:7.2f}s  without {b:7.2f}s  "
        f"ratio {a / b:5.2f}  {1000 * (a - b) / max(count, 1):6.2f} ms/object  "
        f"(runs {runs_with} / {runs_without})"
    )
    print(
        f"{'':34} inside the journal's fdatasync: {c:.2f}s for {calls} calls = "
        f"{1000 * c / max(calls, 1):.2f} ms/call, {100 * c / a:.1f}% of the ingest"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--jpegs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out" / "journal")
    args = parser.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()}")
    try:
        notes = work / "notes"
        small_files(notes, args.files)
        measure(work, f"{args.files} small files (0.5-4 KB)", notes, args.runs)
        if args.jpegs:
            photos = work / "jpegs"
            make_jpegs(photos, args.jpegs)
            measure(work, f"{args.jpegs} JPEGs (2-3 MP, EXIF+GPS)", photos, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
