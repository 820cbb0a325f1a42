"""The custody chain as it travels in a bundle (``data/metadata/custody.json``).

The archive keeps one chain for all items, so the events of the exported
items are interleaved with events of items that stay home. The bundle carries
the contiguous segment of the chain from the first to the last event of an
exported item:

- events of exported items in full (every hashed field plus ``hash``), so the
  recipient recomputes each event's hash;
- in the redacted profile every event is *sealed*: its type, time, item,
  outcome and hashes are kept, the actor becomes a pseudonym and only
  details that are hashes, identifiers or numbers remain (see
  :func:`sealed_entry`);
- runs of other events are *withheld*: only the count, the ``prev_hash`` of the
  first and the ``hash`` of the last.

Each entry's ``prev_hash`` must equal the previous entry's ``hash``, so no
event of an exported item can be dropped or reordered without breaking a
link, and the archive can later disclose any sealed or withheld event to a
court, which checks it against these hashes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from evidence_desk.core.custody_chain import HASHED_FIELDS, event_hash

SEALED_FIELDS = ("seq", "occurred_at", "event_type", "item_uuid", "outcome")

_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_EXHIBIT = re.compile(r"ED-\d{6,9}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00|Z)")
_BUNDLE_FILE = re.compile(r"data/objects/ED-\d{6,9}_[0-9a-f]{8}\.[a-z0-9]{1,10}")


def _is(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and pattern.fullmatch(v) is not None


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


# Details a redacted bundle may show, each with a test of its value: hashes,
# identifiers and numbers the archive computed, never a path, a host or a name.
PUBLIC_DETAILS: dict[str, dict[str, Callable[[Any], bool]]] = {
    "message digest calculation": {
        "algorithm": lambda v: v == "SHA-256", "digest": _is(_HEX64), "size": _count,
    },
    "fixity check": {
        "algorithm": lambda v: v == "SHA-256", "expected": _is(_HEX64), "run": _is(_UUID),
    },
    # A verify run: counts, times and digests; never its selection (other items' ids).
    "fixity run": {
        "algorithm": lambda v: v == "SHA-256", "started": _is(_TIME), "finished": _is(_TIME),
        "scope": lambda v: v in ("archive", "selection"), "items_checked": _count,
        "intact": _count, "failed": _count, "intact_digest": _is(_HEX64),
        "log_events": _count, "log_head": _is(_HEX64), "cancelled": _flag,
    },
    "replication": {
        "bundle": _is(_UUID), "profile": lambda v: v in ("full", "redacted"),
        "file": _is(_BUNDLE_FILE), "sha256": _is(_HEX64), "redacted": _flag,
        "tagmanifest_sha256": _is(_HEX64), "signing_key_fingerprint": _is(_HEX64),
    },
    "ingestion": {
        "exhibit": _is(_EXHIBIT), "size": _count, "sha256": _is(_HEX64), "duplicate": _flag,
    },
}  # fmt: skip


def segment_entries(
    events: Iterable[Mapping[str, Any]],
    include: Callable[[Mapping[str, Any]], bool],
    *,
    redacted: bool = False,
) -> Iterator[dict[str, Any]]:
    """Entries for events in log order; ``events`` should start and end on included ones."""
    run: dict[str, Any] | None = None
    pseudonyms: dict[Any, str] = {}
    for event in events:
        if not include(event):
            if run is None:
                run = {"withheld": 0, "prev_hash": event["prev_hash"]}
            run["withheld"] += 1
            run["hash"] = event["hash"]
            continue
        if run is not None:
            yield run
            run = None
        if redacted:
            yield sealed_entry(event, pseudonyms)
        else:
            entry = {"seq": event.get("seq")}
            entry.update({k: event.get(k) for k in HASHED_FIELDS})
            entry["hash"] = event["hash"]
            yield entry
    if run is not None:
        yield run


def sealed_entry(event: Mapping[str, Any], pseudonyms: dict[Any, str]) -> dict[str, Any]:
    """An event as a redacted bundle shows it: no name, path, host or free text.

    Its type, time, item, outcome and hashes stay; the actor becomes
    "custodian N" (numbered in order of first appearance in the bundle, the
    same person the same number); details keep only the values
    :data:`PUBLIC_DETAILS` allows. The event's own UUID is left out: with it,
    the hash would let anyone holding a list of names test which one is the
    actor, since the other hashed fields of, say, a digest calculation are
    known or guessable. Without it the hash is a commitment the archive can
    open to a court and no one else can.
    """
    entry = {k: event.get(k) for k in SEALED_FIELDS}
    actor = event.get("actor")
    entry["actor"] = pseudonyms.setdefault(actor, f"custodian {len(pseudonyms) + 1}")
    raw = event.get("details")
    details: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    allowed = PUBLIC_DETAILS.get(str(event.get("event_type")), {})
    entry["details"] = {k: v for k, v in details.items() if k in allowed and allowed[k](v)}
    entry.update(sealed=True, prev_hash=event["prev_hash"], hash=event["hash"])
    return entry


@dataclass
class SegmentCheck:
    checked: int = 0  # events whose own hash was recomputed
    sealed: int = 0
    withheld: int = 0
    problems: list[str] | None = None


def check_segment(entries: Iterable[Mapping[str, Any]]) -> SegmentCheck:
    """Recompute every full event's hash and every link between entries."""
    result = SegmentCheck(problems=[])
    problems = result.problems
    assert problems is not None
    prev: str | None = None
    for position, entry in enumerate(entries, start=1):
        where = _where(position, entry)
        if not isinstance(entry, Mapping) or not isinstance(entry.get("hash"), str):
            problems.append(f"{where}: not a custody entry")
            prev = None
            continue
        if prev is not None and entry.get("prev_hash") != prev:
            problems.append(f"{where}: link broken (prev_hash does not match the entry before)")
        if "withheld" in entry:
            result.withheld += int(entry.get("withheld") or 0)
        elif entry.get("sealed"):
            result.sealed += 1
        else:
            result.checked += 1
            if event_hash(entry) != entry["hash"]:
                problems.append(f"{where}: event content altered (hash does not match)")
        prev = entry["hash"]
    return result


def _where(position: int, entry: Any) -> str:
    if isinstance(entry, Mapping):
        if "withheld" in entry:
            return f"custody entry {position} (withheld run)"
        label = entry.get("event_type") or "event"
        return f"custody entry {position} ({label} {entry.get('uuid') or ''})".replace(" )", ")")
    return f"custody entry {position}"
