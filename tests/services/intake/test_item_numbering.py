"""Exhibit numbers come from one counter, whichever path creates the item."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.db.models import Counter, Item
from evidence_desk.services.case import testimonies
from evidence_desk.services.intake.items import create_item
from tests.helpers.case_records import add_file


def _numbers(archive) -> list[int]:
    with archive.db.reader() as session:
        return list(session.scalars(select(Item.exhibit_no).order_by(Item.exhibit_no)))


def test_ingest_and_testimonies_share_one_sequence(archive, tmp_path: Path) -> None:
    assert add_file(archive, tmp_path / "in", "a.jpg") == "ED-000001"
    testimony = testimonies.add_testimony(archive, statement="I saw it.")
    assert testimony.exhibit == "ED-000002"
    assert add_file(archive, tmp_path / "in", "b.pdf") == "ED-000003"
    assert _numbers(archive) == [1, 2, 3]
    with archive.db.reader() as session:
        assert session.get(Counter, "exhibit").value == 3


def test_a_rolled_back_item_gives_its_number_back(archive) -> None:
    with pytest.raises(RuntimeError), archive.db.writer() as session:
        create_item(
            session, archive, sha256="0" * 64, size=1, kind="other", mime_type="x/y", title="t"
        )
        raise RuntimeError("the rest of the import failed")
    with archive.db.writer() as session:
        item = create_item(
            session, archive, sha256="1" * 64, size=1, kind="other", mime_type="x/y", title="t"
        )
        assert item.exhibit == "ED-000001" and item.id is not None


def test_unknown_fields_are_refused(archive) -> None:
    with pytest.raises(TypeError, match="exhbit"), archive.db.writer() as session:
        create_item(
            session, archive, sha256="2" * 64, size=1, kind="other", mime_type="x/y",
            title="t", exhbit="typo",
        )  # fmt: skip


def test_an_archive_from_before_the_counter_continues_its_numbers(archive, tmp_path: Path):
    """Migration 0004 seeds the counter from the exhibits an older archive already has."""
    import importlib

    from sqlalchemy import text

    migration = importlib.import_module("evidence_desk.db.migrations.versions.0004_counters")
    add_file(archive, tmp_path / "in", "a.jpg")
    add_file(archive, tmp_path / "in", "b.jpg")
    with archive.db.writer() as session:  # as the archive was before the migration
        session.execute(text("DELETE FROM counters"))
        session.execute(text(migration.SEED_EXHIBIT_COUNTER))
    assert add_file(archive, tmp_path / "in2", "c.jpg") == "ED-000003"
