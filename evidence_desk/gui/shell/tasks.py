"""Running service functions off the GUI thread.

Modelled on Orange3's ``TaskState`` and Anki's ``QueryOp``: a service
function runs unchanged in a pool thread, receiving ``progress`` /
``cancelled`` / ``on_item`` callables as keyword arguments. Everything the
worker reports is funnelled through one private signal with an explicit
queued connection to the ``Task`` (which lives on the GUI thread), and is
throttled to at most ten updates a second, so a fast worker can never flood
the event loop. Only plain data crosses: results, copies of progress
states, lists of per-item results.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1

# Named pools, so that work the user is looking at never queues behind work
# they are not: "rows" for point reads of what is on screen (catalogue row
# batches, the detail panel); "query" for id lists of searches and sorts
# (hundreds of ms at 100,000 items); "records" for the sidebar counts, case
# lists and timeline; "edit" (one thread, so edits apply in the order the
# user made them); "long" for ingest, verify, export.
POOL_SIZES = {"rows": 1, "query": 2, "records": 1, "edit": 1, "long": 2}


class Task(QObject):
    """One background call; its public signals are always emitted on the GUI thread."""

    progressed = Signal(object)
    items = Signal(list)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _relay = Signal(str, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.started_at = time.monotonic()
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._pending_progress: Any = None
        self._pending_items: list[Any] = []
        self._last_flush = 0.0
        self._relay.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    # Called on the worker thread.

    def report_progress(self, state: Any) -> None:
        snapshot = copy.copy(state)
        with self._lock:
            self._pending_progress = snapshot
        self._flush()

    def report_item(self, item: Any) -> None:
        with self._lock:
            self._pending_items.append(item)
        self._flush()

    def _flush(self, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_flush < PROGRESS_INTERVAL_S:
                return
            self._last_flush = now
            items, self._pending_items = self._pending_items, []
            state, self._pending_progress = self._pending_progress, None
        if items:
            self._send("items", items)
        if state is not None:
            self._send("progress", state)

    def _complete(self, result: Any, error: BaseException | None) -> None:
        self._flush(force=True)
        if error is None:
            self._send("ok", result)
        else:
            self._send("error", error)

    def _send(self, kind: str, payload: Any) -> None:
        try:
            self._relay.emit(kind, payload)
        except RuntimeError:
            # The runner, and this task with it, was deleted while the work ran
            # (its window closed): the result has nobody left to reach.
            pass

    # Back on the GUI thread.

    @Slot(str, object)
    def _on_relay(self, kind: str, payload: Any) -> None:
        if kind == "progress":
            self.progressed.emit(payload)
        elif kind == "items":
            self.items.emit(payload)
        else:
            self.done = True
            if kind == "ok":
                self.result = payload
                self.succeeded.emit(payload)
            else:
                self.error = payload
                self.failed.emit(payload)
            self.finished.emit()


class TaskRunner(QObject):
    """Owns the thread pools and keeps every running task alive until it finishes."""

    taskStarted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        for name, size in POOL_SIZES.items():
            pool = QThreadPool(self)
            pool.setMaxThreadCount(size)
            if name == "long":
                pool.setThreadPriority(QThread.Priority.LowPriority)
            self._pools[name] = pool
        self._running: set[Task] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        pool: str = "query",
        name: str = "",
        progress: bool = False,
        cancellable: bool = False,
        on_item: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` in ``pool``, wiring the callables it asked for."""
        # A child of the runner: when the window (and so the runner) goes away, its
        # pools first wait for running work, then the tasks go, and results still
        # queued for them are dropped instead of reaching deleted widgets.
        task = Task(name or getattr(fn, "__name__", "task"), self)
        if progress:
            kwargs["progress"] = task.report_progress
        if cancellable:
            kwargs["cancelled"] = task.is_cancelled
        if on_item:
            kwargs["on_item"] = task.report_item

        def run() -> None:
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                if not _is_user_error(exc):
                    log.exception("background task %s failed", task.name)
                task._complete(None, exc)
            else:
                task._complete(result, None)

        self._running.add(task)
        task.finished.connect(lambda: self._forget(task))
        self._pools[pool].start(run)
        self.taskStarted.emit(task)
        return task

    def _forget(self, task: Task) -> None:
        # Dropped on the next loop turn, never inside the task's own signal emission.
        def drop() -> None:
            self._running.discard(task)
            task.deleteLater()

        QTimer.singleShot(0, self, drop)

    def running(self) -> list[Task]:
        return list(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every pool is idle (shutdown and tests only)."""
        deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms >= 0 else None
        for pool in self._pools.values():
            left = -1 if deadline is None else max(0, int((deadline - time.monotonic()) * 1000))
            if not pool.waitForDone(left):
                return False
        return True

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        self.cancel_all()
        self.wait(timeout_ms)


def _is_user_error(exc: BaseException) -> bool:
    from evidence_desk.services.archive.errors import EvidenceDeskError

    return isinstance(exc, EvidenceDeskError)


def error_text(exc: BaseException) -> str:
    """A message for the user: ours are written for people; others get their type named."""
    if _is_user_error(exc):
        return str(exc)
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return f"{type(exc).__name__}: {exc}"


class Latest:
    """ "Newest request wins": tokens that tell whether an answer is still wanted.

    A view that asks a worker for data advances the counter and keeps the
    token; when the answer arrives, it is dropped unless its token is still
    the current one (the user has since selected another item, typed another
    search, or opened another archive). Plain integers, so a worker thread
    may read the current token too.
    """

    __slots__ = ("_current",)

    def __init__(self) -> None:
        self._current = 0

    def advance(self) -> int:
        """Start a new request: every earlier token is now stale."""
        self._current += 1
        return self._current

    @property
    def token(self) -> int:
        """The current request's token."""
        return self._current

    def is_current(self, token: int) -> bool:
        return token == self._current
