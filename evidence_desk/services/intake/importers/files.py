"""Loose files and folders: the ingest every other importer falls back to."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.services.intake.importers.base import ANY_FILE, NOT_MINE
from evidence_desk.services.work import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.intake.ingest import IngestReport, Provenance


class LooseFiles:
    """Files and folders (recursively), each file one item; see ``ingest``."""

    name = "files"
    automatic = True

    def detect(self, path: Path) -> float:
        return ANY_FILE if os.path.lexists(path) else NOT_MINE

    def run(
        self,
        archive: Archive,
        paths: Sequence[Path],
        *,
        provenance: Provenance | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
        **options: Any,
    ) -> IngestReport:
        """``options``: ``on_item`` (called with each file's result as it is recorded)."""
        from evidence_desk.services.intake.ingest import Provenance, ingest

        return ingest(
            archive,
            list(paths),
            provenance=provenance or Provenance(),
            progress=progress,
            cancelled=cancelled,
            **options,
        )
