"""Bundles encrypted to this archive (``.zip.age``), opened without plaintext on disk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from evidence_desk.core.crypto.errors import RecipientError
from evidence_desk.core.crypto.recipients import decrypt_to_spool, is_age_file
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.bundles.importing import ImportRefused, ImportReport, import_bundle
from evidence_desk.services.work import CancelCheck, ProgressCallback

__all__ = ["bundle_content", "import_encrypted", "is_age_file"]


class EncryptedBundleRefused(ImportRefused):
    """The bundle is encrypted, but not to this archive's key; nothing was written."""


@contextmanager
def bundle_content(archive: Archive, path: Path) -> Iterator[BinaryIO | None]:
    """For an age-encrypted bundle, its zip decrypted with this archive's identity (a
    seekable stream, never plaintext on disk); None for an ordinary bundle."""
    if not is_age_file(path):
        yield None
        return
    try:
        spool = decrypt_to_spool(path, [archive.age_identity().secret])
    except RecipientError as exc:
        raise EncryptedBundleRefused(
            f"{path.name} was not imported, nothing was written: it is encrypted and "
            f"this archive's key does not open it ({exc})"
        ) from None
    with spool:
        yield spool


def import_encrypted(
    archive: Archive,
    path: Path,
    progress: ProgressCallback,
    cancelled: CancelCheck,
    expected_fingerprint: str | None,
    trust_new_signer: bool = False,
) -> ImportReport:
    """``import_bundle`` of an .age bundle sent to this archive."""
    with bundle_content(archive, path) as content:
        return import_bundle(
            archive,
            path,
            progress=progress,
            cancelled=cancelled,
            expected_fingerprint=expected_fingerprint,
            trust_new_signer=trust_new_signer,
            content=content,
        )
