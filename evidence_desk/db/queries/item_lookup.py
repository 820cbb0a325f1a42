"""Looking up items one at a time or by small sets: by reference, by ids, by digest, tags,
"same scene" links and perceptual hashes.

The catalogue's list views read through ``queries.catalogue``; these are the
lookups of the use cases (edit, tag, link, export, preview), which want ORM
rows loaded with their sources and tags. Long lists of values are asked in
chunks so no statement passes SQLite's bound-parameter limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, selectinload

from evidence_desk.db.models import Item, ItemLink, Tag
from evidence_desk.db.queries import chunks


def _loaded() -> Select[Item]:
    return select(Item).options(selectinload(Item.sources), selectinload(Item.tags))




def items_by_exhibit(session: Session, number: int) -> list[Item]:
    return list(session.scalars(_loaded().where(Item.exhibit_no == number)))


def items_by_uuid(session: Session, uuid: str) -> list[Item]:
    return list(session.scalars(_loaded().where(Item.uuid == uuid)))


def items_by_sha_prefix(session: Session, prefix: str, limit: int | None = None) -> list[Item]:
    """Items whose SHA-256 starts with ``prefix`` (lower-case hex), at most ``limit``."""
    stmt = _loaded().where(Item.sha256.like(prefix + "%"))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def all_items(session: Session, *, include_removed: bool = False) -> list[Item]:
    """Every item with its sources and tags, in exhibit order."""
    stmt = _loaded().order_by(Item.exhibit_no)
    if not include_removed:
        stmt = stmt.where(Item.removed_at.is_(None))
    return list(session.scalars(stmt))


def items_by_uuids(session: Session, uuids: Sequence[str]) -> list[Item]:
    """Items with these UUIDs, with sources and tags, in exhibit order per chunk."""
    rows: list[Item] = []
    for chunk in chunks(uuids):
        rows += session.scalars(_loaded().where(Item.uuid.in_(chunk)).order_by(Item.exhibit_no))
    return rows


def items_by_ids(session: Session, ids: Sequence[int]) -> Iterator[Item]:
    """Items with these ids (no relations loaded), read a chunk at a time as iterated."""
    for chunk in chunks(ids):
        yield from session.scalars(select(Item).where(Item.id.in_(chunk)))


def item_with_uuid(session: Session, uuid: str) -> Item:
    """The item with this UUID (``NoResultFound`` when there is none)."""
    return session.scalars(select(Item).where(Item.uuid == uuid)).one()


def ids_of_uuids(session: Session, uuids: Sequence[str]) -> dict[int, str]:
    """Item id -> UUID of the items with these UUIDs."""
    found: dict[int, str] = {}
    for chunk in chunks(uuids):
        rows = session.execute(select(Item.id, Item.uuid).where(Item.uuid.in_(chunk)))
        found.update({int(i): str(u) for i, u in rows})
    return found


def uuids_of(session: Session, ids: Sequence[int]) -> list[str]:
    uuids: list[str] = []
    for chunk in chunks(ids):
        uuids += session.scalars(select(Item.uuid).where(Item.id.in_(chunk)))
    return uuids


def item_with_digest(session: Session, digest: str) -> Item | None:
    """The item holding the content with this SHA-256, if any."""
    return session.scalars(select(Item).where(Item.sha256 == digest)).first()


def known_digests(session: Session, digests: Sequence[str]) -> set[str]:
    """Which of these SHA-256 digests an item already has."""
    known: set[str] = set()
    for chunk in chunks(digests):
        known |= set(session.scalars(select(Item.sha256).where(Item.sha256.in_(chunk))))
    return known


def exhibit_numbers(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """Item id -> exhibit number."""
    found: dict[int, int] = {}
    for chunk in chunks(ids, 900):
        rows = session.execute(select(Item.id, Item.exhibit_no).where(Item.id.in_(chunk)))
        found.update({int(i): int(n) for i, n in rows})
    return found


def thumbnail_digests(session: Session, numbers: Sequence[int]) -> list[tuple[int, str]]:
    """(exhibit number, SHA-256) of those of these exhibits that have a thumbnail."""
    found: list[tuple[int, str]] = []
    for chunk in chunks(numbers, 900):
        rows = session.execute(
            select(Item.exhibit_no, Item.sha256).where(
                Item.exhibit_no.in_(chunk), Item.has_thumbnail.is_(True)
            )
        )
        found += [(int(n), str(sha)) for n, sha in rows]
    return found


def tags_named(session: Session, name: str) -> list[Tag]:
    """Tags equal to ``name`` or equal ignoring ASCII case (the database's ``ilike``)."""
    return list(session.scalars(select(Tag).where(or_(Tag.name == name, Tag.name.ilike(name)))))


def all_tags(session: Session) -> list[Tag]:
    return list(session.scalars(select(Tag)))


def links_from(session: Session, ids: Sequence[int]) -> dict[int, list[ItemLink]]:
    """Each item's outgoing links, in the order they were made."""
    found: dict[int, list[ItemLink]] = {}
    for chunk in chunks(ids):
        stmt = select(ItemLink).where(ItemLink.from_item_id.in_(chunk)).order_by(ItemLink.id)
        for link in session.scalars(stmt):
            found.setdefault(link.from_item_id, []).append(link)
    return found


def linked_ids(session: Session, item_id: int, relation: str) -> set[int]:
    """Ids of the items linked to ``item_id`` by ``relation``, in either direction."""
    rows = session.execute(
        select(ItemLink.from_item_id, ItemLink.to_item_id).where(
            ItemLink.relation == relation,
            or_(ItemLink.from_item_id == item_id, ItemLink.to_item_id == item_id),
        )
    )
    return {b if a == item_id else a for a, b in rows}


def link_between(session: Session, a: int, b: int, relation: str) -> ItemLink | None:
    """The ``relation`` link between two items, whichever way it was made."""
    return session.scalars(
        select(ItemLink).where(
            ItemLink.relation == relation,
            or_(
                and_(ItemLink.from_item_id == a, ItemLink.to_item_id == b),
                and_(ItemLink.from_item_id == b, ItemLink.to_item_id == a),
            ),
        )
    ).first()


def phashes_except(session: Session, item_id: int) -> list[tuple[int, str]]:
    """(id, pHash) of every item in the catalogue with a pHash, except ``item_id``."""
    rows = session.execute(
        select(Item.id, Item.phash).where(
            Item.phash.is_not(None), Item.removed_at.is_(None), Item.id != item_id
        )
    )
    return [(int(i), str(h)) for i, h in rows if h is not None]


def summaries(
    session: Session, ids: Sequence[int]
) -> dict[int, tuple[str, int, str, str, str, bool]]:
    """Item id -> (uuid, exhibit number, title, kind, SHA-256, has thumbnail)."""
    rows = session.execute(
        select(
            Item.id,
            Item.uuid,
            Item.exhibit_no,
            Item.title,
            Item.kind,
            Item.sha256,
            Item.has_thumbnail,
        ).where(Item.id.in_(list(ids)))
    )
    return {r[0]: (r[1] or "", r[2], r[3], r[4], r[5], bool(r[6])) for r in rows}
