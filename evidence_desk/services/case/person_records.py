"""What the person services return: typed records with the documented JSON shape.

Kept apart from :mod:`persons` so that module stays about the rules (names,
statuses, merges), not the shape of its answers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from evidence_desk.services.case.place_records import PlaceSummary


@dataclass(frozen=True)
class Name:
    """One of a person's names or aliases, in whatever script it was written."""

    name: str
    kind: str  # "name" or "alias"
    lang: str


@dataclass(frozen=True)
class Status:
    """A dated status (detained, released, killed); the history is kept, not replaced."""

    id: int
    status: str
    started: str | None
    ended: str | None
    precision: str | None
    place: PlaceSummary | None
    incident_id: int | None
    note: str


@dataclass(frozen=True)
class IncidentRole:
    """The part a person played in an incident (victim, witness, alleged perpetrator)."""

    incident_id: int
    ref: str
    title: str
    role: str


@dataclass(frozen=True)
class PersonRecord:
    """A person or unit as the services show it; ``redacted`` says names and notes are hidden."""

    id: int
    ref: str
    uuid: str
    kind: str
    name: str
    names: list[Name]
    sex: str | None
    birth_year: int | None
    age: int | None
    age_date: str | None
    occupation: str
    sensitive: bool
    redacted: bool
    notes: str
    statuses: list[Status]
    incidents: list[IncidentRole]
    merged_into: str | None

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        return asdict(self)


@dataclass(frozen=True)
class LinkedPerson:
    """A person an item shows or mentions, and how."""

    id: int
    ref: str
    name: str
    relation: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PersonItem:
    """An item that shows or mentions the person, and how (the other side of LinkedPerson)."""

    item_id: int
    exhibit: str
    kind: str
    title: str
    relation: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
