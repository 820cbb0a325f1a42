"""Hash chaining of custody events.

Each event's hash is the SHA-256 of a canonical JSON of its content plus the
previous event's hash, so removing, reordering or editing any event breaks
every hash after it. The canonical form is fixed (sorted keys, no spaces,
UTF-8) so that anyone can recompute it with a few lines in any language.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64

# PREMIS event types (https://id.loc.gov/vocabulary/preservation/eventType).
INGESTION = "ingestion"
MESSAGE_DIGEST = "message digest calculation"
FIXITY_CHECK = "fixity check"
METADATA_MODIFICATION = "metadata modification"
REPLICATION = "replication"
ACCESSION = "accession"
DELETION = "deletion"
CREATION = "creation"
DISPLAYING = "displaying"
ENCRYPTION = "encryption"  # an archive converted to encrypted storage at rest
RECOVERY = "recovery"  # the database restored from a backup, the checkpoint re-anchored
# One archive-level event per verify run (item_uuid null); items it found damaged get
# their own FIXITY_CHECK event with outcome "failure" (see ``fixity_run``).
FIXITY_RUN = "fixity run"
EVENT_TYPES = (
    CREATION,
    INGESTION,
    MESSAGE_DIGEST,
    FIXITY_CHECK,
    METADATA_MODIFICATION,
    REPLICATION,
    ACCESSION,
    DELETION,
    DISPLAYING,
    ENCRYPTION,
    RECOVERY,
    FIXITY_RUN,
)

HASHED_FIELDS = (
    "uuid",
    "occurred_at",
    "event_type",
    "actor",
    "tool",
    "item_uuid",
    "outcome",
    "details",
    "prev_hash",
)


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def new_event(
    event_type: str,
    *,
    actor: str,
    tool: str,
    item_uuid: str | None,
    outcome: str,
    details: dict[str, Any],
    prev_hash: str,
    event_uuid: str | None = None,
) -> dict[str, Any]:
    """A new event chained after ``prev_hash``: its hashed fields, stamped now, and its
    ``hash``. Every writer of the log (the archive's first event, one event, many)
    makes its events here, so they hash alike."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown custody event type {event_type!r}")
    body: dict[str, Any] = {
        "uuid": event_uuid or str(uuid.uuid4()),
        "occurred_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "event_type": event_type,
        "actor": actor,
        "tool": tool,
        "item_uuid": item_uuid,
        "outcome": outcome,
        "details": details,
        "prev_hash": prev_hash,
    }
    body["hash"] = event_hash(body)
    return body


def stored_details(details: Mapping[str, Any]) -> str:
    """An event's details as the log's ``details_json`` column holds them."""
    return json.dumps(details, ensure_ascii=False, sort_keys=True)


def event_hash(event: Mapping[str, Any]) -> str:
    """Hash of the event's canonical JSON; ``prev_hash`` is part of the content."""
    body = {name: event.get(name) for name in HASHED_FIELDS}
    return hashlib.sha256(canonical_json(body)).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    position: int
    event_uuid: str | None
    message: str


def check_chain(events: Iterable[Mapping[str, Any]]) -> list[ChainProblem]:
    """Recompute every hash and link, in log order."""
    problems: list[ChainProblem] = []
    prev = GENESIS
    for position, event in enumerate(events, start=1):
        uuid = event.get("uuid")
        if event.get("prev_hash") != prev:
            problems.append(
                ChainProblem(position, uuid, "link broken: previous-event hash does not match")
            )
        if event_hash(event) != event.get("hash"):
            problems.append(
                ChainProblem(position, uuid, "event content altered: hash does not match")
            )
        prev = event.get("hash") or ""
    return problems
