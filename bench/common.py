"""Helpers shared by the benchmark scripts: timing, child peak memory, temp dirs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def sh(cmd: str) -> float:
    """Wall time of a shell command (output discarded)."""
    start = time.perf_counter()
    subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run_child(code: str) -> tuple[float, int, str]:
    """Run Python code in a child; return (seconds, peak RSS in bytes, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, "-c", code],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise RuntimeError(f"child failed with status {status}: {out}")
    return elapsed, usage.ru_maxrss * 1024, out


def write_random_file(path: Path, size: int, block: int = 64 * 1024 * 1024) -> None:
    """Incompressible data, generated fast by repeating a random block with a counter."""
    seed = os.urandom(block)
    with open(path, "wb") as f:
        written = 0
        counter = 0
        while written < size:
            chunk = seed[: min(block, size - written)]
            f.write(counter.to_bytes(8, "little") + chunk[8:])
            written += len(chunk)
            counter += 1


def drop_caches() -> bool:
    """Ask the kernel to drop the page cache (root only); False when not allowed."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False
