"""Converting a plain archive into an encrypted one: complete, verified, resumable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS
from evidence_desk.db.models import CustodyEvent
from evidence_desk.services.archive.archive import (
    PassphraseRequired,
    WrongPassphraseError,
    create_archive,
    open_archive,
)
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.catalogue import items as items_service
from evidence_desk.services.catalogue.conversion import conversion_pending, encrypt_archive
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests.media import make_jpeg, make_pdf, make_png

PASS = "conversion passphrase"
CANARY = "CNRY-CONVERT-a1b2"


def _plain(tmp_path: Path, files: int = 6) -> Path:
    root = tmp_path / "archive"
    archive = create_archive(root, "Plain")
    src = tmp_path / f"in-{CANARY}"
    src.mkdir()
    make_jpeg(src / f"{CANARY}.jpg", software=CANARY)
    make_pdf(src / "statement.pdf", title=CANARY)
    (src / "note.txt").write_text(CANARY * 500)
    for i in range(files - 3):
        make_png(src / f"p{i}.png", color=(i * 40 % 255, 10, 10))
    report = ingest(archive, [src], provenance=Provenance(received_from=CANARY, notes=CANARY))
    assert report.ok
    items_service.set_tags(archive, [report.new[0].exhibit], add=[CANARY])
    archive.db.backup(archive.backups, "before-test")
    export_bundle(archive, None, out=tmp_path / "plain-bundle")  # a replication event too
    archive.age_identity()  # a plain archive's identity, made on first use
    archive.close()
    return root


def _hits(root: Path) -> list[str]:
    needle = CANARY.encode()
    return [
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if needle in p.relative_to(root).as_posix().encode()
        or (p.is_file() and needle in p.read_bytes())
    ]


def test_conversion_encrypts_everything_and_verifies(tmp_path: Path) -> None:
    root = _plain(tmp_path)
    assert _hits(root)  # the plain archive is full of the canary
    with open_archive(root) as before:
        exhibits = [i["exhibit"] for i in items_service.list_items(before)]
        recipient = before.age_identity().recipient
    report = encrypt_archive(root, PASS, recovery_key=True, kdf=FAST_TEST_PARAMS)
    assert report.objects_encrypted == 6 and report.databases == 2 and report.thumbnails >= 5
    assert report.recovery_key and not conversion_pending(root)
    assert _hits(root) == []
    assert not (root / "keys" / "signing-key.pem").exists()
    assert not list(root.glob("evidence.sqlite-*"))
    with pytest.raises(PassphraseRequired):
        open_archive(root)
    with open_archive(root, passphrase=lambda: PASS) as archive:
        assert archive.encrypted and verify(archive).ok
        assert [i["exhibit"] for i in items_service.list_items(archive)] == exhibits
        assert archive.age_identity().recipient == recipient  # senders' keys stay valid
        assert archive.read_thumbnail(items_service.get_item(archive, exhibits[0])["sha256"])
        with archive.db.reader() as session:
            kinds = list(session.scalars(select(CustodyEvent.event_type)))
        assert kinds.count("encryption") == 1
        export_bundle(archive, None, out=tmp_path / "after", zip=True)  # signing key works
    with pytest.raises(ArchiveError, match="already encrypted"):
        encrypt_archive(root, PASS, kdf=FAST_TEST_PARAMS)


def test_interrupted_conversion_resumes_and_meanwhile_refuses_to_open(tmp_path: Path) -> None:
    root = _plain(tmp_path, files=8)
    calls = iter(range(100))
    report = encrypt_archive(root, PASS, kdf=FAST_TEST_PARAMS, cancelled=lambda: next(calls) >= 3)
    assert report.cancelled and report.objects_encrypted == 3
    assert conversion_pending(root)
    with pytest.raises(ArchiveError, match="did not finish"):
        open_archive(root, passphrase=lambda: PASS)
    with pytest.raises(WrongPassphraseError):
        encrypt_archive(root, "not the passphrase", kdf=FAST_TEST_PARAMS)
    again = encrypt_archive(root, PASS, kdf=FAST_TEST_PARAMS)
    assert again.objects_already == 3 and again.objects_encrypted == 5
    assert _hits(root) == []
    with open_archive(root, passphrase=lambda: PASS) as archive:
        assert verify(archive).ok


def test_an_archive_with_problems_is_not_converted(tmp_path: Path) -> None:
    root = _plain(tmp_path)
    victim = next(p for p in (root / "objects").rglob("*") if p.is_file() and len(p.name) == 64)
    victim.chmod(0o600)
    victim.write_bytes(b"altered")
    with pytest.raises(ArchiveError, match="nothing was changed"):
        encrypt_archive(root, PASS, kdf=FAST_TEST_PARAMS)
    assert not conversion_pending(root) and not (root / "keys" / "archive-keys.json").exists()
