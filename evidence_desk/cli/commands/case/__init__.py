"""CLI for case records: testimony, incident, person, place, vocab, timeline, period, clock.

Each group has actions (``evidence-desk testimony add …``); every action
takes ``--archive`` and most take ``--json`` for the documented JSON shapes
(docs/case-records.md). A witness's real identity is typed at a prompt
(``--ask-identity``), never on the command line where shell history keeps it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.incidents import incident_parsers
from evidence_desk.cli.commands.case.persons import person_parsers
from evidence_desk.cli.commands.case.places import place_parsers
from evidence_desk.cli.commands.case.testimonies import testimony_parsers
from evidence_desk.cli.commands.case.timeline import (
    clock_parsers,
    period_parsers,
    single_commands,
)
from evidence_desk.cli.commands.case.vocab import vocab_parsers
from evidence_desk.cli.common import Command

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


def _dispatch(args: argparse.Namespace, archive: Archive) -> int:
    return args.handler(args, archive)


def register(sub: Any) -> dict[str, Command]:
    groups = {
        "testimony": ("witness testimonies (add, edit, show, list, attach)", testimony_parsers),
        "incident": ("incidents (add, edit, list, show, link, person)", incident_parsers),
        "person": ("persons and units (add, list, show, status, merge)", person_parsers),
        "place": ("the gazetteer (list, add, match)", place_parsers),
        "vocab": ("vocabularies (list, export, import, term)", vocab_parsers),
        "period": ("periods drawn on the timeline (list, add, remove)", period_parsers),
        "clock": ("clock corrections (list, devices, set, remove, apply)", clock_parsers),
    }
    commands: dict[str, Command] = {}
    for name, (help_text, build) in groups.items():
        parser = sub.add_parser(name, help=help_text, description=help_text)
        build(parser.add_subparsers(dest="action", required=True, metavar="ACTION"))
        commands[name] = Command(_dispatch)
    commands.update(single_commands(sub))
    return commands
