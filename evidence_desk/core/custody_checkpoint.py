"""Signed checkpoints of the custody chain's head, kept outside the database.

The hash chain proves that no event was edited or removed from the middle of
the log, but a chain cut short at the end is still a valid chain: whoever can
edit the database (with its triggers dropped) can delete the newest events and
nothing inside the database shows it. A checkpoint anchors the head outside
it: the number of events, the hash of the last one and the highest exhibit
number ever given out, signed with the archive's Ed25519 key. It is rewritten
(atomically, never backwards) after every write transaction, copied into
every bundle, and ``verify`` compares the log against it.

The signed bytes are the canonical JSON (sorted keys, no spaces, UTF-8) of
every field except ``signature``, so anyone can re-check a checkpoint with a
few lines in any language and ``openssl pkeyutl -verify -rawin``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import stat
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from evidence_desk.core import signing
from evidence_desk.core.atomic_file import write_bytes_atomically
from evidence_desk.core.custody_chain import canonical_json

FORMAT = "evidence-desk-custody-checkpoint"
VERSION = 1
FILE_NAME = "custody-checkpoint.json"
MAX_BYTES = 64 * 1024  # a checkpoint is a few hundred bytes; anything larger is not one

_HEX64 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_COUNT = {"type": "integer", "minimum": 0, "maximum": 2**62}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "format",
        "version",
        "archive_uuid",
        "events",
        "head",
        "exhibit_high",
        "written_at",
        "key_fingerprint",
        "signature",
    ],
    "properties": {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "archive_uuid": {"type": "string", "pattern": "^[0-9a-f-]{36}$"},
        "events": _COUNT,
        "head": _HEX64,
        "exhibit_high": _COUNT,
        "written_at": {"type": "string", "maxLength": 40},
        "key_fingerprint": _HEX64,
        "signature": {"type": "string", "maxLength": 200},
    },
}


class CheckpointError(Exception):
    """A checkpoint file that cannot be read, parsed or trusted; the message names it."""


@dataclass(frozen=True)
class Head:
    """What a checkpoint asserts: the log had ``events`` events ending in ``head``."""

    archive_uuid: str
    events: int
    head: str
    exhibit_high: int


@dataclass(frozen=True)
class Checkpoint:
    format: str
    version: int
    archive_uuid: str
    events: int
    head: str
    exhibit_high: int
    written_at: str
    key_fingerprint: str
    signature: str

    @property
    def state(self) -> Head:
        return Head(self.archive_uuid, self.events, self.head, self.exhibit_high)

    def signed_bytes(self) -> bytes:
        body = asdict(self)
        body.pop("signature")
        return canonical_json(body)

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode("utf-8") + b"\n"


def make(key: Ed25519PrivateKey, state: Head, written_at: str) -> Checkpoint:
    unsigned = Checkpoint(
        FORMAT,
        VERSION,
        state.archive_uuid,
        state.events,
        state.head,
        state.exhibit_high,
        written_at,
        signing.fingerprint(key.public_key()),
        "",
    )
    sig = signing.sign(key, unsigned.signed_bytes())
    return Checkpoint(**{**asdict(unsigned), "signature": base64.b64encode(sig).decode("ascii")})


def parse(data: bytes, where: str) -> Checkpoint:
    """Parse hostile bytes; every failure is one line naming ``where`` and the field."""
    if len(data) > MAX_BYTES:
        raise CheckpointError(f"{where}: {len(data)} bytes, too large for a custody checkpoint")
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CheckpointError(f"{where}: not a JSON custody checkpoint ({exc})") from None
    # Imported here: creating an archive writes its first checkpoint without parsing one.
    import jsonschema  # type: ignore[import-untyped]

    error = jsonschema.exceptions.best_match(_validator().iter_errors(value))
    if error is not None:
        field = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise CheckpointError(f"{where}: field {field}: {error.message[:200]}")
    return Checkpoint(**value)


def prepare() -> None:
    """Load the schema validator now (an idle moment) rather than at the first commit."""
    _validator()


@cache
def _validator() -> Any:
    """The schema's validator, checked once: ``jsonschema.validate`` re-checks the schema
    itself on every call, which cost more than the rest of a checkpoint update (one
    after every commit of an ingest)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def check_signature(checkpoint: Checkpoint, key: Ed25519PublicKey, where: str) -> None:
    """Raise CheckpointError unless ``key`` made this checkpoint."""
    fp = signing.fingerprint(key)
    if checkpoint.key_fingerprint != fp:
        raise CheckpointError(
            f"{where}: signed by key {signing.pretty_fingerprint(checkpoint.key_fingerprint)}, "
            f"not by this archive's key {signing.pretty_fingerprint(fp)}"
        )
    try:
        sig = base64.b64decode(checkpoint.signature, validate=True)
    except (binascii.Error, ValueError):
        raise CheckpointError(f"{where}: field signature: not base64") from None
    if not signing.verify(key, sig, checkpoint.signed_bytes()):
        raise CheckpointError(f"{where}: signature does not match its content (edited?)")


def read(path: Path) -> Checkpoint | None:
    """The checkpoint at ``path``; None when there is none; refuses links and devices."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CheckpointError(f"{path}: cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as f:
        if not _is_regular(f.fileno()):
            raise CheckpointError(f"{path}: not a regular file")
        return parse(f.read(MAX_BYTES + 1), str(path))


def _is_regular(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)


def write_atomic(path: Path, checkpoint: Checkpoint) -> None:
    """Write beside ``path`` and rename over it: a crash leaves the old or the new one."""
    write_bytes_atomically(path, checkpoint.to_bytes())


@dataclass(frozen=True)
class Comparison:
    """How the log in the database stands against a checkpoint."""

    ok: bool
    message: str


def compare(anchor: Head, events: int, hash_at_anchor: str | None, exhibit_high: int) -> Comparison:
    """Compare the database's log with a checkpoint.

    ``events`` is the number of events in the database, ``hash_at_anchor`` the
    hash of its event number ``anchor.events`` (None when it has fewer), and
    ``exhibit_high`` the highest exhibit number the database knows.
    """
    if events < anchor.events:
        return Comparison(
            False,
            f"custody log truncated: the signed checkpoint records {anchor.events} events "
            f"(head {anchor.head[:16]}…), the database holds only {events}",
        )
    if anchor.events and hash_at_anchor != anchor.head:
        return Comparison(
            False,
            f"custody log rewritten: event #{anchor.events} hashes to "
            f"{(hash_at_anchor or '?')[:16]}…, the signed checkpoint records {anchor.head[:16]}…",
        )
    if exhibit_high < anchor.exhibit_high:
        return Comparison(
            False,
            f"items removed from the database: the signed checkpoint records exhibit numbers up "
            f"to {anchor.exhibit_high}, the database only up to {exhibit_high}",
        )
    return Comparison(True, "")
