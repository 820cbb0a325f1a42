"""One long-lived worker process that runs untrusted decoders.

A segmentation fault or endless loop in a C decoder (libtiff, libheif, …)
fed a crafted file would otherwise take the whole application down. Here it
costs one call: the worker is killed or found dead, the caller gets
``SandboxFailure``, and the next call starts a fresh worker. The process is
started with "spawn" (never "fork" from a process that runs Qt threads) and
kept between calls, so its start-up (about half a second) is paid once.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

DEFAULT_TIMEOUT_S = 20.0


class SandboxFailure(Exception):
    """The worker crashed, timed out or could not be started; the message says which."""


def _serve(conn: Connection) -> None:
    while True:
        try:
            func, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send((True, func(*args)))
        except Exception as exc:  # noqa: BLE001 - reported to the caller, not raised here
            conn.send((False, f"{type(exc).__name__}: {exc}"))


class DecodeSandbox:
    """Runs module-level functions with picklable arguments in a worker process.

    Thread-safe: calls are serialised, which also bounds the memory that
    decoding can take to one image at a time.
    """

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def run(self, func: Callable[..., Any], *args: Any, timeout_s: float | None = None) -> Any:
        limit = self.timeout_s if timeout_s is None else timeout_s
        with self._lock:
            conn = self._ensure_worker()
            try:
                conn.send((func, args))
                if not conn.poll(limit):
                    self._stop_worker()
                    raise SandboxFailure(f"decoder gave no answer within {limit:g} s")
                ok, value = conn.recv()
            except (EOFError, OSError) as exc:
                code = None
                if self._process is not None:
                    self._process.join(timeout=2)
                    code = self._process.exitcode
                self._stop_worker()
                raise SandboxFailure(f"decoder crashed (exit code {code})") from exc
            if not ok:
                raise SandboxFailure(str(value))
            return value

    def close(self) -> None:
        with self._lock:
            self._stop_worker()

    def _ensure_worker(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop_worker()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), daemon=True, name="decoder")
        try:
            process.start()
        except OSError as exc:
            raise SandboxFailure(f"cannot start the decoder process: {exc}") from exc
        child.close()
        self._process, self._conn = process, parent
        return parent

    def _stop_worker(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
            self._process = None


_shared: DecodeSandbox | None = None
_shared_lock = threading.Lock()


def shared_sandbox() -> DecodeSandbox:
    """The application's sandbox, started on first use and stopped at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = DecodeSandbox()
            atexit.register(_shared.close)
        return _shared
