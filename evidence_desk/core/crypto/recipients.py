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
import queue
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage  # type: ignore[import-untyped]  # ships no type information

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


def _decrypt(
    reader: BinaryIO, writer: BinaryIO, identities: list[pyrage.x25519.Identity], source: str
) -> None:
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


class _QueueReader:
    """The reading end pyrage pulls from (it calls ``read(n)``), fed by AgeWriter."""

    def __init__(self, pending: queue.Queue[bytes | None]) -> None:
        self._pending = pending
        self._buf = memoryview(b"")
        self._eof = False

    def read(self, n: int = -1) -> bytes:
        while not self._buf and not self._eof:
            item = self._pending.get()
            if item is None:
                self._eof = True
            else:
                self._buf = memoryview(item)
        take = len(self._buf) if n is None or n < 0 else min(n, len(self._buf))
        out = bytes(self._buf[:take])
        self._buf = self._buf[take:]
        return out


class AgeWriter:
    """A writable whose bytes are written to ``out`` as an age file, as they come.

    pyrage only pulls from a reader, so it runs on a thread reading a bounded
    queue this object fills: a zip can be written straight into an encrypted
    file, and no plaintext of the bundle ever reaches the disk. ``tell`` is
    deliberately missing, so zipfile treats this as the unseekable stream it is.
    """

    _DEPTH = 8

    def __init__(self, out: BinaryIO, recipients: list[str]) -> None:
        parsed = _recipients(recipients)
        self._pending: queue.Queue[bytes | None] = queue.Queue(maxsize=self._DEPTH)
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(
            target=self._run, args=(out, parsed), name="age-encrypt", daemon=True
        )
        self._thread.start()

    def _run(self, out: BinaryIO, parsed: list[pyrage.x25519.Recipient]) -> None:
        try:
            pyrage.encrypt_io(_QueueReader(self._pending), out, parsed)
        except BaseException as exc:  # surfaced on the writing thread
            self._error = exc
            while self._pending.get() is not None:  # let the writer finish without blocking
                pass

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._error is not None:
            raise OSError(f"age encryption failed: {self._error}")
        if self._closed:
            raise ValueError("write to a closed AgeWriter")
        chunk = bytes(data)
        if chunk:
            self._pending.put(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """End the age stream (writes its final chunk); raises what the encryption raised."""
        if self._closed:
            return
        self._closed = True
        self._pending.put(None)
        self._thread.join()
        if self._error is not None:
            raise OSError(f"age encryption failed: {self._error}")


def decrypt_to_spool(src: Path, identities: list[str]) -> BinaryIO:
    """A seekable plaintext view of an age file, with no plaintext on disk.

    A zip needs random access, which an age stream does not give. The stream
    is decrypted once (fully authenticated by age) into an anonymous temporary
    file, re-encrypted on the way with a random key that exists only in this
    process's memory; the returned reader decrypts from it on demand.
    """
    from evidence_desk.core.crypto.stream import DecryptingReader, EncryptingWriter

    parsed = [parse_identity(i) for i in identities]
    ephemeral = os.urandom(32)
    spool = tempfile.TemporaryFile(prefix="evidence-desk-spool-")
    try:
        writer = EncryptingWriter(spool, ephemeral)
        with open(src, "rb") as reader:
            _decrypt(reader, writer, parsed, str(src))  # type: ignore[arg-type]
        result = writer.finish()
        spool.flush()
        return DecryptingReader(spool, ephemeral, bytes.fromhex(result.sha256))  # type: ignore[return-value]
    except BaseException:
        spool.close()
        raise


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
