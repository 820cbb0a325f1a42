"""What the testimony services return: typed records with the documented JSON shape.

Kept apart from :mod:`testimonies` so that module stays about the rules
(versions, consent, custody), not the shape of its answers. The protected
identity is in a record only after an explicit, logged reveal.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from evidence_desk.services.case.incident_records import IncidentSummary
from evidence_desk.services.case.place_records import PlaceSummary


@dataclass(frozen=True)
class Version:
    """One version of the statement or the translation (the text is fetched on its own)."""

    field: str
    version: int
    sha256: str
    size: int
    created_at: str
    actor: str
    note: str


@dataclass(frozen=True)
class Consent:
    """What the witness agreed to, when and how."""

    court: bool
    advocacy: bool
    publication: bool
    anonymity_requested: bool
    date: str | None
    method: str


@dataclass(frozen=True)
class Identity:
    """The witness's protected identity: only in a record after a logged reveal."""

    real_name: str
    contact: str
    notes: str


@dataclass(frozen=True)
class Attachment:
    """A recording or scan linked to a testimony; an item of its own."""

    item_id: int
    id: str
    exhibit: str
    kind: str
    title: str
    sha256: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AttachedTo:
    """A testimony an item is attached to (codes only)."""

    item_id: int
    exhibit: str
    witness_code: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_TEXT_KEYS = ("statement", "translation", "versions")


@dataclass(frozen=True)
class TestimonyRecord:
    """A testimony without its protected identity (``identity`` is set only by a reveal).

    ``statement``, ``translation`` and ``versions`` are None in a list
    (texts left out), and then absent from the JSON too.
    """

    item_id: int
    id: str
    exhibit: str
    title: str
    witness_code: str
    pseudonym: str
    display_name: str
    interviewer: str
    interview_date: str | None
    interview_place: PlaceSummary | None
    language: str
    translation_language: str
    consent: Consent
    risk_notes: str
    sensitivity: str
    object_sha256: str
    identity_recorded: bool
    identity: Identity | None
    attachments: list[Attachment]
    incidents: list[IncidentSummary]
    removed: bool
    statement_version: int
    statement_sha256: str | None
    statement: str | None
    translation_version: int
    translation_sha256: str | None
    translation: str | None
    versions: list[Version] | None

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        data = asdict(self)
        return {
            f.name: data[f.name]
            for f in fields(self)
            if f.name not in _TEXT_KEYS or getattr(self, f.name) is not None
        }
