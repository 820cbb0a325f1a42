"""The catalogue's queries on an encrypted (SQLCipher) database against the same plain one.

    python bench/bench_encrypted_catalogue.py                 # 100,000 synthetic items
    python bench/bench_encrypted_catalogue.py --items 20000   # quicker

One archive is built with bench_catalogue's generator; a copy gets keys and
its database exported into SQLCipher (what ``evidence-desk encrypt`` does).
Then the queries behind the window — the first page and the full id list in
two sort orders, a Cyrillic full-text search, a filter, the sidebar counts,
row data for a screenful — are timed on both, through the services, in one
fresh child process (cold SQLite page cache, as when the window opens) and
then warm, the two archives' runs alternating. Median of 9 warm runs, as
wall time and as the CPU time of the querying thread: on a shared machine
the wall time swings with other work, the CPU time much less. The load
average is printed before and after. The issue's target: within 10 %.
This measures the database layer, where encryption costs; the Qt views on
top are identical for both archives.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_catalogue import build  # noqa: E402

PASSPHRASE = "bench catalogue passphrase"

CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.catalogue import listing as L
plain_root, encrypted_root, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
archives, results = {}, {"plain": {}, "encrypted": {}}
for name, root, secret in (("plain", plain_root, None), ("encrypted", encrypted_root, passphrase)):
    start = time.perf_counter()
    archives[name] = open_archive(root, passphrase=(lambda s=secret: s) if secret else None)
    results[name]["open"] = time.perf_counter() - start
ids = L.query_ids(archives["plain"])
def cases(a):
    return {
        "first page": lambda: L.query_ids(a, limit=200),
        "all ids, exhibit order": lambda: L.query_ids(a),
        "all ids, by capture time": lambda: L.query_ids(a, sort=L.Sort("captured", True)),
        "search 'Алматы'": lambda: L.query_ids(a, L.Filters(text="Алматы")),
        "filter kind=video": lambda: L.query_ids(a, L.Filters(kinds=("video",))),
        "sidebar counts": lambda: L.facets(a),
        "rows for a screenful": lambda: L.fetch_rows(a, ids[5000:5060]),
    }
runs = {name: cases(a) for name, a in archives.items()}
for case in runs["plain"]:
    cold, warm, cpu = {}, {"plain": [], "encrypted": []}, {"plain": [], "encrypted": []}
    for name in runs:
        t = time.perf_counter(); runs[name][case](); cold[name] = time.perf_counter() - t
    for _ in range(9):  # alternating, so a burst of other work hits both alike
        for name in runs:
            t, c = time.perf_counter(), time.thread_time(); runs[name][case]()
            warm[name].append(time.perf_counter() - t); cpu[name].append(time.thread_time() - c)
    for name in runs:
        results[name][case] = (
            cold[name], statistics.median(warm[name]), statistics.median(cpu[name])
        )
for a in archives.values():
    a.close()
print(json.dumps(results))
"""


def measure(plain: Path, encrypted: Path) -> tuple[dict, dict]:  # type: ignore[type-arg]
    """Both archives in one fresh process, their warm runs alternating."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(plain), str(encrypted), PASSPHRASE],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    results = json.loads(out)
    return results["plain"], results["encrypted"]


def encrypt_database(root: Path) -> None:
    from evidence_desk.core.crypto import archive_keys
    from evidence_desk.services.catalogue.conversion import ConversionReport, _databases, _keys

    crypto = archive_keys.create(root / "keys", PASSPHRASE).keys
    _keys(root / "keys", crypto)
    _databases(root, crypto, ConversionReport())


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-enc-catalogue-"))
    try:
        plain, encrypted = work / "plain", work / "encrypted"
        seconds = build(plain, args.items)
        print(f"built {args.items:,} items in {seconds:.1f} s")
        shutil.copytree(plain, encrypted)
        encrypt_database(encrypted)
        import sqlcipher3

        print(f"sqlcipher3 from {Path(sqlcipher3.__file__).parent.parent}; {load()}")
        a, b = measure(plain, encrypted)
        head = ["plain cold/warm/cpu ms", "encrypted cold/warm/cpu ms", "wall", "cpu"]
        print(f"{'':28} {head[0]:>24} {head[1]:>28} {head[2]:>6} {head[3]:>6}  (ratios)")
        opened = f"{a['open'] * 1000:24.0f} {b['open'] * 1000:28.0f}"
        print(f"{'open (Argon2id for encrypted)':28} {opened}")
        for name in a:
            if name == "open":
                continue
            (ac, aw, au), (bc, bw, bu) = a[name], b[name]
            plain_ms = f"{ac * 1000:8.1f} /{aw * 1000:6.1f} /{au * 1000:6.1f}"
            enc_ms = f"{bc * 1000:12.1f} /{bw * 1000:6.1f} /{bu * 1000:6.1f}"
            cpu_ratio = bu / au if au else float("nan")
            print(f"{name:28} {plain_ms:>24} {enc_ms:>28} {bw / aw:6.2f} {cpu_ratio:6.2f}")
        print(load())
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
