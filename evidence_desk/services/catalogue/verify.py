"""Fixity check: re-hash every object and re-check the custody chain.

Objects are hashed on both cores (``fixity``: threads for big objects,
worker processes for many small ones) and the results compared with the
catalogue. The run is recorded as ONE archive-level "fixity run" event whose
``intact_digest`` names every item found intact (see ``core.fixity_run``),
plus one "fixity check" failure event per damaged item; each item's custody
timeline lists the runs that covered it.
"""

from __future__ import annotations

import gc
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.core import custody_chain, fixity_run
from evidence_desk.core.store.base import is_sha256
from evidence_desk.db.engine import StorageError
from evidence_desk.db.models import format_exhibit
from evidence_desk.db.queries import custody as custody_q
from evidence_desk.db.queries import fixity as fixity_q
from evidence_desk.db.queries import integrity as integrity_q
from evidence_desk.services.archive import custody, recovery
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue import fixity, verify_sweep
from evidence_desk.services.catalogue.fixity import Target, rehash
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

if TYPE_CHECKING:
    from evidence_desk.services.archive import integrity


@dataclass
class Problem:
    # "missing" | "altered" | "not_regular" | "unexpected" | "chain" | "checkpoint"
    # | "record" | "trigger" | "testimony"
    kind: str
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
    # What verify did or could not do besides finding problems (restored
    # triggers, removed leftovers, fixity events not recorded on a full disk).
    notes: list[str] = field(default_factory=list)
    fixity_recorded: bool = True

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
            "notes": list(self.notes),
            "fixity_recorded": self.fixity_recorded,
        }


PROGRESS_INTERVAL_S = 0.1


def verify(
    archive: Archive,
    refs: list[str] | None = None,
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    earlier: Sequence[Path] = (),
    early: fixity.Sweep | None = None,
) -> VerifyReport:
    """Re-hash objects, check the log, the records and the store.

    ``earlier`` are checkpoints of this archive kept elsewhere (from a bundle
    sent out): the log must still hold what each of them recorded. ``early``: a
    sweep of this archive's store started before it was opened
    (``fixity.early_sweep``); used for a whole archive, else closed.
    """
    report = VerifyReport()
    started = _now()
    recovered = recovery.recover(archive)
    report.notes.extend(m for m in (recovered.message, recovered.problem) if m)
    if early is not None and (refs or recovered.removed):
        # Not a whole archive, or the store changed under it: objects it saw are gone.
        early.close()
        early = None
    ids = None
    with archive.db.reader() as session:
        if refs:
            from evidence_desk.services.catalogue.items import resolve

            ids = [resolve(session, r).id for r in refs]
        count = custody_q.item_count(session) if ids is None else 0
    # A whole archive is swept in worker processes from now on, while this process reads
    # the catalogue and a thread re-checks the log and the records: all cores busy.
    sweeping = None
    if ids is None:
        many = count >= fixity.PROCESS_MIN_SMALL
        sweeping = fixity.start_sweep(archive.store, processes=many, early=early)
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="verify-log") as log_thread:
            checking = log_thread.submit(_check_log, archive, earlier)
            # Testimony statements are versioned in the database; check their hashes too.
            versions = log_thread.submit(_check_versions, archive) if not refs else None
            found: tuple[list[str], list[tuple[str, str]]] | None
            if sweeping is not None:
                run, failed, found = _check_swept(
                    archive, sweeping, report, started, progress, cancelled
                )
            else:
                with archive.db.reader() as session, _bulk():
                    rows = custody_q.verify_targets(session, ids)
                    log_events, log_head = integrity_q.chain_head(session)
                run = _Run(started, log_events, log_head, bool(refs))
                failed = _hash_all(archive, rows, report, run, progress, cancelled)
                # only a whole run looks for objects no item refers to
                whole = ids is None and not report.cancelled
                found = _in_store(archive, {row[2] for row in rows}) if whole else None
            checked = checking.result()
            version_problems = versions.result() if versions is not None else []
    finally:
        if sweeping is not None:
            sweeping.close()
    for target, result in failed:
        run.failed.append(target)
        report.problems.append(_problem(target, result))
    if found is not None and not report.cancelled:
        report.problems.extend(_unexpected(archive, *found, report.notes))
    report.events_checked = checked.events_checked
    for finding in checked.findings:
        report.problems.append(Problem(finding.kind, finding.exhibit, None, finding.message))
    report.notes.extend(checked.notes)
    for message in version_problems:
        report.problems.append(Problem("testimony", message.split(":")[0], None, message))
    run.cancelled = report.cancelled
    _record_fixity(archive, run, report)
    return report


def _check_log(archive: Archive, earlier: Sequence[Path]) -> integrity.IntegrityResult:
    # Imported here, on the log thread: their modules load while the store is swept
    # (a tenth of a second less before the first object is read).
    from evidence_desk.services.archive import integrity

    return integrity.check(archive, earlier=earlier)


def _check_versions(archive: Archive) -> list[str]:
    from evidence_desk.services.case.testimony_checks import check_versions

    return check_versions(archive)


def _hash_all(
    archive: Archive,
    rows: Sequence[tuple[int, int, str, int, str]],
    report: VerifyReport,
    run: _Run,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> list[tuple[Target, str]]:
    """Check every row's object one by one; returns the damaged ones with ``fixity``'s
    outcome, in catalogue order."""
    state = Progress(0, len(rows), 0, sum(map(itemgetter(3), rows)))
    targets = [Target(i, format_exhibit(n), s, z, u) for i, n, s, z, u in rows]
    failed: list[tuple[Target, str]] = []
    lines = [
        fixity_run.intact_line(target.uuid, target.sha256)
        for target, intact in _rehash(archive, targets, report, state, progress, cancelled, failed)
        if intact
    ]
    run.digest, run.intact_count = fixity_run.digest_lines(lines), len(lines)
    if run.selection:
        run.checked = targets
    failed.sort(key=lambda pair: pair[0].item_id)
    return failed


def _rehash(
    archive: Archive,
    targets: Sequence[Target],
    report: VerifyReport,
    state: Progress,
    progress: ProgressCallback,
    cancelled: CancelCheck,
    failed: list[tuple[Target, str]],
) -> Iterator[tuple[Target, bool]]:
    """Hash ``targets`` one by one (``fixity.rehash``), counting them in ``report`` and
    ``state``; yields each checked one with whether it was intact (damaged ones also go
    to ``failed``); a cancelled one is not yielded."""
    progress(state)
    shown = time.monotonic()
    for target, result in rehash(archive.store, targets, cancelled):
        if result == fixity.CANCELLED:
            report.cancelled = True
            continue
        report.items_checked += 1
        report.bytes_checked += target.size
        state.files_done += 1
        state.bytes_done += target.size
        state.current = target.exhibit
        if time.monotonic() - shown >= PROGRESS_INTERVAL_S:
            shown = time.monotonic()
            progress(state)
        if result is not None:
            failed.append((target, result))
        yield target, result is None
    progress(state)


def _check_swept(
    archive: Archive,
    sweeping: fixity.Sweep,
    report: VerifyReport,
    started: str,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> tuple[_Run, list[tuple[Target, str]], tuple[list[str], list[tuple[str, str]]]]:
    """A whole archive, its store being swept: the run, the damaged items (catalogue
    order), and the unreferenced objects and stray files the sweep found.

    The catalogue is read in one read transaction, kept open until the run's digest
    is known (through the one-by-one hashing of what the sweep deferred, usually
    nothing), so that the digest, the counts and the log head are of one snapshot.
    No million rows are made here, so the collector is left alone."""
    with archive.db.reader() as session:
        log_events, log_head = integrity_q.chain_head(session)
        run = _Run(started, log_events, log_head, False)
        items, size, uniform = fixity_q.whole(session)
        state = Progress(0, items, 0, size)
        progress(state)
        # Made while the workers sweep; used as is when every item is found intact.
        every_digest, every_count, _ = fixity_q.intact_digest(session, uniform=uniform)
        shown = [0.0]

        def on_swept(files: int, size: int) -> None:
            state.files_done = min(state.files_total, state.files_done + files)
            state.bytes_done = min(state.bytes_total, state.bytes_done + size)
            if time.monotonic() - shown[0] >= PROGRESS_INTERVAL_S:
                shown[0] = time.monotonic()
                progress(state)

        settled = verify_sweep.settle(session, sweeping, cancelled, on_swept)
        report.cancelled = settled.cancelled
        failed = list(settled.failed)
        # Checked so far: what the sweep found intact or altered; the rest is hashed below.
        report.items_checked = settled.intact + len(failed)
        if not settled.cancelled:  # every item is intact, altered or in ``rest``
            report.bytes_checked = size - sum(t.size for t in settled.rest)
        state.files_done, state.bytes_done = report.items_checked, report.bytes_checked
        rest = sorted(settled.rest, key=lambda t: t.item_id)
        rehashed = {
            t.sha256: t.size
            for t, intact in _rehash(archive, rest, report, state, progress, cancelled, failed)
            if intact
        }
        if settled.cancelled:
            # Vouch for exactly what was found intact: read the lines of those items only
            # (the names of the ranges swept, from the index; never the wide table).
            included = verify_sweep.found_intact(session, settled)
            included.update(rehashed)
            run.digest, run.intact_count, intact_bytes = fixity_q.intact_digest(
                session, included=included, uniform=uniform
            )
            report.bytes_checked += intact_bytes - sum(rehashed.values())
            report.bytes_checked += sum(t.size for t, _result in settled.failed)
        else:
            # Not vouched for: damaged, or left unhashed by a cancel during ``rest``.
            excluded = {t.sha256 for t, _result in failed}
            excluded.update(t.sha256 for t in rest if t.sha256 not in rehashed)
            if excluded:
                run.digest, run.intact_count, _ = fixity_q.intact_digest(
                    session, excluded=excluded, uniform=uniform
                )
            else:
                run.digest, run.intact_count = every_digest, every_count
    failed.sort(key=lambda pair: pair[0].item_id)
    return run, failed, (settled.unreferenced, settled.strays)


@contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while a million plain tuples and strings are made:
    none of them can form a cycle, and the collector's passes over them cost a third
    of reading the catalogue."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _problem(target: Target, result: str) -> Problem:
    """The finding for one object that is not intact (``result`` as ``fixity`` gives it)."""
    exhibit, sha256 = target.exhibit, target.sha256
    if result == fixity.MISSING:
        return Problem("missing", exhibit, sha256, f"{exhibit}: original is missing from the store")
    if result.startswith("not_regular:"):
        return Problem(
            "not_regular",
            exhibit,
            sha256,
            f"{exhibit}: the store holds {result[12:]} where the original "
            "should be (replaced outside Evidence Desk)",
        )
    if result.startswith("altered-ciphertext:"):
        return Problem(
            "altered",
            exhibit,
            sha256,
            f"{exhibit}: original altered (the encrypted copy fails authentication: {result[19:]})",
        )
    if result.startswith("altered:"):
        return Problem(
            "altered",
            exhibit,
            sha256,
            f"{exhibit}: original altered (now hashes to {result[8:20]}…)",
        )
    return Problem("missing", exhibit, sha256, f"{exhibit}: original {result}")


def _in_store(archive: Archive, known: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """From the store's own listing (no sweep): object-named files at their place that
    no item refers to, and files elsewhere."""
    unreferenced: list[str] = []
    strays: list[tuple[str, str]] = []
    for entry in archive.store.entries():
        if entry.in_place:
            if entry.name not in known:
                unreferenced.append(entry.name)
        else:
            strays.append((entry.name, entry.label))
    return unreferenced, strays


def _unexpected(
    archive: Archive,
    unreferenced: list[str],
    strays: list[tuple[str, str]],
    notes: list[str],
) -> list[Problem]:
    """Every file in the store that is not an item's object at its proper place.

    An unreferenced object that an ingest announced (running now, or killed
    before it could record it) is not a stray: see ``recovery.unannounced``.
    """
    found: list[Problem] = []
    for name, label in sorted(strays, key=lambda stray: stray[1]):
        message = f"unexpected file {label} in the store: not an object of this archive"
        found.append(Problem("unexpected", None, name if is_sha256(name) else None, message))
    for name in recovery.unannounced(archive, sorted(unreferenced), notes):
        message = (
            f"unexpected object {name} in the store: no item refers to it and no ingest "
            "announced it (it was put there outside Evidence Desk)"
        )
        found.append(Problem("unexpected", None, name, message))
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass
class _Run:
    """What one verify run found, for its custody events."""

    started: str
    log_events: int
    log_head: str | None
    selection: bool
    failed: list[Target] = field(default_factory=list)
    checked: list[Target] = field(default_factory=list)  # a selection's items
    cancelled: bool = False
    # The digest of the intact items' lines (core.fixity_run) and their count: made from
    # the lines when objects are hashed one by one, read from the catalogue for a sweep
    # (db.queries.fixity). Until then, none intact.
    digest: str = field(default_factory=lambda: fixity_run.digest_lines([]))
    intact_count: int = 0

    def details(self, items_checked: int) -> dict[str, Any]:
        details: dict[str, Any] = {
            "algorithm": "SHA-256",
            "started": self.started,
            "finished": _now(),
            "scope": fixity_run.SCOPE_SELECTION if self.selection else fixity_run.SCOPE_ARCHIVE,
            "items_checked": items_checked,
            "intact": self.intact_count,
            "failed": len(self.failed),
            "intact_digest": self.digest,
            "log_events": self.log_events,
            "log_head": self.log_head,
        }
        if self.selection:
            details["selection"] = sorted({t.uuid for t in self.checked})
        if self.cancelled:
            details["cancelled"] = True
        return details


def _record_fixity(archive: Archive, run: _Run, report: VerifyReport) -> None:
    """One failure event per damaged item, then the run's own event, in one transaction."""
    if not report.items_checked:
        return
    problem_by_exhibit = {p.exhibit: p.message for p in report.problems if p.exhibit}
    run_uuid = str(uuid.uuid4())
    details = run.details(report.items_checked)

    def failures() -> Iterator[tuple[int, str, dict[str, str], str]]:
        for target in sorted(run.failed, key=lambda t: t.item_id):
            yield (
                target.item_id,
                target.uuid,
                {
                    "algorithm": "SHA-256",
                    "expected": target.sha256,
                    "problem": problem_by_exhibit.get(target.exhibit, ""),
                    "run": run_uuid,
                },
                "failure",
            )

    outcome = fixity_run.OUTCOME_CANCELLED if run.cancelled else fixity_run.OUTCOME_DONE
    edits_before = archive.writes_since_backup  # a fixity check is not an edit to back up
    try:
        with archive.db.writer() as session:
            custody.append_many(session, archive, custody_chain.FIXITY_CHECK, failures())
            custody.append(
                session, archive, custody_chain.FIXITY_RUN, details=details, outcome=outcome,
                event_uuid=run_uuid,
            )  # fmt: skip
        archive.writes_since_backup = edits_before
    except StorageError as exc:
        # The findings are in the report either way: not being able to log that the
        # check happened must never cost the user what the check found.
        report.fixity_recorded = False
        report.notes.append(
            f"fixity events NOT recorded in the custody log: {exc.filename}: {exc.strerror}; "
            "the findings above are complete"
        )
