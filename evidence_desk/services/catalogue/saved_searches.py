"""Where saved searches are kept decides who can read them.

A saved search's text is often a name ("Айгерим", "the detainee from
Zhanaozen") and says what the archive holds. Plain archives share one list in
the settings folder, as before. An encrypted archive keeps its own list,
sealed with its settings subkey in ``keys/saved-searches.enc``: the settings
folder is never encrypted, so nothing typed while an encrypted archive is open
may land there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from evidence_desk.core.crypto import archive_keys
from evidence_desk.core.crypto.errors import CryptoError
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue import listing
from evidence_desk.services.catalogue.listing import Filters, SavedSearch

# Sealed files are read with a 64 KiB cap (core.crypto.archive_keys): a list that could
# not be read back is refused when saved.
MAX_BYTES = 48 * 1024


class SavedSearchesError(Exception):
    """The encrypted archive's saved searches could not be read or written (one line)."""


def _sealed(archive: Archive) -> bool:
    return archive.crypto is not None


def load_saved_searches(archive: Archive | None) -> list[SavedSearch]:
    """The saved searches shown beside ``archive`` (the shared plain list for None
    or a plain archive). A sealed file that fails to open raises SavedSearchesError;
    one that opens but is malformed gives the entries that are well formed."""
    if archive is None or not _sealed(archive):
        return listing.load_saved_searches()
    assert archive.crypto is not None
    path = archive.keys / archive_keys.SAVED_SEARCHES
    if not path.exists():
        return []
    try:
        data = json.loads(archive_keys.read_sealed(path, archive.crypto.settings))
    except CryptoError as exc:
        raise SavedSearchesError(f"{path}: {exc}") from None
    except ValueError:
        raise SavedSearchesError(f"{path}: not a list of saved searches") from None
    searches = []
    for entry in data if isinstance(data, list) else []:
        try:
            searches.append(SavedSearch(str(entry["name"]), Filters.from_json(entry["filters"])))
        except (KeyError, TypeError, ValueError):
            continue
    return searches


def save_saved_searches(searches: Iterable[SavedSearch], archive: Archive | None) -> None:
    """Replace the list kept for ``archive`` (atomically; sealed for an encrypted one)."""
    if archive is None or not _sealed(archive):
        listing.save_saved_searches(searches)
        return
    assert archive.crypto is not None
    data = [{"name": s.name, "filters": s.filters.to_json()} for s in searches]
    text = json.dumps(data, ensure_ascii=False).encode("utf-8")
    path = archive.keys / archive_keys.SAVED_SEARCHES
    if len(text) > MAX_BYTES:
        raise SavedSearchesError(f"{path}: too many saved searches (over {MAX_BYTES} bytes)")
    try:
        archive_keys.write_sealed(path, text, archive.crypto.settings)
    except (OSError, CryptoError) as exc:
        raise SavedSearchesError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
