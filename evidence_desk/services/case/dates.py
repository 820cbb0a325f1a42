"""Dates of case records: a wall-clock reading, its UTC offset when known, a precision.

Researchers rarely know the exact minute of an incident: "5 January",
"the evening of the 5th" and "18:40 by the video" are all common, and all
must sort on one timeline. So a date keeps what was said (``local`` +
``offset_min``), how precise it is, and derives a sort key: the UTC instant
when the offset is known, else the wall-clock reading — the same rule as
capture times (``core.capture_time.CaptureTime.sort_key``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from evidence_desk.core.capture_time import format_offset
from evidence_desk.services.archive.errors import EvidenceDeskError

PRECISIONS = ("exact", "day", "approximate")


@dataclass(frozen=True)
class When:
    local: datetime
    offset_min: int | None
    precision: str

    def sort_key(self) -> datetime:
        if self.offset_min is None:
            return self.local
        return self.local - timedelta(minutes=self.offset_min)

    def end_key(self) -> datetime:
        """The end of the span this reading covers (a day-precise date covers its day)."""
        return self.sort_key() + (timedelta(days=1) if self.precision == "day" else timedelta())

    def iso(self) -> str:
        if self.precision == "day":
            return self.local.date().isoformat()
        text = self.local.isoformat()
        return text if self.offset_min is None else text + format_offset(self.offset_min)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_when(
    text: str | None, precision: str | None = None, offset_min: int | None = None
) -> When | None:
    """``2022-01-05`` (a day), ``2022-01-05T18:30`` or ``2022-01-05T18:30+06:00``.

    ``precision`` defaults to "day" for a date and "exact" for a date-time;
    ``offset_min`` applies when the text carries no offset of its own.
    """
    if text is None or not text.strip():
        return None
    text = text.strip()
    if precision is not None and precision not in PRECISIONS:
        raise EvidenceDeskError(
            f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}"
        )
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return When(datetime(day.year, day.month, day.day), offset_min, precision or "day")
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise EvidenceDeskError(
            f"{text!r} is not a date (2022-01-05) or a date and time (2022-01-05T18:30+06:00)"
        ) from None
    offset = moment.utcoffset()
    if offset is not None:
        offset_min = int(offset.total_seconds() // 60)
    return When(moment.replace(tzinfo=None), offset_min, precision or "exact")


def parse_day(text: str | None, what: str) -> str | None:
    """An ISO date (for consent dates, status dates); empty means none."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise EvidenceDeskError(f"{what} must be a date like 2022-01-07, not {text!r}") from None


def parse_offset_minutes(text: str | None) -> int | None:
    """``+06:00`` → 360, ``-03:30`` → -210; empty means unknown."""
    if text is None or not text.strip():
        return None
    try:
        offset = datetime.fromisoformat("2000-01-01T00:00" + text.strip()).utcoffset()
    except ValueError:
        offset = None
    if offset is None:
        raise EvidenceDeskError(f"a UTC offset looks like +06:00, not {text!r}")
    return int(offset.total_seconds() // 60)
