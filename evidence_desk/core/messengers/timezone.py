"""The UTC offset a person states for times that carry none (WhatsApp).

A WhatsApp line says "18:30" in the phone's wall-clock time. Only someone
who knows where the phone was can say which offset that was (Kazakhstan in
January 2022 was UTC+6 in Almaty, UTC+5 in the west). The statement is an
IANA zone name ("Asia/Almaty", daylight saving applied per date) or a fixed
offset ("+06:00", "UTC+6"); without one the time stays "offset unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from evidence_desk.core.messengers.model import MessageTime

_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.I)


@dataclass(frozen=True)
class StatedZone:
    """A zone as the user stated it: ``text`` is kept for the record."""

    text: str
    kind: str  # "iana" or "offset"
    tz: tzinfo


def parse_zone(text: str) -> StatedZone:
    """A StatedZone, or ValueError saying what was not understood."""
    value = text.strip()
    if value.upper() in ("UTC", "GMT", "Z"):
        return StatedZone(value, "offset", UTC)
    m = _OFFSET.match(value)
    if m:
        sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes >= 60:
            raise ValueError(f"time zone {text!r}: offset out of range (at most ±14:00)")
        delta = timedelta(hours=hours, minutes=minutes)
        return StatedZone(value, "offset", timezone(-delta if sign == "-" else delta))
    if "/" in value and ".." not in value and not value.startswith("/"):
        try:
            return StatedZone(value, "iana", ZoneInfo(value))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise ValueError(
        f"time zone {text!r} not understood: give an IANA name such as Asia/Almaty "
        "or an offset such as +06:00"
    )


def apply_zone(time: MessageTime, zone: StatedZone) -> MessageTime:
    """``time`` with the offset the stated zone had at that wall-clock time."""
    aware = time.local.replace(tzinfo=zone.tz)
    delta = aware.utcoffset()
    minutes = int(delta.total_seconds() // 60) if delta is not None else None
    return replace(time, offset_minutes=minutes)


def format_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
