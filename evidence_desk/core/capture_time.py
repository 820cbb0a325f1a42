"""When was this recorded? Candidate capture times and the rule that picks one.

A file can carry several clues about its capture time, and they are not equally
trustworthy. We keep every clue as a :class:`CaptureTime` candidate, with its
source, and choose one by a fixed precedence (the order of :data:`SOURCES`):

1. ``user`` -- a manual correction entered later in the application. A person
   who checked the clock against other evidence overrides every heuristic.
2. ``exif:DateTimeOriginal`` -- written by the camera at the moment of capture,
   in the device's wall-clock time; survives copying and most messengers that
   keep EXIF.
3. ``quicktime:creationdate`` -- Apple's capture time for video, with the
   device's UTC offset; the same role as DateTimeOriginal.
4. ``container:creation_time`` -- the MP4/MKV header time. Usually capture
   time in UTC, but re-encoders and editors rewrite it, so it ranks below the
   camera's own tags.
5. ``pdf:CreationDate`` -- when the document was produced, per its producer.
6. ``gps`` -- the satellite timestamp of the last fix. An accurate clock, but
   the fix can be stale, so it mainly serves to recover the UTC offset.
7. ``telegram:message_date`` / ``whatsapp:message_time`` -- when the file
   was sent in a chat (from a messenger export). The file existed by then,
   so it bounds capture time from above; it ranks above names and the file
   system, never above the device's own tags.
8. ``filename`` -- names like ``IMG_20220105_183000.jpg`` are made by the
   device at capture, but anyone can rename a file.
9. ``file_mtime`` -- the file system's modification time; copying, downloading
   and unzipping often reset it, so it is the last resort.

Times are kept as the naive wall-clock time the device recorded plus the UTC
offset when known. We never guess an offset from the computer's time zone:
"local time, offset unknown" is an honest answer; a wrong instant is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import PurePath

SOURCES = (
    "user",
    "exif:DateTimeOriginal",
    "quicktime:creationdate",
    "container:creation_time",
    "pdf:CreationDate",
    "gps",
    "telegram:message_date",
    "whatsapp:message_time",
    "filename",
    "file_mtime",
)
PRECISIONS = ("second", "day")

_MIN_YEAR = 1990
_MAX_YEAR = 2100
_MAX_OFFSET_MINUTES = 18 * 60


@dataclass(frozen=True)
class CaptureTime:
    """One candidate capture time and where it came from."""

    local: datetime
    offset_minutes: int | None
    source: str
    precision: str = "second"
    note: str | None = None

    def __post_init__(self) -> None:
        if self.local.tzinfo is not None:
            raise ValueError("CaptureTime.local must be naive wall-clock time")
        if self.source not in SOURCES:
            raise ValueError(f"unknown capture-time source {self.source!r}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.offset_minutes is not None and abs(self.offset_minutes) > _MAX_OFFSET_MINUTES:
            raise ValueError(f"UTC offset out of range: {self.offset_minutes} minutes")

    def utc(self) -> datetime | None:
        """Naive UTC instant, or None when the offset is unknown."""
        if self.offset_minutes is None:
            return None
        return self.local - timedelta(minutes=self.offset_minutes)

    def isoformat(self) -> str:
        """ISO 8601 with the offset when known, e.g. ``2022-01-05T18:30:00+06:00``."""
        text = self.local.isoformat()
        if self.offset_minutes is None:
            return text
        return text + format_offset(self.offset_minutes)

    def sort_key(self) -> datetime:
        """UTC when known, else wall-clock time: good enough to order a timeline."""
        return self.utc() or self.local


def format_offset(minutes: int) -> str:
    """``360`` -> ``+06:00``; ``-210`` -> ``-03:30``."""
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def source_rank(source: str) -> int:
    """Position of ``source`` in the precedence order (lower wins)."""
    return SOURCES.index(source)


def choose_capture_time(candidates: list[CaptureTime]) -> CaptureTime | None:
    """The best candidate by source precedence; ties keep the earlier candidate.

    Within one source a candidate that knows its UTC offset beats one that
    does not, because it pins an instant rather than a wall-clock reading.
    """
    best: CaptureTime | None = None
    best_key: tuple[int, int] | None = None
    for candidate in candidates:
        key = (source_rank(candidate.source), 0 if candidate.offset_minutes is not None else 1)
        if best_key is None or key < best_key:
            best, best_key = candidate, key
    return best


def plausible_datetime(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    microsecond: int = 0,
) -> datetime | None:
    """A datetime if the fields form a real date within 1990..2100, else None."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, microsecond)
    except ValueError:
        return None


_D = r"(?<!\d)"
_E = r"(?!\d)"
# Ordered from most to least specific; the first valid match wins.
_FILENAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # WhatsApp: IMG-20220105-WA0001.jpg -- only the day is encoded.
    (re.compile(r"(?:IMG|VID|AUD|PTT|DOC|STK)-(\d{4})(\d{2})(\d{2})-WA\d+", re.I), "day"),
    # WhatsApp desktop/web save: "WhatsApp Image 2022-01-05 at 18.30.00.jpeg"
    (
        re.compile(
            r"WhatsApp (?:Image|Video|Audio) (\d{4})-(\d{2})-(\d{2}) at "
            r"(\d{1,2})\.(\d{2})\.(\d{2})(?:\s*([AP]M))?",
            re.I,
        ),
        "second",
    ),
    # Android/Pixel/Samsung: IMG_20220105_183000.jpg, PXL_20220105_183000123.jpg,
    # 20220105_183000.jpg, Screenshot_20220105-183000.png
    (
        re.compile(_D + r"(\d{4})(\d{2})(\d{2})[_-](\d{2})(\d{2})(\d{2})(\d{3})?" + _E),
        "second",
    ),
    # Telegram, Dropbox, Android screenshots, Signal:
    # photo_2022-01-05_18-30-00.jpg, "2022-01-05 18.30.00.jpg",
    # Screenshot_2022-01-05-18-30-00.png, signal-2022-01-05-18-30-00-123.jpg
    (
        re.compile(
            _D + r"(\d{4})-(\d{2})-(\d{2})[ _T-](\d{2})[-.:_](\d{2})[-.:_](\d{2})"
            r"(?:[-.](\d{3}))?" + _E
        ),
        "second",
    ),
)


def _from_match(match: re.Match[str], precision: str) -> datetime | None:
    groups = match.groups()
    year, month, day = (int(g) for g in groups[:3])
    if precision == "day":
        return plausible_datetime(year, month, day)
    hour, minute, second = (int(g) for g in groups[3:6])
    extra = groups[6] if len(groups) > 6 else None
    microsecond = 0
    if extra and extra.upper() in ("AM", "PM"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if extra.upper() == "PM" else 0)
    elif extra:
        microsecond = int(extra) * 1000
    return plausible_datetime(year, month, day, hour, minute, second, microsecond)


def capture_time_from_filename(name: str) -> CaptureTime | None:
    """Capture time encoded in a device-generated file name, offset unknown.

    Only the base name is examined, so dated folder names do not leak in.
    """
    base = PurePath(name).name
    for pattern, precision in _FILENAME_PATTERNS:
        for match in pattern.finditer(base):
            local = _from_match(match, precision)
            if local is None:
                continue
            note = None
            if base.upper().startswith("PXL_"):
                note = "Google Pixel file names are usually in UTC"
            return CaptureTime(local, None, "filename", precision, note)
    return None


def capture_time_from_mtime(mtime: float) -> CaptureTime:
    """The file modification time as an absolute instant (UTC, offset 0)."""
    local = datetime.fromtimestamp(mtime, tz=UTC).replace(tzinfo=None)
    return CaptureTime(
        local,
        0,
        "file_mtime",
        note="file modification time; may reflect copying or downloading, not capture",
    )
