"""The archive's master key, wrapped by a passphrase and optionally a recovery key.

A random 256-bit master key encrypts everything; it never changes, so a new
passphrase only rewraps 32 bytes (instant, whatever the archive's size). The
wrapping key comes from the passphrase through Argon2id, whose memory cost
makes guessing expensive on GPUs; its parameters are stored in the key file
and checked against fixed bounds on every read, so a crafted key file can
neither exhaust memory nor weaken the derivation below a floor. A recovery
key is 256 random bits shown once; being random, it needs no slow KDF.

Subkeys for each purpose come from the master key through HKDF, so that a
key used for one thing (SQLCipher's raw key) is never the key of another.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from evidence_desk.core.atomic_file import write_bytes_atomically
from evidence_desk.core.crypto.errors import KeyFileError, WrongPassphrase

FORMAT = "evidence-desk-keys"
FORMAT_VERSION = 1
MASTER_KEY_SIZE = 32
MAX_KEYFILE_BYTES = 64 * 1024
_WRAP_AAD = b"evidence-desk/master-key-wrap/v1/"
_RECOVERY_INFO = b"evidence-desk/recovery-wrap/v1"
_RECOVERY_BYTES = 32
SUBKEY_PURPOSES = ("objects", "derived", "database", "signing-key", "age-identity", "settings")


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost; defaults are RFC 9106's second recommendation (64 MiB, t=3)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    # Bounds checked on every key file read: the floor keeps a crafted file from
    # making the passphrase cheap to guess; the ceiling keeps it from eating RAM.
    MIN_TIME = 1
    MAX_TIME = 64
    MIN_MEMORY_KIB = 8 * 1024
    MAX_MEMORY_KIB = 1024 * 1024
    MAX_PARALLELISM = 64

    def check(self) -> None:
        if not self.MIN_TIME <= self.time_cost <= self.MAX_TIME:
            raise KeyFileError(f"Argon2 time cost {self.time_cost} outside 1..64")
        if not self.MIN_MEMORY_KIB <= self.memory_kib <= self.MAX_MEMORY_KIB:
            raise KeyFileError(f"Argon2 memory {self.memory_kib} KiB outside 8 MiB..1 GiB")
        if not 1 <= self.parallelism <= self.MAX_PARALLELISM:
            raise KeyFileError(f"Argon2 parallelism {self.parallelism} outside 1..64")


DEFAULT_PARAMS = Argon2Params()
# Lowest allowed cost: for tests, which derive many keys on a shared machine.
FAST_TEST_PARAMS = Argon2Params(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@dataclass(frozen=True)
class _Wrap:
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class KeyFile:
    """What is stored on disk: KDF parameters and the master key under each wrap."""

    params: Argon2Params
    salt: bytes
    passphrase_wrap: _Wrap
    recovery_wrap: _Wrap | None

    def to_json(self) -> str:
        def wrap(w: _Wrap | None) -> dict[str, str] | None:
            if w is None:
                return None
            return {"nonce": _b64(w.nonce), "ciphertext": _b64(w.ciphertext)}

        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "kdf": {
                "name": "argon2id",
                "time_cost": self.params.time_cost,
                "memory_kib": self.params.memory_kib,
                "parallelism": self.params.parallelism,
                "salt": _b64(self.salt),
            },
            "wrap": "aes-256-gcm",
            "passphrase": wrap(self.passphrase_wrap),
            "recovery": wrap(self.recovery_wrap),
        }
        return json.dumps(doc, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "key file") -> KeyFile:
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise KeyFileError(f"{source}: not JSON ({exc})") from None
        return _parse(doc, source)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, field: str, source: str, length: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise KeyFileError(f"{source}: field {field} must be a base64 string")
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:
        raise KeyFileError(f"{source}: field {field} is not valid base64") from None
    if length is not None and len(data) != length:
        raise KeyFileError(f"{source}: field {field} must hold {length} bytes, not {len(data)}")
    return data


def _int(doc: dict[str, object], field: str, source: str) -> int:
    value = doc.get(field)
    if not isinstance(value, int) or isinstance(value, bool):
        raise KeyFileError(f"{source}: field kdf.{field} must be an integer")
    return value


def _parse_wrap(value: object, field: str, source: str) -> _Wrap:
    if not isinstance(value, dict):
        raise KeyFileError(f"{source}: field {field} must be an object")
    return _Wrap(
        _unb64(value.get("nonce"), f"{field}.nonce", source, 12),
        _unb64(value.get("ciphertext"), f"{field}.ciphertext", source, MASTER_KEY_SIZE + 16),
    )


def _parse(doc: object, source: str) -> KeyFile:
    if not isinstance(doc, dict):
        raise KeyFileError(f"{source}: the top level must be an object")
    if doc.get("format") != FORMAT:
        raise KeyFileError(f"{source}: field format must be {FORMAT!r}")
    if doc.get("version") != FORMAT_VERSION:
        raise KeyFileError(f"{source}: field version {doc.get('version')!r} is not supported")
    if doc.get("wrap") != "aes-256-gcm":
        raise KeyFileError(f"{source}: field wrap must be 'aes-256-gcm'")
    kdf = doc.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise KeyFileError(f"{source}: field kdf must describe argon2id")
    params = Argon2Params(
        _int(kdf, "time_cost", source),
        _int(kdf, "memory_kib", source),
        _int(kdf, "parallelism", source),
    )
    try:
        params.check()
    except KeyFileError as exc:
        raise KeyFileError(f"{source}: {exc}") from None
    salt = _unb64(kdf.get("salt"), "kdf.salt", source)
    if not 16 <= len(salt) <= 64:
        raise KeyFileError(f"{source}: field kdf.salt must hold 16..64 bytes")
    recovery = doc.get("recovery")
    return KeyFile(
        params,
        salt,
        _parse_wrap(doc.get("passphrase"), "passphrase", source),
        None if recovery is None else _parse_wrap(recovery, "recovery", source),
    )


def _passphrase_kek(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    if not passphrase:
        raise WrongPassphrase("the passphrase is empty")
    # NFC: the same words typed on another system or keyboard layout give the same bytes.
    return hash_secret_raw(
        unicodedata.normalize("NFC", passphrase).encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _recovery_kek(recovery_key: str) -> bytes:
    raw = parse_recovery_key(recovery_key)
    return HKDF(SHA256(), 32, None, _RECOVERY_INFO).derive(raw)


def _wrap(kek: bytes, master: bytes, label: bytes) -> _Wrap:
    nonce = os.urandom(12)
    return _Wrap(nonce, AESGCM(kek).encrypt(nonce, master, _WRAP_AAD + label))


def _unwrap(kek: bytes, wrap: _Wrap, label: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(wrap.nonce, wrap.ciphertext, _WRAP_AAD + label)
    except InvalidTag:
        return None


def format_recovery_key(raw: bytes) -> str:
    """Base32 in groups of four, easy to write down and read back."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Accepts the key with or without dashes and spaces, in any case."""
    cleaned = "".join(ch for ch in text.upper() if ch not in "- \t\n")
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(padded)
    except ValueError:
        raise WrongPassphrase("the recovery key is not valid (letters A-Z and 2-7 only)") from None
    if len(raw) != _RECOVERY_BYTES:
        raise WrongPassphrase("the recovery key has the wrong length (13 groups of 4)")
    return raw


@dataclass(frozen=True)
class CreatedKeys:
    keyfile: KeyFile
    master_key: bytes
    recovery_key: str | None  # to be shown once, never stored


def create_keys(
    passphrase: str, *, with_recovery: bool = False, params: Argon2Params | None = None
) -> CreatedKeys:
    """A new random master key wrapped by ``passphrase`` (and a recovery key)."""
    params = params or DEFAULT_PARAMS
    params.check()
    master = secrets.token_bytes(MASTER_KEY_SIZE)
    salt = secrets.token_bytes(16)
    pass_wrap = _wrap(_passphrase_kek(passphrase, salt, params), master, b"passphrase")
    recovery_text = None
    recovery_wrap = None
    if with_recovery:
        recovery_text = format_recovery_key(secrets.token_bytes(_RECOVERY_BYTES))
        recovery_wrap = _wrap(_recovery_kek(recovery_text), master, b"recovery")
    return CreatedKeys(KeyFile(params, salt, pass_wrap, recovery_wrap), master, recovery_text)


def unlock(keyfile: KeyFile, passphrase: str) -> bytes:
    """The master key, or WrongPassphrase (nothing else is touched)."""
    kek = _passphrase_kek(passphrase, keyfile.salt, keyfile.params)
    master = _unwrap(kek, keyfile.passphrase_wrap, b"passphrase")
    if master is None:
        raise WrongPassphrase("the passphrase is wrong: it does not open this archive's keys")
    return master


def unlock_with_recovery(keyfile: KeyFile, recovery_key: str) -> bytes:
    if keyfile.recovery_wrap is None:
        raise WrongPassphrase("this archive was created without a recovery key")
    master = _unwrap(_recovery_kek(recovery_key), keyfile.recovery_wrap, b"recovery")
    if master is None:
        raise WrongPassphrase("the recovery key is wrong: it does not open this archive's keys")
    return master


def rewrap(
    keyfile: KeyFile, master: bytes, new_passphrase: str, params: Argon2Params | None = None
) -> KeyFile:
    """The same master key under a new passphrase (fresh salt); recovery wrap kept."""
    params = params or keyfile.params
    params.check()
    salt = secrets.token_bytes(16)
    pass_wrap = _wrap(_passphrase_kek(new_passphrase, salt, params), master, b"passphrase")
    return KeyFile(params, salt, pass_wrap, keyfile.recovery_wrap)


def change_passphrase(keyfile: KeyFile, old: str, new: str) -> KeyFile:
    return rewrap(keyfile, unlock(keyfile, old), new)


def subkey(master: bytes, purpose: str) -> bytes:
    """A 256-bit key for one purpose; distinct purposes give independent keys."""
    if purpose not in SUBKEY_PURPOSES:
        raise ValueError(f"unknown key purpose {purpose!r}")
    info = b"evidence-desk/subkey/v1/" + purpose.encode("ascii")
    return HKDF(SHA256(), 32, None, info).derive(master)


def read_bounded(path: Path, limit: int, what: str = "key file") -> bytes:
    """The bytes of a small key file, never more than ``limit`` of them read (a crafted
    file may be huge); any failure is one ``KeyFileError`` line naming the file."""
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise KeyFileError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise KeyFileError(f"{path}: {what} larger than {limit} bytes")
    return data


def read_keyfile(path: Path) -> KeyFile:
    path = Path(path)
    data = read_bounded(path, MAX_KEYFILE_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise KeyFileError(f"{path}: key file is not UTF-8 text") from None
    return KeyFile.from_json(text, str(path))


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Atomic replace (temp file, fsync, rename): a crash leaves the old or the new file."""
    write_bytes_atomically(Path(path), keyfile.to_json().encode("utf-8"), mode=0o600)
