"""Case records in evidence bundles: which items an incident exports, and the records.

``export`` calls :func:`incident_item_uuids` for ``--incident`` and
:func:`bundle_records` for every bundle; the files it returns are written to
``data/metadata/`` (see docs/bundles.md, "Incidents, persons and
testimonies"). Records refer to items, incidents, persons and places by UUID
only, because the sender's local numbers mean nothing to the recipient.

What leaves the archive follows the witnesses' consent and the profile:

- a testimony goes into a ``full`` bundle (court, counsel) only with consent
  to court use, and into a ``redacted`` bundle only with consent to
  publication, and then only as :func:`publication_view` shows it — its
  original (the statement as first recorded, naming who recorded it) is
  replaced by a copy holding the published text;
- the real identity of a witness is never in any bundle: it is not even
  read here;
- in the redacted profile sensitive persons are shown by their ``P-``
  reference only, notes and internal fields are dropped, and places come
  only from incidents, persons and published testimonies (never from where
  an item was found by GPS).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models_case import (
    Incident,
    Place,
    Testimony,
)
from evidence_desk.db.queries import bundle_case as queries
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.common import TESTIMONY as TESTIMONY
from evidence_desk.services.case.common import resolve_incident
from evidence_desk.services.case.incidents import _when
from evidence_desk.services.case.persons import person_of
from evidence_desk.services.case.testimonies import testimony_of
from evidence_desk.services.case.testimony_privacy import consent_allows, publication_view

FORMAT = "evidence-desk/bundle-case-records/1"
COPY_FORMAT = "evidence-desk testimony publication copy"
INCIDENTS, PERSONS, TESTIMONIES, PLACES = (
    "incidents.json",
    "persons.json",
    "testimonies.json",
    "places.json",
)
PURPOSE = {"full": "court", "redacted": "publication"}
TESTIMONY_REMOVED = (
    "the statement as first recorded (replaced by the text as published; "
    "the original's SHA-256 is kept)",
    "interviewer, risk notes and attachments",
)
REDACTION_RULES = (
    "Testimonies without the witness's consent to publication are left out (counted, not "
    "named); published testimonies carry only the pseudonym, language, date, statement and "
    "translation, and the interview place only when the witness did not ask for anonymity.",
    "Witness identities are never in a bundle, in any profile.",
    "Persons marked sensitive are shown only by their P- reference: no names, notes, age, "
    "occupation or places. Notes of incidents, persons and links are removed.",
    "places.geojson holds only gazetteer places of incidents, persons and published "
    "testimonies, never where an item was found by GPS.",
)


_CODE = re.compile(r"[a-z][a-z_]{0,39}")


def incident_item_uuids(archive: Archive, incident: str) -> list[str]:
    """UUIDs of the items (files and testimonies) linked to the incident."""
    with archive.db.reader() as session:
        found = resolve_incident(session, incident)
        return queries.incident_item_uuids(session, found.id)


def testimony_left_out(session: Session, item_id: int, profile: str) -> str | None:
    """Why a testimony may not go into a bundle of ``profile``, or None if it may."""
    if consent_allows(session, item_id, PURPOSE[profile]):
        return None
    return f"testimony without the witness's consent to {PURPOSE[profile]} use"


def publication_copy(archive: Archive, item_uuid: str) -> bytes:
    """The file that stands for a testimony in a redacted bundle: the published text only.

    Shaped like the original statement envelope (``text`` and ``text_sha256``)
    so the recipient's archive can keep it as the testimony's first version.
    """
    with archive.db.reader() as session:
        item = item_lookup.item_with_uuid(session, item_uuid)
        testimony = session.get_one(Testimony, item.id)
        view = publication_view(testimony_of(session, item, testimony))
    if view is None:
        raise ValueError(f"{item_uuid}: no consent to publication")
    text = view.statement
    body = {
        "format": COPY_FORMAT,
        "format_version": 1,
        "testimony_uuid": item_uuid,
        "witness": view.witness,
        "language": view.language,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text": text,
        "translation": view.translation,
    }
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def bundle_records(archive: Archive, item_uuids: list[str], profile: str) -> dict[str, Any]:
    """File name under data/metadata/ → JSON value, already redacted for ``profile``."""
    redacted = profile == "redacted"
    with archive.db.reader() as session:
        items = _items(session, item_uuids)
        if not items:
            return {}
        ids = set(items)
        places = _Places(session)
        incidents = _incidents(session, ids, items, places, redacted)
        incident_uuids = {i["uuid"]: i for i in incidents}
        persons = _persons(session, ids, items, incident_uuids, places, redacted)
        testimonies = _testimonies(session, ids, items, incident_uuids, places, redacted)
        if not redacted:
            _item_places(session, ids, items, places)
    out: dict[str, Any] = {}
    header = {"format": FORMAT, "profile": profile}
    if incidents:
        out[INCIDENTS] = {**header, "incidents": incidents}
    if persons:
        out[PERSONS] = {**header, "persons": persons}
    if testimonies:
        out[TESTIMONIES] = {**header, "testimonies": testimonies}
    if places.records:
        out[PLACES] = {**header, "places": list(places.records.values())}
    return out


def _items(session: Session, uuids: list[str]) -> dict[int, str]:
    return item_lookup.ids_of_uuids(session, uuids)


class _Places:
    """Places the bundle mentions, with their parents, as gazetteer records."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.records: dict[str, dict[str, Any]] = {}
        self.item_links: dict[int, list[dict[str, Any]]] = {}

    def ref(self, place_id: int | None) -> dict[str, Any] | None:
        if place_id is None:
            return None
        chain = case_index.place_chain(self.session, place_id)
        for place in reversed(chain):
            self._add(place)
        return {"uuid": chain[0].uuid, "name": chain[0].name}

    def _add(self, place: Place) -> None:
        if place.uuid in self.records:
            return
        parent = self.session.get(Place, place.parent_id) if place.parent_id else None
        self.records[place.uuid] = {
            "uuid": place.uuid,
            "code": place.code,
            "name": place.name,
            "kind": place.kind,
            "parent": parent.uuid if parent else None,
            "lat": place.lat,
            "lon": place.lon,
            "radius_m": place.radius_m,
            "names": [{"name": n.name, "lang": n.lang} for n in place.names],
            "items": [],
        }


def _incidents(
    session: Session, ids: set[int], items: dict[int, str], places: _Places, redacted: bool
) -> list[dict[str, Any]]:
    links = queries.incident_links(session, sorted(ids))
    out = []
    for incident in queries.incidents_by_start(session, list(links)):
        start, end = _when(incident, False), _when(incident, True)
        roles = queries.incident_roles(session, incident.id)
        out.append(
            {
                "uuid": incident.uuid,
                "title": incident.title,
                "description": incident.description,
                "notes": "" if redacted else incident.notes,
                "start": start.iso() if start else None,
                "start_precision": start.precision if start else None,
                "end": end.iso() if end else None,
                "end_precision": end.precision if end else None,
                "place": places.ref(incident.place_id),
                "violations": sorted(v.code for v in incident.violations),
                "verification": incident.verification,
                "items": [
                    {"id": items[link.item_id], "note": "" if redacted else link.note}
                    for link in sorted(links[incident.id], key=lambda x: x.item_id)
                ],
                "persons": [
                    {"uuid": uuid, "role": role, "note": "" if redacted else note}
                    for uuid, role, note in roles
                ],
            }
        )
    return out


def _persons(
    session: Session,
    ids: set[int],
    items: dict[int, str],
    incidents: dict[str, dict[str, Any]],
    places: _Places,
    redacted: bool,
) -> list[dict[str, Any]]:
    wanted = {p["uuid"] for i in incidents.values() for p in i["persons"]}
    item_links: dict[str, list[dict[str, Any]]] = {}
    for link, uuid in queries.person_links(session, sorted(ids)):
        wanted.add(uuid)
        note = "" if redacted else link.note
        relation = link.relation
        if redacted and not _CODE.fullmatch(relation or ""):
            relation = "linked"  # free text (e.g. from an imported bundle) is not published
        item_links.setdefault(uuid, []).append(
            {"id": items[link.item_id], "relation": relation, "note": note}
        )
    out = []
    for person in queries.persons_by_uuid(session, sorted(wanted)):
        data = person_of(session, person, redact=redacted)
        hidden = data.redacted
        statuses = []
        for s in data.statuses:
            incident = session.get(Incident, s.incident_id) if s.incident_id else None
            statuses.append(
                {
                    "status": s.status,
                    "started": s.started,
                    "ended": s.ended,
                    "precision": s.precision,
                    "place": None if hidden else places.ref(s.place.id if s.place else None),
                    "incident": incident.uuid if incident and incident.uuid in incidents else None,
                    "note": "" if redacted else s.note,
                }
            )
        out.append(
            {
                "uuid": person.uuid,
                "ref": data.ref,
                "kind": data.kind,
                "name": data.name,
                "names": [{"name": n.name, "kind": n.kind, "lang": n.lang} for n in data.names],
                "sex": data.sex,
                "birth_year": None if hidden else data.birth_year,
                "age": None if hidden else data.age,
                "age_date": None if hidden else data.age_date,
                "occupation": "" if hidden else data.occupation,
                "sensitive": data.sensitive,
                "redacted": hidden,
                "notes": "" if redacted else data.notes,
                "statuses": statuses,
                "items": item_links.get(person.uuid, []),
            }
        )
    return out


def _testimonies(
    session: Session,
    ids: set[int],
    items: dict[int, str],
    incidents: dict[str, dict[str, Any]],
    places: _Places,
    redacted: bool,
) -> list[dict[str, Any]]:
    out = []
    for item, testimony in queries.testimonies_of(session, sorted(ids)):
        data = testimony_of(session, item, testimony)
        linked = [i.uuid for i in data.incidents if i.uuid in incidents]
        attachments = [a for a in data.attachments if a.item_id in items]
        if redacted:
            view = publication_view(data)
            if view is None:
                continue
            place = view.interview_place
            out.append(
                {
                    **view.as_json(),
                    "id": item.uuid,
                    "interview_place": places.ref(place.id) if place else None,
                    "incidents": linked,
                    "consent": {"publication": True},
                }
            )
            continue
        record = data.as_json()
        out.append(
            {
                "id": item.uuid,
                "exhibit": data.exhibit,
                "witness_code": data.witness_code,
                "pseudonym": data.pseudonym,
                "interviewer": data.interviewer,
                "interview_date": data.interview_date,
                "interview_place": (
                    places.ref(data.interview_place.id) if data.interview_place else None
                ),
                "language": data.language,
                "translation_language": data.translation_language,
                "consent": record["consent"],
                "risk_notes": data.risk_notes,
                "statement": data.statement,
                "statement_version": data.statement_version,
                "statement_sha256": data.statement_sha256,
                "translation": data.translation,
                "translation_sha256": data.translation_sha256,
                "versions": record["versions"],
                "attachments": [items[a.item_id] for a in attachments],
                "incidents": linked,
            }
        )
    return out


def _item_places(session: Session, ids: set[int], items: dict[int, str], places: _Places) -> None:
    """Where each item was placed (by GPS or by hand): full profile only."""
    for link in queries.item_places(session, sorted(ids)):
        ref = places.ref(link.place_id)
        if ref is None:
            continue
        places.records[ref["uuid"]]["items"].append(
            {"id": items[link.item_id], "method": link.method, "distance_m": link.distance_m}
        )
