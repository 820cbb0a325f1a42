"""What the redacted profile needs beside the copies: who exported, methods, thumbnails.

Kept apart from ``services.bundles.export`` so the rules of publication sit in one
place: the exporter is named by an identity chosen for the purpose (an
organisation or a pseudonym), never by the OS user name; only acquisition
methods of the shipped vocabulary are shown (any other method is free text
someone typed); thumbnails are rebuilt from their pixels.
"""

from __future__ import annotations

from pathlib import Path

from evidence_desk.core.redaction_images import clean_thumbnail
from evidence_desk.db.queries.bundle_export import builtin_terms
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.settings import Settings

NOT_STATED = "not stated"


def exporter_identity(
    archive: Archive, profile: str, explicit: str | None, settings: Settings
) -> str:
    """The name a bundle gives for who exported it.

    ``explicit`` (the CLI option or the export dialog) wins, then the
    ``exporter`` setting. Without either, a full bundle names the archive's
    actor as before, and a redacted one the organisation, else "not stated".
    """
    chosen = " ".join((explicit if explicit is not None else settings.exporter).split())
    if chosen:
        return chosen
    if profile == "full":
        return archive.actor
    return " ".join(settings.organisation.split()) or NOT_STATED


def contact_name(
    archive: Archive, profile: str, exporter: str | None, settings: Settings, identity: str
) -> list[tuple[str, str]]:
    """bag-info's Contact-Name: as before for a full bundle unless an identity was chosen."""
    if profile == "full" and exporter is None and not settings.exporter:
        return [("Contact-Name", settings.collector or archive.actor)]
    return [] if identity == NOT_STATED else [("Contact-Name", identity)]


def public_methods(archive: Archive) -> dict[str, str]:
    """Folded code and labels of each shipped acquisition method -> its code."""
    with archive.db.reader() as session:
        terms = builtin_terms(session, "acquisition_methods")
        found: dict[str, str] = {}
        for term in terms:
            for text in (term.code, term.label_en, term.label_ru, term.label_kk):
                if text:
                    found[" ".join(text.split()).casefold()] = term.code
    return found


def public_thumbnail(source: Path, work: Path, exhibit: str) -> Path | None:
    """The thumbnail re-encoded from pixels into ``work``; None when it cannot be read."""
    target = work / f"thumb-{exhibit}.jpg"
    try:
        clean_thumbnail(source, target)
    except Exception:  # noqa: BLE001 - a damaged thumbnail is left out, never copied as is
        target.unlink(missing_ok=True)
        return None
    return target
