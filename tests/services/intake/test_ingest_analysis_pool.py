"""The analysis pool: processes for big batches, and a crashed worker costs one file at most."""

from __future__ import annotations

import os
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from evidence_desk.core.store.filesystem import FileReader
from evidence_desk.services.intake import analysis as ingest_analysis
from evidence_desk.services.intake.analysis import AnalysisJob, AnalysisPool
from tests import media


def _job(tmp_path, name="photo.jpg"):
    path = media.make_jpeg(tmp_path / name)
    return AnalysisJob(
        FileReader(path), tmp_path / "thumbs" / f"{name}.jpg", name, path.stat().st_mtime
    )


def test_big_batches_use_processes_small_ones_threads():
    assert AnalysisPool(ingest_analysis.PROCESS_POOL_MIN_FILES).use_processes
    assert not AnalysisPool(3).use_processes


def test_worker_processes_analyse_a_photo(tmp_path):
    job = _job(tmp_path)
    with AnalysisPool(100) as pool:
        result = pool.result(pool.submit(job), job)
    assert result.meta.kind == "photo" and result.thumbnail and result.phash
    assert result.capture.source == "exif:DateTimeOriginal"


def test_a_job_lost_with_a_crashed_worker_is_tried_again(tmp_path):
    job = _job(tmp_path)
    lost: Future = Future()
    lost.set_exception(BrokenProcessPool("a worker died"))
    with AnalysisPool(100) as pool:
        result = pool.result(lost, job)
    assert result.meta.kind == "photo" and not result.warnings


def test_a_file_that_crashes_every_worker_is_kept_with_a_warning(tmp_path, monkeypatch):
    job = _job(tmp_path)
    lost: Future = Future()
    lost.set_exception(BrokenProcessPool("a worker died"))

    class AlwaysCrashing:
        def submit(self, *_args):
            crashed: Future = Future()
            crashed.set_exception(BrokenProcessPool("the worker died again"))
            return crashed

        def shutdown(self, **_kwargs):
            pass

    pool = AnalysisPool(100)
    monkeypatch.setattr(pool, "_pool", lambda: AlwaysCrashing())
    result = pool.result(lost, job)
    assert result.meta.kind == "other" and result.thumbnail is False
    assert "crashed" in result.warnings[0]
    assert result.capture.source == "file_mtime"


def test_jobs_go_to_workers_in_chunks_and_a_lost_chunk_is_retried_job_by_job(tmp_path, monkeypatch):
    jobs = [_job(tmp_path, f"photo{i}.jpg") for i in range(ingest_analysis.CHUNK + 3)]
    sent: list[str] = []

    class CrashingOnChunks:
        """A worker pool whose worker dies on every chunk but analyses single jobs."""

        def submit(self, func, arg):
            sent.append(func.__name__)
            future: Future = Future()
            if func is ingest_analysis.analyse_many:
                future.set_exception(BrokenProcessPool("a worker died"))
            else:
                future.set_result(func(arg))
            return future

        def shutdown(self, **_kwargs):
            pass

    pool = AnalysisPool(100)
    monkeypatch.setattr(pool, "_pool", lambda: CrashingOnChunks())
    futures = [pool.submit(job) for job in jobs]
    assert sent == ["analyse_many"]  # one full chunk so far; three jobs wait
    results = [pool.result(f, job) for f, job in zip(futures, jobs, strict=True)]
    assert sent[:2] == ["analyse_many", "analyse"]
    assert sent.count("analyse_many") == 2  # the rest went as a partial chunk
    assert sent.count("analyse") == len(jobs)  # each lost job retried alone
    assert all(r.meta.kind == "photo" and r.thumbnail and r.phash for r in results)


def test_a_chunk_in_a_worker_gives_each_job_its_own_result(tmp_path):
    jobs = [_job(tmp_path, f"photo{i}.jpg") for i in range(3)]
    with AnalysisPool(100) as pool:
        futures = [pool.submit(job) for job in jobs]
        results = [pool.result(f, job) for f, job in zip(futures, jobs, strict=True)]
    names = [r.meta.raw.get("image", {}).get("format") for r in results]
    assert names == ["JPEG"] * 3
    assert all(r.thumbnail and r.phash for r in results)
    assert {j.thumbnail for j in jobs} == {p for p in (tmp_path / "thumbs").iterdir()}


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no nice values on this system")
def test_worker_processes_run_below_the_window():
    """Decoding workers are niced, so the GUI process keeps a core when the CPU is busy."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from evidence_desk.services.intake.analysis import WORKER_NICE, _start_worker

    own = os.nice(0)
    with ProcessPoolExecutor(
        1, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        assert pool.submit(os.nice, 0).result(timeout=60) == min(19, own + WORKER_NICE)
    assert os.nice(0) == own, "the ingesting process itself keeps its priority"


def _worker_state() -> tuple[str | None, int, bool]:
    """In a worker: its OpenBLAS thread setting, frozen objects, and whether NumPy is in."""
    import gc
    import sys

    return os.environ.get("OPENBLAS_NUM_THREADS"), gc.get_freeze_count(), "numpy" in sys.modules


def test_workers_load_the_decoders_single_threaded_then_freeze_them(tmp_path):
    """OpenBLAS threads would spin beside the workers, and the collector would walk the
    decoders' modules on every full collection: both cost an ingest CPU for nothing."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from evidence_desk.services.intake.analysis import _start_worker, analyse_many

    own = os.environ.get("OPENBLAS_NUM_THREADS")
    with ProcessPoolExecutor(
        1, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(os.getpid(), 0)
    ) as pool:
        threads, frozen, numpy_loaded = pool.submit(_worker_state).result(timeout=60)
        assert threads == "1" and frozen == 0 and not numpy_loaded  # set before NumPy loads
        (result,) = pool.submit(analyse_many, [_job(tmp_path)]).result(timeout=60)
        assert result.phash and result.thumbnail
        _threads, frozen, numpy_loaded = pool.submit(_worker_state).result(timeout=60)
        assert numpy_loaded and frozen > 10_000
    assert os.environ.get("OPENBLAS_NUM_THREADS") == own, "the ingesting process keeps its own"


def _tiff_job(tmp_path):
    from PIL import Image

    path = tmp_path / "scan.tiff"
    Image.new("RGB", (120, 80), (10, 200, 10)).save(path, "TIFF")
    return AnalysisJob(
        FileReader(path), tmp_path / "thumbs" / "scan.jpg", "scan.tiff", path.stat().st_mtime
    )


def test_small_batches_decode_untrusted_formats_in_the_sandbox(tmp_path, monkeypatch):
    seen = []
    real = ingest_analysis.shared_sandbox

    def spy():
        box = real()
        seen.append(box)
        return box

    monkeypatch.setattr(ingest_analysis, "shared_sandbox", spy)
    tiff, jpeg = _tiff_job(tmp_path), _job(tmp_path)
    with AnalysisPool(2) as pool:
        tiff_result = pool.result(pool.submit(tiff), tiff)
        jpeg_result = pool.result(pool.submit(jpeg), jpeg)
    assert len(seen) == 1  # the TIFF went through the sandbox, the JPEG did not
    assert tiff_result.meta.kind == "photo" and tiff_result.thumbnail and tiff_result.phash
    assert tiff.thumbnail.exists()
    assert jpeg_result.thumbnail and not jpeg_result.warnings


def test_a_crash_in_the_sandbox_costs_the_file_its_metadata_only(tmp_path, monkeypatch):
    from evidence_desk.services.sandbox import SandboxFailure

    class Crashing:
        def run(self, *_args, **_kwargs):
            raise SandboxFailure("decoder crashed (exit code -11)")

    monkeypatch.setattr(ingest_analysis, "shared_sandbox", lambda: Crashing())
    job = _tiff_job(tmp_path)
    with AnalysisPool(1) as pool:
        result = pool.result(pool.submit(job), job)
    assert result.meta.kind == "other" and not result.thumbnail
    assert "exit code -11" in result.warnings[0] and "preserved" in result.warnings[0]
