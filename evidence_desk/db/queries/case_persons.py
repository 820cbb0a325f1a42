"""Persons' reads: lookups, names for matching, roles and item links.

``services.case.persons`` keeps the rules (names in any script, merges,
redaction) and the custody events; these only fetch rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import Incident, IncidentPerson, ItemPerson, Person, PersonName


def by_uuid(session: Session, uuid: object) -> Person | None:
    return session.scalar(select(Person).where(Person.uuid == uuid))


def in_order(session: Session, *, include_merged: bool) -> Sequence[Person]:
    """Every person by id (without the tombstones of merges unless asked)."""
    stmt = select(Person).order_by(Person.id)
    if not include_merged:
        stmt = stmt.where(Person.merged_into_id.is_(None))
    return session.scalars(stmt).all()


def all_names(session: Session) -> list[tuple[int, str]]:
    """(person id, name) of every name and alias, for matching in Python (any script)."""
    rows = session.execute(select(PersonName.person_id, PersonName.name))
    return [(int(pid), name) for pid, name in rows]


def incident_roles(session: Session, person_id: int) -> list[tuple[int, str, str]]:
    """(incident id, title, role) of a person's roles, by the incidents' start."""
    rows = session.execute(
        select(Incident.id, Incident.title, IncidentPerson.role)
        .join(IncidentPerson, IncidentPerson.incident_id == Incident.id)
        .where(IncidentPerson.person_id == person_id)
        .order_by(Incident.start_sort, Incident.id)
    )
    return [(int(i), title, role) for i, title, role in rows]


def role_links(session: Session, person_id: int) -> Sequence[IncidentPerson]:
    stmt = select(IncidentPerson).where(IncidentPerson.person_id == person_id)
    return session.scalars(stmt).all()


def role_link(
    session: Session, incident_id: int, person_id: int, role: str
) -> IncidentPerson | None:
    return session.scalar(
        select(IncidentPerson).where(
            IncidentPerson.incident_id == incident_id,
            IncidentPerson.person_id == person_id,
            IncidentPerson.role == role,
        )
    )


def merged_into(session: Session, person_id: int) -> Sequence[Person]:
    """The records earlier merged into this one."""
    return session.scalars(select(Person).where(Person.merged_into_id == person_id)).all()


def item_ids_of(session: Session, person_id: int) -> set[int]:
    return set(session.scalars(select(ItemPerson.item_id).where(ItemPerson.person_id == person_id)))


def item_links(session: Session, person_id: int) -> Sequence[ItemPerson]:
    return session.scalars(select(ItemPerson).where(ItemPerson.person_id == person_id)).all()


def linked_items(session: Session, person_id: int) -> list[tuple[Item, ItemPerson]]:
    """(item, link) of the items that show or mention a person, by exhibit number."""
    rows = session.execute(
        select(Item, ItemPerson)
        .join(ItemPerson, ItemPerson.item_id == Item.id)
        .where(ItemPerson.person_id == person_id)
        .order_by(Item.exhibit_no)
    )
    return [(item, link) for item, link in rows]


def of_item(session: Session, item_id: int) -> list[tuple[Person, str]]:
    """(person, relation) of the persons an item shows or mentions."""
    rows = session.execute(
        select(Person, ItemPerson.relation)
        .join(ItemPerson, ItemPerson.person_id == Person.id)
        .where(ItemPerson.item_id == item_id)
    )
    return [(person, relation) for person, relation in rows]
