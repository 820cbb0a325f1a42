"""A bundle import and a ``verify`` at the same time: staged objects are no tampering.

An import stages the bundle's originals in the store before the one
transaction that records them (importing.py); a ``verify`` in another process
meanwhile sees objects no item refers to. The store journal (core/store/
journal.py) announces each of them, so verify must call none "unexpected":

- while the import holds its staged objects, before it commits;
- after it commits (the objects are now items);
- after an import that failed and removed what it staged, for a verify that
  listed the store before the removal and read the journals after it (a
  verify that started while the import was alive).

The importing process is real (a child Python), paused at a fixed point by
files, so the interleaving is the same on every run, on any machine load.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence_desk.services.archive import recovery
from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.verify import verify
from tests.helpers.bundles import populate

# The child imports the bundle; just before the transaction it writes STAGED and waits for
# GO, then commits, or fails (FAIL exists) as a full disk would, so the import unstages.
_CHILD = """
import sys, time
from pathlib import Path
from evidence_desk.services.archive.archive import open_archive
from evidence_desk.services.bundles import importing

flags = Path(sys.argv[3])
real_commit = importing._commit

def paused(*args, **kwargs):
    (flags / "STAGED").touch()
    while not (flags / "GO").exists():
        time.sleep(0.01)
    if (flags / "FAIL").exists():
        raise OSError(28, "No space left on device")
    return real_commit(*args, **kwargs)

importing._commit = paused
with open_archive(Path(sys.argv[1])) as archive:
    try:
        report = importing.import_bundle(archive, Path(sys.argv[2]), trust_new_signer=True)
        print("imported", report.count("new"))
    except importing.ImportRefused as exc:
        print("refused", exc)
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("concurrent-import")
    with create_archive(root / "sender", "Sender") as sender:
        populate(sender, root / "in")
        export_bundle(sender, None, out=root / "bundle.zip", zip=True)
    return root / "bundle.zip"


def _start(root: Path, bundle: Path, flags: Path) -> subprocess.Popen[str]:
    flags.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(root), str(bundle), str(flags)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 240
    while not (flags / "STAGED").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            out, err = proc.communicate(timeout=10)
            pytest.fail(f"the import never reached its transaction: {out} {err}")
        time.sleep(0.02)
    return proc


def _unreferenced(archive) -> list[str]:  # type: ignore[no-untyped-def]
    known = {row["sha256"] for row in items.list_items(archive)}
    return [e.name for e in archive.store.entries() if e.in_place and e.name not in known]


def test_verify_while_an_import_holds_staged_objects(bundle: Path, tmp_path: Path) -> None:
    root = tmp_path / "receiver"
    create_archive(root, "Receiver").close()
    proc = _start(root, bundle, tmp_path / "flags")
    try:
        with open_archive(root) as archive:
            staged = _unreferenced(archive)
            assert staged, "the import staged nothing: the test would prove nothing"
            report = verify(archive)
            assert report.problems == [], [p.message for p in report.problems]
    finally:
        (tmp_path / "flags" / "GO").touch()
        out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0 and out.startswith("imported"), (out, err)
    with open_archive(root) as archive:
        assert _unreferenced(archive) == []
        report = verify(archive)
        assert report.problems == [], [p.message for p in report.problems]


def test_verify_that_listed_objects_a_failed_import_then_removed(
    bundle: Path, tmp_path: Path
) -> None:
    root = tmp_path / "receiver"
    create_archive(root, "Receiver").close()
    flags = tmp_path / "flags"
    proc = _start(root, bundle, flags)
    with open_archive(root) as archive:
        listed = _unreferenced(archive)  # what a verify saw in the store, mid-import
        assert listed
        (flags / "FAIL").touch()
        (flags / "GO").touch()
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0 and out.startswith("refused"), (out, err)
        assert _unreferenced(archive) == []  # the import removed what it staged
        notes: list[str] = []
        # …and reads the journals only now, after the importing process has gone.
        assert recovery.unannounced(archive, listed, notes) == []
        assert notes == []
        report = verify(archive)
        assert report.problems == [], [p.message for p in report.problems]
