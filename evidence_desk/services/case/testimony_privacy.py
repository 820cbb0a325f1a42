"""The protected side of a testimony: the witness's identity and their consent.

The real name and contact of a witness are in ``testimony_identities`` and
nowhere else: not in the item, not in the search index, not in the custody
log (which records only which fields changed). They leave this module only
through :func:`reveal_identity`, and every reveal — who, when, why — is a
custody event. Consent decides what an export may carry:
:func:`consent_allows` for court, advocacy or publication, and
:func:`publication_view` for the little a publication may show.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models_case import Testimony, TestimonyIdentity
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.common import TESTIMONY as KIND
from evidence_desk.services.case.common import resolve_testimony
from evidence_desk.services.case.place_records import PlaceSummary
from evidence_desk.services.case.testimony_records import Identity, TestimonyRecord

IDENTITY_FIELDS = ("real_name", "contact", "notes")
PURPOSES = ("court", "advocacy", "publication")
# Showing a witness's real identity is itself a custody event (PREMIS "displaying").
REVEAL_EVENT = custody_chain.DISPLAYING


def identity_recorded(session: Session, item_id: int) -> bool:
    return session.get(TestimonyIdentity, item_id) is not None


def write_identity(session: Session, item_id: int, values: dict[str, str | None]) -> list[str]:
    unknown = set(values) - set(IDENTITY_FIELDS)
    if unknown:
        raise EvidenceDeskError(f"not an identity field: {', '.join(sorted(unknown))}")
    row = session.get(TestimonyIdentity, item_id)
    if row is None:
        row = TestimonyIdentity(item_id=item_id, real_name="", contact="", notes="")
        session.add(row)
    changed = []
    for name, value in values.items():
        if value is not None and getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    row.updated_at = utcnow()
    session.flush()
    return changed


def set_identity(archive: Archive, ref: str, **values: str | None) -> None:
    """Record or change the protected identity (real_name, contact, notes)."""
    with archive.db.writer() as session:
        item, _ = resolve_testimony(session, ref)
        changed = write_identity(session, item.id, values)
        if changed:
            custody.append(
                session,
                archive,
                custody_chain.METADATA_MODIFICATION,
                item=item,
                details={"record": KIND, "action": "identity changed", "fields": changed},
            )


def reveal_identity(archive: Archive, ref: str, reason: str = "") -> Identity | None:
    """The protected identity; the reveal (who, when, why) goes to the custody log."""
    with archive.db.writer() as session:
        item, _ = resolve_testimony(session, ref)
        row = session.get(TestimonyIdentity, item.id)
        custody.append(
            session,
            archive,
            REVEAL_EVENT,
            item=item,
            details={
                "record": KIND,
                "action": "reveal identity",
                "reason": reason,
                "recorded": row is not None,
            },
        )
        if row is None:
            return None
        return Identity(real_name=row.real_name, contact=row.contact, notes=row.notes)


def consent_allows(session: Session, item_id: int, purpose: str) -> bool:
    """Whether the witness consented to ``purpose``: court, advocacy or publication.

    Items that are not testimonies carry no consent and are allowed.
    """
    testimony = session.get(Testimony, item_id)
    if testimony is None:
        return True
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}")
    return bool(getattr(testimony, f"consent_{purpose}"))


@dataclass(frozen=True)
class PublicationView:
    """What a redacted (publication) export may show of a testimony."""

    exhibit: str
    witness: str
    language: str
    interview_date: str | None
    interview_place: PlaceSummary | None
    statement: str
    statement_sha256: str | None
    translation: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def publication_view(data: TestimonyRecord) -> PublicationView | None:
    """What a redacted (publication) export may show of a testimony, or None if nothing.

    Never the identity, the interviewer, the risk notes or the attachments;
    the interview place only when the witness did not ask for anonymity.
    """
    if not data.consent.publication:
        return None
    return PublicationView(
        exhibit=data.exhibit,
        witness=data.display_name,
        language=data.language,
        interview_date=data.interview_date,
        interview_place=None if data.consent.anonymity_requested else data.interview_place,
        statement=data.statement or "",
        statement_sha256=data.statement_sha256,
        translation=data.translation or "",
    )
