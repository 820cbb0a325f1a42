"""Case records in bundles: an incident with a testimony and persons, out and back in.

The redacted test reads every byte of every file in the bundle (the zip, too)
for the witness's real name, contact, the sensitive person's name and the
photo's GPS coordinates: a court's or a witness's safety cannot rest on one
field being dropped in one place.
"""

from __future__ import annotations

import json
import zipfile
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import func, select

from evidence_desk.core import bundle_layout as L
from evidence_desk.db import models_case as mc
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import import_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import places as case_places
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.case import testimony_privacy as case_testimony_privacy
from evidence_desk.services.case.testimony_checks import check_versions
from tests.helpers.case_records import add_file

GPS = (43.35123, 52.87456, None)
SECRETS = (
    "Gulnara Realname",  # witness real name
    "+7 701 555 1234",  # witness contact
    "Secondwitness Hidden",  # the witness who did not consent to publication
    "Sensitive Aigerim",  # a person marked sensitive
    "Interviewer Ivanova",
    "risk: brother in police",
    "43.35123",
    "52.87456",
)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("case")
    archive = create_archive(root / "sender", "Sender")
    photo = add_file(archive, root / "in", "square.jpg", gps=GPS)
    other = add_file(archive, root / "in", "unrelated.jpg")
    street = case_places.add_place(
        archive, "Rakhat Street", kind="street", parent="Zhanaozen", lat=43.3391, lon=52.8544,
        variants=[("улица Рахат", "ru")],
    )  # fmt: skip
    published = case_testimonies.add_testimony(
        archive,
        witness_code="W-0001",
        statement="I saw the police shoot at the square.",
        identity={"real_name": "Gulnara Realname", "contact": "+7 701 555 1234"},
        pseudonym="Bota",
        interviewer="Interviewer Ivanova",
        risk_notes="risk: brother in police",
        interview_place="Zhanaozen",
        consent_court=True,
        consent_publication=True,
        language="ru",
        sensitivity="restricted",
    )
    case_testimonies.set_text(archive, "W-0001", "I saw the police shoot at the square (edited).")
    private = case_testimonies.add_testimony(
        archive,
        witness_code="W-0002",
        statement="Second account.",
        identity={"real_name": "Secondwitness Hidden"},
        consent_court=True,
        sensitivity="restricted",
    )
    case_testimony_privacy.set_identity(archive, "W-0002", contact="+7 701 000 0000")
    incident = case_incidents.add_incident(
        archive, "Shooting in Zhanaozen", start="2011-12-16T11:00", offset="+05:00",
        place="Zhanaozen", violations=["killing", "live_ammunition"], verification="verified",
    )  # fmt: skip
    ref = incident.ref
    case_incidents.link_items(archive, ref, [photo, "W-0001", "W-0002"])
    victim = case_persons.add_person(archive, ["Ерлан Нуржанов", "Yerlan Nurzhanov"], sex="male")
    witness = case_persons.add_person(archive, ["Sensitive Aigerim"], sensitive=True)
    case_incidents.add_person(archive, ref, victim.ref, "victim")
    case_incidents.add_person(archive, ref, witness.ref, "witness")
    case_persons.add_status(
        archive, victim.ref, "killed", started="2011-12-16", place=street.ref, incident=ref
    )
    case_persons.link_item(archive, photo, victim.ref)
    case_places.set_item_place(archive, photo, street.ref)
    full = export_bundle(archive, None, incident=ref, out=root / "full")
    redacted = export_bundle(archive, None, incident=ref, profile="redacted", out=root / "red")
    red_zip = export_bundle(
        archive, None, incident=ref, profile="redacted", zip=True, out=root / "red.zip"
    )
    data = {
        "photo": photo,
        "other": other,
        "incident": incident,
        "published": published.exhibit,
        "private": private.exhibit,
    }
    yield archive, root, data, full, redacted, red_zip
    archive.close()


def _meta(bundle: Path, name: str) -> dict:
    return json.loads((bundle / L.METADATA_DIR / name).read_text(encoding="utf-8"))


def test_incident_export_has_items_and_records(case) -> None:
    _, root, data, full, _, _ = case
    assert verify_bundle(root / "full").ok
    assert sorted(full.exported) == sorted([data["photo"], data["published"], data["private"]])
    assert data["other"] not in full.exported
    incidents = _meta(root / "full", "incidents.json")["incidents"]
    assert [i["title"] for i in incidents] == ["Shooting in Zhanaozen"]
    assert incidents[0]["violations"] == ["killing", "live_ammunition"]
    assert incidents[0]["start"] == "2011-12-16T11:00:00+05:00"
    assert len(incidents[0]["items"]) == 3
    persons = _meta(root / "full", "persons.json")["persons"]
    assert {p["name"] for p in persons} == {"Ерлан Нуржанов", "Sensitive Aigerim"}
    testimonies = _meta(root / "full", "testimonies.json")["testimonies"]
    assert {t["witness_code"] for t in testimonies} == {"W-0001", "W-0002"}
    assert all("identity" not in t for t in testimonies)
    geo = json.loads((root / "full" / L.PLACES_GEOJSON).read_text(encoding="utf-8"))
    names = {f["properties"].get("name") for f in geo["features"]}
    assert {"Zhanaozen", "Rakhat Street"} <= names
    assert any(f["properties"].get("exhibit") == data["photo"] for f in geo["features"])
    html = (root / "full" / L.REPORT_HTML).read_text(encoding="utf-8")
    assert "Incident: Shooting in Zhanaozen" in html
    assert "Person: Ерлан Нуржанов; roles: Victim" in html
    assert "Testimony: " in html and "Bota" in html


def test_identities_never_in_a_full_bundle(case) -> None:
    _, root, _, _, _, _ = case
    for path in (root / "full").rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            for secret in ("Gulnara Realname", "+7 701 555 1234", "Secondwitness Hidden"):
                assert secret.encode() not in body, (secret, path)


def test_testimony_without_court_consent_is_not_in_a_full_bundle(tmp_path: Path) -> None:
    archive = create_archive(tmp_path / "a", "A")
    photo = add_file(archive, tmp_path / "in", "p.jpg")
    t = case_testimonies.add_testimony(archive, statement="no consent", sensitivity="restricted")
    inc = case_incidents.add_incident(archive, "Raid").ref
    case_incidents.link_items(archive, inc, [photo, t.exhibit])
    report = export_bundle(archive, None, incident=inc, out=tmp_path / "b")
    assert report.exported == [photo]
    assert (t.exhibit, "testimony without the witness's consent to court use") in report.left_out
    archive.close()


def test_redacted_bundle_has_no_identity_anywhere(case) -> None:
    _, root, data, _, redacted, red_zip = case
    assert verify_bundle(root / "red").ok and verify_bundle(root / "red.zip").ok
    files = [p for p in (root / "red").rglob("*") if p.is_file()]
    assert len(files) > 10
    blobs = [(str(p), p.read_bytes()) for p in files]
    with zipfile.ZipFile(root / "red.zip") as z:
        blobs += [(n, z.read(n)) for n in z.namelist()]
    blobs.append(("red.zip", (root / "red.zip").read_bytes()))
    for where, body in blobs:
        for secret in SECRETS:
            assert secret.encode() not in body, (secret, where)
    assert data["private"] not in redacted.exported
    reason = "testimony without the witness's consent to publication use"
    assert (data["private"], reason) in redacted.left_out
    html = unescape((root / "red" / L.REPORT_HTML).read_text(encoding="utf-8"))
    assert f"Items left out ({reason}): 1" in html
    assert data["private"] not in html
    assert "Persons marked sensitive are shown only by their P- reference" in html


def test_redacted_records_follow_consent(case) -> None:
    _, root, data, _, _, _ = case
    testimonies = _meta(root / "red", "testimonies.json")["testimonies"]
    assert len(testimonies) == 1
    t = testimonies[0]
    assert t["witness"] == "Bota" and t["interview_place"] is None  # anonymity asked
    assert t["statement"] == "I saw the police shoot at the square (edited)."
    assert "interviewer" not in t and "risk_notes" not in t
    persons = {p["uuid"]: p for p in _meta(root / "red", "persons.json")["persons"]}
    hidden = [p for p in persons.values() if p["redacted"]]
    assert len(hidden) == 1 and hidden[0]["names"] == [] and hidden[0]["name"].startswith("P-")
    items = json.loads((root / "red" / L.ITEMS_JSON).read_text(encoding="utf-8"))["items"]
    copy = next(r for r in items if r["exhibit"] == data["published"])
    body = json.loads((root / "red" / copy["bundle"]["file"]).read_text(encoding="utf-8"))
    assert body["text"] == t["statement"]
    assert copy["bundle"]["sha256"] != copy["sha256"]  # the original is not passed on
    geo = json.loads((root / "red" / L.PLACES_GEOJSON).read_text(encoding="utf-8"))
    assert all("exhibit" not in f["properties"] for f in geo["features"])


def test_import_merges_records_and_links(case, tmp_path: Path) -> None:
    _, root, data, _, _, _ = case
    receiver = create_archive(tmp_path / "receiver", "Receiver")
    known = case_persons.add_person(receiver, ["Yerlan Nurzhanov"])
    report = import_bundle(receiver, root / "full", trust_new_signer=True)
    assert report.ok and report.count("new") == 3
    assert report.case is not None
    assert report.case.added["incidents"] == 1 and report.case.added["testimonies"] == 2
    assert report.case.merged["persons"] == 1  # matched by an exact name
    incident = case_incidents.get_incident(receiver, data["incident"].uuid)
    assert incident.title == "Shooting in Zhanaozen" and incident.verification == "verified"
    assert len(incident.items) == 3
    assert incident.place.name == "Zhanaozen"
    assert {(p.name, p.role) for p in incident.persons} == {
        ("Yerlan Nurzhanov", "victim"),
        ("Sensitive Aigerim", "witness"),
    }
    merged = case_persons.get_person(receiver, known.ref)
    assert {n.name for n in merged.names} == {"Yerlan Nurzhanov", "Ерлан Нуржанов"}
    street = case_places.get_place(receiver, "улица Рахат")
    assert street.path == ["Rakhat Street", "Zhanaozen", "Mangystau Region", "Kazakhstan"]
    w1 = case_testimonies.get_testimony(receiver, "W-0001")
    assert w1.pseudonym == "Bota" and w1.consent.court
    assert w1.statement == "I saw the police shoot at the square (edited)."
    assert case_testimonies.version_text(receiver, "W-0001", "statement", 1) == (
        "I saw the police shoot at the square."
    )
    assert w1.identity_recorded is False
    assert check_versions(receiver) == []
    # importing again adds no second incident, person, place or testimony
    again = import_bundle(receiver, root / "full")
    assert "incidents" not in again.case.added and "persons" not in again.case.added
    with receiver.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(mc.Incident)) == 1
        assert session.scalar(select(func.count()).select_from(mc.Testimony)) == 2
        assert session.scalar(select(func.count()).select_from(mc.IncidentItem)) == 3
        assert session.scalar(select(func.count()).select_from(mc.Person)) == 2
        assert session.scalar(
            select(func.count()).select_from(mc.Place).where(mc.Place.name == "Rakhat Street")
        ) == 1  # fmt: skip
    receiver.close()


def test_import_of_a_redacted_bundle(case, tmp_path: Path) -> None:
    _, root, data, _, _, _ = case
    receiver = create_archive(tmp_path / "receiver", "Receiver")
    report = import_bundle(receiver, root / "red.zip", trust_new_signer=True)
    assert report.ok and report.count("new") == 2
    testimonies = case_testimonies.list_testimonies(receiver)
    assert [t.pseudonym for t in testimonies] == ["Bota"]
    assert testimonies[0].consent.publication is True
    incident = case_incidents.get_incident(receiver, data["incident"].uuid)
    assert len(incident.items) == 2
    assert any(p.name.startswith("P-") and p.sensitive for p in incident.persons)
    assert check_versions(receiver) == []
    receiver.close()
