"""What the timeline service returns: typed points, spans and bands with a JSON shape.

Kept apart from :mod:`timeline` so that module stays about which records
fall on the axis, not the shape of its answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from evidence_desk.services.case.place_records import PlaceSummary

if TYPE_CHECKING:
    from evidence_desk.services.case.timeline import Period


@dataclass(frozen=True)
class TimelinePoint:
    """An item at its (corrected) capture time; ``utc_known`` False: at its wall clock."""

    item_id: int
    exhibit: str
    kind: str
    title: str
    at: str | None
    utc_known: bool
    original: str | None
    corrected: bool
    offset_s: int
    precision: str | None
    source: str | None


@dataclass(frozen=True)
class TimelineSpan:
    """An incident from start to end, with its precision and place."""

    id: int
    ref: str
    uuid: str
    title: str
    start: str | None
    verification: str
    start_sort: str | None
    end_sort: str | None
    start_precision: str | None
    end_precision: str | None
    utc_known: bool
    place: PlaceSummary | None
    violations: list[str]


@dataclass(frozen=True)
class Timeline:
    """Everything the timeline draws; ``undated`` is None when items were not asked for."""

    items: list[TimelinePoint]
    incidents: list[TimelineSpan]
    periods: list[Period]
    undated: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        data: dict[str, Any] = {
            "items": [asdict(p) for p in self.items],
            "incidents": [asdict(s) for s in self.incidents],
            "periods": [p.as_json() for p in self.periods],
        }
        if self.undated is not None:
            data["undated"] = self.undated
        return data
