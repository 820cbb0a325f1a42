"""verify-bundle: every kind of damage is caught and named; standard tools agree."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import signing
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.verify import verify_bundle
from tests.helpers.bundles import VENV_PYTHON, populate, run_tool


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    from evidence_desk.services.archive.archive import create_archive

    root = tmp_path_factory.mktemp("verify")
    archive = create_archive(root / "archive", "Verify test")
    populate(archive, root / "in")
    export_bundle(archive, None, out=root / "bundle")
    export_bundle(archive, None, out=root / "bundle.zip", zip=True)
    key = signing.load_private_key(archive.signing_key_path)
    archive.close()
    return root, key


@pytest.fixture
def bag(exported, tmp_path: Path) -> Path:
    copy = tmp_path / "bag"
    shutil.copytree(exported[0] / "bundle", copy)
    return copy


def _kinds(report) -> set[tuple[str, str | None]]:
    return {(p.kind, p.path) for p in report.problems}


def _object(bag: Path) -> Path:
    return sorted((bag / L.OBJECTS_DIR).iterdir())[0]


def _rewrite_manifests(bag: Path, changed: str, key=None, tag: bool = True) -> None:
    """Update manifest and tag manifest after a change (what a careful forger does)."""
    manifest = bag / L.MANIFEST
    digest = hashlib.sha256((bag / changed).read_bytes()).hexdigest()
    lines = [
        f"{digest}  {changed}" if line.endswith("  " + changed) else line
        for line in manifest.read_text().splitlines()
    ]
    manifest.write_text("\n".join(lines) + "\n")
    if not tag:
        return
    tag_digest = hashlib.sha256(manifest.read_bytes()).hexdigest()
    tag = bag / L.TAGMANIFEST
    tag.write_text(
        "".join(
            f"{tag_digest}  {L.MANIFEST}\n" if line.endswith(L.MANIFEST) else line + "\n"
            for line in tag.read_text().splitlines()
        )
    )
    if key is not None:
        (bag / L.SIGNATURE).write_bytes(key.sign(tag.read_bytes()))


def test_untouched_bundle_is_ok(bag: Path, exported) -> None:
    report = verify_bundle(bag)
    assert report.ok, report.problems
    assert report.signature_valid and report.signer_fingerprint == signing.fingerprint(
        exported[1].public_key()
    )
    assert report.items == 6 and report.custody_checked > 6
    zipped = verify_bundle(exported[0] / "bundle.zip")
    assert zipped.ok, zipped.problems
    assert zipped.files_checked == report.files_checked


def test_standard_tools_agree(bag: Path, exported, tmp_path: Path) -> None:
    bagit = run_tool(VENV_PYTHON, "-m", "bagit", "--validate", bag)
    assert bagit.returncode == 0, bagit.stderr
    assert "is valid" in bagit.stderr
    sums = run_tool("sha256sum", "-c", "--strict", L.MANIFEST, cwd=bag)
    assert sums.returncode == 0, sums.stdout + sums.stderr
    if shutil.which("openssl"):
        ok = run_tool(
            "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", L.PUBLIC_KEY, "-rawin",
            "-in", L.TAGMANIFEST, "-sigfile", L.SIGNATURE, cwd=bag,
        )  # fmt: skip
        assert ok.returncode == 0 and "Signature Verified Successfully" in ok.stdout
        shell = f"openssl pkey -pubin -in {L.PUBLIC_KEY} -outform DER | sha256sum"
        fp = run_tool("sh", "-c", shell, cwd=bag).stdout.split()[0]
        assert (
            fp == (bag / L.FINGERPRINT).read_text().strip() == verify_bundle(bag).signer_fingerprint
        )
    with zipfile.ZipFile(exported[0] / "bundle.zip") as zf:
        zf.extractall(tmp_path / "unzipped")
    from_zip = run_tool(VENV_PYTHON, "-m", "bagit", "--validate", tmp_path / "unzipped" / "bundle")
    assert from_zip.returncode == 0, from_zip.stderr


def test_changed_byte_in_object(bag: Path) -> None:
    target = _object(bag)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    report = verify_bundle(bag)
    name = str(target.relative_to(bag))
    assert not report.ok and ("checksum", name) in _kinds(report)
    assert any(name in p.message and "changed" in p.message for p in report.problems)


def test_changed_byte_in_report(bag: Path) -> None:
    target = bag / L.REPORT_HTML
    target.write_bytes(target.read_bytes().replace(b"Evidence", b"Evidencf", 1))
    assert ("checksum", L.REPORT_HTML) in _kinds(verify_bundle(bag))


def test_missing_payload_file(bag: Path) -> None:
    target = _object(bag)
    target.unlink()
    report = verify_bundle(bag)
    name = str(target.relative_to(bag))
    assert ("missing", name) in _kinds(report) and not report.ok


def test_extra_payload_file(bag: Path) -> None:
    (bag / L.OBJECTS_DIR / "planted.jpg").write_bytes(b"not evidence")
    report = verify_bundle(bag)
    assert ("extra", "data/objects/planted.jpg") in _kinds(report)
    assert any(p.kind == "oxum" for p in report.problems)


def test_edited_items_json_with_manifest_updated(bag: Path) -> None:
    items = bag / L.ITEMS_JSON
    items.write_text(items.read_text(encoding="utf-8").replace("photo.jpg", "phot0.jpg"))
    _rewrite_manifests(bag, L.ITEMS_JSON, tag=False)
    report = verify_bundle(bag)
    assert _kinds(report) == {("tagmanifest", L.MANIFEST)}  # the tag manifest disagrees
    _rewrite_manifests(bag, L.ITEMS_JSON, tag=True)
    report = verify_bundle(bag)
    assert _kinds(report) == {("signature", L.SIGNATURE)}  # and then the signature does
    assert not report.signature_valid and not report.ok


def test_edited_custody_event_is_caught_even_if_resigned(bag: Path, exported) -> None:
    custody = bag / L.CUSTODY_JSON
    custody.write_text(custody.read_text(encoding="utf-8").replace("USB stick", "found it"))
    _rewrite_manifests(bag, L.CUSTODY_JSON, key=exported[1])
    report = verify_bundle(bag)
    assert report.signature_valid
    assert any(p.kind == "custody" and "altered" in p.message for p in report.problems)


def test_signature_by_another_key(bag: Path) -> None:
    other = Ed25519PrivateKey.generate()
    data = (bag / L.TAGMANIFEST).read_bytes()
    (bag / L.SIGNATURE).write_bytes(other.sign(data))
    report = verify_bundle(bag)
    assert ("signature", L.SIGNATURE) in _kinds(report) and not report.signature_valid
    # A forger who also swaps in their public key is caught by the declared fingerprint.
    (bag / L.PUBLIC_KEY).write_bytes(signing.public_key_pem(other.public_key()))
    report = verify_bundle(bag)
    assert not report.ok and report.signer_fingerprint == signing.fingerprint(other.public_key())
    assert any("another key" in p.message for p in report.problems)


def test_expected_fingerprint(bag: Path, exported) -> None:
    fp = signing.fingerprint(exported[1].public_key())
    assert verify_bundle(bag, expected_fingerprint=signing.pretty_fingerprint(fp)).ok
    report = verify_bundle(bag, expected_fingerprint="ab" * 32)
    assert not report.ok and "expected key" in report.problems[0].message


def test_unsigned_bundle_fails(bag: Path) -> None:
    shutil.rmtree(bag / L.SIGNATURE_DIR)
    report = verify_bundle(bag)
    assert not report.ok and report.problems[0].kind == "signature"


def test_changed_byte_inside_zip(exported, tmp_path: Path) -> None:
    src = exported[0] / "bundle.zip"
    with zipfile.ZipFile(src) as zf:
        info = next(i for i in zf.infolist() if "/data/objects/" in i.filename)
    data = bytearray(src.read_bytes())
    data[info.header_offset + 30 + len(info.filename.encode()) + info.file_size // 2] ^= 0x01
    target = tmp_path / "tampered.zip"
    target.write_bytes(bytes(data))
    report = verify_bundle(target)
    name = info.filename.split("/", 1)[1]
    assert ("checksum", name) in _kinds(report) and not report.ok


def test_not_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "junk.zip").write_bytes(b"PK not really")
    assert verify_bundle(tmp_path / "junk.zip").problems[0].kind == "structure"
    (tmp_path / "empty").mkdir()
    assert not verify_bundle(tmp_path / "empty").ok
