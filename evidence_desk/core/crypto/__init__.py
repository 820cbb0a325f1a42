"""Encryption at rest and to recipients: chunked AES-256-GCM streams, the
passphrase-wrapped master key and its subkeys, and age bundles.

Pure functions and value types (no database, no Qt); the encrypted store and
the SQLCipher engine build on them.
"""

from evidence_desk.core.crypto.errors import (
    CryptoError,
    KeyFileError,
    NotEncrypted,
    RecipientError,
    TamperedError,
    WrongPassphrase,
)

__all__ = [
    "CryptoError",
    "KeyFileError",
    "NotEncrypted",
    "RecipientError",
    "TamperedError",
    "WrongPassphrase",
]
