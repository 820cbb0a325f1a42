"""A killed export's temporaries are removed by the next export to the same folder; a live
export's are not; the bundle only ever appears by rename."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence_desk.core import export_leftovers
from evidence_desk.core.bagit_bundle import BagWriter
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.catalogue.verify import verify
from tests.helpers.bundles import populate

ROOT = Path(__file__).resolve().parents[3]

KILLED_EXPORT = """
import sys, time
from pathlib import Path
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.bundles.export import export_bundle

marker = Path(sys.argv[3])

def progress(p):
    if p.files_done >= 2 and not marker.exists():
        marker.write_text("half way")
        time.sleep(120)  # killed here, with originals already in the temporary bag

with open_archive(Path(sys.argv[1])) as archive:
    export_bundle(archive, None, zip=sys.argv[4] == "zip", out=Path(sys.argv[2]),
                  progress=progress)
"""


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_killed_export_leftovers_are_removed_next_time(archive, tmp_path: Path, form) -> None:
    populate(archive, tmp_path / "in")
    dest = tmp_path / "out"
    dest.mkdir()
    marker = tmp_path / "marker"
    name = "bundle.zip" if form == "zip" else "bundle"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(archive.root), str(dest / name), str(marker),
         form],
        cwd=ROOT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the export ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    leftovers = sorted(p.name for p in dest.iterdir())
    assert not (dest / name).exists()
    assert any(".partial-" in n for n in leftovers) and any(".work-" in n for n in leftovers)
    assert verify(archive).ok  # a killed export recorded nothing

    report = export_bundle(archive, None, zip=form == "zip", out=dest / f"again-{name}")
    assert sorted(report.leftovers_removed) == leftovers
    assert sorted(p.name for p in dest.iterdir()) == [f"again-{name}"]


def test_a_live_exports_temporaries_are_left_alone(tmp_path: Path) -> None:
    writer = BagWriter(tmp_path / "live.zip", zip=True)
    work = tmp_path / ".live.zip.work-abcd1234"
    work.mkdir()
    lock = export_leftovers.hold(work)
    try:
        removed, kept = export_leftovers.clean(tmp_path)
        assert removed == [] and len(kept) == 2
    finally:
        writer.discard()
        export_leftovers.release(lock)
    removed, kept = export_leftovers.clean(tmp_path)
    assert removed == [".live.zip.work-abcd1234"] and kept == []


def test_only_our_temporary_names_are_touched(tmp_path: Path) -> None:
    for name in (".bashrc", "report.partial-12345678", ".x.partial-ZZZZZZZZ", "notes.work-abc"):
        (tmp_path / name).write_text("keep me")
    assert export_leftovers.clean(tmp_path) == ([], [])
    assert len(list(tmp_path.iterdir())) == 4


def test_export_refuses_more_items_than_a_recipient_accepts(archive, tmp_path, monkeypatch) -> None:
    from evidence_desk.core import safe_zip
    from evidence_desk.services.bundles import export as export_module
    from evidence_desk.services.bundles.export import ExportError

    populate(archive, tmp_path / "in")
    monkeypatch.setattr(export_module, "DEFAULT_LIMITS", safe_zip.Limits(max_entries=40))
    with pytest.raises(ExportError, match="in parts"):
        export_bundle(archive, None, out=tmp_path / "too-big")
    assert not (tmp_path / "too-big").exists()
