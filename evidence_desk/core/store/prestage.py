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
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.store.copying import _copy_hashing

# Below this a copy takes less time than the start-up it would overlap.
MIN_BYTES = 32 * 1024 * 1024
MAX_FILES = 64


@dataclass
class _Pending:
    """One file the child copies: its identity when listed, and its staged copy."""

    dev: int
    ino: int
    fd: int
    tmp: Path
    result: dict[str, object] | None = None


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
                fd, name = tempfile.mkstemp(prefix="ingest-", suffix=".part", dir=tmp)
            except OSError:
                break  # a read-only or full store: ingest will say so itself
            _lock(fd)
            self._pending.append(_Pending(st.st_dev, st.st_ino, fd, Path(name)))
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

    def take(self, src_fd: int) -> tuple[str, int, int, Path] | None:
        """The staged copy of the open file ``src_fd`` if it is still exactly what was copied:
        (sha256, size, temporary file's descriptor, its path), now the caller's to publish or
        drop. None when the child did not copy it (or it changed): copy it the usual way."""
        st = os.fstat(src_fd)
        key = (st.st_dev, st.st_ino)
        pending = next((p for p in self._pending if (p.dev, p.ino) == key), None)
        if pending is None:
            return None
        self._wait_for(pending)
        self._pending.remove(pending)
        result = pending.result or {}
        same = _identity(st)
        if result.get("before") != same or result.get("after") != same:
            _drop(pending)
            return None
        sha256, size = result.get("sha256"), result.get("size")
        if not isinstance(sha256, str) or size != st.st_size:
            _drop(pending)
            return None
        return sha256, st.st_size, pending.fd, pending.tmp

    def _wait_for(self, pending: _Pending) -> None:
        while pending.result is None and not self._done:
            chunk = os.read(self._pipe, 4096)
            if not chunk:
                self._done = True
                break
            self._buffer += chunk
            *lines, self._buffer = self._buffer.split(b"\n")
            for line in lines:
                with contextlib.suppress(ValueError, TypeError, KeyError):
                    report = json.loads(line)
                    for candidate in self._pending:
                        if candidate.fd == report["fd"]:
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

    for source, fd in zip(sources, fds, strict=True):
        report: dict[str, object] = {"fd": fd}
        try:
            src_fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(src_fd, "rb", buffering=0) as src:
                before = os.fstat(src_fd)
                if stat.S_ISREG(before.st_mode):
                    with os.fdopen(fd, "wb", buffering=0, closefd=False) as out:
                        sha256, size = _copy_hashing(src, out, None, orphaned)
                    after = os.fstat(src_fd)
                    report.update(
                        sha256=sha256,
                        size=size,
                        before=_identity(before),
                        after=_identity(after),
                    )
        except Exception as exc:  # reported as a copy not made; ingest copies it itself
            report["error"] = str(exc)
        os.write(pipe, json.dumps(report).encode() + b"\n")
        if orphaned():
            return


def _identity(st: os.stat_result) -> list[int]:
    """What must be the same for a copy to be of the very file the ingest opened."""
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _lock(fd: int) -> None:
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _drop(pending: _Pending) -> None:
    pending.tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        os.close(pending.fd)
