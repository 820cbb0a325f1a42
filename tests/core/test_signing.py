"""Ed25519 signing of tag manifests, and the fingerprint anyone can recompute."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk.core import signing


def _write_key(path: Path) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return key


def test_sign_and_verify(tmp_path: Path) -> None:
    _write_key(tmp_path / "k.pem")
    key = signing.load_private_key(tmp_path / "k.pem")
    pub = signing.load_public_key_pem(signing.public_key_pem(key.public_key()))
    sig = signing.sign(key, b"tag manifest")
    assert signing.verify(pub, sig, b"tag manifest")
    assert not signing.verify(pub, sig, b"tag manifesT")
    other = Ed25519PrivateKey.generate()
    assert not signing.verify(pub, other.sign(b"tag manifest"), b"tag manifest")


def test_fingerprint_is_sha256_of_der(tmp_path: Path) -> None:
    key = _write_key(tmp_path / "k.pem").public_key()
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fp = signing.fingerprint(key)
    assert fp == hashlib.sha256(der).hexdigest()
    assert signing.pretty_fingerprint(fp).replace(" ", "") == fp
    assert len(signing.pretty_fingerprint(fp).split()) == 16


def test_bad_keys_are_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.pem").write_text("not a key")
    with pytest.raises(signing.SigningKeyError, match="cannot read"):
        signing.load_private_key(tmp_path / "bad.pem")
    with pytest.raises(signing.SigningKeyError):
        signing.load_private_key(tmp_path / "missing.pem")
    with pytest.raises(signing.SigningKeyError):
        signing.load_public_key_pem(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_openssl_verifies_our_signature(tmp_path: Path) -> None:
    key = _write_key(tmp_path / "k.pem")
    (tmp_path / "tagmanifest-sha256.txt").write_bytes(b"abc  bagit.txt\n")
    (tmp_path / "sig").write_bytes(signing.sign(key, b"abc  bagit.txt\n"))
    (tmp_path / "public-key.pem").write_bytes(signing.public_key_pem(key.public_key()))
    result = subprocess.run(
        ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem", "-rawin",
         "-in", "tagmanifest-sha256.txt", "-sigfile", "sig"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
