"""Incidents: times with precision, places, violation types, people, linked items."""

from __future__ import annotations

from datetime import datetime

import pytest

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import links as case_links
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.case import testimony_attachments as case_testimony_attachments
from evidence_desk.services.catalogue.items import get_item
from tests.helpers.case_records import add_file, custody_details


def test_times_keep_what_was_said_and_sort_in_utc(archive):
    exact = case_incidents.add_incident(
        archive,
        "Shooting at the square",
        start="2022-01-05T18:30+06:00",
        end="2022-01-05T19:10+06:00",
        place="Republic Square",
        violations=["live_ammunition", "killing"],
    )
    assert exact.start == "2022-01-05T18:30:00+06:00"
    assert exact.start_sort == "2022-01-05T12:30:00"
    assert exact.end_sort == "2022-01-05T13:10:00"
    assert exact.place.path == ["Republic Square", "Almaty", "Kazakhstan"]
    assert [v.code for v in exact.violations] == ["killing", "live_ammunition"]
    day = case_incidents.add_incident(archive, "Detentions", start="2022-01-06", offset="+06:00")
    assert (day.start, day.start_precision) == ("2022-01-06", "day")
    assert day.start_sort == "2022-01-05T18:00:00"
    assert day.end_sort == "2022-01-06T18:00:00"
    rough = case_incidents.add_incident(
        archive, "Evening", start="2022-01-05T20:00", start_precision="approximate"
    )
    assert rough.start_precision == "approximate"
    listed = [i.title for i in case_incidents.list_incidents(archive)]
    rows = case_incidents.incident_rows(archive)
    assert [r.title for r in rows] == listed
    assert rows[0].place == "Republic Square"
    assert rows[0].violations == ["killing", "live_ammunition"]
    assert (rows[0].items, rows[0].persons) == (0, 0)
    # Offset unknown: "Evening" sorts at its wall-clock reading, after 18:00 UTC.
    assert listed == ["Shooting at the square", "Detentions", "Evening"]


def test_bad_values_are_refused_with_a_clear_message(archive):
    with pytest.raises(EvidenceDeskError, match="ends .* before it starts"):
        case_incidents.add_incident(archive, "x", start="2022-01-06", end="2022-01-05")
    with pytest.raises(EvidenceDeskError, match="not a term of violation_types"):
        case_incidents.add_incident(archive, "x", violations=["jaywalking"])
    with pytest.raises(EvidenceDeskError, match="verification must be"):
        case_incidents.add_incident(archive, "x", verification="probably")
    with pytest.raises(EvidenceDeskError, match="needs a title"):
        case_incidents.add_incident(archive, "  ")
    with pytest.raises(EvidenceDeskError, match="no place"):
        case_incidents.add_incident(archive, "x", place="Atlantis")
    with pytest.raises(EvidenceDeskError, match="not a field"):
        case_incidents.add_incident(archive, "x", colour="red")
    assert case_incidents.list_incidents(archive) == []


def test_updates_are_logged_without_free_text(archive):
    i = case_incidents.add_incident(archive, "Raid", start="2022-01-07", description="secret")
    i = case_incidents.update_incident(
        archive,
        i.ref,
        verification="partly_verified",
        violations=["torture"],
        description="witnesses describe beatings",
        start=None,
    )
    assert i.verification == "partly_verified" and i.start is None
    log = [e for e in custody_details(archive) if e.get("record") == "incident"]
    assert [e["action"] for e in log] == ["create", "update"]
    assert log[1]["verification"] == "partly_verified"
    assert log[1]["violations"] == ["torture"]
    assert set(log[1]["fields"]) == {"description", "time", "verification", "violations"}
    assert "beatings" not in str(log)


def test_linking_items_and_people(archive, tmp_path):
    photo = add_file(archive, tmp_path / "in", "injuries.jpg")
    i = case_incidents.add_incident(archive, "Beating in custody", violations=["torture"])
    victim = case_persons.add_person(archive, ["Ерлан Н."], sex="male")
    unit = case_persons.add_person(archive, ["Riot police unit"], kind="unit")
    case_incidents.link_items(archive, i.ref, [photo, photo])
    case_incidents.add_person(archive, i.ref, victim.ref, "victim")
    case_incidents.add_person(archive, i.ref, victim.ref, "witness")
    i = case_incidents.add_person(archive, i.ref, unit.ref, "alleged_perpetrator")
    assert [it.exhibit for it in i.items] == [photo]
    assert [(p.name, p.role) for p in i.persons] == [
        ("Ерлан Н.", "victim"),
        ("Ерлан Н.", "witness"),
        ("Riot police unit", "alleged_perpetrator"),
    ]
    with pytest.raises(EvidenceDeskError, match="roles"):
        case_incidents.add_person(archive, i.ref, victim.ref, "bystander")
    uuid = get_item(archive, photo)["id"]
    assert [e["action"] for e in custody_details(archive, uuid) if "action" in e] == ["link item"]
    i = case_incidents.remove_person(archive, i.ref, victim.ref, "witness")
    assert len(i.persons) == 2
    i = case_incidents.unlink_items(archive, i.ref, [photo])
    assert i.items == []
    assert [e["action"] for e in custody_details(archive, uuid) if "action" in e][-1] == (
        "unlink item"
    )


def test_deleting_an_incident_keeps_its_items_and_people(archive, tmp_path):
    photo = add_file(archive, tmp_path / "in", "a.jpg")
    person = case_persons.add_person(archive, ["A"])
    i = case_incidents.add_incident(archive, "Gone", start="2022-01-05")
    case_incidents.link_items(archive, i.ref, [photo])
    case_incidents.add_person(archive, i.ref, person.ref, "victim")
    case_incidents.delete_incident(archive, i.ref)
    assert case_incidents.list_incidents(archive) == []
    assert get_item(archive, photo)["exhibit"] == photo
    assert case_persons.get_person(archive, person.ref).incidents == []
    with pytest.raises(EvidenceDeskError, match="no incident"):
        case_incidents.get_incident(archive, i.ref)


def test_incident_refs_accept_number_prefix_and_uuid(archive):
    i = case_incidents.add_incident(archive, "One")
    for ref in ("INC-0001", "inc-1", "1", i.uuid):
        assert case_incidents.get_incident(archive, ref).id == i.id
    assert datetime.fromisoformat(i.created_at)


def test_an_item_knows_its_case_context(archive, tmp_path):
    photo = add_file(archive, tmp_path / "in", "crowd.jpg")
    testimony = case_testimonies.add_testimony(archive, statement="I filmed it")
    case_testimony_attachments.attach(archive, testimony.witness_code, [photo])
    incident = case_incidents.add_incident(archive, "Crowd", place="Republic Square")
    case_incidents.link_items(archive, incident.ref, [photo])
    person = case_persons.add_person(archive, ["Filmed person"])
    case_persons.link_item(archive, photo, person.ref, relation="depicted")
    context = case_links.item_case_context(archive, photo)
    assert [i.ref for i in context.incidents] == [incident.ref]
    assert [(p.name, p.relation) for p in context.persons] == [
        ("Filmed person", "depicted")
    ]
    assert [t.witness_code for t in context.testimonies] == ["W-0001"]
    assert context.capture_time.original == "2022-01-05T18:30:00+06:00"
    assert context.places == []
    own = case_links.item_case_context(archive, "W-0001")
    assert [a.exhibit for a in own.attachments] == [photo]
