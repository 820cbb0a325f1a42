"""Process start → first rows of a 100,000-item archive painted, as a user starting the app sees.

    python bench/bench_startup.py --keep /tmp/big          # build once, then reuse
    python bench/bench_startup.py --keep /tmp/big --runs 10

Each run starts a fresh interpreter (offscreen Qt) running the application's
real start-up, ``evidence_desk.gui.shell.app.main([ARCHIVE])``, or with
``--entry command`` the installed ``evidence-desk ARCHIVE`` command
(``evidence_desk.cli.main``), which reaches the same function after parsing
its arguments. The clock starts in this process just before the child is
spawned (``time.perf_counter`` is the system-wide monotonic clock on Linux and
macOS), so interpreter start-up and every import are included. The only thing
added to the child is a probe installed by replacing ``QApplication.exec``: it
polls every 2 ms, and once a row of the table is on screen with its data it
repaints the table, reads the clock and exits. The archive is the synthetic
one of ``bench_catalogue.py`` (same generator, same ``--keep`` folder).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PROBE = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

marks = {{}}
real_exec = QApplication.exec

def first_rows_painted():
    for widget in QApplication.topLevelWidgets():
        model = getattr(widget, "model", None)
        table = getattr(widget, "table", None)
        if model is None or table is None or model.rowCount() == 0:
            continue
        first = table.rowAt(0)
        if first >= 0 and model.cached_row(model.id_at(first)) is not None:
            table.viewport().repaint()
            return widget
    return None

def probe_exec(*_args):
    app = QApplication.instance()
    marks["exec"] = time.perf_counter()
    poll = QTimer()
    poll.setInterval(2)
    def check():
        window = first_rows_painted()
        if window is not None:
            marks["rows"] = time.perf_counter()
            marks["total"] = window.model.total()
            print("STARTUP " + json.dumps(marks), flush=True)
            os._exit(0)
    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(60_000, lambda: os._exit(3))
    return real_exec()

QApplication.exec = probe_exec
sys.argv = ["evidence-desk", {archive!r}]
if {entry!r} == "command":
    from evidence_desk.cli.main import main
else:
    from evidence_desk.gui.shell.app import main
main([{archive!r}])
"""


def run_once(archive: Path, entry: str, env: dict[str, str]) -> dict[str, float]:
    code = PROBE.format(archive=str(archive), entry=entry)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("STARTUP ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"start-up run failed ({proc.returncode}): {proc.stderr[-2000:]}")
    marks = json.loads(lines[-1].removeprefix("STARTUP "))
    return {
        "first_rows_ms": (marks["rows"] - start) * 1000,
        "event_loop_ms": (marks["exec"] - start) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entry", choices=("gui", "command"), default="gui")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="bench-startup-")
    root = args.keep or Path(tmp.name) / "archive"
    config = Path(tmp.name) / "config"
    os.environ.setdefault("EVIDENCE_DESK_CONFIG_DIR", str(config))
    if args.keep and (root / "evidence.sqlite").exists():
        print(f"reusing the archive at {root}")
    else:
        from bench.bench_catalogue import build

        print(f"building {args.items:,} synthetic items …", flush=True)
        print(f"  built in {build(root, args.items):.1f} s")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(Path(tmp.name) / "xdg"),
        "PYTHONPATH": str(REPO),
        "EVIDENCE_DESK_CONFIG_DIR": os.environ["EVIDENCE_DESK_CONFIG_DIR"],
    }
    with sqlite3.connect(root / "evidence.sqlite") as db:
        (items,) = db.execute("SELECT count(*) FROM items WHERE removed_at IS NULL").fetchone()
    results = [run_once(root, args.entry, env) for _ in range(args.runs)]
    first = [r["first_rows_ms"] for r in results]
    loop = [r["event_loop_ms"] for r in results]
    print(f"\n## Start-up at {items:,} items ({args.entry} entry, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})\n")  # fmt: skip
    print("| measurement | median | min | max |")
    print("|---|---|---|---|")
    for label, values in (
        ("process start → event loop running (window shown)", loop),
        ("**process start → first rows painted**", first),
    ):
        print(f"| {label} | {statistics.median(values):.0f} ms | {min(values):.0f} ms "
              f"| {max(values):.0f} ms |")  # fmt: skip
    print(f"\nruns (ms): {', '.join(f'{v:.0f}' for v in first)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
