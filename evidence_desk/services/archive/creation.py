"""Making a new archive folder, without loading the database layer.

Everything a new archive holds is written here: the folders, its keys, a
database with the newest schema, the archive's row and its creation event
(``db/new_database.py``, through the bare driver), the signed custody
checkpoint and a first backup. ``evidence-desk init`` needs nothing more, so
it never imports SQLAlchemy and the models (a quarter of a second of every
``init``); ``archive.create_archive`` opens the result for the window and the
tests.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk import tool_version
from evidence_desk.core import custody_chain
from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.core.crypto import archive_keys, layout
from evidence_desk.core.crypto.archive_keys import ArchiveKeys
from evidence_desk.core.crypto.keys import Argon2Params
from evidence_desk.core.crypto.recipients import generate_identity
from evidence_desk.db import new_database
from evidence_desk.services.archive.backups import AUTO_LABEL
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.archive.location import DB_NAME
from evidence_desk.services.archive.settings import load_settings

SIGNING_KEY = layout.PLAIN_SIGNING_KEY
AGE_IDENTITY_PLAIN = layout.PLAIN_AGE_IDENTITY


@dataclass(frozen=True, repr=False)
class NewArchive:
    """A made archive: where, its keys when encrypted, and a recovery key to show once."""

    root: Path
    uuid: str
    name: str
    crypto: ArchiveKeys | None
    recovery_key: str | None


def utcnow() -> datetime:
    """Naive UTC, the form every time is stored in."""
    return datetime.now(UTC).replace(tzinfo=None)


def os_user() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def current_actor() -> str:
    """Who custody events name: the collector set in the settings, or the OS user."""
    return load_settings().collector or os_user()


def make_archive(
    path: Path,
    name: str | None = None,
    *,
    passphrase: str | None = None,
    recovery_key: bool = False,
    kdf: Argon2Params | None = None,
) -> NewArchive:
    """Make a new archive folder; refuse to reuse a non-empty folder.

    With ``passphrase`` the archive is encrypted; with ``recovery_key`` too, a
    recovery key is made and returned, to be shown once.
    """
    root = Path(path).expanduser().resolve()
    if (root / DB_NAME).is_file():
        raise ArchiveError(f"{root} already holds an archive")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ArchiveError(f"{root} exists and is not an empty folder")
    try:
        for sub in ("objects/.tmp", "derived/thumbs", "keys", "backups"):
            (root / sub).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot create archive at {root}: {exc.strerror}") from exc
    crypto: ArchiveKeys | None = None
    recovery: str | None = None
    if passphrase is not None:
        new = archive_keys.create(root / "keys", passphrase, with_recovery=recovery_key, params=kdf)
        crypto, recovery = new.keys, new.recovery_key
    signing = write_signing_key(root / "keys", crypto)
    if crypto is not None:  # a plain archive makes its age identity on first use
        write_age_identity(root / "keys", crypto)
    rows = _first_rows(root, name or root.name, encrypted=crypto is not None)
    key = crypto.database if crypto else None
    new_database.create(root / DB_NAME, key, rows)
    head = cp.Head(rows.uuid, 1, rows.event["hash"], 0)
    cp.write_atomic(
        root / cp.FILE_NAME, cp.make(signing, head, datetime.now(UTC).isoformat(timespec="seconds"))
    )
    new_database.backup(root / DB_NAME, key, root / "backups", AUTO_LABEL)
    return NewArchive(root, rows.uuid, rows.name, crypto, recovery)


def _first_rows(root: Path, name: str, *, encrypted: bool) -> new_database.FirstRows:
    archive_uuid = str(uuid.uuid4())
    actor, tool = current_actor(), tool_version()
    details = {
        "archive_uuid": archive_uuid,
        "name": name,
        "path": str(root),
        "encrypted": encrypted,
    }
    event = custody_chain.new_event(
        custody_chain.CREATION,
        actor=actor,
        tool=tool,
        item_uuid=None,
        outcome="success",
        details=details,
        prev_hash=custody_chain.GENESIS,
    )
    return new_database.FirstRows(
        uuid=archive_uuid,
        name=name,
        created_at=utcnow(),
        created_by=actor,
        tool_version=tool,
        event=event,
        event_details_json=custody_chain.stored_details(details),
    )


def write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_signing_key(keys: Path, crypto: ArchiveKeys | None) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if crypto is None:
        write_private(keys / SIGNING_KEY, pem)
    else:
        archive_keys.write_sealed(keys / archive_keys.SIGNING_KEY, pem, crypto.signing)
    return key


def write_age_identity(keys: Path, crypto: ArchiveKeys | None) -> None:
    """The archive's age identity: sealed when encrypted, else a 600 file like the signing key."""
    identity = generate_identity()
    if crypto is None:
        text = f"# public key: {identity.recipient}\n{identity.secret}\n"
        write_private(keys / AGE_IDENTITY_PLAIN, text.encode("ascii"))
    else:
        archive_keys.write_sealed(
            keys / archive_keys.AGE_IDENTITY, identity.secret.encode("ascii"), crypto.age_identity
        )
    (keys / archive_keys.AGE_RECIPIENT).write_text(identity.recipient + "\n", "ascii")
