"""What the gazetteer services return: typed records with the documented JSON shape.

Kept apart from :mod:`places` so that module stays about the rules (names,
hierarchy, GPS matching), not the shape of its answers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class PlaceSummary:
    """Enough to show a place in another record: id, name and where it is."""

    id: int
    name: str
    path: list[str]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PlaceVariant:
    """One name of a place, in the language it was given in ("" when not said)."""

    name: str
    lang: str


@dataclass(frozen=True)
class PlaceRecord:
    """A gazetteer entry; ``path`` runs from the place up to the country."""

    id: int
    ref: str
    uuid: str
    code: str | None
    name: str
    kind: str
    parent_id: int | None
    path: list[str]
    lat: float | None
    lon: float | None
    radius_m: float | None
    names: list[PlaceVariant]
    notes: str

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        return asdict(self)


@dataclass(frozen=True)
class GpsMatch:
    """An item that GPS matching placed (or moved) at its nearest place."""

    item_id: int
    exhibit: str
    place_id: int
    place: str
    distance_m: float

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ItemPlacement:
    """Where an item is, and how that was decided (``gps`` or ``manual``)."""

    id: int
    name: str
    path: list[str]
    method: str
    distance_m: float | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
