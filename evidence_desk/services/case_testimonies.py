"""Testimonies: witness statements catalogued as items of kind ``testimony``.

How a statement is kept as evidence:

- On creation the statement as first recorded is written to the object
  store as a small JSON document (testimony UUID, witness code, language,
  time, the text and its SHA-256). That object is the item's original: its
  hash is ``Item.sha256``, ``verify`` re-hashes it like any file, and it
  never changes — the UUID inside keeps two identical texts distinct.
- Every version of the statement and of its translation (the first
  included) is a ``TestimonyVersion`` row: text, SHA-256, size, time and
  author. An edit adds a version and never touches an earlier one; the
  custody log records the old and new hashes, so a changed text in the
  database no longer matches the chain (``check_versions``).

The witness is shown by code and pseudonym only. The real identity lives in
``testimony_identities``, is returned only by :func:`reveal_identity` (or
``get_testimony(..., reveal=True)``), and each reveal is itself logged.
Identity is never indexed for search and never written to the custody log.
"""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import CustodyEvent, Item, ItemLink
from evidence_desk.db.models_case import Testimony, TestimonyIdentity, TestimonyVersion
from evidence_desk.services import case_index, custody, search_index
from evidence_desk.services.archive import Archive, utcnow
from evidence_desk.services.case_common import new_uuid, resolve_item
from evidence_desk.services.case_dates import parse_day, parse_when
from evidence_desk.services.case_incidents import incidents_of_item
from evidence_desk.services.case_places import optional_place, place_summary
from evidence_desk.services.case_vocabularies import require_code
from evidence_desk.services.errors import EvidenceDeskError, ItemNotFound
from evidence_desk.services.items import SENSITIVITIES

KIND = "testimony"
MIME = "application/json"
ENVELOPE_FORMAT = "evidence-desk testimony statement"
TEXT_FIELDS = ("statement", "translation")
ATTACHMENT = case_index.ATTACHMENT
CONSENT_FLAGS = ("consent_court", "consent_advocacy", "consent_publication", "anonymity_requested")
# Logged with their values; other form fields are logged by name only (free text).
VALUE_FIELDS = CONSENT_FLAGS + (
    "consent_date",
    "consent_method",
    "language",
    "translation_language",
    "interview_date",
)
FREE_TEXT_FIELDS = ("pseudonym", "interviewer", "risk_notes")
FORM_FIELDS = VALUE_FIELDS + FREE_TEXT_FIELDS + ("interview_place", "sensitivity")
IDENTITY_FIELDS = ("real_name", "contact", "notes")
# PREMIS "displaying". Until the custody vocabulary lists it, a reveal is logged
# as a metadata event with action "reveal identity", so none goes unrecorded.
REVEAL_EVENT = (
    "displaying"
    if "displaying" in custody_chain.EVENT_TYPES
    else custody_chain.METADATA_MODIFICATION
)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolve_testimony(session: Session, ref: str) -> tuple[Item, Testimony]:
    """By witness code (``W-0003``) or like any item (exhibit number, UUID, hash prefix)."""
    try:
        item = resolve_item(session, ref)
    except ItemNotFound:
        raise EvidenceDeskError(f"no testimony {ref!r} (give a witness code or exhibit)") from None
    testimony = session.get(Testimony, item.id)
    if testimony is None:
        raise EvidenceDeskError(f"{item.exhibit} is a {item.kind}, not a testimony")
    return item, testimony


def _versions(session: Session, item_id: int) -> list[TestimonyVersion]:
    return list(
        session.scalars(
            select(TestimonyVersion)
            .where(TestimonyVersion.item_id == item_id)
            .order_by(TestimonyVersion.field, TestimonyVersion.version)
        )
    )


def _current(session: Session, item_id: int, field: str) -> TestimonyVersion | None:
    return session.scalar(
        select(TestimonyVersion)
        .where(TestimonyVersion.item_id == item_id, TestimonyVersion.field == field)
        .order_by(TestimonyVersion.version.desc())
        .limit(1)
    )


def _version_json(v: TestimonyVersion) -> dict[str, Any]:
    return {
        "field": v.field,
        "version": v.version,
        "sha256": v.sha256,
        "size": v.size,
        "created_at": v.created_at.isoformat(),
        "actor": v.actor,
        "note": v.note,
    }


def _attachments(session: Session, item_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Item, ItemLink.note)
        .join(ItemLink, ItemLink.to_item_id == Item.id)
        .where(ItemLink.from_item_id == item_id, ItemLink.relation == ATTACHMENT)
        .order_by(Item.exhibit_no)
    )
    return [
        {
            "item_id": i.id,
            "id": i.uuid,
            "exhibit": i.exhibit,
            "kind": i.kind,
            "title": i.title,
            "sha256": i.sha256,
            "note": note,
        }
        for i, note in rows
    ]


def testimony_to_json(
    session: Session, item: Item, t: Testimony, *, texts: bool = True
) -> dict[str, Any]:
    """The testimony as plain data, without the protected identity."""
    out: dict[str, Any] = {
        "item_id": item.id,
        "id": item.uuid,
        "exhibit": item.exhibit,
        "title": item.title,
        "witness_code": t.witness_code,
        "pseudonym": t.pseudonym,
        "display_name": t.pseudonym or t.witness_code,
        "interviewer": t.interviewer,
        "interview_date": t.interview_date,
        "interview_place": place_summary(session, t.interview_place_id),
        "language": t.language,
        "translation_language": t.translation_language,
        "consent": {
            "court": t.consent_court,
            "advocacy": t.consent_advocacy,
            "publication": t.consent_publication,
            "anonymity_requested": t.anonymity_requested,
            "date": t.consent_date,
            "method": t.consent_method,
        },
        "risk_notes": t.risk_notes,
        "sensitivity": item.sensitivity,
        "object_sha256": item.sha256,
        "identity_recorded": session.get(TestimonyIdentity, item.id) is not None,
        "identity": None,
        "attachments": _attachments(session, item.id),
        "incidents": incidents_of_item(session, item.id),
        "removed": item.removed_at is not None,
    }
    for field in TEXT_FIELDS:
        current = _current(session, item.id, field)
        out[f"{field}_version"] = current.version if current else 0
        out[f"{field}_sha256"] = current.sha256 if current else None
        if texts:
            out[field] = current.text if current else ""
    if texts:
        out["versions"] = [_version_json(v) for v in _versions(session, item.id)]
    return out


def _title(code: str, pseudonym: str) -> str:
    return f"Testimony {code}" + (f" ({pseudonym})" if pseudonym else "")


def _next_code(session: Session) -> str:
    number = (session.scalar(select(func.count(Testimony.item_id))) or 0) + 1
    while session.scalar(
        select(Testimony.item_id).where(Testimony.witness_code == f"W-{number:04d}")
    ):
        number += 1
    return f"W-{number:04d}"


def _check_form(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """Validated column values for the form fields given."""
    unknown = set(values) - set(FORM_FIELDS)
    if unknown:
        raise EvidenceDeskError(f"not a field of a testimony: {', '.join(sorted(unknown))}")
    out = dict(values)
    if "interview_place" in out:
        out["interview_place_id"] = optional_place(session, out.pop("interview_place"))
    if "interview_date" in out:
        when = parse_when(out["interview_date"])
        out["interview_date"] = when.iso() if when else None
    if "consent_date" in out:
        out["consent_date"] = parse_day(out["consent_date"], "the consent date")
    if out.get("consent_method"):
        require_code(session, "consent_methods", out["consent_method"])
    if "sensitivity" in out and out["sensitivity"] not in SENSITIVITIES:
        raise EvidenceDeskError(f"sensitivity must be one of {', '.join(SENSITIVITIES)}")
    for flag in CONSENT_FLAGS:
        if flag in out:
            out[flag] = bool(out[flag])
    for name in FREE_TEXT_FIELDS + ("language", "translation_language"):
        if name in out:
            out[name] = (out[name] or "").strip()
    return out


def _envelope(item_uuid: str, code: str, language: str, text: str, actor: str) -> bytes:
    body = {
        "format": ENVELOPE_FORMAT,
        "format_version": 1,
        "testimony_uuid": item_uuid,
        "witness_code": code,
        "language": language,
        "recorded_at": utcnow().isoformat() + "Z",
        "recorded_by": actor,
        "text_sha256": sha256_text(text),
        "text": text,
    }
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _add_version(
    session: Session, archive: Archive, item_id: int, field: str, text: str, note: str = ""
) -> TestimonyVersion:
    last = _current(session, item_id, field)
    version = TestimonyVersion(
        item_id=item_id,
        field=field,
        version=(last.version if last else 0) + 1,
        text=text,
        sha256=sha256_text(text),
        size=len(text.encode("utf-8")),
        created_at=utcnow(),
        actor=archive.actor,
        note=note,
    )
    session.add(version)
    session.flush()
    return version


def add_testimony(
    archive: Archive,
    *,
    witness_code: str | None = None,
    statement: str = "",
    translation: str = "",
    identity: dict[str, str] | None = None,
    **form: Any,
) -> dict[str, Any]:
    """Record a testimony; ``form`` takes the fields of :data:`FORM_FIELDS`.

    The statement is stored as the item's original first, then the rows are
    committed; if that fails the unreferenced object is removed again.
    """
    item_uuid = new_uuid()
    with archive.db.reader() as session:
        code = (witness_code or "").strip() or _next_code(session)
    if len(code) > 40 or code.lower().startswith("ed-"):
        raise EvidenceDeskError(
            f"a witness code is up to 40 characters, not like an exhibit: {code!r}"
        )
    data = _envelope(
        item_uuid, code, (form.get("language") or "").strip(), statement, archive.actor
    )
    put = archive.store.put_stream(io.BytesIO(data))
    try:
        with archive.db.writer() as session:
            result = _record(
                session, archive, item_uuid, code, put, statement, translation, identity, form
            )
    except BaseException:
        if not put.existed:
            archive.store.discard(put.sha256)
        raise
    return result


def _record(
    session: Session,
    archive: Archive,
    item_uuid: str,
    code: str,
    put: Any,
    statement: str,
    translation: str,
    identity: dict[str, str] | None,
    form: dict[str, Any],
) -> dict[str, Any]:
    if session.scalar(select(Testimony.item_id).where(Testimony.witness_code == code)):
        raise EvidenceDeskError(f"witness code {code} is already used")
    values = _check_form(session, form)
    now = utcnow()
    item = Item(
        uuid=item_uuid,
        exhibit_no=(session.scalar(select(func.max(Item.exhibit_no))) or 0) + 1,
        sha256=put.sha256,
        size=put.size,
        kind=KIND,
        mime_type=MIME,
        title=_title(code, values.get("pseudonym", "")),
        description="",
        notes="",
        sensitivity=values.pop("sensitivity", "confidential"),
        metadata_json="{}",
        warnings_json="[]",
        ingested_at=now,
        tool_version=archive.tool,
        host=archive.host,
    )
    session.add(item)
    session.flush()
    testimony = Testimony(item_id=item.id, witness_code=code, created_at=now, updated_at=now)
    for name, value in values.items():
        setattr(testimony, name, value)
    session.add(testimony)
    session.flush()
    first = _add_version(session, archive, item.id, "statement", statement)
    details = {
        "record": KIND,
        "witness_code": code,
        "exhibit": item.exhibit,
        "size": item.size,
        "statement_sha256": first.sha256,
    }
    if translation:
        details["translation_sha256"] = _add_version(
            session, archive, item.id, "translation", translation
        ).sha256
    if identity:
        _write_identity(session, item.id, identity)
    custody.append(session, archive, custody_chain.CREATION, item=item, details=details)
    custody.append(
        session,
        archive,
        custody_chain.MESSAGE_DIGEST,
        item=item,
        details={"algorithm": "SHA-256", "digest": item.sha256, "size": item.size},
    )
    search_index.reindex(session, item)
    case_index.index_testimony(session, testimony)
    return testimony_to_json(session, item, testimony)


def get_testimony(
    archive: Archive, ref: str, *, reveal: bool = False, reason: str = ""
) -> dict[str, Any]:
    """The testimony; with ``reveal`` also the identity, and the reveal is logged."""
    if reveal:
        identity = reveal_identity(archive, ref, reason)
    with archive.db.reader() as session:
        data = testimony_to_json(session, *resolve_testimony(session, ref))
    if reveal:
        data["identity"] = identity
    return data


def list_testimonies(archive: Archive, *, include_removed: bool = False) -> list[dict[str, Any]]:
    """Every testimony without its texts (titles, codes, consent, versions)."""
    with archive.db.reader() as session:
        stmt = select(Item, Testimony).join(Testimony, Testimony.item_id == Item.id)
        if not include_removed:
            stmt = stmt.where(Item.removed_at.is_(None))
        rows = session.execute(stmt.order_by(Item.exhibit_no))
        return [testimony_to_json(session, i, t, texts=False) for i, t in rows]


def update_testimony(archive: Archive, ref: str, **form: Any) -> dict[str, Any]:
    """Change form fields; consent and dates are logged with values, free text by name."""
    with archive.db.writer() as session:
        item, testimony = resolve_testimony(session, ref)
        values = _check_form(session, form)
        details: dict[str, Any] = {}
        if "sensitivity" in values and values["sensitivity"] != item.sensitivity:
            details["sensitivity"] = {"before": item.sensitivity, "after": values["sensitivity"]}
            item.sensitivity = values["sensitivity"]
        values.pop("sensitivity", None)
        old_title = _title(testimony.witness_code, testimony.pseudonym)
        for name, value in values.items():
            before = getattr(testimony, name)
            if before == value:
                continue
            setattr(testimony, name, value)
            if name in VALUE_FIELDS:
                details[name] = {"before": before, "after": value}
            elif name == "interview_place_id":
                details["interview_place"] = "changed"
            else:
                details[name] = "changed"
        if item.title == old_title:
            item.title = _title(testimony.witness_code, testimony.pseudonym)
        if details:
            testimony.updated_at = utcnow()
            session.flush()
            custody.append(
                session,
                archive,
                custody_chain.METADATA_MODIFICATION,
                item=item,
                details={"record": KIND, "action": "update", "fields": details},
            )
            search_index.reindex(session, item)
            case_index.index_testimony(session, testimony)
        return testimony_to_json(session, item, testimony)


def set_text(
    archive: Archive, ref: str, text: str, *, field: str = "statement", note: str = ""
) -> dict[str, Any]:
    """A new version of the statement or translation; the previous one is kept."""
    if field not in TEXT_FIELDS:
        raise EvidenceDeskError(f"field must be one of {', '.join(TEXT_FIELDS)}")
    with archive.db.writer() as session:
        item, testimony = resolve_testimony(session, ref)
        before = _current(session, item.id, field)
        if before is not None and before.text == text:
            return testimony_to_json(session, item, testimony)
        version = _add_version(session, archive, item.id, field, text, note)
        testimony.updated_at = utcnow()
        custody.append(
            session,
            archive,
            custody_chain.METADATA_MODIFICATION,
            item=item,
            details={
                "record": KIND,
                "action": "new version",
                "field": field,
                "version": version.version,
                "before_sha256": before.sha256 if before else None,
                "after_sha256": version.sha256,
                "size": version.size,
                "note": note,
            },
        )
        case_index.index_testimony(session, testimony)
        return testimony_to_json(session, item, testimony)


def version_text(archive: Archive, ref: str, field: str, version: int) -> str:
    with archive.db.reader() as session:
        item, _ = resolve_testimony(session, ref)
        row = session.scalar(
            select(TestimonyVersion).where(
                TestimonyVersion.item_id == item.id,
                TestimonyVersion.field == field,
                TestimonyVersion.version == version,
            )
        )
        if row is None:
            raise EvidenceDeskError(f"{item.exhibit} has no {field} version {version}")
        return row.text


def _write_identity(session: Session, item_id: int, values: dict[str, str | None]) -> list[str]:
    unknown = set(values) - set(IDENTITY_FIELDS)
    if unknown:
        raise EvidenceDeskError(f"not an identity field: {', '.join(sorted(unknown))}")
    row = session.get(TestimonyIdentity, item_id)
    if row is None:
        row = TestimonyIdentity(item_id=item_id, real_name="", contact="", notes="")
        session.add(row)
    changed = []
    for name, value in values.items():
        if value is not None and getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    row.updated_at = utcnow()
    session.flush()
    return changed


def set_identity(archive: Archive, ref: str, **values: str | None) -> None:
    """Record or change the protected identity (real_name, contact, notes)."""
    with archive.db.writer() as session:
        item, _ = resolve_testimony(session, ref)
        changed = _write_identity(session, item.id, values)
        if changed:
            custody.append(
                session,
                archive,
                custody_chain.METADATA_MODIFICATION,
                item=item,
                details={"record": KIND, "action": "identity changed", "fields": changed},
            )


def reveal_identity(archive: Archive, ref: str, reason: str = "") -> dict[str, str] | None:
    """The protected identity; the reveal (who, when, why) goes to the custody log."""
    with archive.db.writer() as session:
        item, _ = resolve_testimony(session, ref)
        row = session.get(TestimonyIdentity, item.id)
        custody.append(
            session,
            archive,
            REVEAL_EVENT,
            item=item,
            details={
                "record": KIND,
                "action": "reveal identity",
                "reason": reason,
                "recorded": row is not None,
            },
        )
        if row is None:
            return None
        return {name: getattr(row, name) for name in IDENTITY_FIELDS}


def attach(archive: Archive, ref: str, item_refs: list[str], note: str = "") -> dict[str, Any]:
    """Link recordings and scans (already ingested items) to the testimony."""
    with archive.db.writer() as session:
        item, testimony = resolve_testimony(session, ref)
        for other_ref in item_refs:
            other = resolve_item(session, other_ref)
            if other.id == item.id:
                raise EvidenceDeskError("a testimony cannot be attached to itself")
            exists = session.scalar(
                select(ItemLink.id).where(
                    ItemLink.from_item_id == item.id,
                    ItemLink.to_item_id == other.id,
                    ItemLink.relation == ATTACHMENT,
                )
            )
            if exists:
                continue
            session.add(
                ItemLink(
                    from_item_id=item.id,
                    to_item_id=other.id,
                    relation=ATTACHMENT,
                    note=note,
                    created_at=utcnow(),
                )
            )
            session.flush()
            _log_link(session, archive, item, other, "attach")
            case_index.index_item(session, other.id)
        return testimony_to_json(session, item, testimony)


def detach(archive: Archive, ref: str, item_refs: list[str]) -> dict[str, Any]:
    with archive.db.writer() as session:
        item, testimony = resolve_testimony(session, ref)
        for other_ref in item_refs:
            other = resolve_item(session, other_ref)
            link = session.scalar(
                select(ItemLink).where(
                    ItemLink.from_item_id == item.id,
                    ItemLink.to_item_id == other.id,
                    ItemLink.relation == ATTACHMENT,
                )
            )
            if link is None:
                continue
            session.delete(link)
            session.flush()
            _log_link(session, archive, item, other, "detach")
            case_index.index_item(session, other.id)
        return testimony_to_json(session, item, testimony)


def _log_link(
    session: Session, archive: Archive, testimony: Item, other: Item, action: str
) -> None:
    """Both ends get an event: each item's history shows the link."""
    for subject, counterpart in ((testimony, other), (other, testimony)):
        custody.append(
            session,
            archive,
            custody_chain.METADATA_MODIFICATION,
            item=subject,
            details={
                "record": KIND,
                "action": action,
                "relation": ATTACHMENT,
                "other": counterpart.uuid,
                "other_exhibit": counterpart.exhibit,
            },
        )


def testimonies_of_item(session: Session, item_id: int) -> list[dict[str, Any]]:
    """The testimonies an item is attached to (codes only)."""
    rows = session.execute(
        select(Item, Testimony)
        .join(Testimony, Testimony.item_id == Item.id)
        .join(ItemLink, ItemLink.from_item_id == Item.id)
        .where(ItemLink.to_item_id == item_id, ItemLink.relation == ATTACHMENT)
    )
    return [
        {"item_id": i.id, "exhibit": i.exhibit, "witness_code": t.witness_code} for i, t in rows
    ]


def consent_allows(session: Session, item_id: int, purpose: str) -> bool:
    """Whether the witness consented to ``purpose``: court, advocacy or publication.

    Items that are not testimonies carry no consent and are allowed.
    """
    testimony = session.get(Testimony, item_id)
    if testimony is None:
        return True
    if purpose not in ("court", "advocacy", "publication"):
        raise ValueError(f"unknown purpose {purpose!r}")
    return bool(getattr(testimony, f"consent_{purpose}"))


def publication_view(data: dict[str, Any]) -> dict[str, Any] | None:
    """What a redacted (publication) export may show of a testimony, or None if nothing.

    Never the identity, the interviewer, the risk notes or the attachments;
    the interview place only when the witness did not ask for anonymity.
    """
    if not data["consent"]["publication"]:
        return None
    anonymous = data["consent"]["anonymity_requested"]
    return {
        "exhibit": data["exhibit"],
        "witness": data["display_name"],
        "language": data["language"],
        "interview_date": data["interview_date"],
        "interview_place": None if anonymous else data["interview_place"],
        "statement": data.get("statement", ""),
        "statement_sha256": data["statement_sha256"],
        "translation": data.get("translation", ""),
    }


def check_versions(archive: Archive) -> list[str]:
    """Integrity of the statement texts; returns problems, empty when all is sound.

    Each version's text must match its recorded SHA-256, the hash the custody
    log recorded for it, and the first statement must equal the item's stored
    original.
    """
    problems: list[str] = []
    with archive.db.reader() as session:
        for item in session.scalars(select(Item).where(Item.kind == KIND)):
            logged = _logged_hashes(session, item.uuid)
            versions = _versions(session, item.id)
            for v in versions:
                where = f"{item.exhibit}: {v.field} version {v.version}"
                if sha256_text(v.text) != v.sha256:
                    problems.append(f"{where} no longer matches its recorded SHA-256")
                if logged.get((v.field, v.version), v.sha256) != v.sha256:
                    problems.append(f"{where} differs from the hash in the custody log")
            first = next((v for v in versions if (v.field, v.version) == ("statement", 1)), None)
            try:
                with archive.store.open(item.sha256) as f:
                    envelope = json.loads(f.read().decode("utf-8"))
            except (OSError, ValueError) as exc:
                problems.append(f"{item.exhibit}: stored statement unreadable ({exc})")
                continue
            if first is None or envelope.get("text") != first.text:
                problems.append(f"{item.exhibit}: first statement differs from the stored original")
    return problems


def _logged_hashes(session: Session, item_uuid: str) -> dict[tuple[str, int], str]:
    """(field, version) → SHA-256 as recorded in the custody log at each edit."""
    hashes: dict[tuple[str, int], str] = {}
    for details_json in session.scalars(
        select(CustodyEvent.details_json).where(CustodyEvent.item_uuid == item_uuid)
    ):
        details = json.loads(details_json)
        if details.get("record") != KIND:
            continue
        if details.get("action") == "new version":
            hashes[(details["field"], details["version"])] = details["after_sha256"]
        for field in TEXT_FIELDS:
            if f"{field}_sha256" in details:
                hashes[(field, 1)] = details[f"{field}_sha256"]
    return hashes
