"""Testimonies: hashed, versioned statements; protected identity; consent; attachments."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

import pytest
from sqlalchemy import text

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import search as case_search
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.case import testimony_attachments as case_testimony_attachments
from evidence_desk.services.case import testimony_checks as case_testimony_checks
from evidence_desk.services.case import testimony_privacy as case_testimony_privacy
from evidence_desk.services.catalogue.items import get_item
from evidence_desk.services.catalogue.verify import verify
from tests.helpers.case_records import add_file, custody_details, custody_text

STATEMENT = "5 января меня задержали на площади в Жанаозене и избили в отделении."


def _add(archive, **kwargs):
    kwargs.setdefault("statement", STATEMENT)
    kwargs.setdefault("language", "ru")
    return case_testimonies.add_testimony(archive, **kwargs)


def test_a_testimony_is_an_item_whose_original_is_the_first_statement(archive):
    t = _add(archive, pseudonym="Aigul", interview_place="Алматы", interview_date="2022-02-01")
    item = get_item(archive, t.exhibit)
    assert item["kind"] == "testimony"
    assert item["title"] == "Testimony W-0001 (Aigul)"
    assert item["sensitivity"] == "confidential"
    with archive.store.open(item["sha256"]) as f:
        raw = f.read()
    assert hashlib.sha256(raw).hexdigest() == item["sha256"] == t.object_sha256
    envelope = json.loads(raw)
    assert envelope["text"] == STATEMENT
    assert envelope["testimony_uuid"] == t.id
    assert envelope["text_sha256"] == t.statement_sha256
    assert t.interview_place.name == "Almaty"
    events = [e["event_type"] for e in custody_details(archive, t.id)]
    assert events == ["creation", "message digest calculation"]
    assert verify(archive).ok


def test_identical_statements_make_distinct_items(archive):
    first, second = _add(archive), _add(archive)
    assert first.object_sha256 != second.object_sha256
    assert first.statement_sha256 == second.statement_sha256
    assert (first.witness_code, second.witness_code) == ("W-0001", "W-0002")


def test_editing_keeps_every_version_and_logs_both_hashes(archive):
    t = _add(archive, translation="On 5 January I was detained.")
    v2 = case_testimonies.set_text(
        archive, "w-0001", STATEMENT + " Мне не дали адвоката.", note="witness added a detail"
    )
    assert v2.statement_version == 2
    assert v2.object_sha256 == t.object_sha256
    assert [(v.field, v.version) for v in v2.versions] == [
        ("statement", 1),
        ("statement", 2),
        ("translation", 1),
    ]
    assert case_testimonies.version_text(archive, "W-0001", "statement", 1) == STATEMENT
    edit = [e for e in custody_details(archive, t.id) if e.get("action") == "new version"]
    assert edit[0]["before_sha256"] == t.statement_sha256
    assert edit[0]["after_sha256"] == v2.statement_sha256
    assert edit[0]["note"] == "witness added a detail"
    unchanged = case_testimonies.set_text(archive, "W-0001", v2.statement)
    assert unchanged.statement_version == 2
    assert verify(archive).ok
    assert case_testimony_checks.check_versions(archive) == []


def test_a_tampered_version_is_detected(archive):
    _add(archive)
    case_testimonies.set_text(archive, "W-0001", "second version")
    with archive.db.writer() as session:
        session.execute(text("UPDATE testimony_versions SET text = 'nothing happened'"))
    problems = case_testimony_checks.check_versions(archive)
    assert any("statement version 1 no longer matches" in p for p in problems)
    assert any("differs from the stored original" in p for p in problems)
    forged = hashlib.sha256(b"nothing happened").hexdigest()
    with archive.db.writer() as session:
        session.execute(text("UPDATE testimony_versions SET sha256 = :h"), {"h": forged})
    problems = case_testimony_checks.check_versions(archive)
    assert any(
        "statement version 2 differs from the hash in the custody log" in p for p in problems
    )
    assert any(
        "statement version 1 differs from the hash in the custody log" in p for p in problems
    )


def test_identity_is_hidden_unsearchable_and_every_reveal_is_logged(archive):
    t = _add(
        archive,
        pseudonym="Witness A",
        identity={"real_name": "Гульнара Сейткали", "contact": "+7 701 000 0000"},
    )
    assert t.identity is None and t.identity_recorded is True
    records = [case_testimonies.get_testimony(archive, "W-0001")]
    records += case_testimonies.list_testimonies(archive)
    shown = json.dumps([r.as_json() for r in records], ensure_ascii=False)
    listed = json.dumps([asdict(r) for r in records], ensure_ascii=False)
    assert "Сейткали" not in shown + listed
    assert case_search.search(archive, "Сейткали").items == []
    revealed = case_testimonies.get_testimony(archive, "W-0001", reveal=True, reason="court order")
    assert revealed.identity.real_name == "Гульнара Сейткали"
    case_testimony_privacy.set_identity(archive, "W-0001", contact="via lawyer")
    reveals = [e for e in custody_details(archive, t.id) if e.get("action") == "reveal identity"]
    assert len(reveals) == 1 and reveals[0]["reason"] == "court order"
    assert reveals[0]["event_type"] == case_testimony_privacy.REVEAL_EVENT
    log = custody_text(archive)
    assert "Сейткали" not in log and "+7 701" not in log and "via lawyer" not in log


def test_consent_changes_are_logged_with_values_and_free_text_by_name(archive):
    _add(archive, consent_court=True, consent_method="oral_recorded", consent_date="2022-02-01")
    t = case_testimonies.update_testimony(
        archive,
        "W-0001",
        consent_publication=True,
        anonymity_requested=False,
        risk_notes="lives near the police station",
        sensitivity="restricted",
    )
    assert asdict(t.consent) == {
        "court": True,
        "advocacy": False,
        "publication": True,
        "anonymity_requested": False,
        "date": "2022-02-01",
        "method": "oral_recorded",
    }
    assert t.sensitivity == "restricted"
    (update,) = [e for e in custody_details(archive, t.id) if e.get("action") == "update"]
    fields = update["fields"]
    assert fields["consent_publication"] == {"before": False, "after": True}
    assert fields["sensitivity"] == {"before": "confidential", "after": "restricted"}
    assert fields["risk_notes"] == "changed"
    assert "police station" not in custody_text(archive)


def test_bad_form_values_are_refused_and_leave_no_object(archive):
    with pytest.raises(EvidenceDeskError, match="consent_methods"):
        _add(archive, consent_method="telepathy")
    with pytest.raises(EvidenceDeskError, match="not a date"):
        _add(archive, interview_date="yesterday")
    _add(archive, witness_code="A-7")
    with pytest.raises(EvidenceDeskError, match="already used"):
        _add(archive, witness_code="A-7")
    report = verify(archive)
    assert report.ok, report.problems


def test_publication_view_and_consent_checks(archive):
    private = _add(archive, consent_court=True)
    public = _add(
        archive,
        consent_publication=True,
        anonymity_requested=True,
        interview_place="Zhanaozen",
        interviewer="Dana",
        risk_notes="x",
    )
    assert case_testimony_privacy.publication_view(private) is None
    view = case_testimony_privacy.publication_view(public)
    assert view is not None and view.interview_place is None
    shown = view.as_json()
    assert "interviewer" not in shown and "risk_notes" not in shown and "identity" not in shown
    with archive.db.reader() as session:
        assert case_testimony_privacy.consent_allows(session, private.item_id, "court")
        assert not case_testimony_privacy.consent_allows(session, private.item_id, "publication")


def test_attachments_link_ingested_recordings_and_log_both_ends(archive, tmp_path):
    t = _add(archive)
    scan = add_file(archive, tmp_path / "in", "signed-statement.pdf")
    attached = case_testimony_attachments.attach(archive, "W-0001", [scan], note="signed statement")
    assert [(a.exhibit, a.note) for a in attached] == [(scan, "signed statement")]
    assert case_testimonies.get_testimony(archive, "W-0001").attachments == attached
    scan_uuid = get_item(archive, scan)["id"]
    assert any(e.get("action") == "attach" for e in custody_details(archive, scan_uuid))
    assert any(e.get("action") == "attach" for e in custody_details(archive, t.id))
    assert case_search.search(archive, "W-0001").items[:2] != []
    assert case_testimony_attachments.detach(archive, "W-0001", [scan]) == []
    with pytest.raises(EvidenceDeskError, match="itself"):
        case_testimony_attachments.attach(archive, "W-0001", ["W-0001"])


def test_testimonies_link_to_incidents_and_resolve_by_code(archive):
    t = _add(archive, witness_code="KZ-ZH-014")
    incident = case_incidents.add_incident(archive, "Detention", violations=["arbitrary_detention"])
    case_incidents.link_items(archive, incident.ref, ["kz-zh-014"])
    shown = case_testimonies.get_testimony(archive, t.exhibit)
    assert [i.ref for i in shown.incidents] == [incident.ref]
    with pytest.raises(EvidenceDeskError, match="not a testimony|no testimony"):
        case_testimonies.get_testimony(archive, "nothing-like-this")
