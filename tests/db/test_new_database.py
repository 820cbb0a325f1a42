"""A new archive written through the bare driver (db/new_database.py, services/archive/creation)
is exactly what the models read: its row, its creation event, checkpoint and backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.core.crypto import keys
from evidence_desk.db import new_database
from evidence_desk.db.models import CustodyEvent
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.archive.backups import all_backups, inspect
from evidence_desk.services.archive.creation import make_archive
from evidence_desk.services.archive.custody import check_log
from evidence_desk.services.catalogue.verify import verify

PASS = "eleven words of a long phrase"


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_made_archive_reads_back_through_the_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool
) -> None:
    monkeypatch.setattr(keys, "DEFAULT_PARAMS", keys.FAST_TEST_PARAMS)
    made = make_archive(tmp_path / "a", "Almaty, January", passphrase=PASS if encrypted else None)
    with open_archive(made.root, passphrase=lambda: PASS) as archive:
        info = archive.info()
        assert (info.uuid, info.name, info.path) == (made.uuid, "Almaty, January", made.root)
        assert isinstance(info.created_at, datetime)
        with archive.db.reader() as session:
            events = session.scalars(select(CustodyEvent)).all()
            assert [e.event_type for e in events] == ["creation"]
            assert events[0].item_id is None and events[0].item_uuid is None
            assert check_log(session) == []
        report = verify(archive)
        assert report.ok, [p.message for p in report.problems]
        key = archive.crypto.database if archive.crypto else None
    backups = all_backups(made.root / "backups")
    assert len(backups) == 1
    assert inspect(backups[0], key).events == 1


def test_a_failed_creation_leaves_no_catalogue(tmp_path: Path) -> None:
    made = make_archive(tmp_path / "a")
    rows = new_database.FirstRows(
        uuid="x", name="x", created_at=datetime(2022, 1, 5), created_by="x", tool_version="x",
        event={}, event_details_json="{}",
    )  # fmt: skip
    with pytest.raises(ValueError, match="not empty"):
        new_database.create(made.root / "evidence.sqlite", None, rows)
    conn = sqlite3.connect(made.root / "evidence.sqlite")
    assert conn.execute("SELECT count(*) FROM archive_info").fetchone()[0] == 1
    conn.close()
    fresh = tmp_path / "fresh.sqlite"
    with pytest.raises(KeyError):  # the event misses its fields: the whole transaction goes
        new_database.create(fresh, None, rows)
    conn = sqlite3.connect(fresh)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()
