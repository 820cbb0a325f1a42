"""Desktop catalogue at scale: open, first paint, scroll, search and filter at 100,000 items.

    python bench/bench_catalogue.py                  # 100,000 synthetic items
    python bench/bench_catalogue.py --items 20000    # quicker
    python bench/bench_catalogue.py --keep /tmp/big  # keep (and next time reuse) the archive

The archive is made by the real ``create_archive`` (schema via migrations)
and then filled directly with ``executemany`` into ``items``, ``sources``,
``tags``/``item_tags`` and the ``item_search`` FTS5 table — a data generator,
not the application's ingest. The measurements run in a fresh child process
(offscreen Qt) so "open" includes interpreter start-up and imports, as a user
double-clicking the app would see. Latencies are from the action until every
visible row has its data and the view was repainted. Baselines measured in
the same run: the raw ``sqlite3`` query the catalogue needs for the same
result, so ratios show the cost of the layers above SQLite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PLACES = [
    "Алматы", "Жаңаөзен", "Ақтау", "Талдықорған", "Атырау", "Орал", "Өскемен",
    "Шымкент", "Астана", "Almaty", "Zhanaozen", "Aktau", "Taldykorgan",
]  # fmt: skip
SUBJECTS = [
    "митинг на площади Республики", "задержание у акимата", "колонна военной техники",
    "разгон демонстрантов", "раненые у больницы", "пожар в здании акимата",
    "очередь родственников у ИВС", "бронетехника на улице", "свидетельство задержанного",
    "protest at Republic Square", "detention near city hall", "testimony of a detainee",
    "ереуіл алаңда", "куәгердің айғағы", "список пропавших без вести",
]  # fmt: skip
TAGS = [
    "задержание", "пытки", "избиение", "ранение", "гибель", "пропавший без вести",
    "журналист", "отключение интернета", "слезоточивый газ", "светошумовые гранаты",
    "боевые патроны", "ИВС", "суд", "ұсталу", "азаптау", "куәгер", "detention",
    "torture", "live ammunition", "internet shutdown", "Жаңаөзен", "Алматы",
]  # fmt: skip
SENDERS = [f"Волонтёр {n}" for n in range(1, 25)] + ["Кадыр", "Әлия", "Human Rights Bureau"]
METHODS = ["Telegram export", "WhatsApp export", "USB drive or memory card", "Phone dump"]
KINDS = [("photo", "image/jpeg", 60), ("video", "video/mp4", 25), ("audio", "audio/mpeg", 5)]
KINDS += [("document", "application/pdf", 10)]


def _ts(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def build(root: Path, count: int) -> float:
    """Create a real archive, then fill it with ``count`` synthetic items. Returns seconds."""
    from evidence_desk.services.archive.archive import create_archive

    start = time.perf_counter()
    create_archive(root, "bench catalogue").close()
    db = sqlite3.connect(root / "evidence.sqlite")
    db.execute("PRAGMA synchronous=OFF")
    with db:
        db.executemany("INSERT INTO tags (id, name) VALUES (?, ?)", list(enumerate(TAGS, 1)))
    rng = random.Random(2022)
    kinds = [k for k, _m, w in KINDS for _ in range(w)]
    mimes = {k: m for k, m, _w in KINDS}
    now = datetime(2022, 3, 1, 9, 0, 0)
    items, sources, search, item_tags = [], [], [], []
    for n in range(1, count + 1):
        kind = rng.choice(kinds)
        place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
        title = f"{subject}, {place}, {rng.randint(4, 19)} января"
        local = datetime(2022, 1, 1) + timedelta(seconds=rng.randint(0, 30 * 86400))
        offset = 300 if place in ("Ақтау", "Aktau", "Атырау", "Орал", "Жаңаөзен") else 360
        utc = local - timedelta(minutes=offset)
        gps = kind == "photo" and rng.random() < 0.4
        warnings = '["no capture time in the file\'s metadata"]' if rng.random() < 0.05 else "[]"
        sha = hashlib.sha256(n.to_bytes(8, "little")).hexdigest()
        description = f"Снято в {place}. {subject}." if rng.random() < 0.3 else ""
        items.append(
            (
                n, str(uuid.UUID(int=rng.getrandbits(128), version=4)), n, sha,
                rng.randint(20_000, 80_000_000), kind, mimes[kind], title, description, "",
                rng.choice(["public", "restricted", "restricted", "confidential"]),
                _ts(local), offset, _ts(utc), _ts(utc), "exif:DateTimeOriginal", "second",
                43.2 + rng.random() if gps else None, 76.8 + rng.random() if gps else None,
                "Apple" if kind == "photo" else None, "iPhone 12" if kind == "photo" else None,
                4032 if kind == "photo" else None, 3024 if kind == "photo" else None,
                rng.uniform(3, 300) if kind in ("video", "audio") else None,
                "{}", warnings, _ts(now), "bench", "bench-host",
            )
        )  # fmt: skip
        sender, method = rng.choice(SENDERS), rng.choice(METHODS)
        name = f"IMG_{n:06d}.jpg" if kind == "photo" else f"file_{n:06d}.{mimes[kind][-3:]}"
        sources.append(
            (
                n, n, "batch-bench", f"/media/usb/{sender}/{name}", name, sender, method,
                "Bench", "2022-02-01", "", _ts(now), "bench-host",
            )
        )  # fmt: skip
        chosen = rng.sample(range(1, len(TAGS) + 1), rng.choice([0, 0, 1, 1, 2, 3]))
        item_tags += [(n, t) for t in chosen]
        tag_text = " ".join(TAGS[t - 1] for t in chosen)
        search.append((n, title, f"{description}\n{tag_text}\n{name}\n{sender}\n{method}"))
        if len(items) == 50_000 or n == count:  # in slices: a million rows stay in bounded memory
            _insert(db, items, sources, item_tags, search)
            items, sources, search, item_tags = [], [], [], []
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    if "counters" in tables:  # schema 0004+: exhibit numbers come from a counter row
        with db:
            db.execute("UPDATE counters SET value = ? WHERE name = 'exhibit'", (count,))
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - start


def _fill_sort_keys(db: sqlite3.Connection, items: list, sources: list, item_tags: list) -> None:  # type: ignore[type-arg]
    """Archives at schema 0007 and later store folded sort keys (db/sort_keys.py)."""
    if "sort_title" not in {row[1] for row in db.execute("PRAGMA table_info(items)")}:
        return
    from evidence_desk.db.sort_keys import item_sort_keys

    tags: dict[int, list[str]] = {}
    for item_id, tag_id in item_tags:
        tags.setdefault(item_id, []).append(TAGS[tag_id - 1])
    sender = {row[1]: row[5] for row in sources}
    db.executemany(
        "UPDATE items SET sort_title = ?, sort_source = ?, sort_tags = ?, sort_warnings = ? "
        "WHERE id = ?",
        [
            (
                *item_sort_keys(row[7], sender.get(row[0]), tags.get(row[0], ()), row[25]).values(),
                row[0],
            )
            for row in items
        ],
    )


def _insert(db: sqlite3.Connection, *rows: list[tuple[object, ...]]) -> None:
    items, sources, item_tags, search = rows
    with db:
        db.executemany(
            "INSERT INTO items (id, uuid, exhibit_no, sha256, size, kind, mime_type, title,"
            " description, notes, sensitivity, captured_local, captured_offset_min,"
            " captured_utc, captured_sort, captured_source, captured_precision, gps_lat,"
            " gps_lon, device_make, device_model, width, height, duration_s, metadata_json,"
            " warnings_json, ingested_at, tool_version, host, has_thumbnail)"
            f" VALUES ({', '.join('?' * 29)}, 0)",
            items,
        )
        db.executemany(
            "INSERT INTO sources (id, item_id, batch_uuid, original_path, original_name,"
            " received_from, method, collector, acquired_at, notes, recorded_at, host)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            sources,
        )
        db.executemany("INSERT INTO item_tags (item_id, tag_id) VALUES (?, ?)", item_tags)
        _fill_sort_keys(db, items, sources, item_tags)
        db.executemany("INSERT INTO item_search (rowid, title, body) VALUES (?, ?, ?)", search)


def baselines(root: Path) -> dict[str, float]:
    """Raw sqlite3 times (ms) for the queries the catalogue needs, warm cache, median of 5."""
    db = sqlite3.connect(root / "evidence.sqlite")
    queries = {
        "all ids": "SELECT id FROM items WHERE removed_at IS NULL ORDER BY exhibit_no",
        "fts алматы": "SELECT rowid FROM item_search WHERE item_search MATCH '\"алматы\"*'",
        "page of rows": "SELECT * FROM items WHERE id BETWEEN 50000 AND 50060",
    }
    result = {}
    for label, sql in queries.items():
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            db.execute(sql).fetchall()
            runs.append((time.perf_counter() - start) * 1000)
        result[label] = sorted(runs)[2]
    db.close()
    return result


CHILD = r"""
import json, os, sys, time
T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {repo!r})
from pathlib import Path
from datetime import date
from PySide6.QtCore import QEventLoop, QTimer, Qt
from PySide6.QtWidgets import QApplication
from evidence_desk.gui.shell.app import application, tune_runtime
from evidence_desk.gui.shell.main_window import MainWindow
from evidence_desk.services.catalogue.listing import Filters
T_IMPORTS = time.perf_counter() - T0
app = application()
out = {{"imports_s": T_IMPORTS}}

class Watch:
    def __init__(self):
        self.max_gap = 0.0; self.last = time.perf_counter()
        self.timer = QTimer(); self.timer.setInterval(5); self.timer.timeout.connect(self.tick)
    def tick(self):
        now = time.perf_counter(); self.max_gap = max(self.max_gap, now - self.last - 0.005)
        self.last = now
    def reset(self):
        self.max_gap = 0.0; self.last = time.perf_counter()

watch = Watch()

def spin_until(pred, timeout=60.0):
    # Wait inside a real event loop, as the application does, checking every
    # 2 ms. (A loop of processEvents() calls would keep the GUI thread busy
    # and hold the GIL that the workers' sqlite3 cursors need for every row:
    # that alone made queries 5-10x slower than in the running application.)
    if pred():
        return
    end = time.perf_counter() + timeout
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    def check():
        if pred() or time.perf_counter() > end:
            loop.quit()
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if not pred():
        raise TimeoutError("timed out")

def visible_filled(view):
    if view is w.grid:
        return grid_filled()
    model = w.model
    if model.rowCount() == 0:
        return not model.loading
    first = view.rowAt(0)
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    if first < 0:
        return False
    return all(model.cached_row(model.id_at(r)) is not None for r in range(first, last + 1))

def settle(view):
    spin_until(lambda: not w.model.loading and visible_filled(view))
    view.viewport().repaint()

def grid_filled():
    model = w.model
    rect = w.grid.viewport().rect()
    rows = [w.grid.indexAt(rect.topLeft()).row(), w.grid.indexAt(rect.bottomRight()).row()]
    rows = [r for r in rows if r >= 0]
    if not rows:
        return True
    span = range(min(rows), max(rows) + 1)
    return all(model.cached_row(model.id_at(r)) is not None for r in span)

w = MainWindow()
w.resize(1400, 860)
w.show()
out["window_shown_s"] = time.perf_counter() - T0
w.open_archive_at(Path({archive!r}))
spin_until(lambda: w.archive is not None)
out["archive_open_s"] = time.perf_counter() - T0
spin_until(lambda: w.model.rowCount() > 0 and visible_filled(w.table))
w.table.viewport().repaint()
out["first_rows_painted_s"] = time.perf_counter() - T0
settle(w.table)
out["all_ids_loaded_s"] = time.perf_counter() - T0
out["rows"] = w.model.total()
tune_runtime()
watch.timer.start()

def measure(action, view=None):
    view = view or w.table
    watch.reset()
    start = time.perf_counter()
    action()
    app.processEvents()
    settle(view)
    return (time.perf_counter() - start) * 1000

bar = w.table.verticalScrollBar()
pages = [measure(lambda: bar.setValue(bar.value() + bar.pageStep())) for _ in range(40)]
out["page_down_ms"] = pages
def wheel():
    # 60 wheel steps of three rows at 60 Hz, driven by a timer so the event
    # loop runs between steps as it does under a real mouse wheel.
    steps = [0]
    tick = QTimer()
    tick.setInterval(16)
    def step():
        bar.setValue(bar.value() + 3 * 26)
        steps[0] += 1
        if steps[0] == 60:
            tick.stop()
    tick.timeout.connect(step)
    tick.start()
    spin_until(lambda: steps[0] == 60)
out["smooth_scroll_ms"] = measure(wheel)
out["smooth_scroll_max_gap_ms"] = watch.max_gap * 1000
start = time.perf_counter(); w.model.expose_all(); app.processEvents()
out["expose_all_ms"] = (time.perf_counter() - start) * 1000
import random
rng = random.Random(1)
jumps = [measure(lambda: bar.setValue(rng.randint(0, bar.maximum()))) for _ in range(20)]
out["random_jump_ms"] = jumps
out["scroll_max_gap_ms"] = watch.max_gap * 1000
start = time.perf_counter()
w.set_view("grid")
# The grid lays its tiles out in batches between events; jump only once the
# last tile has a place, so jumps can land anywhere in the 100,000.
last_tile = w.model.index(w.model.rowCount() - 1, 0)
watch.reset()
spin_until(lambda: w.grid.visualRect(last_tile).isValid())
out["grid_layout_ms"] = (time.perf_counter() - start) * 1000
out["grid_layout_max_gap_ms"] = watch.max_gap * 1000
grid_bar = w.grid.verticalScrollBar()
def grid_jump():
    grid_bar.setValue(rng.randint(0, grid_bar.maximum()))
out["grid_jump_ms"] = [measure(grid_jump, w.grid) for _ in range(10)]
w.set_view("table")

queries = {{
    "search 'алматы'": Filters(text="алматы"),
    "search 'Жаңаөзен'": Filters(text="Жаңаөзен"),
    "search 'Almaty'": Filters(text="Almaty"),
    "search prefix 'задерж'": Filters(text="задерж"),
    "search two words": Filters(text="задержание Алматы"),
    "kind = video": Filters(kinds=("video",)),
    "tag = пытки": Filters(tag="пытки"),
    "captured 5-10 Jan": Filters(captured_from=date(2022, 1, 5), captured_to=date(2022, 1, 10)),
    "has GPS + warnings": Filters(has_gps=True, has_warnings=True),
    "clear": Filters(),
}}
filters = {{}}
for label, f in queries.items():
    filters[label] = (measure(lambda f=f: w.filter_bar.set_filters(f)), w.model.total())
out["filters"] = filters
sorts = {{}}
for label, column, order in [("title", 1, Qt.SortOrder.AscendingOrder),
                             ("captured desc", 3, Qt.SortOrder.DescendingOrder),
                             ("received from", 4, Qt.SortOrder.AscendingOrder),
                             ("tags", 5, Qt.SortOrder.AscendingOrder),
                             ("exhibit", 0, Qt.SortOrder.AscendingOrder)]:
    sorts[label] = measure(lambda c=column, o=order: w.table.sortByColumn(c, o))
out["sorts"] = sorts
out["filter_sort_max_gap_ms"] = watch.max_gap * 1000
w.table.selectRow(5)
out["detail_ms"] = measure(lambda: spin_until(lambda: w.detail.current is not None))
print(json.dumps(out))
w.shutdown()
os._exit(0)
"""


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {ordered[len(ordered) // 2]:.0f} ms, p95 {p95:.0f} ms, max {ordered[-1]:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="bench-catalogue-")
    root = args.keep or Path(tmp.name) / "archive"
    os.environ.setdefault("EVIDENCE_DESK_CONFIG_DIR", str(Path(tmp.name) / "config"))
    env = {**os.environ, "XDG_CONFIG_HOME": str(Path(tmp.name) / "xdg"), "PYTHONPATH": str(REPO)}
    if args.keep and (root / "evidence.sqlite").exists():
        print(f"reusing the archive at {root}")
    else:
        print(f"building {args.items:,} synthetic items …", flush=True)
        print(f"  built in {build(root, args.items):.1f} s")
    base = baselines(root)
    code = CHILD.format(repo=str(REPO), archive=str(root))
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 1
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"\n## Catalogue at {r['rows']:,} items (offscreen Qt, {os.cpu_count()} CPUs)\n")
    print("| measurement | result |")
    print("|---|---|")
    print(f"| process start → imports done | {r['imports_s'] * 1000:.0f} ms |")
    print(f"| process start → window shown | {r['window_shown_s'] * 1000:.0f} ms |")
    print(f"| process start → archive open | {r['archive_open_s'] * 1000:.0f} ms |")
    print(f"| **process start → first rows painted** | **{r['first_rows_painted_s']:.2f} s** |")
    opened = (r["first_rows_painted_s"] - r["archive_open_s"]) * 1000
    print(f"| archive open → first rows painted | {opened:.0f} ms |")
    print(f"| process start → all {r['rows']:,} ids loaded | {r['all_ids_loaded_s']:.2f} s |")
    print(f"| page down (40×) | {_stats(r['page_down_ms'])} |")
    print(f"| smooth scroll, 60 steps at 60 Hz | {r['smooth_scroll_ms']:.0f} ms total, "
          f"longest loop block {r['smooth_scroll_max_gap_ms']:.0f} ms |")  # fmt: skip
    print(f"| expose all rows (fetchMore to the end) | {r['expose_all_ms']:.0f} ms |")
    print(f"| random jump anywhere (20×) | {_stats(r['random_jump_ms'])} |")
    print(
        f"| grid view: all tiles laid out (in batches) | {r['grid_layout_ms']:.0f} ms, "
        f"longest loop block {r['grid_layout_max_gap_ms']:.0f} ms |"
    )
    print(f"| grid view random jump (10×) | {_stats(r['grid_jump_ms'])} |")
    print(f"| longest event-loop block while scrolling | {r['scroll_max_gap_ms']:.0f} ms |")
    for label, (ms, n) in r["filters"].items():
        print(f"| filter: {label} → {n:,} items | {ms:.0f} ms |")
    for label, ms in r["sorts"].items():
        print(f"| sort by {label} | {ms:.0f} ms |")
    print(f"| longest event-loop block while filtering/sorting | "
          f"{r['filter_sort_max_gap_ms']:.0f} ms |")  # fmt: skip
    print(f"| select a row → detail panel filled | {r['detail_ms']:.0f} ms |")
    print("\nBaselines (raw sqlite3, same archive, warm cache) and ratios:\n")
    clear_ms = r["filters"]["clear"][0]
    search_ms = r["filters"]["search 'алматы'"][0]
    print(f"- all ids in exhibit order: {base['all ids']:.1f} ms; "
          f"clearing filters end-to-end is {clear_ms / base['all ids']:.1f}× that")  # fmt: skip
    print(f"- FTS match 'алматы*': {base['fts алматы']:.1f} ms; "
          f"search end-to-end is {search_ms / base['fts алматы']:.1f}× that")  # fmt: skip
    print(f"- one page of rows: {base['page of rows']:.2f} ms; page-down median is "
          f"{sorted(r['page_down_ms'])[20] / base['page of rows']:.0f}× that")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
