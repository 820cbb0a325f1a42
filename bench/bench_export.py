"""Benchmark: bundle export and verify-bundle against the standard tools, same run.

    .venv/bin/python bench/bench_export.py [--size-gib 2] [--workdir bench/out] [--keep]

Builds an archive holding ``--size-gib`` of originals (half in 128 MiB
"videos", half in 4 MiB "photos"; random bytes, each file unique), then:

1. export to a stored zip vs ``zip -0 -r -q`` of the archive's objects folder
   (the same files); each is run twice, alternately, and the faster run counts.
   Our export fsyncs the bundle before renaming it into place, so the
   baseline is also shown followed by ``sync``;
2. peak memory of the export (run in a child process: VmHWM / ru_maxrss),
   next to the same process's memory before exporting;
3. verify-bundle on a folder bundle vs ``sha256sum -c manifest-sha256.txt``
   inside the same bag, and verify-bundle on the zip.

Page cache is warm for every run (the files were just written); the numbers
compare CPU and I/O paths, not cold disks.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BIG = 128 * 2**20
SMALL = 4 * 2**20


def _vm_hwm_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _vm_rss_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def make_sources(folder: Path, total: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    block = random.Random(1).randbytes(SMALL)
    written = 0
    plan = [("video", BIG)] * max(1, total // 2 // BIG) + [("photo", SMALL)] * max(
        1, total // 2 // SMALL
    )
    for n, (kind, size) in enumerate(plan):
        path = folder / f"{kind}-{n:05d}.{'mp4' if kind == 'video' else 'jpg'}"
        with open(path, "wb") as f:
            f.write(f"unique file {n}\n".encode())
            left = size - f.tell()
            while left > 0:
                chunk = block[: min(left, len(block))]
                f.write(chunk)
                left -= len(chunk)
        written += size
    return written


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(cmd: list[str], cwd: Path | None = None) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def child_export(archive_path: Path, out: Path, zip_: bool) -> None:
    """Runs in a child process so its peak memory is the export's alone."""
    from evidence_desk.services.archive.archive import open_archive
    from evidence_desk.services.bundles.export import export_bundle

    with open_archive(archive_path) as archive:
        before = _vm_rss_kib()
        start = time.perf_counter()
        report = export_bundle(archive, None, out=out, zip=zip_)
        seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rss_before_kib": before,
                "peak_kib": _vm_hwm_kib(),
                "bytes": report.payload_bytes,
                "files": report.payload_files,
            }
        )
    )


def export_in_child(archive_path: Path, out: Path, zip_: bool) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child-export", str(archive_path), str(out)]
        + (["--zip"] if zip_ else []),
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "EVIDENCE_DESK_CONFIG_DIR": str(archive_path.parent / "config")},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _rate(label: str, seconds: float, size: int) -> str:
    return f"{label:24} {seconds:7.2f} s  ({size / 2**20 / seconds:7.0f} MiB/s)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-gib", type=float, default=2.0)
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--child-export", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--zip", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_export:
        child_export(*args.child_export, args.zip)
        return 0
    for tool in ("zip", "sha256sum"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed for the baseline", file=sys.stderr)
            return 2

    work = args.workdir / "export-bench"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    os.environ["EVIDENCE_DESK_CONFIG_DIR"] = str(work / "config")
    from evidence_desk.services.archive.archive import create_archive
    from evidence_desk.services.bundles.verify import verify_bundle
    from evidence_desk.services.intake.ingest import Provenance, ingest

    total = int(args.size_gib * 2**30)
    print(f"making {total / 2**30:.2f} GiB of sources…", flush=True)
    make_sources(work / "sources", total)
    with create_archive(work / "archive", "bench") as archive:
        report = ingest(archive, [work / "sources"], provenance=Provenance(method="bench"))
        assert report.ok, "ingest failed"
    shutil.rmtree(work / "sources")
    objects = work / "archive" / "objects"
    size = sum(p.stat().st_size for p in objects.rglob("*") if p.is_file())
    count = sum(1 for p in objects.rglob("*") if p.is_file())
    print(f"archive: {count} originals, {size / 2**30:.2f} GiB", flush=True)

    zip_times, zip_sync_times, ours, peaks = [], [], [], []
    for attempt in range(2):
        base = work / f"baseline-{attempt}.zip"
        zip_times.append(timed(lambda b=base: run(["zip", "-0", "-r", "-q", str(b), "objects"],
                                                  cwd=work / "archive")))  # fmt: skip
        base.unlink()
        zip_sync_times.append(
            timed(
                lambda b=base: (
                    run(["zip", "-0", "-r", "-q", str(b), "objects"], cwd=work / "archive"),
                    os.sync(),
                )
            )  # fmt: skip
        )
        base.unlink()
        out = work / f"bundle-{attempt}.zip"
        result = export_in_child(work / "archive", out, True)
        ours.append(result["seconds"])
        peaks.append(result)
        if attempt == 0:
            out.unlink()
    zip_best, zip_sync_best, ours_best = min(zip_times), min(zip_sync_times), min(ours)
    peak = max(p["peak_kib"] for p in peaks)
    before = max(p["rss_before_kib"] for p in peaks)

    folder = work / "bundle-folder"
    export_in_child(work / "archive", folder, False)
    sums = timed(lambda: run(["sha256sum", "-c", "--quiet", "manifest-sha256.txt"], cwd=folder))
    verify_folder = timed(lambda: verify_bundle(folder))
    verify_zip = timed(lambda: verify_bundle(work / "bundle-1.zip"))
    bag_bytes = sum(p.stat().st_size for p in (folder / "data").rglob("*") if p.is_file())

    mib = size / 2**20
    lines = [
        f"originals: {count} files, {size / 2**30:.2f} GiB (payload incl. metadata/report "
        f"{peaks[-1]['bytes'] / 2**30:.2f} GiB in {peaks[-1]['files']} files)",
        f"zip -0 -r:               {zip_best:7.2f} s  ({mib / zip_best:7.0f} MiB/s)",
        f"zip -0 -r + sync:        {zip_sync_best:7.2f} s  ({mib / zip_sync_best:7.0f} MiB/s)",
        f"export --zip:            {ours_best:7.2f} s  ({mib / ours_best:7.0f} MiB/s)",
        f"ratio export/zip:        {ours_best / zip_best:7.2f}   (target <= 1.2)",
        f"ratio export/(zip+sync): {ours_best / zip_sync_best:7.2f}",
        f"export peak memory:      {peak / 1024:7.1f} MiB (process before export: "
        f"{before / 1024:.1f} MiB)",
        f"sha256sum -c (folder):   {sums:7.2f} s  ({bag_bytes / 2**20 / sums:7.0f} MiB/s)",
        _rate("verify-bundle (folder):", verify_folder, bag_bytes)
        + f", ratio {verify_folder / sums:.2f}",
        _rate("verify-bundle (zip):", verify_zip, bag_bytes) + f", ratio {verify_zip / sums:.2f}",
    ]
    print("\n".join(lines))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
