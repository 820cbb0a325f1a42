"""Importing a bundle's testimony records (see ``case_records_import``).

A testimony becomes a testimony record on the imported statement item, with
the text of the stored file as version 1, so ``check_versions`` holds in the
receiving archive too; the sender's latest text, when its hash matches,
becomes version 2. Identities are never in bundles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from evidence_desk.core import custody_chain, strict_json
from evidence_desk.db.models_case import Testimony
from evidence_desk.db.queries import bundle_case as queries
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import utcnow
from evidence_desk.services.bundles import case_records as case_bundle
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.testimonies import _add_version, _next_code, sha256_text
from evidence_desk.services.catalogue import search_index

if TYPE_CHECKING:
    from evidence_desk.services.bundles.case_records_import import _Context

CAP = 256 * 2**20
_V = TypeVar("_V")


def by_uuid(table: dict[str, _V], key: Any) -> _V | None:
    """``table[key]`` when ``key`` is a string in it; a bundle's field may be anything."""
    return table.get(key) if isinstance(key, str) else None


def import_testimony(ctx: _Context, rec: dict[str, Any]) -> None:
    """One testimony record of the bundle, in the import's transaction."""
    s = ctx.session
    item = by_uuid(ctx.items, rec.get("id"))
    if item is None:
        ctx.result.messages.append("a testimony whose statement is not in the bundle")
        return
    if s.get(Testimony, item.id) is not None:
        ctx.result.count("testimonies", False)
        return
    try:
        with ctx.archive.store.open(item.sha256) as f:
            first = strict_json.loads(f.read(CAP))["text"]  # the sender's file: hostile
        if not isinstance(first, str):
            raise TypeError("text is not a string")
    except (OSError, ValueError, KeyError, TypeError):
        ctx.result.messages.append(f"{item.exhibit}: the statement file is unreadable")
        return
    code = str(rec.get("witness_code") or "")[:40]
    if not code or queries.witness_code_taken(s, code):
        code = _next_code(s)
    consent = rec.get("consent") or {}
    now = utcnow()
    t = Testimony(
        item_id=item.id,
        witness_code=code,
        pseudonym=str(rec.get("pseudonym") or rec.get("witness") or ""),
        interviewer=str(rec.get("interviewer") or ""),
        interview_date=rec.get("interview_date"),
        interview_place_id=ctx.place_id(rec.get("interview_place")),
        language=str(rec.get("language") or "")[:16],
        translation_language=str(rec.get("translation_language") or "")[:16],
        consent_court=bool(consent.get("court")),
        consent_advocacy=bool(consent.get("advocacy")),
        consent_publication=bool(consent.get("publication")),
        anonymity_requested=consent.get("anonymity_requested") is not False,
        consent_date=consent.get("date"),
        consent_method=ctx._term("consent_methods", consent.get("method"))
        if consent.get("method")
        else None,
        risk_notes=str(rec.get("risk_notes") or ""),
        created_at=now,
        updated_at=now,
    )
    s.add(t)
    s.flush()
    v1 = _add_version(s, ctx.archive, item.id, "statement", first, "as stored in the bundle")
    details: dict[str, Any] = {
        "record": case_bundle.TESTIMONY,
        "action": "bundle import",
        "witness_code": code,
        "statement_sha256": v1.sha256,
    }
    translation = str(rec.get("translation") or "")
    if translation:
        details["translation_sha256"] = _add_version(
            s, ctx.archive, item.id, "translation", translation, "from the bundle"
        ).sha256
    custody.append(s, ctx.archive, custody_chain.METADATA_MODIFICATION, item=item, details=details)
    current = str(rec.get("statement") or "")
    if current and current != first and sha256_text(current) == rec.get("statement_sha256"):
        v2 = _add_version(s, ctx.archive, item.id, "statement", current, "sender's latest")
        custody.append(
            s,
            ctx.archive,
            custody_chain.METADATA_MODIFICATION,
            item=item,
            details={
                "record": case_bundle.TESTIMONY,
                "action": "new version",
                "field": "statement",
                "version": v2.version,
                "before_sha256": v1.sha256,
                "after_sha256": v2.sha256,
                "size": v2.size,
                "note": "sender's latest",
            },
        )
    search_index.reindex(s, item)
    case_index.index_testimony(s, t)
    ctx.result.count("testimonies", True)
