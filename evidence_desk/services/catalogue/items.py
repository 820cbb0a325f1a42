"""Finding, describing and tagging items.

Items leave this module as plain dictionaries in the documented JSON schema
(docs/item-json.md), never as ORM objects, so they can cross threads and
processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import Item, Tag
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError, ItemNotFound
from evidence_desk.services.catalogue import search_index
from evidence_desk.services.catalogue.item_rows import (
    EXHIBIT_RE,
    HEX_RE,
    item_json,
)
from evidence_desk.services.catalogue.item_rows import (
    UUID_RE as UUID_RE,  # re-exported for the case services
)
from evidence_desk.services.catalogue.item_rows import (
    captured_at_iso as captured_at_iso,
)

SENSITIVITIES = ("public", "restricted", "confidential")


def item_to_json(item: Item) -> dict[str, Any]:
    return item_json(item, item.sources, (t.name for t in item.tags))


def resolve(session: Session, ref: str) -> Item:
    """Find one item by exhibit number, UUID or SHA-256 prefix (6+ hex digits)."""
    ref = ref.strip()
    if m := EXHIBIT_RE.match(ref):
        rows = item_lookup.items_by_exhibit(session, int(m.group(1)))
        if not rows and HEX_RE.match(ref):
            rows = item_lookup.items_by_sha_prefix(session, ref.lower())
    elif UUID_RE.match(ref):
        rows = item_lookup.items_by_uuid(session, ref.lower())
    elif HEX_RE.match(ref):
        rows = item_lookup.items_by_sha_prefix(session, ref.lower(), limit=2)
    else:
        raise ItemNotFound(f"{ref!r} is not an exhibit number, UUID or SHA-256 prefix")
    if not rows:
        raise ItemNotFound(f"no item {ref}")
    if len(rows) > 1:
        raise ItemNotFound(f"{ref} matches several items; give more digits")
    return rows[0]


def get_item(archive: Archive, ref: str) -> dict[str, Any]:
    with archive.db.reader() as session:
        return item_to_json(resolve(session, ref))


def list_items(archive: Archive, *, include_removed: bool = False) -> list[dict[str, Any]]:
    with archive.db.reader() as session:
        rows = item_lookup.all_items(session, include_removed=include_removed)
        return [item_to_json(i) for i in rows]


def uuids_of(archive: Archive, item_ids: list[int]) -> list[str]:
    """The UUIDs of catalogue ids (the window's rows), for services that take references."""
    with archive.db.reader() as session:
        return item_lookup.uuids_of(session, item_ids)


def _clean_tag(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise EvidenceDeskError("a tag cannot be empty")
    return cleaned


def _find_tag(session: Session, name: str) -> Tag | None:
    wanted = name.casefold()
    for tag in item_lookup.tags_named(session, name):
        if tag.name.casefold() == wanted:
            return tag
    for tag in item_lookup.all_tags(session):
        if tag.name.casefold() == wanted:
            return tag
    return None


def set_tags(
    archive: Archive,
    refs: list[str],
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Add and remove tags on items; each changed item gets a custody event."""
    add = [_clean_tag(t) for t in add]
    remove = [_clean_tag(t) for t in remove]
    changed: list[dict[str, Any]] = []
    with archive.db.writer() as session:
        for ref in refs:
            item = resolve(session, ref)
            before = [t.name for t in item.tags]
            for name in add:
                tag = _find_tag(session, name) or Tag(name=name)
                if tag not in item.tags:
                    item.tags.append(tag)
            for name in remove:
                found = _find_tag(session, name)
                if found is not None and found in item.tags:
                    item.tags.remove(found)
            after = [t.name for t in item.tags]
            if sorted(before) != sorted(after):
                session.flush()
                custody.append(
                    session,
                    archive,
                    custody_chain.METADATA_MODIFICATION,
                    item=item,
                    details={"field": "tags", "before": sorted(before), "after": sorted(after)},
                )
                search_index.reindex(session, item)
            changed.append(item_to_json(item))
    return changed


EDITABLE_FIELDS = ("title", "description", "notes", "sensitivity")


def update_fields(archive: Archive, ref: str, **values: str) -> dict[str, Any]:
    """Change editable text fields; each change is logged with before and after."""
    with archive.db.writer() as session:
        item = resolve(session, ref)
        for name, value in values.items():
            _update_field(session, archive, item, name, value)
        search_index.reindex(session, item)
        return item_to_json(item)


def _update_field(session: Session, archive: Archive, item: Item, name: str, value: str) -> None:
    if name not in EDITABLE_FIELDS:
        raise EvidenceDeskError(f"{name} cannot be edited")
    if name == "sensitivity" and value not in SENSITIVITIES:
        raise EvidenceDeskError(
            f"sensitivity must be one of {', '.join(SENSITIVITIES)}, not {value!r}"
        )
    before = getattr(item, name)
    if before == value:
        return
    setattr(item, name, value)
    session.flush()
    custody.append(
        session,
        archive,
        custody_chain.METADATA_MODIFICATION,
        item=item,
        details={"field": name, "before": before, "after": value},
    )
    if name in ("title", "description"):
        _set_publishable(session, archive, item, False)  # changed text: review again


def set_title(
    archive: Archive, ref: str, title: str | None = None, *, publishable: bool | None = None
) -> dict[str, Any]:
    """Set the title and/or mark it (with the description) publishable in redacted bundles.

    A title derived from the file name is never publishable: it can name the
    person who took or sent the photo. Changing the title (or the description)
    clears the mark unless ``publishable`` is given in the same call, so the
    published text is always the text someone reviewed. One transaction: a
    refused mark leaves the title as it was.
    """
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise EvidenceDeskError("a title cannot be empty")
    with archive.db.writer() as session:
        item = resolve(session, ref)
        if title is not None:
            _update_field(session, archive, item, "title", title)
        if publishable:
            from evidence_desk.core import redaction  # Pillow: only when marking publishable

            names = [s.original_name for s in item.sources]
            if redaction.title_from_file_name(item.title, names):
                raise EvidenceDeskError(
                    f"{item.exhibit}: the title is still the file name; set a title by hand "
                    "before marking it publishable"
                )
        if publishable is not None:
            _set_publishable(session, archive, item, publishable)
        search_index.reindex(session, item)
        return item_to_json(item)


def _set_publishable(session: Session, archive: Archive, item: Item, value: bool) -> None:
    if item.title_publishable == value:
        return
    item.title_publishable = value
    session.flush()
    custody.append(
        session,
        archive,
        custody_chain.METADATA_MODIFICATION,
        item=item,
        details={"field": "title_publishable", "before": not value, "after": value},
    )
