"""Whole-process ingest, start-up and verify against the tools a careful user would run.

    python bench/bench_limits.py                   # everything, about 10 minutes
    python bench/bench_limits.py --only big        # one of: big, startup, jpegs, verify
    python bench/bench_limits.py --runs 3 --jpegs 500 --big-gib 1
    python bench/bench_limits.py --only big --cache warm --repo /path/to/other/checkout

Every measurement is a fresh process (``python -m evidence_desk.cli.main``),
so interpreter start-up and imports count as a user would feel them. The
measured checkout's bytecode is compiled first (``__pycache__``, as an
installed package has it): without it, and with PYTHONDONTWRITEBYTECODE set
as on the project VM, every command compiled about a hundred of our modules
from source (0.3 s of CPU) on every run. Ours and
the baseline alternate within one run (ours, baseline, ours, baseline, …)
and medians are reported, because on a shared machine a burst of someone
else's work should hit both sides alike.

1. ``init`` + ``ingest`` of one big file vs ``cp`` + ``sync FILE`` (the copy
   made durable), warm and cold page cache (cold needs root to drop caches);
   peak RSS of the ingest process.
2. ``--help``, ``list`` and ``show`` at 100,000 items (rows generated
   directly, as bench_catalogue does) vs the bare interpreter start.
3. Camera JPEGs (2048×1368, EXIF and GPS, about 2 MB): files/s of ``init`` +
   ``ingest`` (metadata, thumbnail, pHash) vs ``exiftool -json`` +
   ``sha256sum`` + ``mogrify -thumbnail`` over the same files.
4. ``verify`` of several big objects vs one stream of hashlib SHA-256 over
   the same files in this process.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, drop_caches, write_random_file  # noqa: E402

GIB = 1024**3
CLI = [sys.executable, "-m", "evidence_desk.cli.main"]
CODE = {"repo": REPO}  # whose evidence_desk the children run (--repo)
CPU = {"last": 0.0}  # CPU seconds (user + system) of the last child and all it waited for


def run(cmd: list[str] | str, *, shell: bool = False) -> tuple[float, int]:
    """(wall seconds, peak RSS bytes) of one child process; output discarded.

    Peak RSS comes from ``/usr/bin/time`` around a list command: the child's own
    ``ru_maxrss`` would also count this (large) process's pages at fork time.
    """
    env = {**os.environ, "PYTHONPATH": str(CODE["repo"])}
    rss_file = None
    if not shell and os.path.exists("/usr/bin/time"):
        rss_file = tempfile.NamedTemporaryFile(prefix="rss-", delete=False)
        rss_file.close()
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *cmd]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        shell=shell,
        cwd=CODE["repo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    CPU["last"] = usage.ru_utime + usage.ru_stime
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd} failed: {err[-2000:]}")
    if rss_file is not None:
        text = Path(rss_file.name).read_text().split()
        os.unlink(rss_file.name)
        return elapsed, int(text[-1]) * 1024
    return elapsed, usage.ru_maxrss * 1024


def interleaved(
    runs: int, ours: Callable[[], float], base: Callable[[], float]
) -> tuple[list[float], list[float]]:
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(base())
    return mine, theirs


def med(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float]) -> str:
    return "/".join(f"{v:.2f}" for v in values)


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


# 1. one big file ---------------------------------------------------------


def bench_big(work: Path, size: int, runs: int, caches: tuple[str, ...]) -> None:
    src = work / "big.bin"
    write_random_file(src, size)
    for cold in (label == "cold" for label in caches):
        if cold and not drop_caches():
            print("big file, cold cache: skipped (cannot drop the page cache here)")
            continue
        rss: list[int] = []
        inits: list[float] = []
        ingests: list[float] = []

        def ours(
            cold: bool = cold,
            rss: list[int] = rss,
            inits: list[float] = inits,
            ingests: list[float] = ingests,
        ) -> float:
            archive = work / "big-archive"
            if cold:
                drop_caches()
            t_init, _ = run([*CLI, "init", "--archive", str(archive)])
            t_ingest, peak = run([*CLI, "ingest", "--archive", str(archive), str(src)])
            rss.append(peak)
            inits.append(t_init)
            ingests.append(t_ingest)
            shutil.rmtree(archive)
            return t_init + t_ingest

        def base(cold: bool = cold) -> float:
            dst = work / "copy.bin"
            if cold:
                drop_caches()
            seconds, _ = run(f"cp {src} {dst} && sync {dst}", shell=True)
            dst.unlink()
            return seconds

        mine, theirs = interleaved(runs, ours, base)
        floor = hashlib_stream([src])  # SHA-256 of one stream cannot go faster than this
        label = "cold" if cold else "warm"
        print(
            f"big file {size / GIB:.2f} GiB, {label} cache: init+ingest {med(mine):.2f} s "
            f"({spread(mine)}), cp+sync {med(theirs):.2f} s ({spread(theirs)}), "
            f"ratio {med(mine) / med(theirs):.2f} (target <= 1.3); SHA-256 alone {floor:.2f} s; "
            f"peak RSS of ingest {max(rss) / 1e6:.0f} MB (target < 150 MB); "
            f"of which init {med(inits):.2f} s ({spread(inits)}), "
            f"ingest {med(ingests):.2f} s ({spread(ingests)}); {load_note()}"
        )
    src.unlink()


# 2. start-up -------------------------------------------------------------


def bench_startup(work: Path, items: int, runs: int) -> None:
    from bench.bench_catalogue import build

    archive = work / "startup-archive"
    print(f"building {items:,} items …", flush=True)
    build(archive, items)
    bare = [run([sys.executable, "-c", "pass"])[0] for _ in range(runs)]
    commands = {
        "--help": ["--help"],
        "list": ["list", "--archive", str(archive)],
        "show": ["show", str(items // 2), "--archive", str(archive)],
        "show --json": ["show", str(items // 2), "--json", "--archive", str(archive)],
    }
    for label, argv in commands.items():
        mine, base = interleaved(
            runs,
            lambda argv=argv: run([*CLI, *argv])[0],
            lambda: run([sys.executable, "-c", "pass"])[0],
        )
        bare += base
        target = 0.3 if label == "--help" else 0.5
        print(
            f"{label} at {items:,} items: {med(mine):.3f} s ({spread(mine)}), "
            f"bare interpreter {med(base):.3f} s, ratio {med(mine) / med(base):.1f} "
            f"(target <= {target} s)"
        )
    shutil.rmtree(archive)


# 3. camera JPEGs ---------------------------------------------------------


def make_camera_jpegs(folder: Path, count: int) -> None:
    """2048×1368 photos with sensor-like noise (about 2 MB each), EXIF and GPS."""
    from PIL import Image, ImageDraw, ImageFilter

    from tests.media import build_exif

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(13)
    w, h = 2048, 1368
    bases = []
    for b in range(6):
        img = Image.effect_noise((w // 4, h // 4), 40 + 5 * b).convert("RGB").resize((w, h))
        draw = ImageDraw.Draw(img)
        for _ in range(30):
            x, y = rng.randrange(w), rng.randrange(h)
            box = (x, y, x + rng.randrange(80, 600), y + rng.randrange(60, 400))
            draw.ellipse(box, fill=tuple(rng.randrange(256) for _ in range(3)))
        img = img.filter(ImageFilter.GaussianBlur(1))
        grain = Image.merge("RGB", [Image.effect_noise((w, h), 45) for _ in range(3)])
        bases.append(Image.blend(img, grain, 0.4))  # sensor-like colour noise: ~2 MB files
    for i in range(count):
        img = bases[i % len(bases)].copy()
        ImageDraw.Draw(img).rectangle((20, 20, 90, 90), fill=(i % 256, (i // 256) % 256, 77))
        exif = build_exif(
            f"2022:01:0{5 + i % 5} {10 + i % 12:02d}:{i % 60:02d}:{i % 59:02d}",
            "+06:00",
            None,
            (43.2 + i / 1e4, 76.9, 850.0),
            None,
            "Apple",
            "iPhone 12",
            1,
            None,
        )
        img.save(folder / f"IMG_{i:05d}.jpg", quality=95, exif=exif)


def bench_jpegs(work: Path, count: int, runs: int) -> None:
    if not (shutil.which("exiftool") and shutil.which("mogrify")):
        print("camera JPEGs: skipped (needs exiftool and ImageMagick's mogrify)")
        return
    folder = work / "jpegs"
    make_camera_jpegs(folder, count)
    avg = sum(p.stat().st_size for p in folder.iterdir()) / count

    cpu_mine: list[float] = []
    cpu_theirs: list[float] = []

    def ours() -> float:
        archive = work / "jpeg-archive"
        t_init, _ = run([*CLI, "init", "--archive", str(archive)])
        cpu = CPU["last"]
        t_ingest, _ = run([*CLI, "ingest", "--archive", str(archive), str(folder)])
        cpu_mine.append(cpu + CPU["last"])
        shutil.rmtree(archive)
        return t_init + t_ingest

    def base() -> float:
        # As a careful user runs them: one exiftool over the folder, one sha256sum
        # over all files, one mogrify writing thumbnails to another folder.
        thumbs = work / "thumbs"
        thumbs.mkdir()
        seconds, _ = run(
            f"exiftool -json -n {folder} > /dev/null && sha256sum {folder}/*.jpg > /dev/null "
            f"&& mogrify -path {thumbs} -thumbnail 320x320 {folder}/*.jpg",
            shell=True,
        )
        cpu_theirs.append(CPU["last"])
        shutil.rmtree(thumbs)
        return seconds

    mine, theirs = interleaved(runs, ours, base)
    rate, base_rate = count / med(mine), count / med(theirs)
    print(
        f"{count} camera JPEGs (2048x1368, {avg / 1e6:.2f} MB avg, EXIF+GPS): init+ingest "
        f"{rate:.1f} files/s ({spread(mine)} s), exiftool+sha256sum+mogrify {base_rate:.1f} "
        f"files/s ({spread(theirs)} s), ratio {rate / base_rate:.1f}x "
        "(targets >= 100 files/s, >= 5x); CPU per photo (all processes, user+system): "
        f"ours {1000 * med(cpu_mine) / count:.1f} ms, "
        f"pipeline {1000 * med(cpu_theirs) / count:.1f} ms"
    )
    shutil.rmtree(folder)


# 4. verify of big objects ------------------------------------------------


def hashlib_stream(paths: list[Path]) -> float:
    buf = bytearray(1024 * 1024)
    view = memoryview(buf)
    start = time.perf_counter()
    for path in paths:
        h = hashlib.sha256()
        with open(path, "rb", buffering=0) as f:
            while n := f.readinto(buf):
                h.update(view[:n])
    return time.perf_counter() - start


def bench_verify_big(work: Path, count: int, size: int, runs: int) -> None:
    archive = work / "verify-archive"
    sources = []
    for i in range(count):
        sources.append(work / f"obj-{i}.bin")
        write_random_file(sources[-1], size)
    run([*CLI, "init", "--archive", str(archive)])
    run([*CLI, "ingest", "--archive", str(archive), *map(str, sources)])
    for src in sources:
        src.unlink()
    objects = [p for p in (archive / "objects").rglob("*") if p.is_file() and ".tmp" not in p.parts]
    total = sum(p.stat().st_size for p in objects)
    hashlib_stream(objects)  # warm the page cache for both sides
    mine, theirs = interleaved(
        runs,
        lambda: run([*CLI, "verify", "--archive", str(archive)])[0],
        lambda: hashlib_stream(objects),
    )
    rate, base_rate = total / med(mine) / 1e6, total / med(theirs) / 1e6
    print(
        f"verify {count} objects of {size / 2**20:.0f} MiB, warm cache: {rate:.0f} MB/s "
        f"({spread(mine)} s, whole process), single-stream hashlib {base_rate:.0f} MB/s "
        f"({spread(theirs)} s), ratio {rate / base_rate:.2f} (target >= 0.9) ({load_note()})"
    )
    shutil.rmtree(archive)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["big", "startup", "jpegs", "verify"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-gib", type=float, default=1.0)
    parser.add_argument(
        "--cache", choices=["warm", "cold", "both"], default="both", help="big file: page cache"
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--jpegs", type=int, default=500)
    parser.add_argument("--verify-objects", type=int, default=4)
    parser.add_argument("--verify-mib", type=int, default=512)
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder on the disk")
    parser.add_argument(
        "--repo", type=Path, default=REPO, help="checkout whose evidence_desk to measure"
    )
    parser.add_argument(
        "--no-compile", action="store_true", help="do not write the checkout's __pycache__ first"
    )
    args = parser.parse_args()
    CODE["repo"] = args.repo.resolve()
    if not args.no_compile:
        import compileall

        compileall.compile_dir(CODE["repo"] / "evidence_desk", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="ed-limits-", dir=args.workdir))
    os.environ.setdefault("EVIDENCE_DESK_CONFIG_DIR", str(work / "config"))
    compiled = "bytecode not compiled first" if args.no_compile else "bytecode compiled"
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}, code from {CODE['repo']} ({compiled}), {load_note()}"
    )
    try:
        if args.only in (None, "startup"):
            bench_startup(work, args.items, args.runs)
        if args.only in (None, "big"):
            caches = ("warm", "cold") if args.cache == "both" else (args.cache,)
            bench_big(work, int(args.big_gib * GIB), args.runs, caches)
        if args.only in (None, "jpegs"):
            bench_jpegs(work, args.jpegs, args.runs)
        if args.only in (None, "verify"):
            bench_verify_big(work, args.verify_objects, args.verify_mib * 2**20, args.runs)
        print(f"done; {load_note()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
