"""Bundles only the recipient can open: the age format (X25519) through pyrage.

age is chosen because the recipient needs nothing of ours: ``age -d -i key.txt
bundle.zip.age > bundle.zip`` with the reference tool (or rage, or any
implementation), then bagit.py, sha256sum and openssl as for any bundle.
age's STREAM construction authenticates every 64 KiB chunk, so decryption
stops at the first altered byte; we write decrypted output to a temporary file
and rename it only when the whole stream authenticated, so a tampered file
never leaves a partial plaintext behind.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage

from evidence_desk.core.crypto.errors import RecipientError

AGE_MAGIC = b"age-encryption.org/v1\n"
_RECIPIENT_PREFIX = "age1"
_IDENTITY_PREFIX = "AGE-SECRET-KEY-1"
_MAX_RECIPIENT_TEXT = 200


@dataclass(frozen=True)
class AgeIdentity:
    """An X25519 identity: the secret string (kept encrypted) and its public recipient."""

    secret: str
    recipient: str


def generate_identity() -> AgeIdentity:
    identity = pyrage.x25519.Identity.generate()
    return AgeIdentity(str(identity), str(identity.to_public()))


def parse_recipient(text: str) -> pyrage.x25519.Recipient:
    """A validated X25519 recipient; a clear one-line error otherwise."""
    cleaned = text.strip()
    shown = cleaned if len(cleaned) <= 80 else cleaned[:77] + "..."
    if not cleaned.startswith(_RECIPIENT_PREFIX) or len(cleaned) > _MAX_RECIPIENT_TEXT:
        raise RecipientError(
            f"not an age public key: {shown!r} (expected 'age1' followed by 58 characters)"
        )
    try:
        return pyrage.x25519.Recipient.from_str(cleaned)
    except pyrage.RecipientError as exc:
        raise RecipientError(f"not a valid age public key: {shown!r} ({exc})") from None


def parse_identity(text: str) -> pyrage.x25519.Identity:
    cleaned = text.strip()
    if not cleaned.startswith(_IDENTITY_PREFIX):
        raise RecipientError("not an age secret key (expected 'AGE-SECRET-KEY-1…')")
    try:
        return pyrage.x25519.Identity.from_str(cleaned)
    except pyrage.IdentityError as exc:
        raise RecipientError(f"not a valid age secret key ({exc})") from None


def parse_identity_file(text: str) -> list[pyrage.x25519.Identity]:
    """The identities of an age key file (``age-keygen`` output): comments are skipped."""
    found = [
        parse_identity(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not found:
        raise RecipientError("the key file holds no AGE-SECRET-KEY line")
    return found


def _decrypt(reader: BinaryIO, writer: BinaryIO, identities: list, source: str) -> None:
    """pyrage reports a bad header as DecryptError and an altered payload chunk as
    OSError("decryption error"); both become one RecipientError naming the source."""
    try:
        pyrage.decrypt_io(reader, writer, identities)
    except pyrage.DecryptError as exc:
        raise RecipientError(f"{source}: cannot decrypt ({exc})") from None
    except OSError as exc:
        if "decryption" not in str(exc):
            raise
        raise RecipientError(
            f"{source}: the encrypted bundle is altered or truncated ({exc})"
        ) from None


def _recipients(recipients: list[str]) -> list[pyrage.x25519.Recipient]:
    if not recipients:
        raise RecipientError("at least one recipient is needed")
    return [parse_recipient(r) for r in recipients]


def encrypt_io(reader: BinaryIO, writer: BinaryIO, recipients: list[str]) -> None:
    """Stream ``reader`` into ``writer`` as an age file for every recipient."""
    parsed = _recipients(recipients)
    try:
        pyrage.encrypt_io(reader, writer, parsed)
    except pyrage.EncryptError as exc:
        raise RecipientError(f"age encryption failed: {exc}") from None


def decrypt_io(reader: BinaryIO, writer: BinaryIO, identities: list[str]) -> None:
    """Stream an age file into ``writer``; RecipientError when no identity matches or
    the stream is altered (the writer may then hold a partial prefix: use a temp file)."""
    _decrypt(reader, writer, [parse_identity(i) for i in identities], "age file")


def is_age_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


def _atomic_output(dst: Path) -> tuple[BinaryIO, Path]:
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}-", suffix=".part", dir=dst.parent)
    return os.fdopen(fd, "wb"), Path(tmp)


def _finish(out: BinaryIO, tmp: Path, dst: Path) -> None:
    out.flush()
    os.fsync(out.fileno())
    out.close()
    os.replace(tmp, dst)


def encrypt_file(src: Path, dst: Path, recipients: list[str]) -> None:
    """``src`` → ``dst`` (age), written to a temporary file and renamed when complete."""
    parsed = _recipients(recipients)
    out, tmp = _atomic_output(Path(dst))
    try:
        with open(src, "rb") as reader:
            try:
                pyrage.encrypt_io(reader, out, parsed)
            except pyrage.EncryptError as exc:
                raise RecipientError(f"age encryption of {src} failed: {exc}") from None
        _finish(out, tmp, Path(dst))
    except BaseException:
        out.close()
        tmp.unlink(missing_ok=True)
        raise


def decrypt_file(src: Path, dst: Path, identities: list[str]) -> None:
    """``src`` (age) → ``dst``; nothing is left at ``dst`` unless all of it authenticated."""
    parsed = [parse_identity(i) for i in identities]
    out, tmp = _atomic_output(Path(dst))
    try:
        with open(src, "rb") as reader:
            _decrypt(reader, out, parsed, str(src))
        _finish(out, tmp, Path(dst))
    except BaseException:
        out.close()
        tmp.unlink(missing_ok=True)
        raise
