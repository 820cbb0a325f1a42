"""The gazetteer's reads and its one bulk delete: names for matching, lookups,
what uses a place, items with GPS, an item's placement.

``services.case.places`` keeps the rules (names in any script, the hierarchy,
GPS matching) and the custody events; these only fetch and remove rows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import (
    Incident,
    ItemPlace,
    PersonStatus,
    Place,
    PlaceName,
    Testimony,
)


def all_names(session: Session) -> list[tuple[int, str]]:
    """(place id, name) of every name variant, for matching in Python (any script)."""
    rows = session.execute(select(PlaceName.place_id, PlaceName.name))
    return [(int(pid), name) for pid, name in rows]


def by_id(session: Session, ids: Collection[int]) -> dict[int, Place]:
    return {p.id: p for p in session.scalars(select(Place).where(Place.id.in_(ids)))}


def by_uuid(session: Session, uuid: object) -> Place | None:
    return session.scalar(select(Place).where(Place.uuid == uuid))


def by_code(session: Session, code: str) -> Place | None:
    return session.scalar(select(Place).where(Place.code == code))


def with_names(session: Session) -> Sequence[Place]:
    """Every place with its names loaded, by id."""
    return session.scalars(
        select(Place).options(selectinload(Place.names)).order_by(Place.id)
    ).all()


def uses(session: Session, place_id: int) -> list[str]:
    """What still refers to a place: places inside it, incidents, testimonies,
    person statuses, items (each named once, in that order)."""
    stmts = {
        "places inside it": select(Place.id).where(Place.parent_id == place_id),
        "incidents": select(Incident.id).where(Incident.place_id == place_id),
        "testimonies": select(Testimony.item_id).where(Testimony.interview_place_id == place_id),
        "person statuses": select(PersonStatus.id).where(PersonStatus.place_id == place_id),
        "items": select(ItemPlace.item_id).where(ItemPlace.place_id == place_id),
    }
    return [what for what, stmt in stmts.items() if session.scalar(stmt.limit(1)) is not None]


def located(session: Session) -> list[Place]:
    """Places with coordinates."""
    return list(session.scalars(select(Place).where(Place.lat.is_not(None))))


def items_with_gps(session: Session, ids: Collection[int] | None = None) -> Sequence[Item]:
    """Items not removed that have GPS coordinates (only these ids when given)."""
    stmt = select(Item).where(Item.gps_lat.is_not(None), Item.removed_at.is_(None))
    if ids is not None:
        stmt = stmt.where(Item.id.in_(ids))
    return session.scalars(stmt).all()


def placed_by_hand(session: Session) -> set[int]:
    """Ids of items whose place was set by hand (GPS matching leaves them alone)."""
    return set(session.scalars(select(ItemPlace.item_id).where(ItemPlace.method == "manual")))


def placement(session: Session, item_id: int, method: str | None = None) -> ItemPlace | None:
    """An item's placement (only one made by ``method`` when given)."""
    stmt = select(ItemPlace).where(ItemPlace.item_id == item_id)
    if method is not None:
        stmt = stmt.where(ItemPlace.method == method)
    return session.scalar(stmt)


def placements(session: Session, item_id: int) -> list[tuple[int, str, float | None]]:
    """(place id, method, distance in metres) of an item's placements."""
    rows = session.execute(
        select(ItemPlace.place_id, ItemPlace.method, ItemPlace.distance_m).where(
            ItemPlace.item_id == item_id
        )
    )
    return [(int(pid), method, dist) for pid, method, dist in rows]


def clear_placement(session: Session, item_id: int) -> None:
    session.execute(delete(ItemPlace).where(ItemPlace.item_id == item_id))


def code_holder(session: Session, code: str) -> int | None:
    """The id of the place with this code."""
    return session.scalar(select(Place.id).where(Place.code == code))
