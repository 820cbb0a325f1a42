"""Finding things across the catalogue and the case records.

``search`` answers a typed query with matching items, incidents, persons
and places; every word matches as a prefix and a Cyrillic word also matches
its Latin spelling. ``find_items`` answers structured questions such as
"all videos linked to incidents of torture in Atyrau":

- incident conditions (violation types with their narrower terms,
  verification status, one incident) select incidents, and an item
  qualifies when it is linked to one of them;
- a place covers the places below it; with incident conditions it applies
  to the incident's place, alone it also accepts items placed there
  directly (by GPS or by hand);
- a person qualifies items that show them or that document an incident in
  which they have a role;
- kinds, capture-time range (corrected times) and text narrow the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from evidence_desk.db import dialect
from evidence_desk.db.models import Item
from evidence_desk.db.models_case import (
    Incident,
    IncidentItem,
    IncidentPerson,
    IncidentViolation,
    ItemPerson,
    ItemPlace,
)
from evidence_desk.db.queries import messages as message_queries
from evidence_desk.db.queries import search as search_queries
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case.common import resolve_incident
from evidence_desk.services.case.dates import iso
from evidence_desk.services.case.index import subtree_ids
from evidence_desk.services.case.persons import resolve_person
from evidence_desk.services.case.places import find_places, resolve_place
from evidence_desk.services.case.translit import has_cyrillic, to_latin
from evidence_desk.services.case.vocabularies import with_narrower

MAX_HITS = 5000
NO_LIMIT = search_queries.NO_LIMIT


@dataclass(frozen=True)
class CaseFilter:
    """What the catalogue, the timeline and ``find_items`` filter on; empty means any."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    violations: tuple[str, ...] = ()
    verification: tuple[str, ...] = ()
    place: str | None = None
    incident: str | None = None
    person: str | None = None
    captured_from: datetime | None = None
    captured_to: datetime | None = None
    include_removed: bool = False

    @property
    def has_incident_conditions(self) -> bool:
        return bool(self.violations or self.verification or self.incident)


def fts_query(user_text: str) -> str:
    """Every word as a prefix, AND-ed; a Cyrillic word also as its Latin spelling."""
    parts = []
    for word in user_text.split():
        word = word.replace('"', "")
        if not word:
            continue
        if has_cyrillic(word):
            parts.append(
                dialect.fts_any([dialect.fts_prefix(word), dialect.fts_prefix(to_latin(word))])
            )
        else:
            parts.append(dialect.fts_prefix(word))
    return " AND ".join(parts)


def _case_hits(
    session: Session, query: str, records: tuple[str, ...], limit: int = NO_LIMIT
) -> list[int]:
    if not query:
        return []
    return search_queries.match_case_records(session, query, records, limit)


def text_item_ids(session: Session, user_text: str, limit: int = NO_LIMIT) -> list[int]:
    """Items whose own text, case context or messages match, best first."""
    query = fts_query(user_text)
    if not query:
        return []
    ids = search_queries.match_items(session, query, limit)
    ids += _case_hits(session, query, ("testimony", "item"), limit)
    ids += message_queries.items_of_matching_messages(session, query, limit)
    return list(dict.fromkeys(ids))


def search(archive: Archive, user_text: str) -> dict[str, list[int]]:
    """Ids of matching items, incidents, persons and places (best first)."""
    query = fts_query(user_text)
    with archive.db.reader() as session:
        live = set(session.scalars(select(Item.id).where(Item.removed_at.is_(None))))
        return {
            "items": [i for i in text_item_ids(session, user_text, MAX_HITS) if i in live],
            "incidents": _case_hits(session, query, ("incident",), MAX_HITS),
            "persons": _case_hits(session, query, ("person",), MAX_HITS),
            "places": [p.id for p in find_places(session, user_text)],
        }


def incident_ids(session: Session, flt: CaseFilter, *, with_place: bool) -> Select[Any]:
    """A select of the ids of incidents meeting the filter's incident conditions."""
    stmt = select(Incident.id)
    if flt.violations:
        codes = with_narrower(session, "violation_types", list(flt.violations))
        stmt = stmt.where(
            Incident.id.in_(
                select(IncidentViolation.incident_id).where(IncidentViolation.code.in_(codes))
            )
        )
    if flt.verification:
        stmt = stmt.where(Incident.verification.in_(flt.verification))
    if flt.incident:
        stmt = stmt.where(Incident.id == resolve_incident(session, flt.incident).id)
    if with_place and flt.place:
        stmt = stmt.where(Incident.place_id.in_(subtree_ids(session, _place_id(session, flt))))
    return stmt


def _place_id(session: Session, flt: CaseFilter) -> int:
    assert flt.place is not None
    return resolve_place(session, flt.place).id


def item_query(session: Session, flt: CaseFilter) -> Select[Any]:
    """The select of ``Item.id`` for a filter, ordered by corrected capture time."""
    stmt = select(Item.id)
    if not flt.include_removed:
        stmt = stmt.where(Item.removed_at.is_(None))
    if flt.kinds:
        stmt = stmt.where(Item.kind.in_(flt.kinds))
    if flt.captured_from is not None:
        stmt = stmt.where(Item.captured_sort >= flt.captured_from)
    if flt.captured_to is not None:
        stmt = stmt.where(Item.captured_sort < flt.captured_to)
    if flt.text.strip():
        stmt = stmt.where(Item.id.in_(text_item_ids(session, flt.text)))
    linked = select(IncidentItem.item_id)
    if flt.has_incident_conditions:
        incidents = incident_ids(session, flt, with_place=True)
        stmt = stmt.where(Item.id.in_(linked.where(IncidentItem.incident_id.in_(incidents))))
    elif flt.place:
        places = subtree_ids(session, _place_id(session, flt))
        at_incident = linked.join(Incident, Incident.id == IncidentItem.incident_id).where(
            Incident.place_id.in_(places)
        )
        placed = select(ItemPlace.item_id).where(ItemPlace.place_id.in_(places))
        stmt = stmt.where(or_(Item.id.in_(at_incident), Item.id.in_(placed)))
    if flt.person:
        person = resolve_person(session, flt.person)
        roles = select(IncidentPerson.incident_id).where(IncidentPerson.person_id == person.id)
        shown = select(ItemPerson.item_id).where(ItemPerson.person_id == person.id)
        stmt = stmt.where(
            or_(Item.id.in_(shown), Item.id.in_(linked.where(IncidentItem.incident_id.in_(roles))))
        )
    return stmt.order_by(Item.captured_sort.is_(None), Item.captured_sort, Item.exhibit_no)


def find_items(archive: Archive, flt: CaseFilter) -> list[int]:
    """Ids of the items meeting every condition of ``flt``, in capture-time order."""
    with archive.db.reader() as session:
        return list(session.scalars(item_query(session, flt)))


def find_incidents(archive: Archive, flt: CaseFilter) -> list[int]:
    """Ids of incidents meeting the filter's incident conditions, place, person and text."""
    with archive.db.reader() as session:
        return list(session.scalars(incident_query(session, flt)))


def incident_query(session: Session, flt: CaseFilter) -> Select[Any]:
    stmt = incident_ids(session, flt, with_place=True)
    if flt.person:
        person = resolve_person(session, flt.person)
        stmt = stmt.where(
            Incident.id.in_(
                select(IncidentPerson.incident_id).where(IncidentPerson.person_id == person.id)
            )
        )
    if flt.text.strip():
        stmt = stmt.where(Incident.id.in_(_case_hits(session, fts_query(flt.text), ("incident",))))
    return stmt.order_by(Incident.start_sort.is_(None), Incident.start_sort, Incident.id)


def describe_items(archive: Archive, ids: list[int]) -> list[dict[str, Any]]:
    """Short rows (exhibit, kind, title, capture time) for item ids, in the given order."""
    with archive.db.reader() as session:
        rows = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(ids)))}
        return [
            {
                "item_id": i.id,
                "id": i.uuid,
                "exhibit": i.exhibit,
                "kind": i.kind,
                "title": i.title,
                "captured_sort": iso(i.captured_sort),
            }
            for i in (rows[n] for n in ids if n in rows)
        ]
