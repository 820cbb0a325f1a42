"""Redacted copies for publication: no location, no device, no names of people.

Rules (documented in docs/bundles.md, "Redaction"):

- JPEG: every APPn segment except JFIF, ICC profile and Adobe colour
  information is dropped (EXIF with GPS and Make/Model, XMP, IPTC, MPF and
  maker notes), as are comments and anything after the end of the image (the
  extra pictures of MPO files). Pixels are not re-encoded: the copy is
  lossless. When the photo was rotated by EXIF, a new EXIF holding only the
  Orientation tag is written so it still displays upright.
- PNG: only chunks that describe pixels are kept; text, eXIf and tIME go.
- Other images are decoded, turned upright and re-encoded as PNG (lossless).
- Video and audio are remuxed (streams copied, not re-encoded) without the
  container's or streams' metadata; data, subtitle and cover-art streams are
  dropped because cameras put GPS tracks there.
- PDF: the document information dictionary and XMP metadata are removed.
- Anything else cannot be vouched for and is left out of a redacted export.

Every function reads the original as a stream and raises
:class:`RedactionError` rather than ever passing an unredacted copy on.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image, ImageOps


class RedactionError(Exception):
    """A redacted copy could not be made; the item must be left out."""


@dataclass
class Redacted:
    path: Path
    extension: str
    removed: list[str] = field(default_factory=list)


def redact_file(kind: str, mime_type: str, extension: str, src: BinaryIO, out: Path) -> Redacted:
    """Write a redacted copy of ``src`` to ``out`` (its suffix may change)."""
    try:
        if mime_type == "image/jpeg":
            return _jpeg(src, out, extension)
        if mime_type == "image/png":
            return _png(src, out, extension)
        if kind == "photo" or mime_type.startswith("image/"):
            return _reencode_image(src, out)
        if kind in ("video", "audio") or mime_type.startswith(("video/", "audio/")):
            return _remux(src, out, extension)
        if mime_type == "application/pdf":
            return _pdf(src, out, extension)
    except RedactionError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure means: leave it out
        raise RedactionError(f"could not make a redacted copy: {exc}") from exc
    raise RedactionError(f"no redaction rule for {mime_type}; left out of a redacted export")


# JPEG -------------------------------------------------------------------------

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def _keep_jpeg_segment(marker: int, payload: bytes) -> bool:
    if 0xE0 <= marker <= 0xEF:  # APPn
        if marker == 0xE0:
            return payload.startswith(b"JFIF\x00")
        if marker == 0xE2:
            return payload.startswith(b"ICC_PROFILE\x00")
        if marker == 0xEE:
            return payload.startswith(b"Adobe")
        return False
    return marker != 0xFE  # COM


def _jpeg(src: BinaryIO, out: Path, extension: str) -> Redacted:
    data = src.read()
    if data[:2] != b"\xff\xd8":
        raise RedactionError("not a JPEG file")
    orientation = _orientation(data)
    parts = [b"\xff\xd8"]
    if orientation not in (None, 1):
        exif = Image.Exif()
        exif[0x0112] = orientation
        blob = exif.tobytes()
        parts.append(b"\xff\xe1" + struct.pack(">H", len(blob) + 2) + blob)
    removed: set[str] = set()
    pos = 2
    while True:
        marker, pos = _next_marker(data, pos)
        if marker is None:
            raise RedactionError("JPEG ends before its end-of-image marker")
        if marker == _EOI:
            parts.append(b"\xff\xd9")
            if data[pos:].strip(b"\x00"):
                removed.add("data after the end of the image (extra pictures, trailers)")
            break
        if marker in _STANDALONE:
            parts.append(bytes([0xFF, marker]))
            continue
        if pos + 2 > len(data):
            raise RedactionError("truncated JPEG segment")
        length = struct.unpack(">H", data[pos : pos + 2])[0]
        end = pos + length
        payload = data[pos + 2 : end]
        if _keep_jpeg_segment(marker, payload):
            parts.append(data[pos - 2 : end])
        else:
            removed.add(_segment_label(marker, payload))
        pos = end
        if marker == _SOS:
            scan_end = _scan_end(data, pos)
            parts.append(data[pos:scan_end])
            pos = scan_end
    target = out.with_suffix("." + extension)
    target.write_bytes(b"".join(parts))
    return Redacted(target, extension, sorted(removed))


def _next_marker(data: bytes, pos: int) -> tuple[int | None, int]:
    while pos + 1 < len(data):
        if data[pos] != 0xFF:
            raise RedactionError(f"JPEG structure damaged at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        return marker, pos + 2
    return None, pos


def _scan_end(data: bytes, pos: int) -> int:
    """Offset of the first marker after entropy-coded data (not FF00, not RSTn)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise RedactionError("JPEG scan data runs to the end of the file")
        nxt = data[pos + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
            pos += 1
            continue
        return pos


def _segment_label(marker: int, payload: bytes) -> str:
    if marker == 0xE1 and payload.startswith(b"Exif"):
        return "EXIF (GPS, camera make/model, serial numbers, times)"
    if marker == 0xE1:
        return "XMP metadata"
    if marker == 0xED:
        return "IPTC/Photoshop metadata"
    if marker == 0xFE:
        return "JPEG comments"
    return f"APP{marker - 0xE0} metadata segment"


def _orientation(data: bytes) -> int | None:
    try:
        with Image.open(io.BytesIO(data)) as im:
            value = im.getexif().get(0x0112)
    except Exception:  # noqa: BLE001 - no orientation is the safe default
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


# PNG --------------------------------------------------------------------------

_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
    b"sBIT", b"pHYs", b"bKGD", b"hIST", b"sPLT", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip


def _png(src: BinaryIO, out: Path, extension: str) -> Redacted:
    if src.read(8) != _PNG_SIG:
        raise RedactionError("not a PNG file")
    target = out.with_suffix("." + extension)
    removed: set[str] = set()
    with open(target, "wb") as dst:
        dst.write(_PNG_SIG)
        while True:
            head = src.read(8)
            if len(head) < 8:
                raise RedactionError("PNG ends before IEND")
            length, ctype = struct.unpack(">I4s", head)
            body = src.read(length + 4)
            if len(body) < length + 4:
                raise RedactionError("truncated PNG chunk")
            if ctype in _PNG_KEEP:
                dst.write(head + body)
            else:
                removed.add(f"PNG {ctype.decode('latin-1')} chunk")
            if ctype == b"IEND":
                break
    return Redacted(target, extension, sorted(removed))


def _reencode_image(src: BinaryIO, out: Path) -> Redacted:
    with Image.open(src) as im:
        im.load()
        upright = ImageOps.exif_transpose(im)
        if upright.mode not in ("RGB", "RGBA", "L", "LA", "I;16"):
            upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
        target = out.with_suffix(".png")
        upright.save(target, "PNG")
    return Redacted(target, "png", ["all embedded metadata (image re-encoded losslessly as PNG)"])


# Video and audio --------------------------------------------------------------

_AV_FORMATS = {
    "mp4": "mp4", "m4v": "mp4", "m4a": "mp4", "mov": "mov", "3gp": "3gp", "mkv": "matroska",
    "webm": "webm", "avi": "avi", "mp3": "mp3", "ogg": "ogg", "oga": "ogg", "opus": "ogg",
    "wav": "wav", "flac": "flac", "aac": "adts",
}  # fmt: skip


def _remux(src: BinaryIO, out: Path, extension: str) -> Redacted:
    import av

    fmt = _AV_FORMATS.get(extension)
    if fmt is None:
        fmt, extension = "matroska", "mkv"
    target = out.with_suffix("." + extension)
    removed = {"container and stream metadata (location, device, creation dates)"}
    with av.open(src, "r", metadata_errors="ignore") as inp:
        if inp.metadata:
            removed.add("container tags: " + ", ".join(sorted(inp.metadata)))
        with av.open(str(target), "w", format=fmt) as dst:
            mapping: dict[int, Any] = {}
            for stream in inp.streams:
                attached = getattr(stream.disposition, "name", "")
                if stream.type in ("video", "audio") and "attached_pic" not in str(attached):
                    mapping[stream.index] = dst.add_stream_from_template(stream)
                else:
                    removed.add(f"{stream.type} stream #{stream.index}")
            if not mapping:
                raise RedactionError("no audio or video stream to copy")
            for packet in inp.demux(list(inp.streams)):
                target_stream = mapping.get(packet.stream.index)
                if target_stream is None or packet.dts is None:
                    continue
                packet.stream = target_stream
                dst.mux(packet)
    return Redacted(target, extension, sorted(removed))


# PDF --------------------------------------------------------------------------


def _pdf(src: BinaryIO, out: Path, extension: str) -> Redacted:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(src)
    if reader.is_encrypted:
        raise RedactionError("encrypted PDF; its metadata cannot be removed")
    writer = PdfWriter(clone_from=reader)
    removed = []
    if reader.metadata:
        removed.append("PDF document information (" + ", ".join(sorted(reader.metadata)) + ")")
    from pypdf.generic import NameObject

    writer.metadata = None
    root = writer._root_object
    if NameObject("/Metadata") in root:
        del root[NameObject("/Metadata")]
        removed.append("PDF XMP metadata")
    target = out.with_suffix("." + extension)
    with open(target, "wb") as f:
        writer.write(f)
    return Redacted(target, extension, removed)


# Records ----------------------------------------------------------------------

_SOURCE_KEEP = ("method", "acquired_at", "recorded_at")


def redact_record(record: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """An items.json record with location, device, people and paths removed."""
    out = dict(record)
    removed: list[str] = []
    if out.get("gps"):
        removed.append("GPS location")
    out["gps"] = None
    if any((out.get("device") or {}).values()):
        removed.append("device make and model")
    out["device"] = {"make": None, "model": None}
    if out.get("metadata"):
        removed.append("extracted file metadata")
    out["metadata"] = {}
    if out.get("notes"):
        removed.append("internal notes")
    out["notes"] = ""
    out["original_name"] = None
    out["host"] = None
    out["warnings"] = []
    if out.get("sources"):
        removed.append("provenance names, paths and notes (who gave it, who collected it)")
    out["sources"] = [{k: s.get(k) for k in _SOURCE_KEEP} for s in out.get("sources") or []]
    return out, removed


RULES = (
    "Confidential items are left out.",
    "Images: EXIF (GPS, camera make/model), XMP, IPTC and comments removed; "
    "JPEG and PNG pixels are not re-encoded.",
    "Video and audio: remuxed without container and stream metadata; data, "
    "subtitle and cover-art streams dropped.",
    "PDF: document information and XMP metadata removed. Other kinds of files "
    "cannot be vouched for and are left out.",
    "Records: GPS, device, extracted metadata, internal notes, original file names "
    "and paths, and the names of who gave and who collected each item are removed.",
    "Custody events that may name people are sealed: their hashes are kept so the "
    "full events can be checked if disclosed.",
    "Each exhibit lists the SHA-256 of the original and of the redacted copy.",
)
