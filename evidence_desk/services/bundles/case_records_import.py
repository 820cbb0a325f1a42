"""Importing the case records of a bundle: places, persons, incidents and testimonies.

``bundle_import`` calls :func:`import_case_records` after the items are in,
with the sender's item UUIDs mapped to the exhibits they became here. Records
are merged rather than duplicated, because researchers exchange the same
incidents back and forth:

- places by UUID (seeded gazetteer places have the same UUID everywhere),
  else by a name variant that matches after folding scripts and spelling;
- persons by UUID, else by an exact name in any script (one candidate only;
  a second person with the same name is never merged by guesswork);
- incidents by UUID (an incident keeps its UUID across archives).

A merged record gains what it lacks (name variants, coordinates, links);
nothing it has is overwritten. Testimonies become testimony records on the
imported statement items, with the text of the stored file as version 1, so
``check_versions`` holds in the receiving archive too. Identities are never
in bundles, so none is imported. All of it is one transaction, and every
change is logged as the case services log it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import bundle_layout as L
from evidence_desk.db.models import Item
from evidence_desk.db.models_case import (
    Incident,
    IncidentItem,
    IncidentPerson,
    ItemPerson,
    ItemPlace,
    Person,
    PersonName,
    PersonStatus,
    Place,
    PlaceName,
)
from evidence_desk.db.queries import bundle_case as queries
from evidence_desk.db.queries import case_incidents as incidents_q
from evidence_desk.db.queries import case_persons as persons_q
from evidence_desk.db.queries import case_places as places_q
from evidence_desk.db.queries import case_vocabularies as vocabularies_q
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles import case_records as case_bundle
from evidence_desk.services.bundles.case_testimony_import import by_uuid, import_testimony
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.common import log_change
from evidence_desk.services.case.incidents import _apply as apply_incident_fields
from evidence_desk.services.case.translit import fold


@dataclass
class CaseImport:
    added: dict[str, int] = field(default_factory=dict)
    merged: dict[str, int] = field(default_factory=dict)
    links: int = 0
    messages: list[str] = field(default_factory=list)

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.merged
        target[kind] = target.get(kind, 0) + 1


CASE_FILES = (
    case_bundle.PLACES,
    case_bundle.PERSONS,
    case_bundle.INCIDENTS,
    case_bundle.TESTIMONIES,
)


def case_files(documents: dict[str, Any]) -> dict[str, Any]:
    """The case-record files among a verified bundle's validated documents."""
    out = {}
    for name in CASE_FILES:
        document = documents.get(f"{L.METADATA_DIR}/{name}")
        if document is not None:
            out[name] = document
    return out


def import_case_records(
    archive: Archive,
    files: dict[str, Any],
    items: dict[str, str],
    sender: str,
    *,
    session: Session | None = None,
) -> CaseImport:
    """Merge or add the records; ``items`` maps sender item UUIDs to local exhibits.

    With ``session`` the records join the caller's transaction (import adds a
    bundle's items and records all at once); otherwise they get their own.
    """
    result = CaseImport()
    if not files:
        return result
    if session is not None:
        _import_all(session, archive, files, items, sender, result)
        return result
    with archive.db.writer() as own:
        _import_all(own, archive, files, items, sender, result)
    return result


def _import_all(
    session: Session,
    archive: Archive,
    files: dict[str, Any],
    items: dict[str, str],
    sender: str,
    result: CaseImport,
) -> None:
    local: dict[str, Item] = {}
    for uuid, exhibit in items.items():
        found = queries.item_by_exhibit(session, _number(exhibit))
        if found is not None:
            local[uuid] = found
    ctx = _Context(session, archive, local, result, sender)
    for place in _parents_first(_records(files, case_bundle.PLACES, "places")):
        ctx.place(place)
    new_persons = [ctx.person(p) for p in _records(files, case_bundle.PERSONS, "persons")]
    for incident in _records(files, case_bundle.INCIDENTS, "incidents"):
        ctx.incident(incident)
    for person, added in new_persons:
        ctx.person_links(person, added)
    for testimony in _records(files, case_bundle.TESTIMONIES, "testimonies"):
        ctx.testimony(testimony)
    for place in _records(files, case_bundle.PLACES, "places"):
        ctx.item_places(place)


def _number(exhibit: str) -> int:
    return int(exhibit.rsplit("-", 1)[-1])


def _records(files: dict[str, Any], name: str, key: str) -> list[dict[str, Any]]:
    value = (files.get(name) or {}).get(key) or []
    return [r for r in value if isinstance(r, dict)]


def _parents_first(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_uuid = {p.get("uuid"): p for p in places}
    done: dict[Any, dict[str, Any]] = {}

    def visit(p: dict[str, Any], depth: int = 0) -> None:
        parent = by_uuid.get(p.get("parent"))
        if parent is not None and parent.get("uuid") not in done and depth < 50:
            visit(parent, depth + 1)
        done.setdefault(p.get("uuid"), p)

    for p in places:
        visit(p)
    return list(done.values())


class _Context:
    def __init__(
        self,
        session: Session,
        archive: Archive,
        items: dict[str, Item],
        result: CaseImport,
        sender: str,
    ) -> None:
        self.session, self.archive, self.items = session, archive, items
        self.result, self.sender = result, sender
        self.places: dict[str, Place] = {}
        self.persons: dict[str, Person] = {}
        self.incidents: dict[str, Incident] = {}

    def _term(self, vocabulary: str, code: Any) -> str | None:
        if not isinstance(code, str):
            return None
        if vocabularies_q.term(self.session, vocabulary, code) is None:
            self.result.messages.append(f"unknown {vocabulary} term {code!r} not imported")
            return None
        return code

    def _free_uuid(self, model: Any, uuid: Any) -> str:
        if isinstance(uuid, str) and not queries.uuid_taken(self.session, model, uuid):
            return uuid
        return case_bundle_uuid()

    # Places ------------------------------------------------------------------

    def place(self, rec: dict[str, Any]) -> None:
        s = self.session
        names = [n["name"] for n in rec.get("names") or [] if isinstance(n, dict) and n.get("name")]
        names = names or [str(rec.get("name") or "")]
        place = places_q.by_uuid(s, rec.get("uuid"))
        if place is None:
            wanted = {fold(n) for n in names if n.strip()}
            ids = {pid for pid, n in places_q.all_names(s) if fold(n) in wanted}
            if len(ids) == 1:
                place = s.get_one(Place, ids.pop())
        added = place is None
        if place is None:
            code = rec.get("code") if isinstance(rec.get("code"), str) else None
            if code and places_q.code_holder(s, code) is not None:
                code = None
            parent = by_uuid(self.places, rec.get("parent"))
            place = Place(
                uuid=self._free_uuid(Place, rec.get("uuid")),
                code=code,
                name=" ".join(names[0].split()),
                kind=self._term("place_kinds", rec.get("kind")) or "site",
                parent_id=parent.id if parent else None,
                lat=_num(rec.get("lat")),
                lon=_num(rec.get("lon")),
                radius_m=_num(rec.get("radius_m")),
                notes=f"imported from {self.sender}",
                created_at=utcnow(),
            )
            s.add(place)
        elif place.lat is None and _num(rec.get("lat")) is not None:
            place.lat, place.lon = _num(rec.get("lat")), _num(rec.get("lon"))
        have = {n.name for n in place.names}
        for n in rec.get("names") or []:
            if isinstance(n, dict) and n.get("name") and n["name"] not in have:
                place.names.append(PlaceName(name=n["name"], lang=str(n.get("lang") or "")[:8]))
                have.add(n["name"])
        s.flush()
        self.places[str(rec.get("uuid"))] = place
        self.result.count("places", added)

    def place_id(self, ref: Any) -> int | None:
        place = by_uuid(self.places, ref.get("uuid")) if isinstance(ref, dict) else None
        return place.id if place else None

    def item_places(self, rec: dict[str, Any]) -> None:
        place = self.places.get(str(rec.get("uuid")))
        for link in rec.get("items") or []:
            item = self.items.get(link.get("id"))
            if place is None or item is None:
                continue
            if places_q.placement(self.session, item.id) is not None:
                continue
            method = link.get("method") if link.get("method") in ("gps", "manual") else "manual"
            self.session.add(
                ItemPlace(
                    item_id=item.id,
                    place_id=place.id,
                    method=method,
                    distance_m=_num(link.get("distance_m")),
                    created_at=utcnow(),
                )
            )
            self.session.flush()
            log_change(
                self.session,
                self.archive,
                "place",
                place.uuid,
                "place item",
                item=item,
                method=f"bundle import ({method})",
            )
            case_index.index_item(self.session, item.id)
            self.result.links += 1

    # Persons -----------------------------------------------------------------

    def person(self, rec: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        s = self.session
        names = [n for n in rec.get("names") or [] if isinstance(n, dict) and n.get("name")]
        person = persons_q.by_uuid(s, rec.get("uuid"))
        while person is not None and person.merged_into_id is not None:
            person = s.get_one(Person, person.merged_into_id)
        if person is None and names:
            wanted = {" ".join(n["name"].split()) for n in names}
            ids = queries.person_ids_named(s, wanted)
            found = [p for p in (s.get_one(Person, i) for i in ids) if p.merged_into_id is None]
            if len(found) == 1:
                person = found[0]
            elif found:
                self.result.messages.append(
                    f"{len(found)} persons here share a name of an imported person; added anew"
                )
        added = person is None
        if person is None:
            now = utcnow()
            person = Person(
                uuid=self._free_uuid(Person, rec.get("uuid")),
                kind=rec.get("kind") if rec.get("kind") in ("individual", "unit") else "individual",
                sex=self._term("sexes", rec.get("sex")) if rec.get("sex") else None,
                birth_year=rec.get("birth_year")
                if isinstance(rec.get("birth_year"), int)
                else None,
                age=rec.get("age") if isinstance(rec.get("age"), int) else None,
                age_date=rec.get("age_date") if isinstance(rec.get("age_date"), str) else None,
                occupation=str(rec.get("occupation") or ""),
                sensitive=bool(rec.get("sensitive")),
                notes=str(rec.get("notes") or ""),
                created_at=now,
                updated_at=now,
            )
            if not names:  # redacted by the sender: only a reference
                names = [{"name": f"{rec.get('ref') or 'person'} of {self.sender}"}]
            s.add(person)
        have = {n.name for n in person.names}
        for n in names:
            name = " ".join(str(n["name"]).split())
            if name and name not in have:
                kind = n.get("kind") if n.get("kind") in ("name", "alias") else "name"
                position = max((x.position for x in person.names), default=-1) + 1
                lang = str(n.get("lang") or "")[:8]
                person.names.append(PersonName(name=name, kind=kind, lang=lang, position=position))
                have.add(name)
        s.flush()
        log_change(s, self.archive, "person", person.uuid, "bundle import", added=added)
        (case_index.index_person if added else case_index.reindex_person)(s, person)
        self.persons[str(rec.get("uuid"))] = person
        self.result.count("persons", added)
        return rec, added

    def person_links(self, rec: dict[str, Any], added: bool) -> None:
        s, person = self.session, self.persons[str(rec.get("uuid"))]
        if added:
            for st in rec.get("statuses") or []:
                code = self._term("person_statuses", st.get("status"))
                if code is None:
                    continue
                incident = self.incidents.get(st.get("incident"))
                s.add(
                    PersonStatus(
                        person_id=person.id,
                        status=code,
                        started=st.get("started"),
                        ended=st.get("ended"),
                        precision=st.get("precision") or "day",
                        place_id=self.place_id(st.get("place")),
                        incident_id=incident.id if incident else None,
                        note=str(st.get("note") or ""),
                        created_at=utcnow(),
                    )
                )
        for link in rec.get("items") or []:
            item = self.items.get(link.get("id"))
            if item is None or s.get(ItemPerson, (item.id, person.id)) is not None:
                continue
            relation = str(link.get("relation") or "depicted")[:40]
            s.add(
                ItemPerson(
                    item_id=item.id,
                    person_id=person.id,
                    relation=relation,
                    note=str(link.get("note") or ""),
                    created_at=utcnow(),
                )
            )
            s.flush()
            log_change(
                s, self.archive, "person", person.uuid, "link item", item=item, relation=relation
            )
            case_index.index_item(s, item.id)
            self.result.links += 1
        s.flush()

    # Incidents ---------------------------------------------------------------

    def incident(self, rec: dict[str, Any]) -> None:
        s = self.session
        incident = incidents_q.by_uuid(s, rec.get("uuid"))
        added = incident is None
        if incident is None:
            now = utcnow()
            incident = Incident(
                uuid=str(rec.get("uuid") or case_bundle_uuid()),
                title="",
                description="",
                notes="",
                verification="unverified",
                created_at=now,
                updated_at=now,
            )
            place = by_uuid(self.places, (rec.get("place") or {}).get("uuid"))
            fields = {
                k: rec.get(k)
                for k in (
                    "title",
                    "description",
                    "notes",
                    "start",
                    "end",
                    "start_precision",
                    "end_precision",
                )
            }
            fields["verification"] = rec.get("verification") or "unverified"
            fields["violations"] = [
                c for c in rec.get("violations") or [] if self._term("violation_types", c)
            ]
            fields["place"] = place.uuid if place else None
            try:
                changed = apply_incident_fields(s, incident, fields)
            except EvidenceDeskError as exc:
                self.result.messages.append(f"incident {rec.get('title')!r}: {exc}")
                return
            s.add(incident)
            s.flush()
            log_change(s, self.archive, "incident", incident.uuid, "bundle import", fields=changed)
        self.incidents[incident.uuid] = incident
        self.result.count("incidents", added)
        for link in rec.get("items") or []:
            item = self.items.get(link.get("id"))
            if item is None or s.get(IncidentItem, (incident.id, item.id)) is not None:
                continue
            s.add(
                IncidentItem(
                    incident_id=incident.id,
                    item_id=item.id,
                    note=str(link.get("note") or ""),
                    created_at=utcnow(),
                )
            )
            s.flush()
            log_change(s, self.archive, "incident", incident.uuid, "link item", item=item)
            case_index.index_item(s, item.id)
            self.result.links += 1
        for link in rec.get("persons") or []:
            person = self.persons.get(link.get("uuid"))
            role = self._term("roles", link.get("role"))
            if person is None or role is None:
                continue
            if persons_q.role_link(s, incident.id, person.id, role) is not None:
                continue
            s.add(
                IncidentPerson(
                    incident_id=incident.id,
                    person_id=person.id,
                    role=role,
                    note=str(link.get("note") or ""),
                    created_at=utcnow(),
                )
            )
            s.flush()
            log_change(
                s,
                self.archive,
                "incident",
                incident.uuid,
                "add person",
                person=person.uuid,
                role=role,
            )
            self.result.links += 1
        (case_index.index_incident if added else case_index.reindex_incident)(s, incident)

    def testimony(self, rec: dict[str, Any]) -> None:
        import_testimony(self, rec)


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def case_bundle_uuid() -> str:
    from evidence_desk.services.case.common import new_uuid

    return new_uuid()
