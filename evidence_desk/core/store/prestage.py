"""Copying big files into a plain store while the ingesting process is still starting up.

A command-line ``ingest`` spends about 0.3 s importing its database layer and
opening the archive before its first byte is copied; for a big file that is a
third of the whole copy. So, before anything heavy is imported, a child process
(forked while this process has no threads) copies and hashes each big file into
a staged copy in the store's temporary folder, exactly as ``stage_stream``
would, while this process starts up.

The temporary files are created and locked here before the fork: the child
writes through the inherited descriptors, the lock (shared by both) keeps any
other process's ``clean_temp`` away, and this process still holds file and lock
when the child has ended. A staged copy is taken only by a ``stage_stream`` of
the same file (device and inode) whose size and modification time are the ones
the child saw before and after its copy; anything else (a file that changed, a
child that failed or was killed) is dropped and copied the usual way. Nothing
is published here: publishing, durability and the rows stay ingest's work.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.store.base import Cancelled
from evidence_desk.core.store.copying import _copy_hashing
from evidence_desk.core.store.tempfiles import new_temp

# Below this a copy takes less time than the start-up it would overlap.
MIN_BYTES = 32 * 1024 * 1024
MAX_FILES = 64
# The child tells how far it got every this many bytes (the ingest's progress bar).
PROGRESS_EVERY = 64 * 1024 * 1024
# How often a waiting ingest looks at its cancel flag when the child says nothing.
POLL_S = 0.2


@dataclass
class _Pending:
    """One file the child copies: its identity when listed, and its staged copy."""

    dev: int
    ino: int
    fd: int
    tmp: Path
    result: dict[str, object] | None = None
    copied: int = 0  # bytes the child has said it copied


def supported() -> bool:
    """fork without exec is safe on Linux before any thread exists; elsewhere, copy as usual."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


class Prestager:
    """Big files being copied by a child process into ``tmp``; see the module docstring."""

    def __init__(self, tmp: Path, paths: list[Path]) -> None:
        self._pending: list[_Pending] = []
        self._pid = 0
        self._pipe: int = -1
        self._buffer = b""
        self._done = False
        sources: list[str] = []
        for path in paths:
            try:
                st = os.stat(path)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_size < MIN_BYTES:
                continue
            if len(self._pending) == MAX_FILES:
                break
            try:
                fd, temp = new_temp(tmp)
            except OSError:
                break  # a read-only or full store: ingest will say so itself
            self._pending.append(_Pending(st.st_dev, st.st_ino, fd, temp))
            sources.append(str(path))
        if self._pending:
            self._start(sources)

    @property
    def active(self) -> bool:
        """Whether a child is copying (or has copied) anything."""
        return bool(self._pid)

    def _start(self, sources: list[str]) -> None:
        try:
            read_end, write_end = os.pipe()
        except OSError:
            self.close()  # out of descriptors: ingest copies as usual
            return
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # out of processes or memory: ingest copies as usual
            os.close(read_end)
            os.close(write_end)
            self.close()
            return
        if pid == 0:  # the child: copy, report, and leave without running any clean-up
            status = 1
            try:
                os.close(read_end)
                _child(sources, [p.fd for p in self._pending], write_end, parent)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    def take(
        self,
        src_fd: int,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[str, int, int, Path] | None:
        """The staged copy of the open file ``src_fd`` if it is still exactly what was copied:
        (sha256, size, temporary file's descriptor, its path), now the caller's to publish or
        drop. None when the child did not copy it (or it changed): copy it the usual way.

        While the child copies, ``on_bytes`` hears its progress and ``cancelled`` is asked
        (raising ``Cancelled``), as during a copy of one's own; the bytes reported add up to
        the file's size when the copy is taken, to nothing when it is not.
        """
        st = os.fstat(src_fd)
        key = (st.st_dev, st.st_ino)
        pending = next((p for p in self._pending if (p.dev, p.ino) == key), None)
        if pending is None:
            return None
        reported = self._wait_for(pending, on_bytes or (lambda _n: None), cancelled)
        self._pending.remove(pending)
        result = pending.result or {}
        same = _identity(st)
        sha256, size = result.get("sha256"), result.get("size")
        taken = (
            result.get("before") == same
            and result.get("after") == same
            and isinstance(sha256, str)
            and size == st.st_size
        )
        if not taken:
            _drop(pending)
            if on_bytes and reported:
                on_bytes(-reported)  # the usual copy reports every byte again
            return None
        if on_bytes and st.st_size > reported:
            on_bytes(st.st_size - reported)
        return str(sha256), st.st_size, pending.fd, pending.tmp

    def _wait_for(
        self,
        pending: _Pending,
        on_bytes: Callable[[int], None],
        cancelled: Callable[[], bool] | None,
    ) -> int:
        """Read the child's reports until ``pending``'s result is in; the bytes reported."""
        reported = 0
        while True:
            if pending.copied > reported:
                on_bytes(pending.copied - reported)
                reported = pending.copied
            if pending.result is not None or self._done:
                return reported
            if cancelled is not None and cancelled():
                raise Cancelled()
            if not select.select([self._pipe], [], [], POLL_S)[0]:
                continue
            chunk = os.read(self._pipe, 4096)
            if not chunk:
                self._done = True
                continue
            self._buffer += chunk
            *lines, self._buffer = self._buffer.split(b"\n")
            for line in lines:
                self._note(line)

    def _note(self, line: bytes) -> None:
        """One line of the child's: progress ("copied") or the end of one copy."""
        with contextlib.suppress(ValueError, TypeError, KeyError):
            report = json.loads(line)
            for candidate in self._pending:
                if candidate.fd == report["fd"]:
                    if "copied" in report:
                        candidate.copied = int(report["copied"])
                    else:
                        candidate.result = report

    def close(self) -> None:
        """Stop the child and drop every copy nobody took."""
        if self._pid:
            if not self._done:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self._pid, 9)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            os.close(self._pipe)
            self._pid = 0
        for pending in self._pending:
            _drop(pending)
        self._pending.clear()


def _child(sources: list[str], fds: list[int], pipe: int, parent: int) -> None:
    def orphaned() -> bool:  # the ingest was killed: stop copying for nobody
        return os.getppid() != parent

    os.set_blocking(pipe, False)  # progress is dropped rather than wait for a busy parent
    for source, fd in zip(sources, fds, strict=True):
        report: dict[str, object] = {"fd": fd}
        progress = _Progress(pipe, fd)
        try:
            src_fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(src_fd, "rb", buffering=0) as src:
                before = os.fstat(src_fd)
                if stat.S_ISREG(before.st_mode):
                    with os.fdopen(fd, "wb", buffering=0, closefd=False) as out:
                        sha256, size = _copy_hashing(src, out, progress, orphaned)
                    after = os.fstat(src_fd)
                    report.update(
                        sha256=sha256,
                        size=size,
                        before=_identity(before),
                        after=_identity(after),
                    )
        except Exception as exc:  # reported as a copy not made; ingest copies it itself
            report["error"] = str(exc)
        _send(pipe, report, wait=True)
        if orphaned():
            return


class _Progress:
    """The child's ``on_bytes``: a line every ``PROGRESS_EVERY`` bytes."""

    def __init__(self, pipe: int, fd: int) -> None:
        self.pipe, self.fd = pipe, fd
        self.copied = self.sent = 0

    def __call__(self, n: int) -> None:
        self.copied += n
        if self.copied - self.sent >= PROGRESS_EVERY:
            self.sent = self.copied
            _send(self.pipe, {"fd": self.fd, "copied": self.copied}, wait=False)


def _send(pipe: int, report: dict[str, object], *, wait: bool) -> None:
    """One line to the parent (under PIPE_BUF, so written whole or not at all)."""
    line = json.dumps(report).encode() + b"\n"
    while True:
        try:
            os.write(pipe, line)
            return
        except BlockingIOError:
            if not wait:
                return
            select.select([], [pipe], [])


def _identity(st: os.stat_result) -> list[int]:
    """What must be the same for a copy to be of the very file the ingest opened."""
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _drop(pending: _Pending) -> None:
    pending.tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        os.close(pending.fd)
