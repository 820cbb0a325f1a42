"""The catalogue's queries on an encrypted (SQLCipher) database against the same plain one.

    python bench/bench_encrypted_catalogue.py                 # 100,000 synthetic items
    python bench/bench_encrypted_catalogue.py --items 20000   # quicker

One archive is built with bench_catalogue's generator; a copy gets keys and
its database exported into SQLCipher (what ``evidence-desk encrypt`` does).
Then the queries behind the window — the first page and the full id list in
two sort orders, a Cyrillic full-text search, a filter, the sidebar counts,
row data for a screenful — are timed on both, through the services, in a
fresh child process each (cold SQLite page cache, as when the window opens)
and then warm. Median of 5 warm runs. The issue's target: within 10 %.
This measures the database layer, where encryption costs; the Qt views on
top are identical for both archives.
"""

from __future__ import annotations

import argparse
import json
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
root, passphrase = Path(sys.argv[1]), sys.argv[2] or None
start = time.perf_counter()
archive = open_archive(root, passphrase=(lambda: passphrase) if passphrase else None)
results = {"open": time.perf_counter() - start}
ids = L.query_ids(archive)
cases = {
    "first page": lambda: L.query_ids(archive, limit=200),
    "all ids, exhibit order": lambda: L.query_ids(archive),
    "all ids, by capture time": lambda: L.query_ids(archive, sort=L.Sort("captured", True)),
    "search 'Алматы'": lambda: L.query_ids(archive, L.Filters(text="Алматы")),
    "filter kind=video": lambda: L.query_ids(archive, L.Filters(kinds=("video",))),
    "sidebar counts": lambda: L.facets(archive),
    "rows for a screenful": lambda: L.fetch_rows(archive, ids[5000:5060]),
}
for name, run in cases.items():
    t = time.perf_counter(); run(); cold = time.perf_counter() - t
    warm = []
    for _ in range(5):
        t = time.perf_counter(); run(); warm.append(time.perf_counter() - t)
    results[name] = (cold, statistics.median(warm))
archive.close()
print(json.dumps(results))
"""


def measure(root: Path, passphrase: str) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), passphrase],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out)


def encrypt_database(root: Path) -> None:
    from evidence_desk.core.crypto import archive_keys
    from evidence_desk.services.catalogue.conversion import ConversionReport, _databases, _keys

    crypto = archive_keys.create(root / "keys", PASSPHRASE).keys
    _keys(root / "keys", crypto)
    _databases(root, crypto, ConversionReport())


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
        a, b = measure(plain, ""), measure(encrypted, PASSPHRASE)
        print(
            f"{'':28} {'plain cold/warm ms':>20} {'encrypted cold/warm ms':>24} {'warm ratio':>10}"
        )
        opened = f"{a['open'] * 1000:20.0f} {b['open'] * 1000:24.0f}"
        print(f"{'open (Argon2id for encrypted)':28} {opened}")
        for name in a:
            if name == "open":
                continue
            (ac, aw), (bc, bw) = a[name], b[name]
            print(
                f"{name:28} {ac * 1000:9.1f} /{aw * 1000:8.1f} {bc * 1000:12.1f} /{bw * 1000:9.1f}"
                f" {bw / aw:10.2f}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
