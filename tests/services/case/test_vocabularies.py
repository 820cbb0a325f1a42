"""Vocabularies: shipped defaults in three languages, editing, JSON/CSV exchange."""

from __future__ import annotations

import json

import pytest

from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import search as case_search
from evidence_desk.services.case import vocabularies as case_vocabularies

REQUIRED = ("violation_types", "acquisition_methods", "source_types", "person_statuses", "roles")


def test_defaults_ship_with_english_russian_and_kazakh_labels(archive):
    names = case_vocabularies.list_vocabularies(archive)
    assert set(REQUIRED) <= set(names)
    for name in names:
        for term in case_vocabularies.list_terms(archive, name):
            assert all(term.labels[lang] for lang in ("en", "ru", "kk")), term
            assert term.builtin and term.active
    codes = {t.code for t in case_vocabularies.list_terms(archive, "violation_types")}
    assert {
        "killing",
        "torture",
        "death_in_custody",
        "enforced_disappearance",
        "internet_shutdown",
        "attack_on_journalists",
        "arbitrary_detention",
    } <= codes
    torture = next(
        t
        for t in case_vocabularies.list_terms(archive, "violation_types")
        if t.code == "torture"
    )
    assert torture.labels["ru"] == "Пытки и жестокое обращение"
    roles = {t.code for t in case_vocabularies.list_terms(archive, "roles")}
    assert {"victim", "witness", "alleged_perpetrator", "journalist"} <= roles


def test_terms_are_added_edited_retired_and_only_unused_ones_deleted(archive):
    case_vocabularies.add_term(
        archive,
        "violation_types",
        "electric_shocks",
        {"en": "Electric shocks", "ru": "Пытки током"},
        parent="torture",
    )
    with pytest.raises(EvidenceDeskError, match="already has"):
        case_vocabularies.add_term(archive, "violation_types", "electric_shocks", {"en": "x"})
    t = case_vocabularies.update_term(
        archive, "violation_types", "electric_shocks", labels={"kk": "Электр тогымен азаптау"}
    )
    assert t.labels == {
        "en": "Electric shocks",
        "ru": "Пытки током",
        "kk": "Электр тогымен азаптау",
    }
    with archive.db.reader() as session:
        assert case_vocabularies.with_narrower(session, "violation_types", ["torture"]) == {
            "torture",
            "electric_shocks",
        }
    with pytest.raises(EvidenceDeskError, match="below it"):
        case_vocabularies.update_term(
            archive, "violation_types", "torture", parent="electric_shocks"
        )
    shocks = case_incidents.add_incident(archive, "Shocks", violations=["electric_shocks"])
    assert case_search.search(archive, "электротоком").incidents == []
    case_vocabularies.update_term(
        archive, "violation_types", "electric_shocks", labels={"ru": "Пытки электротоком"}
    )
    assert case_search.search(archive, "электротоком").incidents == [shocks.id]
    case_vocabularies.update_term(
        archive, "violation_types", "torture", labels={"en": "Torture and cruel treatment"}
    )
    assert case_search.search(archive, "cruel").incidents == [shocks.id]
    with pytest.raises(EvidenceDeskError, match="in use; retire it"):
        case_vocabularies.delete_term(archive, "violation_types", "electric_shocks")
    with pytest.raises(EvidenceDeskError, match="narrower terms"):
        case_vocabularies.delete_term(archive, "violation_types", "torture")
    case_vocabularies.update_term(archive, "violation_types", "electric_shocks", active=False)
    with pytest.raises(EvidenceDeskError, match="retired"):
        case_incidents.add_incident(archive, "Again", violations=["electric_shocks"])
    assert case_incidents.list_incidents(archive)[0].violations[0].label == "Electric shocks"
    case_vocabularies.add_term(archive, "roles", "observer", {"en": "Observer"})
    case_vocabularies.delete_term(archive, "roles", "observer")
    with pytest.raises(EvidenceDeskError, match="no spaces"):
        case_vocabularies.add_term(archive, "roles", "an observer", {"en": "x"})


def test_json_export_imports_into_another_archive(archive, tmp_path):
    case_vocabularies.add_term(
        archive,
        "violation_types",
        "hot_irons",
        {"en": "Hot irons", "ru": "Утюги"},
        parent="torture",
    )
    data = case_vocabularies.export_json(archive, ["violation_types"]).as_json()
    assert data["type"] == "vocabulary"
    text = json.dumps(data, ensure_ascii=False)
    with create_archive(tmp_path / "colleague") as other:
        report = case_vocabularies.import_json(other, json.loads(text))
        assert (report.added, report.updated) == (1, 0)
        assert report.unchanged == len(data["terms"]) - 1
        imported = {t.code: t for t in case_vocabularies.list_terms(other, "violation_types")}
        assert imported["hot_irons"].parent == "torture"
        assert imported["hot_irons"].labels["ru"] == "Утюги"
        again = case_vocabularies.import_json(other, json.loads(text))
        assert (again.added, again.updated) == (0, 0)
    with pytest.raises(EvidenceDeskError, match="not a vocabulary file"):
        case_vocabularies.import_json(archive, {"hello": "world"})


def test_csv_round_trip_adds_new_vocabularies_and_never_removes(archive):
    csv_text = case_vocabularies.export_csv(archive, ["roles", "sexes"])
    assert csv_text.splitlines()[0] == ",".join(case_vocabularies.CSV_COLUMNS)
    assert "alleged_perpetrator" in csv_text and "Әйел" in csv_text
    edited = csv_text.replace("Victim,", "Victim (direct),") + (
        "detention_centres,ivs_zhanaozen,,IVS Zhanaozen,ИВС Жанаозен,,,yes\n"
        "detention_centres,sizo_almaty,,SIZO Almaty,,,,no\n"
    )
    report = case_vocabularies.import_csv(archive, "\ufeff" + edited)
    assert (report.added, report.updated) == (2, 1)
    assert "detention_centres" in case_vocabularies.list_vocabularies(archive)
    retired = case_vocabularies.list_terms(archive, "detention_centres", include_retired=True)
    assert [t.active for t in retired] == [True, False]
    short = "code,label_en\nnew_role,New role\n"
    with pytest.raises(EvidenceDeskError, match="line 2: no vocabulary"):
        case_vocabularies.import_csv(archive, short)
    assert case_vocabularies.import_csv(archive, short, "roles").added == 1
    with pytest.raises(EvidenceDeskError, match="header"):
        case_vocabularies.import_csv(archive, "")
