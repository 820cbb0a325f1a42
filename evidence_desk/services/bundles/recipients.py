"""The recipients address book: people and archives bundles can be encrypted to.

Only public keys (``age1…``) are kept, in the user's settings, with a name to
recognise them by. A key is validated when it is added, so a typo is caught
at the desk and not at the border.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence_desk.core.crypto.errors import RecipientError
from evidence_desk.core.crypto.recipients import parse_recipient
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.archive.settings import load_settings, save_settings


@dataclass(frozen=True)
class Recipient:
    name: str
    key: str


def address_book() -> list[Recipient]:
    found = []
    for entry in load_settings().recipients:
        name, _, key = entry.partition("\t")
        if key:
            found.append(Recipient(name, key))
    return found


def add_recipient(name: str, key: str) -> Recipient:
    """Add (or rename) a recipient; EvidenceDeskError with the reason for a bad key."""
    key = key.strip()
    name = " ".join(name.split()) or key[:12]
    try:
        parse_recipient(key)
    except RecipientError as exc:
        raise EvidenceDeskError(str(exc)) from None
    settings = load_settings()
    kept = [e for e in settings.recipients if e.partition("\t")[2] != key]
    settings.recipients = [*kept, f"{name}\t{key}"]
    save_settings(settings)
    return Recipient(name, key)


def remove_recipient(key: str) -> None:
    settings = load_settings()
    settings.recipients = [e for e in settings.recipients if e.partition("\t")[2] != key]
    save_settings(settings)
