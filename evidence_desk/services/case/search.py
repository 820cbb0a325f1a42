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

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db import dialect
from evidence_desk.db.queries import case_search as queries
from evidence_desk.db.queries import item_lookup
from evidence_desk.db.queries import messages as message_queries
from evidence_desk.db.queries import search as search_queries
from evidence_desk.db.queries.case_search import IdQuery
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
class SearchHits:
    """Ids of what a typed query found, best first, by kind of record."""

    items: list[int]
    incidents: list[int]
    persons: list[int]
    places: list[int]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ItemBrief:
    """An item in a list of search results: ``id`` is its UUID."""

    item_id: int
    id: str
    exhibit: str
    kind: str
    title: str
    captured_sort: str | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


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


def search(archive: Archive, user_text: str) -> SearchHits:
    """Ids of matching items, incidents, persons and places (best first)."""
    query = fts_query(user_text)
    with archive.db.reader() as session:
        live = queries.live_item_ids(session)
        return SearchHits(
            items=[i for i in text_item_ids(session, user_text, MAX_HITS) if i in live],
            incidents=_case_hits(session, query, ("incident",), MAX_HITS),
            persons=_case_hits(session, query, ("person",), MAX_HITS),
            places=[p.id for p in find_places(session, user_text)],
        )


def incident_ids(session: Session, flt: CaseFilter, *, with_place: bool) -> IdQuery:
    """A select of the ids of incidents meeting the filter's incident conditions."""
    return queries.incident_ids(
        violations=(
            with_narrower(session, "violation_types", list(flt.violations))
            if flt.violations
            else None
        ),
        verification=flt.verification,
        incident_id=resolve_incident(session, flt.incident).id if flt.incident else None,
        place_ids=(
            subtree_ids(session, _place_id(session, flt)) if with_place and flt.place else None
        ),
    )


def _place_id(session: Session, flt: CaseFilter) -> int:
    assert flt.place is not None
    return resolve_place(session, flt.place).id


def item_query(session: Session, flt: CaseFilter) -> IdQuery:
    """The select of ``Item.id`` for a filter, ordered by corrected capture time."""
    incidents = None
    places = None
    if flt.has_incident_conditions:
        incidents = incident_ids(session, flt, with_place=True)
    elif flt.place:
        places = subtree_ids(session, _place_id(session, flt))
    return queries.item_ids(
        include_removed=flt.include_removed,
        kinds=flt.kinds,
        captured_from=flt.captured_from,
        captured_to=flt.captured_to,
        matching=text_item_ids(session, flt.text) if flt.text.strip() else None,
        incidents=incidents,
        place_ids=places,
        person_id=resolve_person(session, flt.person).id if flt.person else None,
    )


def find_items(archive: Archive, flt: CaseFilter) -> list[int]:
    """Ids of the items meeting every condition of ``flt``, in capture-time order."""
    with archive.db.reader() as session:
        return queries.ids(session, item_query(session, flt))


def find_incidents(archive: Archive, flt: CaseFilter) -> list[int]:
    """Ids of incidents meeting the filter's incident conditions, place, person and text."""
    with archive.db.reader() as session:
        return queries.ids(session, incident_query(session, flt))


def incident_query(session: Session, flt: CaseFilter) -> IdQuery:
    return queries.narrow_incidents(
        incident_ids(session, flt, with_place=True),
        person_id=resolve_person(session, flt.person).id if flt.person else None,
        matching=(
            _case_hits(session, fts_query(flt.text), ("incident",)) if flt.text.strip() else None
        ),
    )


def describe_items(archive: Archive, ids: list[int]) -> list[ItemBrief]:
    """Short rows (exhibit, kind, title, capture time) for item ids, in the given order."""
    with archive.db.reader() as session:
        rows = {i.id: i for i in item_lookup.items_by_ids(session, ids)}
        return [
            ItemBrief(
                item_id=i.id,
                id=i.uuid,
                exhibit=i.exhibit,
                kind=i.kind,
                title=i.title,
                captured_sort=iso(i.captured_sort),
            )
            for i in (rows[n] for n in ids if n in rows)
        ]
