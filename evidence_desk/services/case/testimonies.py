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

The witness is shown by code and pseudonym only; the real identity, consent
checks and attachments have modules of their own
(``case_testimony_privacy``, ``case_testimony_attachments``), and
``case_testimony_checks`` proves the stored texts.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import Item
from evidence_desk.db.models_case import Testimony, TestimonyVersion
from evidence_desk.db.queries import case_testimonies as queries
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.choices import TESTIMONY_TEXT_FIELDS
from evidence_desk.services.case.common import TESTIMONY as KIND
from evidence_desk.services.case.common import new_uuid, resolve_testimony
from evidence_desk.services.case.dates import parse_day, parse_when
from evidence_desk.services.case.incidents import incidents_of_item
from evidence_desk.services.case.places import optional_place, summary_of_place
from evidence_desk.services.case.testimony_attachments import attachments_of
from evidence_desk.services.case.testimony_privacy import (
    identity_recorded,
    reveal_identity,
    write_identity,
)
from evidence_desk.services.case.testimony_records import Consent, TestimonyRecord, Version
from evidence_desk.services.case.vocabularies import require_code
from evidence_desk.services.catalogue import search_index
from evidence_desk.services.catalogue.items import SENSITIVITIES
from evidence_desk.services.intake.items import create_item

MIME = "application/json"
ENVELOPE_FORMAT = "evidence-desk testimony statement"
TEXT_FIELDS = TESTIMONY_TEXT_FIELDS
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


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def versions(session: Session, item_id: int) -> list[TestimonyVersion]:
    return queries.versions(session, item_id)


def _current(session: Session, item_id: int, field: str) -> TestimonyVersion | None:
    return queries.latest_version(session, item_id, field)


def _version_of(v: TestimonyVersion) -> Version:
    return Version(
        field=v.field,
        version=v.version,
        sha256=v.sha256,
        size=v.size,
        created_at=v.created_at.isoformat(),
        actor=v.actor,
        note=v.note,
    )


def testimony_of(
    session: Session, item: Item, t: Testimony, *, texts: bool = True
) -> TestimonyRecord:
    """The testimony without the protected identity; ``texts=False`` leaves out the texts."""
    statement = _current(session, item.id, "statement")
    translation = _current(session, item.id, "translation")
    return TestimonyRecord(
        item_id=item.id,
        id=item.uuid,
        exhibit=item.exhibit,
        title=item.title,
        witness_code=t.witness_code,
        pseudonym=t.pseudonym,
        display_name=t.pseudonym or t.witness_code,
        interviewer=t.interviewer,
        interview_date=t.interview_date,
        interview_place=summary_of_place(session, t.interview_place_id),
        language=t.language,
        translation_language=t.translation_language,
        consent=Consent(
            court=t.consent_court,
            advocacy=t.consent_advocacy,
            publication=t.consent_publication,
            anonymity_requested=t.anonymity_requested,
            date=t.consent_date,
            method=t.consent_method,
        ),
        risk_notes=t.risk_notes,
        sensitivity=item.sensitivity,
        object_sha256=item.sha256,
        identity_recorded=identity_recorded(session, item.id),
        identity=None,
        attachments=attachments_of(session, item.id),
        incidents=incidents_of_item(session, item.id),
        removed=item.removed_at is not None,
        statement_version=statement.version if statement else 0,
        statement_sha256=statement.sha256 if statement else None,
        statement=(statement.text if statement else "") if texts else None,
        translation_version=translation.version if translation else 0,
        translation_sha256=translation.sha256 if translation else None,
        translation=(translation.text if translation else "") if texts else None,
        versions=[_version_of(v) for v in versions(session, item.id)] if texts else None,
    )


def _title(code: str, pseudonym: str) -> str:
    return f"Testimony {code}" + (f" ({pseudonym})" if pseudonym else "")


def _next_code(session: Session) -> str:
    number = queries.count(session) + 1
    while queries.code_used(session, f"W-{number:04d}"):
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
) -> TestimonyRecord:
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
) -> TestimonyRecord:
    if queries.code_used(session, code):
        raise EvidenceDeskError(f"witness code {code} is already used")
    values = _check_form(session, form)
    now = utcnow()
    item = create_item(
        session,
        archive,
        item_uuid=item_uuid,
        sha256=put.sha256,
        size=put.size,
        kind=KIND,
        mime_type=MIME,
        title=_title(code, values.get("pseudonym", "")),
        sensitivity=values.pop("sensitivity", "confidential"),
        ingested_at=now,
    )
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
        write_identity(session, item.id, dict(identity))
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
    return testimony_of(session, item, testimony)


def get_testimony(
    archive: Archive, ref: str, *, reveal: bool = False, reason: str = ""
) -> TestimonyRecord:
    """The testimony; with ``reveal`` also the identity, and the reveal is logged."""
    if reveal:
        identity = reveal_identity(archive, ref, reason)
    with archive.db.reader() as session:
        data = testimony_of(session, *resolve_testimony(session, ref))
    return replace(data, identity=identity) if reveal else data


def list_testimonies(archive: Archive, *, include_removed: bool = False) -> list[TestimonyRecord]:
    """Every testimony without its texts (titles, codes, consent, versions)."""
    with archive.db.reader() as session:
        rows = queries.with_items(session, include_removed=include_removed)
        return [testimony_of(session, i, t, texts=False) for i, t in rows]


def update_testimony(archive: Archive, ref: str, **form: Any) -> TestimonyRecord:
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
        return testimony_of(session, item, testimony)


def set_text(
    archive: Archive, ref: str, text: str, *, field: str = "statement", note: str = ""
) -> TestimonyRecord:
    """A new version of the statement or translation; the previous one is kept."""
    if field not in TEXT_FIELDS:
        raise EvidenceDeskError(f"field must be one of {', '.join(TEXT_FIELDS)}")
    with archive.db.writer() as session:
        item, testimony = resolve_testimony(session, ref)
        before = _current(session, item.id, field)
        if before is not None and before.text == text:
            return testimony_of(session, item, testimony)
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
        return testimony_of(session, item, testimony)


def version_text(archive: Archive, ref: str, field: str, version: int) -> str:
    with archive.db.reader() as session:
        item, _ = resolve_testimony(session, ref)
        row = queries.version(session, item.id, field, version)
        if row is None:
            raise EvidenceDeskError(f"{item.exhibit} has no {field} version {version}")
        return row.text
