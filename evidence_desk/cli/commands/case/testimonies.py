"""``testimony``: witness testimonies (add, edit, show, list, attach)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.common import (
    emit,
    prompt,
    read_text,
)
from evidence_desk.cli.common import add_command, lazy
from evidence_desk.services.case import choices as case_choices

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.testimony_records import Attachment, TestimonyRecord

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_incidents = lazy("evidence_desk.services.case.incidents")
case_testimonies = lazy("evidence_desk.services.case.testimonies")
case_testimony_attachments = lazy("evidence_desk.services.case.testimony_attachments")
case_testimony_privacy = lazy("evidence_desk.services.case.testimony_privacy")
ingest_service = lazy("evidence_desk.services.intake.ingest")


def _testimony_form(args: argparse.Namespace) -> dict[str, Any]:
    form: dict[str, Any] = {}
    for name in (
        "pseudonym",
        "interviewer",
        "interview_date",
        "interview_place",
        "language",
        "translation_language",
        "consent_date",
        "consent_method",
        "risk_notes",
        "sensitivity",
    ):
        value = getattr(args, name, None)
        if value is not None:
            form[name] = value
    for scope in args.consent or []:
        form[f"consent_{scope}"] = True
    if args.anonymity is not None:
        form["anonymity_requested"] = args.anonymity
    return form


def _print_testimony(t: TestimonyRecord) -> None:
    consent = t.consent
    scopes = [s for s in ("court", "advocacy", "publication") if getattr(consent, s)] or ["none"]
    place = t.interview_place.name if t.interview_place else "-"
    print(f"{t.exhibit}  {t.witness_code}  {t.display_name}")
    rows = [
        ("interviewer", t.interviewer or "-"),
        ("interviewed", f"{t.interview_date or '?'} at {place}"),
        ("language", t.language or "-"),
        (
            "consent",
            f"{', '.join(scopes)}; anonymity "
            f"{'requested' if consent.anonymity_requested else 'not requested'}",
        ),
        ("sensitivity", t.sensitivity),
        ("statement", f"version {t.statement_version}, sha256 {t.statement_sha256}"),
        ("identity", "on file (protected; --reveal)" if t.identity_recorded else "not recorded"),
    ]
    if t.identity:
        rows.append(("real name", t.identity.real_name))
        rows.append(("contact", t.identity.contact))
    for label, value in rows:
        print(f"  {label:12} {value}")
    for a in t.attachments:
        print(f"  attachment   {a.exhibit} {a.kind} {a.title}")
    for i in t.incidents:
        print(f"  incident     {i.ref} {i.title}")
    if t.risk_notes:
        print(f"  risk notes   {t.risk_notes}")
    if t.statement is not None:
        print()
        print(t.statement)
        if t.translation:
            print(f"\n--- translation ({t.translation_language or '?'}) ---\n{t.translation}")


def _attach_files(archive: Archive, code: str, paths: list[Path]) -> list[str]:
    if not paths:
        return []
    report = ingest_service.ingest(
        archive,
        paths,
        provenance=ingest_service.Provenance(received_from=code, method="interview_recording"),
    )
    for failed in report.failed + report.skipped:
        print(
            f"evidence-desk: not attached: {failed.path}: {'; '.join(failed.messages)}",
            file=sys.stderr,
        )
    return [r.item_uuid for r in report.new + report.duplicates if r.item_uuid]


def testimony_add(args: argparse.Namespace, archive: Archive) -> int:
    statement = read_text(args.statement, args.statement_file, "statement") or ""
    translation = read_text(args.translation, args.translation_file, "translation") or ""
    identity = None
    if args.ask_identity:
        identity = {
            "real_name": prompt("Real name (kept protected): "),
            "contact": prompt("Contact (kept protected): "),
        }
    t = case_testimonies.add_testimony(
        archive,
        witness_code=args.code,
        statement=statement,
        translation=translation,
        identity=identity,
        **_testimony_form(args),
    )
    attached = _attach_files(archive, t.witness_code, args.attach or [])
    if attached:
        case_testimony_attachments.attach(archive, t.witness_code, attached)
    for incident in args.incident or []:
        case_incidents.link_items(archive, incident, [t.witness_code])
    t = case_testimonies.get_testimony(archive, t.witness_code)
    return emit(args, t, lambda t: print(f"recorded {t.exhibit} {t.witness_code}"))


def testimony_show(args: argparse.Namespace, archive: Archive) -> int:
    if args.version is not None:
        print(case_testimonies.version_text(archive, args.ref, args.field, args.version))
        return 0
    t = case_testimonies.get_testimony(archive, args.ref, reveal=args.reveal, reason=args.reason)
    return emit(args, t, _print_testimony)


def testimony_list(args: argparse.Namespace, archive: Archive) -> int:
    rows = case_testimonies.list_testimonies(archive)

    def human(rows: list[TestimonyRecord]) -> None:
        for t in rows:
            c = t.consent
            flags = "".join(
                k[0].upper() if getattr(c, k) else "-" for k in ("court", "advocacy", "publication")
            )
            print(
                f"{t.exhibit}  {t.witness_code:10} {flags}  {t.interview_date or '-':10}"
                f"  v{t.statement_version}  {t.display_name}"
            )
        print(f"{len(rows)} testimonies (consent: C court, A advocacy, P publication)")

    return emit(args, rows, human)


def testimony_edit(args: argparse.Namespace, archive: Archive) -> int:
    for field in ("statement", "translation"):
        text = read_text(getattr(args, field), getattr(args, f"{field}_file"), field)
        if text is not None:
            case_testimonies.set_text(archive, args.ref, text, field=field, note=args.note)
    form = _testimony_form(args)
    t = case_testimonies.update_testimony(archive, args.ref, **form)
    if args.ask_identity:
        case_testimony_privacy.set_identity(
            archive, args.ref, real_name=prompt("Real name: "), contact=prompt("Contact: ")
        )
    return emit(args, t, lambda t: print(f"{t.exhibit}: statement v{t.statement_version}"))


def testimony_attach(args: argparse.Namespace, archive: Archive) -> int:
    links = case_testimony_attachments
    attached = (links.detach if args.remove else links.attach)(archive, args.ref, args.items)

    def human(rows: list[Attachment]) -> None:
        for a in rows:
            print(f"{a.exhibit}  {a.kind:9} {a.title}")
        print(f"{len(rows)} attachments")

    return emit(args, attached, human)


def testimony_parsers(actions: Any) -> None:
    def form_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--pseudonym")
        p.add_argument("--interviewer")
        p.add_argument("--interview-date", metavar="DATE[THH:MM]")
        p.add_argument("--interview-place", metavar="PLACE")
        p.add_argument("--language", help="language of the statement (ru, kk, en…)")
        p.add_argument("--translation-language")
        p.add_argument(
            "--consent",
            action="append",
            choices=("court", "advocacy", "publication"),
            help="a use the witness agreed to (repeat for several)",
        )
        p.add_argument(
            "--anonymity",
            dest="anonymity",
            action="store_true",
            default=None,
            help="the witness asked for anonymity (the default for new testimonies)",
        )
        p.add_argument("--no-anonymity", dest="anonymity", action="store_false")
        p.add_argument("--consent-date", metavar="DATE")
        p.add_argument("--consent-method", metavar="CODE", help="see: vocab list consent_methods")
        p.add_argument("--risk-notes")
        p.add_argument("--sensitivity", choices=("public", "restricted", "confidential"))
        p.add_argument(
            "--ask-identity",
            action="store_true",
            help="prompt for the real name and contact (stored protected)",
        )
        for field in ("statement", "translation"):
            p.add_argument(f"--{field}", help=f"the {field} text")
            p.add_argument(
                f"--{field}-file",
                type=Path,
                metavar="FILE",
                help=f"read the {field} from a UTF-8 file (- for stdin)",
            )
        p.add_argument("--json", action="store_true")

    p = add_command(actions, "add", "record a testimony")
    p.add_argument("--code", help="witness code (default: the next W-0001…)")
    form_options(p)
    p.add_argument(
        "--attach",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="ingest recordings or scans and attach them",
    )
    p.add_argument("--incident", action="append", metavar="INC", help="link to an incident")
    p.set_defaults(handler=testimony_add)
    p = add_command(actions, "edit", "change a testimony; a new text becomes a new version")
    p.add_argument("ref", metavar="TESTIMONY")
    form_options(p)
    p.add_argument("--note", default="", help="why the text changed (kept with the version)")
    p.set_defaults(handler=testimony_edit)
    p = add_command(actions, "show", "show a testimony (identity hidden unless --reveal)")
    p.add_argument("ref", metavar="TESTIMONY", help="witness code or exhibit")
    p.add_argument("--reveal", action="store_true", help="show the protected identity (logged)")
    p.add_argument("--reason", default="", help="why the identity is revealed (logged)")
    p.add_argument("--version", type=int, help="print only this version's text")
    p.add_argument("--field", default="statement", choices=case_choices.TESTIMONY_TEXT_FIELDS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=testimony_show)
    p = add_command(actions, "list", "list testimonies")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=testimony_list)
    p = add_command(actions, "attach", "attach ingested items to a testimony")
    p.add_argument("ref", metavar="TESTIMONY")
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.add_argument("--remove", action="store_true", help="detach instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=testimony_attach)


# --- incident --------------------------------------------------------------------------
