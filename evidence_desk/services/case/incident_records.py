"""What the incident services return: typed records with the documented JSON shape.

Kept apart from :mod:`incidents` so that module stays about the rules (times,
violations, links and their custody events), not the shape of its answers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from evidence_desk.services.case.place_records import PlaceSummary


@dataclass(frozen=True)
class IncidentSummary:
    """Enough to name an incident in another record (an item's or a testimony's)."""

    id: int
    ref: str
    uuid: str
    title: str
    start: str | None
    verification: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ViolationLabel:
    """A violation type of an incident, labelled in the language asked for."""

    code: str
    label: str


@dataclass(frozen=True)
class LinkedItem:
    """A file or testimony documenting the incident, with why it was linked."""

    item_id: int
    exhibit: str
    kind: str
    title: str
    note: str


@dataclass(frozen=True)
class PersonRole:
    """A person's role in the incident; ``sensitive`` asks views to hide the name."""

    person_id: int
    ref: str
    name: str
    sensitive: bool
    role: str
    note: str


@dataclass(frozen=True)
class LinkedMessage:
    """A chat message documenting the incident; ``text`` is shortened for a list."""

    id: int
    platform: str
    chat: str | None
    message_id: str
    author: str | None
    sent_at: str | None
    text: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class IncidentRecord:
    """An incident with everything linked to it, as ``incident show`` prints it."""

    id: int
    ref: str
    uuid: str
    title: str
    start: str | None
    verification: str
    description: str
    notes: str
    start_precision: str | None
    end: str | None
    end_precision: str | None
    start_sort: str | None
    end_sort: str | None
    place: PlaceSummary | None
    violations: list[ViolationLabel]
    items: list[LinkedItem]
    persons: list[PersonRole]
    messages: list[LinkedMessage]
    created_at: str | None
    updated_at: str | None

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        return asdict(self)


@dataclass(frozen=True)
class IncidentRow:
    """One light row of an incident list: counts instead of the linked records."""

    id: int
    ref: str
    uuid: str
    title: str
    start: str | None
    verification: str
    start_sort: str | None
    place: str | None  # the place's own name
    violations: list[str]
    items: int
    persons: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MessageIncident:
    """An incident a chat message is linked to, with the link's note."""

    ref: str
    title: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
