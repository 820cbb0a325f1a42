"""The known signers of bundles (``known_signers``): per sending archive, its keys."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.db.models_signers import REVOKED, KnownSigner


def of_archive(session: Session, archive_uuid: str) -> list[KnownSigner]:
    """Every key known for a sending archive, trusted or revoked."""
    return list(
        session.scalars(select(KnownSigner).where(KnownSigner.archive_uuid == archive_uuid))
    )


def revoked_anywhere(session: Session, fingerprint: str) -> bool:
    """Whether this key was revoked for any archive."""
    found = session.scalar(
        select(KnownSigner.id).where(
            KnownSigner.fingerprint == fingerprint, KnownSigner.status == REVOKED
        )
    )
    return bool(found)


def find(session: Session, archive_uuid: str, fingerprint: str) -> KnownSigner | None:
    return session.scalar(
        select(KnownSigner).where(
            KnownSigner.archive_uuid == archive_uuid, KnownSigner.fingerprint == fingerprint
        )
    )


def with_key(
    session: Session, fingerprint: str, archive_uuid: str | None = None
) -> list[KnownSigner]:
    """The rows of a key, for every archive or only ``archive_uuid``."""
    stmt = select(KnownSigner).where(KnownSigner.fingerprint == fingerprint)
    if archive_uuid:
        stmt = stmt.where(KnownSigner.archive_uuid == archive_uuid)
    return list(session.scalars(stmt))


def all_signers(session: Session) -> list[KnownSigner]:
    """Every known signer, by archive name, then first seen."""
    return list(
        session.scalars(
            select(KnownSigner).order_by(KnownSigner.archive_name, KnownSigner.first_seen_at)
        )
    )
