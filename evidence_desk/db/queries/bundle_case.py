"""The case records a bundle carries (incidents, persons, testimonies, places) read for
its items, and the look-ups importing them needs.

Item ids are asked in chunks of ``CHUNK`` in the order given, so the records
come out in the same order however many items a bundle holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import (
    Incident,
    IncidentItem,
    IncidentPerson,
    ItemPerson,
    ItemPlace,
    Person,
    PersonName,
    Testimony,
)
from evidence_desk.db.queries import chunks

# -- export: what the items of a bundle are linked to --


def incident_item_uuids(session: Session, incident_id: int) -> list[str]:
    """UUIDs of the items linked to an incident, in exhibit order."""
    return list(
        session.scalars(
            select(Item.uuid)
            .join(IncidentItem, IncidentItem.item_id == Item.id)
            .where(IncidentItem.incident_id == incident_id)
            .order_by(Item.exhibit_no)
        )
    )


def incident_links(session: Session, item_ids: Sequence[int]) -> dict[int, list[IncidentItem]]:
    """Incident id -> its links to these items."""
    links: dict[int, list[IncidentItem]] = {}
    for chunk in chunks(item_ids):
        for link in session.scalars(select(IncidentItem).where(IncidentItem.item_id.in_(chunk))):
            links.setdefault(link.incident_id, []).append(link)
    return links


def incidents_by_start(session: Session, ids: Sequence[int]) -> list[Incident]:
    return list(
        session.scalars(
            select(Incident).where(Incident.id.in_(list(ids))).order_by(Incident.start_sort)
        )
    )


def incident_roles(session: Session, incident_id: int) -> list[tuple[str, str, str]]:
    """(person UUID, role, note) of each person linked to an incident, as linked."""
    rows = session.execute(
        select(Person.uuid, IncidentPerson.role, IncidentPerson.note)
        .join(IncidentPerson, IncidentPerson.person_id == Person.id)
        .where(IncidentPerson.incident_id == incident_id)
        .order_by(IncidentPerson.id)
    )
    return [(uuid, role, note) for uuid, role, note in rows]


def person_links(session: Session, item_ids: Sequence[int]) -> list[tuple[ItemPerson, str]]:
    """Links of these items to persons, each with the person's UUID."""
    found: list[tuple[ItemPerson, str]] = []
    for chunk in chunks(item_ids):
        rows = session.execute(
            select(ItemPerson, Person.uuid)
            .join(Person, Person.id == ItemPerson.person_id)
            .where(ItemPerson.item_id.in_(chunk))
        )
        found += [(link, uuid) for link, uuid in rows]
    return found


def persons_by_uuid(session: Session, uuids: Sequence[str]) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.uuid.in_(list(uuids)))))


def testimonies_of(session: Session, item_ids: Sequence[int]) -> Iterator[tuple[Item, Testimony]]:
    """(statement item, testimony) of those items that are testimonies, by exhibit per chunk."""
    for chunk in chunks(item_ids):
        rows = session.execute(
            select(Item, Testimony)
            .join(Testimony, Testimony.item_id == Item.id)
            .where(Item.id.in_(chunk))
            .order_by(Item.exhibit_no)
        )
        yield from ((item, testimony) for item, testimony in rows)


def item_places(session: Session, item_ids: Sequence[int]) -> Iterator[ItemPlace]:
    """Where these items were placed (by GPS or by hand)."""
    for chunk in chunks(item_ids):
        yield from session.scalars(select(ItemPlace).where(ItemPlace.item_id.in_(chunk)))


# -- import: matching a bundle's records to this archive's --


def item_by_exhibit(session: Session, number: int) -> Item | None:
    return session.scalar(select(Item).where(Item.exhibit_no == number))




def uuid_taken(session: Session, model: Any, uuid: str) -> bool:
    """Whether a record of ``model`` (a case model with a ``uuid``) already has this UUID."""
    return bool(session.scalar(select(model.id).where(model.uuid == uuid)))


# The bundle's fields may be anything (hostile input): compared, never trusted.












def person_ids_named(session: Session, names: set[str]) -> set[int]:
    """Ids of the persons with any of these names, exactly."""
    return set(session.scalars(select(PersonName.person_id).where(PersonName.name.in_(names))))






def witness_code_taken(session: Session, code: str) -> bool:
    """Whether a testimony here has this witness code, ignoring case."""
    found = session.scalar(
        select(Testimony.item_id).where(func.lower(Testimony.witness_code) == code.lower())
    )
    return bool(found)
