"""The services and the CLI work on a machine without Qt (DESIGN.md: layers)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

BLOCK_QT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, BlockQt())
    """
)

CHECK = textwrap.dedent(
    """
    import evidence_desk.services.intake.ingest
    import evidence_desk.services.catalogue.verify
    import evidence_desk.services.catalogue.items
    import evidence_desk.services.archive.archive
    import evidence_desk.cli.main
    import evidence_desk.services as services
    for module in pkgutil.walk_packages(services.__path__, "evidence_desk.services."):
        importlib.import_module(module.name)

    from evidence_desk.cli.main import main
    archive, source = sys.argv[1], sys.argv[2]
    assert main(["init", "--archive", archive]) == 0
    assert main(["ingest", "--archive", archive, source]) == 0
    assert main(["list", "--archive", archive, "--json"]) == 0
    assert main(["verify", "--archive", archive]) == 0
    loaded = sorted(n for n in sys.modules if n.startswith(("PySide6", "shiboken6")))
    assert not loaded, loaded
    try:
        import PySide6.QtCore  # noqa: F401  the blocker itself must work
    except ImportError as exc:
        assert "blocked in this test" in str(exc)
    else:
        raise AssertionError("PySide6 was not blocked")
    print("NO-QT-OK")
    """
)


def test_services_and_cli_import_and_run_with_pyside6_blocked(tmp_path: Path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "note.txt").write_text("a statement")
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT + CHECK, str(tmp_path / "archive"), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "NO-QT-OK" in result.stdout
