"""Benchmark: how fast, and in how little memory, absurd zips are refused.

    .venv/bin/python bench/bench_zip_directory.py [--workdir bench/out] [--entries 1000000]
        [--python PATH]

Writes real zips (every entry a local header, no data, and a central directory
record; made with ``struct``, in seconds) and runs ``verify-bundle`` on each in
a child process, reporting wall time and the child's peak memory
(``ru_maxrss``), and the time of ``verify_bundle`` alone in this process
(the interpreter's start-up, ~0.7 s and ~100 MB, is most of the rest):

1. ``--entries`` entries (default one million): refused from the end record;
2. just under the entry limit (``Limits.max_entries - 1``): the worst a zip
   can do without being refused for its count (zipfile parses every entry);
3. a stored entry declaring 4 GiB that the file does not hold;
4. an end record declaring a central directory larger than the file.

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


def write_zip(path: Path, entries: int, declared: int = 0) -> None:
    """``entries`` empty stored entries named b/<n>; the first may declare ``declared`` bytes."""
    local = bytearray()
    central = bytearray()
    for n in range(entries):
        name = f"b/{n}".encode()
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


def cd_too_big(path: Path) -> None:
    write_zip(path, 10)
    raw = bytearray(path.read_bytes())
    at = raw.rfind(b"PK\x05\x06")
    struct.pack_into("<L", raw, at + 12, 0x7FFFFFF0)
    path.write_bytes(bytes(raw))


def measure(python: str, path: Path, cwd: Path) -> tuple[float, float, int, str]:
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
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line = (done.stderr.strip().splitlines() or [""])[-1][:150]
    return wall, max(peak, before) / 1024, done.returncode, line


def in_process(path: Path) -> float:
    """verify_bundle alone, without the interpreter's start-up (noisy on a loaded machine)."""
    from evidence_desk.services.bundles.verify import verify_bundle

    start = time.perf_counter()
    verify_bundle(path)
    return time.perf_counter() - start


def main() -> int:
    from evidence_desk.core.safe_zip import DEFAULT_LIMITS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cwd", type=Path, default=ROOT, help="checkout the --python runs in")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    cases = {
        f"{args.entries:,} entries": lambda p: write_zip(p, args.entries),
        f"{DEFAULT_LIMITS.max_entries - 1:,} entries (just under the limit)": lambda p: write_zip(
            p, DEFAULT_LIMITS.max_entries - 1
        ),
        "stored entry declaring 4 GiB": lambda p: write_zip(p, 10, declared=0xFFFFFFF0),
        "central directory larger than the file": cd_too_big,
    }
    print(f"{'case':50} {'size':>9} {'time':>8} {'peak RSS':>9}  exit  {'check':>7}  message")
    for n, (label, make) in enumerate(cases.items()):
        path = args.workdir / f"absurd-{n}.zip"
        make(path)
        # ru_maxrss of children is the maximum over all children so far: the cases run from
        # smallest to largest memory only by chance, so each is also run in a fresh parent.
        script = (
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from bench.bench_zip_directory import measure;"
            "from pathlib import Path;"
            "print(repr(measure(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))))"
        )
        out = subprocess.run(
            [sys.executable, "-c", script, str(ROOT), args.python, str(path), str(args.cwd)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        wall, peak, code, line = eval(out)  # noqa: S307 - our own repr
        check = in_process(path)
        size = path.stat().st_size / 2**20
        print(f"{label:50} {size:7.1f}MB {wall:7.2f}s {peak:7.0f}MB  {code:4}  {check:6.3f}s  "
              f"{line}")  # fmt: skip
        os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
