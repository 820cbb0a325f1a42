"""``vocab``: vocabularies (list, export, import, term)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.case.common import (
    emit,
)
from evidence_desk.cli.common import add_command, lazy
from evidence_desk.services.archive.errors import EvidenceDeskError

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.vocabularies import Term

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
case_vocabularies = lazy("evidence_desk.services.case.vocabularies")


def vocab_list(args: argparse.Namespace, archive: Archive) -> int:
    if not args.name:
        return emit(
            args, case_vocabularies.list_vocabularies(archive), lambda r: print(*r, sep="\n")
        )
    rows = case_vocabularies.list_terms(archive, args.name, include_retired=True)

    def human(rows: list[Term]) -> None:
        for t in rows:
            mark = "" if t.active else "  (retired)"
            indent = "  " if t.parent else ""
            labels = " | ".join(t.labels[lang] for lang in case_vocabularies.LANGS)
            print(f"{indent}{t.code:30} {labels}{mark}")

    return emit(args, rows, human)


def vocab_export(args: argparse.Namespace, archive: Archive) -> int:
    if args.format == "csv":
        text = case_vocabularies.export_csv(archive, args.names or None)
    else:
        data = case_vocabularies.export_json(archive, args.names or None).as_json()
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
        t.code for t in case_vocabularies.list_terms(archive, args.name, include_retired=True)
    }:
        t = case_vocabularies.update_term(
            archive, args.name, args.code, labels=labels, parent=args.parent, active=True
        )
    else:
        t = case_vocabularies.add_term(archive, args.name, args.code, labels, parent=args.parent)
    return emit(args, t, lambda t: print(f"{t.vocabulary}: {t.code} {t.labels['en']}"))


def vocab_parsers(actions: Any) -> None:
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
