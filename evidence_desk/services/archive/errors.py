"""Errors a user can cause; their message is shown as is, never a traceback."""


class EvidenceDeskError(Exception):
    """Base class for errors with a message meant for the user."""


class ArchiveError(EvidenceDeskError):
    """The archive cannot be created, opened or used."""


class ItemNotFound(EvidenceDeskError):
    """No item matches the given exhibit number, UUID or hash prefix."""


class DatabaseDamaged(EvidenceDeskError):
    """The archive database is malformed; the message names it and the way out."""


def database_damage(exc: BaseException, root: object) -> DatabaseDamaged | None:
    """The user-facing error for a damaged database met mid-command, else None.

    SQLite finds some damage only when a query reaches the broken page, long
    after the archive opened; that must still be one line with a way out.
    """
    from sqlalchemy.exc import DatabaseError

    from evidence_desk.db.dialect import DRIVER_DATABASE_ERROR

    if not isinstance(exc, DatabaseError | DRIVER_DATABASE_ERROR):
        return None
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    lowered = text.lower()
    if not any(w in lowered for w in ("malformed", "not a database", "corrupt", "no such table")):
        return None
    return DatabaseDamaged(
        f"the archive database in {root} is damaged ({text}); see what can be saved with: "
        f"evidence-desk doctor --archive {root}, and restore a backup with "
        "--restore-backup"
    )
