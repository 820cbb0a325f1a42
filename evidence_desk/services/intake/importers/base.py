"""The interface every importer implements."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from evidence_desk.services.work import CancelCheck, ProgressCallback

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.intake.ingest import Provenance

# detect() answers: how sure the importer is that a path is its kind of material.
NOT_MINE = 0.0
ANY_FILE = 0.1  # the loose-files importer takes anything nobody else wants
CERTAIN = 1.0


@runtime_checkable
class ImportOutcome(Protocol):
    """What every importer's report offers besides its own details."""

    @property
    def ok(self) -> bool: ...

    cancelled: bool


@runtime_checkable
class Importer(Protocol):
    """One intake source: recognises its material and brings it into an archive."""

    name: str
    """Stable identifier ("files", "bundle", …), used by ``registry.get``."""

    automatic: bool
    """Whether ``route`` gives it the paths it detects when files are ingested.
    False for sources entered only on explicit request (bundles: verified and
    merged with their sender's records, a different act from adding files)."""

    def detect(self, path: Path) -> float:
        """Confidence in [0, 1] that ``path`` is this importer's material.

        Must be cheap (names, a few bytes) and never raise: a path it cannot
        read is ``NOT_MINE``.
        """
        ...

    def run(
        self,
        archive: Archive,
        paths: Sequence[Path],
        *,
        provenance: Provenance | None = None,
        progress: ProgressCallback = ...,
        cancelled: CancelCheck = ...,
        **options: Any,
    ) -> ImportOutcome:
        """Bring ``paths`` in as one batch and report; ``options`` are the importer's own."""
        ...
