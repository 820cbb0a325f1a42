"""Signer trust: first contact needs explicit trust, then the key is pinned per sending archive;
another key is refused naming both fingerprints; pin and revoke are commands and custody events."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.cli.main import main
from evidence_desk.core import signing
from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.db.models import CustodyEvent
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import ImportRefused, import_bundle
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.helpers.hostile import resign


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("signers")
    with create_archive(root / "sender", "Colleague") as sender:
        media.make_jpeg(root / "a.jpg", color=(200, 10, 10))
        ingest(sender, [root / "a.jpg"], provenance=Provenance("witness"))
        export_bundle(sender, None, out=root / "bundle")
        key = signing.load_private_key(sender.signing_key_path)
        info = sender.info()
    forged = root / "forged"
    shutil.copytree(root / "bundle", forged)
    forger = signing.Ed25519PrivateKey.generate()
    resign(forged, forger)
    return root, info.uuid, signing.fingerprint(key.public_key()), forged, forger


def _trust_events(archive) -> list[dict]:
    with archive.db.reader() as session:
        rows = session.scalars(select(CustodyEvent).order_by(CustodyEvent.id))
        details = [json.loads(r.details_json) for r in rows]
    return [d for d in details if d.get("record") == "signer"]


def test_first_contact_needs_trust_then_key_is_pinned(sent, tmp_path: Path) -> None:
    root, sender_uuid, fp, forged, forger = sent
    with create_archive(tmp_path / "r", "Receiver") as receiver:
        with pytest.raises(ImportRefused, match="first bundle") as refused:
            import_bundle(receiver, root / "bundle")
        assert pretty_fingerprint(fp) in str(refused.value)
        assert refused.value.signer.status == "new"
        report = import_bundle(receiver, root / "bundle", trust_new_signer=True)
        assert report.trusted_now and report.signer_status == "new"
        (event,) = _trust_events(receiver)
        assert event["fingerprint"] == fp and event["archive_uuid"] == sender_uuid
        assert "first contact" in event["how"]
        again = import_bundle(receiver, root / "bundle")  # pinned: no flag needed
        assert again.signer_status == "trusted" and not again.trusted_now

        # Another key claiming the same archive: refused even with --trust-new-signer.
        forged_fp = signing.fingerprint(forger.public_key())
        with pytest.raises(ImportRefused) as refused:
            import_bundle(receiver, forged, trust_new_signer=True)
        message = str(refused.value)
        assert pretty_fingerprint(fp) in message and pretty_fingerprint(forged_fp) in message
        assert verify(receiver).ok


def test_pin_and_revoke_commands(sent, tmp_path: Path, capsys) -> None:
    root, sender_uuid, fp, forged, forger = sent
    archive = tmp_path / "r"
    assert main(["init", "--archive", str(archive)]) == 0
    capsys.readouterr()
    assert main(["signers", "list", "--archive", str(archive), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    # Pin the real key by its fingerprint (as read out over the phone, with spaces).
    args = ["signers", "pin", "--archive", str(archive), pretty_fingerprint(fp)]
    assert main([*args, "--archive-uuid", sender_uuid, "--name", "Colleague", "--json"]) == 0
    pinned = json.loads(capsys.readouterr().out)
    assert pinned[0]["fingerprint"] == fp and pinned[0]["status"] == "trusted"
    assert main(["import-bundle", "--archive", str(archive), str(root / "bundle")]) == 0
    out = capsys.readouterr().out
    assert pretty_fingerprint(fp) in out

    # The forged bundle is refused, naming both keys, exit 1.
    assert main(["import-bundle", "--archive", str(archive), str(forged)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and pretty_fingerprint(fp) in err
    assert pretty_fingerprint(signing.fingerprint(forger.public_key())) in err

    # Revoked: even the real key's bundles are refused.
    assert main(["signers", "revoke", "--archive", str(archive), fp]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["import-bundle", "--archive", str(archive), str(root / "bundle")]) == 1
    assert "revoked" in capsys.readouterr().err
    assert main(["signers", "list", "--archive", str(archive)]) == 0
    listing = capsys.readouterr().out
    assert "revoked" in listing and "1 known signers" in listing

    # Bad input is one line, exit 2.
    assert main(["signers", "pin", "--archive", str(archive), "xyz", "--archive-uuid", "u"]) == 2
    assert "not a key fingerprint" in capsys.readouterr().err
    assert main(["signers", "revoke", "--archive", str(archive), "ab" * 32]) == 2
    assert "no known signer" in capsys.readouterr().err


def test_verify_bundle_shows_the_fingerprint(sent, capsys) -> None:
    root, _, fp, _, _ = sent
    assert main(["verify-bundle", str(root / "bundle")]) == 0
    assert pretty_fingerprint(fp) in capsys.readouterr().out
    assert main(["verify-bundle", "--json", str(root / "bundle")]) == 0
    assert json.loads(capsys.readouterr().out)["signer_fingerprint"] == fp


def test_a_fingerprint_given_on_import_is_explicit_trust(sent, tmp_path: Path) -> None:
    root, sender_uuid, fp, forged, forger = sent
    with create_archive(tmp_path / "r", "Receiver") as receiver:
        with pytest.raises(ImportRefused, match="expected key"):
            import_bundle(receiver, forged, expected_fingerprint=fp)
        report = import_bundle(
            receiver, root / "bundle", expected_fingerprint=pretty_fingerprint(fp)
        )
        assert report.trusted_now
        (event,) = _trust_events(receiver)
        assert "fingerprint given" in event["how"]


def test_json_members_must_agree_with_bag_info(sent, tmp_path: Path) -> None:
    """A forger cannot name a colleague's archive in items.json and their own in bag-info."""
    root, _, _, _, _ = sent
    folder = tmp_path / "b"
    shutil.copytree(root / "bundle", folder)
    items = folder / "data" / "metadata" / "items.json"
    doc = json.loads(items.read_text(encoding="utf-8"))
    doc["archive"]["uuid"] = "0badc0de-0000-4000-8000-000000000002"
    items.write_text(json.dumps(doc), encoding="utf-8")
    resign(folder, signing.load_private_key(root / "sender" / "keys" / "signing-key.pem"))
    from evidence_desk.services.bundles.verify import verify_bundle

    report = verify_bundle(folder)
    assert not report.ok
    assert any("/archive/uuid" in p.message for p in report.problems)
