"""The names of the ``keys/`` folder's files (see ``archive_keys``), importable for nothing.

Telling a plain archive from an encrypted one must not load the cryptography
libraries: the command line asks before it starts copying big files.
"""

from __future__ import annotations

from pathlib import Path

KEYFILE = "archive-keys.json"
SIGNING_KEY = "signing-key.pem.enc"
AGE_IDENTITY = "age-identity.enc"
AGE_RECIPIENT = "age-recipient.txt"
SAVED_SEARCHES = "saved-searches.enc"
# Every file an encrypted archive's keys/ may hold.
ENCRYPTED_FILES = frozenset({KEYFILE, SIGNING_KEY, AGE_IDENTITY, AGE_RECIPIENT, SAVED_SEARCHES})

# A plain archive's keys, unsealed (written by services.archive.creation).
PLAIN_SIGNING_KEY = "signing-key.pem"
PLAIN_AGE_IDENTITY = "age-identity.txt"
PLAIN_FILES = frozenset({PLAIN_SIGNING_KEY, PLAIN_AGE_IDENTITY})


def is_encrypted(keys_dir: Path) -> bool:
    """An archive is encrypted exactly when its key file exists."""
    return (Path(keys_dir) / KEYFILE).is_file()
