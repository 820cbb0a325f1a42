"""The chat messages linked to an incident, as ``incident show`` lists them.

Apart from ``incident_messages`` (which changes the links and returns the
incident) so ``incidents.incident_to_json`` can list them without a cycle.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from evidence_desk.core.capture_time import format_offset
from evidence_desk.db.models_messages import ChatMessage, IncidentMessage

TEXT_SHOWN = 200  # characters of a message's text in an incident's list


def messages_of(session: Session, incident_id: int) -> list[dict[str, Any]]:
    """The incident's messages in time order: chat, id, author, time, text (shortened), note."""
    rows = session.execute(
        select(ChatMessage, IncidentMessage.note)
        .join(IncidentMessage, IncidentMessage.message_id == ChatMessage.id)
        .where(IncidentMessage.incident_id == incident_id)
        .options(selectinload(ChatMessage.chat))
        .order_by(ChatMessage.sent_sort, ChatMessage.id)
    )
    out = []
    for m, note in rows:
        text = m.text if len(m.text) <= TEXT_SHOWN else m.text[: TEXT_SHOWN - 1] + "…"
        sent = None
        if m.sent_local is not None:
            offset = format_offset(m.sent_offset_min) if m.sent_offset_min is not None else ""
            sent = m.sent_local.isoformat() + offset
        out.append(
            {
                "id": m.id,
                "platform": m.chat.platform,
                "chat": m.chat.name,
                "message_id": m.message_key,
                "author": m.author,
                "sent_at": sent,
                "text": text,
                "note": note,
            }
        )
    return out
