"""The newest schema as one SQL script, so a new archive is not built by replaying migrations.

Creating an archive used to import Alembic and run migrations 0001 to the
head, about a second of every ``init``. ``schema_head.sql`` holds the
statements those migrations leave in ``sqlite_master`` (tables, indexes,
FTS5 tables, triggers, in their order) and the rows they insert (the exhibit
counter, the Alembic revision). ``scripts/dump_schema.py`` writes it from the
migrations; ``tests/db/test_schema_script.py`` proves that an archive made
from it is identical to one migrated from 0001, so it cannot drift.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

SCRIPT = Path(__file__).with_name("schema_head.sql")
_REVISION_LINE = re.compile(r"^-- revision: (\S+)$", re.MULTILINE)


def split(text: str) -> list[str]:
    """The script's statements (a trigger's body holds semicolons, so not a plain split)."""
    statements: list[str] = []
    pending = ""
    for line in text.splitlines(keepends=True):
        if not pending and (not line.strip() or line.startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip().removesuffix(";"))
            pending = ""
    if pending.strip():
        raise ValueError(f"{SCRIPT}: unterminated statement at the end")
    return statements


def load() -> tuple[str, list[str]]:
    """(revision the script builds, its statements)."""
    text = SCRIPT.read_text(encoding="utf-8")
    found = _REVISION_LINE.search(text)
    if found is None:
        raise ValueError(f"{SCRIPT}: no '-- revision:' line")
    return found.group(1), split(text)
