"""The ``evidence-desk`` command.

Errors a user can cause are one line on stderr and a non-zero exit; progress
bars appear only on a terminal. With no sub-command the desktop application
starts.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk import tool_version
from evidence_desk.cli.commands import messages as chat_exports
from evidence_desk.cli.commands.ingest import cmd_ingest, early_copies
from evidence_desk.cli.common import (
    ENV_PASSPHRASE,
    Command,
    Interrupt,
    add_command,
    ask_new_passphrase,
    exit_process,
    lazy,
    passphrase_source,
    print_json,
)
from evidence_desk.cli.progress import ProgressBar
from evidence_desk.services.archive.errors import EvidenceDeskError, database_damage
from evidence_desk.services.archive.location import creates_on_first_use, default_archive_path

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
archive_service = lazy("evidence_desk.services.archive.archive")
creation = lazy("evidence_desk.services.archive.creation")
items_service = lazy("evidence_desk.services.catalogue.items")
item_rows = lazy("evidence_desk.services.catalogue.item_rows")
verify_service = lazy("evidence_desk.services.catalogue.verify")
fixity_service = lazy("evidence_desk.services.catalogue.fixity")

EXIT_PROBLEMS = 1
EXIT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evidence-desk",
        description="Offline archive for evidence of human-rights violations.",
    )
    parser.add_argument("--version", action="version", version=tool_version())
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_command(sub, name, help_text)

    p = add("init", "create a new archive")
    p.add_argument("--name", help="a name for the archive (default: the folder name)")
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the archive (database, originals, thumbnails, keys) with a passphrase "
        f"(asked, or from ${ENV_PASSPHRASE})",
    )
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="with --encrypt: also make a recovery key, shown once, that can reset the passphrase",
    )

    p = add("ingest", "add files and folders (recursively) to the archive")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--received-from", default="", help="person, organisation or channel")
    p.add_argument("--method", default="", help="USB, phone dump, messenger export, download…")
    p.add_argument("--collector", default="", help="who collected it (default: settings)")
    p.add_argument("--acquired", default=None, metavar="YYYY-MM-DD", help="acquisition date")
    p.add_argument("--note", default="", help="free notes on this batch")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    chat_exports.add_ingest_options(p)

    p = add("list", "list the items")
    p.add_argument("--json", action="store_true")

    p = add("show", "show one item (exhibit number, UUID or SHA-256 prefix)")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--json", action="store_true")

    p = add("tag", "add (or with --remove, remove) tags on an item")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true")

    p = add("title", "set an item's title, and whether redacted bundles may show it")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("text", nargs="?", default=None, metavar="TITLE", help="the new title")
    mark = p.add_mutually_exclusive_group()
    mark.add_argument(
        "--publishable",
        dest="publishable",
        action="store_const",
        const=True,
        default=None,
        help="redacted bundles may show this title and the description (a title that is "
        "the file name is refused); changing the title clears the mark",
    )
    mark.add_argument(
        "--not-publishable", dest="publishable", action="store_const", const=False,
        help="redacted bundles show the exhibit number instead",
    )  # fmt: skip

    p = add("verify", "re-hash every object and check the custody chain")
    p.add_argument("items", nargs="*", metavar="ITEM", help="only these items")
    p.add_argument("--checkpoint", action="append", type=Path, default=[], metavar="FILE",
                   help="a custody checkpoint of this archive kept elsewhere (a bundle sent "
                   "out): the log must still hold what it recorded")  # fmt: skip
    p.add_argument("--json", action="store_true")
    for module in _extension_modules():
        COMMANDS_TABLE.update(module.register(sub))
    return parser


EXTENSION_MODULES = (
    "evidence_desk.cli.commands.bundles",
    "evidence_desk.cli.commands.case",
    "evidence_desk.cli.commands.crypto",
    "evidence_desk.cli.commands.messages",
    "evidence_desk.cli.commands.doctor",
)


def _extension_modules() -> list[Any]:
    """Sub-command modules of later features; each has ``register(sub) -> {name: Command}``."""
    found = []
    for name in EXTENSION_MODULES:
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def _archive_path(args: argparse.Namespace) -> Path:
    return args.archive if args.archive is not None else default_archive_path()


def cmd_init(args: argparse.Namespace) -> int:
    if args.recovery_key and not args.encrypt:
        raise EvidenceDeskError("--recovery-key needs --encrypt")
    passphrase = None
    if args.encrypt:
        passphrase = ask_new_passphrase(ENV_PASSPHRASE)
    # Made without opening it: init never loads the database layer (creation.py).
    made = creation.make_archive(
        _archive_path(args), args.name, passphrase=passphrase, recovery_key=args.recovery_key
    )
    state = "encrypted archive" if made.crypto else "archive"
    print(f"created {state} {made.name!r} ({made.uuid}) at {made.root}")
    if made.recovery_key:
        print(
            "\nRECOVERY KEY (shown this once; write it down and keep it apart from the "
            f"laptop):\n\n    {made.recovery_key}\n"
        )
    return 0


def cmd_list(args: argparse.Namespace, archive: Archive | None = None) -> int:
    passphrase = passphrase_source()  # asked at most once, quick path or full open
    reader = item_rows.quick_reader(_archive_path(args), passphrase) if archive is None else None
    if reader is not None:
        with reader:
            if args.json:
                print_json(reader.items())
            else:
                _print_summaries(reader.summaries())
        return 0
    with _opened(args, archive, passphrase) as opened:
        rows = items_service.list_items(opened)
    if args.json:
        print_json(rows)
    else:
        _print_summaries(
            (r["exhibit"], r["kind"], r["sha256"], r["captured_at"], r["title"]) for r in rows
        )
    return 0


def _print_summaries(summaries: Iterable[tuple[str, str, str, str | None, str]]) -> None:
    count = 0
    lines: list[str] = []
    for exhibit, kind, sha256, captured, title in summaries:
        lines.append(f"{exhibit}  {kind:8} {sha256[:12]}  {captured or '-':25} {title}\n")
        if len(lines) == 4096:  # a few large writes, not one per line
            sys.stdout.write("".join(lines))
            count += len(lines)
            lines.clear()
    sys.stdout.write("".join(lines))
    print(f"{count + len(lines)} items")


def _opened(
    args: argparse.Namespace, archive: Archive | None, passphrase: Callable[[], str]
) -> Any:
    """The archive given, or the full open (schema upgrade, clean-up) when there is none;
    ``passphrase`` is the one the quick reader may already have asked."""
    if archive is not None:
        return contextlib.nullcontext(archive)
    create = creates_on_first_use(args.archive)
    return archive_service.open_archive(_archive_path(args), create=create, passphrase=passphrase)


def cmd_show(args: argparse.Namespace, archive: Archive | None = None) -> int:
    passphrase = passphrase_source()
    reader = item_rows.quick_reader(_archive_path(args), passphrase) if archive is None else None
    if reader is None:
        with _opened(args, archive, passphrase) as opened:
            item = items_service.get_item(opened, args.item)
    else:
        with reader:
            item = reader.item(args.item)
    if args.json:
        print_json(item)
        return 0
    print(f"{item['exhibit']}  {item['title']}")
    gps = item["gps"]
    fields = [
        ("id", item["id"]),
        ("kind", item["kind"]),
        ("mime type", item["mime_type"]),
        ("size", f"{item['size']:,} bytes"),
        ("sha256", item["sha256"]),
        (
            "captured at",
            f"{item['captured_at'] or '-'}  (source: {item['captured_at_source']}"
            f"{'' if item['captured_at_offset_known'] else ', offset unknown'})",
        ),
        ("gps", f"{gps['lat']:.6f}, {gps['lon']:.6f}" if gps else "-"),
        ("device", " ".join(filter(None, item["device"].values())) or "-"),
        ("dimensions", f"{item['width']}×{item['height']}" if item["width"] else "-"),
        ("duration", f"{item['duration_s']:.1f} s" if item["duration_s"] else "-"),
        ("ingested at", item["ingested_at"]),
        ("tags", ", ".join(item["tags"]) or "-"),
    ]
    for label, value in fields:
        print(f"  {label:12} {value}")
    for s in item["sources"]:
        print(f"  source       {s['original_path']}")
        print(
            f"               from {s['received_from'] or '?'} via {s['method'] or '?'}, "
            f"collected by {s['collector'] or '?'}, acquired {s['acquired_at'] or '?'}"
        )
    for w in item["warnings"]:
        print(f"  warning      {w}")
    return 0


def cmd_tag(args: argparse.Namespace, archive: Archive) -> int:
    if args.remove:
        (item,) = items_service.set_tags(archive, [args.item], remove=args.tags)
    else:
        (item,) = items_service.set_tags(archive, [args.item], add=args.tags)
    print(f"{item['exhibit']}: {', '.join(item['tags']) or '(no tags)'}")
    return 0


def cmd_title(args: argparse.Namespace, archive: Archive) -> int:
    if args.text is None and args.publishable is None:
        item = items_service.get_item(archive, args.item)
    else:
        item = items_service.set_title(archive, args.item, args.text, publishable=args.publishable)
    mark = "publishable" if item["title_publishable"] else "not publishable (redacted: exhibit no.)"
    print(f"{item['exhibit']}: {item['title']}  [{mark}]")
    return 0


def _early_sweep(args: argparse.Namespace, root: Path) -> Any:
    """A whole-archive verify sweeps the store while the archive opens (``fixity.early_sweep``)."""
    return None if args.items else fixity_service.early_sweep(root)


def cmd_verify(args: argparse.Namespace, archive: Archive) -> int:
    with Interrupt() as stop, ProgressBar("verify") as bar:
        report = verify_service.verify(
            archive,
            args.items or None,
            progress=bar.update,
            cancelled=stop,
            earlier=args.checkpoint,
            early=getattr(args, "early", None),
        )
    if args.json:
        print_json(report.as_json())
    else:
        for p in report.problems:
            print(p.message)
        for note in report.notes:
            print(f"note: {note}")
        state = "OK" if report.ok else "PROBLEMS FOUND"
        print(
            f"{state}: {report.items_checked} objects ({report.bytes_checked:,} bytes) "
            f"re-hashed, {report.events_checked} custody events checked, "
            f"{len(report.problems)} problems"
        )
    return 0 if report.ok else EXIT_PROBLEMS


COMMANDS_TABLE: dict[str, Command] = {
    "init": Command(cmd_init, needs_archive=False),
    # Big files start copying while the archive opens (services/intake/prestage.py).
    "ingest": Command(cmd_ingest, before_open=early_copies),
    # Read-only: served straight from SQLite when the archive is at this schema.
    "list": Command(cmd_list, needs_archive=False),
    "show": Command(cmd_show, needs_archive=False),
    "tag": Command(cmd_tag),
    "title": Command(cmd_title),
    "verify": Command(cmd_verify, before_open=_early_sweep),
}


def run(argv: list[str], parser: argparse.ArgumentParser | None = None) -> int:
    args = (parser or _parser()).parse_args(argv)
    command = COMMANDS_TABLE[args.command]
    if not command.needs_archive:
        return command.run(args)
    create = creates_on_first_use(args.archive)
    root = _archive_path(args)
    args.early = command.before_open(args, root) if command.before_open else None
    try:
        with archive_service.open_archive(
            root, create=create, passphrase=passphrase_source()
        ) as archive:
            try:
                return command.run(args, archive)
            finally:
                archive.session_completed()
                for warning in archive.warnings:  # did not stop the work, but must be heard
                    print(f"evidence-desk: warning: {warning}", file=sys.stderr)
    except Exception as exc:
        damaged = database_damage(exc, root)
        if damaged is None:
            raise
        raise damaged from exc
    finally:
        if args.early is not None:
            args.early.close()


def _command_names() -> set[str]:
    _parser()
    return set(COMMANDS_TABLE)


def _starts_gui(argv: list[str], commands: set[str]) -> bool:
    """No arguments, an archive folder (``PATH`` / ``--archive``) or Qt options start the GUI.

    Anything else that is not a command (a typo such as ``evidence-desk lsit``)
    is left to argparse, which says "invalid choice" and exits 2: a mistyped
    command must never open a window, least of all on a server.
    """
    if not argv:
        return True
    first = argv[0]
    if first in commands or first in ("-h", "--help", "--version"):
        return False
    if first.startswith("-"):
        return True
    return os.sep in first or "/" in first or Path(first).expanduser().exists()


def _start_gui(argv: list[str]) -> int:
    from evidence_desk.gui.shell.app import main as gui_main

    return gui_main(argv)


def _never_fail_on_encoding() -> None:
    """No output may crash on a name: not cp1252 on Windows, not ASCII in a C locale, not a
    strict UTF-8 terminal given a file name that is not UTF-8 (Python holds its bytes as
    lone surrogates, which strict UTF-8 cannot encode).

    Unencodable characters become ``\\uXXXX`` or ``\\xNN`` escapes.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        errors = getattr(stream, "errors", None)
        if isinstance(stream, io.TextIOWrapper) and (
            encoding != "utf8" or errors not in ("backslashreplace", "surrogateescape")
        ):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _never_fail_on_encoding()
    parser = _parser()  # built once: it is most of the cost of a quick command
    if _starts_gui(argv, set(COMMANDS_TABLE)):
        return _start_gui(argv)
    try:
        return run(argv, parser)
    except EvidenceDeskError as exc:
        print(f"evidence-desk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        os._exit(0)
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"evidence-desk: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("evidence-desk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    exit_process(main())
