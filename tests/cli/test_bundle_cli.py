"""The bundle commands: exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core import bundle_layout as L
from evidence_desk.services.archive.archive import create_archive
from tests.helpers.bundles import populate


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    with create_archive(tmp_path / "a", "CLI archive") as archive:
        populate(archive, tmp_path / "in")
    return tmp_path / "a"


def test_export_verify_import_round_trip(archive_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "bundle"
    assert main(["export", "--archive", str(archive_path), "--all", "--zip", str(out)]) == 0
    text = capsys.readouterr().out
    assert "exported 6 items" in text and "fingerprint" in text
    zipped = tmp_path / "bundle.zip"  # --zip adds the extension
    assert zipped.is_file()

    assert main(["verify-bundle", str(zipped)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("OK:")
    assert main(["verify-bundle", "--json", str(zipped)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["items"] == 6 and report["signature_valid"]

    receiver = tmp_path / "r"
    assert main(["init", "--archive", str(receiver)]) == 0
    capsys.readouterr()
    args = ["import-bundle", "--archive", str(receiver), "--json", str(zipped)]
    assert main(args) == 1  # first contact: the key must be trusted explicitly
    err = capsys.readouterr().err
    assert "first bundle" in err and "--trust-new-signer" in err
    assert main([*args, "--trust-new-signer"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["new"] == 6 and imported["failed"] == 0


def test_redacted_export_of_some_items(archive_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b"
    args = ["export", "--archive", str(archive_path), "--items", "ED-1", "ED-2", "ED-6"]
    assert main([*args, "--profile", "redacted", str(out)]) == 0
    lines = capsys.readouterr().out
    assert "redacted profile" in lines
    items = json.loads((out / L.ITEMS_JSON).read_text(encoding="utf-8"))["items"]
    assert {i["exhibit"] for i in items} <= {"ED-000001", "ED-000002", "ED-000006"}


def test_failures_are_one_line_with_exit_codes(archive_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b"
    assert main(["export", "--archive", str(archive_path), "--all", str(out)]) == 0
    capsys.readouterr()
    assert main(["export", "--archive", str(archive_path), "--all", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err

    target = sorted((out / L.OBJECTS_DIR).iterdir())[0]
    target.write_bytes(b"tampered")
    assert main(["verify-bundle", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "FAILED" in printed and target.name in printed and "PROBLEMS FOUND" in printed

    assert main(["import-bundle", "--archive", str(archive_path), str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was not imported" in err and "Traceback" not in err

    assert main(["verify-bundle", str(tmp_path / "missing")]) == 2  # unreadable
    assert (
        main(["export", "--archive", str(archive_path), "--items", "ED-99", str(tmp_path / "x")])
        == 2
    )
    assert "no item" in capsys.readouterr().err


def test_title_command_and_exporter_option(archive_path: Path, tmp_path: Path, capsys) -> None:
    archive = ["--archive", str(archive_path)]
    assert main(["title", *archive, "ED-1", "--publishable"]) == 2  # still the file name
    assert "title is still the file name" in capsys.readouterr().err
    assert main(["title", *archive, "ED-1", "Water cannon at the square", "--publishable"]) == 0
    assert "Water cannon at the square  [publishable]" in capsys.readouterr().out
    assert main(["title", *archive, "ED-2", "Kettled crowd"]) == 0
    assert "not publishable" in capsys.readouterr().out
    out = tmp_path / "b"
    args = ["export", *archive, "--items", "ED-1", "ED-2", "--profile", "redacted"]
    assert main([*args, "--exporter", "Kestrel", str(out)]) == 0
    capsys.readouterr()
    bundle = json.loads((out / L.ITEMS_JSON).read_text(encoding="utf-8"))
    assert bundle["exported_by"] == "Kestrel"
    titles = {i["exhibit"]: i["title"] for i in bundle["items"]}
    assert titles == {"ED-000001": "Water cannon at the square", "ED-000002": "ED-000002"}
    assert "Contact-Name: Kestrel" in (out / "bag-info.txt").read_text(encoding="utf-8")


def test_export_into_an_existing_folder(archive_path: Path, tmp_path: Path, capsys) -> None:
    """``--zip OUT`` with OUT a folder (a USB stick) writes the bundle inside it, under a
    neutral name; with ``--recipient`` the only file there is ``OUT/….zip.age``."""
    from evidence_desk.core.crypto.recipients import generate_identity

    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["export", "--archive", str(archive_path), "--all", "--zip", str(stick)]) == 0
    capsys.readouterr()
    (bundle,) = stick.iterdir()
    assert bundle.name.startswith("bundle-") and bundle.suffix == ".zip"
    assert "CLI archive" not in bundle.name
    assert main(["verify-bundle", str(bundle)]) == 0
    bundle.unlink()

    key = generate_identity().recipient
    args = ["export", "--archive", str(archive_path), "--all", "--zip", str(stick)]
    assert main([*args, "--recipient", key]) == 0
    capsys.readouterr()
    (sealed,) = stick.iterdir()
    assert sealed.name.startswith("bundle-") and sealed.name.endswith(".zip.age")
