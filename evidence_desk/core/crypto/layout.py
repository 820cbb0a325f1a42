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


def is_encrypted(keys_dir: Path) -> bool:
    """An archive is encrypted exactly when its key file exists."""
    return (Path(keys_dir) / KEYFILE).is_file()
