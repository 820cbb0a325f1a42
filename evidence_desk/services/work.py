"""Long work: the progress it reports and how it is asked to stop.

Every long service (ingest, verify, bundle export, import and verification) is
a plain function taking a ``progress`` callback and a ``cancelled`` check, so
the CLI and the GUI run the same code. These are their types and the
do-nothing defaults, in one place instead of a copy in every service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from evidence_desk.core.store.base import Cancelled


@dataclass
class Progress:
    """Where a long task is: files and bytes done of the total, and the counts so far."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    current: str = ""
    new: int = 0
    duplicates: int = 0
    failed: int = 0


ProgressCallback = Callable[[Progress], None]
"""Receives the same, updated ``Progress`` object; must not keep it past the call."""

CancelCheck = Callable[[], bool]
"""Polled between units of work (and inside long copies); True asks the task to stop."""


def no_progress(_: Progress) -> None:
    """The default progress callback: report nothing."""


def never_cancelled() -> bool:
    """The default cancellation check: never stop."""
    return False


__all__ = [
    "CancelCheck",
    "Cancelled",
    "Progress",
    "ProgressCallback",
    "never_cancelled",
    "no_progress",
]
