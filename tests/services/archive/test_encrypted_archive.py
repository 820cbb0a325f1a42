"""An encrypted archive: everything works as on a plain one, and no plaintext reaches the disk."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS
from evidence_desk.services.archive.archive import (
    PassphraseRequired,
    WrongPassphraseError,
    change_passphrase,
    create_archive,
    open_archive,
    reset_passphrase,
)
from evidence_desk.services.catalogue import items as items_service
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests.media import make_jpeg, make_mp4, make_pdf, make_png

PASS = "correct horse battery"

# One canary per thing a user or a file can put into an archive.
CANARIES = {
    "bytes": "CNRY-BYTES-5b1e",
    "name": "CNRY-NAME-Айгерим",
    "folder": "CNRY-DIR-7c0d",
    "from": "CNRY-FROM-91aa",
    "method": "CNRY-METHOD-3d2f",
    "collector": "CNRY-COLL-e0c4",
    "note": "CNRY-NOTE-ff21",
    "xmp": "CNRY-XMP-0a9b",
    "exif": "CNRY-EXIF-44d2",
    "pdf": "CNRY-PDF-8e6a",
    "tag": "CNRY-TAG-Қазақ",
    "title": "CNRY-TITLE-2c77",
    "archive": "CNRY-ARCHIVE-6f30",
}


def _encrypted(path: Path, **kwargs):  # type: ignore[no-untyped-def]
    return create_archive(path, "test", passphrase=PASS, kdf=FAST_TEST_PARAMS, **kwargs)


def _open(path: Path, passphrase: str = PASS):  # type: ignore[no-untyped-def]
    return open_archive(path, passphrase=lambda: passphrase)


def _needles() -> list[tuple[str, bytes]]:
    found = []
    for label, text in CANARIES.items():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found.append((f"{label}/{encoding}", text.encode(encoding)))
        ascii_part = text.split("-Ай")[0].split("-Қа")[0]
        found.append((f"{label}/ascii", ascii_part.encode()))
    return found


def _scan(root: Path) -> list[str]:
    """Every canary found in any byte of any file under ``root`` (names included)."""
    hits = []
    needles = _needles()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        for label, needle in needles:
            if needle in rel.encode("utf-8", "surrogateescape"):
                hits.append(f"{label} in the name {rel}")
        if path.is_file():
            data = path.read_bytes()
            hits.extend(f"{label} in {rel}" for label, needle in needles if needle in data)
    return hits


def _evidence(folder: Path, copies: int) -> list[Path]:
    """Media carrying a canary in every field a file can fill, plus ``copies`` small files."""
    src = folder / CANARIES["folder"]
    src.mkdir(parents=True)
    make_jpeg(
        src / f"{CANARIES['name']}.jpg",
        xmp=f"<x:xmpmeta>{CANARIES['xmp']}</x:xmpmeta>",
        software=CANARIES["exif"],
    )
    make_pdf(src / "statement.pdf", title=CANARIES["pdf"])
    make_mp4(src / "street.mp4")
    (src / "note.txt").write_text(f"{CANARIES['bytes']}\n" * 1000, encoding="utf-8")
    for i in range(copies):  # enough files for ingest to analyse in worker processes
        make_png(src / f"{CANARIES['name']}-{i}.png", color=(i * 9 % 255, 30, 60))
    return [src]


def test_canaries_never_reach_the_disk(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    archive = create_archive(root, CANARIES["archive"], passphrase=PASS, kdf=FAST_TEST_PARAMS)
    report = ingest(
        archive,
        _evidence(tmp_path / "incoming", copies=24),
        provenance=Provenance(
            received_from=CANARIES["from"],
            method=CANARIES["method"],
            collector=CANARIES["collector"],
            notes=CANARIES["note"],
        ),
    )
    assert report.ok and len(report.new) == 28, [r.messages for r in report.results]
    exhibits = [r.exhibit for r in report.new]
    items_service.set_tags(archive, exhibits[:3], add=[CANARIES["tag"]])
    items_service.update_fields(archive, exhibits[0], title=CANARIES["title"])
    assert verify(archive).ok
    with_thumbs = [r for r in report.new if archive.read_thumbnail(_sha(archive, r.exhibit))]
    assert len(with_thumbs) >= 26  # photos, PNGs, the video frame and the PDF page
    archive.db.backup(archive.backups, "canary")
    assert (root / "evidence.sqlite-wal").exists()
    assert _scan(root) == []  # while open: the WAL holds the recent pages
    # The catalogue itself still reads back in clear, through the keys.
    shown = items_service.get_item(archive, exhibits[0])
    assert shown["title"] == CANARIES["title"]
    archive.close()
    assert _scan(root) == []
    # The scan is not blind: the same ingest into a plain archive is full of canaries.
    plain = create_archive(tmp_path / "plain", CANARIES["archive"])
    ingest(plain, [tmp_path / "incoming"], provenance=Provenance(received_from=CANARIES["from"]))
    plain.close()
    leaks = _scan(tmp_path / "plain")
    assert any(h.startswith("bytes/") for h in leaks) and any("from/" in h for h in leaks)


def _sha(archive, exhibit: str) -> str:  # type: ignore[no-untyped-def]
    return items_service.get_item(archive, exhibit)["sha256"]


def _snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    return {
        p.relative_to(root).as_posix(): (
            p.stat().st_size,
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in root.rglob("*")
        if p.is_file()
    }


def test_wrong_or_missing_passphrase_is_clear_and_touches_nothing(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    archive = _encrypted(root)
    make_jpeg(tmp_path / "a.jpg")
    ingest(archive, [tmp_path / "a.jpg"], provenance=Provenance())
    archive.close()
    before = _snapshot(root)
    with pytest.raises(WrongPassphraseError, match="passphrase is wrong"):
        _open(root, "not the passphrase")
    with pytest.raises(PassphraseRequired, match="EVIDENCE_DESK_PASSPHRASE"):
        open_archive(root)
    assert _snapshot(root) == before


def test_passphrase_change_and_recovery(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    archive = _encrypted(root, recovery_key=True)
    recovery = archive.recovery_key
    assert recovery and len(recovery.split("-")) == 13
    make_jpeg(tmp_path / "a.jpg")
    ingest(archive, [tmp_path / "a.jpg"], provenance=Provenance())
    archive.close()
    objects_before = _snapshot(root / "objects")
    change_passphrase(root, PASS, "a new passphrase")
    assert _snapshot(root / "objects") == objects_before  # nothing re-encrypted
    with pytest.raises(WrongPassphraseError):
        _open(root)
    with _open(root, "a new passphrase") as reopened:
        assert verify(reopened).ok
    with pytest.raises(WrongPassphraseError):
        change_passphrase(root, PASS, "whatever else")
    reset_passphrase(root, recovery, "third passphrase")
    with _open(root, "third passphrase") as reopened:
        assert reopened.encrypted and verify(reopened).ok


def test_verify_names_altered_ciphertext_like_an_altered_original(tmp_path: Path) -> None:
    archive = _encrypted(tmp_path / "archive")
    make_jpeg(tmp_path / "a.jpg")
    make_png(tmp_path / "b.png")
    report = ingest(archive, [tmp_path / "a.jpg", tmp_path / "b.png"], provenance=Provenance())
    target = report.new[1]
    path = archive.store.path_for(_sha(archive, target.exhibit))
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    result = verify(archive)
    assert not result.ok
    [problem] = result.problems
    assert problem.kind == "altered" and problem.exhibit == target.exhibit
    assert "original altered" in problem.message and "fails authentication" in problem.message
    archive.close()


def test_signing_key_and_age_identity_are_sealed(tmp_path: Path) -> None:
    archive = _encrypted(tmp_path / "archive")
    keys = tmp_path / "archive" / "keys"
    assert sorted(p.name for p in keys.iterdir()) == [
        "age-identity.enc",
        "age-recipient.txt",
        "archive-keys.json",
        "signing-key.pem.enc",
    ]
    assert b"PRIVATE KEY" not in (keys / "signing-key.pem.enc").read_bytes()
    assert b"AGE-SECRET-KEY" not in (keys / "age-identity.enc").read_bytes()
    key = archive.signing_key()
    assert key.sign(b"x")
    identity = archive.age_identity()
    assert identity.secret.startswith("AGE-SECRET-KEY-1")
    assert identity.recipient == (keys / "age-recipient.txt").read_text().strip()
    archive.close()


def test_closing_lets_go_of_the_keys(tmp_path: Path) -> None:
    archive = _encrypted(tmp_path / "archive")
    make_jpeg(tmp_path / "a.jpg")
    report = ingest(archive, [tmp_path / "a.jpg"], provenance=Provenance())
    sha = _sha(archive, report.new[0].exhibit)
    assert archive.read_thumbnail(sha)
    archive.close()
    assert archive.encrypted and archive.crypto is not None and archive.crypto.objects == b""
    assert archive.read_thumbnail(sha) is None
    with pytest.raises(Exception, match="key must be 32 bytes"):
        archive.store.open(sha)


def test_a_chat_export_leaves_no_plaintext_either(tmp_path: Path, monkeypatch) -> None:
    """A WhatsApp zip's media are staged for ingest: for an encrypted archive in RAM,
    never in the archive folder; messages go to the encrypted database."""
    import zipfile
    from datetime import datetime

    from evidence_desk.services.archive import archive as archive_module
    from evidence_desk.services.intake.messengers import import_export
    from tests.chat_exports import wa_line

    ram = tmp_path / "ram"  # stands in for /dev/shm, to see what goes there
    ram.mkdir()
    monkeypatch.setattr(archive_module, "RAM_DIR", ram)
    seen_in_ram: list[str] = []
    real_scratch = archive_module.Archive.scratch_dir

    def scratch(self, near, prefix=".evidence-desk-work-"):  # type: ignore[no-untyped-def]
        made = real_scratch(self, near, prefix)
        seen_in_ram.append(str(made.parent == ram))
        return made

    monkeypatch.setattr(archive_module.Archive, "scratch_dir", scratch)
    root = tmp_path / "archive"
    archive = _encrypted(root)
    photo = tmp_path / "photo.jpg"
    make_jpeg(photo, software=CANARIES["exif"])
    t = datetime(2022, 1, 5, 18, 30)
    lines = [
        wa_line(t, "Bob", "<attached: 00000001-PHOTO-2022-01-05-18-30-00.jpg>", style="ios"),
        wa_line(t, "Bob", f"{CANARIES['note']} at the square", style="ios"),
    ]
    chat = tmp_path / f"WhatsApp Chat - {CANARIES['name']}.zip"
    with zipfile.ZipFile(chat, "w") as zf:
        zf.writestr("_chat.txt", "\n".join(lines) + "\n")
        zf.write(photo, "00000001-PHOTO-2022-01-05-18-30-00.jpg")
    report = import_export(archive, chat, provenance=Provenance(received_from=CANARIES["from"]))
    assert report.messages_new == 2 and [r.status for r in report.media] == ["new"]
    assert seen_in_ram == ["True"] and list(ram.iterdir()) == []
    assert verify(archive).ok
    archive.close()
    assert _scan(root) == []
