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
from collections.abc import Collection, Mapping
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
