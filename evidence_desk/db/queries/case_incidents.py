"""The incidents' reads: linked items, persons and messages, list counts, lookups.

Plain ORM statements (the SQL SQLite and PostgreSQL share); the services in
``services.case`` decide what to do with the rows, and keep the transactions
and custody events.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import (
    Incident,
    IncidentItem,
    IncidentPerson,
    IncidentViolation,
    Person,
    Place,
)
from evidence_desk.db.models_messages import ChatMessage, IncidentMessage


def by_uuid(session: Session, uuid: object) -> Incident | None:
    return session.scalar(select(Incident).where(Incident.uuid == uuid))


def in_time_order(session: Session) -> Sequence[Incident]:
    """Every incident by start time, undated last."""
    return session.scalars(
        select(Incident).order_by(Incident.start_sort.is_(None), Incident.start_sort, Incident.id)
    ).all()


def linked_items(session: Session, incident_id: int) -> list[tuple[Item, str]]:
    """(item, link note) of the incident's items, by capture time."""
    rows = session.execute(
        select(Item, IncidentItem.note)
        .join(IncidentItem, IncidentItem.item_id == Item.id)
        .where(IncidentItem.incident_id == incident_id)
        .order_by(Item.captured_sort, Item.exhibit_no)
    )
    return [(item, note) for item, note in rows]


def linked_item_ids(session: Session, incident_id: int) -> list[int]:
    return list(
        session.scalars(select(IncidentItem.item_id).where(IncidentItem.incident_id == incident_id))
    )


def linked_persons(session: Session, incident_id: int) -> list[tuple[Person, str, str]]:
    """(person, role, note) of the incident's roles, in the order they were given."""
    rows = session.execute(
        select(Person, IncidentPerson.role, IncidentPerson.note)
        .join(IncidentPerson, IncidentPerson.person_id == Person.id)
        .where(IncidentPerson.incident_id == incident_id)
        .order_by(IncidentPerson.id)
    )
    return [(person, role, note) for person, role, note in rows]


def person_roles(
    session: Session, incident_id: int, person_id: int, role: str | None = None
) -> Sequence[IncidentPerson]:
    """A person's roles in an incident (only ``role`` when given)."""
    stmt = select(IncidentPerson).where(
        IncidentPerson.incident_id == incident_id, IncidentPerson.person_id == person_id
    )
    if role is not None:
        stmt = stmt.where(IncidentPerson.role == role)
    return session.scalars(stmt).all()


def violation_codes(session: Session) -> dict[int, list[str]]:
    """Violation codes of every incident, by incident id."""
    codes: dict[int, list[str]] = {}
    for incident_id, code in session.execute(
        select(IncidentViolation.incident_id, IncidentViolation.code)
    ):
        codes.setdefault(incident_id, []).append(code)
    return codes


def item_counts(session: Session) -> dict[int, int]:
    """Linked items per incident id."""
    rows = session.execute(
        select(IncidentItem.incident_id, func.count()).group_by(IncidentItem.incident_id)
    )
    return {int(i): int(n) for i, n in rows}


def person_counts(session: Session) -> dict[int, int]:
    """Distinct persons with a role per incident id."""
    rows = session.execute(
        select(
            IncidentPerson.incident_id, func.count(func.distinct(IncidentPerson.person_id))
        ).group_by(IncidentPerson.incident_id)
    )
    return {int(i): int(n) for i, n in rows}


def place_names(session: Session) -> dict[int, str]:
    return {int(i): name for i, name in session.execute(select(Place.id, Place.name))}


def of_item(session: Session, item_id: int) -> Sequence[Incident]:
    """The incidents an item documents, by start time."""
    return session.scalars(
        select(Incident)
        .join(IncidentItem, IncidentItem.incident_id == Incident.id)
        .where(IncidentItem.item_id == item_id)
        .order_by(Incident.start_sort, Incident.id)
    ).all()


def linked_messages(session: Session, incident_id: int) -> list[tuple[ChatMessage, str]]:
    """(message with its chat, link note) of the incident's messages, by time sent."""
    rows = session.execute(
        select(ChatMessage, IncidentMessage.note)
        .join(IncidentMessage, IncidentMessage.message_id == ChatMessage.id)
        .where(IncidentMessage.incident_id == incident_id)
        .options(selectinload(ChatMessage.chat))
        .order_by(ChatMessage.sent_sort, ChatMessage.id)
    )
    return [(message, note) for message, note in rows]


def of_message(session: Session, message_id: int) -> list[tuple[Incident, str]]:
    """(incident, link note) of the incidents a message is linked to, by start time."""
    rows = session.execute(
        select(Incident, IncidentMessage.note)
        .join(IncidentMessage, IncidentMessage.incident_id == Incident.id)
        .where(IncidentMessage.message_id == message_id)
        .order_by(Incident.start_sort, Incident.id)
    )
    return [(incident, note) for incident, note in rows]
