"""The CLI entry module loads nothing heavy until a command needs it.

Every command line pays for what the entry module imports: with the ORM,
Pillow, PyAV, NumPy and cryptography loaded up front, ``--help`` took over a
second. Each check runs in a fresh interpreter and looks at ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Top-level packages that must not be loaded by the entry module or by --help.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "PIL",
    "av",
    "numpy",
    "imagehash",
    "PySide6",
    "shiboken6",
    "cryptography",
    "pypdf",
    "fpdf",
    "tqdm",
    "pillow_heif",
)
# Our own modules that pull those in.
HEAVY_OURS = ("evidence_desk.db", "evidence_desk.gui", "evidence_desk.core.thumbnails")


def _loaded_after(code: str) -> list[str]:
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [
        m
        for m in modules
        if m.split(".")[0] in HEAVY or any(m == h or m.startswith(h + ".") for h in HEAVY_OURS)
    ]


def test_entry_module_imports_nothing_heavy() -> None:
    loaded = _loaded_after("import evidence_desk.cli.main")
    assert "evidence_desk.cli.main" in loaded
    assert _heavy(loaded) == []


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["incident", "add", "--help"], ["export", "--help"], ["verify", "--help"]],
)
def test_help_imports_nothing_heavy(argv: list[str]) -> None:
    code = textwrap.dedent(
        f"""
        import contextlib, io
        from evidence_desk.cli.main import main
        with contextlib.redirect_stdout(io.StringIO()) as out:
            try:
                main({argv!r})
            except SystemExit as exc:
                assert exc.code == 0, exc.code
        assert "usage:" in out.getvalue()
        """
    )
    assert _heavy(_loaded_after(code)) == []


def test_a_command_still_loads_what_it_needs(tmp_path: Path) -> None:
    """The lazy names resolve: ``init`` creates an archive without the ORM (creation.py),
    and ``verify`` then loads it."""
    archive = str(tmp_path / "a")
    run = "from evidence_desk.cli.main import main\nassert main([{!r}, '--archive', {!r}]) == 0"
    loaded = _loaded_after(run.format("init", archive))
    assert (tmp_path / "a" / "evidence.sqlite").is_file()
    assert "sqlalchemy" not in loaded and "PySide6" not in loaded
    loaded = _loaded_after(run.format("verify", archive))
    assert "sqlalchemy" in loaded and "PySide6" not in loaded


def test_list_and_show_read_without_the_orm(tmp_path: Path) -> None:
    """An archive at this schema is listed and shown through db.readonly: no SQLAlchemy."""
    archive = tmp_path / "a"
    subprocess.run(
        [sys.executable, "-m", "evidence_desk.cli.main", "init", "--archive", str(archive)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    code = textwrap.dedent(
        f"""
        import contextlib, io
        from evidence_desk.cli.main import main
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["list", "--archive", {str(archive)!r}]) == 0
            assert main(["list", "--json", "--archive", {str(archive)!r}]) == 0
        assert "0 items" in out.getvalue()
        """
    )
    loaded = _loaded_after(code)
    assert "evidence_desk.db.readonly" in loaded
    assert [m for m in loaded if m.split(".")[0] in ("sqlalchemy", "alembic")] == []
