"""Exceptions of the encryption layer, each with a message a user can act on."""

from __future__ import annotations


class CryptoError(Exception):
    """Base of every error raised by ``evidence_desk.core.crypto``."""


class WrongPassphrase(CryptoError):
    """The passphrase (or recovery key) does not unwrap the archive's master key."""


class KeyFileError(CryptoError):
    """The key file is missing, malformed, or holds parameters outside safe bounds."""


class TamperedError(CryptoError):
    """Ciphertext failed authentication: altered, truncated, extended or swapped."""


class NotEncrypted(CryptoError):
    """The data does not start with this format's header (not ours, or not encrypted)."""


class RecipientError(CryptoError):
    """An age recipient or identity string is not valid, or no identity matches."""
