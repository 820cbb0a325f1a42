"""PDF metadata via pypdf: page count, document info and the XMP packet.

``strict=False`` lets pypdf recover from the malformed files that real
producers emit; anything it still cannot read becomes a warning.
"""

from __future__ import annotations

import re
from typing import IO, Any

from pypdf import PdfReader

from evidence_desk.core.capture_time import CaptureTime, plausible_datetime
from evidence_desk.core.metadata_types import (
    MAX_XMP_CHARS,
    ExtractedMetadata,
    clean_text,
    decode_bytes,
    error_reason,
    to_jsonable,
)

_PDF_DATE = re.compile(
    r"^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
    r"\s*(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?"
)
_INFO_KEYS = (
    "Title",
    "Author",
    "Subject",
    "Keywords",
    "Creator",
    "Producer",
    "CreationDate",
    "ModDate",
)


def parse_pdf_date(text: str) -> CaptureTime | None:
    """``D:20220105183000+06'00'`` -> CaptureTime (source ``pdf:CreationDate``)."""
    match = _PDF_DATE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zulu, sign, off_h, off_m = match.groups()
    precision = "second" if hour else "day"
    local = plausible_datetime(
        int(year),
        int(month or 1),
        int(day or 1),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
    )
    if local is None:
        return None
    offset: int | None = None
    if zulu:
        offset = 0
    elif sign:
        offset = int(off_h) * 60 + int(off_m or 0)
        if offset > 18 * 60:
            offset = None
        elif sign == "-":
            offset = -offset
    return CaptureTime(local, offset, "pdf:CreationDate", precision)


def _info(reader: PdfReader) -> dict[str, Any]:
    info = reader.metadata
    if not info:
        return {}
    result: dict[str, Any] = {}
    for key in _INFO_KEYS:
        value = info.get("/" + key)
        if value is None:
            continue
        try:
            value = value.get_object()
        except AttributeError:
            pass
        if isinstance(value, bytes):
            value = decode_bytes(value)
        result[key] = to_jsonable(str(value) if not isinstance(value, str) else value)
    return result


def _xmp(reader: PdfReader) -> str | None:
    root = reader.trailer.get("/Root")
    if root is None:
        return None
    stream = root.get_object().get("/Metadata")
    if stream is None:
        return None
    data = stream.get_object().get_data()
    return decode_bytes(data)[:MAX_XMP_CHARS] if data else None


def read_pdf(fp: IO[bytes], meta: ExtractedMetadata) -> None:
    """Fill ``meta`` from a PDF file object; failures become warnings."""
    try:
        reader = PdfReader(fp, strict=False)
    except Exception as exc:
        meta.warnings.append(f"could not read PDF: {error_reason(exc)}")
        return
    pdf: dict[str, Any] = {"version": reader.pdf_header.lstrip("%"), "encrypted": False}
    meta.raw["pdf"] = pdf
    if reader.is_encrypted:
        pdf["encrypted"] = True
        try:
            opened = bool(reader.decrypt(""))  # many PDFs only restrict printing/editing
        except Exception:
            opened = False
        if not opened:
            meta.warnings.append(
                "PDF is encrypted with a password; page count and document info not readable"
            )
            return
    try:
        meta.page_count = len(reader.pages)
    except Exception as exc:
        meta.warnings.append(f"could not count PDF pages: {error_reason(exc)}")
    try:
        pdf.update(_info(reader))
        xmp = _xmp(reader)
        if xmp:
            meta.raw["xmp"] = xmp
    except Exception as exc:
        meta.warnings.append(f"could not read PDF document info: {error_reason(exc)}")
    meta.software = clean_text(pdf.get("Creator")) or clean_text(pdf.get("Producer"))
    created = pdf.get("CreationDate")
    if isinstance(created, str) and created.strip():
        candidate = parse_pdf_date(created)
        if candidate:
            meta.capture_candidates.append(candidate)
        else:
            meta.warnings.append(f"PDF CreationDate {created!r} is not a valid date")
