"""CLI for case records: testimony, incident, person, place, vocab, timeline, period, clock.

Each group has actions (``evidence-desk testimony add …``); every action
takes ``--archive`` and most take ``--json`` for the documented JSON shapes
(docs/case-records.md). A witness's real identity is typed at a prompt
(``--ask-identity``), never on the command line where shell history keeps it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.common import Command, add_command, lazy, print_json
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import choices as case_choices

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_clock = lazy("evidence_desk.services.case.clock")
case_dates = lazy("evidence_desk.services.case.dates")
case_incidents = lazy("evidence_desk.services.case.incidents")
case_persons = lazy("evidence_desk.services.case.persons")
case_places = lazy("evidence_desk.services.case.places")
case_search = lazy("evidence_desk.services.case.search")
case_testimonies = lazy("evidence_desk.services.case.testimonies")
case_testimony_attachments = lazy("evidence_desk.services.case.testimony_attachments")
case_testimony_privacy = lazy("evidence_desk.services.case.testimony_privacy")
case_timeline = lazy("evidence_desk.services.case.timeline")
case_vocabularies = lazy("evidence_desk.services.case.vocabularies")
ingest_service = lazy("evidence_desk.services.intake.ingest")

Handler = Callable[[argparse.Namespace, "Archive"], int]


def _read_text(value: str | None, path: Path | None, what: str) -> str | None:
    if value is not None:
        return value
    if path is None:
        return None
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise EvidenceDeskError(f"{path}: the {what} must be UTF-8 text") from None


def _prompt(label: str) -> str:
    print(label, end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().rstrip("\n")


def _emit(args: argparse.Namespace, data: Any, human: Callable[[Any], None]) -> int:
    if getattr(args, "json", False):
        print_json(data)
    else:
        human(data)
    return 0


def _filter(args: argparse.Namespace) -> case_search.CaseFilter:
    return case_search.CaseFilter(
        text=" ".join(getattr(args, "text", None) or []),
        kinds=tuple(args.kind or ()),
        violations=tuple(args.violation or ()),
        verification=tuple(args.verification or ()),
        place=args.place,
        incident=args.incident,
        person=args.person,
    )


def _add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", action="append", help="photo, video, audio, document, testimony…")
    p.add_argument("--violation", action="append", metavar="CODE", help="violation type code")
    p.add_argument("--verification", action="append", choices=case_choices.VERIFICATION)
    p.add_argument("--place", help="place name in any script, or PL- number (includes sub-places)")
    p.add_argument("--incident", metavar="INC")
    p.add_argument("--person", metavar="PERSON")


# --- testimony -------------------------------------------------------------------------


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


def _print_testimony(t: dict[str, Any]) -> None:
    consent = t["consent"]
    scopes = [s for s in ("court", "advocacy", "publication") if consent[s]] or ["none"]
    place = t["interview_place"]["name"] if t["interview_place"] else "-"
    print(f"{t['exhibit']}  {t['witness_code']}  {t['display_name']}")
    rows = [
        ("interviewer", t["interviewer"] or "-"),
        ("interviewed", f"{t['interview_date'] or '?'} at {place}"),
        ("language", t["language"] or "-"),
        (
            "consent",
            f"{', '.join(scopes)}; anonymity "
            f"{'requested' if consent['anonymity_requested'] else 'not requested'}",
        ),
        ("sensitivity", t["sensitivity"]),
        ("statement", f"version {t['statement_version']}, sha256 {t['statement_sha256']}"),
        ("identity", "on file (protected; --reveal)" if t["identity_recorded"] else "not recorded"),
    ]
    if t.get("identity"):
        rows.append(("real name", t["identity"]["real_name"]))
        rows.append(("contact", t["identity"]["contact"]))
    for label, value in rows:
        print(f"  {label:12} {value}")
    for a in t["attachments"]:
        print(f"  attachment   {a['exhibit']} {a['kind']} {a['title']}")
    for i in t["incidents"]:
        print(f"  incident     {i['ref']} {i['title']}")
    if t.get("risk_notes"):
        print(f"  risk notes   {t['risk_notes']}")
    if "statement" in t:
        print()
        print(t["statement"])
        if t.get("translation"):
            print(f"\n--- translation ({t['translation_language'] or '?'}) ---\n{t['translation']}")


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
    statement = _read_text(args.statement, args.statement_file, "statement") or ""
    translation = _read_text(args.translation, args.translation_file, "translation") or ""
    identity = None
    if args.ask_identity:
        identity = {
            "real_name": _prompt("Real name (kept protected): "),
            "contact": _prompt("Contact (kept protected): "),
        }
    t = case_testimonies.add_testimony(
        archive,
        witness_code=args.code,
        statement=statement,
        translation=translation,
        identity=identity,
        **_testimony_form(args),
    )
    attached = _attach_files(archive, t["witness_code"], args.attach or [])
    if attached:
        case_testimony_attachments.attach(archive, t["witness_code"], attached)
    for incident in args.incident or []:
        case_incidents.link_items(archive, incident, [t["witness_code"]])
    t = case_testimonies.get_testimony(archive, t["witness_code"])
    return _emit(args, t, lambda t: print(f"recorded {t['exhibit']} {t['witness_code']}"))


def testimony_show(args: argparse.Namespace, archive: Archive) -> int:
    if args.version is not None:
        print(case_testimonies.version_text(archive, args.ref, args.field, args.version))
        return 0
    t = case_testimonies.get_testimony(archive, args.ref, reveal=args.reveal, reason=args.reason)
    return _emit(args, t, _print_testimony)


def testimony_list(args: argparse.Namespace, archive: Archive) -> int:
    rows = case_testimonies.list_testimonies(archive)

    def human(rows: list[dict[str, Any]]) -> None:
        for t in rows:
            c = t["consent"]
            flags = "".join(
                k[0].upper() if c[k] else "-" for k in ("court", "advocacy", "publication")
            )
            print(
                f"{t['exhibit']}  {t['witness_code']:10} {flags}  {t['interview_date'] or '-':10}"
                f"  v{t['statement_version']}  {t['display_name']}"
            )
        print(f"{len(rows)} testimonies (consent: C court, A advocacy, P publication)")

    return _emit(args, rows, human)


def testimony_edit(args: argparse.Namespace, archive: Archive) -> int:
    for field in ("statement", "translation"):
        text = _read_text(getattr(args, field), getattr(args, f"{field}_file"), field)
        if text is not None:
            case_testimonies.set_text(archive, args.ref, text, field=field, note=args.note)
    form = _testimony_form(args)
    t = case_testimonies.update_testimony(archive, args.ref, **form)
    if args.ask_identity:
        case_testimony_privacy.set_identity(
            archive, args.ref, real_name=_prompt("Real name: "), contact=_prompt("Contact: ")
        )
    return _emit(args, t, lambda t: print(f"{t['exhibit']}: statement v{t['statement_version']}"))


def testimony_attach(args: argparse.Namespace, archive: Archive) -> int:
    links = case_testimony_attachments
    attached = (links.detach if args.remove else links.attach)(archive, args.ref, args.items)

    def human(rows: list[dict[str, Any]]) -> None:
        for a in rows:
            print(f"{a['exhibit']}  {a['kind']:9} {a['title']}")
        print(f"{len(rows)} attachments")

    return _emit(args, attached, human)


def _testimony_parsers(actions: Any) -> None:
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


def _print_incident(i: dict[str, Any]) -> None:
    when = i["start"] or "?"
    if i["end"]:
        when += f" – {i['end']}"
    print(f"{i['ref']}  {i['title']}")
    print(f"  {'when':12} {when} ({i['start_precision'] or 'undated'})")
    print(f"  {'where':12} {' / '.join(i['place']['path']) if i['place'] else '-'}")
    print(f"  {'violations':12} {', '.join(v['label'] for v in i['violations']) or '-'}")
    print(f"  {'verification':12} {i['verification']}")
    for p in i["persons"]:
        print(f"  {'person':12} {p['ref']} {p['name']} ({p['role']})")
    for it in i["items"]:
        print(f"  {'item':12} {it['exhibit']} {it['kind']} {it['title']}")
    if i["description"]:
        print(f"\n{i['description']}")


def _incident_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {}
    for name in (
        "start",
        "end",
        "start_precision",
        "end_precision",
        "offset",
        "place",
        "verification",
        "description",
        "notes",
        "title",
    ):
        value = getattr(args, name, None)
        if value is not None:
            fields[name] = value
    if args.violation:
        fields["violations"] = args.violation
    return fields


def incident_add(args: argparse.Namespace, archive: Archive) -> int:
    fields = _incident_fields(args)
    i = case_incidents.add_incident(archive, fields.pop("title"), **fields)
    return _emit(args, i, lambda i: print(f"recorded {i['ref']} {i['title']}"))


def incident_edit(args: argparse.Namespace, archive: Archive) -> int:
    i = case_incidents.update_incident(archive, args.ref, **_incident_fields(args))
    return _emit(args, i, _print_incident)


def incident_list(args: argparse.Namespace, archive: Archive) -> int:
    wanted = set(case_search.find_incidents(archive, _filter(args)))
    rows = [i for i in case_incidents.incident_rows(archive) if i["id"] in wanted]

    def human(rows: list[dict[str, Any]]) -> None:
        for i in rows:
            print(
                f"{i['ref']}  {i['start'] or '-':25} {i['place'] or '-':15} "
                f"{i['verification']:15} {i['title']}  [{','.join(i['violations'])}] "
                f"{i['items']} items"
            )
        print(f"{len(rows)} incidents")

    return _emit(args, rows, human)


def incident_show(args: argparse.Namespace, archive: Archive) -> int:
    return _emit(args, case_incidents.get_incident(archive, args.ref), _print_incident)


def incident_link(args: argparse.Namespace, archive: Archive) -> int:
    change = case_incidents.unlink_items if args.remove else case_incidents.link_items
    return _emit(args, change(archive, args.ref, args.items), _print_incident)


def incident_person(args: argparse.Namespace, archive: Archive) -> int:
    if args.remove:
        i = case_incidents.remove_person(archive, args.ref, args.person_ref, args.role)
    else:
        if not args.role:
            raise EvidenceDeskError("give --role (see: vocab list roles)")
        i = case_incidents.add_person(archive, args.ref, args.person_ref, args.role, args.note)
    return _emit(args, i, _print_incident)


def _incident_parsers(actions: Any) -> None:
    def fields(p: argparse.ArgumentParser, title_required: bool) -> None:
        p.add_argument("--title", required=title_required)
        p.add_argument("--start", metavar="DATE[THH:MM[+06:00]]")
        p.add_argument("--end", metavar="DATE[THH:MM[+06:00]]")
        precisions = ("exact", "day", "approximate")
        p.add_argument(
            "--start-precision", "--precision", dest="start_precision", choices=precisions
        )
        p.add_argument("--end-precision", choices=precisions)
        p.add_argument("--offset", metavar="+06:00", help="UTC offset for times given without one")
        p.add_argument("--place")
        p.add_argument(
            "--violation",
            action="append",
            metavar="CODE",
            help="violation type (repeat; see: vocab list violation_types)",
        )
        p.add_argument("--verification", choices=case_choices.VERIFICATION)
        p.add_argument("--description")
        p.add_argument("--notes")
        p.add_argument("--json", action="store_true")

    p = add_command(actions, "add", "record an incident")
    fields(p, True)
    p.set_defaults(handler=incident_add)
    p = add_command(actions, "edit", "change an incident (--violation replaces the list)")
    p.add_argument("ref", metavar="INC")
    fields(p, False)
    p.set_defaults(handler=incident_edit)
    p = add_command(actions, "list", "list incidents, optionally filtered")
    _add_filter_options(p)
    p.add_argument("text", nargs="*", help="words to search for")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=incident_list)
    p = add_command(actions, "show", "show one incident")
    p.add_argument("ref", metavar="INC")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=incident_show)
    p = add_command(actions, "link", "link items or testimonies to an incident")
    p.add_argument("ref", metavar="INC")
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.add_argument("--remove", action="store_true", help="unlink instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=incident_link)
    p = add_command(actions, "person", "give a person a role in an incident")
    p.add_argument("ref", metavar="INC")
    p.add_argument("person_ref", metavar="PERSON")
    p.add_argument("--role", help="victim, witness, alleged_perpetrator, journalist…")
    p.add_argument("--note", default="")
    p.add_argument("--remove", action="store_true", help="remove the role (all roles if none)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=incident_person)


# --- person ----------------------------------------------------------------------------


def _print_person(p: dict[str, Any]) -> None:
    names = ", ".join(n["name"] for n in p["names"] if n["kind"] == "name")
    aliases = ", ".join(n["name"] for n in p["names"] if n["kind"] == "alias")
    born = p["birth_year"] or (f"age {p['age']}" if p["age"] is not None else "-")
    print(f"{p['ref']}  {p['name']}{'  [sensitive]' if p['sensitive'] else ''}")
    for label, value in (
        ("names", names or "-"),
        ("aliases", aliases or "-"),
        ("kind", p["kind"]),
        ("sex", p["sex"] or "-"),
        ("born", born),
        ("occupation", p["occupation"] or "-"),
    ):
        print(f"  {label:12} {value}")
    for s in p["statuses"]:
        where = f" at {s['place']['name']}" if s["place"] else ""
        print(f"  {'status':12} {s['status']} {s['started'] or '?'}{where}")
    for i in p["incidents"]:
        print(f"  {'incident':12} {i['ref']} {i['title']} ({i['role']})")


def person_add(args: argparse.Namespace, archive: Archive) -> int:
    fields = {
        k: getattr(args, k)
        for k in ("kind", "sex", "birth_year", "age", "occupation", "notes")
        if getattr(args, k) is not None
    }
    if args.sensitive:
        fields["sensitive"] = True
    p = case_persons.add_person(archive, args.names, aliases=args.alias or [], **fields)
    return _emit(args, p, lambda p: print(f"recorded {p['ref']} {p['name']}"))


def person_list(args: argparse.Namespace, archive: Archive) -> int:
    rows = case_persons.list_persons(archive, redact=args.redact)

    def human(rows: list[dict[str, Any]]) -> None:
        for p in rows:
            last = p["statuses"][-1]["status"] if p["statuses"] else "-"
            print(f"{p['ref']}  {p['kind']:10} {last:12} {p['name']}")
        print(f"{len(rows)} persons")

    return _emit(args, rows, human)


def person_show(args: argparse.Namespace, archive: Archive) -> int:
    return _emit(
        args, case_persons.get_person(archive, args.ref, redact=args.redact), _print_person
    )


def person_status(args: argparse.Namespace, archive: Archive) -> int:
    p = case_persons.add_status(
        archive,
        args.ref,
        args.status,
        started=args.started,
        ended=args.ended,
        place=args.place,
        incident=args.incident,
        note=args.note,
    )
    return _emit(args, p, _print_person)


def person_merge(args: argparse.Namespace, archive: Archive) -> int:
    p = case_persons.merge_persons(archive, args.keep, args.other, args.reason)
    return _emit(args, p, _print_person)


def _person_parsers(actions: Any) -> None:
    p = add_command(actions, "add", "record a person or a unit")
    p.add_argument("names", nargs="+", metavar="NAME", help="names in any script or spelling")
    p.add_argument("--alias", action="append")
    p.add_argument("--kind", choices=case_choices.PERSON_KINDS)
    p.add_argument("--sex", help="female, male, other, unknown")
    p.add_argument("--birth-year", type=int)
    p.add_argument("--age", type=int)
    p.add_argument("--occupation")
    p.add_argument("--notes")
    p.add_argument("--sensitive", action="store_true", help="hide the name in redacted exports")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_add)
    for name, help_text, handler in (
        ("list", "list persons", person_list),
        ("show", "show one person", person_show),
    ):
        p = add_command(actions, name, help_text)
        if name == "show":
            p.add_argument("ref", metavar="PERSON")
        p.add_argument("--redact", action="store_true", help="hide names of sensitive persons")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)
    p = add_command(actions, "status", "add a dated status (detained, released, killed…)")
    p.add_argument("ref", metavar="PERSON")
    p.add_argument("status", metavar="STATUS", help="see: vocab list person_statuses")
    p.add_argument("--from", dest="started", metavar="DATE")
    p.add_argument("--to", dest="ended", metavar="DATE")
    p.add_argument("--place")
    p.add_argument("--incident", metavar="INC")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_status)
    p = add_command(actions, "merge", "merge OTHER into KEEP (links, names, statuses move)")
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    p.add_argument("--reason", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_merge)


# --- place -----------------------------------------------------------------------------


def place_list(args: argparse.Namespace, archive: Archive) -> int:
    rows = (
        case_places.search_places(archive, args.text)
        if args.text
        else case_places.list_places(archive)
    )

    def human(rows: list[dict[str, Any]]) -> None:
        for p in rows:
            at = f"{p['lat']:.4f},{p['lon']:.4f}" if p["lat"] is not None else "-"
            variants = ", ".join(n["name"] for n in p["names"][1:])
            print(f"{p['ref']}  {p['kind']:9} {' / '.join(p['path']):45} {at:18} {variants}")
        print(f"{len(rows)} places")

    return _emit(args, rows, human)


def place_add(args: argparse.Namespace, archive: Archive) -> int:
    variants = [
        tuple((v.rsplit(":", 1) + [""])[:2]) if ":" in v else (v, "") for v in args.variant or []
    ]
    p = case_places.add_place(
        archive,
        args.name,
        kind=args.kind,
        parent=args.parent,
        lat=args.lat,
        lon=args.lon,
        radius_m=args.radius,
        variants=variants,
    )
    return _emit(args, p, lambda p: print(f"recorded {p['ref']} {' / '.join(p['path'])}"))


def place_match(args: argparse.Namespace, archive: Archive) -> int:
    rows = case_places.match_items_by_gps(archive, args.items or None, radius_m=args.radius)

    def human(rows: list[dict[str, Any]]) -> None:
        for r in rows:
            print(f"{r['exhibit']}  {r['place']} ({r['distance_m']:.0f} m)")
        print(f"{len(rows)} items placed")

    return _emit(args, rows, human)


def _place_parsers(actions: Any) -> None:
    p = add_command(actions, "list", "list the gazetteer (or places matching TEXT)")
    p.add_argument("text", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=place_list)
    p = add_command(actions, "add", "add a place")
    p.add_argument("name")
    p.add_argument("--kind", default="site", help="country, region, city, square, building…")
    p.add_argument("--parent", metavar="PLACE")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.add_argument("--radius", type=float, metavar="METRES", help="for GPS matching")
    p.add_argument("--variant", action="append", metavar="NAME[:LANG]", help="another name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=place_add)
    p = add_command(actions, "match", "place items with GPS at the nearest place")
    p.add_argument("items", nargs="*", metavar="ITEM", help="only these items")
    p.add_argument("--radius", type=float, metavar="METRES", help="override every place's radius")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=place_match)


# --- vocab -----------------------------------------------------------------------------


def vocab_list(args: argparse.Namespace, archive: Archive) -> int:
    if not args.name:
        return _emit(
            args, case_vocabularies.list_vocabularies(archive), lambda r: print(*r, sep="\n")
        )
    rows = case_vocabularies.list_terms(archive, args.name, include_retired=True)

    def human(rows: list[dict[str, Any]]) -> None:
        for t in rows:
            mark = "" if t["active"] else "  (retired)"
            indent = "  " if t["parent"] else ""
            labels = " | ".join(t["labels"][lang] for lang in case_vocabularies.LANGS)
            print(f"{indent}{t['code']:30} {labels}{mark}")

    return _emit(args, rows, human)


def vocab_export(args: argparse.Namespace, archive: Archive) -> int:
    if args.format == "csv":
        text = case_vocabularies.export_csv(archive, args.names or None)
    else:
        data = case_vocabularies.export_json(archive, args.names or None)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def vocab_import(args: argparse.Namespace, archive: Archive) -> int:
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise EvidenceDeskError(f"{args.file}: not UTF-8 text") from None
    if args.file.suffix.lower() == ".csv":
        report = case_vocabularies.import_csv(archive, text, args.vocabulary)
    else:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise EvidenceDeskError(f"{args.file}: not valid JSON ({exc})") from None
        report = case_vocabularies.import_json(archive, data)
    print(f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged")
    return 0


def vocab_term(args: argparse.Namespace, archive: Archive) -> int:
    labels = {lang: getattr(args, lang) for lang in ("en", "ru", "kk") if getattr(args, lang)}
    if args.retire:
        t = case_vocabularies.update_term(archive, args.name, args.code, active=False)
    elif args.code in {
        t["code"] for t in case_vocabularies.list_terms(archive, args.name, include_retired=True)
    }:
        t = case_vocabularies.update_term(
            archive, args.name, args.code, labels=labels, parent=args.parent, active=True
        )
    else:
        t = case_vocabularies.add_term(archive, args.name, args.code, labels, parent=args.parent)
    return _emit(args, t, lambda t: print(f"{t['vocabulary']}: {t['code']} {t['labels']['en']}"))


def _vocab_parsers(actions: Any) -> None:
    p = add_command(actions, "list", "list vocabularies, or the terms of one")
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=vocab_list)
    p = add_command(actions, "export", "export vocabularies as JSON or CSV")
    p.add_argument("names", nargs="*", metavar="NAME")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(handler=vocab_export)
    p = add_command(actions, "import", "add and update terms from a .json or .csv file")
    p.add_argument("file", type=Path)
    p.add_argument("--vocabulary", help="for a CSV without a vocabulary column")
    p.set_defaults(handler=vocab_import)
    p = add_command(actions, "term", "add or change a term (or --retire it)")
    p.add_argument("name", metavar="VOCABULARY")
    p.add_argument("code")
    for lang in ("en", "ru", "kk"):
        p.add_argument(f"--{lang}", help=f"label in {lang}")
    p.add_argument("--parent")
    p.add_argument("--retire", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=vocab_term)


# --- timeline, period, clock, case-search ----------------------------------------------


def _utc(text: str | None) -> datetime | None:
    when = case_dates.parse_when(text)
    return when.sort_key() if when else None


def timeline_show(args: argparse.Namespace, archive: Archive) -> int:
    data = case_timeline.timeline(
        archive, _filter(args), start=_utc(args.start), end=_utc(args.end)
    )

    def human(data: dict[str, Any]) -> None:
        rows = [
            (i["start_sort"], i["utc_known"], "INCIDENT", f"{i['ref']} {i['title']}")
            for i in data["incidents"]
        ]
        for i in data["items"]:
            fix = f"  (clock corrected {i['offset_s']:+d} s)" if i["corrected"] else ""
            text = f"{i['exhibit']} {i['title']}{fix}"
            rows.append((i["at"], i["utc_known"], i["kind"].upper(), text))
        for at, utc_known, kind, text in sorted(rows):
            bands = [p["label"] for p in data["periods"] if p["start_utc"] <= at < p["end_utc"]]
            zone = "UTC  " if utc_known else "local"
            print(f"{at} {zone} {kind:9} {text}" + (f"  [{'; '.join(bands)}]" if bands else ""))
        print(
            f"{len(data['items'])} items, {len(data['incidents'])} incidents, "
            f"{data.get('undated', 0)} undated items not shown; 'local' = UTC offset unknown"
        )

    return _emit(args, data, human)


def period_list(args: argparse.Namespace, archive: Archive) -> int:
    def human(rows: list[dict[str, Any]]) -> None:
        for p in rows:
            print(f"{p['uuid']}  {p['start']} – {p['end']}  {p['label']}")

    return _emit(args, case_timeline.list_periods(archive), human)


def period_add(args: argparse.Namespace, archive: Archive) -> int:
    offset = case_dates.parse_offset_minutes(args.offset)
    period = case_timeline.add_period(
        archive, args.label, args.start, args.end, offset_min=offset, color=args.color or ""
    )
    return _emit(args, period, lambda p: print(f"added {p['uuid']} {p['label']}"))


def period_remove(args: argparse.Namespace, archive: Archive) -> int:
    case_timeline.remove_period(archive, args.uuid)
    return 0


def clock_set(args: argparse.Namespace, archive: Archive) -> int:
    offset = case_clock.parse_offset(args.offset)
    assume = case_dates.parse_offset_minutes(args.assume_utc_offset)
    if args.item:
        c = case_clock.set_item_correction(
            archive, args.item, offset, assume_offset_min=assume, reason=args.reason
        )
    else:
        c = case_clock.set_device_correction(
            archive,
            args.make or "",
            args.model or "",
            offset,
            assume_offset_min=assume,
            reason=args.reason,
        )
    return _emit(args, c, lambda c: print(f"{c['uuid']}: {c['items_changed']} items corrected"))


def clock_remove(args: argparse.Namespace, archive: Archive) -> int:
    n = case_clock.remove_correction(archive, args.uuid, args.reason)
    print(f"{n} items back to their uncorrected time")
    return 0


def clock_apply(args: argparse.Namespace, archive: Archive) -> int:
    print(f"{case_clock.apply_corrections(archive)} items corrected")
    return 0


def clock_devices(args: argparse.Namespace, archive: Archive) -> int:
    def human(rows: list[dict[str, Any]]) -> None:
        for d in rows:
            fix = f", corrected {d['correction']['offset_s']:+d} s" if d["correction"] else ""
            print(f"{d['make'] or '?'} | {d['model']}: {d['items']} items{fix}")

    return _emit(args, case_clock.devices(archive), human)


def clock_list(args: argparse.Namespace, archive: Archive) -> int:
    def human(rows: list[dict[str, Any]]) -> None:
        for c in rows:
            what = (
                f"item {c['item_id']}"
                if c["item_id"]
                else " ".join(filter(None, c["device"].values()))
            )
            print(f"{c['uuid']}  {what:30} {c['offset_s']:+d} s  {c['items']} items  {c['reason']}")

    return _emit(args, case_clock.list_corrections(archive), human)


def case_search_run(args: argparse.Namespace, archive: Archive) -> int:
    flt = _filter(args)
    structured = flt.kinds or flt.has_incident_conditions or flt.place or flt.person
    if structured:
        data: dict[str, Any] = {"items": case_search.find_items(archive, flt)}
    else:
        data = case_search.search(archive, flt.text)

    def human(data: dict[str, Any]) -> None:
        for item in case_search.describe_items(archive, data["items"]):
            print(f"{item['exhibit']}  {item['kind']:9} {item['title']}")
        for n in data.get("incidents", []):
            i = case_incidents.get_incident(archive, str(n))
            print(f"{i['ref']}  incident  {i['title']}")
        for n in data.get("persons", []):
            p = case_persons.get_person(archive, str(n))
            print(f"{p['ref']}  person    {p['name']}")
        for n in data.get("places", []):
            place = case_places.get_place(archive, str(n))
            print(f"{place['ref']}  place     {' / '.join(place['path'])}")

    return _emit(args, data, human)


def _period_parsers(actions: Any) -> None:
    p = add_command(actions, "list", "list periods")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=period_list)
    p = add_command(actions, "add", "add a period")
    p.add_argument("label")
    p.add_argument("start", metavar="START")
    p.add_argument("end", metavar="END")
    p.add_argument("--offset", metavar="+06:00", help="UTC offset for times given without one")
    p.add_argument("--color")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=period_add)
    p = add_command(actions, "remove", "remove a period")
    p.add_argument("uuid")
    p.set_defaults(handler=period_remove)


def _clock_parsers(actions: Any) -> None:
    for name, help_text, handler in (
        ("list", "list corrections", clock_list),
        ("devices", "devices seen in the catalogue", clock_devices),
        ("apply", "apply corrections to items ingested since they were set", clock_apply),
    ):
        p = add_command(actions, name, help_text)
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)
    p = add_command(actions, "set", "set a device's or an item's clock offset")
    p.add_argument("--make", help="device make as reported (e.g. Apple)")
    p.add_argument("--model", help="device model as reported (e.g. iPhone 12)")
    p.add_argument("--item", metavar="ITEM", help="correct this item only")
    p.add_argument(
        "--offset", required=True, help="added to readings: +2h, --offset=-01:00, --offset=-90s"
    )
    p.add_argument("--assume-utc-offset", metavar="+06:00", help="for readings without an offset")
    p.add_argument("--reason", default="", help="how the error was established (logged)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=clock_set)
    p = add_command(actions, "remove", "remove a correction")
    p.add_argument("uuid")
    p.add_argument("--reason", default="")
    p.set_defaults(handler=clock_remove)


def _single_commands(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "timeline", "items by corrected capture time, incidents and periods")
    p.add_argument("--from", dest="start", metavar="DATE[THH:MM+06:00]")
    p.add_argument("--to", dest="end", metavar="DATE[THH:MM+06:00]")
    _add_filter_options(p)
    p.add_argument("--json", action="store_true")
    p = add_command(sub, "case-search", "search items and case records; filters as in timeline")
    p.add_argument("text", nargs="*")
    _add_filter_options(p)
    p.add_argument("--json", action="store_true")
    return {"timeline": Command(timeline_show), "case-search": Command(case_search_run)}


def _dispatch(args: argparse.Namespace, archive: Archive) -> int:
    return args.handler(args, archive)


def register(sub: Any) -> dict[str, Command]:
    groups = {
        "testimony": ("witness testimonies (add, edit, show, list, attach)", _testimony_parsers),
        "incident": ("incidents (add, edit, list, show, link, person)", _incident_parsers),
        "person": ("persons and units (add, list, show, status, merge)", _person_parsers),
        "place": ("the gazetteer (list, add, match)", _place_parsers),
        "vocab": ("vocabularies (list, export, import, term)", _vocab_parsers),
        "period": ("periods drawn on the timeline (list, add, remove)", _period_parsers),
        "clock": ("clock corrections (list, devices, set, remove, apply)", _clock_parsers),
    }
    commands: dict[str, Command] = {}
    for name, (help_text, build) in groups.items():
        parser = sub.add_parser(name, help=help_text, description=help_text)
        build(parser.add_subparsers(dest="action", required=True, metavar="ACTION"))
        commands[name] = Command(_dispatch)
    commands.update(_single_commands(sub))
    return commands
