"""Bundles only the recipient can open: export to age recipients, import with the archive's key."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS
from evidence_desk.core.crypto.recipients import decrypt_file, generate_identity, is_age_file
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import ExportError, export_bundle
from evidence_desk.services.bundles.importing import ImportRefused, import_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.catalogue.items import list_items
from evidence_desk.services.catalogue.verify import verify
from tests.helpers.bundles import populate


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory):
    """An encrypted archive exports to the receiver's archive key and a colleague's key."""
    root = tmp_path_factory.mktemp("sent")
    receiver = create_archive(
        root / "receiver", "Receiver", passphrase="receiver pass", kdf=FAST_TEST_PARAMS
    )
    colleague = generate_identity()
    sender = create_archive(
        root / "sender", "Sender", passphrase="sender pass", kdf=FAST_TEST_PARAMS
    )
    names = populate(sender, root / "in")
    out = root / "out"
    out.mkdir()
    report = export_bundle(
        sender,
        None,
        out=out / "bundle.zip.age",
        recipients=[receiver.age_identity().recipient, colleague.recipient],
    )
    sender.close()
    receiver_root = receiver.root
    receiver.close()
    return root, out / "bundle.zip.age", report, colleague, receiver_root, names


def test_only_ciphertext_reaches_the_destination(sent) -> None:
    root, bundle, report, _colleague, _receiver, _names = sent
    assert report.path == bundle and is_age_file(bundle)
    assert [p.name for p in bundle.parent.iterdir()] == ["bundle.zip.age"]
    data = bundle.read_bytes()
    for needle in (b"Aigerim", b"bagit.txt", b"manifest-sha256", "Протест".encode()):
        assert needle not in data


def test_recipient_opens_it_with_age_and_verifies_it_as_any_bundle(sent, tmp_path: Path) -> None:
    _root, bundle, report, colleague, _receiver, _names = sent
    plain = tmp_path / "bundle.zip"
    decrypt_file(bundle, plain, [colleague.secret])  # what `age -d -i key.txt` does
    checked = verify_bundle(plain)
    assert checked.ok, [p.message for p in checked.problems]
    assert checked.signer_fingerprint == report.fingerprint
    with zipfile.ZipFile(plain) as zf:
        assert zf.testzip() is None
        assert any(n.endswith("/bagit.txt") for n in zf.namelist())


def test_the_receiving_archive_imports_it_with_its_own_key(sent) -> None:
    _root, bundle, _report, _colleague, receiver_root, names = sent
    from evidence_desk.services.archive.archive import open_archive

    with open_archive(receiver_root, passphrase=lambda: "receiver pass") as receiver:
        result = import_bundle(receiver, bundle, trust_new_signer=True)
        assert result.ok and result.count("new") == len(names)  # the full profile
        assert len(list_items(receiver)) == len(names)
        assert verify(receiver).ok


def test_another_archive_cannot_import_it(sent, tmp_path: Path) -> None:
    _root, bundle, _report, _colleague, _receiver, _names = sent
    with create_archive(tmp_path / "other", "Other") as other:
        with pytest.raises(ImportRefused, match="this archive's key does not open it"):
            import_bundle(other, bundle)
        assert list_items(other) == []


def test_verify_bundle_explains_an_encrypted_bundle(sent) -> None:
    _root, bundle, *_ = sent
    report = verify_bundle(bundle)
    assert not report.ok
    assert "encrypted (age)" in report.problems[0].message
    assert "age -d" in report.problems[0].message


def test_bad_recipient_refused_before_anything_is_written(tmp_path: Path) -> None:
    with create_archive(tmp_path / "a", "A") as archive:
        populate(archive, tmp_path / "in")
        with pytest.raises(ExportError, match="not an age public key"):
            export_bundle(archive, None, out=tmp_path / "b.zip.age", recipients=["bob@example"])
    assert not (tmp_path / "b.zip.age").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cancelled_encrypted_export_leaves_nothing(tmp_path: Path) -> None:
    with create_archive(tmp_path / "a", "A") as archive:
        populate(archive, tmp_path / "in")
        calls = iter(range(1000))
        report = export_bundle(
            archive,
            None,
            out=tmp_path / "out.zip.age",
            recipients=[generate_identity().recipient],
            cancelled=lambda: next(calls) > 3,
        )
    assert report.cancelled
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "in"]


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_reference_age_tool_agrees_both_ways(tmp_path: Path) -> None:
    """What a recipient without Evidence Desk does: age-keygen, age -d; and a colleague
    encrypting a bundle with age -r for this archive's public key."""
    keygen = subprocess.run(
        ["age-keygen", "-o", str(tmp_path / "key.txt")], capture_output=True, text=True
    )
    assert keygen.returncode == 0, keygen.stderr
    public = next(
        line.split(": ", 1)[1]
        for line in (tmp_path / "key.txt").read_text().splitlines()
        if line.startswith("# public key: ")
    )
    with create_archive(tmp_path / "a", "A") as archive:
        populate(archive, tmp_path / "in")
        export_bundle(archive, None, out=tmp_path / "b.zip.age", recipients=[public])
        export_bundle(archive, None, out=tmp_path / "plain.zip", zip=True)
        own = archive.age_identity().recipient
    result = subprocess.run(
        ["age", "-d", "-i", str(tmp_path / "key.txt"), "-o", str(tmp_path / "b.zip"),
         str(tmp_path / "b.zip.age")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert verify_bundle(tmp_path / "b.zip").ok
    encrypted_by_age = tmp_path / "from-colleague.zip.age"
    result = subprocess.run(
        ["age", "-r", own, "-o", str(encrypted_by_age), str(tmp_path / "plain.zip")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    from evidence_desk.services.archive.archive import open_archive

    with open_archive(tmp_path / "a") as archive:
        report = import_bundle(archive, encrypted_by_age, trust_new_signer=True)
        assert report.ok and report.count("duplicate") == len(report.results) > 0
