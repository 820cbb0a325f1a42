"""What the timeline canvas paints: item points, incident and period spans, their colours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

KIND_COLOURS = {
    "photo": "#1e88e5",
    "video": "#d81b60",
    "audio": "#8e24aa",
    "document": "#6d4c41",
    "testimony": "#00897b",
    "other": "#757575",
}
PERIOD_COLOURS = ["#e53935", "#fb8c00", "#3949ab", "#43a047", "#8e24aa"]
VERIFICATION_COLOURS = {
    "verified": "#2e7d32",
    "partly_verified": "#f9a825",
    "unverified": "#78909c",
}


def parse(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return (
        value.replace(tzinfo=None)
        if value.tzinfo is None
        else value.astimezone(None).replace(tzinfo=None)
    )


def utc_naive(text: str) -> datetime:
    """A service time (naive UTC, or aware) as naive UTC."""
    from datetime import UTC

    value = datetime.fromisoformat(text)
    return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)


@dataclass
class Point:
    item_id: int
    at: datetime
    kind: str
    exhibit: str
    title: str
    corrected: bool


@dataclass
class Span:
    ident: int
    start: datetime
    end: datetime
    title: str
    colour: str
    precision: str = ""
    lane: int = 0
