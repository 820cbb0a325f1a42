"""The archive-level custody event of one verify run, and which items it covers.

A run used to append one "fixity check" event per item: a million events per
run at a million items, and a chain that every later verify re-checks growing
by a million each time. A run now appends ONE "fixity run" event (no item)
whose details say when it ran, how many items it checked, found intact and
found damaged, and ``intact_digest``: the SHA-256 of the sorted lines
``"<item uuid> <sha256>\\n"`` of the items found intact. Anyone holding the
catalogue can recompute that digest and so see exactly what the run vouched
for. Each damaged item still gets its own "fixity check" event (outcome
"failure", details naming the run), so a failure is always on the item itself.

An item is *covered* by a run when the run was not cancelled, the item was
in the run's scope (the whole archive as the log stood when the run read the
catalogue — ``log_events`` — or the listed ``selection``), and the run did not
record a failure for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from evidence_desk.core.custody_chain import FIXITY_CHECK, FIXITY_RUN

SCOPE_ARCHIVE = "archive"
SCOPE_SELECTION = "selection"
OUTCOME_DONE = "success"  # the run finished; its counts say what it found
OUTCOME_CANCELLED = "incomplete"  # stopped by the user: it covers no item


def intact_line(item_uuid: str, sha256: str) -> str:
    return f"{item_uuid} {sha256}\n"


def intact_digest(pairs: Collection[tuple[str, str]]) -> str:
    """The digest of the given (item uuid, sha256) pairs, in any order."""
    return digest_lines([intact_line(u, s) for u, s in pairs])


def digest_lines(lines: list[str]) -> str:
    """SHA-256 of ``lines`` (from :func:`intact_line`) sorted: sorts the list in place
    (strings sort in C; a million take a second) and hashes a few thousand at a time."""
    lines.sort()
    h = hashlib.sha256()
    for start in range(0, len(lines), 4096):
        h.update("".join(lines[start : start + 4096]).encode("ascii"))
    return h.hexdigest()


def is_run(event: Mapping[str, Any]) -> bool:
    return event.get("event_type") == FIXITY_RUN and not event.get("item_uuid")


def failed_in(event: Mapping[str, Any]) -> str | None:
    """The run UUID a per-item failure event belongs to, if it is one."""
    if event.get("event_type") != FIXITY_CHECK or event.get("outcome") == "success":
        return None
    details = event.get("details")
    run = details.get("run") if isinstance(details, Mapping) else None
    return run if isinstance(run, str) else None


def covers(
    run_details: Mapping[str, Any],
    item_uuid: str,
    first_seq: int,
    failed_runs: Collection[str] = (),
    run_uuid: str | None = None,
) -> bool:
    """Did this run vouch for the item? ``first_seq`` is the log position of the item's
    first event; ``failed_runs`` the runs that recorded a failure for it."""
    if run_details.get("cancelled") or (run_uuid is not None and run_uuid in failed_runs):
        return False
    if run_details.get("scope") == SCOPE_SELECTION:
        selection = run_details.get("selection")
        return isinstance(selection, list) and item_uuid in selection
    log_events = run_details.get("log_events")
    return isinstance(log_events, int) and first_seq <= log_events


def covers_any(run_details: Mapping[str, Any], first_seqs: Mapping[str, int]) -> bool:
    """Does the run cover at least one of these items (uuid -> first log position)?"""
    if run_details.get("cancelled"):
        return False
    if run_details.get("scope") == SCOPE_SELECTION:
        selection = run_details.get("selection")
        return isinstance(selection, list) and any(u in first_seqs for u in selection)
    log_events = run_details.get("log_events")
    return isinstance(log_events, int) and any(s <= log_events for s in first_seqs.values())


def _hex64() -> dict[str, Any]:
    return {"type": "string", "pattern": "^[0-9a-f]{64}$"}


def _count() -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "maximum": 2**53}


def _uuid() -> dict[str, Any]:
    pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    return {"type": "string", "pattern": pattern}


_TIME = {"type": "string", "maxLength": 64, "format": "ed-datetime"}
DETAILS_PROPERTIES: dict[str, Any] = {
    "algorithm": {"const": "SHA-256"},
    "started": _TIME,
    "finished": _TIME,
    "scope": {"enum": [SCOPE_ARCHIVE, SCOPE_SELECTION]},
    "selection": {"type": "array", "items": _uuid(), "maxItems": 100_000},
    "items_checked": _count(),
    "intact": _count(),
    "failed": _count(),
    "intact_digest": _hex64(),
    "log_events": _count(),
    "log_head": {"anyOf": [_hex64(), {"type": "null"}]},
    "cancelled": {"type": "boolean"},
}
# What a full bundle must carry of a run event, and (sealed) what it may.
DETAILS_REQUIRED = (
    "algorithm", "started", "finished", "scope", "items_checked", "intact", "failed",
    "intact_digest", "log_events",
)  # fmt: skip
DETAILS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": DETAILS_PROPERTIES,
    "required": list(DETAILS_REQUIRED),
    "additionalProperties": False,
}
SEALED_DETAILS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": DETAILS_PROPERTIES,
    "additionalProperties": False,
}


def run_problems(
    entries: Sequence[Mapping[str, Any]], originals: Mapping[str, str]
) -> Iterator[str]:
    """What does not hold together in a bundle's fixity runs (custody.json ``entries``;
    ``originals``: item uuid -> original SHA-256, from items.json).

    A run read the log before it was recorded, so it cannot count events from after
    itself (``log_events`` below its own position): then it covers no item ingested
    after it. A finished run's counts add up, it names at least as many failures as
    the bundle holds for it, and when the bundle holds every item it checked (all of
    its selection, or every item that was in the log it read), ``intact_digest`` is
    recomputed from items.json: a run cannot vouch for an item, or a hash, it did
    not see. A run over items the bundle does not hold can only be checked for links
    and hashes: its digest names items we cannot see.
    """
    first_seq: dict[str, int] = {}
    failures: dict[str, set[str]] = {}  # run uuid -> items it found damaged
    for entry in entries:
        item = entry.get("item_uuid")
        seq = entry.get("seq")
        if isinstance(item, str) and isinstance(seq, int):
            first_seq.setdefault(item, seq)
        run = failed_in(entry)
        if run and isinstance(item, str):
            failures.setdefault(run, set()).add(item)
    for position, entry in enumerate(entries, start=1):
        if not is_run(entry) or "withheld" in entry:
            continue
        details = entry.get("details")
        if not isinstance(details, Mapping):
            continue
        where = f"custody entry {position} (fixity run)"
        problem = _run_problem(entry, details, originals, first_seq, failures)
        if problem:
            yield f"{where}: {problem}"


def _run_problem(
    entry: Mapping[str, Any],
    details: Mapping[str, Any],
    originals: Mapping[str, str],
    first_seq: Mapping[str, int],
    failures: Mapping[str, set[str]],
) -> str | None:
    seq, log_events = entry.get("seq"), details.get("log_events")
    if isinstance(seq, int) and isinstance(log_events, int) and log_events >= seq:
        return f"it counts {log_events:,} log events but is itself event {seq:,}"
    if details.get("cancelled"):
        return None
    checked, intact, failed = (details.get(k) for k in ("items_checked", "intact", "failed"))
    if not all(isinstance(n, int) for n in (checked, intact, failed)):
        return None  # a sealed run may show less; the schema checked what it shows
    assert isinstance(checked, int) and isinstance(intact, int) and isinstance(failed, int)
    if intact + failed != checked:
        return f"{intact:,} intact and {failed:,} damaged do not make {checked:,} checked"
    run_uuid = entry.get("uuid")
    damaged = failures.get(run_uuid, set()) if isinstance(run_uuid, str) else set()
    if len(damaged) > failed:
        return f"the bundle holds {len(damaged):,} failures of this run, it counts {failed:,}"
    selection = details.get("selection")
    if details.get("scope") == SCOPE_SELECTION:
        if not isinstance(selection, list):
            return None  # sealed: the selection names other items, it is not shown
        if len(set(selection)) != checked:
            return f"it checked {checked:,} items but its selection lists {len(set(selection)):,}"
        scope = [u for u in selection if isinstance(u, str)]
    elif isinstance(log_events, int):
        scope = [u for u, s in first_seq.items() if s <= log_events]
    else:
        return None
    if len(scope) != checked or not all(u in originals for u in scope):
        return None  # it checked items this bundle does not hold: nothing to recompute
    if not isinstance(run_uuid, str) and failed:
        return None  # sealed, with failures: which items failed is not shown
    expected = intact_digest([(u, originals[u]) for u in scope if u not in damaged])
    if details.get("intact_digest") != expected:
        return "its intact_digest does not match the items of this bundle it checked"
    return None
