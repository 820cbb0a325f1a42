"""``timeline``, ``case-search``, ``period`` and ``clock``: time and search."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.common import (
    add_filter_options,
    case_filter,
    emit,
)
from evidence_desk.cli.common import Command, add_command, lazy, print_json

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.clock import Correction, Device
    from evidence_desk.services.case.timeline import Period
    from evidence_desk.services.case.timeline_messages import ChatDay

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_clock = lazy("evidence_desk.services.case.clock")
case_incidents = lazy("evidence_desk.services.case.incidents")
case_persons = lazy("evidence_desk.services.case.persons")
case_places = lazy("evidence_desk.services.case.places")
case_search = lazy("evidence_desk.services.case.search")
case_timeline = lazy("evidence_desk.services.case.timeline")
case_dates = lazy("evidence_desk.services.case.dates")
timeline_messages = lazy("evidence_desk.services.case.timeline_messages")
messages = lazy("evidence_desk.services.catalogue.messages")


def _utc(text: str | None) -> datetime | None:
    when = case_dates.parse_when(text)
    return when.sort_key() if when else None


def timeline_show(args: argparse.Namespace, archive: Archive) -> int:
    start, end = _utc(args.start), _utc(args.end)
    data = case_timeline.timeline(archive, case_filter(args), start=start, end=end)
    days: list[ChatDay] = []
    if args.messages or args.chat:
        days = timeline_messages.message_days(archive, start=start, end=end, chat=args.chat)
    if args.json:
        shown = data.as_json()
        if args.messages or args.chat:
            shown["messages"] = [d.as_json() for d in days]
        print_json(shown)
        return 0
    rows = [(i.start_sort, i.utc_known, "INCIDENT", f"{i.ref} {i.title}") for i in data.incidents]
    for p in data.items:
        fix = f"  (clock corrected {p.offset_s:+d} s)" if p.corrected else ""
        rows.append((p.at, p.utc_known, p.kind.upper(), f"{p.exhibit} {p.title}{fix}"))
    for d in days:
        text = f"{d.messages} in {d.platform} «{d.chat or d.chat_id}» that day"
        rows.append((d.day, not d.offset_unknown, "MESSAGES", text))
    for at, utc_known, kind, text in sorted(rows):
        bands = [b.label for b in data.periods if b.start_utc <= at < b.end_utc]
        zone = "UTC  " if utc_known else "local"
        print(f"{at} {zone} {kind:9} {text}" + (f"  [{'; '.join(bands)}]" if bands else ""))
    print(
        f"{len(data.items)} items, {len(data.incidents)} incidents, "
        f"{data.undated or 0} undated items not shown; 'local' = UTC offset unknown"
    )
    return 0


def period_list(args: argparse.Namespace, archive: Archive) -> int:
    def human(rows: list[Period]) -> None:
        for p in rows:
            print(f"{p.uuid}  {p.start} – {p.end}  {p.label}")

    return emit(args, case_timeline.list_periods(archive), human)


def period_add(args: argparse.Namespace, archive: Archive) -> int:
    offset = case_dates.parse_offset_minutes(args.offset)
    period = case_timeline.add_period(
        archive, args.label, args.start, args.end, offset_min=offset, color=args.color or ""
    )
    return emit(args, period, lambda p: print(f"added {p.uuid} {p.label}"))


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
    return emit(args, c, lambda c: print(f"{c.uuid}: {c.items_changed} items corrected"))


def clock_remove(args: argparse.Namespace, archive: Archive) -> int:
    n = case_clock.remove_correction(archive, args.uuid, args.reason)
    print(f"{n} items back to their uncorrected time")
    return 0


def clock_apply(args: argparse.Namespace, archive: Archive) -> int:
    print(f"{case_clock.apply_corrections(archive)} items corrected")
    return 0


def clock_devices(args: argparse.Namespace, archive: Archive) -> int:
    def human(rows: list[Device]) -> None:
        for d in rows:
            fix = f", corrected {d.correction.offset_s:+d} s" if d.correction else ""
            print(f"{d.make or '?'} | {d.model}: {d.items} items{fix}")

    return emit(args, case_clock.devices(archive), human)


def clock_list(args: argparse.Namespace, archive: Archive) -> int:
    def human(rows: list[Correction]) -> None:
        for c in rows:
            what = (
                f"item {c.item_id}"
                if c.item_id
                else " ".join(filter(None, (c.device_make, c.device_model)))
            )
            print(f"{c.uuid}  {what:30} {c.offset_s:+d} s  {c.items} items  {c.reason}")

    return emit(args, case_clock.list_corrections(archive), human)


def case_search_run(args: argparse.Namespace, archive: Archive) -> int:
    flt = case_filter(args)
    structured = flt.kinds or flt.has_incident_conditions or flt.place or flt.person
    data: dict[str, Any]
    if structured:
        data = {"items": case_search.find_items(archive, flt)}
    else:
        data = case_search.search(archive, flt.text).as_json()
        data["messages"] = [r.as_json() for r in messages.search_messages(archive, flt.text)]

    def human(data: dict[str, Any]) -> None:
        for item in case_search.describe_items(archive, data["items"]):
            print(f"{item.exhibit}  {item.kind:9} {item.title}")
        for n in data.get("incidents", []):
            i = case_incidents.get_incident(archive, str(n))
            print(f"{i.ref}  incident  {i.title}")
        for n in data.get("persons", []):
            p = case_persons.get_person(archive, str(n))
            print(f"{p.ref}  person    {p.name}")
        for n in data.get("places", []):
            place = case_places.get_place(archive, str(n))
            print(f"{place.ref}  place     {' / '.join(place.path)}")
        for m in data.get("messages", []):
            text = m["text"].replace("\n", " ")[:100]
            when = m["sent_at"] or "-"
            print(f"M{m['id']:<8} message   {m['chat']} {when} {m['author']}: {text}")

    return emit(args, data, human)


def period_parsers(actions: Any) -> None:
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


def clock_parsers(actions: Any) -> None:
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


def single_commands(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "timeline", "items by corrected capture time, incidents and periods")
    p.add_argument("--from", dest="start", metavar="DATE[THH:MM+06:00]")
    p.add_argument("--to", dest="end", metavar="DATE[THH:MM+06:00]")
    add_filter_options(p)
    p.add_argument("--messages", action="store_true", help="chat messages sent per chat and day")
    p.add_argument("--chat", metavar="NAME", help="only this chat's messages (implies --messages)")
    p.add_argument("--json", action="store_true")
    p = add_command(sub, "case-search", "search items and case records; filters as in timeline")
    p.add_argument("text", nargs="*")
    add_filter_options(p)
    p.add_argument("--json", action="store_true")
    return {"timeline": Command(timeline_show), "case-search": Command(case_search_run)}
