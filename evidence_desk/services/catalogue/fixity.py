"""Re-hashing stored objects at the machine's limits, for ``verify``.

Big objects are hashed on threads: SHA-256 releases the interpreter lock, so
two threads keep two cores busy on two objects. Many small objects are the
opposite case: opening and reading a photo-sized file takes less time than
the Python around it, and threads then queue for the lock. They go in chunks
to worker processes, each hashing a few hundred files per round trip.
Results come back in the order asked, whatever finished first.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.store.filesystem import is_sha256

WORKERS = 2
SMALL_OBJECT_BYTES = 1024 * 1024
# Below this many small objects, starting worker processes costs more than it saves.
PROCESS_MIN_SMALL = 2000
CHUNK_FILES = 400
IN_FLIGHT = 8
READ_BYTES = 1024 * 1024

MISSING = "missing"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class Target:
    item_id: int
    exhibit: str
    sha256: str
    size: int


def _hash_one(root: str, sha256: str, buf: bytearray) -> str | None:
    """None when intact; else "missing", "unreadable: …" or "altered:<digest>"."""
    if not is_sha256(sha256):
        return f"unreadable: {sha256!r} is not a SHA-256 digest"
    path = os.path.join(root, sha256[:2], sha256[2:4], sha256)
    h = hashlib.sha256()
    view = memoryview(buf)
    try:
        with open(path, "rb", buffering=0) as f:
            while n := f.readinto(buf):
                h.update(view[:n])
    except FileNotFoundError:
        return MISSING
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    finally:
        view.release()
    digest = h.hexdigest()
    return None if digest == sha256 else f"altered:{digest}"


def hash_chunk(root: str, digests: Sequence[str]) -> list[str | None]:
    """Worker entry point: the outcome of each object, in order."""
    buf = bytearray(READ_BYTES)
    return [_hash_one(root, d, buf) for d in digests]


def rehash(
    root: Path,
    targets: Sequence[Target],
    cancelled: Callable[[], bool],
) -> Iterator[tuple[Target, str | None]]:
    """Each target with its outcome (see ``_hash_one``, or "cancelled"), in order."""
    units: list[tuple[bool, Sequence[Target]]] = []  # (small, targets)
    run: list[Target] = []
    for target in targets:
        if target.size < SMALL_OBJECT_BYTES:
            run.append(target)
            if len(run) == CHUNK_FILES:
                units.append((True, run))
                run = []
        else:
            if run:
                units.append((True, run))
                run = []
            units.append((False, [target]))
    if run:
        units.append((True, run))
    small = sum(len(u) for is_small, u in units if is_small)
    threads = ThreadPoolExecutor(WORKERS, thread_name_prefix="verify")
    processes: Executor | None = None
    if small >= PROCESS_MIN_SMALL:
        # "spawn": the desktop application runs Qt and threads, which fork would copy.
        processes = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))
    folder = str(root)
    pending: deque[tuple[Sequence[Target], Future[list[str | None]]]] = deque()
    todo = deque(units)
    stopped = False
    try:
        while todo or pending:
            while todo and len(pending) < IN_FLIGHT and not stopped:
                if cancelled():
                    stopped = True
                    break
                is_small, unit = todo.popleft()
                pool = processes if is_small and processes is not None else threads
                digests = [t.sha256 for t in unit]
                pending.append((unit, pool.submit(hash_chunk, folder, digests)))
            if not pending:
                break
            unit, future = pending.popleft()
            for target, outcome in zip(unit, future.result(), strict=True):
                yield target, outcome
        for _is_small, unit in todo:
            for target in unit:
                yield target, CANCELLED
    finally:
        for _unit, future in pending:
            future.cancel()
        threads.shutdown(wait=True, cancel_futures=True)
        if processes is not None:
            processes.shutdown(wait=True, cancel_futures=True)
