"""``incident``: incidents (add, edit, list, show, link, person)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.common import (
    add_filter_options,
    case_filter,
    emit,
)
from evidence_desk.cli.common import add_command, lazy
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import choices as case_choices

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.incident_records import IncidentRecord, IncidentRow

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_incidents = lazy("evidence_desk.services.case.incidents")
case_messages = lazy("evidence_desk.services.case.incident_messages")
case_search = lazy("evidence_desk.services.case.search")


def _print_incident(i: IncidentRecord) -> None:
    when = i.start or "?"
    if i.end:
        when += f" – {i.end}"
    print(f"{i.ref}  {i.title}")
    print(f"  {'when':12} {when} ({i.start_precision or 'undated'})")
    print(f"  {'where':12} {' / '.join(i.place.path) if i.place else '-'}")
    print(f"  {'violations':12} {', '.join(v.label for v in i.violations) or '-'}")
    print(f"  {'verification':12} {i.verification}")
    for p in i.persons:
        print(f"  {'person':12} {p.ref} {p.name} ({p.role})")
    for it in i.items:
        print(f"  {'item':12} {it.exhibit} {it.kind} {it.title}")
    for m in i.messages:
        text = " ".join(m.text.split())[:60]
        print(
            f"  {'message':12} {m.id} {m.platform} «{m.chat or '-'}» "
            f"{m.sent_at or '-'} {m.author or '-'}: {text}"
        )
    if i.description:
        print(f"\n{i.description}")


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
    return emit(args, i, lambda i: print(f"recorded {i.ref} {i.title}"))


def incident_edit(args: argparse.Namespace, archive: Archive) -> int:
    i = case_incidents.update_incident(archive, args.ref, **_incident_fields(args))
    return emit(args, i, _print_incident)


def incident_list(args: argparse.Namespace, archive: Archive) -> int:
    wanted = set(case_search.find_incidents(archive, case_filter(args)))
    rows = [i for i in case_incidents.incident_rows(archive) if i.id in wanted]

    def human(rows: list[IncidentRow]) -> None:
        for i in rows:
            print(
                f"{i.ref}  {i.start or '-':25} {i.place or '-':15} "
                f"{i.verification:15} {i.title}  [{','.join(i.violations)}] "
                f"{i.items} items"
            )
        print(f"{len(rows)} incidents")

    return emit(args, rows, human)


def incident_show(args: argparse.Namespace, archive: Archive) -> int:
    return emit(args, case_incidents.get_incident(archive, args.ref), _print_incident)


def incident_link(args: argparse.Namespace, archive: Archive) -> int:
    if not args.items and not args.message:
        raise EvidenceDeskError("give items to link, or --message ID (see: messages list)")
    i = None
    if args.items:
        change = case_incidents.unlink_items if args.remove else case_incidents.link_items
        i = change(archive, args.ref, args.items)
    if args.message:
        if args.remove:
            i = case_messages.unlink_messages(archive, args.ref, args.message)
        else:
            i = case_messages.link_messages(archive, args.ref, args.message, args.note)
    return emit(args, i, _print_incident)


def incident_person(args: argparse.Namespace, archive: Archive) -> int:
    if args.remove:
        i = case_incidents.remove_person(archive, args.ref, args.person_ref, args.role)
    else:
        if not args.role:
            raise EvidenceDeskError("give --role (see: vocab list roles)")
        i = case_incidents.add_person(archive, args.ref, args.person_ref, args.role, args.note)
    return emit(args, i, _print_incident)


def incident_parsers(actions: Any) -> None:
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
    add_filter_options(p)
    p.add_argument("text", nargs="*", help="words to search for")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=incident_list)
    p = add_command(actions, "show", "show one incident")
    p.add_argument("ref", metavar="INC")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=incident_show)
    p = add_command(actions, "link", "link items, testimonies or chat messages to an incident")
    p.add_argument("ref", metavar="INC")
    p.add_argument("items", nargs="*", metavar="ITEM")
    p.add_argument(
        "--message",
        action="append",
        default=[],
        metavar="ID",
        help="a chat message's record id (messages list); repeat for more",
    )
    p.add_argument("--note", default="", help="why the message documents the incident")
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
