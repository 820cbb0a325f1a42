"""``place``: the gazetteer (list, add, match)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.common import (
    emit,
)
from evidence_desk.cli.common import add_command, lazy

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.place_records import GpsMatch, PlaceRecord

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_places = lazy("evidence_desk.services.case.places")


def place_list(args: argparse.Namespace, archive: Archive) -> int:
    rows = (
        case_places.search_places(archive, args.text)
        if args.text
        else case_places.list_places(archive)
    )

    def human(rows: list[PlaceRecord]) -> None:
        for p in rows:
            at = f"{p.lat:.4f},{p.lon:.4f}" if p.lat is not None and p.lon is not None else "-"
            variants = ", ".join(n.name for n in p.names[1:])
            print(f"{p.ref}  {p.kind:9} {' / '.join(p.path):45} {at:18} {variants}")
        print(f"{len(rows)} places")

    return emit(args, rows, human)


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
    return emit(args, p, lambda p: print(f"recorded {p.ref} {' / '.join(p.path)}"))


def place_match(args: argparse.Namespace, archive: Archive) -> int:
    rows = case_places.match_items_by_gps(archive, args.items or None, radius_m=args.radius)

    def human(rows: list[GpsMatch]) -> None:
        for r in rows:
            print(f"{r.exhibit}  {r.place} ({r.distance_m:.0f} m)")
        print(f"{len(rows)} items placed")

    return emit(args, rows, human)


def place_parsers(actions: Any) -> None:
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
