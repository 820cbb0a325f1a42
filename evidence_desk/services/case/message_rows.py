"""The chat messages linked to an incident, as ``incident show`` lists them.

Apart from ``incident_messages`` (which changes the links and returns the
incident) so ``incidents.incident_record`` can list them without a cycle.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from evidence_desk.core.capture_time import format_offset
from evidence_desk.db.queries import case_incidents as queries
from evidence_desk.services.case.incident_records import LinkedMessage

TEXT_SHOWN = 200  # characters of a message's text in an incident's list


def messages_of(session: Session, incident_id: int) -> list[LinkedMessage]:
    """The incident's messages in time order: chat, id, author, time, text (shortened), note."""
    out = []
    for m, note in queries.linked_messages(session, incident_id):
        text = m.text if len(m.text) <= TEXT_SHOWN else m.text[: TEXT_SHOWN - 1] + "…"
        sent = None
        if m.sent_local is not None:
            offset = format_offset(m.sent_offset_min) if m.sent_offset_min is not None else ""
            sent = m.sent_local.isoformat() + offset
        out.append(
            LinkedMessage(
                id=m.id,
                platform=m.chat.platform,
                chat=m.chat.name,
                message_id=m.message_key,
                author=m.author,
                sent_at=sent,
                text=text,
                note=note,
            )
        )
    return out
