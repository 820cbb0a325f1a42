"""Reads the case services share: items by id, testimonies by witness code.

Plain ORM statements; ``services.case`` keeps the rules, transactions and
custody events.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models_case import Testimony


def testimony_item_id(session: Session, witness_code: str) -> int | None:
    """The item id of the testimony with this witness code, ignoring case."""
    return session.scalar(
        select(Testimony.item_id).where(
            func.lower(Testimony.witness_code) == witness_code.strip().lower()
        )
    )
