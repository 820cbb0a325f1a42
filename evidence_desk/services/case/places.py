"""The gazetteer: places with name variants, a hierarchy and optional coordinates.

A place is found by any of its names in any script ("Zhanaozen",
"Жаңаөзен", "Жанаозен" are one place), compared after folding
(``case_translit.fold``). Filters on a place include the places below it,
so "Atyrau" also covers a square in Atyrau. Items with GPS are matched to
the nearest place whose radius contains them; a place set by hand is never
overwritten by a GPS match.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import ItemPlace, Place, PlaceName
from evidence_desk.db.queries import case_places as queries
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.common import (
    display_ref,
    log_change,
    new_uuid,
    parse_ref,
    resolve_item,
)
from evidence_desk.services.case.place_records import (
    GpsMatch,
    ItemPlacement,
    PlaceRecord,
    PlaceSummary,
    PlaceVariant,
)
from evidence_desk.services.case.translit import fold
from evidence_desk.services.case.vocabularies import require_code

EARTH_RADIUS_M = 6_371_000
DEFAULT_RADIUS_M = {
    "square": 400,
    "building": 150,
    "street": 500,
    "site": 500,
    "district": 5_000,
    "city": 15_000,
}


def place_of(session: Session, place: Place) -> PlaceRecord:
    chain = case_index.place_chain(session, place.id)
    return PlaceRecord(
        id=place.id,
        ref=display_ref("place", place.id),
        uuid=place.uuid,
        code=place.code,
        name=place.name,
        kind=place.kind,
        parent_id=place.parent_id,
        path=[p.name for p in chain],
        lat=place.lat,
        lon=place.lon,
        radius_m=place.radius_m,
        names=[PlaceVariant(name=n.name, lang=n.lang) for n in place.names],
        notes=place.notes,
    )


def _path(session: Session, place: Place) -> str:
    return " / ".join(p.name for p in case_index.place_chain(session, place.id))


def summary_of_place(session: Session, place_id: int | None) -> PlaceSummary | None:
    """Enough to show a place in another record: id, name and where it is."""
    if place_id is None:
        return None
    chain = case_index.place_chain(session, place_id)
    return PlaceSummary(id=place_id, name=chain[0].name, path=[p.name for p in chain])


def find_places(session: Session, text: str) -> list[Place]:
    """Places whose names match ``text``: exact matches first, then names starting with
    it, then names with a later word starting with it ("square" → "Republic Square")."""
    wanted = fold(text)
    if not wanted:
        return []
    ranked: dict[int, tuple[int, int]] = {}
    for place_id, name in queries.all_names(session):
        key = fold(name)
        later_word = f" {wanted}" in f" {key}"
        rank = 0 if key == wanted else 1 if key.startswith(wanted) else 2 if later_word else 3
        if rank < 3:
            ranked[place_id] = min((rank, len(key)), ranked.get(place_id, (3, 0)))
    order = sorted(ranked, key=lambda pid: (ranked[pid], pid))
    places = queries.by_id(session, order)
    return [places[pid] for pid in order]


def resolve_place(session: Session, ref: str) -> Place:
    """A place by ``PL-3``, id, UUID, code or a name variant in any script.

    A name matches exactly after folding, or else as the start of exactly
    one place's name ("Mangystau" → "Mangystau Region").
    """
    parsed = parse_ref(ref, "place")
    place: Place | None = None
    if parsed and parsed[0] == "id":
        place = session.get(Place, parsed[1])
    elif parsed:
        place = queries.by_uuid(session, str(parsed[1]))
    else:
        place = queries.by_code(session, ref.strip())
    if place is not None:
        return place
    wanted = fold(ref)
    found = find_places(session, ref)
    exact = [p for p in found if wanted in {fold(n.name) for n in p.names}]
    prefixed = [p for p in found if any(fold(n.name).startswith(wanted) for n in p.names)]
    candidates = exact or prefixed
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        shown = "; ".join(f"{display_ref('place', p.id)} {_path(session, p)}" for p in candidates)
        raise EvidenceDeskError(f"{ref!r} names several places ({shown}); give the PL- number")
    raise EvidenceDeskError(f"no place {ref!r} in the gazetteer (add it with: place add)")


def optional_place(session: Session, ref: str | None) -> int | None:
    return resolve_place(session, ref).id if ref else None


def list_places(archive: Archive) -> list[PlaceRecord]:
    with archive.db.reader() as session:
        rows = queries.with_names(session)
        return sorted(
            (place_of(session, p) for p in rows), key=lambda p: list(reversed(p.path))
        )


def get_place(archive: Archive, ref: str) -> PlaceRecord:
    with archive.db.reader() as session:
        return place_of(session, resolve_place(session, ref))


def search_places(archive: Archive, text: str) -> list[PlaceRecord]:
    with archive.db.reader() as session:
        return [place_of(session, p) for p in find_places(session, text)]


def _check_coordinates(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise EvidenceDeskError("give both latitude and longitude, or neither")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise EvidenceDeskError(f"coordinates out of range: {lat}, {lon}")


def add_place(
    archive: Archive,
    name: str,
    *,
    kind: str = "site",
    parent: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    radius_m: float | None = None,
    variants: list[tuple[str, str]] = (),  # type: ignore[assignment]
    code: str | None = None,
    notes: str = "",
    lang: str = "",
) -> PlaceRecord:
    """A new place; ``variants`` are more (name, language) pairs."""
    name = " ".join(name.split())
    if not name:
        raise EvidenceDeskError("a place needs a name")
    _check_coordinates(lat, lon)
    with archive.db.writer() as session:
        require_code(session, "place_kinds", kind)
        place = Place(
            uuid=new_uuid(),
            code=_free_code(session, code),
            name=name,
            kind=kind,
            parent_id=optional_place(session, parent),
            lat=lat,
            lon=lon,
            radius_m=radius_m,
            notes=notes,
            created_at=utcnow(),
        )
        place.names.append(PlaceName(name=name, lang=lang))
        for variant, variant_lang in variants:
            if variant.strip() and variant.strip() not in {n.name for n in place.names}:
                place.names.append(PlaceName(name=variant.strip(), lang=variant_lang))
        session.add(place)
        session.flush()
        return place_of(session, place)


def _free_code(session: Session, code: str | None, own_id: int | None = None) -> str | None:
    """A code no other place has ("" and None mean none)."""
    code = (code or "").strip() or None
    holder = queries.code_holder(session, code) if code else None
    if holder is not None and holder != own_id:
        raise EvidenceDeskError(f"the code {code!r} is already used by PL-{holder:04d}")
    return code


PLACE_FIELDS = ("name", "kind", "parent", "lat", "lon", "radius_m", "notes", "code")


def update_place(archive: Archive, ref: str, **values: Any) -> PlaceRecord:
    """Change fields (``parent=""`` makes it top-level); names are re-indexed everywhere."""
    with archive.db.writer() as session:
        place = resolve_place(session, ref)
        for name, value in values.items():
            if name not in PLACE_FIELDS:
                raise EvidenceDeskError(f"{name} is not a field of a place")
            if name == "parent":
                parent_id = optional_place(session, value)
                if parent_id is not None and place.id in {
                    p.id for p in case_index.place_chain(session, parent_id)
                }:
                    raise EvidenceDeskError("a place cannot be inside itself")
                place.parent_id = parent_id
            elif name == "kind":
                place.kind = require_code(session, "place_kinds", value)
            elif name == "code":
                place.code = _free_code(session, value, place.id)
            elif name == "name":
                place.name = " ".join((value or "").split())
                if not place.name:
                    raise EvidenceDeskError("a place needs a name")
            else:
                setattr(place, name, value)
        _check_coordinates(place.lat, place.lon)
        if place.name not in {n.name for n in place.names}:
            place.names.append(PlaceName(name=place.name, lang=""))
        session.flush()
        case_index.reindex_place(session, place)
        return place_of(session, place)


def add_name(archive: Archive, ref: str, name: str, lang: str = "") -> PlaceRecord:
    with archive.db.writer() as session:
        place = resolve_place(session, ref)
        name = " ".join(name.split())
        if name and name not in {n.name for n in place.names}:
            place.names.append(PlaceName(name=name, lang=lang))
            session.flush()
            case_index.reindex_place(session, place)
        return place_of(session, place)


def remove_name(archive: Archive, ref: str, name: str) -> PlaceRecord:
    with archive.db.writer() as session:
        place = resolve_place(session, ref)
        if name == place.name:
            raise EvidenceDeskError("the display name cannot be removed; rename the place first")
        place.names = [n for n in place.names if n.name != name]
        session.flush()
        case_index.reindex_place(session, place)
        return place_of(session, place)


def delete_place(archive: Archive, ref: str) -> None:
    """Delete a place nothing refers to; otherwise say what still uses it."""
    with archive.db.writer() as session:
        place = resolve_place(session, ref)
        used = queries.uses(session, place.id)
        if used:
            raise EvidenceDeskError(f"{place.name} is still used by {', '.join(used)}")
        session.delete(place)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def nearest_place(
    places: list[Place], lat: float, lon: float, radius_m: float | None = None
) -> tuple[Place, float] | None:
    """The nearest place whose radius (its own, its kind's, or ``radius_m``) holds the point."""
    best: tuple[Place, float] | None = None
    for place in places:
        if place.lat is None or place.lon is None:
            continue
        limit = radius_m or place.radius_m or DEFAULT_RADIUS_M.get(place.kind)
        if limit is None:
            continue
        d = distance_m(lat, lon, place.lat, place.lon)
        if d <= limit and (best is None or d < best[1]):
            best = (place, d)
    return best


def match_items_by_gps(
    archive: Archive, refs: list[str] | None = None, *, radius_m: float | None = None
) -> list[GpsMatch]:
    """Place items with GPS at their nearest place; returns the items whose place changed."""
    changed: list[GpsMatch] = []
    with archive.db.writer() as session:
        places = queries.located(session)
        ids = [resolve_item(session, r).id for r in refs] if refs else None
        manual = queries.placed_by_hand(session)
        for item in queries.items_with_gps(session, ids):
            if item.id in manual:
                continue
            found = nearest_place(places, item.gps_lat or 0.0, item.gps_lon or 0.0, radius_m)
            current = queries.placement(session, item.id, "gps")
            if found is None or (current is not None and current.place_id == found[0].id):
                continue
            place, dist = found
            _set_item_place(session, archive, item, place, "gps", round(dist, 1))
            changed.append(
                GpsMatch(
                    item_id=item.id,
                    exhibit=item.exhibit,
                    place_id=place.id,
                    place=place.name,
                    distance_m=round(dist, 1),
                )
            )
    return changed


def _set_item_place(
    session: Session, archive: Archive, item: Item, place: Place, method: str, dist: float | None
) -> None:
    queries.clear_placement(session, item.id)
    session.add(
        ItemPlace(
            item_id=item.id, place_id=place.id, method=method, distance_m=dist, created_at=utcnow()
        )
    )
    session.flush()
    log_change(
        session,
        archive,
        "place",
        place.uuid,
        "place item",
        item=item,
        method=method,
        distance_m=dist,
    )
    case_index.index_item(session, item.id)


def set_item_place(archive: Archive, item_ref: str, place_ref: str | None) -> None:
    """Set an item's place by hand (``None`` clears it); GPS matching then leaves it alone."""
    with archive.db.writer() as session:
        item = resolve_item(session, item_ref)
        if place_ref is not None:
            _set_item_place(
                session, archive, item, resolve_place(session, place_ref), "manual", None
            )
            return
        old = queries.placement(session, item.id)
        if old is not None:
            place_uuid = session.get_one(Place, old.place_id).uuid
            session.delete(old)
            session.flush()
            log_change(session, archive, "place", place_uuid, "unplace item", item=item)
            case_index.index_item(session, item.id)


def item_places(session: Session, item_id: int) -> list[ItemPlacement]:
    out = []
    for pid, method, dist in queries.placements(session, item_id):
        path = [p.name for p in case_index.place_chain(session, pid)]
        out.append(ItemPlacement(id=pid, name=path[0], path=path, method=method, distance_m=dist))
    return out
