"""Evidence bundles as an intake source (see ``services.intake.importers``)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.core import zip_directory
from evidence_desk.core.safe_zip import DEFAULT_LIMITS, HostileBundle
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake.importers.base import CERTAIN, NOT_MINE
from evidence_desk.services.work import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.bundles.importing import ImportReport
    from evidence_desk.services.intake.ingest import Provenance


class BundleImporter:
    """A colleague's bundle (a BagIt folder or its zip): verified first, then merged.

    Not automatic: importing a bundle also merges its sender's case records,
    so it is asked for explicitly (``import-bundle``, Tools › Import Bundle).
    """

    name = "bundle"
    automatic = False

    def detect(self, path: Path) -> float:
        path = Path(path)
        try:
            if path.is_dir():
                return CERTAIN if (path / "bagit.txt").is_file() else NOT_MINE
            if path.name == "bagit.txt":
                return CERTAIN
            if zipfile.is_zipfile(path):
                with open(path, "rb") as f:  # an absurd zip costs nothing to turn down
                    names = list(zip_directory.read_directory(f, DEFAULT_LIMITS).files)[:4096]
                if any(
                    n == "bagit.txt" or n.count("/") == 1 and n.endswith("/bagit.txt")
                    for n in names
                ):
                    return CERTAIN
        except (OSError, zipfile.BadZipFile, ValueError, HostileBundle, zip_directory.NotAZip):
            pass
        return NOT_MINE

    def run(
        self,
        archive: Archive,
        paths: Sequence[Path],
        *,
        provenance: Provenance | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
        **options: Any,
    ) -> ImportReport:
        """One bundle; ``options``: ``expected_fingerprint`` (refuse any other signer) and
        ``trust_new_signer`` (pin the key of an archive not seen before).

        ``provenance`` is not used: a bundle carries its sender's own provenance.
        """
        from evidence_desk.services.bundles.importing import import_bundle

        if len(paths) != 1:
            raise EvidenceDeskError(f"one bundle at a time, not {len(paths)}")
        path = Path(paths[0])
        if path.name == "bagit.txt":
            path = path.parent
        return import_bundle(archive, path, progress=progress, cancelled=cancelled, **options)
