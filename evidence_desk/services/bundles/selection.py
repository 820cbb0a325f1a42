"""Which items a bundle holds: chosen, or an incident's, or all; and those left out, with why.

Each item leaves as plain data (``ExportItem``) with its JSON record already
made (and redacted for the redacted profile), so writing the bundle needs no
database session.
"""

from __future__ import annotations

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import redaction
from evidence_desk.core.bundle_items import ExportItem
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.bundles import case_records as case_bundle
from evidence_desk.services.bundles.export_redacted import public_methods
from evidence_desk.services.bundles.message_records import RAW_CHAT_REASON, raw_chat_items
from evidence_desk.services.catalogue.items import item_to_json, resolve


def select_items(
    archive: Archive, refs: list[str] | None, incident: str | None, profile: str
) -> tuple[list[ExportItem], list[tuple[str, str]]]:
    """The items to export as plain data, and those left out with the reason."""
    methods = public_methods(archive) if profile == "redacted" else {}
    with archive.db.reader() as session:
        if incident is not None:
            uuids = case_bundle.incident_item_uuids(archive, incident)
            rows = item_lookup.items_by_uuids(session, list(uuids))
        elif refs:
            rows = [resolve(session, ref) for ref in refs]
        else:
            rows = item_lookup.all_items(session)
        unique = {row.id: row for row in rows}
        rows = sorted(unique.values(), key=lambda r: r.exhibit_no)
        links = item_lookup.links_from(session, list(unique))
        exhibits = {row.id: (row.exhibit, row.uuid) for row in rows}
        raw_chats = raw_chat_items(session, list(unique)) if profile == "redacted" else set()
        items: list[ExportItem] = []
        left_out: list[tuple[str, str]] = []
        for row in rows:
            if row.removed_at is not None:
                left_out.append((row.exhibit, "removed from the archive"))
                continue
            if row.kind == case_bundle.TESTIMONY:
                reason = case_bundle.testimony_left_out(session, row.id, profile)
                if reason:
                    left_out.append((row.exhibit, reason))
                    continue
            if row.id in raw_chats:
                left_out.append((row.exhibit, RAW_CHAT_REASON))
                continue
            if profile == "redacted" and row.sensitivity == "confidential":
                left_out.append((row.exhibit, "confidential"))
                continue
            record = item_to_json(row)
            record["links"] = [
                {
                    "relation": link.relation,
                    "to_exhibit": exhibits.get(link.to_item_id, (None,))[0],
                    "to_id": exhibits.get(link.to_item_id, (None, None))[1],
                    "in_bundle": link.to_item_id in exhibits,
                    "note": link.note,
                }
                for link in links.get(row.id, [])
                if profile == "full" or link.to_item_id in exhibits
            ]
            removed: list[str] = []
            if profile == "redacted":
                record, removed = redaction.redact_record(record, methods)
            name = row.sources[0].original_name if row.sources else None
            items.append(
                ExportItem(
                    item_id=row.id,
                    uuid=row.uuid,
                    exhibit=row.exhibit,
                    sha256=row.sha256,
                    size=row.size,
                    kind=row.kind,
                    mime_type=row.mime_type,
                    extension=(
                        "json" if row.kind == case_bundle.TESTIMONY else L.safe_extension(name)
                    ),
                    record=record,
                    redacted=profile == "redacted",
                    removed=removed,
                )
            )
    return items, left_out

