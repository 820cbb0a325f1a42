"""Ingest's first stage: each file copied once into a staged copy, with its checks.

A file is read once while it is hashed; a file that changes while it is being
copied (size or modification time) is copied again, up to ``COPY_RETRIES``
times, and its torn copy is never published. Pipes, devices, vanished files
and unreadable ones fail alone with one clear line; a full disk stops the
ingest (``DiskFull``).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from evidence_desk.core.store.base import ObjectReader, StagedCopy
from evidence_desk.services.intake import stops
from evidence_desk.services.intake.reports import FileResult
from evidence_desk.services.intake.walk import Candidate, display_path, raw_name_bytes
from evidence_desk.services.work import CancelCheck, Progress, ProgressCallback

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

COPY_RETRIES = 2


@dataclass
class Copied:
    candidate: Candidate
    staged: StagedCopy
    fs_mtime: float
    fs_birthtime: float | None
    messages: list[str]
    durable: Future[None] | None = None  # the staged copy's fsync, on the syncing thread


class _SourceChanged(Exception):
    pass


class _NotRegular(Exception):
    """The path no longer names a regular file (replaced by a pipe or device)."""


class DiskFull(Exception):
    pass


def copy_one(
    archive: Archive,
    candidate: Candidate,
    state: Progress,
    progress: ProgressCallback,
    cancelled: CancelCheck,
    finish: Callable[[FileResult], None],
) -> Copied | None:
    shown = candidate.shown
    for attempt in range(COPY_RETRIES + 1):
        base_bytes = state.bytes_done

        def on_bytes(n: int) -> None:
            state.bytes_done += n
            progress(state)

        try:
            return _copy_attempt(archive, candidate, on_bytes, cancelled)
        except _SourceChanged as exc:
            state.bytes_done = base_bytes
            if attempt == COPY_RETRIES:
                finish(
                    FileResult(
                        shown,
                        "failed",
                        messages=[
                            f"{exc}; tried {COPY_RETRIES + 1} times and not ingested. "
                            "Copy it again once nothing is writing to it."
                        ],
                    )
                )
        except _NotRegular:
            finish(
                FileResult(
                    shown,
                    "failed",
                    messages=["no longer a regular file (device, pipe or socket); not ingested"],
                )
            )
            return None
        except PermissionError:
            finish(
                FileResult(shown, "failed", messages=["permission denied: the file cannot be read"])
            )
            return None
        except FileNotFoundError:
            finish(
                FileResult(shown, "failed", messages=["the file vanished before it could be read"])
            )
            return None
        except OSError as exc:
            stopped = stops.copying_stopped(exc, shown)
            if stopped is not None:
                raise DiskFull(stopped) from exc
            if exc.errno == errno.ELOOP:
                finish(FileResult(shown, "failed", messages=["symbolic link; not followed"]))
                return None
            finish(FileResult(shown, "failed", messages=[f"read error: {exc.strerror or exc}"]))
            return None
    return None


def _copy_attempt(
    archive: Archive,
    candidate: Candidate,
    on_bytes: Callable[[int], None],
    cancelled: CancelCheck,
) -> Copied:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not hang the batch
    if not candidate.follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(candidate.path, flags)
    with os.fdopen(fd, "rb", buffering=0) as src:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise _NotRegular()
        staged = _stage(archive, src, on_bytes, cancelled)
        try:
            after = os.fstat(fd)
        except BaseException:
            drop(archive, staged)
            raise
    changed = (
        staged.size != before.st_size
        or after.st_size != before.st_size
        or after.st_mtime_ns != before.st_mtime_ns
    )
    if changed:
        drop(archive, staged)  # never referred to: nothing torn is left
        raise _SourceChanged("the file changed while it was being copied")
    messages: list[str] = []
    if candidate.follow and os.path.islink(candidate.path):
        target = display_path(os.path.realpath(candidate.path))
        messages.append(f"symbolic link named explicitly; its target {target} was ingested")
    if not os.path.lexists(candidate.path):
        messages.append("the file disappeared during the copy; the copy is complete (size matches)")
    if raw_name_bytes(candidate.path) is not None:
        messages.append(
            "file name is not valid UTF-8; its raw bytes are kept in the provenance record"
        )
    birth = getattr(before, "st_birthtime", None)
    return Copied(candidate, staged, before.st_mtime, birth, messages)


def _stage(
    archive: Archive, src: BinaryIO, on_bytes: Callable[[int], None], cancelled: CancelCheck
) -> StagedCopy:
    return archive.store.stage_stream(src, on_bytes=on_bytes, cancelled=cancelled)


def drop(archive: Archive, staged: StagedCopy) -> None:
    """Forget a copy no row will refer to."""
    archive.store.discard_staged(staged)


def reader_for(archive: Archive, staged: StagedCopy) -> ObjectReader:
    """Where the analysis reads the copy: the staged copy, or the object it turned out to be."""
    return archive.store.staged_reader(staged)
