"""Chat messages as evidence of an incident: link, unlink, list.

A message is linked like an item: it documents the incident ("the post
that announced the shooting"), with a note. Each change is a custody event
naming the incident and the message's record (chat and message id, no
text), so a court can see who linked what and when. Messages are named by
their record id (``messages list`` shows it).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from evidence_desk.db.models_messages import ChatMessage, IncidentMessage
from evidence_desk.db.queries import case_incidents as queries
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.common import display_ref, log_change, resolve_incident
from evidence_desk.services.case.incident_records import (
    IncidentRecord,
    LinkedMessage,
    MessageIncident,
)
from evidence_desk.services.case.incidents import incident_record
from evidence_desk.services.case.message_rows import messages_of


def _message(session: Session, ref: int | str) -> ChatMessage:
    text = str(ref).strip()
    row = session.get(ChatMessage, int(text)) if text.isdigit() else None
    if row is None:
        raise EvidenceDeskError(f"no message {text!r} (give its record id: messages list)")
    return row


def _change(
    archive: Archive, ref: str, message_refs: list[int | str], note: str, link: bool
) -> IncidentRecord:
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        for message_ref in message_refs:
            message = _message(session, message_ref)
            existing = session.get(IncidentMessage, (incident.id, message.id))
            if (existing is not None) == link:
                continue
            if link:
                session.add(
                    IncidentMessage(
                        incident_id=incident.id,
                        message_id=message.id,
                        note=note,
                        created_at=utcnow(),
                    )
                )
            else:
                session.delete(existing)
            session.flush()
            log_change(
                session,
                archive,
                "incident",
                incident.uuid,
                "link message" if link else "unlink message",
                message=message.id,
                platform=message.chat.platform,
                message_key=message.message_key,
            )
        return incident_record(session, incident)


def link_messages(
    archive: Archive, ref: str, message_refs: list[int | str], note: str = ""
) -> IncidentRecord:
    """Link messages (record ids) to the incident; the incident as JSON, with its messages."""
    return _change(archive, ref, message_refs, note, True)


def unlink_messages(archive: Archive, ref: str, message_refs: list[int | str]) -> IncidentRecord:
    return _change(archive, ref, message_refs, "", False)


def incident_messages(archive: Archive, ref: str) -> list[LinkedMessage]:
    with archive.db.reader() as session:
        return messages_of(session, resolve_incident(session, ref).id)


def incidents_of_message(archive: Archive, message_id: int) -> list[MessageIncident]:
    """The incidents a message is linked to: ref, title, note."""
    with archive.db.reader() as session:
        return [
            MessageIncident(ref=display_ref("incident", i.id), title=i.title, note=note)
            for i, note in queries.of_message(session, message_id)
        ]
