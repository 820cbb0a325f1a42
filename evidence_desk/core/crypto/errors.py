"""Exceptions of the encryption layer, each with a message a user can act on."""

from __future__ import annotations

import errno


class CryptoError(Exception):
    """Base of every error raised by ``evidence_desk.core.crypto``."""


class WrongPassphrase(CryptoError):
    """The passphrase (or recovery key) does not unwrap the archive's master key."""


class KeyFileError(CryptoError):
    """The key file is missing, malformed, or holds parameters outside safe bounds."""


class TamperedError(CryptoError, OSError):
    """Ciphertext failed authentication: altered, truncated, extended or swapped.

    An OSError too (EBADMSG), because to a reader it is what a failing disk is:
    the stored copy cannot be read intact. Every place that already reports an
    unreadable original then reports a tampered one, with this message.
    """

    def __init__(self, message: str) -> None:
        OSError.__init__(self, errno.EBADMSG, message)

    def __str__(self) -> str:
        return str(self.strerror)


class NotEncrypted(CryptoError):
    """The data does not start with this format's header (not ours, or not encrypted)."""


class RecipientError(CryptoError):
    """An age recipient or identity string is not valid, or no identity matches."""
