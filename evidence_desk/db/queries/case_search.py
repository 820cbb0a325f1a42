"""The structured case filter as SQL: selects of item and incident ids.

``services.case.search`` resolves what a person typed (a place name, a
person, violation codes with their narrower terms, the full-text hits) to
ids; these functions build the selects from those ids, so the timeline,
the catalogue and ``find_items`` narrow by the same conditions.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import (
    Incident,
    IncidentItem,
    IncidentPerson,
    IncidentViolation,
    ItemPerson,
    ItemPlace,
)

# A select of item or incident ids, composed further by the timeline and the catalogue.
IdQuery = Select[Any]


def incident_ids(
    *,
    violations: Collection[str] | None = None,
    verification: Collection[str] = (),
    incident_id: int | None = None,
    place_ids: Collection[int] | None = None,
) -> Select[Any]:
    """Ids of incidents with one of ``violations``, a ``verification`` status, the one
    incident and a place among ``place_ids`` (None or empty: any)."""
    stmt = select(Incident.id)
    if violations:
        stmt = stmt.where(
            Incident.id.in_(
                select(IncidentViolation.incident_id).where(IncidentViolation.code.in_(violations))
            )
        )
    if verification:
        stmt = stmt.where(Incident.verification.in_(verification))
    if incident_id is not None:
        stmt = stmt.where(Incident.id == incident_id)
    if place_ids is not None:
        stmt = stmt.where(Incident.place_id.in_(place_ids))
    return stmt


def item_ids(
    *,
    include_removed: bool = False,
    kinds: Collection[str] = (),
    captured_from: datetime | None = None,
    captured_to: datetime | None = None,
    matching: Collection[int] | None = None,
    incidents: Select[Any] | None = None,
    place_ids: Collection[int] | None = None,
    person_id: int | None = None,
) -> Select[Any]:
    """Ids of items meeting every condition given, by corrected capture time.

    ``matching``: only these ids (full-text hits); ``incidents``: linked to one
    of these incidents; ``place_ids`` (without ``incidents``): linked to an
    incident there or placed there; ``person_id``: showing the person or
    linked to an incident in which they have a role.
    """
    stmt = select(Item.id)
    if not include_removed:
        stmt = stmt.where(Item.removed_at.is_(None))
    if kinds:
        stmt = stmt.where(Item.kind.in_(kinds))
    if captured_from is not None:
        stmt = stmt.where(Item.captured_sort >= captured_from)
    if captured_to is not None:
        stmt = stmt.where(Item.captured_sort < captured_to)
    if matching is not None:
        stmt = stmt.where(Item.id.in_(matching))
    linked = select(IncidentItem.item_id)
    if incidents is not None:
        stmt = stmt.where(Item.id.in_(linked.where(IncidentItem.incident_id.in_(incidents))))
    elif place_ids is not None:
        at_incident = linked.join(Incident, Incident.id == IncidentItem.incident_id).where(
            Incident.place_id.in_(place_ids)
        )
        placed = select(ItemPlace.item_id).where(ItemPlace.place_id.in_(place_ids))
        stmt = stmt.where(or_(Item.id.in_(at_incident), Item.id.in_(placed)))
    if person_id is not None:
        roles = select(IncidentPerson.incident_id).where(IncidentPerson.person_id == person_id)
        shown = select(ItemPerson.item_id).where(ItemPerson.person_id == person_id)
        stmt = stmt.where(
            or_(Item.id.in_(shown), Item.id.in_(linked.where(IncidentItem.incident_id.in_(roles))))
        )
    return stmt.order_by(Item.captured_sort.is_(None), Item.captured_sort, Item.exhibit_no)


def narrow_incidents(
    stmt: Select[Any], *, person_id: int | None = None, matching: Collection[int] | None = None
) -> Select[Any]:
    """``stmt`` (of incident ids) narrowed to a person's incidents and full-text hits,
    by start time (undated last)."""
    if person_id is not None:
        stmt = stmt.where(
            Incident.id.in_(
                select(IncidentPerson.incident_id).where(IncidentPerson.person_id == person_id)
            )
        )
    if matching is not None:
        stmt = stmt.where(Incident.id.in_(matching))
    return stmt.order_by(Incident.start_sort.is_(None), Incident.start_sort, Incident.id)


def ids(session: Session, stmt: Select[Any]) -> list[int]:
    """Run a select of ids."""
    return [int(i) for i in session.scalars(stmt)]


def live_item_ids(session: Session) -> set[int]:
    """Ids of the items not removed."""
    return set(session.scalars(select(Item.id).where(Item.removed_at.is_(None))))

