"""Persons: names in several scripts, statuses over time, redaction, merging."""

from __future__ import annotations

import json

import pytest

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import search as case_search
from evidence_desk.services.catalogue.items import resolve
from tests.helpers.case_records import add_file, custody_details


def test_names_in_several_scripts_and_dated_statuses(archive):
    p = case_persons.add_person(
        archive,
        ["Асель Нурланова", "Asel Nurlanova"],
        aliases=["Аська"],
        sex="female",
        birth_year=1994,
        occupation="journalist",
    )
    assert p.ref == "P-0001" and p.name == "Асель Нурланова"
    assert [(n.name, n.kind) for n in p.names] == [
        ("Асель Нурланова", "name"),
        ("Asel Nurlanova", "name"),
        ("Аська", "alias"),
    ]
    case_persons.add_status(archive, "P-1", "detained", started="2022-01-06", place="Almaty")
    p = case_persons.add_status(archive, "asel nurlanova", "released", started="2022-01-20")
    assert [(s.status, s.started) for s in p.statuses] == [
        ("detained", "2022-01-06"),
        ("released", "2022-01-20"),
    ]
    assert p.statuses[0].place.name == "Almaty"
    assert case_persons.find_persons(archive, "nurlan")[0].id == p.id
    assert case_persons.find_persons(archive, "Нурлан")[0].id == p.id
    with pytest.raises(EvidenceDeskError, match="person_statuses"):
        case_persons.add_status(archive, "P-1", "happy")


def test_validation(archive):
    with pytest.raises(EvidenceDeskError, match="at least one name"):
        case_persons.add_person(archive, [" "])
    with pytest.raises(EvidenceDeskError, match="birth year"):
        case_persons.add_person(archive, ["X"], birth_year=1700)
    with pytest.raises(EvidenceDeskError, match="sexes"):
        case_persons.add_person(archive, ["X"], sex="robot")
    with pytest.raises(EvidenceDeskError, match="kind must be"):
        case_persons.add_person(archive, ["X"], kind="crowd")
    with pytest.raises(EvidenceDeskError, match="not a field"):
        case_persons.add_person(archive, ["X"], eyes="brown")


def test_sensitive_persons_are_redacted_on_request_and_names_stay_out_of_custody(archive):
    case_persons.add_person(archive, ["Тайный Свидетель"], sensitive=True, notes="lives in Aktau")
    plain = case_persons.get_person(archive, "P-1")
    assert plain.name == "Тайный Свидетель"
    redacted = case_persons.list_persons(archive, redact=True)[0]
    assert redacted.name == "P-0001" and redacted.names == [] and redacted.notes == ""
    assert "Тайный" not in json.dumps(custody_details(archive), ensure_ascii=False)


def test_merge_keeps_every_link_and_the_old_reference_resolves(archive, tmp_path):
    photo = add_file(archive, tmp_path / "in", "victim.jpg")
    video_only = add_file(archive, tmp_path / "in", "other.jpg")
    keep = case_persons.add_person(archive, ["Бауыржан Сейтов"], birth_year=1990)
    dup = case_persons.add_person(
        archive, ["Bauyrzhan Seitov"], aliases=["Бауке"], occupation="oil_worker", sensitive=True
    )
    inc1 = case_incidents.add_incident(archive, "Shooting", violations=["killing"])
    inc2 = case_incidents.add_incident(archive, "Detention", violations=["arbitrary_detention"])
    case_incidents.add_person(archive, inc1.ref, keep.ref, "victim")
    case_incidents.add_person(archive, inc1.ref, dup.ref, "victim")
    case_incidents.add_person(archive, inc2.ref, dup.ref, "witness")
    case_persons.add_status(archive, dup.ref, "killed", started="2022-01-06")
    case_persons.link_item(archive, photo, keep.ref)
    case_persons.link_item(archive, photo, dup.ref)
    case_persons.link_item(archive, video_only, dup.ref)

    merged = case_persons.merge_persons(archive, keep.ref, dup.ref, reason="same passport")

    assert [n.name for n in merged.names] == ["Бауыржан Сейтов", "Bauyrzhan Seitov", "Бауке"]
    assert merged.birth_year == 1990 and merged.occupation == "oil_worker"
    assert merged.sensitive is True
    assert [s.status for s in merged.statuses] == ["killed"]
    assert sorted((i.title, i.role) for i in merged.incidents) == [
        ("Detention", "witness"),
        ("Shooting", "victim"),
    ]
    assert case_persons.get_person(archive, dup.uuid).id == keep.id
    assert [p.id for p in case_persons.list_persons(archive)] == [keep.id]
    tombstone = case_persons.list_persons(archive, include_merged=True)[1]
    assert tombstone.merged_into == keep.uuid
    with archive.db.reader() as session:
        shown = case_persons.persons_of_item(session, resolve(session, video_only).id)
    assert [p.id for p in shown] == [keep.id]
    assert case_search.search(archive, "Seitov").persons == [keep.id]
    merge = [e for e in custody_details(archive) if e.get("action") == "merge"][0]
    assert merge["merged"] == dup.uuid and merge["reason"] == "same passport"
    assert merge["moved"]["incident_roles"] == 1 and merge["moved"]["items"] == 2
    with pytest.raises(EvidenceDeskError, match="already the same"):
        case_persons.merge_persons(archive, keep.ref, dup.uuid)


def test_ambiguous_names_ask_for_the_number(archive):
    case_persons.add_person(archive, ["Алибек"])
    case_persons.add_person(archive, ["Alibek"])
    with pytest.raises(EvidenceDeskError, match="several persons"):
        case_persons.get_person(archive, "alibek")


def test_links_to_items_are_listed_and_taken_back(archive, tmp_path):
    first = add_file(archive, tmp_path / "in", "a.jpg")
    second = add_file(archive, tmp_path / "in", "b.jpg")
    p = case_persons.add_person(archive, ["Нурлан Аманов"])
    case_persons.link_item(archive, second, p.ref, relation="mentioned", note="named in caption")
    case_persons.link_item(archive, first, p.ref)
    rows = case_persons.items_of_person(archive, p.ref)
    assert [(r.exhibit, r.relation, r.note) for r in rows] == [
        (first, "depicted", ""),
        (second, "mentioned", "named in caption"),
    ]
    assert case_persons.unlink_item(archive, second, p.ref) is True
    assert case_persons.unlink_item(archive, second, p.ref) is False  # nothing left to take back
    assert [r.exhibit for r in case_persons.items_of_person(archive, p.ref)] == [first]
    changes = [d.get("action") for d in custody_details(archive)]
    assert changes.count("link item") == 2 and changes.count("unlink item") == 1


def test_a_status_recorded_by_mistake_is_removed_and_the_removal_logged(archive):
    p = case_persons.add_person(archive, ["Асхат Б."])
    p = case_persons.add_status(archive, p.ref, "detained", started="2022-01-06")
    p = case_persons.add_status(archive, p.ref, "killed", started="2022-01-07")
    wrong = p.statuses[1].id
    p = case_persons.remove_status(archive, p.ref, wrong)
    assert [s.status for s in p.statuses] == ["detained"]
    with pytest.raises(EvidenceDeskError, match="no status"):
        case_persons.remove_status(archive, p.ref, wrong)
    removed = [d for d in custody_details(archive) if d.get("action") == "remove status"]
    assert [d.get("status_id") for d in removed] == [wrong]
