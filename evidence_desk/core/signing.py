"""Ed25519 detached signatures for bundles.

A bundle is signed with the archive's own key so a recipient can tell that
the bundle is unchanged since the archive made it, and which archive made
it. The signature is over the exact bytes of ``tagmanifest-sha256.txt``
(raw Ed25519, no pre-hashing), which is what ``openssl pkeyutl -verify
-rawin`` checks. The fingerprint is the SHA-256 of the public key's DER
SubjectPublicKeyInfo, so anyone can recompute it with::

    openssl pkey -pubin -in public-key.pem -outform DER | sha256sum
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)


class SigningKeyError(Exception):
    """A key file cannot be read or is not an Ed25519 key."""


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SigningKeyError(f"cannot read the signing key {path}: {exc}") from exc
    return load_private_key_pem(data, str(path))


def load_private_key_pem(data: bytes, source: str) -> Ed25519PrivateKey:
    """A PEM private key already in memory (an encrypted archive decrypts it there)."""
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"cannot read the signing key {source}: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{source} is not an Ed25519 private key")
    return key


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key_pem(data: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"not a PEM public key: {exc}") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError("the public key is not an Ed25519 key")
    return key


def fingerprint(key: Ed25519PublicKey) -> str:
    """Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def pretty_fingerprint(fp: str) -> str:
    """Groups of four hex digits, easier to read aloud over the phone."""
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
