"""Near-duplicates by perceptual hash, and "same scene" links between items.

Messengers re-encode the same photo or video many times, so copies arrive
with different SHA-256 but nearly equal pHash. Finding them is a linear scan
of 64-bit integers (about 50 ms for 100,000 items), cheap enough without an
index. When a researcher confirms two items show the same scene, the link
is stored as an ``ItemLink`` and written to both items' custody timelines.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import Item, ItemLink, format_exhibit
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.catalogue.items import resolve

SAME_SCENE = "same scene"
DEFAULT_MAX_DISTANCE = 10  # bits of 64; core.phash explains the choice (not imported: numpy)


@dataclass(frozen=True)
class SimilarItem:
    id: int
    uuid: str
    exhibit: str
    title: str
    kind: str
    sha256: str
    has_thumbnail: bool
    distance: int | None  # Hamming distance in bits; None when only linked
    same_scene: bool


def _linked_ids(session: Session, item_id: int) -> set[int]:
    rows = session.execute(
        select(ItemLink.from_item_id, ItemLink.to_item_id).where(
            ItemLink.relation == SAME_SCENE,
            or_(ItemLink.from_item_id == item_id, ItemLink.to_item_id == item_id),
        )
    )
    return {b if a == item_id else a for a, b in rows}


def find_similar(
    archive: Archive,
    ref: str,
    max_distance: int = DEFAULT_MAX_DISTANCE,
    limit: int = 50,
) -> list[SimilarItem]:
    """Items whose pHash is within ``max_distance`` bits, plus those already linked.

    Closest first; linked items without a close hash come last.
    """
    with archive.db.reader() as session:
        item = resolve(session, ref)
        linked = _linked_ids(session, item.id)
        close: dict[int, int] = {}
        if item.phash:
            target = int(item.phash, 16)
            rows = session.execute(
                select(Item.id, Item.phash).where(
                    Item.phash.is_not(None), Item.removed_at.is_(None), Item.id != item.id
                )
            )
            for other_id, other_hash in rows:
                if other_hash is None:
                    continue
                distance = (target ^ int(other_hash, 16)).bit_count()
                if distance <= max_distance:
                    close[other_id] = distance
        ranked = sorted(close, key=lambda i: (close[i], i))[:limit]
        wanted = ranked + sorted(linked - set(ranked))
        if not wanted:
            return []
        details = session.execute(
            select(
                Item.id,
                Item.uuid,
                Item.exhibit_no,
                Item.title,
                Item.kind,
                Item.sha256,
                Item.has_thumbnail,
            ).where(Item.id.in_(wanted))
        )
        by_id = {r[0]: r for r in details}
    return [
        SimilarItem(
            id=i,
            uuid=by_id[i][1] or "",
            exhibit=format_exhibit(by_id[i][2]),
            title=by_id[i][3],
            kind=by_id[i][4],
            sha256=by_id[i][5],
            has_thumbnail=bool(by_id[i][6]),
            distance=close.get(i),
            same_scene=i in linked,
        )
        for i in wanted
        if i in by_id
    ]


def _link_between(session: Session, a: int, b: int) -> ItemLink | None:
    return session.scalars(
        select(ItemLink).where(
            ItemLink.relation == SAME_SCENE,
            or_(
                and_(ItemLink.from_item_id == a, ItemLink.to_item_id == b),
                and_(ItemLink.from_item_id == b, ItemLink.to_item_id == a),
            ),
        )
    ).first()


def _log_link(
    session: Session, archive: Archive, first: Item, second: Item, action: str, note: str
) -> None:
    for item, other in ((first, second), (second, first)):
        custody.append(
            session,
            archive,
            custody_chain.METADATA_MODIFICATION,
            item=item,
            details={
                "field": "links",
                "relation": SAME_SCENE,
                "action": action,
                "other_exhibit": other.exhibit,
                "other_uuid": other.uuid,
                "note": note,
            },
        )


def mark_same_scene(archive: Archive, ref: str, other_ref: str, note: str = "") -> bool:
    """Link two items as showing the same scene; False when they already were."""
    with archive.db.writer() as session:
        first = resolve(session, ref)
        second = resolve(session, other_ref)
        if first.id == second.id:
            raise EvidenceDeskError("an item cannot be linked to itself")
        if _link_between(session, first.id, second.id) is not None:
            return False
        session.add(
            ItemLink(
                from_item_id=first.id,
                to_item_id=second.id,
                relation=SAME_SCENE,
                note=note,
                created_at=utcnow(),
            )
        )
        session.flush()
        _log_link(session, archive, first, second, "added", note)
        return True


def unmark_same_scene(archive: Archive, ref: str, other_ref: str) -> bool:
    """Remove a "same scene" link (logged); False when there was none."""
    with archive.db.writer() as session:
        first = resolve(session, ref)
        second = resolve(session, other_ref)
        link = _link_between(session, first.id, second.id)
        if link is None:
            return False
        session.delete(link)
        session.flush()
        _log_link(session, archive, first, second, "removed", "")
        return True
