"""The command line on an encrypted archive: init --encrypt, every command unchanged,
passphrase change, recipients."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.crypto.recipients import decrypt_file, generate_identity
from tests import media

PASS = "eleven words of a long phrase"


pytestmark = pytest.mark.usefixtures("fast_kdf")


def cli(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("evidence-desk: "), err
    return lines[0]


@pytest.fixture
def encrypted(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "archive"
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", PASS)
    code, out, _ = cli(capsys, "init", "--archive", root, "--encrypt", "--recovery-key")
    assert code == 0 and "created encrypted archive" in out
    recovery = [line.strip() for line in out.splitlines() if line.count("-") == 12]
    assert len(recovery) == 1
    (tmp_path / "recovery.txt").write_text(recovery[0])
    return root


def test_every_command_works_unchanged(encrypted: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "in").mkdir()
    media.make_jpeg(tmp_path / "in" / "IMG_1.jpg")
    media.make_pdf(tmp_path / "in" / "statement.pdf")
    code, _, err = cli(
        capsys, "ingest", "--archive", encrypted, "--received-from", "A", tmp_path / "in"
    )
    assert code == 0, err
    code, out, _ = cli(capsys, "list", "--archive", encrypted, "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 2
    code, out, _ = cli(capsys, "tag", "--archive", encrypted, listed[0]["exhibit"], "протест")
    assert code == 0
    code, out, _ = cli(capsys, "show", "--archive", encrypted, listed[0]["exhibit"], "--json")
    assert "протест" in json.loads(out)["tags"]
    code, out, _ = cli(capsys, "verify", "--archive", encrypted)
    assert code == 0 and out.startswith("OK: 2 objects")
    code, out, err = cli(capsys, "export", "--archive", encrypted, "--all", "--zip", tmp_path / "b")
    assert code == 0 and (tmp_path / "b.zip").is_file()
    assert "will not be encrypted" in err


def test_wrong_or_missing_passphrase_is_one_line(
    encrypted: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "a wrong passphrase")
    code, _, err = cli(capsys, "list", "--archive", encrypted)
    assert code == 2 and "passphrase is wrong" in one_line(err)
    monkeypatch.delenv("EVIDENCE_DESK_PASSPHRASE")
    code, _, err = cli(capsys, "list", "--archive", encrypted)  # stdin is not a terminal here
    assert code == 2 and "EVIDENCE_DESK_PASSPHRASE" in one_line(err)


def test_passphrase_change_and_reset(
    encrypted: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVIDENCE_DESK_NEW_PASSPHRASE", "short")
    code, _, err = cli(capsys, "passphrase", "change", "--archive", encrypted)
    assert code == 2 and "at least 8 characters" in one_line(err)
    monkeypatch.setenv("EVIDENCE_DESK_NEW_PASSPHRASE", "the second passphrase")
    code, out, _ = cli(capsys, "passphrase", "change", "--archive", encrypted)
    assert code == 0 and "passphrase changed" in out
    code, _, err = cli(capsys, "list", "--archive", encrypted)
    assert code == 2 and "passphrase is wrong" in one_line(err)
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "the second passphrase")
    assert cli(capsys, "list", "--archive", encrypted)[0] == 0
    monkeypatch.setenv("EVIDENCE_DESK_RECOVERY_KEY", (tmp_path / "recovery.txt").read_text())
    monkeypatch.setenv("EVIDENCE_DESK_NEW_PASSPHRASE", "the third passphrase")
    code, out, err = cli(capsys, "passphrase", "reset", "--archive", encrypted)
    assert code == 0, err
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "the third passphrase")
    assert cli(capsys, "verify", "--archive", encrypted)[0] == 0


def test_export_to_recipients_and_import_with_the_archive_key(
    encrypted: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    media.make_jpeg(tmp_path / "in" / "IMG_1.jpg")
    cli(capsys, "ingest", "--archive", encrypted, tmp_path / "in")
    receiver = tmp_path / "receiver"
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "receiver's own phrase")
    assert cli(capsys, "init", "--archive", receiver, "--encrypt")[0] == 0
    code, out, _ = cli(capsys, "recipient", "--archive", receiver)
    receiver_key = out.strip()
    assert code == 0 and receiver_key.startswith("age1")
    colleague = generate_identity()
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", PASS)
    out_dir = tmp_path / "stick"
    out_dir.mkdir()
    code, out, err = cli(
        capsys,
        "export", "--archive", encrypted, "--all", out_dir / "handover",
        "--recipient", receiver_key, "--recipient", colleague.recipient,
    )  # fmt: skip
    assert code == 0, err
    bundle = out_dir / "handover.zip.age"
    assert [p.name for p in out_dir.iterdir()] == [bundle.name]
    assert "age -d -i KEY_FILE -o handover.zip handover.zip.age" in out
    decrypt_file(bundle, tmp_path / "handover.zip", [colleague.secret])
    assert cli(capsys, "verify-bundle", tmp_path / "handover.zip")[0] == 0
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "receiver's own phrase")
    code, out, err = cli(
        capsys, "import-bundle", "--archive", receiver, bundle, "--trust-new-signer"
    )
    assert code == 0 and "1 new" in out, err
    code, _, err = cli(
        capsys, "export", "--archive", receiver, "--all", tmp_path / "x", "--recipient", "age1nope"
    )
    assert code == 2 and "not a valid age public key" in one_line(err)


def test_encrypt_converts_a_plain_archive(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "plain"
    assert cli(capsys, "init", "--archive", root)[0] == 0
    (tmp_path / "in").mkdir()
    media.make_jpeg(tmp_path / "in" / "IMG_1.jpg")
    assert cli(capsys, "ingest", "--archive", root, tmp_path / "in")[0] == 0
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", PASS)
    code, out, err = cli(capsys, "encrypt", "--archive", root)
    assert code == 0 and "is now encrypted: 1 originals" in out, err
    code, out, _ = cli(capsys, "verify", "--archive", root)
    assert code == 0 and out.startswith("OK: 1 objects")
    code, _, err = cli(capsys, "encrypt", "--archive", root)
    assert code == 2 and "already encrypted" in one_line(err)
