"""Search across items and case records, in every script, and structured filters."""

from __future__ import annotations

import pytest

from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import places as case_places
from evidence_desk.services.case import search as case_search
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.case.search import CaseFilter
from evidence_desk.services.case.translit import fold, to_latin
from evidence_desk.services.catalogue.items import get_item, resolve
from tests.helpers.case_records import ATYRAU, REPUBLIC_SQUARE, add_file


def test_transliteration_folds_russian_and_kazakh_spellings_together():
    assert to_latin("Жаңаөзен") == to_latin("Жанаозен") == "zhanaozen"
    assert fold("Jañaözen") == fold("Janaozen")
    assert to_latin("Усть-Каменогорск") == "ust-kamenogorsk"
    assert to_latin("Талдықорған") == "taldykorgan"
    assert fold("  Алматы ") == "almaty"


@pytest.fixture
def case(archive, tmp_path):
    """A small case: two photos (one linked), a testimony, a victim, an incident in Zhanaozen."""
    folder = tmp_path / "in"
    video = add_file(archive, folder, "street.jpg")
    photo = add_file(archive, folder, "injury.jpg")
    testimony = case_testimonies.add_testimony(
        archive, statement="Меня избили дубинками в ИВС.", language="ru"
    )
    victim = case_persons.add_person(archive, ["Жандос Ерланов", "Zhandos Erlanov"])
    incident = case_incidents.add_incident(
        archive, "Night raid", place="Жаңаөзен", violations=["torture"], start="2022-01-06"
    )
    case_incidents.link_items(archive, incident.ref, [video, testimony.exhibit])
    case_incidents.add_person(archive, incident.ref, victim.ref, "victim")
    return {
        "video": video,
        "photo": photo,
        "testimony": testimony,
        "victim": victim,
        "incident": incident,
    }


def _lookup(archive, exhibit: str) -> int:
    with archive.db.reader() as session:
        return resolve(session, exhibit).id


def test_every_spelling_of_a_place_finds_what_happened_there(archive, case):
    linked = {_lookup(archive, case["video"]), case["testimony"].item_id}
    zhanaozen = case_places.get_place(archive, "Zhanaozen").id
    for query in ("Zhanaozen", "Жаңаөзен", "жанаозен", "JANAOZEN", "Mangystau"):
        hits = case_search.search(archive, query)
        assert hits.incidents == [case["incident"].id], query
        assert set(hits.items) == linked, query
        assert zhanaozen in hits.places or query == "Mangystau", query


def test_person_names_match_across_scripts(archive, case):
    for query in ("Ерланов", "Erlanov", "erlan", "жандос"):
        hits = case_search.search(archive, query)
        assert hits.persons == [case["victim"].id], query
        assert hits.incidents == [case["incident"].id], query


def test_statement_text_and_violation_labels_in_any_language_are_found(archive, case):
    assert case_search.search(archive, "дубинками").items == [case["testimony"].item_id]
    assert case_search.search(archive, "dubinkami").items == [case["testimony"].item_id]
    for word in ("torture", "пытки", "азаптау"):
        assert case_search.search(archive, word).incidents == [case["incident"].id], word


def test_videos_linked_to_incidents_of_torture_in_atyrau(archive, tmp_path):
    folder = tmp_path / "in"
    wanted = add_file(archive, folder, "atyrau-torture.mp4", seconds=1, fps=5)
    photo = add_file(archive, folder, "atyrau-torture.jpg")
    elsewhere = add_file(archive, folder, "almaty-torture.mp4", fps=6)
    other_kind = add_file(archive, folder, "atyrau-shooting.mp4", fps=7)
    torture_atyrau = case_incidents.add_incident(
        archive, "Beatings at the police department", place="Атырау", violations=["torture"]
    )
    square = case_places.add_place(
        archive, "Isatay-Makhambet square", kind="square", parent="Atyrau"
    )
    shocks = case_incidents.add_incident(
        archive, "Shocks", place=square.ref, violations=["torture"]
    )
    case_incidents.link_items(archive, torture_atyrau.ref, [wanted, photo])
    case_incidents.link_items(archive, shocks.ref, [wanted])
    almaty = case_incidents.add_incident(archive, "Torture", place="Almaty", violations=["torture"])
    case_incidents.link_items(archive, almaty.ref, [elsewhere])
    shooting = case_incidents.add_incident(
        archive, "Shooting", place="Atyrau", violations=["live_ammunition"]
    )
    case_incidents.link_items(archive, shooting.ref, [other_kind])

    found = case_search.find_items(
        archive, CaseFilter(kinds=("video",), violations=("torture",), place="Atyrau")
    )
    assert found == [_lookup(archive, wanted)]
    region = case_search.find_items(
        archive, CaseFilter(violations=("torture",), place="Atyrau Region")
    )
    assert set(region) == {_lookup(archive, wanted), _lookup(archive, photo)}
    broader = case_search.find_items(archive, CaseFilter(violations=("excessive_force",)))
    assert broader == [_lookup(archive, other_kind)]
    assert case_search.find_incidents(archive, CaseFilter(place="Atyrau")) == [
        torture_atyrau.id,
        shocks.id,
        shooting.id,
    ]


def test_place_alone_also_finds_items_placed_by_gps_and_person_finds_both_ways(archive, tmp_path):
    folder = tmp_path / "in"
    on_square = add_file(archive, folder, "square.jpg", gps=REPUBLIC_SQUARE)
    in_atyrau = add_file(archive, folder, "atyrau.jpg", gps=ATYRAU)
    case_places.match_items_by_gps(archive)
    assert case_search.find_items(archive, CaseFilter(place="Алматы")) == [
        _lookup(archive, on_square)
    ]
    assert case_search.search(archive, "Республики").items == [_lookup(archive, on_square)]
    journalist = case_persons.add_person(archive, ["Journalist A"])
    case_persons.link_item(archive, in_atyrau, journalist.ref)
    incident = case_incidents.add_incident(
        archive, "Camera seized", violations=["confiscation_of_equipment"]
    )
    case_incidents.add_person(archive, incident.ref, journalist.ref, "journalist")
    case_incidents.link_items(archive, incident.ref, [on_square])
    found = case_search.find_items(archive, CaseFilter(person=journalist.ref))
    assert set(found) == {_lookup(archive, on_square), _lookup(archive, in_atyrau)}
    texted = case_search.find_items(archive, CaseFilter(person=journalist.ref, text="seized"))
    assert texted == [_lookup(archive, on_square)]
    assert get_item(archive, on_square)["kind"] == "photo"


def test_rebuild_recreates_every_case_document(archive, case):
    """``case_index.rebuild`` (after an import or a repair) gives back exactly the answers
    the documents kept as records changed gave."""
    from evidence_desk.db.queries import search as search_queries
    from evidence_desk.services.case import index as case_index

    queries = ("Zhanaozen", "Ерланов", "дубинками", "torture")
    before = [case_search.search(archive, q) for q in queries]
    with archive.db.writer() as session:
        search_queries.clear_case_documents(session)
    assert case_search.search(archive, "Ерланов").persons == []  # the documents are gone
    with archive.db.writer() as session:
        case_index.rebuild(session)
    assert [case_search.search(archive, q) for q in queries] == before
