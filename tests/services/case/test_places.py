"""The gazetteer: seeded places, name variants, hierarchy, GPS matching."""

from __future__ import annotations

import pytest

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import places as case_places
from evidence_desk.services.case import search as case_search
from evidence_desk.services.catalogue.items import get_item
from tests.helpers.case_records import (
    ALMATY_WEST,
    ATYRAU,
    FAR_STEPPE,
    REPUBLIC_SQUARE,
    add_file,
    custody_details,
)

SEEDED = [
    "Almaty",
    "Republic Square",
    "Almaty city hall",
    "Presidential residence (Almaty)",
    "Zhanaozen",
    "Aktau",
    "Taldykorgan",
    "Atyrau",
    "Uralsk",
    "Ust-Kamenogorsk",
    "Shymkent",
    "Nur-Sultan",
]


def test_the_places_of_the_reports_are_seeded_with_variants_and_hierarchy(archive):
    names = {p.name for p in case_places.list_places(archive)}
    assert set(SEEDED) <= names
    for variant in ("Zhanaozen", "Жаңаөзен", "Жанаозен", "janaozen", "ЖАНАОЗЕН"):
        place = case_places.get_place(archive, variant)
        assert place.path == ["Zhanaozen", "Mangystau Region", "Kazakhstan"], variant
    assert case_places.get_place(archive, "Алматы").name == "Almaty"
    assert case_places.get_place(archive, "Орал").name == "Uralsk"
    assert case_places.get_place(archive, "Astana").name == "Nur-Sultan"
    hall = case_places.get_place(archive, "Almaty city hall")
    assert hall.path == ["Almaty city hall", "Republic Square", "Almaty", "Kazakhstan"]
    square = case_places.get_place(archive, "Площадь Республики")
    assert square.lat == pytest.approx(43.2383) and square.radius_m == 400
    assert case_places.get_place(archive, "kz-atyrau").name == "Atyrau"


def test_adding_places_and_refusing_bad_ones(archive):
    p = case_places.add_place(
        archive,
        "Police station No. 2",
        kind="building",
        parent="Zhanaozen",
        variants=[("РОВД №2", "ru")],
        lat=43.35,
        lon=52.85,
    )
    assert p.path[1:] == ["Zhanaozen", "Mangystau Region", "Kazakhstan"]
    assert case_places.get_place(archive, "ровд №2").id == p.id
    with pytest.raises(EvidenceDeskError, match="both latitude and longitude"):
        case_places.add_place(archive, "Half", lat=43.0)
    with pytest.raises(EvidenceDeskError, match="place_kinds"):
        case_places.add_place(archive, "Odd", kind="planet")
    with pytest.raises(EvidenceDeskError, match="already used by PL-"):
        case_places.add_place(archive, "Another Almaty", code="kz-almaty")
    with pytest.raises(EvidenceDeskError, match="inside itself"):
        case_places.update_place(archive, "Mangystau Region", parent=p.ref)
    case_places.add_place(archive, "Bazaar", parent="Almaty")
    case_places.add_place(archive, "Bazaar", parent="Aktau")
    with pytest.raises(EvidenceDeskError, match="several places .*Bazaar / Aktau"):
        case_places.get_place(archive, "bazaar")
    with pytest.raises(EvidenceDeskError, match="still used by places inside it"):
        case_places.delete_place(archive, "Zhanaozen")
    case_places.delete_place(archive, p.ref)


def test_renaming_a_place_reindexes_what_is_there(archive):
    place = case_places.add_place(archive, "Market", kind="site", parent="Taldykorgan")
    incident = case_incidents.add_incident(archive, "Crowd dispersed", place=place.ref)
    assert case_search.search(archive, "Базар").incidents == []
    case_places.add_name(archive, place.ref, "Базар", "ru")
    assert case_search.search(archive, "bazar").incidents == [incident.id]
    case_places.update_place(archive, place.ref, name="Central market")
    assert case_search.search(archive, "central market").incidents == [incident.id]


def test_items_with_gps_go_to_the_nearest_place_within_its_radius(archive, tmp_path):
    folder = tmp_path / "in"
    on_square = add_file(archive, folder, "square.jpg", gps=REPUBLIC_SQUARE)
    in_city = add_file(archive, folder, "city.jpg", gps=ALMATY_WEST)
    in_atyrau = add_file(archive, folder, "atyrau.jpg", gps=ATYRAU)
    nowhere = add_file(archive, folder, "steppe.jpg", gps=FAR_STEPPE)
    manual = add_file(archive, folder, "manual.jpg", gps=ATYRAU)
    case_places.set_item_place(archive, manual, "Uralsk")
    placed = {r.exhibit: r.place for r in case_places.match_items_by_gps(archive)}
    assert placed == {on_square: "Republic Square", in_city: "Almaty", in_atyrau: "Atyrau"}
    assert nowhere not in placed and manual not in placed
    assert case_places.match_items_by_gps(archive) == []
    uuid = get_item(archive, in_atyrau)["id"]
    (event,) = [e for e in custody_details(archive, uuid) if e.get("action") == "place item"]
    assert event["method"] == "gps" and event["distance_m"] < 1000
    wide = case_places.match_items_by_gps(archive, [nowhere], radius_m=2_000_000)
    assert wide and wide[0].exhibit == nowhere
    case_places.set_item_place(archive, manual, None)
    with archive.db.reader() as session:
        from evidence_desk.services.catalogue.items import resolve

        assert case_places.item_places(session, resolve(session, manual).id) == []
