"""Metadata extraction entry point: sniff, dispatch by format, never raise.

Evidence files are often damaged (truncated uploads, broken exports), and one
bad file must not stop an ingest of thousands. So :func:`extract_metadata`
returns whatever it could read plus human-readable warnings instead of raising.

Only clues embedded in the content are returned as capture candidates. The
``filename`` and ``file_mtime`` candidates are the caller's job, because only
the caller knows the original name and the original file's timestamps (the
path given here may be a copy in the object store).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, BinaryIO

from evidence_desk.core.metadata_types import GPS, ExtractedMetadata, error_reason
from evidence_desk.core.mime import (
    OCTET_STREAM,
    extension_mismatch_warning,
    kind_for_mime,
    sniff_mime,
)

__all__ = ["GPS", "ExtractedMetadata", "extract_metadata"]

HEAD_BYTES = 4096

_PILLOW_MIMES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/tiff",
    "image/webp",
    "image/heic",
    "image/heif",
    "image/avif",
    "image/bmp",
}


def decoder_reads(mime: str) -> bool:
    """Whether a third-party decoder (Pillow, PyAV, pypdf) parses files of this type."""
    return (
        mime in _PILLOW_MIMES
        or kind_for_mime(mime) in ("video", "audio")
        or mime == "application/pdf"
    )


def _dispatch(path: Path | None, fp: IO[bytes], meta: ExtractedMetadata) -> None:
    """Each reader's library (Pillow, PyAV, pypdf) is loaded only for its formats:
    a process that ingests one big archive file never pays for the decoders."""
    mime = meta.mime_type
    if mime in _PILLOW_MIMES:
        from evidence_desk.core.metadata_image import read_image

        read_image(fp, meta)
    elif meta.kind in ("video", "audio"):
        from evidence_desk.core.metadata_av import read_av

        fp.seek(0)
        read_av(path if path is not None else fp, meta)
    elif mime == "application/pdf":
        from evidence_desk.core.metadata_pdf import read_pdf

        read_pdf(fp, meta)


def extract_metadata(
    path: Path, mime_type: str | None = None, *, opener: Callable[[], BinaryIO] | None = None
) -> ExtractedMetadata:
    """Read technical metadata and capture-time candidates from ``path``.

    ``mime_type`` skips sniffing when the caller already knows it. Never raises
    for unreadable content; problems are reported in ``warnings``. With
    ``opener`` the content is read from the seekable stream it opens (an
    encrypted original, decrypted in memory) and ``path`` only names the file.
    """
    path = Path(path)
    try:
        fp = opener() if opener is not None else path.open("rb")
    except OSError as exc:
        mime = mime_type or OCTET_STREAM
        return ExtractedMetadata(
            mime, kind_for_mime(mime), warnings=[f"could not open file: {error_reason(exc)}"]
        )
    with fp:
        try:
            if mime_type is None:
                mime_type = sniff_mime(fp.read(HEAD_BYTES), path.name)
                fp.seek(0)
        except OSError as exc:
            mime_type = OCTET_STREAM
            warning: str | None = f"could not read file: {error_reason(exc)}"
        else:
            warning = extension_mismatch_warning(path.name, mime_type)
        meta = ExtractedMetadata(mime_type, kind_for_mime(mime_type))
        if warning:
            meta.warnings.append(warning)
        if mime_type == "application/x-empty":
            meta.warnings.append("file is empty")
            return meta
        try:
            _dispatch(None if opener is not None else path, fp, meta)
        except Exception as exc:  # last line of defence; extractors catch their own
            meta.warnings.append(f"could not read metadata: {error_reason(exc)}")
    return meta
