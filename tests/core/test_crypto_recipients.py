"""age bundles: encryption to several recipients, identities, validation, tampering."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from evidence_desk.core.crypto.errors import RecipientError
from evidence_desk.core.crypto.recipients import (
    decrypt_file,
    decrypt_io,
    encrypt_file,
    encrypt_io,
    generate_identity,
    is_age_file,
    parse_identity_file,
    parse_recipient,
)


def test_file_round_trip_for_each_of_several_recipients(tmp_path: Path) -> None:
    alice, bob, eve = generate_identity(), generate_identity(), generate_identity()
    src = tmp_path / "bundle.zip"
    src.write_bytes(b"PK CANARY bundle " + os.urandom(200_000))
    dst = tmp_path / "bundle.zip.age"
    encrypt_file(src, dst, [alice.recipient, bob.recipient])
    assert is_age_file(dst) and not is_age_file(src)
    assert b"CANARY" not in dst.read_bytes()
    for who in (alice, bob):
        out = tmp_path / f"out-{who.recipient[-6:]}.zip"
        decrypt_file(dst, out, [who.secret])
        assert out.read_bytes() == src.read_bytes()
    with pytest.raises(RecipientError, match="cannot decrypt"):
        decrypt_file(dst, tmp_path / "eve.zip", [eve.secret])
    assert not (tmp_path / "eve.zip").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_tampered_age_file_leaves_no_output(tmp_path: Path) -> None:
    me = generate_identity()
    src = tmp_path / "b.zip"
    src.write_bytes(os.urandom(300_000))
    enc = tmp_path / "b.zip.age"
    encrypt_file(src, enc, [me.recipient])
    data = bytearray(enc.read_bytes())
    data[200_000] ^= 0x40
    enc.write_bytes(bytes(data))
    with pytest.raises(RecipientError):
        decrypt_file(enc, tmp_path / "out.zip", [me.secret])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "b.zip.age"]


def test_stream_round_trip() -> None:
    me = generate_identity()
    sealed = io.BytesIO()
    encrypt_io(io.BytesIO(b"payload"), sealed, [me.recipient])
    out = io.BytesIO()
    decrypt_io(io.BytesIO(sealed.getvalue()), out, [me.secret])
    assert out.getvalue() == b"payload"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not an age public key"),
        ("ssh-ed25519 AAAAC3Nza", "not an age public key"),
        ("age1" + "q" * 58, "not a valid age public key"),
        ("age1" + "x" * 500, "expected 'age1'"),
    ],
)
def test_bad_recipients_are_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(RecipientError, match=message):
        parse_recipient(text)


def test_recipient_whitespace_is_tolerated_and_empty_list_refused(tmp_path: Path) -> None:
    me = generate_identity()
    parse_recipient(f"  {me.recipient}\n")
    with pytest.raises(RecipientError, match="at least one"):
        encrypt_file(tmp_path / "x", tmp_path / "y", [])


def test_identity_file_like_age_keygen_writes() -> None:
    me = generate_identity()
    text = f"# created: 2026-01-01\n# public key: {me.recipient}\n{me.secret}\n"
    assert len(parse_identity_file(text)) == 1
    with pytest.raises(RecipientError, match="no AGE-SECRET-KEY"):
        parse_identity_file("# nothing\n")
    with pytest.raises(RecipientError, match="not a valid"):
        parse_identity_file("AGE-SECRET-KEY-1QQQ\n")


def test_a_zip_written_into_an_age_writer_opens_after_decryption(tmp_path: Path) -> None:
    import zipfile

    from evidence_desk.core.crypto.recipients import AgeWriter

    me = generate_identity()
    target = tmp_path / "b.zip.age"
    payload = os.urandom(3 * 1024 * 1024 + 5)
    with open(target, "wb") as raw:
        age = AgeWriter(raw, [me.recipient])
        with zipfile.ZipFile(age, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            info = zipfile.ZipInfo("bag/data/ED-1.bin")
            info.file_size = len(payload)
            with zf.open(info, "w", force_zip64=True) as out:
                for start in range(0, len(payload), 100_000):
                    out.write(payload[start : start + 100_000])
            zf.writestr("bag/bagit.txt", "BagIt-Version: 1.0\n")
        age.close()
    plain = tmp_path / "b.zip"
    decrypt_file(target, plain, [me.secret])
    with zipfile.ZipFile(plain) as zf:
        assert zf.read("bag/data/ED-1.bin") == payload
        assert zf.testzip() is None


def test_age_writer_reports_a_failing_destination(tmp_path: Path) -> None:
    from evidence_desk.core.crypto.recipients import AgeWriter

    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b) -> int:  # type: ignore[no-untyped-def, override]
            raise OSError(28, "No space left on device")

    age = AgeWriter(Full(), [generate_identity().recipient])
    try:
        with pytest.raises(OSError, match="age encryption failed"):
            for _ in range(200):
                age.write(os.urandom(65536))
            age.close()
    finally:
        with contextlib.suppress(OSError):
            age.close()  # ends its thread, as a sink's discard does
    assert not age._thread.is_alive()


def test_spool_gives_a_seekable_view_without_plaintext_on_disk(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    from evidence_desk.core.crypto.recipients import decrypt_to_spool

    me = generate_identity()
    src = tmp_path / "b.zip"
    data = b"CANARY" + os.urandom(2_500_000)
    src.write_bytes(data)
    encrypt_file(src, tmp_path / "b.zip.age", [me.recipient])
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_dir))
    made: list = []
    real = tempfile.TemporaryFile

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        f = real(*args, **kwargs)
        made.append(f)
        return f

    monkeypatch.setattr(tempfile, "TemporaryFile", spy)
    view = decrypt_to_spool(tmp_path / "b.zip.age", [me.secret])
    assert made, "the spool is a temporary file"
    made[0].seek(0)
    assert b"CANARY" not in made[0].read()
    view.seek(1_000_000)
    assert view.read(10) == data[1_000_000:1_000_010]
    view.seek(0)
    assert view.read() == data
    view.close()
    with pytest.raises(RecipientError):
        decrypt_to_spool(tmp_path / "b.zip.age", [generate_identity().secret])
