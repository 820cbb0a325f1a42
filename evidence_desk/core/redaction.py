"""Redacted copies for publication: no location, no device, no names of people.

Rules (documented in docs/bundles.md, "Redaction"):

- Images are rebuilt from their pixels alone (core.redaction_images): JPEG
  losslessly from its tables and scans with a fresh header (no EXIF, XMP,
  IPTC, ICC, comments or trailing pictures; an EXIF holding only the
  Orientation when the photo must be turned), PNG with its pixel stream
  inflated and deflated anew and only numeric chunks, anything else decoded,
  turned upright and written as PNG.
- Video and audio are remuxed (streams copied, not re-encoded) without the
  container's or streams' metadata; data, subtitle and cover-art streams are
  dropped because cameras put GPS tracks there, and so are the SEI messages
  inside H.264/HEVC (encoder strings, user data, some drones' GPS).
- PDF: the document information, every XMP stream, private application data,
  attachments, scripts and annotation authors are removed; embedded JPEG
  images are rebuilt like JPEG files (core.redaction_pdf).
- Anything else cannot be vouched for and is left out of a redacted export.

Every function reads the original as a stream and raises
:class:`RedactionError` rather than ever passing an unredacted copy on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from evidence_desk.core import redaction_images as images
from evidence_desk.core import redaction_pdf


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
        # The original's extension is part of its name, so images and PDFs get
        # the extension of their format; media keep only extensions in _AV_FORMATS.
        if mime_type == "image/jpeg":
            return _jpeg(src, out, "jpg")
        if mime_type == "image/png":
            return _png(src, out, "png")
        if kind == "photo" or mime_type.startswith("image/"):
            return _reencode_image(src, out)
        if kind in ("video", "audio") or mime_type.startswith(("video/", "audio/")):
            return _remux(src, out, extension)
        if mime_type == "application/pdf":
            return _pdf(src, out, "pdf")
    except RedactionError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure means: leave it out
        raise RedactionError(f"could not make a redacted copy: {exc}") from exc
    raise RedactionError(f"no redaction rule for {mime_type}; left out of a redacted export")


# Images -----------------------------------------------------------------------


def _jpeg(src: BinaryIO, out: Path, extension: str) -> Redacted:
    data = src.read()
    cleaned, removed = images.clean_jpeg(data, images.orientation_of(data))
    target = out.with_suffix("." + extension)
    target.write_bytes(cleaned)
    return Redacted(target, extension, removed)


def _png(src: BinaryIO, out: Path, extension: str) -> Redacted:
    head = src.read(1 << 16)
    src.seek(0)
    if images.png_is_animated(head):
        return _reencode_image(src, out)
    target = out.with_suffix("." + extension)
    return Redacted(target, extension, images.clean_png(src, target))


def _reencode_image(src: BinaryIO, out: Path) -> Redacted:
    target = out.with_suffix(".png")
    images.reencode(src, target)
    return Redacted(
        target, "png", ["all embedded metadata (image re-encoded losslessly as PNG from pixels)"]
    )


# Video and audio --------------------------------------------------------------

_AV_FORMATS = {
    "mp4": "mp4", "m4v": "mp4", "m4a": "mp4", "mov": "mov", "3gp": "3gp", "mkv": "matroska",
    "webm": "webm", "avi": "avi", "mp3": "mp3", "ogg": "ogg", "oga": "ogg", "opus": "ogg",
    "wav": "wav", "flac": "flac", "aac": "adts",
}  # fmt: skip


# Supplemental enhancement information (SEI) NAL units carry encoder
# settings, user data and, from some drones and dashcams, GPS: not pixels.
_SEI_FILTERS = {"h264": "filter_units=remove_types=6", "hevc": "filter_units=remove_types=39|40"}


def _remux(src: BinaryIO, out: Path, extension: str) -> Redacted:
    import av
    from av.bitstream import BitStreamFilterContext

    fmt = _AV_FORMATS.get(extension)
    if fmt is None:
        fmt, extension = "matroska", "mkv"
    target = out.with_suffix("." + extension)
    removed = {"container and stream metadata (location, device, creation dates)"}
    with av.open(src, "r", metadata_errors="ignore") as inp:
        if inp.metadata:
            # Counted, not named: a tag's name is chosen by whoever made the file.
            removed.add(f"{len(inp.metadata)} container tag(s)")
        with av.open(str(target), "w", format=fmt) as dst:
            mapping: dict[int, Any] = {}
            filters: dict[int, Any] = {}
            for stream in inp.streams:
                attached = getattr(stream.disposition, "name", "")
                if stream.type in ("video", "audio") and "attached_pic" not in str(attached):
                    mapping[stream.index] = dst.add_stream_from_template(stream)
                    sei = _SEI_FILTERS.get(stream.codec_context.name)
                    if sei:
                        filters[stream.index] = BitStreamFilterContext(
                            sei, stream, mapping[stream.index]
                        )
                        removed.add("SEI messages inside the video stream (encoder, user data)")
                else:
                    removed.add(f"{stream.type} stream #{stream.index}")
            if not mapping:
                raise RedactionError("no audio or video stream to copy")
            for packet in inp.demux(list(inp.streams)):
                index = packet.stream.index
                target_stream = mapping.get(index)
                if target_stream is None or packet.dts is None:
                    continue
                bsf = filters.get(index)
                for out_packet in bsf.filter(packet) if bsf else [packet]:
                    out_packet.stream = target_stream
                    dst.mux(out_packet)
            for index, bsf in filters.items():
                for out_packet in bsf.filter(None):
                    out_packet.stream = mapping[index]
                    dst.mux(out_packet)
    return Redacted(target, extension, sorted(removed))


# PDF --------------------------------------------------------------------------


def _pdf(src: BinaryIO, out: Path, extension: str) -> Redacted:
    target = out.with_suffix("." + extension)
    return Redacted(target, extension, redaction_pdf.clean_pdf(src, target))


# Records ----------------------------------------------------------------------


def title_from_file_name(title: str, names: list[str]) -> bool:
    """Whether ``title`` is one of the original file names (with or without extension).

    Ingest sets the title to the file name, and a file name can name a person;
    such a title is never published, even when marked publishable. Spaces,
    ``_``, ``-`` and ``.`` count as the same separator and case is ignored.
    """
    wanted = _fold_name(title)
    if not wanted:
        return True
    for name in names:
        base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
        stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
        if wanted in (_fold_name(base), _fold_name(stem)):
            return True
    return False


def _fold_name(value: str) -> str:
    return " ".join(re.split(r"[\s_.\-]+", value.casefold())).strip()


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+)?([+-]\d{2}:\d{2}|Z)?)?)?")
# Keys copied as they are: values the archive computed, never text a person or file chose.
_KEEP = (
    "id", "exhibit", "kind", "title_publishable", "sensitivity", "sha256", "size", "mime_type",
    "captured_at", "captured_at_utc", "captured_at_source", "captured_at_offset_known",
    "captured_at_precision", "width", "height", "duration_s", "phash", "ingested_at",
    "tool_version", "removed",
)  # fmt: skip


def redact_record(
    record: dict[str, Any], methods: Mapping[str, str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """An items.json record for publication: only computed values and reviewed text.

    Built from an allow-list, so a field added to the record later stays out
    until someone decides it may be published. The title (and description)
    appear only when marked publishable and not the file name; otherwise the
    title is the exhibit number. ``methods`` maps folded labels and codes of
    the shipped acquisition methods to their code: any other method is free
    text and is dropped.
    """
    removed: list[str] = []
    out: dict[str, Any] = {k: record.get(k) for k in _KEEP}
    sources = record.get("sources") or []
    names = [s.get("original_name") or "" for s in sources] + [record.get("original_name") or ""]
    title = str(record.get("title") or "")
    reviewed = bool(record.get("title_publishable")) and not title_from_file_name(title, names)
    out["title"] = title if reviewed else record.get("exhibit")
    out["description"] = str(record.get("description") or "") if reviewed else ""
    if not reviewed and title:
        removed.append("title (not a hand-set title marked publishable; the exhibit number)")
    if not reviewed and record.get("description"):
        removed.append("description (not marked publishable)")
    out["notes"] = ""
    if record.get("notes"):
        removed.append("internal notes")
    out["captured_at_note"] = None
    out["original_name"] = None
    out["gps"] = None
    if record.get("gps"):
        removed.append("GPS location")
    out["device"] = {"make": None, "model": None}
    if any((record.get("device") or {}).values()):
        removed.append("device make and model")
    out["metadata"] = {}
    if record.get("metadata"):
        removed.append("extracted file metadata")
    out["host"] = None
    out["warnings"] = []
    out["tags"] = []
    if record.get("tags"):
        removed.append("tags")
    if sources:
        removed.append("provenance names, paths, notes and free-text methods")
    out["sources"] = [_source(s, methods or {}) for s in sources]
    out["links"] = [{**link, "note": ""} for link in record.get("links") or []]
    return out, removed


def _source(source: dict[str, Any], methods: Mapping[str, str]) -> dict[str, Any]:
    """Method (shipped vocabulary only) and dates (only when they are dates)."""
    method = methods.get(" ".join(str(source.get("method") or "").split()).casefold())
    dates = {}
    for key in ("acquired_at", "recorded_at"):
        value = source.get(key)
        dates[key] = value if isinstance(value, str) and _DATE.fullmatch(value) else None
    return {"method": method, **dates}


RULES = (
    "Confidential items are left out.",
    "Images are rebuilt from their pixels alone: EXIF (GPS, camera, names), XMP, IPTC, "
    "ICC profiles, comments, text chunks and hidden trailers removed; JPEG and PNG decode "
    "to the same pixels; thumbnails are re-encoded.",
    "Video and audio: remuxed without container and stream metadata; data, "
    "subtitle and cover-art streams dropped.",
    "PDF: document information, XMP, private data, annotation authors and notes, "
    "attachments and scripts removed; embedded photos rebuilt from pixels. Other kinds of "
    "files cannot be vouched for and are left out.",
    "Records: only computed values are kept. GPS, device, extracted metadata, notes, tags, "
    "original file names and paths, host names, free-text methods and the names of who "
    "gave and who collected each item are removed. Titles are exhibit numbers unless a "
    "title set by hand was marked publishable.",
    "Custody: every event keeps its type, time, item, outcome and hashes; actors are "
    "pseudonyms (custodian 1, 2, …); details keep only hashes, identifiers and numbers "
    "(no paths, hosts or names). The full events can be checked against the hashes if "
    "disclosed.",
    "Each exhibit lists the SHA-256 of the original and of the redacted copy.",
)
