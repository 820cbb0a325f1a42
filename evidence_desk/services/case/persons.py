"""Persons: victims, witnesses, alleged perpetrators (individuals or units), journalists.

A person has several names (scripts, spellings, aliases) because lists of
the dead and detained were compiled by volunteers from many sources. The
same person often appears twice; merging keeps every name, status, role and
item link on the surviving record and leaves the other as a tombstone that
still resolves, so nothing that pointed at it is lost. ``sensitive`` marks
a person whose name must not leave the archive in a redacted export:
``person_of(..., redact=True)`` shows only the ``P-`` reference.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import ItemPerson, Person, PersonName, PersonStatus
from evidence_desk.db.queries import case_persons as queries
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.choices import PERSON_KINDS
from evidence_desk.services.case.common import (
    changed_fields,
    display_ref,
    log_change,
    new_uuid,
    parse_ref,
    resolve_incident,
    resolve_item,
)
from evidence_desk.services.case.dates import When, parse_day, parse_when
from evidence_desk.services.case.person_records import (
    IncidentRole,
    LinkedPerson,
    Name,
    PersonItem,
    PersonRecord,
    Status,
)
from evidence_desk.services.case.places import optional_place, summary_of_place
from evidence_desk.services.case.translit import fold
from evidence_desk.services.case.vocabularies import require_code

KINDS = PERSON_KINDS
NAME_KINDS = ("name", "alias")
PERSON_FIELDS = ("kind", "sex", "birth_year", "age", "age_date", "occupation", "sensitive", "notes")


def _status_of(session: Session, s: PersonStatus) -> Status:
    return Status(
        id=s.id,
        status=s.status,
        started=s.started,
        ended=s.ended,
        precision=s.precision,
        place=summary_of_place(session, s.place_id),
        incident_id=s.incident_id,
        note=s.note,
    )


def person_of(session: Session, person: Person, *, redact: bool = False) -> PersonRecord:
    """The record; ``redact`` hides names and notes of a sensitive person."""
    hide = redact and person.sensitive
    ref = display_ref("person", person.id)
    roles = queries.incident_roles(session, person.id)
    names = [Name(name=n.name, kind=n.kind, lang=n.lang) for n in person.names]
    merged_into = session.get(Person, person.merged_into_id) if person.merged_into_id else None
    return PersonRecord(
        id=person.id,
        ref=ref,
        uuid=person.uuid,
        kind=person.kind,
        name=ref if hide else display_name(person),
        names=[] if hide else names,
        sex=person.sex,
        birth_year=person.birth_year,
        age=person.age,
        age_date=person.age_date,
        occupation=person.occupation,
        sensitive=person.sensitive,
        redacted=hide,
        notes="" if hide else person.notes,
        statuses=[_status_of(session, s) for s in person.statuses],
        incidents=[
            IncidentRole(incident_id=i, ref=display_ref("incident", i), title=t, role=r)
            for i, t, r in roles
        ],
        merged_into=merged_into.uuid if merged_into else None,
    )


def display_name(person: Person) -> str:
    for n in person.names:
        if n.kind == "name":
            return n.name
    return person.names[0].name if person.names else display_ref("person", person.id)


def _precision(when: When | None, default: str | None) -> str:
    return when.precision if when else (default or "day")


def resolve_person(session: Session, ref: str, *, follow_merge: bool = True) -> Person:
    """A person by ``P-3``, id, UUID or an exact name; merged records lead to the survivor."""
    parsed = parse_ref(ref, "person")
    person: Person | None = None
    if parsed and parsed[0] == "id":
        person = session.get(Person, parsed[1])
    elif parsed:
        person = queries.by_uuid(session, str(parsed[1]))
    else:
        wanted = fold(ref)
        ids = {pid for pid, name in queries.all_names(session) if fold(name) == wanted}
        people = [p for p in (session.get(Person, i) for i in ids) if p and not p.merged_into_id]
        if len(people) > 1:
            refs = ", ".join(display_ref("person", p.id) for p in people)
            raise EvidenceDeskError(f"{ref!r} names several persons ({refs}); give the P- number")
        person = people[0] if people else None
    if person is None:
        raise EvidenceDeskError(f"no person {ref!r}")
    while follow_merge and person.merged_into_id is not None:
        person = session.get_one(Person, person.merged_into_id)
    return person


def list_persons(
    archive: Archive, *, include_merged: bool = False, redact: bool = False
) -> list[PersonRecord]:
    with archive.db.reader() as session:
        rows = queries.in_order(session, include_merged=include_merged)
        return [person_of(session, p, redact=redact) for p in rows]


def get_person(archive: Archive, ref: str, *, redact: bool = False) -> PersonRecord:
    with archive.db.reader() as session:
        return person_of(session, resolve_person(session, ref), redact=redact)


def find_persons(archive: Archive, text: str) -> list[PersonRecord]:
    """Persons with a name starting with or containing ``text`` in any script.

    Meant for "is this person already recorded?" while typing a new name.
    """
    wanted = fold(text)
    with archive.db.reader() as session:
        ids: dict[int, None] = {}
        for pid, name in queries.all_names(session):
            if wanted and wanted in fold(name):
                ids.setdefault(pid, None)
        people = [session.get_one(Person, i) for i in ids]
        return [person_of(session, p) for p in people if p.merged_into_id is None]


def _check_fields(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise EvidenceDeskError(f"not a field of a person: {', '.join(sorted(unknown))}")
    if values.get("kind") is not None and values["kind"] not in KINDS:
        raise EvidenceDeskError(f"kind must be one of {', '.join(KINDS)}")
    if values.get("sex"):
        require_code(session, "sexes", values["sex"])
    year = values.get("birth_year")
    if year is not None and not 1880 <= int(year) <= date.today().year:
        raise EvidenceDeskError(f"birth year {year} is not plausible")
    age = values.get("age")
    if age is not None and not 0 <= int(age) <= 130:
        raise EvidenceDeskError(f"age {age} is not plausible")
    if "age_date" in values:
        values["age_date"] = parse_day(values["age_date"], "the date of the age")
    return values


def _add_name(person: Person, name: str, kind: str = "name", lang: str = "") -> bool:
    name = " ".join(name.split())
    if kind not in NAME_KINDS:
        raise EvidenceDeskError(f"a name's kind is one of {', '.join(NAME_KINDS)}")
    if not name or name in {n.name for n in person.names}:
        return False
    position = max((n.position for n in person.names), default=-1) + 1
    person.names.append(PersonName(name=name, kind=kind, lang=lang, position=position))
    return True


def add_person(
    archive: Archive,
    names: list[str],
    *,
    aliases: list[str] = (),  # type: ignore[assignment]
    **fields: Any,
) -> PersonRecord:
    """A new person with one or more names (first = display name) and aliases."""
    if not any(n.strip() for n in names):
        raise EvidenceDeskError("a person needs at least one name (or a description of a unit)")
    with archive.db.writer() as session:
        values = _check_fields(session, fields)
        now = utcnow()
        person = Person(
            uuid=new_uuid(),
            kind=values.pop("kind", None) or "individual",
            occupation="",
            sensitive=False,
            notes="",
            created_at=now,
            updated_at=now,
        )
        for name, value in values.items():
            setattr(person, name, value)
        for name in names:
            _add_name(person, name)
        for alias in aliases:
            _add_name(person, alias, "alias")
        session.add(person)
        session.flush()
        log_change(session, archive, "person", person.uuid, "create", kind=person.kind)
        case_index.index_person(session, person)
        return person_of(session, person)


def update_person(archive: Archive, ref: str, **fields: Any) -> PersonRecord:
    with archive.db.writer() as session:
        person = resolve_person(session, ref)
        changed = changed_fields(person, _check_fields(session, fields))
        if changed:
            person.updated_at = utcnow()
            session.flush()
            log_change(session, archive, "person", person.uuid, "update", fields=changed)
            case_index.reindex_person(session, person)
        return person_of(session, person)


def add_name(
    archive: Archive, ref: str, name: str, *, kind: str = "name", lang: str = ""
) -> PersonRecord:
    with archive.db.writer() as session:
        person = resolve_person(session, ref)
        if _add_name(person, name, kind, lang):
            session.flush()
            log_change(session, archive, "person", person.uuid, "add name", kind=kind)
            case_index.reindex_person(session, person)
        return person_of(session, person)


def remove_name(archive: Archive, ref: str, name: str) -> PersonRecord:
    with archive.db.writer() as session:
        person = resolve_person(session, ref)
        if len(person.names) == 1 and person.names[0].name == name:
            raise EvidenceDeskError("a person keeps at least one name")
        before = len(person.names)
        person.names = [n for n in person.names if n.name != name]
        if len(person.names) != before:
            session.flush()
            log_change(session, archive, "person", person.uuid, "remove name")
            case_index.reindex_person(session, person)
        return person_of(session, person)


def add_status(
    archive: Archive,
    ref: str,
    status: str,
    *,
    started: str | None = None,
    ended: str | None = None,
    precision: str | None = None,
    place: str | None = None,
    incident: str | None = None,
    note: str = "",
) -> PersonRecord:
    """Record a dated status (detained on …, released on …); history is kept, not replaced."""
    with archive.db.writer() as session:
        person = resolve_person(session, ref)
        require_code(session, "person_statuses", status)
        start = parse_when(started, precision)
        end = parse_when(ended, precision)
        person.statuses.append(
            PersonStatus(
                status=status,
                started=start.iso() if start else None,
                ended=end.iso() if end else None,
                precision=_precision(start or end, precision),
                place_id=optional_place(session, place),
                incident_id=resolve_incident(session, incident).id if incident else None,
                note=note,
                created_at=utcnow(),
            )
        )
        session.flush()
        log_change(
            session,
            archive,
            "person",
            person.uuid,
            "add status",
            status=status,
            started=start.iso() if start else None,
        )
        case_index.reindex_person(session, person)
        return person_of(session, person)


def remove_status(archive: Archive, ref: str, status_id: int) -> PersonRecord:
    with archive.db.writer() as session:
        person = resolve_person(session, ref)
        kept = [s for s in person.statuses if s.id != status_id]
        if len(kept) == len(person.statuses):
            raise EvidenceDeskError(
                f"{display_ref('person', person.id)} has no status #{status_id}"
            )
        person.statuses = kept
        session.flush()
        log_change(session, archive, "person", person.uuid, "remove status", status_id=status_id)
        case_index.reindex_person(session, person)
        return person_of(session, person)


def merge_persons(
    archive: Archive, keep_ref: str, other_ref: str, reason: str = ""
) -> PersonRecord:
    """Move everything of ``other`` onto ``keep``; ``other`` becomes a tombstone."""
    with archive.db.writer() as session:
        keep = resolve_person(session, keep_ref)
        other = resolve_person(session, other_ref)
        if keep.id == other.id:
            raise EvidenceDeskError("these are already the same person")
        moved = {"names": 0, "statuses": 0, "incident_roles": 0, "items": 0}
        for n in list(other.names):
            moved["names"] += _add_name(keep, n.name, n.kind, n.lang)
        for status in list(other.statuses):
            status.person = keep
            moved["statuses"] += 1
        for link in queries.role_links(session, other.id):
            if queries.role_link(session, link.incident_id, keep.id, link.role) is None:
                link.person_id = keep.id
                moved["incident_roles"] += 1
            else:
                session.delete(link)
        items = _move_item_links(session, other.id, keep.id)
        moved["items"] = len(items)
        _fill_empty(keep, other)
        other.merged_into_id = keep.id
        for earlier in queries.merged_into(session, other.id):
            earlier.merged_into_id = keep.id
        keep.updated_at = other.updated_at = utcnow()
        session.flush()
        log_change(
            session,
            archive,
            "person",
            keep.uuid,
            "merge",
            merged=other.uuid,
            moved=moved,
            reason=reason,
        )
        for item in items:
            log_change(
                session,
                archive,
                "person",
                keep.uuid,
                "relink item after merge",
                item=item,
                merged=other.uuid,
            )
        case_index.index_person(session, other)
        case_index.reindex_person(session, keep)
        return person_of(session, keep)


def _move_item_links(session: Session, from_id: int, to_id: int) -> list[Item]:
    kept = queries.item_ids_of(session, to_id)
    items = []
    for link in queries.item_links(session, from_id):
        items.append(session.get_one(Item, link.item_id))
        if link.item_id in kept:
            session.delete(link)
        else:
            link.person_id = to_id
    return items


def _fill_empty(keep: Person, other: Person) -> None:
    for name in ("sex", "birth_year", "age", "age_date"):
        if getattr(keep, name) in (None, "unknown") and getattr(other, name) is not None:
            setattr(keep, name, getattr(other, name))
    if not keep.occupation:
        keep.occupation = other.occupation
    if other.notes and other.notes not in keep.notes:
        keep.notes = "\n".join(filter(None, [keep.notes, other.notes]))
    keep.sensitive = keep.sensitive or other.sensitive


def link_item(
    archive: Archive, item_ref: str, person_ref: str, relation: str = "depicted", note: str = ""
) -> None:
    """Say that an item shows or mentions a person."""
    with archive.db.writer() as session:
        item = resolve_item(session, item_ref)
        person = resolve_person(session, person_ref)
        link = session.get(ItemPerson, (item.id, person.id))
        if link is None:
            session.add(
                ItemPerson(
                    item_id=item.id,
                    person_id=person.id,
                    relation=relation,
                    note=note,
                    created_at=utcnow(),
                )
            )
        else:
            link.relation, link.note = relation, note
        session.flush()
        log_change(
            session, archive, "person", person.uuid, "link item", item=item, relation=relation
        )
        case_index.index_item(session, item.id)


def unlink_item(archive: Archive, item_ref: str, person_ref: str) -> bool:
    """Take back a link; False when the item was not linked to the person."""
    with archive.db.writer() as session:
        item = resolve_item(session, item_ref)
        person = resolve_person(session, person_ref)
        link = session.get(ItemPerson, (item.id, person.id))
        if link is None:
            return False
        session.delete(link)
        session.flush()
        log_change(session, archive, "person", person.uuid, "unlink item", item=item)
        case_index.index_item(session, item.id)
        return True


def items_of_person(archive: Archive, ref: str) -> list[PersonItem]:
    """The items that show or mention a person, by exhibit number."""
    with archive.db.reader() as session:
        person = resolve_person(session, ref)
        return [
            PersonItem(
                item_id=item.id,
                exhibit=item.exhibit,
                kind=item.kind,
                title=item.title,
                relation=link.relation,
                note=link.note,
            )
            for item, link in queries.linked_items(session, person.id)
        ]


def persons_of_item(session: Session, item_id: int) -> list[LinkedPerson]:
    rows = queries.of_item(session, item_id)
    return [
        LinkedPerson(id=p.id, ref=display_ref("person", p.id), name=display_name(p), relation=r)
        for p, r in rows
    ]
