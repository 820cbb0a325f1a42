"""Saved searches of an encrypted archive are sealed inside it, never in the settings folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evidence_desk.core.crypto import archive_keys
from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS
from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.catalogue import listing
from evidence_desk.services.catalogue import saved_searches as store
from evidence_desk.services.catalogue.listing import Filters, SavedSearch

PASS = "correct horse battery"
CANARY = "CANARY-Айгерим-7f3a"


def _config_dir() -> Path:
    return Path(os.environ["EVIDENCE_DESK_CONFIG_DIR"])


def _bytes_under(folder: Path) -> bytes:
    if not folder.exists():
        return b""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def encrypted(tmp_path: Path):
    archive = create_archive(tmp_path / "enc", "Sealed", passphrase=PASS, kdf=FAST_TEST_PARAMS)
    yield archive
    archive.close()


def test_an_encrypted_archives_searches_stay_inside_it(encrypted, tmp_path: Path) -> None:
    shared = [SavedSearch("plain one", Filters(text="shared"))]
    listing.save_saved_searches(shared)
    mine = [SavedSearch(f"witness {CANARY}", Filters(text=CANARY, kinds=("photo",)))]

    assert store.load_saved_searches(encrypted) == [], "the shared list is not shown"
    store.save_saved_searches(mine, encrypted)

    assert store.load_saved_searches(encrypted) == mine
    assert store.load_saved_searches(None) == shared, "the shared list is untouched"
    canary = CANARY.encode("utf-8")
    assert canary not in _bytes_under(_config_dir())
    assert canary not in _bytes_under(encrypted.root), "sealed, not in clear in the archive"
    sealed = encrypted.keys / archive_keys.SAVED_SEARCHES
    assert sealed.stat().st_mode & 0o077 == 0

    encrypted.close()
    again = open_archive(encrypted.root, passphrase=lambda: PASS)
    try:
        assert store.load_saved_searches(again) == mine, "kept across a lock and unlock"
    finally:
        again.close()


def test_a_plain_archive_uses_the_shared_list(archive) -> None:
    searches = [SavedSearch("January", Filters(text="Алматы"))]
    store.save_saved_searches(searches, archive)
    assert listing.load_saved_searches() == searches
    assert store.load_saved_searches(archive) == searches


def test_altered_or_foreign_sealed_lists_are_one_line(encrypted, tmp_path: Path) -> None:
    store.save_saved_searches([SavedSearch("a", Filters(text="x"))], encrypted)
    sealed = encrypted.keys / archive_keys.SAVED_SEARCHES
    other = create_archive(tmp_path / "other", "Other", passphrase=PASS, kdf=FAST_TEST_PARAMS)
    try:
        (other.keys / archive_keys.SAVED_SEARCHES).write_bytes(sealed.read_bytes())
        with pytest.raises(store.SavedSearchesError) as caught:
            store.load_saved_searches(other)
        assert str(other.keys) in str(caught.value) and "\n" not in str(caught.value)
    finally:
        other.close()
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 1
    sealed.write_bytes(bytes(data))
    with pytest.raises(store.SavedSearchesError):
        store.load_saved_searches(encrypted)


def test_a_list_too_large_to_read_back_is_refused(encrypted) -> None:
    many = [SavedSearch(f"search {n}", Filters(text="x" * 200)) for n in range(400)]
    with pytest.raises(store.SavedSearchesError, match="too many"):
        store.save_saved_searches(many, encrypted)
    assert not (encrypted.keys / archive_keys.SAVED_SEARCHES).exists()
