"""A million items: open, search, sort, sidebar counts and verify of tiny objects.

    python bench/bench_million.py                       # 1,000,000 items
    python bench/bench_million.py --items 100000 --runs 1
    python bench/bench_million.py --keep /tmp/m1        # build once, reuse next time
    python bench/bench_million.py --keep /tmp/m1 --verify-only

Rows are generated directly (``bench_catalogue.build``: items, sources, tags,
search index), and for ``verify`` every item gets its object: the generator's
SHA-256 is that of the item number's 8 bytes, so those 8 bytes are written
at ``objects/ab/cd/<sha256>``. The catalogue measurements call the services
the desktop window calls (``query_ids``, ``fetch_rows``, ``facets``) in a
fresh process, so "open to first rows" includes interpreter start-up,
imports and opening the archive; the rest are medians of three runs (warm:
other work on a shared machine may drop the page cache, and a first sort
after that reads its index from disk). Baselines in the
same run: the raw ``sqlite3`` query for the same answer, and ``sha256sum``
over the same object files (via ``xargs``, both cores: ``-P 2``), alternated
with ``verify`` and with two floors over the same files: a bare Python loop
and a bare C loop (open, one read, close, SHA-256; two processes each), which
show what one file per object costs before any of verify's own work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_catalogue import build  # noqa: E402
from bench.bench_limits import CLI, CODE, CPU, load_note, med, run, spread  # noqa: E402
from bench.common import REPO  # noqa: E402

SEARCHES = [
    "алматы", "Almaty", "задержание", "митинг", "Жаңаөзен", "torture", "Волонтёр 7",
    "Telegram", "IMG_0001", "бронетехника", "куәгер", "protest square", "ИВС",
    "file_00042", "пожар акимата", "Human Rights", "ереуіл", "раненые", "Ақтау", "detention",
]  # fmt: skip

CHILD = r"""
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.catalogue import listing as c
archive = open_archive(Path(sys.argv[1]))
ids = c.query_ids(archive, limit=200)
rows = c.fetch_rows(archive, ids[:60])
first_rows = time.perf_counter() - start
assert len(rows) == 60

def ms(fn, reps=3):
    out = []
    for _ in range(reps):
        t = time.perf_counter(); r = fn(); out.append((time.perf_counter() - t) * 1000)
    out.sort()
    return out[len(out) // 2], r

searches = []
hits = {}
by_text = {}
errors = []
for text in json.loads(sys.argv[2]):
    try:
        m, found = ms(lambda: c.query_ids(archive, c.Filters(text=text)))
    except Exception as exc:
        errors.append(f"{text}: {exc}")
        continue
    searches.append(m); hits[text] = len(found); by_text[text] = m
sorts = {}
for key in c.SORT_KEYS:  # warm medians: the first run may read the index from disk
    sorts[key] = ms(lambda: c.query_ids(archive, sort=c.Sort(key)))[0]
    sorts[key + " desc"] = ms(lambda: c.query_ids(archive, sort=c.Sort(key, True)))[0]
facets_ms, f = ms(lambda: c.facets(archive), reps=5)
print(json.dumps({"first_rows_s": first_rows, "searches_ms": searches, "hits": hits,
                  "search_by_text": by_text,
                  "sorts_ms": sorts, "facets_ms": facets_ms, "total": f.total,
                  "errors": errors}))
"""


def _median_ms(db: sqlite3.Connection, sql: str, params: tuple[str, ...] = ()) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        db.execute(sql, params).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[1]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def raw_baselines(db_path: Path) -> dict[str, float]:
    """The plain sqlite3 queries for the same answers, unordered where the catalogue orders."""
    from evidence_desk.services.catalogue.search_index import fts_query

    db = sqlite3.connect(db_path)
    queries = {
        "first 200 ids": "SELECT id FROM items WHERE removed_at IS NULL ORDER BY exhibit_no "
        "LIMIT 200",
        "fts алматы": "SELECT rowid FROM item_search WHERE item_search MATCH '\"алматы\"*'",
        "all ids by exhibit": "SELECT id FROM items WHERE removed_at IS NULL ORDER BY exhibit_no",
        "count by kind": "SELECT kind, count(*) FROM items GROUP BY kind",
    }
    out = {label: _median_ms(db, sql) for label, sql in queries.items()}
    # Every search as the bare full-text query: the rowids of the hits, in no promised order.
    fts = "SELECT rowid FROM item_search WHERE item_search MATCH ?"
    out["fts p95"] = _p95([_median_ms(db, fts, (fts_query(text),)) for text in SEARCHES])
    db.close()
    return out


def catalogue(root: Path) -> None:
    base = raw_baselines(root / "evidence.sqlite")
    env = {**os.environ, "PYTHONPATH": str(CODE["repo"])}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), json.dumps(SEARCHES)],
        capture_output=True,
        text=True,
        env=env,
        cwd=CODE["repo"],
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    searches = sorted(r["searches_ms"])
    p95 = _p95(searches)
    print(f"{r['total']:,} items ({load_note()})")
    print(f"open to first rows (process start, imports, open, first page): "
          f"{r['first_rows_s']:.2f} s (target <= 1.5 s); raw first 200 ids "
          f"{base['first 200 ids']:.1f} ms")  # fmt: skip
    print(f"search, {len(searches)} queries: median {searches[len(searches) // 2]:.0f} ms, "
          f"p95 {p95:.0f} ms, max {searches[-1]:.0f} ms (target p95 <= 100 ms); raw FTS of the "
          f"same queries p95 {base['fts p95']:.0f} ms, ratio {p95 / base['fts p95']:.2f}; "
          f"raw FTS 'алматы' {base['fts алматы']:.0f} ms "
          f"for {r['hits']['алматы']:,} hits")  # fmt: skip
    by_text = r.get("search_by_text", {})  # absent when measuring an older checkout
    if by_text:
        text, ms = max(by_text.items(), key=lambda kv: kv[1])
        print(f"  slowest search: {text!r} {ms:.0f} ms ({r['hits'][text]:,} hits)")
    for error in r["errors"]:
        print(f"  search FAILED: {error}")
    worst = max(r["sorts_ms"].items(), key=lambda kv: kv[1])
    print(f"sort, every column both ways: worst {worst[0]} {worst[1]:.0f} ms (target <= 1000 ms); "
          f"raw all ids by exhibit {base['all ids by exhibit']:.0f} ms, ratio "
          f"{worst[1] / base['all ids by exhibit']:.2f}")  # fmt: skip
    for key, ms in r["sorts_ms"].items():
        print(f"  sort by {key}: {ms:.0f} ms")
    ratio = r["facets_ms"] / base["count by kind"]
    print(f"sidebar counts: {r['facets_ms']:.1f} ms (target <= 200 ms); raw count by kind "
          f"{base['count by kind']:.0f} ms, ratio {ratio:.2f}")  # fmt: skip


def write_objects(root: Path, count: int) -> None:
    """The object of item n: its 8 bytes at the generator's SHA-256 path."""
    import hashlib

    objects = root / "objects"
    made: set[str] = set()
    for n in range(1, count + 1):
        data = n.to_bytes(8, "little")
        sha = hashlib.sha256(data).hexdigest()
        folder = objects / sha[:2] / sha[2:4]
        key = sha[:4]
        if key not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(key)
        (folder / sha).write_bytes(data)


# The floors: the least any verify of one file per object can cost on this machine, both
# cores busy, measured over the same files in the same run. Python: a bare loop (list a
# folder, open, one read, close, SHA-256) in two processes, no checks and no catalogue.
PY_FLOOR = r"""
import hashlib, os, sys
from concurrent.futures import ProcessPoolExecutor
def part(root, tops):
    n, sha = 0, hashlib.sha256
    for top in tops:
        for sub in os.listdir(os.path.join(root, top)):
            d = os.open(os.path.join(root, top, sub), os.O_RDONLY | os.O_DIRECTORY)
            for name in os.listdir(d):
                fd = os.open(name, os.O_RDONLY, dir_fd=d)
                sha(os.read(fd, 65536)).hexdigest()
                os.close(fd)
                n += 1
            os.close(d)
    return n
if __name__ == "__main__":
    tops = sorted(t for t in os.listdir(sys.argv[1]) if len(t) == 2)
    with ProcessPoolExecutor(2) as pool:
        print(sum(pool.map(part, [sys.argv[1]] * 2, [tops[0::2], tops[1::2]])))
"""
# C: the same loop with openat/read/close and OpenSSL's SHA256, two processes (built with
# the system's cc when there is one; skipped otherwise).
C_FLOOR = r"""
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static void walk(int parent, const char *name, int depth) {
  int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  DIR *d = fdopendir(fd);
  struct dirent *e;
  unsigned char buf[65536], md[32];
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (e->d_type == DT_DIR) { if (depth < 2) walk(fd, e->d_name, depth + 1); continue; }
    int o = openat(fd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (o < 0) continue;
    ssize_t n = read(o, buf, sizeof buf);
    if (n >= 0) SHA256(buf, (size_t)n, md);
    close(o);
  }
  closedir(d);
}
int main(int argc, char **argv) {
  for (int p = 0; p < 2; p++)
    if (fork() == 0) {
      int root = open(argv[1], O_RDONLY | O_DIRECTORY);
      char top[3];
      for (int t = p; t < 256; t += 2) { snprintf(top, sizeof top, "%02x", t); walk(root, top, 1); }
      return 0;
    }
  while (wait(NULL) > 0) {}
  return 0;
}
"""


def _c_floor(work: Path) -> list[str] | None:
    """The C floor's command, built here; None when there is no compiler or OpenSSL."""
    source = work / "floor.c"
    source.write_text(C_FLOOR)
    binary = work / "floor"
    try:
        subprocess.run(
            ["cc", "-O2", "-o", str(binary), str(source), "-lcrypto"],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return [str(binary)]


def verify_small(root: Path, count: int, runs: int) -> None:
    if not (root / "objects" / "verify-bench-written").exists():
        print(f"writing {count:,} tiny objects …", flush=True)
        write_objects(root, count)
        (root / "objects" / "verify-bench-written").mkdir()
    objects = root / "objects"
    sha256sum = (
        f"cd {objects} && find . -type f -print0 | xargs -0 -P 2 -n 20000 sha256sum > /dev/null"
    )
    run(sha256sum, shell=True)  # warm the page cache for both sides ("warm cache" below)
    work = Path(tempfile.mkdtemp(prefix="ed-floor-"))
    contenders: dict[str, Callable[[], float]] = {
        "verify": lambda: run([*CLI, "verify", "--archive", str(root)])[0],
        "sha256sum -P 2": lambda: run(sha256sum, shell=True)[0],
        "Python floor": lambda: run([sys.executable, "-c", PY_FLOOR, str(objects)])[0],
    }
    c_floor = _c_floor(work)
    if c_floor is not None:
        contenders["C floor"] = lambda: run([*c_floor, str(objects)])[0]
    try:
        _alternate(root, count, runs, contenders)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if c_floor is None:
        print("  C floor: skipped (no cc or OpenSSL headers here)")


def _alternate(
    root: Path, count: int, runs: int, contenders: dict[str, Callable[[], float]]
) -> None:
    events_before = _events(root)
    walls: dict[str, list[float]] = {name: [] for name in contenders}
    cpus: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):  # alternated: the machine's load falls on all alike
        for name, measure in contenders.items():
            walls[name].append(measure())
            cpus[name].append(CPU["last"])
    added = (_events(root) - events_before) / runs
    mine, theirs = med(walls["verify"]), med(walls["sha256sum -P 2"])
    print(
        f"verify {count:,} tiny objects (warm cache): {mine:.1f} s ({spread(walls['verify'])}), "
        f"sha256sum -P 2 {theirs:.1f} s ({spread(walls['sha256sum -P 2'])}), "
        f"speed-up {theirs / mine:.2f}x (target >= 2x); "
        f"custody events added per run: {added:g} ({load_note()})"
    )
    for name in contenders:
        print(
            f"  {name:15} wall {med(walls[name]):5.2f} s ({spread(walls[name])}), "
            f"CPU {med(cpus[name]):5.2f} s (user + system, all processes), "
            f"sha256sum / this {theirs / med(walls[name]):.2f}x"
        )


def _events(root: Path) -> int:
    db = sqlite3.connect(root / "evidence.sqlite")
    try:
        return int(db.execute("SELECT count(*) FROM custody_events").fetchone()[0])
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-verify", action="store_true")
    parser.add_argument("--verify-only", action="store_true", help="skip the catalogue part")
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout to measure")
    args = parser.parse_args()
    CODE["repo"] = args.repo.resolve()
    tmp = tempfile.TemporaryDirectory(prefix="ed-million-")
    root = args.keep or Path(tmp.name) / "archive"
    os.environ.setdefault("EVIDENCE_DESK_CONFIG_DIR", str(Path(tmp.name) / "config"))
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, code from {CODE['repo']}")
    if not (root / "evidence.sqlite").exists():
        print(f"building {args.items:,} items …", flush=True)
        print(f"  built in {build(root, args.items):.0f} s", flush=True)
    if not args.verify_only:
        catalogue(root)
    if not args.skip_verify:
        verify_small(root, args.items, args.runs)
    print(f"done; {load_note()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
