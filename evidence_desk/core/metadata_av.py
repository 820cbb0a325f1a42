"""Audio/video metadata via PyAV (FFmpeg): tags, streams, times and location.

Only headers are read (``av.open`` probes the streams); no frame is decoded
here. Phones store capture facts as container tags: ``creation_time`` (UTC),
Apple's ``com.apple.quicktime.*`` keys (local time with offset, ISO 6709
location, make/model) and Android's ``location``/``com.android.*`` keys.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import av

from evidence_desk.core.capture_time import CaptureTime, plausible_datetime
from evidence_desk.core.metadata_types import (
    GPS,
    ExtractedMetadata,
    clean_text,
    error_reason,
    to_jsonable,
)

_ISO_DT = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
_ISO6709 = re.compile(r"^\s*([+-][\d.]+)([+-][\d.]+)([+-][\d.]+)?(?:CRS[^/]*)?/?\s*$")
_EPOCH_PLACEHOLDERS = {datetime(1970, 1, 1), datetime(1904, 1, 1)}

_LOCATION_KEYS = ("com.apple.quicktime.location.ISO6709", "location", "location-eng")
_MAKE_KEYS = ("com.apple.quicktime.make", "com.android.manufacturer", "make")
_MODEL_KEYS = ("com.apple.quicktime.model", "com.android.model", "model")
_SOFTWARE_KEYS = ("com.apple.quicktime.software", "software", "encoder")


def parse_iso_datetime(text: str) -> tuple[datetime, int | None] | None:
    """``2022-01-05T18:30:00+0600`` -> (naive local, offset minutes); None if invalid."""
    match = _ISO_DT.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    microsecond = int((fraction + "000000")[:6]) if fraction else 0
    local = plausible_datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second or 0), microsecond
    )
    if local is None:
        return None
    offset: int | None = None
    if zone == "Z":
        offset = 0
    elif zone:
        digits = zone[1:].replace(":", "")
        offset = int(digits[:2]) * 60 + int(digits[2:])
        if zone[0] == "-":
            offset = -offset
        if abs(offset) > 18 * 60:
            offset = None
    return local, offset


def _degrees(text: str, degree_digits: int) -> float:
    """ISO 6709 allows ±DD.D, ±DDMM.M and ±DDMMSS.S (3 degree digits for longitude)."""
    sign = -1.0 if text[0] == "-" else 1.0
    body = text[1:]
    whole, _, fraction = body.partition(".")
    frac = float("0." + fraction) if fraction else 0.0
    if len(whole) <= degree_digits:
        value = float(whole or "0") + frac
    elif len(whole) == degree_digits + 2:
        value = int(whole[:degree_digits]) + (int(whole[degree_digits:]) + frac) / 60
    else:
        value = (
            int(whole[:degree_digits])
            + int(whole[degree_digits : degree_digits + 2]) / 60
            + (int(whole[degree_digits + 2 : degree_digits + 4]) + frac) / 3600
        )
    return sign * value


def parse_iso6709(text: str) -> GPS | None:
    """``+43.2389+076.8897+0850.000/`` -> GPS(43.2389, 76.8897, 850.0)."""
    match = _ISO6709.match(text)
    if not match:
        return None
    lat_text, lon_text, alt_text = match.groups()
    try:
        lat = _degrees(lat_text, 2)
        lon = _degrees(lon_text, 3)
        alt = float(alt_text) if alt_text else None
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return GPS(lat=lat, lon=lon, alt=alt)


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = clean_text(tags.get(key))
        if value:
            return value
    return None


def _codec_name(ctx: Any) -> str | None:
    """The format's name ("mp3"), not the decoder's ("mp3float")."""
    if ctx is None:
        return None
    codec = getattr(ctx, "codec", None)
    name = getattr(codec, "canonical_name", None) or ctx.name
    return str(name) if name else None


def _stream_info(stream: Any) -> dict[str, Any]:
    ctx = stream.codec_context
    info: dict[str, Any] = {
        "index": stream.index,
        "type": stream.type,
        "codec": _codec_name(ctx),
        "metadata": dict(stream.metadata),
    }
    if stream.duration is not None and stream.time_base is not None:
        info["duration_s"] = float(stream.duration * stream.time_base)
    if stream.frames:
        info["frames"] = stream.frames
    if stream.type == "video" and ctx is not None:
        info["width"], info["height"] = ctx.width, ctx.height
        if stream.average_rate:
            info["frame_rate"] = float(stream.average_rate)
        info["attached_picture"] = bool(stream.disposition & 0x400)
    elif stream.type == "audio" and ctx is not None:
        info["sample_rate"] = ctx.sample_rate
        info["channels"] = getattr(getattr(ctx, "layout", None), "nb_channels", None)
    if ctx is not None and ctx.bit_rate:
        info["bit_rate"] = ctx.bit_rate
    return info


def _add_times(tags: dict[str, str], meta: ExtractedMetadata) -> None:
    apple = tags.get("com.apple.quicktime.creationdate")
    if apple:
        parsed = parse_iso_datetime(apple)
        if parsed:
            meta.capture_candidates.append(
                CaptureTime(parsed[0], parsed[1], "quicktime:creationdate")
            )
        else:
            meta.warnings.append(f"QuickTime creationdate {apple!r} is not a valid date")
    created = tags.get("creation_time")
    if created:
        parsed = parse_iso_datetime(created)
        if parsed and parsed[0] not in _EPOCH_PLACEHOLDERS:
            local, offset = parsed
            # FFmpeg reports creation_time in UTC; a bare value is UTC too.
            meta.capture_candidates.append(
                CaptureTime(local, 0 if offset is None else offset, "container:creation_time")
            )
        elif parsed is None:
            meta.warnings.append(f"container creation_time {created!r} is not a valid date")


def read_av(path: Path | IO[bytes], meta: ExtractedMetadata) -> None:
    """Fill ``meta`` from an audio/video file or stream; FFmpeg errors become warnings."""
    try:
        source = str(path) if isinstance(path, Path | str) else path
        container = av.open(source, metadata_errors="replace")
    except Exception as exc:  # any FFmpeg or OS error means unreadable content
        meta.warnings.append(f"could not read audio/video metadata: {error_reason(exc)}")
        return
    try:
        _fill(container, meta)
    except Exception as exc:
        meta.warnings.append(f"could not read audio/video metadata: {error_reason(exc)}")
    finally:
        container.close()


def _fill(container: Any, meta: ExtractedMetadata) -> None:
    tags = {str(k): str(v) for k, v in dict(container.metadata).items()}
    streams = [_stream_info(s) for s in container.streams]
    meta.raw["container"] = to_jsonable(
        {
            "format": container.format.name,
            "bit_rate": container.bit_rate or None,
            "metadata": tags,
        }
    )
    meta.raw["streams"] = to_jsonable(streams)
    for info in streams:
        if info["codec"] and info["codec"] not in meta.codecs:
            meta.codecs.append(info["codec"])
    if container.duration is not None and container.duration > 0:
        meta.duration_s = container.duration / av.time_base
    else:
        durations = [s["duration_s"] for s in streams if s.get("duration_s")]
        meta.duration_s = max(durations) if durations else None
    videos = [s for s in streams if s["type"] == "video" and not s.get("attached_picture")]
    if videos:
        meta.width, meta.height = videos[0].get("width"), videos[0].get("height")
    elif meta.kind == "video" and any(s["type"] == "audio" for s in streams):
        meta.kind = "audio"  # e.g. an .mp4 voice memo: no picture to show
    meta.make = _first(tags, _MAKE_KEYS)
    meta.model = _first(tags, _MODEL_KEYS)
    meta.software = _first(tags, _SOFTWARE_KEYS)
    for key in _LOCATION_KEYS:
        if tags.get(key):
            meta.gps = parse_iso6709(tags[key])
            if meta.gps is None:
                meta.warnings.append(f"location tag {tags[key]!r} could not be parsed")
            break
    _add_times(tags, meta)
