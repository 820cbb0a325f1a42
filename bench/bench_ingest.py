"""Ingest and verify benchmarks, each against a baseline measured in the same run.

    python bench/bench_ingest.py                 # all four measurements
    python bench/bench_ingest.py --only big      # one of: big, memory, jpegs, verify
    python bench/bench_ingest.py --big-gib 0.25 --jpegs 200   # quick run

1. One large file: ``evidence-desk`` ingest time / (``cp`` + ``sha256sum`` of
   the copy), with a cold page cache before each run when the kernel allows it
   (root) and with a warm cache. Ingest also fsyncs the object and writes the
   database row; ``cp`` does neither.
2. Peak memory (max RSS of a child process) while ingesting a 4 GiB file.
3. 2,000 generated JPEGs (2–3 MP, EXIF + GPS): files per second including
   metadata, thumbnail and perceptual hash.
4. ``verify`` throughput / ``sha256sum`` over the same objects.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import drop_caches, median_of, run_child, sh, write_random_file  # noqa: E402

GIB = 1024**3

INGEST_CHILD = """
import sys, time
from pathlib import Path
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.intake.ingest import Provenance, ingest
archive = create_archive(Path({archive!r}), "bench")
start = time.perf_counter()
report = ingest(archive, [Path(p) for p in {paths!r}], provenance=Provenance(method="bench"))
elapsed = time.perf_counter() - start
assert not report.failed, [r.messages for r in report.failed]
hwm_kb = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print(elapsed, len(report.new), int(hwm_kb) * 1024)
"""


def ingest_in_child(work: Path, paths: list[Path]) -> tuple[float, int, int]:
    """(seconds inside ingest(), peak RSS bytes, new items) in a fresh process.

    Peak memory is the child's own VmHWM: ``ru_maxrss`` of a child would also
    count the parent's pages at fork time.
    """
    archive = work / f"archive-{time.monotonic_ns()}"
    code = INGEST_CHILD.format(archive=str(archive), paths=[str(p) for p in paths])
    _, _, out = run_child(code)
    seconds, new, rss = out.split()
    shutil.rmtree(archive)
    return float(seconds), int(rss), int(new)


def bench_big(work: Path, size: int, runs: int) -> None:
    src = work / "big.bin"
    write_random_file(src, size)
    for cold in (True, False):
        if cold and not drop_caches():
            print("big file, cold cache: skipped (cannot drop the page cache here)")
            continue

        def baseline(cold: bool = cold) -> float:
            if cold:
                drop_caches()
            seconds = sh(f"cp {src} {work}/copy.bin && sha256sum {work}/copy.bin")
            (work / "copy.bin").unlink()
            return seconds

        def ours(cold: bool = cold) -> float:
            if cold:
                drop_caches()
            return ingest_in_child(work, [src])[0]

        base = median_of(runs, baseline)
        mine = median_of(runs, ours)
        label = "cold cache" if cold else "warm cache"
        print(
            f"big file {size / GIB:.2f} GiB, {label}: ingest {mine:.2f} s, cp+sha256sum "
            f"{base:.2f} s, ratio {mine / base:.2f} (target <= 0.8); "
            f"{size / mine / 1e6:.0f} MB/s"
        )
    src.unlink()


def bench_memory(work: Path, size: int) -> None:
    src = work / "huge.bin"
    write_random_file(src, size)
    seconds, rss, _ = ingest_in_child(work, [src])
    src.unlink()
    print(
        f"peak memory ingesting {size / GIB:.1f} GiB: {rss / 1e6:.0f} MB max RSS "
        f"(target < 200 MB); {seconds:.1f} s"
    )


def make_jpegs(folder: Path, count: int) -> None:
    """2–3 MP photo-like JPEGs with EXIF and GPS, each with distinct content."""
    from PIL import Image, ImageDraw, ImageFilter

    from tests.media import build_exif

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    sizes = [(1920, 1080), (2048, 1536), (1920, 1440)]
    bases = []
    for w, h in sizes:
        img = Image.effect_noise((w // 8, h // 8), 60).convert("RGB").resize((w, h))
        draw = ImageDraw.Draw(img)
        for _ in range(40):
            x, y = rng.randrange(w), rng.randrange(h)
            draw.ellipse(
                (x, y, x + rng.randrange(50, 400), y + rng.randrange(50, 300)),
                fill=tuple(rng.randrange(256) for _ in range(3)),
            )
        bases.append(img.filter(ImageFilter.GaussianBlur(2)))
    for i in range(count):
        img = bases[i % len(bases)].copy()
        ImageDraw.Draw(img).rectangle((10, 10, 60, 60), fill=(i % 256, (i // 256) % 256, 99))
        exif = build_exif(
            f"2022:01:0{5 + i % 5} {10 + i % 12:02d}:{i % 60:02d}:00",
            "+06:00",
            None,
            (43.2 + i / 1e4, 76.9, 850.0),
            None,
            "Apple",
            "iPhone 12",
            1,
            None,
        )
        img.save(folder / f"IMG_{i:05d}.jpg", quality=88, exif=exif)


def bench_jpegs(work: Path, count: int) -> Path:
    folder = work / "jpegs"
    make_jpegs(folder, count)
    total = sum(p.stat().st_size for p in folder.iterdir())
    seconds, _rss, new = ingest_in_child(work, [folder])
    assert new == count, (new, count)
    print(
        f"{count} JPEGs ({total / count / 1e6:.2f} MB avg, 2-3 MP, EXIF+GPS): "
        f"{count / seconds:.1f} files/s including metadata, thumbnail and pHash "
        f"(target >= 60); {seconds:.1f} s"
    )
    return folder


VERIFY_CHILD = """
import time
from pathlib import Path
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.catalogue.verify import verify
archive = open_archive(Path({archive!r}))
start = time.perf_counter()
report = verify(archive)
print(time.perf_counter() - start, report.bytes_checked, int(report.ok))
"""


def bench_verify(work: Path, folder: Path, big: int) -> None:
    archive = work / "verify-archive"
    src = work / "verify-big.bin"
    write_random_file(src, big)
    run_child(INGEST_CHILD.format(archive=str(archive), paths=[str(folder), str(src)]))
    objects = archive / "objects"
    for cold in (True, False):
        if cold and not drop_caches():
            continue
        if cold:
            drop_caches()
        base = sh(f"find {objects} -type f -not -path '*/.tmp/*' -print0 | xargs -0 sha256sum")
        if cold:
            drop_caches()
        _, _, out = run_child(VERIFY_CHILD.format(archive=str(archive)))
        seconds, nbytes, ok = out.split()
        assert ok == "1"
        mine = float(seconds)
        label = "cold cache" if cold else "warm cache"
        print(
            f"verify {int(nbytes) / 1e6:.0f} MB, {label}: {mine:.2f} s vs sha256sum {base:.2f} s, "
            f"ratio {mine / base:.2f}; {int(nbytes) / mine / 1e6:.0f} MB/s"
        )
    src.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["big", "memory", "jpegs", "verify"])
    parser.add_argument("--big-gib", type=float, default=1.0)
    parser.add_argument("--memory-gib", type=float, default=4.0)
    parser.add_argument("--jpegs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="scratch folder on the disk to measure (default: a temp dir)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ed-bench-", dir=args.workdir))
    try:
        if args.only in (None, "big"):
            bench_big(work, int(args.big_gib * GIB), args.runs)
        if args.only in (None, "memory"):
            bench_memory(work, int(args.memory_gib * GIB))
        if args.only in (None, "jpegs", "verify"):
            folder = bench_jpegs(work, args.jpegs)
            if args.only in (None, "verify"):
                bench_verify(work, folder, int(args.big_gib * GIB))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
