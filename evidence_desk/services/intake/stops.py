"""Why an ingest stopped, in one line naming the file and the path that failed.

A full disk or a write-protected medium stops an ingest (every further file
would fail the same way); the message says which file was being stored, which
path refused it, and what to do. Files already recorded stay recorded.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from evidence_desk.services.archive.errors import ArchiveError

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


def refuse_read_only(archive: Archive) -> None:
    """An archive that cannot be written takes no files: say so before copying any."""
    if archive.read_only:
        raise ArchiveError(
            f"{archive.root} cannot take new files ({archive.db.read_only_reason}); "
            "nothing was ingested"
        )


def recording_stopped(exc: OSError, shown: str) -> str:
    """The database refused the rows of ``shown`` (a StorageError, see db/engine.py)."""
    if exc.errno == errno.ENOSPC:
        return (
            f"the archive's disk is full while recording {shown} ({exc.filename}); "
            "ingest stopped. Free some space and run the same ingest again."
        )
    return (
        f"the archive database {exc.filename} cannot be written ({exc.strerror}) "
        f"while recording {shown}; ingest stopped."
    )


def copying_stopped(exc: OSError, shown: str) -> str | None:
    """The store refused the copy of ``shown``; None for errors of that one file."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"the archive's disk is full while copying {shown}; ingest stopped. "
            "Free some space and run the same ingest again."
        )
    if exc.errno == errno.EROFS:
        return (
            f"the archive is on a read-only medium ({exc.filename}) while copying {shown}; "
            "ingest stopped."
        )
    return None
