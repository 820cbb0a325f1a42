"""What importing a bundle would do, before anything is written.

The window shows this before the user confirms an import: whether the bundle
verifies, how many of its items are new here and how many are already in
the archive, how many case records of each kind it carries, and whether
this archive already trusts the key that signed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidence_desk.core import bundle_layout as L
from evidence_desk.db.queries.item_lookup import known_digests
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.bundles.case_records_import import case_files
from evidence_desk.services.bundles.signers import SignerCheck, signer_status
from evidence_desk.services.bundles.verify import BundleReport, verify_bundle
from evidence_desk.services.work import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
)


@dataclass
class ImportPreview:
    report: BundleReport
    new: int = 0
    known: int = 0
    records: dict[str, int] = field(default_factory=dict)
    signer: SignerCheck | None = None  # whether this archive trusts the bundle's key


def preview_import(
    archive: Archive,
    path: Path,
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportPreview:
    """Verify the bundle, check its signer, then count its new items and its case records.

    Counts come from the documents verification validated; nothing is read twice.
    """
    from evidence_desk.services.bundles.age import bundle_content

    with bundle_content(archive, path) as content:  # an .age bundle: decrypted in memory
        report = verify_bundle(path, progress=progress, cancelled=cancelled, fileobj=content)
    preview = ImportPreview(report)
    if not report.ok:
        return preview
    preview.signer = signer_status(
        archive, report.archive_uuid or "", report.signer_fingerprint or ""
    )
    records = report.documents[L.ITEMS_JSON]["items"]
    files = case_files(report.documents)
    digests = [r["bundle"]["sha256"] for r in records]
    with archive.db.reader() as session:
        known = known_digests(session, digests)
    preview.known = sum(1 for d in digests if d in known)
    preview.new = len(digests) - preview.known
    for name, value in files.items():
        key = name.removesuffix(".json")
        preview.records[key] = len(value.get(key) or [])
    return preview
