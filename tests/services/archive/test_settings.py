"""Settings: a missing or damaged file gives the defaults, never a crash at archive open."""

from __future__ import annotations

import pytest

from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.archive.settings import (
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def test_round_trip():
    save_settings(Settings(collector="Айгерим", recent_archives=["/a", "/b"]))
    loaded = load_settings()
    assert loaded.collector == "Айгерим"
    assert loaded.recent_archives == ["/a", "/b"]


@pytest.mark.parametrize(
    "content",
    ["", "{not json", "[]", '"collector"', "null", '{"collector": 5, "recent_archives": "x"}'],
)
def test_damaged_settings_give_defaults(content, tmp_path):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert load_settings() == Settings()
    with create_archive(tmp_path / "archive") as archive:  # opening never fails on settings
        assert archive.actor


def test_unknown_and_mistyped_keys_are_ignored():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"collector": "Dana", "language": 7, "future_option": true}', "utf-8")
    assert load_settings() == Settings(collector="Dana")
