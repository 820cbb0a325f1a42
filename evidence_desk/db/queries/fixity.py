"""Queries behind a whole-archive verify that compares a store sweep with the catalogue.

At a million items every Python object per row costs: these answer in
aggregates and strings made by SQLite (a count, a sum, one string of the
object names of a range, a digest fed a few thousand lines at a time), and
hand out rows only for the few ranges where the sweep and the catalogue
differ. All are read through the driver's own cursor, inside the caller's read
transaction, so every answer is of the same snapshot as the log head.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Collection
from typing import Any, cast

from sqlalchemy.orm import Session

from evidence_desk.core import fixity_run
from evidence_desk.db import dialect

# One line per item as ``core.fixity_run.intact_line`` makes it: "<uuid> <sha256>\n".
_LINE = "uuid || ' ' || sha256 || char(10)"
_BATCH = 8192


def _cursor(session: Session) -> sqlite3.Cursor:
    return cast(sqlite3.Cursor, dialect.driver_connection(session).cursor())


def _range(low: str | None, high: str | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause for ``low <= sha256 < high`` (None: unbounded)."""
    clauses, params = [], []
    if low is not None:
        clauses.append("sha256 >= ?")
        params.append(low)
    if high is not None:
        clauses.append("sha256 < ?")
        params.append(high)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _all(session: Session, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    cursor = _cursor(session)
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()




def whole(session: Session) -> tuple[int, int, bool]:
    """Every item's count and bytes, and whether all UUIDs have the one length a UUID has:
    then UUID order is the order of the lines "<uuid> <sha256>" (one pass over the
    covering index ``ix_items_verify``, which also brings it into the cache for
    :func:`intact_digest`)."""
    sql = (
        "SELECT count(*), coalesce(sum(size), 0), coalesce(min(length(uuid)), 36), "
        "coalesce(max(length(uuid)), 36) FROM items"
    )
    ((count, size, shortest, longest),) = _all(session, sql)
    return int(count), int(size), shortest == longest


def names_between(session: Session, low: str | None, high: str | None) -> str:
    """The object names of the items in the range, sorted, joined by "\\n", as one string.

    A sweep's part hands back the names it found intact the same way: equal
    strings settle the whole range at once. (Should SQLite ever join them in
    another order, the strings differ and the caller compares row by row: only
    slower, never wrong.)"""
    where, params = _range(low, high)
    sql = f"SELECT group_concat(sha256, char(10)) FROM (SELECT sha256 FROM items{where} ORDER BY sha256)"  # noqa: E501
    ((joined,),) = _all(session, sql, params)
    return joined if isinstance(joined, str) else ""


def targets_between(
    session: Session, low: str | None, high: str | None
) -> list[tuple[int, int, str, int, str]]:
    """(id, exhibit number, sha256, size, uuid) of the items in the range."""
    where, params = _range(low, high)
    sql = f"SELECT id, exhibit_no, sha256, size, uuid FROM items{where} ORDER BY sha256"
    return cast(list[tuple[int, int, str, int, str]], _all(session, sql, params))


def intact_digest(
    session: Session,
    *,
    excluded: Collection[str] = (),
    included: Collection[str] | None = None,
    uniform: bool = True,
) -> tuple[str, int, int]:
    """``core.fixity_run.digest_lines`` of the lines of every item but those whose sha256
    is in ``excluded`` (or, given ``included``, of those items only), how many lines
    went in and the items' bytes: read in UUID order from the covering index
    ``ix_items_verify``, a few thousand joined at a time. That is the lines' own order
    when every UUID has the same length (``uniform``, see :func:`whole`); otherwise the
    lines are all read and sorted as ``digest_lines`` sorts them."""

    def wanted(sha256: str) -> bool:
        return sha256 in included if included is not None else sha256 not in excluded

    select = f"SELECT {_LINE}, sha256, size FROM items"
    if not uniform:
        rows = [row for row in _all(session, select) if wanted(row[1])]
        return fixity_run.digest_lines([row[0] for row in rows]), len(rows), _bytes(rows)
    filtered = included is not None or bool(excluded)
    digest = hashlib.sha256()
    count = size = 0
    cursor = _cursor(session)
    try:
        # Unfiltered (the usual case): only the lines, each a single string from SQLite.
        cursor.execute(f"{select if filtered else f'SELECT {_LINE} FROM items'} ORDER BY uuid")
        while rows := cursor.fetchmany(_BATCH):
            if filtered:
                rows = [row for row in rows if wanted(row[1])]
                size += _bytes(rows)
            count += len(rows)
            digest.update("".join([row[0] for row in rows]).encode("ascii"))  # as digest_lines
    finally:
        cursor.close()
    return digest.hexdigest(), count, size


def _bytes(rows: list[Any]) -> int:
    return sum(int(row[2]) for row in rows)
