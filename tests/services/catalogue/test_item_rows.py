"""The quick read path of ``list`` and ``show`` gives what the full open gives, plain or
encrypted, and leaves to the full open what it cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_desk.services.archive.archive import (
    WrongPassphraseError,
    create_archive,
    open_archive,
)
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.item_rows import quick_reader
from evidence_desk.services.catalogue.removal import remove_items
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media

PASS = "eleven words of a long phrase"


pytestmark = pytest.mark.usefixtures("fast_kdf")


def _fill(root: Path, tmp_path: Path, passphrase: str | None) -> None:
    src = tmp_path / "src"
    src.mkdir()
    media.make_jpeg(src / "a.jpg", exif_datetime="2022:01:05 18:30:00")
    media.make_jpeg(src / "b.jpg", color=(10, 200, 10), gps=None)
    media.make_pdf(src / "c.pdf")
    archive = create_archive(root, "quick", passphrase=passphrase)
    try:
        report = ingest(archive, [src], provenance=Provenance(received_from="Волонтёр 7"))
        uuids = sorted(r.item_uuid for r in report.new)
        items.set_tags(archive, uuids[:2], add=["задержание", "Almaty"])
        items.update_fields(archive, uuids[2], title="Жаңаөзен, алаң", notes="note")
        remove_items(archive, [uuids[1]], reason="duplicate of another exhibit")
    finally:
        archive.close()


def _text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@pytest.mark.parametrize("passphrase", [None, PASS])
def test_quick_reads_equal_the_full_open(tmp_path: Path, passphrase: str | None) -> None:
    root = tmp_path / "archive"
    _fill(root, tmp_path, passphrase)
    with open_archive(root, passphrase=lambda: PASS) as archive:
        full_active = items.list_items(archive)
        full_all = items.list_items(archive, include_removed=True)
    assert len(full_active) == 2 and len(full_all) == 3
    asked: list[int] = []

    def source() -> str:
        asked.append(1)
        return PASS

    reader = quick_reader(root, source)
    assert reader is not None
    assert len(asked) == (1 if passphrase else 0)
    with reader:  # compared as JSON text: 0 == False in Python, not in the output
        assert _text(reader.items()) == _text(full_active)
        assert _text(reader.items(include_removed=True)) == _text(full_all)
        for row in full_all:
            assert _text(reader.item(row["exhibit"])) == _text(row)
            assert _text(reader.item(row["id"])) == _text(row)
            assert _text(reader.item(row["sha256"][:12])) == _text(row)
        summaries = list(reader.summaries())
    assert [s[0] for s in summaries] == [r["exhibit"] for r in full_active]
    assert [(s[1], s[2], s[3], s[4]) for s in summaries] == [
        (r["kind"], r["sha256"], r["captured_at"], r["title"]) for r in full_active
    ]


def test_encrypted_needs_the_right_passphrase(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _fill(root, tmp_path, PASS)
    assert quick_reader(root) is None  # the full open says a passphrase is needed
    with pytest.raises(WrongPassphraseError):
        quick_reader(root, lambda: "a wrong passphrase")


def test_other_schema_or_no_database_takes_the_full_open(tmp_path: Path) -> None:
    import sqlite3

    assert quick_reader(tmp_path / "nothing") is None
    root = tmp_path / "archive"
    create_archive(root, "quick").close()
    db = sqlite3.connect(root / "evidence.sqlite")
    with db:
        db.execute("UPDATE alembic_version SET version_num = '0001'")
    db.close()
    assert quick_reader(root) is None


def test_an_encrypted_archive_with_saved_searches_keeps_the_quick_reader(tmp_path: Path) -> None:
    """Every file an encrypted archive writes into keys/ is known (core.crypto.layout), so
    saving a search does not send every later ``list`` down the slow full open."""
    from evidence_desk.services.catalogue.listing import Filters, SavedSearch
    from evidence_desk.services.catalogue.saved_searches import save_saved_searches

    root = tmp_path / "archive"
    _fill(root, tmp_path, PASS)
    with open_archive(root, passphrase=lambda: PASS) as archive:
        save_saved_searches([SavedSearch("detentions", Filters(text="detention"))], archive)
    assert (root / "keys" / "saved-searches.enc").is_file()
    reader = quick_reader(root, lambda: PASS)
    assert reader is not None
    with reader:
        assert len(reader.items()) == 2
