"""``person``: persons and units (add, list, show, status, remove-status, link, items,
merge)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.common import (
    emit,
)
from evidence_desk.cli.common import add_command, lazy
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import choices as case_choices

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.person_records import PersonItem, PersonRecord

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_persons = lazy("evidence_desk.services.case.persons")


def _print_person(p: PersonRecord) -> None:
    names = ", ".join(n.name for n in p.names if n.kind == "name")
    aliases = ", ".join(n.name for n in p.names if n.kind == "alias")
    born = p.birth_year or (f"age {p.age}" if p.age is not None else "-")
    print(f"{p.ref}  {p.name}{'  [sensitive]' if p.sensitive else ''}")
    for label, value in (
        ("names", names or "-"),
        ("aliases", aliases or "-"),
        ("kind", p.kind),
        ("sex", p.sex or "-"),
        ("born", born),
        ("occupation", p.occupation or "-"),
    ):
        print(f"  {label:12} {value}")
    for s in p.statuses:
        where = f" at {s.place.name}" if s.place else ""
        print(f"  {'status':12} #{s.id} {s.status} {s.started or '?'}{where}")
    for i in p.incidents:
        print(f"  {'incident':12} {i.ref} {i.title} ({i.role})")


def person_add(args: argparse.Namespace, archive: Archive) -> int:
    fields = {
        k: getattr(args, k)
        for k in ("kind", "sex", "birth_year", "age", "occupation", "notes")
        if getattr(args, k) is not None
    }
    if args.sensitive:
        fields["sensitive"] = True
    p = case_persons.add_person(archive, args.names, aliases=args.alias or [], **fields)
    return emit(args, p, lambda p: print(f"recorded {p.ref} {p.name}"))


def person_list(args: argparse.Namespace, archive: Archive) -> int:
    rows = case_persons.list_persons(archive, redact=args.redact)

    def human(rows: list[PersonRecord]) -> None:
        for p in rows:
            last = p.statuses[-1].status if p.statuses else "-"
            print(f"{p.ref}  {p.kind:10} {last:12} {p.name}")
        print(f"{len(rows)} persons")

    return emit(args, rows, human)


def person_show(args: argparse.Namespace, archive: Archive) -> int:
    return emit(args, case_persons.get_person(archive, args.ref, redact=args.redact), _print_person)


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
    return emit(args, p, _print_person)


def person_remove_status(args: argparse.Namespace, archive: Archive) -> int:
    p = case_persons.remove_status(archive, args.ref, args.status_id)
    return emit(args, p, _print_person)


def _print_items(rows: list[PersonItem]) -> None:
    for i in rows:
        note = f"  ({i.note})" if i.note else ""
        print(f"{i.exhibit}  {i.relation:10} {i.kind:9} {i.title}{note}")
    print(f"{len(rows)} items")


def person_link(args: argparse.Namespace, archive: Archive) -> int:
    if args.remove:
        absent = [i for i in args.items if not case_persons.unlink_item(archive, i, args.ref)]
        if absent:
            raise EvidenceDeskError(f"not linked to {args.ref}: {', '.join(absent)}")
    else:
        for item in args.items:
            case_persons.link_item(archive, item, args.ref, args.relation, args.note)
    return emit(args, case_persons.items_of_person(archive, args.ref), _print_items)


def person_items(args: argparse.Namespace, archive: Archive) -> int:
    return emit(args, case_persons.items_of_person(archive, args.ref), _print_items)


def person_merge(args: argparse.Namespace, archive: Archive) -> int:
    p = case_persons.merge_persons(archive, args.keep, args.other, args.reason)
    return emit(args, p, _print_person)


def person_parsers(actions: Any) -> None:
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
    p = add_command(actions, "remove-status", "take back a status recorded by mistake")
    p.add_argument("ref", metavar="PERSON")
    p.add_argument("status_id", type=int, metavar="ID", help="the #number person show prints")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_remove_status)
    p = add_command(actions, "link", "say that items show or mention a person")
    p.add_argument("ref", metavar="PERSON")
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.add_argument("--relation", default="depicted", help="depicted (default), mentioned…")
    p.add_argument("--note", default="")
    p.add_argument("--remove", action="store_true", help="unlink instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_link)
    p = add_command(actions, "items", "list the items that show or mention a person")
    p.add_argument("ref", metavar="PERSON")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_items)
    p = add_command(actions, "merge", "merge OTHER into KEEP (links, names, statuses move)")
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    p.add_argument("--reason", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=person_merge)


# --- place -----------------------------------------------------------------------------
