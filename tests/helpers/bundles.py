"""Helpers shared by the bundle tests: a small archive with real media.

Named test_bundle_* so it sits with the tests it serves; it defines no tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue import items as items_service
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests.media import make_jpeg, make_mov, make_mp4, make_pdf, make_png

VENV_PYTHON = Path(sys.executable)


def populate(archive: Archive, folder: Path) -> dict[str, str]:
    """Ingest one of each kind; returns file name -> exhibit number."""
    folder.mkdir(parents=True, exist_ok=True)
    make_jpeg(folder / "photo.jpg", orientation=6, xmp="<x:xmpmeta>Aigerim</x:xmpmeta>")
    make_mov(folder / "clip.mov", audio=True)
    make_mp4(folder / "street.mp4", make="samsung", model="SM-G991B")
    make_pdf(folder / "statement.pdf")
    make_png(folder / "map.png")
    (folder / "secret.txt").write_text("name of the witness: Aigerim\n", encoding="utf-8")
    report = ingest(
        archive,
        [folder],
        provenance=Provenance(received_from="Witness Aigerim", method="USB stick", notes="n"),
    )
    assert report.ok, report.results
    names = {Path(r.path).name: r.exhibit for r in report.results}
    items_service.update_fields(archive, names["secret.txt"], sensitivity="confidential")
    items_service.set_tags(archive, [names["photo.jpg"]], add=["Протест", "police"])
    return names  # type: ignore[return-value]


def run_tool(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
        timeout=120,
    )
