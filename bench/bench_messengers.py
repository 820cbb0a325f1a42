"""Chat export parsing speed and memory, against baselines measured in the same run.

    python bench/bench_messengers.py                 # 100,000 messages each
    python bench/bench_messengers.py --messages 20000

1. Telegram ``result.json``: our streaming parser (ijson events, one message
   built at a time, typed records) against plain ``json.load`` of the same
   file, which holds the whole document in memory and builds no records.
2. WhatsApp ``.txt``: our parser (two passes: date order, then messages)
   against reading the same file line by line and splitting each line once.
3. Recording: ``import_export`` of each file into a fresh archive (the export
   preserved as an item, every message a row with its search document),
   against the parser alone from (1) and (2).

Each measurement runs in a fresh child process so its peak memory (VmHWM)
is its own.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import run_child  # noqa: E402
from tests.chat_exports import write_tg_stream, write_wa_stream  # noqa: E402

PEAK = """
hwm = [l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
print(elapsed, count, int(hwm) * 1024)
"""

CHILDREN = {
    "json.load": """
import json, time
start = time.perf_counter()
with open({path!r}, "rb") as f:
    count = len(json.load(f)["messages"])
elapsed = time.perf_counter() - start
""",
    "telegram parser": """
import time
from evidence_desk.core.messengers import TelegramJsonReader
start = time.perf_counter()
with open({path!r}, "rb") as f:
    reader = TelegramJsonReader(f, "result.json")
    count = sum(1 for _ in reader)
elapsed = time.perf_counter() - start
assert not reader.report.problems, reader.report.problems[:3]
""",
    "read+split lines": """
import time
start = time.perf_counter()
count = 0
with open({path!r}, encoding="utf-8") as f:
    for line in f:
        if line[:1].isdigit():
            line.split(" - ", 1)
            count += 1
elapsed = time.perf_counter() - start
""",
    "import into archive": """
import time
from pathlib import Path
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.intake.ingest import Provenance
from evidence_desk.services.intake.messengers import import_export
archive = create_archive(Path({path!r}).with_name("archive-" + str(time.monotonic_ns())), "b")
start = time.perf_counter()
report = import_export(archive, Path({path!r}), provenance=Provenance(method="bench"))
elapsed = time.perf_counter() - start
count = report.messages_new
assert count and not [p for p in report.problems if "missing" not in p], report.problems[:3]
""",
    "whatsapp parser": """
import time
from evidence_desk.core.messengers import WhatsAppReader
start = time.perf_counter()
reader = WhatsAppReader(lambda: open({path!r}, "rb"), "chat.txt", "Bench chat")
count = sum(1 for _ in reader)
elapsed = time.perf_counter() - start
assert not reader.report.problems, reader.report.problems[:3]
""",
}


def measure(name: str, path: Path) -> tuple[float, int, int]:
    _, _, out = run_child(CHILDREN[name].format(path=str(path)) + PEAK)
    seconds, count, peak = out.split()
    return float(seconds), int(count), int(peak)


def report(label: str, path: Path, baseline: str, ours: str) -> None:
    size = path.stat().st_size
    print(f"\n{label}: {path.name}, {size / 2**20:.1f} MiB")
    results = {}
    for name in (baseline, ours):
        seconds, count, peak = measure(name, path)
        results[name] = seconds
        print(
            f"  {name:18s} {count:>8,} messages in {seconds:6.2f} s = "
            f"{count / seconds:>9,.0f} msg/s, peak memory {peak / 2**20:6.1f} MiB"
        )
    print(f"  ours / baseline time: {results[ours] / results[baseline]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-messengers-") as tmp:
        tg = write_tg_stream(Path(tmp) / "result.json", args.messages)
        report("Telegram JSON", tg, "json.load", "telegram parser")
        report("Telegram JSON recorded", tg, "telegram parser", "import into archive")
        wa = write_wa_stream(Path(tmp) / "chat.txt", args.messages)
        report("WhatsApp txt", wa, "read+split lines", "whatsapp parser")
        report("WhatsApp txt recorded", wa, "whatsapp parser", "import into archive")


if __name__ == "__main__":
    main()
