"""Fixity check: re-hash every object and re-check the custody chain.

Objects are hashed on both cores (``fixity``: threads for big objects,
worker processes for many small ones), the results are compared with the
catalogue, and one fixity-check event per item is appended, so each item's
custody timeline shows when it was last proven intact.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.core.store.base import is_sha256
from evidence_desk.db.models import CustodyEvent, Item, format_exhibit
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case.testimony_checks import check_versions
from evidence_desk.services.catalogue.fixity import Target, rehash
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)


@dataclass
class Problem:
    kind: str  # "missing" | "altered" | "unexpected" | "chain"
    exhibit: str | None
    sha256: str | None
    message: str


@dataclass
class VerifyReport:
    items_checked: int = 0
    bytes_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    events_checked: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "items_checked": self.items_checked,
            "bytes_checked": self.bytes_checked,
            "events_checked": self.events_checked,
            "cancelled": self.cancelled,
            "problems": [p.__dict__ for p in self.problems],
        }


PROGRESS_INTERVAL_S = 0.1


def verify(
    archive: Archive,
    refs: list[str] | None = None,
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> VerifyReport:
    report = VerifyReport()
    with archive.db.reader() as session:
        stmt = select(Item.id, Item.exhibit_no, Item.sha256, Item.size).order_by(Item.exhibit_no)
        if refs:
            from evidence_desk.services.catalogue.items import resolve

            ids = [resolve(session, r).id for r in refs]
            stmt = stmt.where(Item.id.in_(ids))
        targets = [Target(i, format_exhibit(n), s, z) for i, n, s, z in session.execute(stmt)]
        all_digests = set(session.scalars(select(Item.sha256)))
    state = Progress(0, len(targets), 0, sum(t.size for t in targets))
    progress(state)
    outcomes: dict[int, str] = {}
    shown = [0.0]
    for target, result in rehash(archive.store, targets, cancelled):
        if result == "cancelled":
            report.cancelled = True
            continue
        state.files_done += 1
        state.bytes_done += target.size
        state.current = target.exhibit
        if time.monotonic() - shown[0] >= PROGRESS_INTERVAL_S:
            shown[0] = time.monotonic()
            progress(state)
        report.items_checked += 1
        report.bytes_checked += target.size
        outcomes[target.item_id] = "success" if result is None else "failure"
        if result == "missing":
            report.problems.append(
                Problem(
                    "missing",
                    target.exhibit,
                    target.sha256,
                    f"{target.exhibit}: original is missing from the store",
                )
            )
        elif result and result.startswith("altered-ciphertext:"):
            report.problems.append(
                Problem(
                    "altered",
                    target.exhibit,
                    target.sha256,
                    f"{target.exhibit}: original altered (the encrypted copy fails "
                    f"authentication: {result[19:]})",
                )
            )
        elif result and result.startswith("altered:"):
            report.problems.append(
                Problem(
                    "altered",
                    target.exhibit,
                    target.sha256,
                    f"{target.exhibit}: original altered (now hashes to {result[8:20]}…)",
                )
            )
        elif result:
            report.problems.append(
                Problem(
                    "missing",
                    target.exhibit,
                    target.sha256,
                    f"{target.exhibit}: original {result}",
                )
            )
    progress(state)
    if not refs:
        report.problems.extend(_unexpected(archive, all_digests))
    with archive.db.reader() as session:
        chain_problems = custody.check_log(session)
        report.events_checked = session.scalar(select(func.count(CustodyEvent.id))) or 0
    for cp in chain_problems:
        report.problems.append(
            Problem("chain", None, None, f"custody log event #{cp.position}: {cp.message}")
        )
    if not refs:
        # Testimony statements are versioned in the database; check their hashes too.
        for message in check_versions(archive):
            report.problems.append(Problem("testimony", message.split(":")[0], None, message))
    _record_fixity(archive, outcomes, report)
    return report


def _unexpected(archive: Archive, known: set[str]) -> list[Problem]:
    """Every file in the store that is not an item's object at its proper place."""
    found: list[Problem] = []
    for entry in archive.store.entries():
        name = entry.name
        if entry.in_place:
            if name in known:
                continue
            message = (
                f"unexpected object {name} in the store: no item refers to it "
                "(an interrupted ingest leaves these; running it again records them)"
            )
        else:
            message = f"unexpected file {entry.label} in the store: not an object of this archive"
        found.append(Problem("unexpected", None, name if is_sha256(name) else None, message))
    return found


def _record_fixity(archive: Archive, outcomes: dict[int, str], report: VerifyReport) -> None:
    """One fixity-check event per checked item, in exhibit order, in one transaction."""
    if not outcomes:
        return
    problem_by_exhibit = {p.exhibit: p.message for p in report.problems if p.exhibit}
    ids = sorted(outcomes)

    def entries(session: Session) -> Iterator[tuple[int, str, dict[str, str], str]]:
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            rows = session.execute(
                select(Item.id, Item.uuid, Item.sha256, Item.exhibit_no)
                .where(Item.id.in_(chunk))
                .order_by(Item.id)
            ).all()
            for item_id, item_uuid, sha256, number in rows:
                outcome = outcomes[item_id]
                details = {"algorithm": "SHA-256", "expected": sha256}
                if outcome != "success":
                    details["problem"] = problem_by_exhibit.get(format_exhibit(number), "")
                yield item_id, item_uuid, details, outcome

    with archive.db.writer() as session:
        custody.append_many(session, archive, custody_chain.FIXITY_CHECK, entries(session))
