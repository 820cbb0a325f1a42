"""The custody chain as it travels in a bundle (``data/metadata/custody.json``).

The archive keeps one chain for all items, so the events of the exported
items are interleaved with events of items that stay home. The bundle carries
the contiguous segment of the chain from the first to the last event of an
exported item:

- events of exported items in full (every hashed field plus ``hash``), so the
  recipient recomputes each event's hash;
- in the redacted profile, events whose details may name people (ingestion,
  accession, metadata modification, …) are *sealed*: only their type, time,
  item, outcome and hashes are kept;
- runs of other events are *withheld*: only the count, the ``prev_hash`` of the
  first and the ``hash`` of the last.

Each entry's ``prev_hash`` must equal the previous entry's ``hash``, so no
event of an exported item can be dropped or reordered without breaking a
link, and the archive can later disclose any sealed or withheld event to a
court, which checks it against these hashes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from evidence_desk.core.custody_chain import HASHED_FIELDS, event_hash

OPEN_DETAIL_TYPES = frozenset({"message digest calculation", "fixity check", "replication"})
SEALED_FIELDS = ("seq", "uuid", "occurred_at", "event_type", "item_uuid", "outcome")


def segment_entries(
    events: Iterable[Mapping[str, Any]],
    include: Callable[[Mapping[str, Any]], bool],
    *,
    redacted: bool = False,
) -> Iterator[dict[str, Any]]:
    """Entries for events in log order; ``events`` should start and end on included ones."""
    run: dict[str, Any] | None = None
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
        if redacted and event["event_type"] not in OPEN_DETAIL_TYPES:
            entry = {k: event.get(k) for k in SEALED_FIELDS}
            entry.update(sealed=True, prev_hash=event["prev_hash"], hash=event["hash"])
            yield entry
        else:
            entry = {"seq": event.get("seq")}
            entry.update({k: event.get(k) for k in HASHED_FIELDS})
            entry["hash"] = event["hash"]
            yield entry
    if run is not None:
        yield run


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
