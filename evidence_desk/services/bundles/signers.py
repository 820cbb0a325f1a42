"""Which keys may sign bundles from which archive: trust on first use, then pinned.

A bundle's signature proves only that whoever holds the key in the bundle
made it. What ties the key to a colleague is the user's word, given once:
the first bundle from an archive is imported only with explicit trust (after
comparing the fingerprint with the sender by another channel), and that key
is then pinned to the archive's UUID. A later bundle claiming the same
archive but signed by another key is refused, naming both fingerprints. Every
change of trust is a custody event, so the log shows on whose word a key was
accepted or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.db.models_signers import REVOKED, TRUSTED, KnownSigner
from evidence_desk.db.queries import signers as signer_queries
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError

NEW = "new"
OTHER_KEY = "other key"


class SignerError(EvidenceDeskError):
    """A signer command got something it cannot act on."""


@dataclass(frozen=True)
class SignerCheck:
    """What this archive knows about a bundle's (archive, key) pair."""

    status: str  # trusted | new | other key | revoked
    archive_uuid: str
    fingerprint: str
    pinned: tuple[str, ...] = ()  # the archive's trusted keys, when status is "other key"

    @property
    def acceptable(self) -> bool:
        return self.status == TRUSTED


@dataclass(frozen=True)
class KnownSignerInfo:
    """One key known for one sending archive, as ``signers list`` shows it."""

    archive_uuid: str
    archive_name: str
    fingerprint: str
    status: str  # trusted | revoked
    first_seen_at: str  # ISO 8601
    status_changed_at: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return {
            "archive_uuid": self.archive_uuid,
            "archive_name": self.archive_name,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "first_seen_at": self.first_seen_at,
            "status_changed_at": self.status_changed_at,
            "note": self.note,
        }


def normalise(fingerprint: str) -> str:
    fp = fingerprint.replace(" ", "").replace(":", "").lower()
    if len(fp) != 64 or any(c not in "0123456789abcdef" for c in fp):
        raise SignerError(f"{fingerprint!r} is not a key fingerprint (64 hexadecimal digits)")
    return fp


def check(session: Session, archive_uuid: str, fingerprint: str) -> SignerCheck:
    rows = signer_queries.of_archive(session, archive_uuid)
    mine = [r for r in rows if r.fingerprint == fingerprint]
    if mine and mine[0].status == REVOKED:
        return SignerCheck(REVOKED, archive_uuid, fingerprint)
    if mine:
        return SignerCheck(TRUSTED, archive_uuid, fingerprint)
    if signer_queries.revoked_anywhere(session, fingerprint):
        return SignerCheck(REVOKED, archive_uuid, fingerprint)
    pinned = tuple(r.fingerprint for r in rows if r.status == TRUSTED)
    if pinned:
        return SignerCheck(OTHER_KEY, archive_uuid, fingerprint, pinned)
    return SignerCheck(NEW, archive_uuid, fingerprint)


def signer_status(archive: Archive, archive_uuid: str, fingerprint: str) -> SignerCheck:
    with archive.db.reader() as session:
        return check(session, archive_uuid, fingerprint)


def refusal(result: SignerCheck, bundle: str, archive_name: str | None) -> str | None:
    """Why a bundle cannot be imported on this signer, or None when it can."""
    who = f"archive {archive_name!r} ({result.archive_uuid})"
    fp = pretty_fingerprint(result.fingerprint)
    if result.status == OTHER_KEY:
        pinned = ", ".join(pretty_fingerprint(p) for p in result.pinned)
        return (
            f"{bundle} claims to come from {who}, whose bundles are signed by key {pinned}, "
            f"but it is signed by key {fp}; not imported. If the sender really has a new key, "
            "confirm it with them and pin it with 'evidence-desk signers pin'"
        )
    if result.status == REVOKED:
        return f"{bundle} is signed by key {fp}, which was revoked here; not imported"
    if result.status == NEW:
        return (
            f"{bundle} is the first bundle from {who}, signed by key {fp}. Compare this "
            "fingerprint with the sender by phone or in person, then import again trusting "
            "the new signer (--trust-new-signer)"
        )
    return None


def trust(
    session: Session,
    archive: Archive,
    archive_uuid: str,
    fingerprint: str,
    *,
    archive_name: str = "",
    public_key_pem: str | None = None,
    how: str,
) -> None:
    """Pin ``fingerprint`` for ``archive_uuid`` (replacing any other trusted key) and log it."""
    now = utcnow()
    replaced = []
    for other in signer_queries.of_archive(session, archive_uuid):
        if other.fingerprint != fingerprint and other.status == TRUSTED:
            other.status, other.status_changed_at = REVOKED, now
            other.note = f"replaced by {fingerprint} ({how})"
            replaced.append(other.fingerprint)
    row = signer_queries.find(session, archive_uuid, fingerprint)
    if row is None:
        row = KnownSigner(
            archive_uuid=archive_uuid,
            fingerprint=fingerprint,
            first_seen_at=now,
            archive_name=archive_name,
        )
        session.add(row)
    row.status, row.status_changed_at, row.note = TRUSTED, now, how
    row.archive_name = archive_name or row.archive_name or ""
    row.public_key_pem = public_key_pem or row.public_key_pem
    session.flush()
    custody.append(
        session,
        archive,
        custody_chain.METADATA_MODIFICATION,
        details={
            "record": "signer",
            "action": "trust",
            "archive_uuid": archive_uuid,
            "archive_name": archive_name,
            "fingerprint": fingerprint,
            "how": how,
            "replaced": replaced,
        },
    )


def pin(
    archive: Archive, archive_uuid: str, fingerprint: str, *, name: str = ""
) -> KnownSignerInfo:
    fp = normalise(fingerprint)
    _check_uuid(archive_uuid)
    with archive.db.writer() as session:
        trust(session, archive, archive_uuid, fp, archive_name=name, how="pinned by command")
    return next(s for s in list_signers(archive) if s.fingerprint == fp)


def revoke(
    archive: Archive, fingerprint: str, *, archive_uuid: str | None = None
) -> list[KnownSignerInfo]:
    """Revoke a key (for one archive, or for every archive that trusted it)."""
    fp = normalise(fingerprint)
    with archive.db.writer() as session:
        rows = signer_queries.with_key(session, fp, archive_uuid)
        if not rows:
            raise SignerError(f"no known signer has the key {pretty_fingerprint(fp)}")
        now = utcnow()
        for row in rows:
            row.status, row.status_changed_at, row.note = REVOKED, now, "revoked by command"
        session.flush()
        custody.append(
            session,
            archive,
            custody_chain.METADATA_MODIFICATION,
            details={
                "record": "signer",
                "action": "revoke",
                "fingerprint": fp,
                "archive_uuids": sorted(r.archive_uuid for r in rows),
            },
        )
    return [s for s in list_signers(archive) if s.fingerprint == fp]


def list_signers(archive: Archive) -> list[KnownSignerInfo]:
    """Every known signer, by archive name, then first seen."""
    with archive.db.reader() as session:
        return [_info(r) for r in signer_queries.all_signers(session)]


def _info(r: KnownSigner) -> KnownSignerInfo:
    return KnownSignerInfo(
        archive_uuid=r.archive_uuid,
        archive_name=r.archive_name,
        fingerprint=r.fingerprint,
        status=r.status,
        first_seen_at=r.first_seen_at.isoformat(),
        status_changed_at=r.status_changed_at.isoformat(),
        note=r.note,
    )


def _check_uuid(value: str) -> None:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        raise SignerError(f"{value!r} is not an archive UUID") from None
