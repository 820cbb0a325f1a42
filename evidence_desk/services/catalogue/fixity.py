"""Re-hashing stored objects at the machine's limits, for ``verify``.

Big objects are hashed on threads: SHA-256 releases the interpreter lock, so
two threads keep two cores busy on two objects. Many small objects are the
opposite case: opening and reading a photo-sized file takes less time than
the Python around it, and threads then queue for the lock. They go in chunks
to worker processes, each hashing a few hundred objects per round trip. Both
go through the store's own ``hash_object``, never a path.
Results come back in the order asked, whatever finished first.

A whole-archive check of a file-system store first *sweeps* it
(``core.store.sweep``): two worker processes read every folder once and hash
each small object where it lies, which also yields every file for the search
for strays. The store is cut in :class:`Part` s by ranges of object names, so
each part's findings can be compared with the catalogue's names of the same
range (``verify_sweep``). Only what the sweep could not settle (big objects,
links, objects it did not find) goes through ``rehash`` one by one.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from evidence_desk.core.crypto import layout
from evidence_desk.core.crypto.errors import TamperedError
from evidence_desk.core.store import sweep as store_sweep
from evidence_desk.core.store.base import NotRegularObject, Store, is_sha256
from evidence_desk.core.store.filesystem import ObjectStore

WORKERS = 2
SMALL_OBJECT_BYTES = 1024 * 1024
# Below this many small objects, starting worker processes costs more than it saves.
PROCESS_MIN_SMALL = 2000
CHUNK_FILES = 400
IN_FLIGHT = 8

MISSING = "missing"
CANCELLED = "cancelled"


class Target(NamedTuple):
    """One object to check (a tuple: a million of them are built per verify)."""

    item_id: int
    exhibit: str
    sha256: str
    size: int
    uuid: str = ""


def _hash_one(store: Store, sha256: str) -> str | None:
    """None when intact; else "missing", "unreadable: …", "altered:<digest>" or
    "altered-ciphertext:<reason>"."""
    if not is_sha256(sha256):
        return f"unreadable: {sha256!r} is not a SHA-256 digest"
    try:
        digest = store.hash_object(sha256)
    except FileNotFoundError:
        return MISSING
    except TamperedError as exc:  # an encrypted store's copy fails authentication
        return f"altered-ciphertext:{exc}"
    except NotRegularObject as exc:  # a link or special file where the object should be
        return f"not_regular:{exc.strerror}"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    return None if digest == sha256 else f"altered:{digest}"


def hash_chunk(store: Store, digests: Sequence[str]) -> list[str | None]:
    """Worker entry point: the outcome of each object, in order."""
    return [_hash_one(store, d) for d in digests]


def _quiet() -> None:
    """In each worker process: Ctrl+C reaches every process of the terminal's group, and
    a worker it killed would break the pool; this process decides (``cancelled``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _picklable(store: Store) -> bool:
    """Worker processes get the store itself; a store that cannot travel stays on threads."""
    try:
        pickle.dumps(store)
    except Exception:  # noqa: BLE001 - any reason means: not to another process
        return False
    return True


def rehash(
    store: Store,
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
    if small >= PROCESS_MIN_SMALL and _picklable(store):
        # "spawn": the desktop application runs Qt and threads, which fork would copy.
        processes = ProcessPoolExecutor(
            WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=_quiet
        )
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
                pending.append((unit, pool.submit(hash_chunk, store, digests)))
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


PARTS = 64  # sweep tasks for a full store: four top-level folders each
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class Part:
    """One task of a sweep: top-level folders, and the range of object names they can
    hold (``low <= name < high``; None: unbounded). The ranges of a sweep's parts
    cover every string once, so every name in the catalogue belongs to exactly one
    part, whichever folders exist. Folders not named by two hex digits can hold no
    object, only strays: they make a last part that settles no name (``settles``)."""

    low: str | None
    high: str | None
    tops: list[str]
    settles: bool = True


def parts(tops: Sequence[str]) -> list[Part]:
    step = 256 // PARTS
    by_range: list[list[str]] = [[] for _ in range(PARTS)]
    odd: list[str] = []
    for top in tops:
        if len(top) == 2 and _HEX.issuperset(top):
            by_range[int(top, 16) // step].append(top)
        else:
            odd.append(top)
    out = [
        Part(
            None if k == 0 else f"{k * step:02x}",
            None if k == PARTS - 1 else f"{(k + 1) * step:02x}",
            by_range[k],
        )
        for k in range(PARTS)
    ]
    if odd:
        out.append(Part(None, None, odd, settles=False))
    return out


class Sweep:
    """A sweep of the whole store: started early (worker processes begin at once, while
    the caller reads the catalogue), then its parts taken as they finish."""

    def __init__(self, plan: store_sweep.Plan, processes: bool) -> None:
        self.plan = plan
        self.parts = parts(plan.tops)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[int, Future[store_sweep.Swept]] = {}
        if processes and plan.tops:
            # "spawn": the desktop application runs Qt and threads, which fork would copy.
            self.pool = ProcessPoolExecutor(
                WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=_quiet
            )
            self.futures = {
                index: self.pool.submit(
                    store_sweep.sweep, plan.root, plan.label, part.tops, SMALL_OBJECT_BYTES
                )
                for index, part in enumerate(self.parts)
                if part.tops
            }

    def results(
        self, cancelled: Callable[[], bool]
    ) -> Iterator[tuple[Part, store_sweep.Swept | None]]:
        """Each part with what its sweep found, in order; None for the parts left unswept
        once ``cancelled`` said stop. A part without folders found nothing."""
        stopped = False
        try:
            for index, part in enumerate(self.parts):
                if part.tops and not stopped:
                    stopped = cancelled()  # asked before each part, however fast they come
                found = None
                if stopped:
                    pass
                elif not part.tops:
                    found = store_sweep.Swept()
                elif self.pool is None:
                    found = store_sweep.sweep(
                        self.plan.root, self.plan.label, part.tops, SMALL_OBJECT_BYTES
                    )
                while found is None and not stopped:
                    try:
                        found = self.futures[index].result(timeout=0.2)
                    except FutureTimeout:
                        stopped = cancelled()
                yield part, found
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def early_sweep(archive_root: Path) -> Sweep | None:
    """Start sweeping a plain archive's store in worker processes before the archive is
    opened: importing and opening take a third of a second on one core while the other
    would wait. ``verify`` takes it over when it is the sweep it would have started
    (:func:`start_sweep`), else closes it. None for an encrypted archive (its objects
    are not plain files: nothing is read until it is opened) or without a store folder."""
    if layout.is_encrypted(archive_root / "keys"):
        return None
    plan = ObjectStore(archive_root / "objects").sweep_plan()
    return Sweep(plan, processes=True) if plan is not None and _many(plan) else None


def _many(plan: store_sweep.Plan) -> bool:
    """Does the store look like it holds ``PROCESS_MIN_SMALL`` objects or more? Below that,
    worker processes cost more than they save, and a few big objects would share the
    cores with them. Objects spread evenly over the 256 × 256 folders, so the number of
    second-level folders in a few top-level ones tells, before the catalogue is read
    (a wrong guess costs time, never a finding)."""
    sample = [top for top in plan.tops if len(top) == 2][:8]
    folders = 0
    for top in sample:
        try:
            with os.scandir(os.path.join(plan.root, top)) as entries:
                folders += sum(1 for entry in entries if entry.is_dir(follow_symlinks=False))
        except OSError:
            continue
    expected = 256 * (1 - math.exp(-PROCESS_MIN_SMALL / 65536))  # per folder at that count
    return bool(sample) and folders / len(sample) >= expected


def start_sweep(store: Store, *, processes: bool, early: Sweep | None = None) -> Sweep | None:
    """Start sweeping the whole store (two worker processes when ``processes``), or None
    when the store cannot be swept (see ``ObjectStore.sweep_plan``). ``early``, from
    :func:`early_sweep`, is used when it sweeps this very store (in processes even for a
    few objects: it has been running while the archive opened)."""
    make_plan = getattr(store, "sweep_plan", None)
    plan = make_plan() if make_plan is not None else None
    if early is not None:
        same = plan is not None and os.path.realpath(early.plan.root) == os.path.realpath(plan.root)
        if same and early.pool is not None:
            return early
        early.close()
    return None if plan is None else Sweep(plan, processes)
