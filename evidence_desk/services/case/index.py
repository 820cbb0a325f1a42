"""The full-text index of case records (SQLite FTS5 table ``case_search``).

One row per incident, person and testimony, plus one "item" row per
catalogue item that has case links: the names of its incidents, places and
people, so that a video linked to an incident in Жаңаөзен is found by
"Zhanaozen" even though nothing in the file says so. Every document carries
the Latin spelling of its Cyrillic words (``case_translit``), and a place
is indexed with all its name variants and those of the places above it.

Documents are rebuilt when anything they quote changes: renaming a place
re-indexes the incidents, testimonies and items placed there. Places
themselves need no rows: the gazetteer is small and is matched by folded
name (``case_places.find_places``). The real identity of a witness is never
indexed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models_case import Incident, Person, Place, Testimony
from evidence_desk.db.queries import case_incidents as incident_queries
from evidence_desk.db.queries import case_index as queries
from evidence_desk.db.queries import search
from evidence_desk.services.case.translit import latin_words
from evidence_desk.services.case.vocabularies import (
    all_labels,
    terms_by_code,
    with_broader,
    with_narrower,
)

ATTACHMENT = "attachment"
# Rows are addressed by rowid = record id * 4 + record kind, because FTS5 finds
# a rowid at once but scans the whole table to match an UNINDEXED column.
_KINDS = {"item": 0, "incident": 1, "person": 2, "testimony": 3}


def _rowid(record: str, record_id: int) -> int:
    return record_id * len(_KINDS) + _KINDS[record]


def _put(session: Session, record: str, record_id: int, title: str, body: str) -> None:
    drop(session, record, record_id)
    if not (title or body):
        return
    body = "\n".join(part for part in (body, latin_words(f"{title}\n{body}")) if part)
    search.put_case_document(session, _rowid(record, record_id), record, record_id, title, body)


def drop(session: Session, record: str, record_id: int) -> None:
    search.drop_case_document(session, _rowid(record, record_id))


def place_chain(session: Session, place_id: int | None) -> list[Place]:
    """The place and every place above it, nearest first."""
    chain: list[Place] = []
    while place_id is not None:
        place = session.get(Place, place_id)
        if place is None or place in chain:
            break
        chain.append(place)
        place_id = place.parent_id
    return chain


def _memo(session: Session, name: str) -> dict[Any, Any]:
    """A cache that lives as long as the session (one transaction in the services)."""
    cache: dict[Any, Any] = session.info.setdefault(f"case_index.{name}", {})
    return cache


def forget_cached(session: Session) -> None:
    """Drop cached place names and vocabulary labels after the gazetteer or a term changed."""
    for name in ("place_text", "terms"):
        session.info.pop(f"case_index.{name}", None)


def place_text(session: Session, place_id: int | None) -> str:
    """All names of the place and of the places above it."""
    cache = _memo(session, "place_text")
    if place_id not in cache:
        names = [n.name for p in place_chain(session, place_id) for n in p.names]
        cache[place_id] = " ".join(dict.fromkeys(names))
    text: str = cache[place_id]
    return text


def person_names(session: Session, person_id: int) -> list[str]:
    return queries.person_names(session, person_id)


def _labels(session: Session, vocabulary: str, codes: Iterable[str]) -> list[str]:
    """The codes with the labels (three languages) of their terms and broader terms."""
    cache = _memo(session, "terms")
    if vocabulary not in cache:
        cache[vocabulary] = terms_by_code(session, vocabulary)
    terms = cache[vocabulary]
    out: list[str] = []
    for code in codes:
        out.append(code)
        for term in with_broader(terms, code):
            out += all_labels(term)
    return out


def index_person(session: Session, person: Person) -> None:
    if person.merged_into_id is not None:
        drop(session, "person", person.id)
        return
    names = [n.name for n in person.names]
    statuses = [s.status for s in person.statuses]
    body = names + _labels(session, "person_statuses", statuses)
    body += _labels(session, "occupations", [person.occupation] if person.occupation else [])
    body += [place_text(session, s.place_id) for s in person.statuses if s.place_id]
    body += [s.note for s in person.statuses] + [person.notes]
    _put(session, "person", person.id, names[0] if names else "", "\n".join(body))


def _incident_summary(session: Session, incident: Incident) -> list[str]:
    codes = [v.code for v in incident.violations]
    return [incident.title, *_labels(session, "violation_types", codes)] + [
        place_text(session, incident.place_id)
    ]


def index_incident(session: Session, incident: Incident) -> None:
    body = _incident_summary(session, incident)[1:] + [incident.description, incident.notes]
    for person_id, role in queries.incident_roles(session, incident.id):
        body += person_names(session, person_id) + _labels(session, "roles", [role])
    _put(session, "incident", incident.id, incident.title, "\n".join(body))


def _current_texts(session: Session, item_id: int) -> dict[str, str]:
    current: dict[str, str] = {}
    for field, body in queries.texts_by_version(session, item_id):
        current[field] = body
    return current


def index_testimony(session: Session, testimony: Testimony) -> None:
    texts = _current_texts(session, testimony.item_id)
    title = " ".join(filter(None, [testimony.witness_code, testimony.pseudonym]))
    body = [
        texts.get("statement", ""),
        texts.get("translation", ""),
        testimony.interviewer,
        testimony.language,
        place_text(session, testimony.interview_place_id),
    ]
    _put(session, "testimony", testimony.item_id, title, "\n".join(body))


def index_item(
    session: Session, item_id: int, summaries: dict[int, list[str]] | None = None
) -> None:
    """The case context of one item: its incidents, places, people and testimonies.

    ``summaries`` caches incident summaries across a batch of items.
    """
    summaries = {} if summaries is None else summaries
    body: list[str] = []
    for incident in queries.incidents_of_item(session, item_id):
        if incident.id not in summaries:
            summaries[incident.id] = _incident_summary(session, incident)
        body += summaries[incident.id]
    for place_id in queries.places_of_item(session, item_id):
        body.append(place_text(session, place_id))
    for person_id in queries.persons_of_item(session, item_id):
        body += person_names(session, person_id)
    body += queries.witness_codes_of_item(session, item_id, ATTACHMENT)
    _put(session, "item", item_id, "", "\n".join(p for p in body if p))


def reindex_items(session: Session, item_ids: Iterable[int]) -> None:
    summaries: dict[int, list[str]] = {}
    for item_id in set(item_ids):
        index_item(session, item_id, summaries)


def reindex_incident(session: Session, incident: Incident) -> None:
    """The incident and the items that quote its title, violations and place."""
    index_incident(session, incident)
    reindex_items(session, incident_queries.linked_item_ids(session, incident.id))


def reindex_person(session: Session, person: Person) -> None:
    """The person, the incidents naming them, and items they appear in."""
    index_person(session, person)
    for incident in queries.incidents_of_person(session, person.id):
        index_incident(session, incident)
    reindex_items(session, queries.items_of_person(session, person.id))


def subtree_ids(session: Session, place_id: int) -> set[int]:
    """The place and every place below it."""
    found = {place_id}
    frontier = [place_id]
    while frontier:
        children = queries.child_places(session, frontier)
        frontier = [c for c in children if c not in found]
        found.update(frontier)
    return found


def reindex_place(session: Session, place: Place) -> None:
    """Everything that quotes the names of this place or of a place above it."""
    forget_cached(session)
    ids = subtree_ids(session, place.id)
    for incident in queries.incidents_at(session, ids):
        reindex_incident(session, incident)
    for testimony in queries.testimonies_at(session, ids):
        index_testimony(session, testimony)
    for person in queries.persons_with_status_at(session, ids):
        index_person(session, person)
    reindex_items(session, queries.items_at(session, ids))


def reindex_terms(session: Session, vocabulary: str, codes: set[str]) -> None:
    """The records that quote these terms' labels, after the labels changed."""
    forget_cached(session)
    if not codes:
        return
    if vocabulary == "violation_types":
        narrower = with_narrower(session, vocabulary, list(codes))
        for incident in queries.incidents_with_violations(session, narrower):
            reindex_incident(session, incident)
    elif vocabulary == "roles":
        for incident in queries.incidents_with_roles(session, codes):
            index_incident(session, incident)
    elif vocabulary in ("person_statuses", "occupations"):
        for person in queries.persons_with_terms(session, codes):
            index_person(session, person)


def rebuild(session: Session) -> None:
    """Re-create every case document (after an import or a repair)."""
    search.clear_case_documents(session)
    for person in queries.all_persons(session):
        index_person(session, person)
    for incident in queries.all_incidents(session):
        index_incident(session, incident)
    for testimony in queries.all_testimonies(session):
        index_testimony(session, testimony)
    reindex_items(session, queries.items_with_case_links(session, ATTACHMENT))
