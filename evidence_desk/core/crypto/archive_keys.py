"""The ``keys/`` folder of an encrypted archive.

    keys/archive-keys.json     KDF parameters and the wrapped master key (no secret in clear)
    keys/signing-key.pem.enc   the Ed25519 signing key, sealed with its subkey
    keys/age-identity.enc      the archive's age identity, sealed (opens bundles sent to it)
    keys/age-recipient.txt     its public half, to give to colleagues
    keys/saved-searches.enc    the archive's saved searches, sealed (their text names people)

An archive is encrypted exactly when ``archive-keys.json`` exists; a missing
key file beside an encrypted database is reported, never treated as plain.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.atomic_file import write_bytes_atomically
from evidence_desk.core.crypto import keys as keyfile_mod
from evidence_desk.core.crypto.errors import KeyFileError
from evidence_desk.core.crypto.keys import Argon2Params
from evidence_desk.core.crypto.layout import AGE_IDENTITY as AGE_IDENTITY
from evidence_desk.core.crypto.layout import AGE_RECIPIENT as AGE_RECIPIENT
from evidence_desk.core.crypto.layout import KEYFILE as KEYFILE
from evidence_desk.core.crypto.layout import SAVED_SEARCHES as SAVED_SEARCHES
from evidence_desk.core.crypto.layout import SIGNING_KEY as SIGNING_KEY
from evidence_desk.core.crypto.layout import is_encrypted as is_encrypted
from evidence_desk.core.crypto.stream import name_binding, seal, unseal

_MAX_SEALED = 64 * 1024


@dataclass(frozen=True, repr=False)
class ArchiveKeys:
    """The subkeys of one unlocked archive. Never printed, never written in clear."""

    objects: bytes
    derived: bytes
    database: bytes
    signing: bytes
    age_identity: bytes
    # What the window keeps for this archive (its saved searches), never in plain settings.
    settings: bytes

    @classmethod
    def from_master(cls, master: bytes) -> ArchiveKeys:
        sub = keyfile_mod.subkey
        return cls(
            objects=sub(master, "objects"),
            derived=sub(master, "derived"),
            database=sub(master, "database"),
            signing=sub(master, "signing-key"),
            age_identity=sub(master, "age-identity"),
            settings=sub(master, "settings"),
        )

    def __repr__(self) -> str:
        return "ArchiveKeys(<unlocked>)"


@dataclass(frozen=True)
class NewKeys:
    keys: ArchiveKeys
    recovery_key: str | None


def create(
    keys_dir: Path,
    passphrase: str,
    *,
    with_recovery: bool = False,
    params: Argon2Params | None = None,
) -> NewKeys:
    """A fresh master key wrapped by ``passphrase``; refuses to overwrite a key file."""
    path = Path(keys_dir) / KEYFILE
    if path.exists():
        raise KeyFileError(f"{path} already exists; an archive's keys are never replaced")
    created = keyfile_mod.create_keys(passphrase, with_recovery=with_recovery, params=params)
    keyfile_mod.write_keyfile(path, created.keyfile)
    return NewKeys(ArchiveKeys.from_master(created.master_key), created.recovery_key)


def unlock(keys_dir: Path, passphrase: str) -> ArchiveKeys:
    keyfile = keyfile_mod.read_keyfile(Path(keys_dir) / KEYFILE)
    return ArchiveKeys.from_master(keyfile_mod.unlock(keyfile, passphrase))


def unlock_with_recovery(keys_dir: Path, recovery_key: str) -> ArchiveKeys:
    keyfile = keyfile_mod.read_keyfile(Path(keys_dir) / KEYFILE)
    return ArchiveKeys.from_master(keyfile_mod.unlock_with_recovery(keyfile, recovery_key))


def change_passphrase(keys_dir: Path, old: str, new: str) -> None:
    """Rewrap the master key; nothing else in the archive changes."""
    path = Path(keys_dir) / KEYFILE
    keyfile = keyfile_mod.read_keyfile(path)
    keyfile_mod.write_keyfile(path, keyfile_mod.change_passphrase(keyfile, old, new))


def reset_passphrase(keys_dir: Path, recovery_key: str, new: str) -> None:
    """A forgotten passphrase replaced using the recovery key."""
    path = Path(keys_dir) / KEYFILE
    keyfile = keyfile_mod.read_keyfile(path)
    master = keyfile_mod.unlock_with_recovery(keyfile, recovery_key)
    keyfile_mod.write_keyfile(path, keyfile_mod.rewrap(keyfile, master, new))


def write_sealed(path: Path, data: bytes, key: bytes) -> None:
    """``data`` encrypted and bound to the file's name, written atomically (mode 600)."""
    path = Path(path)
    write_bytes_atomically(path, seal(data, key, name_binding(path.name)), mode=0o600)


def read_sealed(path: Path, key: bytes) -> bytes:
    path = Path(path)
    blob = keyfile_mod.read_bounded(path, _MAX_SEALED, "sealed key file")
    return unseal(blob, key, name_binding(path.name), max_size=_MAX_SEALED)
