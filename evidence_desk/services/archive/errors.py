"""Errors a user can cause; their message is shown as is, never a traceback."""


class EvidenceDeskError(Exception):
    """Base class for errors with a message meant for the user."""


class ArchiveError(EvidenceDeskError):
    """The archive cannot be created, opened or used."""


class ItemNotFound(EvidenceDeskError):
    """No item matches the given exhibit number, UUID or hash prefix."""
