"""Helpers shared by the case-record commands: text from files, prompts, JSON, filters."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.common import lazy, print_json
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import choices as case_choices

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.search import CaseFilter

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_incidents = lazy("evidence_desk.services.case.incidents")
case_search = lazy("evidence_desk.services.case.search")

Handler = Callable[[argparse.Namespace, "Archive"], int]


def read_text(value: str | None, path: Path | None, what: str) -> str | None:
    if value is not None:
        return value
    if path is None:
        return None
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise EvidenceDeskError(f"{path}: the {what} must be UTF-8 text") from None


def prompt(label: str) -> str:
    print(label, end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().rstrip("\n")


def emit(args: argparse.Namespace, data: Any, human: Callable[[Any], None]) -> int:
    if getattr(args, "json", False):
        print_json(data)
    else:
        human(data)
    return 0


def case_filter(args: argparse.Namespace) -> CaseFilter:
    return case_search.CaseFilter(
        text=" ".join(getattr(args, "text", None) or []),
        kinds=tuple(args.kind or ()),
        violations=tuple(args.violation or ()),
        verification=tuple(args.verification or ()),
        place=args.place,
        incident=args.incident,
        person=args.person,
    )


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", action="append", help="photo, video, audio, document, testimony…")
    p.add_argument("--violation", action="append", metavar="CODE", help="violation type code")
    p.add_argument("--verification", action="append", choices=case_choices.VERIFICATION)
    p.add_argument("--place", help="place name in any script, or PL- number (includes sub-places)")
    p.add_argument("--incident", metavar="INC")
    p.add_argument("--person", metavar="PERSON")


# --- testimony -------------------------------------------------------------------------
