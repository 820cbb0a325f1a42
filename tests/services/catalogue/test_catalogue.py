"""The catalogue queries: filters, sorting, batches of rows, facets, saved searches."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue.listing import Filters, Sort
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media


@pytest.fixture
def filled(archive, tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    media.make_jpeg(src / "a.jpg", color=(200, 10, 10), exif_datetime="2022:01:05 18:30:00")
    media.make_jpeg(
        src / "b.jpg", color=(10, 200, 10), gps=None, exif_datetime="2022:01:07 10:00:00"
    )
    media.make_pdf(src / "c.pdf")
    report = ingest(archive, [src], provenance=Provenance(received_from="Volunteer A"))
    by_name = {Path(r.path).name: r for r in report.new}
    a, b, c = (by_name[n].item_uuid for n in ("a.jpg", "b.jpg", "c.pdf"))
    items.update_fields(archive, a, title="Площадь Республики, Алматы")
    items.update_fields(archive, b, title="Жаңаөзен, алаң", description="Zhanaozen square")
    items.update_fields(archive, c, title="Report from Almaty", sensitivity="confidential")
    items.set_tags(archive, [a, b], add=["задержание"])
    items.set_tags(archive, [c], add=["Almaty"])
    return archive, {"a": a, "b": b, "c": c}


def _uuids(archive, ids):
    return [row.uuid for row in (catalogue.fetch_rows(archive, ids)[i] for i in ids)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Cyrillic and Latin spellings of a place find each other.
        ("Алматы", {"a", "c"}),
        ("алматы", {"a", "c"}),
        ("АЛМАТЫ", {"a", "c"}),
        ("Жаңаөзен", {"b"}),
        ("жаңаөз", {"b"}),
        ("Almaty", {"a", "c"}),
        ("almaty", {"a", "c"}),
        ("задержание", {"a", "b"}),
        ("no-such-word", set()),
        # A Cyrillic word followed by another word (was an FTS5 syntax error).
        ("Алматы Площадь", {"a"}),
        ("Жаңаөзен square", {"b"}),
    ],
)
def test_full_text_search_is_case_insensitive_in_all_languages(filled, typed, expected):
    archive, ref = filled
    ids = catalogue.query_ids(archive, Filters(text=typed))
    assert set(_uuids(archive, ids)) == {ref[k] for k in expected}


def test_filters_combine(filled):
    archive, ref = filled
    photos = catalogue.query_ids(archive, Filters(kinds=("photo",)))
    assert set(_uuids(archive, photos)) == {ref["a"], ref["b"]}
    with_gps = catalogue.query_ids(archive, Filters(has_gps=True))
    assert _uuids(archive, with_gps) == [ref["a"]]
    tagged = catalogue.query_ids(archive, Filters(tag="задержание", has_gps=False))
    assert _uuids(archive, tagged) == [ref["b"]]
    conf = catalogue.query_ids(archive, Filters(sensitivity="confidential"))
    assert _uuids(archive, conf) == [ref["c"]]
    day = catalogue.query_ids(
        archive, Filters(captured_from=date(2022, 1, 7), captured_to=date(2022, 1, 7))
    )
    assert _uuids(archive, day) == [ref["b"]]


def test_sorting_by_title_folds_cyrillic_case(filled):
    archive, ref = filled
    asc = _uuids(archive, catalogue.query_ids(archive, sort=Sort("title")))
    assert asc == [ref["c"], ref["b"], ref["a"]]  # R < Ж < П
    desc = _uuids(archive, catalogue.query_ids(archive, sort=Sort("title", descending=True)))
    assert desc == list(reversed(asc))
    for key in catalogue.SORT_KEYS:
        assert len(catalogue.query_ids(archive, sort=Sort(key))) == 3


def test_rows_are_plain_data(filled):
    archive, ref = filled
    ids = catalogue.query_ids(archive)
    rows = catalogue.fetch_rows(archive, ids)
    first = rows[ids[0]]
    assert first.exhibit == "ED-000001"
    assert first.received_from == "Volunteer A"
    assert first.tags == ("задержание",)
    assert first.has_gps and first.kind == "photo"
    assert first.captured_local is not None and first.captured_offset_min == 360


def test_facets_and_sha_prefix(filled):
    archive, ref = filled
    f = catalogue.facets(archive)
    assert f.total == 3 and f.removed == 0
    assert dict(f.kinds) == {"photo": 2, "document": 1}
    assert dict(f.tags) == {"Almaty": 1, "задержание": 2}
    sha = catalogue.fetch_rows(archive, catalogue.query_ids(archive))
    any_row = next(iter(sha.values()))
    found = catalogue.query_ids(archive, Filters(text=any_row.sha256[:10]))
    assert found == [any_row.id]


def test_facets_leave_removed_items_out(filled):
    archive, ref = filled
    from evidence_desk.services.catalogue.removal import remove_items, restore_items

    remove_items(archive, [ref["a"]], reason="duplicate of a better copy")
    f = catalogue.facets(archive)
    assert f.total == 2 and f.removed == 1
    assert dict(f.kinds) == {"photo": 1, "document": 1}
    assert dict(f.tags) == {"Almaty": 1, "задержание": 1}
    assert dict(f.sensitivities) == {"restricted": 1, "confidential": 1}
    remove_items(archive, [ref["b"]], reason="duplicate")
    assert "задержание" not in dict(catalogue.facets(archive).tags), "no zero counts"
    restore_items(archive, [ref["a"], ref["b"]])
    assert dict(catalogue.facets(archive).tags) == {"Almaty": 1, "задержание": 2}


def test_saved_searches_round_trip():
    searches = [
        catalogue.SavedSearch("Жаңаөзен photos", Filters(text="Жаңаөзен", kinds=("photo",))),
        catalogue.SavedSearch("January", Filters(captured_from=date(2022, 1, 1), has_gps=True)),
    ]
    catalogue.save_saved_searches(searches)
    assert catalogue.load_saved_searches() == searches
