"""Benchmark: how fast, and in how little memory, absurd zips are refused.

    .venv/bin/python bench/bench_zip_directory.py [--workdir bench/out] [--entries 1000000]
        [--python PATH]

Writes real zips (every entry a local header, no data, and a central directory
record; made with ``struct``, in seconds) and runs ``verify-bundle`` on each in
a fresh child process, reporting its wall time, its CPU time (user + system,
less sensitive to the machine's load) and its peak memory (``ru_maxrss``).
Each must be refused in under 2 s and 200 MB:

0. baseline: a 10-entry zip that is not a bag (the command's own start-up);
1. ``--entries`` entries (default one million): refused from the end record;
2. just under the entry limit (``Limits.max_entries - 1``), none of them a
   bag: the worst a zip can do without being refused for its count (every
   entry is scanned and checked);
3. as many entries with names as long as the directory cap (48 MiB) allows;
   none a bag;
4. a stored entry declaring 4 GiB that the file does not hold;
5. an end record declaring a central directory larger than the file;
6. a legitimate bundle's directory: the names ``export`` writes for the most
   items it puts in one bundle, opened with ``open_bag`` (accepted).

``--python`` runs the same zips through another checkout's interpreter
(e.g. the version before this check) for comparison.
"""

from __future__ import annotations

import argparse
import os
import resource
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def write_zip(path: Path, entries: int, declared: int = 0, names: list[str] | None = None) -> None:
    """``entries`` empty stored entries named b/<n> (or ``names``); the first may declare
    ``declared`` bytes."""
    local = bytearray()
    central = bytearray()
    for n in range(entries):
        name = (names[n] if names else f"b/{n}").encode()
        offset = len(local)
        size = declared if n == 0 else 0
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, size, size,
                             len(name), 0) + name  # fmt: skip
        central += struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0,
                               size, size, len(name), 0, 0, 0, 0, 0o100644 << 16,
                               min(offset, 0xFFFFFFFF)) + name  # fmt: skip
    cd_offset = len(local)
    tail = b""
    if entries > 0xFFFE or cd_offset > 0xFFFFFFFE:
        eocd64_at = cd_offset + len(central)
        tail += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries,
                            len(central), cd_offset)  # fmt: skip
        tail += struct.pack("<4sLQL", b"PK\x06\x07", 0, eocd64_at, 1)
        tail += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                            0xFFFFFFFF, 0)  # fmt: skip
    else:
        tail += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, entries, entries, len(central),
                            cd_offset, 0)  # fmt: skip
    path.write_bytes(bytes(local) + bytes(central) + tail)


def bundle_names(items: int) -> list[str]:
    """The entries of an export of ``items`` items: its tag and metadata files, and an
    original and a thumbnail per item, under one top folder, as ``export`` names them."""
    top = "bundle-2026-11-28/"
    tags = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
            "signature/tagmanifest-sha256.txt.sig", "signature/public-key.pem",
            "signature/public-key.sha256", "data/metadata/items.json",
            "data/metadata/items.csv", "data/metadata/places.geojson",
            "data/metadata/custody.json", "data/metadata/custody-checkpoint.json",
            "data/report/report.html", "data/report/report.pdf"]  # fmt: skip
    names = [top + t for t in tags]
    for n in range(1, items + 1):
        names.append(f"{top}data/objects/ED-{n:06d}_{n * 2654435761 % 2**32:08x}.jpg")
        names.append(f"{top}data/report/thumbs/ED-{n:06d}.jpg")
    return names


def long_names(count: int) -> list[str]:
    """Names as long as the directory cap allows for ``count`` entries (mixed case, so
    their folded keys are not the names themselves)."""
    from evidence_desk.core.safe_zip import DEFAULT_LIMITS

    length = DEFAULT_LIMITS.max_directory // count - 46 - 1
    return [f"Data/{n:09d}".ljust(length, "x") for n in range(count)]


def accept(path: Path, cwd: Path, python: str) -> tuple[float, float, float, int, str]:
    """Open a legitimate zip's directory in a fresh process: (wall, CPU, peak MB, 0, count)."""
    script = (
        "import resource, sys, time; from pathlib import Path;"
        "from evidence_desk.core.bagit_read import open_bag;"
        "t = time.perf_counter(); bag = open_bag(Path(sys.argv[1]));"
        "print(len(bag.files), time.perf_counter() - t,"
        " resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    start = time.perf_counter()
    done = subprocess.run([python, "-c", script, str(path)], cwd=cwd, capture_output=True,
                          text=True, timeout=600, check=True)  # fmt: skip
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    count, _, peak = done.stdout.split()
    return wall, usage.ru_utime + usage.ru_stime, int(peak) / 1024, 0, f"accepted: {count} files"


def cd_too_big(path: Path) -> None:
    write_zip(path, 10)
    raw = bytearray(path.read_bytes())
    at = raw.rfind(b"PK\x05\x06")
    struct.pack_into("<L", raw, at + 12, 0x7FFFFFF0)
    path.write_bytes(bytes(raw))


def measure(python: str, path: Path, cwd: Path) -> tuple[float, float, float, int, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [python, "-m", "evidence_desk.cli.main", "verify-bundle", str(path)],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
    )
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = (done.stderr.strip().splitlines() or [""])[-1][:150]
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, max(usage.ru_maxrss, before) / 1024, done.returncode, line


def main() -> int:
    from evidence_desk.core.safe_zip import DEFAULT_LIMITS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cwd", type=Path, default=ROOT, help="checkout the --python runs in")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    legit_items = (DEFAULT_LIMITS.max_entries - 32) // 2
    cases = {
        "baseline: 10-entry zip, not a bag": lambda p: write_zip(p, 10),
        f"{args.entries:,} entries": lambda p: write_zip(p, args.entries),
        f"{DEFAULT_LIMITS.max_entries - 1:,} entries (just under the limit)": lambda p: write_zip(
            p, DEFAULT_LIMITS.max_entries - 1
        ),
        "249,999 long names filling the directory cap": lambda p: write_zip(
            p, DEFAULT_LIMITS.max_entries - 1, names=long_names(DEFAULT_LIMITS.max_entries - 1)
        ),
        "stored entry declaring 4 GiB": lambda p: write_zip(p, 10, declared=0xFFFFFFF0),
        "central directory larger than the file": cd_too_big,
        f"legitimate: export of {legit_items:,} items": lambda p: write_zip(
            p, 14 + 2 * legit_items, names=bundle_names(legit_items)
        ),
    }
    print(f"load average before: {os.getloadavg()}")
    print(f"{'case':46} {'size':>8} {'wall':>7} {'CPU':>6} {'-base':>6} {'peak RSS':>8}  "
          f"{'CPU<2s,<200MB':13}  exit  message")  # fmt: skip
    base_cpu = 0.0
    for n, (label, make) in enumerate(cases.items()):
        path = args.workdir / f"absurd-{n}.zip"
        make(path)
        # ru_maxrss of children is the maximum over all children so far: each case is run
        # from a fresh parent, so its peak is its own.
        fn = "accept" if label.startswith("legitimate") else "measure"
        script = (
            "import sys; sys.path.insert(0, sys.argv[1]);"
            f"from bench.bench_zip_directory import {fn};"
            "from pathlib import Path;"
            f"print(repr({fn}(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))))"
        )
        if fn == "accept":
            script = script.replace(
                "(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))",
                "(Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[2])",
            )
        out = subprocess.run(
            [sys.executable, "-c", script, str(ROOT), args.python, str(path), str(args.cwd)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        wall, cpu, peak, code, line = eval(out)  # noqa: S307 - our own repr
        if n == 0:
            base_cpu = cpu
        # Judged on CPU time: on a loaded machine the wall time is mostly waiting for a core
        # (the start-up alone took 2 s of wall at load 8); on an idle one the two agree.
        within = "yes" if cpu < 2 and peak < 200 else "NO"
        size = path.stat().st_size / 2**20
        print(f"{label:46} {size:6.1f}MB {wall:6.2f}s {cpu:5.2f}s {cpu - base_cpu:5.2f}s "
              f"{peak:6.0f}MB  {within:13}  {code:4}  {line}")  # fmt: skip
        os.unlink(path)
    print(f"load average after: {os.getloadavg()}")
    print(
        "CPU is the child's user+system time, '-base' that less the baseline's (the "
        "interpreter's and the command's start-up): the check itself."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
