"""Stored sort keys give exactly the order the catalogue computed row by row before.

The reference is the previous implementation's SQL (folding in Python,
first source and tag list by subquery), run on the same archive.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue.listing import Sort
from evidence_desk.services.catalogue.removal import remove_items
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media

_FIRST_SOURCE = (
    "(SELECT s.received_from FROM sources s WHERE s.item_id = items.id ORDER BY s.id LIMIT 1)"
)
_TAG_LIST = (
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM item_tags it "
    "JOIN tags t ON t.id = it.tag_id WHERE it.item_id = items.id ORDER BY t.name))"
)
REFERENCE = {
    "exhibit": [("items.exhibit_no", True)],
    "title": [("ed_fold(items.title)", True)],
    "kind": [("items.kind", True)],
    "captured": [("items.captured_sort IS NULL", False), ("items.captured_sort", True)],
    "received_from": [(f"{_FIRST_SOURCE} IS NULL", False), (f"ed_fold({_FIRST_SOURCE})", True)],
    "tags": [(f"{_TAG_LIST} IS NULL", False), (f"ed_fold({_TAG_LIST})", True)],
    "sensitivity": [
        ("CASE items.sensitivity WHEN 'public' THEN 0 WHEN 'restricted' THEN 1 ELSE 2 END", True)
    ],
    # The same, with the other names apart and in name order.
    "sensitivity_named": [
        ("CASE items.sensitivity WHEN 'public' THEN 0 WHEN 'restricted' THEN 1 ELSE 2 END", True),
        ("items.sensitivity", True),
    ],
    "size": [("items.size", True)],
    "sha256": [("items.sha256", True)],
    "warnings": [("json_array_length(items.warnings_json)", True)],
}


def _reference(db: Path, key: str, descending: bool) -> list[int]:
    conn = sqlite3.connect(db)
    conn.create_function("ed_fold", 1, lambda v: v.casefold() if v is not None else None)
    direction = " DESC" if descending else ""
    order = ", ".join(e + (direction if f else "") for e, f in REFERENCE[key])
    if key != "exhibit":
        order += ", items.exhibit_no" + direction
    sql = f"SELECT id FROM items WHERE removed_at IS NULL ORDER BY {order}"
    try:
        return [r[0] for r in conn.execute(sql)]
    finally:
        conn.close()


@pytest.fixture
def varied(archive, tmp_path: Path):  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    titles = ["Площадь", "площадь", "Жаңаөзен", "almaty", "Almaty", "Ақтау", "zeta", "Б", "б", ""]
    senders = ["Кадыр", "кадыр", "", "Volunteer", "volunteer", "Әлия", "Bureau", "", "Z", "a"]
    paths = []
    for n, _title in enumerate(titles):
        data = os.urandom(10 + 7 * n)  # sizes differ, some tie on nothing
        paths.append(media.write_bytes(src / f"f{n}.bin", data))
    made = []
    for n, path in enumerate(paths):
        made += ingest(archive, [path], provenance=Provenance(received_from=senders[n])).new
    uuids = [r.item_uuid for r in made]
    for n, ref in enumerate(uuids):
        items.update_fields(archive, ref, title=titles[n])
    items.update_fields(archive, uuids[1], sensitivity="public")
    items.update_fields(archive, uuids[4], sensitivity="confidential")
    items.set_tags(archive, [uuids[0], uuids[3]], add=["задержание"])
    items.set_tags(archive, [uuids[3], uuids[5]], add=["Almaty", "ИВС"])
    items.set_tags(archive, [uuids[6]], add=["арест"])
    items.set_tags(archive, [uuids[5]], remove=["Almaty"])
    ingest(archive, [paths[2]], provenance=Provenance(received_from="later sender"))
    remove_items(archive, [uuids[8]], "duplicate upload")
    return archive


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", catalogue.SORT_KEYS)
def test_every_sort_matches_the_row_by_row_order(varied, key: str, descending: bool) -> None:  # type: ignore[no-untyped-def]
    expected = _reference(varied.db.path, key, descending)
    assert len(expected) == 9
    assert catalogue.query_ids(varied, sort=Sort(key, descending)) == expected
    assert catalogue.query_ids(varied, sort=Sort(key, descending), limit=4) == expected[:4]


def test_keys_follow_edits(varied) -> None:  # type: ignore[no-untyped-def]
    first = catalogue.query_ids(varied, sort=Sort("title"))[0]
    ref = catalogue.fetch_rows(varied, [first])[first].uuid
    items.update_fields(varied, ref, title="ЯЯЯ")
    items.set_tags(varied, [ref], add=["Ωmega"])
    assert catalogue.query_ids(varied, sort=Sort("title"))[-1] == first
    for key in ("title", "tags"):
        assert catalogue.query_ids(varied, sort=Sort(key)) == _reference(varied.db.path, key, False)


def test_migration_fills_the_keys_of_an_older_archive(varied) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from evidence_desk.db.engine import _alembic_config

    config = _alembic_config()
    with varied.db.write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    assert varied.db.current_revision() == "0003"
    varied.db.upgrade(varied.root / "backups")
    for key in ("title", "received_from", "tags", "warnings"):
        for descending in (False, True):
            expected = _reference(varied.db.path, key, descending)
            assert catalogue.query_ids(varied, sort=Sort(key, descending)) == expected


@pytest.mark.parametrize("descending", [False, True])
def test_sensitivities_other_than_the_ranked_ones(varied, descending: bool) -> None:  # type: ignore[no-untyped-def]
    """Names below, between and above "public" and "restricted" sort after them, by name."""
    from sqlalchemy import text

    with varied.db.writer() as session:
        for number, name in ((2, "private"), (3, "secret"), (5, "archived"), (7, "secret")):
            session.execute(
                text("UPDATE items SET sensitivity = :s WHERE exhibit_no = :n"),
                {"s": name, "n": number},
            )
    expected = _reference(varied.db.path, "sensitivity_named", descending)
    assert catalogue.query_ids(varied, sort=Sort("sensitivity", descending)) == expected
