"""Queries behind the integrity checks: chain head, numbering high-water, triggers, records.

Every query here reads only, except :func:`restore_triggers`; they run in
whatever session or connection the caller holds, so a check sees one
consistent snapshot.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from evidence_desk.core import evidence_digest
from evidence_desk.db import dialect
from evidence_desk.db.models import Item, Source
from evidence_desk.db.triggers import TRIGGERS, normalise


def chain_head(session: Session) -> tuple[int, str | None]:
    """How many custody events there are, and the hash of the last one.

    Events are never deleted (the triggers refuse it) and ids are assigned
    one above the highest, so the last id is the count: read from the index
    in microseconds rather than counted (25 ms at 200,000 events, after
    every write transaction). Should rows have been deleted, the id is
    larger than the count and verify reports the log as truncated.
    """
    row = session.execute(
        text("SELECT id, hash FROM custody_events ORDER BY id DESC LIMIT 1")
    ).first()
    if row is None:
        return 0, None
    return int(row[0]), str(row[1])


def exhibit_high(session: Session) -> int:
    """The highest exhibit number ever handed out that the database still knows."""
    highest = session.execute(text("SELECT coalesce(max(exhibit_no), 0) FROM items")).scalar()
    counted = session.execute(text("SELECT value FROM counters WHERE name = 'exhibit'")).scalar()
    return max(int(highest or 0), int(counted or 0))


def raise_exhibit_floor(session: Session, floor: int) -> int:
    """Numbers up to ``floor`` were handed out once: the counter never goes below it."""
    exists = session.execute(text("SELECT 1 FROM counters WHERE name = 'exhibit'")).first()
    if exists is None:
        session.execute(
            text("INSERT INTO counters (name, value) VALUES ('exhibit', :v)"), {"v": floor}
        )
    else:
        session.execute(
            text("UPDATE counters SET value = :v WHERE name = 'exhibit' AND value < :v"),
            {"v": floor},
        )
    return exhibit_high(session)


def archive_uuid(session: Session) -> str | None:
    return session.execute(text("SELECT uuid FROM archive_info LIMIT 1")).scalar()


def trigger_problems(
    session: Session, expected: Mapping[str, str] = TRIGGERS
) -> list[tuple[str, str]]:
    """(name, "missing" | "altered") for every trigger of ``expected`` (by default the
    protective ones; ``db.counts.TRIGGERS`` for the catalogue's counts) not as created."""
    live = dialect.triggers(session)
    found: list[tuple[str, str]] = []
    for name, sql in expected.items():
        if name not in live:
            found.append((name, "missing"))
        elif normalise(live[name]) != normalise(sql):
            found.append((name, "altered"))
    return found


def restore_triggers(session: Session, names: list[str]) -> None:
    """Put the named protective triggers back exactly as the migrations made them."""
    for name in names:
        session.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
        session.execute(text(TRIGGERS[name]))


def item_records(
    session: Session, wanted: Container[str] | None = None
) -> Iterator[tuple[int, str, int, dict[str, Any] | None]]:
    """(item id, uuid, exhibit number, evidentiary record) for every item, in id order;
    with ``wanted``, the record only of items whose uuid is in it (None for the rest:
    building a million records nobody compares cost seconds).

    Sources are read in one pass beside the items (both ordered by item), so
    memory stays bounded by one item's receipts, not by the archive.
    """
    item_cols = [getattr(Item, name) for name in evidence_digest.ITEM_FIELDS]
    source_cols = [getattr(Source, name) for name in evidence_digest.SOURCE_FIELDS]
    items = session.execute(
        select(Item.id, Item.uuid, Item.exhibit_no, *item_cols)
        .order_by(Item.id)
        .execution_options(yield_per=2000)
    )
    sources = session.connection().execute(
        select(Source.item_id, *source_cols)
        .order_by(Source.item_id, Source.id)
        .execution_options(yield_per=2000)
    )
    source_iter = iter(sources)
    pending = next(source_iter, None)
    for row in items:
        item_id = row[0]
        received: list[dict[str, Any]] = []
        while pending is not None and pending[0] < item_id:
            pending = next(source_iter, None)
        while pending is not None and pending[0] == item_id:
            received.append(dict(zip(evidence_digest.SOURCE_FIELDS, pending[1:], strict=True)))
            pending = next(source_iter, None)
        if wanted is not None and row[1] not in wanted:
            yield item_id, row[1], row[2], None
            continue
        values = dict(zip(evidence_digest.ITEM_FIELDS, row[3:], strict=True))
        yield item_id, row[1], row[2], evidence_digest.record(values, received)
