"""Counts the database keeps for the catalogue's sidebar (``db/counts.py``: the triggers).

Never written by the application: triggers on ``items`` and ``item_tags``
keep them (migration 0011), so no write path can forget them.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from evidence_desk.db.models import Base


class ItemCount(Base):
    """How many items there are per (removed, kind, sensitivity)."""

    __tablename__ = "item_counts"

    removed: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    sensitivity: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class TagCount(Base):
    """How many items carry a tag, removed ones included."""

    __tablename__ = "tag_counts"

    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    n: Mapped[int] = mapped_column(Integer)
