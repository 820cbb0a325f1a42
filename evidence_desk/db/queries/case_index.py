"""What the case index quotes, and which records to re-index when something changes.

``services.case.index`` decides what goes into a case document (names in
every script, vocabulary labels, place names up the hierarchy); these fetch
the rows it quotes and the records that quote a changed one. The documents
themselves are stored and matched by ``db.queries.search``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import ItemLink
from evidence_desk.db.models_case import (
    Incident,
    IncidentItem,
    IncidentPerson,
    IncidentViolation,
    ItemPerson,
    ItemPlace,
    Person,
    PersonName,
    PersonStatus,
    Place,
    Testimony,
    TestimonyVersion,
)


def person_names(session: Session, person_id: int) -> list[str]:
    """A person's names and aliases, in their order."""
    return list(
        session.scalars(
            select(PersonName.name)
            .where(PersonName.person_id == person_id)
            .order_by(PersonName.position)
        )
    )


def incident_roles(session: Session, incident_id: int) -> list[tuple[int, str]]:
    """(person id, role) of an incident's roles."""
    rows = session.execute(
        select(IncidentPerson.person_id, IncidentPerson.role).where(
            IncidentPerson.incident_id == incident_id
        )
    )
    return [(int(pid), role) for pid, role in rows]


def texts_by_version(session: Session, item_id: int) -> list[tuple[str, str]]:
    """(field, text) of a testimony's versions, oldest first."""
    rows = session.execute(
        select(TestimonyVersion.field, TestimonyVersion.text)
        .where(TestimonyVersion.item_id == item_id)
        .order_by(TestimonyVersion.version)
    )
    return [(field, text) for field, text in rows]


def incidents_of_item(session: Session, item_id: int) -> Sequence[Incident]:
    return session.scalars(
        select(Incident).join(IncidentItem).where(IncidentItem.item_id == item_id)
    ).all()


def places_of_item(session: Session, item_id: int) -> list[int]:
    return list(session.scalars(select(ItemPlace.place_id).where(ItemPlace.item_id == item_id)))


def persons_of_item(session: Session, item_id: int) -> list[int]:
    return list(session.scalars(select(ItemPerson.person_id).where(ItemPerson.item_id == item_id)))


def witness_codes_of_item(session: Session, item_id: int, relation: str) -> list[str]:
    """Witness codes of the testimonies an item is attached to."""
    return list(
        session.scalars(
            select(Testimony.witness_code)
            .join(ItemLink, ItemLink.from_item_id == Testimony.item_id)
            .where(ItemLink.to_item_id == item_id, ItemLink.relation == relation)
        )
    )




def incidents_of_person(session: Session, person_id: int) -> Sequence[Incident]:
    return session.scalars(
        select(Incident).join(IncidentPerson).where(IncidentPerson.person_id == person_id)
    ).all()


def items_of_person(session: Session, person_id: int) -> list[int]:
    stmt = select(ItemPerson.item_id).where(ItemPerson.person_id == person_id)
    return list(session.scalars(stmt))


def child_places(session: Session, parent_ids: Collection[int]) -> Sequence[int]:
    return session.scalars(select(Place.id).where(Place.parent_id.in_(parent_ids))).all()


def incidents_at(session: Session, place_ids: Collection[int]) -> Sequence[Incident]:
    return session.scalars(select(Incident).where(Incident.place_id.in_(place_ids))).all()


def testimonies_at(session: Session, place_ids: Collection[int]) -> Sequence[Testimony]:
    stmt = select(Testimony).where(Testimony.interview_place_id.in_(place_ids))
    return session.scalars(stmt).all()


def persons_with_status_at(session: Session, place_ids: Collection[int]) -> Sequence[Person]:
    stmt = select(Person).join(PersonStatus).where(PersonStatus.place_id.in_(place_ids))
    return session.scalars(stmt.distinct()).all()


def items_at(session: Session, place_ids: Collection[int]) -> list[int]:
    stmt = select(ItemPlace.item_id).where(ItemPlace.place_id.in_(place_ids))
    return list(session.scalars(stmt))


def incidents_with_violations(session: Session, codes: Collection[str]) -> Sequence[Incident]:
    stmt = select(Incident).join(IncidentViolation).where(IncidentViolation.code.in_(codes))
    return session.scalars(stmt.distinct()).all()


def incidents_with_roles(session: Session, roles: Collection[str]) -> Sequence[Incident]:
    stmt = select(Incident).join(IncidentPerson).where(IncidentPerson.role.in_(roles))
    return session.scalars(stmt.distinct()).all()


def persons_with_terms(session: Session, codes: Collection[str]) -> Sequence[Person]:
    """Persons with one of these statuses or occupations."""
    stmt = (
        select(Person)
        .outerjoin(PersonStatus)
        .where(or_(PersonStatus.status.in_(codes), Person.occupation.in_(codes)))
    )
    return session.scalars(stmt.distinct()).all()


def all_persons(session: Session) -> Sequence[Person]:
    return session.scalars(select(Person)).all()


def all_incidents(session: Session) -> Sequence[Incident]:
    return session.scalars(select(Incident)).all()


def all_testimonies(session: Session) -> Sequence[Testimony]:
    return session.scalars(select(Testimony)).all()


def items_with_case_links(session: Session, relation: str) -> set[int]:
    """Ids of items linked to an incident, a place or a person, or attached to a testimony."""
    linked = set(session.scalars(select(IncidentItem.item_id)))
    linked |= set(session.scalars(select(ItemPlace.item_id)))
    linked |= set(session.scalars(select(ItemPerson.item_id)))
    linked |= set(
        session.scalars(select(ItemLink.to_item_id).where(ItemLink.relation == relation))
    )
    return linked
