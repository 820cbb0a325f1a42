"""Value types shared by the metadata extractors, and JSON-safe conversion.

Kept apart from ``metadata.py`` so the per-format extractors can import the
types without a circular import through the dispatcher.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from numbers import Rational
from typing import Any

from evidence_desk.core.capture_time import CaptureTime

MAX_XMP_CHARS = 64 * 1024
MAX_BYTES_KEPT = 4 * 1024
MAX_STRING_CHARS = 16 * 1024


@dataclass
class GPS:
    """A position in WGS84 decimal degrees; altitude in metres above sea level."""

    lat: float
    lon: float
    alt: float | None = None


@dataclass
class ExtractedMetadata:
    """Everything we could learn from a file without decoding its content.

    ``width``/``height`` are the stored pixel dimensions; EXIF ``orientation``
    says how to rotate them for display. ``raw`` is JSON-serialisable and
    keeps tag names so it can be shown and searched as-is.
    """

    mime_type: str
    kind: str
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None
    make: str | None = None
    model: str | None = None
    software: str | None = None
    orientation: int | None = None
    gps: GPS | None = None
    codecs: list[str] = field(default_factory=list)
    page_count: int | None = None
    capture_candidates: list[CaptureTime] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def clean_text(value: str | bytes | None) -> str | None:
    """Strip NULs and padding that devices leave in fixed-size text fields."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = decode_bytes(value)
    text = value.replace("\x00", "").strip()
    return text or None


def decode_bytes(data: bytes) -> str:
    """UTF-8 if valid, else Latin-1: metadata text fields rarely declare a charset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _bytes_to_json(data: bytes) -> str:
    if len(data) > MAX_BYTES_KEPT:
        return f"<{len(data)} bytes, not kept>"
    try:
        text = data.decode("utf-8").rstrip("\x00")
    except UnicodeDecodeError:
        return data.hex()
    if all(ch.isprintable() or ch in "\r\n\t" for ch in text):
        return text
    return data.hex()


def _float_to_json(value: float) -> float | None:
    return value if math.isfinite(value) else None


def to_jsonable(value: Any, depth: int = 0) -> Any:
    """Convert metadata values (IFDRational, bytes, tuples...) to plain JSON types."""
    if depth > 8:
        return str(value)
    if value is None or isinstance(value, bool | int | str):
        if isinstance(value, str) and len(value) > MAX_STRING_CHARS:
            return value[:MAX_STRING_CHARS]
        return value
    if isinstance(value, float):
        return _float_to_json(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return _bytes_to_json(bytes(value))
    if isinstance(value, Rational):
        return _float_to_json(float(value)) if value.denominator else None
    if isinstance(value, dict):
        return {str(k): to_jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v, depth + 1) for v in value]
    try:
        return _float_to_json(float(value))  # IFDRational and other number-likes
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)


def error_reason(exc: BaseException) -> str:
    """Short, human-readable reason for a warning: exception type and message.

    OS and FFmpeg errors carry a numeric code and the path in ``str(exc)``;
    ``strerror`` is the readable part (the caller already knows the path).
    """
    strerror = getattr(exc, "strerror", None)
    text = strerror.strip() if isinstance(strerror, str) else str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
