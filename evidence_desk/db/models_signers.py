"""Keys this archive trusts to sign bundles, pinned per sending archive.

A bundle names its archive (``External-Identifier``) and carries its public
key; anyone can make a key and claim any archive's UUID. The first bundle
from an archive is trusted only when the user says so, and from then on that
archive's bundles must be signed by the same key: a different key is refused
with both fingerprints named, until the user pins the new one or revokes the
old. Revoked keys are kept (never deleted) so the refusal can say why.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from evidence_desk.db.models import Base

TRUSTED = "trusted"
REVOKED = "revoked"


class KnownSigner(Base):
    __tablename__ = "known_signers"
    __table_args__ = (
        Index("ix_known_signers_archive", "archive_uuid", "fingerprint", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    archive_uuid: Mapped[str] = mapped_column(String(36))
    archive_name: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    public_key_pem: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))  # trusted | revoked
    first_seen_at: Mapped[datetime] = mapped_column(DateTime)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
