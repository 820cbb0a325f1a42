"""Near-duplicates by perceptual hash, and "same scene" links between items.

Messengers re-encode the same photo or video many times, so copies arrive
with different SHA-256 but nearly equal pHash. Finding them is a linear scan
of 64-bit integers (about 50 ms for 100,000 items), cheap enough without an
index. When a researcher confirms two items show the same scene, the link
is stored as an ``ItemLink`` and written to both items' custody timelines.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import Item, ItemLink, format_exhibit
from evidence_desk.db.queries import item_lookup
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
        linked = item_lookup.linked_ids(session, item.id, SAME_SCENE)
        close: dict[int, int] = {}
        if item.phash:
            target = int(item.phash, 16)
            for other_id, other_hash in item_lookup.phashes_except(session, item.id):
                distance = (target ^ int(other_hash, 16)).bit_count()
                if distance <= max_distance:
                    close[other_id] = distance
        ranked = sorted(close, key=lambda i: (close[i], i))[:limit]
        wanted = ranked + sorted(linked - set(ranked))
        if not wanted:
            return []
        by_id = item_lookup.summaries(session, wanted)
    return [
        SimilarItem(
            id=i,
            uuid=by_id[i][0],
            exhibit=format_exhibit(by_id[i][1]),
            title=by_id[i][2],
            kind=by_id[i][3],
            sha256=by_id[i][4],
            has_thumbnail=by_id[i][5],
            distance=close.get(i),
            same_scene=i in linked,
        )
        for i in wanted
        if i in by_id
    ]


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
        if item_lookup.link_between(session, first.id, second.id, SAME_SCENE) is not None:
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
        link = item_lookup.link_between(session, first.id, second.id, SAME_SCENE)
        if link is None:
            return False
        session.delete(link)
        session.flush()
        _log_link(session, archive, first, second, "removed", "")
        return True
