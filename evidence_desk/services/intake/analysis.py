"""Ingest's second stage: metadata, capture time, thumbnail and perceptual hash.

It works on the stored copy (the object is already safe, so whatever goes
wrong here costs only metadata) and takes and returns plain picklable data,
so that large batches run in worker processes: decoding images is the
heaviest part of ingest, and in processes it neither competes with the GUI
thread for the interpreter lock nor takes the application down when a
decoder crashes on a hostile file.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import (
    CancelledError,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.capture_time import (
    CaptureTime,
    capture_time_from_filename,
    capture_time_from_mtime,
    choose_capture_time,
)
from evidence_desk.core.metadata import ExtractedMetadata, decoder_reads, extract_metadata
from evidence_desk.core.mime import (
    EMPTY,
    THUMBNAIL_KINDS,
    extension_mismatch_warning,
    sniff_mime,
)
from evidence_desk.core.store.base import ObjectReader
from evidence_desk.services.sandbox import SandboxFailure, shared_sandbox

# Below this many files, starting worker processes (about a second) costs more
# than it saves, and threads do.
PROCESS_POOL_MIN_FILES = 24
WORKERS = 2
# Jobs sent to a worker process together: each hand-over costs the ingesting
# process a pickle, a pipe write and wake-ups of the executor's threads (which
# then compete with the copy for the interpreter lock), and a photo's whole
# analysis is only about 20 ms.
CHUNK = 8
# Added to the workers' nice value (Unix): below the window, above nothing.
WORKER_NICE = 10
_STREAM_REPR = re.compile(r"<_io\.\w+ name=[^>]*>")
# A long video's metadata and poster frame; far beyond any honest file's need.
SANDBOX_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class AnalysisJob:
    """One stored original to analyse; picklable, so worker processes can take it.

    ``source`` opens the original through its store (``Store.reader``), so the
    worker never learns where or how the store keeps it.
    """

    source: ObjectReader
    thumbnail: Path
    name: str
    fs_mtime: float
    # An encrypted archive's thumbnails are encrypted before they are written (picklable;
    # its ``source`` already decrypts the original in the worker's memory).
    seal: Callable[[bytes], bytes] | None = None


@dataclass
class Analysis:
    meta: ExtractedMetadata
    capture: CaptureTime | None
    phash: str | None
    thumbnail: bool
    warnings: list[str]


def analyse(job: AnalysisJob) -> Analysis:
    try:
        return _analyse(job)
    except Exception as exc:  # noqa: BLE001 - the item must still be recorded
        return fallback(job, f"metadata could not be read: {exc}")


def analyse_many(jobs: list[AnalysisJob]) -> list[Analysis]:
    """Several jobs in one hand-over to a worker process (``CHUNK``)."""
    results = [analyse(job) for job in jobs]
    if not _FROZEN:
        # The decoders this batch needs are loaded now. Their modules (Pillow, NumPy,
        # SciPy) are hundreds of thousands of objects that every full collection of
        # the cyclic garbage collector walked again: frozen, it walks only what the
        # photos allocate (perf: 2.4 % of an ingest's CPU went to collections).
        gc.freeze()
        _FROZEN.append(True)
    return results


_FROZEN: list[bool] = []  # in a worker process: gc.freeze() done


def fallback(job: AnalysisJob, warning: str) -> Analysis:
    meta = ExtractedMetadata(mime_type="application/octet-stream", kind="other")
    return Analysis(meta, capture_time_from_mtime(job.fs_mtime), None, False, [warning])


def _analyse(job: AnalysisJob) -> Analysis:
    with job.source() as f:
        head = f.read(8192)
    mime = sniff_mime(head, job.name)
    meta = extract_metadata(Path(job.name), mime, opener=job.source)
    warnings = list(meta.warnings)
    mismatch = extension_mismatch_warning(job.name, meta.mime_type)
    if mismatch:
        warnings.append(mismatch)
    candidates = list(meta.capture_candidates)
    from_name = capture_time_from_filename(job.name)
    if from_name is not None:
        candidates.append(from_name)
    candidates.append(capture_time_from_mtime(job.fs_mtime))
    capture = choose_capture_time(candidates)
    if capture is not None and capture.source == "file_mtime":
        warnings.append(
            "no capture time in the file's metadata or name; the file modification time "
            "is shown instead and may reflect copying, not capture"
        )
    if meta.kind == "other" and not meta.raw and meta.mime_type != EMPTY:
        warnings.append(
            f"file type {meta.mime_type} is not one Evidence Desk reads metadata from; "
            "the file is preserved exactly as received"
        )
    phash, thumbnail = None, False
    if meta.kind in THUMBNAIL_KINDS:
        # The decoders (Pillow, PyAV, NumPy) load only now: ingesting documents or one
        # big archive file never imports them.
        from evidence_desk.core.thumbnails import derive

        derived = derive(job.source, meta.kind, job.thumbnail, seal=job.seal)
        phash, thumbnail = derived.phash, derived.thumbnail
        if derived.warning:
            warnings.append(derived.warning)
    # Library messages may quote the stream they read; the user knows the file by name.
    warnings = [_STREAM_REPR.sub(repr(job.name), w) for w in warnings]
    return Analysis(meta, capture, phash, thumbnail, warnings)


def _start_worker(parent_pid: int, nice: int = WORKER_NICE) -> None:
    """Worker start-up: yield the CPU to the user, and never outlive the ingest."""
    _lower_priority(nice)
    _single_threaded_maths()
    _exit_with_parent(parent_pid)


def _single_threaded_maths() -> None:
    """NumPy and SciPy each bring an OpenBLAS that starts a thread per core when it
    loads; the threads spin waiting for matrix work that never comes (pHash's DCT
    is not BLAS): in perf, 3 % of an ingest's CPU. The workers are the parallelism.
    Set before either library loads in this process (a worker loads them with its
    first image)."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"


def _lower_priority(nice: int) -> None:
    """Decoding thumbnails is background work when a window is open. On a two-core
    machine two busy workers at normal priority took turns with the window's own
    thread, which then waited up to 100 ms to repaint; niced, they get whatever CPU
    is spare. The command line has no window to keep: there ``nice`` is 0, since on
    a machine busy with other work niced workers got a fraction of a core."""
    if nice and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(nice)


def _exit_with_parent(parent_pid: int) -> None:
    """Leave as soon as the ingesting process is gone.

    A killed ingest (kill -9, power button, crash) cannot tell its workers to
    stop; without this they would linger, holding the files they had open.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _safe_in_thread(source: ObjectReader, name: str) -> bool:
    """JPEG, PNG, GIF, BMP and WebP are decoded in-process, and so is anything no
    decoder reads (an archive, a text, unknown bytes: only its head is sniffed);
    everything else goes to the sandbox. Starting the sandbox costs a second, which
    a single big file of no known format must not pay."""
    try:
        with source() as f:
            head = f.read(8192)
    except OSError:
        return True  # analyse() reports the unreadable file itself
    if not decoder_reads(sniff_mime(head, name)):
        return True
    from evidence_desk.core.preview_decode import is_safe_for_qt  # loads Pillow

    return is_safe_for_qt(head[:16])


def _analyse_sandboxed(job: AnalysisJob) -> Analysis:
    """``analyse`` in the application's long-lived decoder process.

    Small batches run in threads, but TIFF, HEIC, PDF, video and unknown
    formats go through decoders that may crash on a crafted file; in the
    sandbox that costs the file its metadata, not the application.
    """
    try:
        result: Analysis = shared_sandbox().run(analyse, job, timeout_s=SANDBOX_TIMEOUT_S)
        return result
    except SandboxFailure as exc:
        return fallback(
            job, f"metadata extraction failed on this file ({exc}); it is preserved as is"
        )


class AnalysisPool:
    """Worker processes for big batches, threads for small ones.

    A worker process that dies (a decoder crashing on a hostile file) fails
    only the jobs it held: they are recorded with a warning and the pool is
    started again for the rest. In a small batch, files of formats whose
    decoders are not trusted in-process are analysed in the decoder sandbox.
    """

    def __init__(self, files: int, *, nice: int = WORKER_NICE) -> None:
        self.use_processes = files >= PROCESS_POOL_MIN_FILES
        self.nice = nice
        self._executor: Executor | None = None
        self._pending: list[tuple[AnalysisJob, Future[Analysis]]] = []

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.use_processes:
                # "spawn": forking a process that runs Qt and worker threads is unsafe.
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(
                    WORKERS,
                    mp_context=context,
                    initializer=_start_worker,
                    initargs=(os.getpid(), self.nice),
                )
            else:
                self._executor = ThreadPoolExecutor(WORKERS, thread_name_prefix="ingest-analyse")
        return self._executor

    def submit(self, job: AnalysisJob) -> Future[Analysis]:
        """The job's future analysis; in worker processes, jobs go ``CHUNK`` at a time
        (``flush`` sends a partial chunk; ``result`` does so before it waits)."""
        if not self.use_processes:
            if not _safe_in_thread(job.source, job.name):
                return self._pool().submit(_analyse_sandboxed, job)
            return self._pool().submit(analyse, job)
        future: Future[Analysis] = Future()
        self._pending.append((job, future))
        if len(self._pending) >= CHUNK:
            self.flush()
        return future

    def flush(self) -> None:
        """Send the jobs not yet sent to a worker."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        jobs = [job for job, _future in pending]
        try:
            chunk = self._pool().submit(analyse_many, jobs)
        except BrokenProcessPool:
            self._restart()
            chunk = self._pool().submit(analyse_many, jobs)
        chunk.add_done_callback(lambda done: _hand_out(done, [f for _j, f in pending]))

    def result(self, future: Future[Analysis], job: AnalysisJob) -> Analysis:
        """The job's analysis; a job lost with a crashed worker is tried once more alone,
        so only the file that crashes the decoder goes without metadata."""
        if not future.done():
            self.flush()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
        try:
            return self._pool().submit(analyse, job).result()
        except BrokenProcessPool:
            self._restart()
            return fallback(job, "metadata extraction crashed on this file; it is preserved as is")

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None

    def close(self) -> None:
        for _job, future in self._pending:
            future.cancel()
        self._pending = []
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _hand_out(chunk: Future[list[Analysis]], futures: list[Future[Analysis]]) -> None:
    """Give each job of a finished chunk its result, or the chunk's failure (a worker
    that died fails every job it held: ``AnalysisPool.result`` retries each alone)."""
    try:
        results = chunk.result()
    except BaseException as exc:  # noqa: BLE001 - handed to each job's future
        if isinstance(exc, CancelledError):  # dropped by a restart after another crash
            exc = BrokenProcessPool("the worker pool was restarted")
        for future in futures:
            if not future.done():
                future.set_exception(exc)
        return
    for future, result in zip(futures, results, strict=True):
        if not future.done():
            future.set_result(result)
