"""Full disks and read-only media for tests: a real small tmpfs where allowed, else a fault layer.

A small tmpfs is the honest test: SQLite, the object store and the checkpoint
writer all meet ENOSPC/EROFS from the kernel, in C code as well as Python.
Mounting needs root (CAP_SYS_ADMIN); where it is not allowed, tests that need
the kernel's answer skip, and ``inject`` makes Python-level writes under a
folder fail with the chosen errno instead (SQLite's own writes are then not
covered, which the skip message says).
"""

from __future__ import annotations

import builtins
import errno
import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class SmallFS:
    """A tmpfs of a few MB mounted on ``path``."""

    def __init__(self, path: Path, size: str) -> None:
        self.path = path
        self.size = size

    def fill(self, leave: int = 0) -> Path:
        """Write a ballast file until only ``leave`` bytes (about) remain free."""
        ballast = self.path / f".ballast-{uuid.uuid4().hex[:8]}"
        free = os.statvfs(self.path).f_bavail * os.statvfs(self.path).f_frsize
        with open(ballast, "wb") as f:
            try:
                f.write(b"\0" * max(0, free - leave))
                f.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        while leave == 0:
            try:
                with open(ballast, "ab") as f:
                    f.write(b"\0" * 4096)
            except OSError:
                break
        return ballast

    def free(self) -> int:
        st = os.statvfs(self.path)
        return st.f_bavail * st.f_frsize

    def read_only(self) -> None:
        assert _run("mount", "-o", "remount,ro", str(self.path)), "remount read-only failed"

    def read_write(self) -> None:
        assert _run("mount", "-o", "remount,rw", str(self.path)), "remount read-write failed"


@contextmanager
def small_fs(where: Path, size: str = "4m") -> Iterator[SmallFS]:
    """Mount a tmpfs of ``size`` on a new folder ``where``; skip the test where not allowed."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = os.geteuid() == 0 and _run(
        "mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)
    )
    if not mounted:
        pytest.skip("mounting a small tmpfs is not permitted here (needs root)")
    try:
        yield SmallFS(where, size)
    finally:
        _run("mount", "-o", "remount,rw", str(where))
        if not _run("umount", str(where)):
            _run("umount", "-l", str(where))


@contextmanager
def inject(monkeypatch: pytest.MonkeyPatch, under: Path, err: int = errno.ENOSPC) -> Iterator[None]:
    """Python-level writes to files under ``under`` fail with ``err`` (ENOSPC or EROFS).

    Covers ``open`` for writing, ``os.open`` with write flags, ``os.write``,
    ``os.replace`` and ``mkdir`` — the calls the object store, journals and
    checkpoints make.
    """
    root = str(Path(under).resolve())
    real_open, real_os_open = builtins.open, os.open
    real_write, real_replace, real_mkdir = os.write, os.replace, os.mkdir
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def inside(path: object) -> bool:
        try:
            return os.path.abspath(os.fspath(path)).startswith(root)  # type: ignore[arg-type]
        except TypeError:
            return False

    def fail(path: object = None) -> OSError:
        return OSError(err, os.strerror(err), os.fspath(path) if path is not None else None)  # type: ignore[arg-type]

    def fake_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if any(c in mode for c in "wax+") and inside(file):
            raise fail(file)
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & write_flags and inside(path):
            raise fail(path)
        return real_os_open(path, flags, *args, **kwargs)

    def fake_write(fd, data):  # type: ignore[no-untyped-def]
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = ""
        if target and inside(target):
            raise fail(target)
        return real_write(fd, data)

    def fake_replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        if inside(dst):
            raise fail(dst)
        return real_replace(src, dst, *args, **kwargs)

    def fake_mkdir(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if inside(path):
            raise fail(path)
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "write", fake_write)
    monkeypatch.setattr(os, "replace", fake_replace)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    try:
        yield
    finally:
        monkeypatch.undo()
