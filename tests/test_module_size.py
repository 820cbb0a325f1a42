"""No module grows past 500 lines (migrations excepted): split by feature instead."""

from __future__ import annotations

from pathlib import Path

LIMIT = 500
ROOT = Path(__file__).resolve().parents[1]


def test_no_module_exceeds_the_limit() -> None:
    too_long = []
    for folder in ("evidence_desk", "tests", "bench", "scripts", "resources"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > LIMIT:
                too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not too_long, "split these modules: " + "; ".join(too_long)
