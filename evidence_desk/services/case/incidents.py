"""Incidents: what happened, when, where, to whom, and which items document it.

An incident is the HURIDOCS "event": a title, a start and end with their
precision, a place from the gazetteer, several violation types (the
"acts"), a verification status, people with roles, and the catalogue items
(files and testimonies) that support it. Linking an item is a change to how
that item is described, so it is logged in the item's custody history.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models_case import Incident, IncidentItem, IncidentPerson, IncidentViolation
from evidence_desk.db.queries import case_incidents as queries
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.choices import VERIFICATION
from evidence_desk.services.case.common import (
    display_ref,
    log_change,
    new_uuid,
    resolve_incident,
    resolve_item,
)
from evidence_desk.services.case.dates import When, iso, parse_offset_minutes, parse_when
from evidence_desk.services.case.incident_records import (
    IncidentRecord,
    IncidentRow,
    IncidentSummary,
    LinkedItem,
    PersonRole,
    ViolationLabel,
)
from evidence_desk.services.case.message_rows import messages_of
from evidence_desk.services.case.persons import display_name, resolve_person
from evidence_desk.services.case.places import optional_place, summary_of_place
from evidence_desk.services.case.vocabularies import label, require_code, terms_by_code

TEXT_FIELDS = ("title", "description", "notes")
TIME_FIELDS = ("start", "end", "start_precision", "end_precision", "offset")
OTHER_FIELDS = ("place", "violations", "verification")


def _when(incident: Incident, end: bool) -> When | None:
    prefix = "end" if end else "start"
    local = getattr(incident, f"{prefix}_local")
    if local is None:
        return None
    offset = getattr(incident, f"{prefix}_offset_min")
    return When(local, offset, getattr(incident, f"{prefix}_precision") or "exact")


def incident_summary(incident: Incident) -> IncidentSummary:
    start = _when(incident, False)
    return IncidentSummary(
        id=incident.id,
        ref=display_ref("incident", incident.id),
        uuid=incident.uuid,
        title=incident.title,
        start=start.iso() if start else None,
        verification=incident.verification,
    )


def incident_record(session: Session, incident: Incident, *, lang: str = "en") -> IncidentRecord:
    start, end = _when(incident, False), _when(incident, True)
    terms = terms_by_code(session, "violation_types")
    return IncidentRecord(
        **incident_summary(incident).as_json(),
        description=incident.description,
        notes=incident.notes,
        start_precision=start.precision if start else None,
        end=end.iso() if end else None,
        end_precision=end.precision if end else None,
        start_sort=iso(incident.start_sort),
        end_sort=iso(incident.end_sort),
        place=summary_of_place(session, incident.place_id),
        violations=[
            ViolationLabel(v.code, label(terms[v.code], lang) if v.code in terms else v.code)
            for v in incident.violations
        ],
        items=[
            LinkedItem(item_id=i.id, exhibit=i.exhibit, kind=i.kind, title=i.title, note=n)
            for i, n in queries.linked_items(session, incident.id)
        ],
        persons=[
            PersonRole(
                person_id=p.id,
                ref=display_ref("person", p.id),
                name=display_name(p),
                sensitive=p.sensitive,
                role=r,
                note=n,
            )
            for p, r, n in queries.linked_persons(session, incident.id)
        ],
        messages=messages_of(session, incident.id),
        created_at=iso(incident.created_at),
        updated_at=iso(incident.updated_at),
    )


def list_incidents(archive: Archive) -> list[IncidentRecord]:
    """All incidents in time order (undated last), each as a full record."""
    with archive.db.reader() as session:
        return [incident_record(session, i) for i in queries.in_time_order(session)]


def incident_rows(archive: Archive) -> list[IncidentRow]:
    """One light row per incident for a list view: a few queries, however many incidents.

    Each row is :func:`incident_summary` plus place name, violation codes and
    the numbers of linked items and persons.
    """
    with archive.db.reader() as session:
        codes = queries.violation_codes(session)
        items = queries.item_counts(session)
        persons = queries.person_counts(session)
        names = queries.place_names(session)
        rows = []
        for i in queries.in_time_order(session):
            rows.append(
                IncidentRow(
                    **incident_summary(i).as_json(),
                    start_sort=iso(i.start_sort),
                    place=names.get(i.place_id) if i.place_id else None,
                    violations=sorted(codes.get(i.id, [])),
                    items=items.get(i.id, 0),
                    persons=persons.get(i.id, 0),
                )
            )
        return rows


def get_incident(archive: Archive, ref: str) -> IncidentRecord:
    with archive.db.reader() as session:
        return incident_record(session, resolve_incident(session, ref))


def _set_times(incident: Incident, values: dict[str, Any]) -> None:
    offset = parse_offset_minutes(values.get("offset"))
    old_start, old_end = _when(incident, False), _when(incident, True)
    start_text = values["start"] if "start" in values else (old_start.iso() if old_start else None)
    end_text = values["end"] if "end" in values else (old_end.iso() if old_end else None)
    start = parse_when(
        start_text,
        values.get("start_precision") or (old_start.precision if old_start else None),
        offset if offset is not None else (old_start.offset_min if old_start else None),
    )
    end = parse_when(
        end_text,
        values.get("end_precision") or (old_end.precision if old_end else None),
        offset if offset is not None else (old_end.offset_min if old_end else None),
    )
    if start and end and end.sort_key() < start.sort_key():
        raise EvidenceDeskError(f"the incident ends ({end.iso()}) before it starts ({start.iso()})")
    for prefix, when in (("start", start), ("end", end)):
        setattr(incident, f"{prefix}_local", when.local if when else None)
        setattr(incident, f"{prefix}_offset_min", when.offset_min if when else None)
        setattr(incident, f"{prefix}_precision", when.precision if when else None)
    incident.start_sort = start.sort_key() if start else None
    last = end or start
    incident.end_sort = last.end_key() if last else None


def _apply(session: Session, incident: Incident, values: dict[str, Any]) -> list[str]:
    """Set the given fields; returns the names of those that changed."""
    unknown = set(values) - set(TEXT_FIELDS + TIME_FIELDS + OTHER_FIELDS)
    if unknown:
        raise EvidenceDeskError(f"not a field of an incident: {', '.join(sorted(unknown))}")
    changed = []
    for name in TEXT_FIELDS:
        if name in values and getattr(incident, name) != (values[name] or ""):
            setattr(incident, name, values[name] or "")
            changed.append(name)
    if "title" in values and not incident.title.strip():
        raise EvidenceDeskError("an incident needs a title")
    if set(values) & set(TIME_FIELDS):
        before = (incident.start_sort, incident.end_sort, incident.start_precision)
        _set_times(incident, values)
        if before != (incident.start_sort, incident.end_sort, incident.start_precision):
            changed.append("time")
    if "place" in values:
        place_id = optional_place(session, values["place"])
        if place_id != incident.place_id:
            incident.place_id = place_id
            changed.append("place")
    if "verification" in values and values["verification"] != incident.verification:
        if values["verification"] not in VERIFICATION:
            raise EvidenceDeskError(f"verification must be one of {', '.join(VERIFICATION)}")
        incident.verification = values["verification"]
        changed.append("verification")
    if "violations" in values:
        codes = sorted({require_code(session, "violation_types", c) for c in values["violations"]})
        if codes != sorted(v.code for v in incident.violations):
            incident.violations = [IncidentViolation(code=c) for c in codes]
            changed.append("violations")
    return changed


def _details(incident: Incident, changed: list[str]) -> dict[str, Any]:
    """Logged values: field names, plus verification and violation codes (no free text)."""
    details: dict[str, Any] = {"fields": changed}
    if "verification" in changed:
        details["verification"] = incident.verification
    if "violations" in changed:
        details["violations"] = [v.code for v in incident.violations]
    return details


def add_incident(archive: Archive, title: str, **fields: Any) -> IncidentRecord:
    """A new incident; ``fields`` as in :func:`update_incident`."""
    with archive.db.writer() as session:
        now = utcnow()
        incident = Incident(
            uuid=new_uuid(),
            title="",
            description="",
            notes="",
            verification="unverified",
            created_at=now,
            updated_at=now,
        )
        changed = _apply(session, incident, {"title": title, **fields})
        session.add(incident)
        session.flush()
        log_change(
            session, archive, "incident", incident.uuid, "create", **_details(incident, changed)
        )
        case_index.index_incident(session, incident)
        return incident_record(session, incident)


def update_incident(archive: Archive, ref: str, **fields: Any) -> IncidentRecord:
    """Change fields: title, description, notes, start, end, start_precision, end_precision,
    offset (``+06:00``, for times given without one), place, violations (the full list),
    verification. A time field given as ``None`` clears it."""
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        changed = _apply(session, incident, fields)
        if changed:
            incident.updated_at = utcnow()
            session.flush()
            log_change(
                session, archive, "incident", incident.uuid, "update", **_details(incident, changed)
            )
            case_index.reindex_incident(session, incident)
        return incident_record(session, incident)


def delete_incident(archive: Archive, ref: str) -> None:
    """Delete the incident record; its items, testimonies and persons stay."""
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        item_ids = queries.linked_item_ids(session, incident.id)
        log_change(session, archive, "incident", incident.uuid, "delete", items=len(item_ids))
        for item in item_lookup.items_by_ids(session, item_ids):
            log_change(session, archive, "incident", incident.uuid, "unlink item", item=item)
        case_index.drop(session, "incident", incident.id)
        session.delete(incident)
        session.flush()
        case_index.reindex_items(session, item_ids)


def link_items(archive: Archive, ref: str, item_refs: list[str], note: str = "") -> IncidentRecord:
    """Link files or testimonies to the incident; each newly linked item gets a custody event."""
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        for item_ref in item_refs:
            item = resolve_item(session, item_ref)
            if session.get(IncidentItem, (incident.id, item.id)) is not None:
                continue
            session.add(
                IncidentItem(
                    incident_id=incident.id, item_id=item.id, note=note, created_at=utcnow()
                )
            )
            session.flush()
            log_change(session, archive, "incident", incident.uuid, "link item", item=item)
            case_index.index_item(session, item.id)
        return incident_record(session, incident)


def unlink_items(archive: Archive, ref: str, item_refs: list[str]) -> IncidentRecord:
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        for item_ref in item_refs:
            item = resolve_item(session, item_ref)
            link = session.get(IncidentItem, (incident.id, item.id))
            if link is None:
                continue
            session.delete(link)
            session.flush()
            log_change(session, archive, "incident", incident.uuid, "unlink item", item=item)
            case_index.index_item(session, item.id)
        return incident_record(session, incident)


def add_person(
    archive: Archive, ref: str, person_ref: str, role: str, note: str = ""
) -> IncidentRecord:
    """Give a person a role in the incident (one person may have several roles)."""
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        person = resolve_person(session, person_ref)
        require_code(session, "roles", role)
        if not queries.person_roles(session, incident.id, person.id, role):
            session.add(
                IncidentPerson(
                    incident_id=incident.id,
                    person_id=person.id,
                    role=role,
                    note=note,
                    created_at=utcnow(),
                )
            )
            session.flush()
            log_change(
                session,
                archive,
                "incident",
                incident.uuid,
                "add person",
                person=person.uuid,
                role=role,
            )
            case_index.reindex_incident(session, incident)
        return incident_record(session, incident)


def remove_person(
    archive: Archive, ref: str, person_ref: str, role: str | None = None
) -> IncidentRecord:
    """Remove a person's role (or every role when ``role`` is None)."""
    with archive.db.writer() as session:
        incident = resolve_incident(session, ref)
        person = resolve_person(session, person_ref)
        links = queries.person_roles(session, incident.id, person.id, role)
        for link in links:
            session.delete(link)
        if links:
            session.flush()
            log_change(
                session,
                archive,
                "incident",
                incident.uuid,
                "remove person",
                person=person.uuid,
                roles=[link.role for link in links],
            )
            case_index.reindex_incident(session, incident)
        return incident_record(session, incident)


def incidents_of_item(session: Session, item_id: int) -> list[IncidentSummary]:
    return [incident_summary(i) for i in queries.of_item(session, item_id)]
