"""All SQL lives in ``evidence_desk/db`` (issue #10): services hold use cases, not statements.

A service may use a ``Session`` as its unit of work (``session.add``,
``session.get``, ``session.delete``, ``session.flush``), ORM models and
SQLAlchemy's exception types; it may not build statements. This scans every
module under ``evidence_desk/services`` (its syntax tree, so imports inside
functions count too) and fails on:

- importing ``sqlite3``, ``sqlalchemy`` itself, or anything from ``sqlalchemy``
  other than ``sqlalchemy.exc`` and ``Session`` from ``sqlalchemy.orm``
  (``select``, ``text``, ``func``, ``insert``, ``update``, ``delete``, ``and_``,
  ``or_``, ``Select``, ``selectinload``… all belong in ``db/queries``);
- a string literal that is an SQL statement (``"SELECT …"``, ``"PRAGMA …"``).

Every module is scanned, without exceptions.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[1] / "evidence_desk" / "services"

ALLOWED_FROM = {"sqlalchemy.exc": None, "sqlalchemy.orm": {"Session"}}  # None: any name
_SQL = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|BEGIN|WITH)\s")


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in ("sqlite3", "sqlalchemy"):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            module = node.module
            if module == "sqlite3" or module.startswith("sqlite3."):
                found.append(f"line {node.lineno}: from {module} import …")
            elif module == "sqlalchemy" or module.startswith("sqlalchemy."):
                allowed = ALLOWED_FROM.get(module, set())
                for alias in node.names:
                    if allowed is not None and alias.name not in allowed:
                        found.append(f"line {node.lineno}: from {module} import {alias.name}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _SQL.match(node.value):
                found.append(f"line {node.lineno}: SQL text {node.value.strip()[:40]!r}")
    return found


def _modules() -> dict[str, Path]:
    return {p.relative_to(SERVICES).as_posix(): p for p in sorted(SERVICES.rglob("*.py"))}


def test_services_build_no_sql() -> None:
    offenders = {
        name: problems
        for name, path in _modules().items()
        if (problems := _problems(path))
    }
    assert not offenders, (
        "SQL in services (move it to evidence_desk/db/queries, or db/dialect for what is "
        "SQLite's own):\n"
        + "\n".join(f"  services/{name}: {'; '.join(p)}" for name, p in offenders.items())
    )


def test_the_scan_sees_what_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from sqlalchemy.orm import Session, selectinload\n"
        "from sqlalchemy.exc import DatabaseError\n"
        "def f():\n"
        "    import sqlite3\n"
        "    from sqlalchemy import func\n"
        "    return 'SELECT 1 FROM items'\n",
        encoding="utf-8",
    )
    problems = _problems(sample)
    assert [p.split(":")[0] for p in problems] == ["line 1", "line 4", "line 5", "line 6"]
    assert "selectinload" in problems[0] and "sqlite3" in problems[1]
