"""The chat messages a bundle carries: those linked to its items, with their chats,
media and incidents, and, for the redacted profile, everyone named in their chats."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from evidence_desk.db.models_case import Incident
from evidence_desk.db.models_messages import ChatMessage, IncidentMessage, MessageItem
from evidence_desk.db.queries import chunks


def export_files_among(session: Session, item_ids: Sequence[int]) -> set[int]:
    """Those of ``item_ids`` that are a chat export file some message points into."""
    found: set[int] = set()
    for chunk in chunks(item_ids):
        found.update(
            session.scalars(
                select(ChatMessage.export_item_id)
                .where(ChatMessage.export_item_id.in_(chunk))
                .distinct()
            )
        )
    return found


def messages_of_items(session: Session, item_ids: Sequence[int]) -> set[int]:
    """Ids of the messages carrying these items or recorded from them (an export file)."""
    found: set[int] = set()
    for chunk in chunks(item_ids):
        found.update(
            session.scalars(select(MessageItem.message_id).where(MessageItem.item_id.in_(chunk)))
        )
        found.update(
            session.scalars(select(ChatMessage.id).where(ChatMessage.export_item_id.in_(chunk)))
        )
    return found


def messages_by_ids(session: Session, ids: Sequence[int]) -> list[ChatMessage]:
    """These messages, each with its chat and media loaded (no order promised)."""
    rows: list[ChatMessage] = []
    for chunk in chunks(ids):
        rows += session.scalars(
            select(ChatMessage)
            .where(ChatMessage.id.in_(chunk))
            .options(selectinload(ChatMessage.chat), selectinload(ChatMessage.media))
        )
    return rows


def incidents_of_messages(session: Session, message_ids: Sequence[int]) -> dict[int, list[str]]:
    """Message id -> UUIDs of the incidents it is linked to, in UUID order."""
    out: dict[int, list[str]] = {}
    for chunk in chunks(message_ids):
        for mid, uuid in session.execute(
            select(IncidentMessage.message_id, Incident.uuid)
            .join(Incident, Incident.id == IncidentMessage.incident_id)
            .where(IncidentMessage.message_id.in_(chunk))
            .order_by(Incident.uuid)
        ):
            out.setdefault(mid, []).append(uuid)
    return out


def people_of_chats(
    session: Session, chat_ids: Collection[int]
) -> list[tuple[str | None, str | None]]:
    """(author, forwarded from) once each, of every message of these chats."""
    people = select(ChatMessage.author, ChatMessage.forwarded_from).where(
        ChatMessage.chat_id.in_(chat_ids)
    )
    return [(author, forwarded) for author, forwarded in session.execute(people.distinct())]


def service_lines_of_chats(session: Session, chat_ids: Collection[int]) -> list[str | None]:
    """The service-line JSON (joins, renames…) once each, of every message of these chats."""
    services = select(ChatMessage.service_json).where(
        ChatMessage.chat_id.in_(chat_ids), ChatMessage.service_json.is_not(None)
    )
    return list(session.scalars(services.distinct()))
