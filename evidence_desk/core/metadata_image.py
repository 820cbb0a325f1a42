"""Image metadata via Pillow: EXIF, GPS, XMP and IPTC, without decoding pixels.

``Image.open`` only parses headers, which keeps ingest fast; nothing here
calls ``load()``. HEIC/HEIF is handled by pillow-heif's opener when present.
"""

from __future__ import annotations

import io
import math
import mmap
import re
from datetime import datetime, timedelta
from typing import IO, Any

from PIL import ExifTags, Image, IptcImagePlugin, UnidentifiedImageError

from evidence_desk.core.capture_time import CaptureTime, plausible_datetime
from evidence_desk.core.metadata_types import (
    GPS,
    MAX_XMP_CHARS,
    ExtractedMetadata,
    clean_text,
    decode_bytes,
    error_reason,
    to_jsonable,
)

try:
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - HEIC support is optional at runtime
    pillow_heif = None  # type: ignore[assignment]  # the module is optional

_EXIF_DT = re.compile(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")
_MAX_GPS_GAP = timedelta(hours=14)
_POINTER_TAGS = {int(ExifTags.IFD.Exif), int(ExifTags.IFD.GPSInfo), int(ExifTags.IFD.Interop)}

_IPTC_NAMES = {
    (1, 90): "CodedCharacterSet",
    (2, 0): "RecordVersion",
    (2, 5): "ObjectName",
    (2, 15): "Category",
    (2, 25): "Keywords",
    (2, 40): "SpecialInstructions",
    (2, 55): "DateCreated",
    (2, 60): "TimeCreated",
    (2, 62): "DigitalCreationDate",
    (2, 63): "DigitalCreationTime",
    (2, 65): "OriginatingProgram",
    (2, 80): "By-line",
    (2, 85): "By-lineTitle",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province-State",
    (2, 100): "Country-PrimaryLocationCode",
    (2, 101): "Country-PrimaryLocationName",
    (2, 103): "OriginalTransmissionReference",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 115): "Source",
    (2, 116): "CopyrightNotice",
    (2, 120): "Caption-Abstract",
    (2, 122): "Writer-Editor",
}


def parse_exif_datetime(text: Any, subsec: Any = None) -> datetime | None:
    """``2022:01:05 18:30:00`` (+ SubSec ``123``) -> datetime; None if blank or invalid."""
    if not isinstance(text, str):
        return None
    match = _EXIF_DT.match(text)
    if not match:
        return None
    microsecond = 0
    digits = str(subsec).strip() if subsec is not None else ""
    if digits.isdigit():
        microsecond = int((digits + "000000")[:6])
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    return plausible_datetime(year, month, day, hour, minute, second, microsecond)


def parse_offset(text: Any) -> int | None:
    """``+06:00`` -> 360 minutes; None if absent or malformed."""
    if not isinstance(text, str):
        return None
    match = _OFFSET.match(text)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    value = int(hours) * 60 + int(minutes)
    if value > 18 * 60 or int(minutes) >= 60:
        return None
    return -value if sign == "-" else value


def _rational(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _dms(value: Any) -> float | None:
    if not isinstance(value, tuple | list) or not value:
        return _rational(value)
    parts = [_rational(v) for v in value[:3]]
    known = [p for p in parts if p is not None]
    if len(known) != len(parts):
        return None
    scale = (1.0, 60.0, 3600.0)
    return sum(p / s for p, s in zip(known, scale, strict=False))


def _ref(value: Any) -> str:
    text = clean_text(value) if isinstance(value, str | bytes) else None
    return (text or "").upper()[:1]


def parse_gps(gps_ifd: dict[int, Any], warnings: list[str]) -> GPS | None:
    """Decimal degrees with N/S/E/W signs applied; altitude negative below sea level."""
    tags = ExifTags.GPS
    lat = _dms(gps_ifd.get(tags.GPSLatitude))
    lon = _dms(gps_ifd.get(tags.GPSLongitude))
    if lat is None or lon is None:
        return None
    if _ref(gps_ifd.get(tags.GPSLatitudeRef)) == "S":
        lat = -lat
    if _ref(gps_ifd.get(tags.GPSLongitudeRef)) == "W":
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        warnings.append(f"GPS position out of range ({lat}, {lon}) ignored")
        return None
    if lat == 0 and lon == 0:
        warnings.append("GPS position 0,0 ignored (usually means the device had no fix)")
        return None
    alt = _rational(gps_ifd.get(tags.GPSAltitude))
    ref = gps_ifd.get(tags.GPSAltitudeRef)
    if alt is not None and ref in (1, b"\x01", "1"):
        alt = -alt
    return GPS(lat=lat, lon=lon, alt=alt)


def parse_gps_time(gps_ifd: dict[int, Any]) -> datetime | None:
    """GPSDateStamp + GPSTimeStamp as naive UTC."""
    tags = ExifTags.GPS
    date = gps_ifd.get(tags.GPSDateStamp)
    stamp = gps_ifd.get(tags.GPSTimeStamp)
    if not isinstance(date, str) or not isinstance(stamp, tuple | list) or len(stamp) < 3:
        return None
    hours, minutes, seconds = (_rational(v) for v in stamp[:3])
    if hours is None or minutes is None or seconds is None:
        return None
    if not (0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 61):
        return None
    match = re.match(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})", date)
    day = plausible_datetime(*(int(g) for g in match.groups())) if match else None
    if day is None:
        return None
    return day + timedelta(hours=int(hours), minutes=int(minutes), seconds=seconds)


def _named(ifd: dict[int, Any], names: dict[int, str]) -> dict[str, Any]:
    return {
        names.get(tag, f"Tag0x{tag:04X}"): to_jsonable(value)
        for tag, value in ifd.items()
        if tag not in _POINTER_TAGS
    }


def _exif_candidates(
    exif: dict[int, Any], gps_time: datetime | None, warnings: list[str]
) -> list[CaptureTime]:
    """DateTimeOriginal (or DateTime as a labelled fallback), offset from tags or GPS."""
    tags = ExifTags.Base
    original = exif.get(tags.DateTimeOriginal)
    local = parse_exif_datetime(original, exif.get(tags.SubsecTimeOriginal))
    offset = parse_offset(exif.get(tags.OffsetTimeOriginal))
    note = None
    if local is None:
        if isinstance(original, str) and original.strip(" :0\x00"):
            warnings.append(f"EXIF DateTimeOriginal {original!r} is not a valid date")
        local = parse_exif_datetime(exif.get(tags.DateTime), exif.get(tags.SubsecTime))
        offset = parse_offset(exif.get(tags.OffsetTime))
        note = "from EXIF DateTime"
    elif offset is None and exif.get(tags.DateTime) == original:
        offset = parse_offset(exif.get(tags.OffsetTime))
    if local is None:
        return []
    if offset is None and gps_time is not None and abs(local - gps_time) <= _MAX_GPS_GAP:
        minutes = (local - gps_time).total_seconds() / 60
        offset = int(round(minutes / 15) * 15)
        note = "; ".join(filter(None, [note, "offset derived from GPS time"]))
    return [CaptureTime(local, offset, "exif:DateTimeOriginal", note=note)]


def _iptc(im: Image.Image) -> dict[str, Any] | None:
    info = IptcImagePlugin.getiptcinfo(im)  # type: ignore[arg-type]
    if not info:
        return None
    result: dict[str, Any] = {}
    for key, value in info.items():
        name = _IPTC_NAMES.get(key, f"{key[0]}:{key[1]}")
        if isinstance(value, list):
            result[name] = [decode_bytes(v) for v in value]
        else:
            result[name] = decode_bytes(value) if isinstance(value, bytes) else to_jsonable(value)
    return result


def _xmp(im: Image.Image) -> str | None:
    packet = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if packet is None and im.format == "TIFF":
        packet = getattr(im, "tag_v2", {}).get(700)
    if isinstance(packet, bytes | bytearray):
        packet = decode_bytes(bytes(packet))
    if not isinstance(packet, str) or not packet.strip():
        return None
    return packet[:MAX_XMP_CHARS]


def _read_exif(im: Image.Image) -> Image.Exif:
    # PNG's getexif() decodes the whole image when eXIf is not before IDAT.
    if im.format == "PNG" and "exif" not in im.info:
        return Image.Exif()
    return im.getexif()


def read_image(fp: IO[bytes], meta: ExtractedMetadata) -> None:
    """Fill ``meta`` from an image file object; failures become warnings."""
    try:
        with Image.open(fp) as im:
            meta.width, meta.height = im.size
            meta.raw["image"] = {"format": im.format, "mode": im.mode}
            _fill_from_image(im, meta)
            if _looks_truncated(fp, im):
                meta.warnings.append(
                    "image data appears truncated: no end-of-image marker was found"
                )
    except UnidentifiedImageError:
        meta.warnings.append(
            f"could not read image metadata: content is not a readable {meta.mime_type} image"
        )
    except Exception as exc:  # any decoder error is a content problem
        meta.warnings.append(f"could not read image metadata: {error_reason(exc)}")


def _looks_truncated(fp: IO[bytes], im: Image.Image) -> bool:
    """Cheap completeness check without decoding: look for the format's end marker.

    In JPEG entropy-coded data 0xFF is always escaped, so the first FFD9 after
    the scan starts is the end of the main image; anything appended later
    (Samsung or Google motion-photo video) does not hide a truncation. Only
    whether some FFD9 follows the scan matters, so a file that ends with one
    (nearly every camera file) needs no search: scanning 2 MB of noisy entropy
    data for it cost more CPU than reading the whole EXIF.
    """
    if im.format == "PNG":
        fp.seek(-12, io.SEEK_END)
        return fp.read(12)[4:8] != b"IEND"
    tile = getattr(im, "tile", None)  # an ImageFile's; the base Image has none
    if im.format != "JPEG" or not tile:
        return False
    start = tile[0][2]
    end = fp.seek(0, io.SEEK_END)
    if end - 2 >= start:
        fp.seek(end - 2)
        if fp.read(2) == b"\xff\xd9":
            return False
    try:
        with mmap.mmap(fp.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return data.find(b"\xff\xd9", start) < 0
    except (OSError, ValueError, io.UnsupportedOperation):
        fp.seek(start)
        return b"\xff\xd9" not in fp.read()


def _fill_from_image(im: Image.Image, meta: ExtractedMetadata) -> None:
    try:
        exif = _read_exif(im)
        base = dict(exif)
        exif_ifd = dict(exif.get_ifd(ExifTags.IFD.Exif))
        gps_ifd = dict(exif.get_ifd(ExifTags.IFD.GPSInfo))
    except Exception as exc:
        meta.warnings.append(f"could not read EXIF: {error_reason(exc)}")
        base, exif_ifd, gps_ifd = {}, {}, {}
    merged = {**base, **exif_ifd}
    if merged:
        meta.raw["exif"] = _named(merged, ExifTags.TAGS)
    if gps_ifd:
        meta.raw["gps"] = _named(gps_ifd, ExifTags.GPSTAGS)
    meta.make = clean_text(_str(merged.get(ExifTags.Base.Make)))
    meta.model = clean_text(_str(merged.get(ExifTags.Base.Model)))
    meta.software = clean_text(_str(merged.get(ExifTags.Base.Software)))
    orientation = merged.get(ExifTags.Base.Orientation)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        meta.orientation = orientation
    meta.gps = parse_gps(gps_ifd, meta.warnings)
    gps_time = parse_gps_time(gps_ifd)
    meta.capture_candidates.extend(_exif_candidates(merged, gps_time, meta.warnings))
    if gps_time is not None:
        meta.capture_candidates.append(CaptureTime(gps_time, 0, "gps"))
    xmp = _xmp(im)
    if xmp:
        meta.raw["xmp"] = xmp
    if im.format in ("JPEG", "TIFF"):
        try:
            iptc = _iptc(im)
        except Exception as exc:
            meta.warnings.append(f"could not read IPTC: {error_reason(exc)}")
            iptc = None
        if iptc:
            meta.raw["iptc"] = iptc


def _str(value: Any) -> str | bytes | None:
    return value if isinstance(value, str | bytes) else None
