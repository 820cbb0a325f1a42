"""``export``, ``verify-bundle`` and ``import-bundle``: evidence bundles from the command line.

Loaded by cli.main when present; each command is a thin shell around its
service, with a progress bar on a terminal, Ctrl+C as a clean cancel, and
one line on stderr for errors a user can cause.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands.signers import register_signers
from evidence_desk.cli.common import Command, Interrupt, add_command, lazy, print_json
from evidence_desk.cli.progress import ProgressBar
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake import importers

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

signing = lazy("evidence_desk.core.signing")
bundle_import = lazy("evidence_desk.services.bundles.importing")
bundle_verify = lazy("evidence_desk.services.bundles.verify")
export = lazy("evidence_desk.services.bundles.export")

EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2


def register(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "export", "export items as a signed BagIt bundle (folder or zip)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--items", nargs="+", metavar="ITEM", help="exhibit numbers, UUIDs, …")
    which.add_argument("--incident", metavar="ID", help="every item of an incident")
    which.add_argument("--all", action="store_true", help="every item in the archive")
    p.add_argument("--profile", choices=("full", "redacted"), default="full")
    p.add_argument("--zip", action="store_true", help="write one .zip (stored, not compressed)")
    p.add_argument(
        "--exporter",
        default=None,
        metavar="NAME",
        help="who the bundle says exported it: an organisation or a pseudonym "
        "(default: the 'exporter' setting; never the OS user name in a redacted bundle)",
    )
    p.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar="AGE_PUBLIC_KEY",
        help="encrypt the zip to this age public key (age1…; repeatable): writes OUT.zip.age, "
        "which only the recipients can open (age -d -i KEY)",
    )
    p.add_argument(
        "out",
        type=Path,
        nargs="?",
        metavar="OUT",
        help="the bundle to create (must not exist), or a folder to create it in",
    )
    p.add_argument("--json", action="store_true")

    p = add_command(sub, "verify-bundle", "check a bundle's files, checksums and signature")
    p.add_argument("path", type=Path, metavar="PATH", help="bundle folder or .zip")
    p.add_argument("--key-fingerprint", default=None, help="the sender's key fingerprint")
    p.add_argument("--json", action="store_true")

    p = add_command(sub, "import-bundle", "verify a bundle and add its items to the archive")
    p.add_argument("path", type=Path, metavar="PATH", help="bundle folder or .zip")
    p.add_argument("--key-fingerprint", default=None, help="refuse unless signed by this key")
    p.add_argument(
        "--trust-new-signer",
        action="store_true",
        help="first bundle from an archive: trust (and pin) its key; compare the fingerprint "
        "with the sender first",
    )
    p.add_argument("--json", action="store_true")
    return {
        "export": Command(cmd_export),
        "verify-bundle": Command(cmd_verify_bundle, needs_archive=False),
        "import-bundle": Command(cmd_import_bundle),
        **register_signers(sub),
    }


def cmd_export(args: argparse.Namespace, archive: Archive) -> int:
    if args.out is None and args.items and len(args.items) > 1:
        args.out = Path(args.items.pop())  # "--items ED-1 ED-2 OUT": the list swallowed OUT
    if args.out is None:
        raise EvidenceDeskError("export needs OUT, the bundle to create")
    out: Path = args.out
    if out.is_dir() and not (out / "bagit.txt").exists():
        # OUT names a folder (a USB stick, "out/"): the bundle goes inside it, under a
        # neutral name; the archive's name could identify the case on a courier's stick.
        # An existing bundle folder is refused by the export as before ("already exists").
        out = out / f"bundle-{datetime.now(UTC):%Y%m%d-%H%M%S}"
    if archive.encrypted and not args.recipient:
        print(
            "note: this bundle will not be encrypted (the archive is); "
            "add --recipient AGE_PUBLIC_KEY to encrypt it for its readers",
            file=sys.stderr,
        )
    if args.recipient:
        args.zip = True
        if out.name.lower().endswith(".zip.age"):
            pass
        elif out.suffix.lower() == ".zip":
            out = out.with_name(out.name + ".age")
        else:
            out = out.with_name(out.name + ".zip.age")
    elif args.zip and out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    with Interrupt("stopping…") as stop, ProgressBar("export") as bar:
        report = export.export_bundle(
            archive,
            None if args.all else args.items,
            incident=args.incident,
            profile=args.profile,
            zip=args.zip,
            out=out,
            recipients=args.recipient or None,
            progress=bar.update,
            cancelled=stop,
            exporter=args.exporter,
        )
    if args.json:
        print_json(report.as_json())
    if report.cancelled:
        print("export cancelled: nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.json:
        for name in report.leftovers_removed:
            print(f"removed {name}, left by an interrupted export")
        for exhibit, reason in report.left_out:
            print(f"left out  {exhibit}: {reason}")
        print(
            f"exported {len(report.exported)} items ({report.payload_bytes:,} bytes in "
            f"{report.payload_files} files, {args.profile} profile) to {report.path}"
        )
        print(f"signing key fingerprint: {signing.pretty_fingerprint(report.fingerprint or '')}")
        if args.recipient:
            print(f"encrypted to {len(args.recipient)} recipient(s); they open it with:")
            print(f"    age -d -i KEY_FILE -o {out.name[:-4]} {out.name}")
    return 0


def cmd_verify_bundle(args: argparse.Namespace) -> int:
    with Interrupt("stopping…") as stop, ProgressBar("verify") as bar:
        report = bundle_verify.verify_bundle(
            args.path,
            expected_fingerprint=args.key_fingerprint,
            progress=bar.update,
            cancelled=stop,
        )
    status = EXIT_UNREADABLE if report.unreadable else 0 if report.ok else EXIT_PROBLEMS
    if not report.ok and not report.cancelled:
        first = report.ranked()[0].message if report.problems else "the bundle is not signed"
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        print(
            f"evidence-desk: {bundle_import.printable(args.path)}: {first}{more}", file=sys.stderr
        )
    if args.json:
        print_json(report.as_json())
        return status
    for problem in report.problems:
        print(f"FAILED  {problem.kind:11} {problem.message}")
    if report.archive_uuid:
        print(f"from archive {report.archive_name!r} ({report.archive_uuid}), {report.profile}")
    if report.signer_fingerprint:
        state = "valid" if report.signature_valid else "NOT valid"
        fingerprint = signing.pretty_fingerprint(report.signer_fingerprint)
        print(f"signature {state}; key fingerprint {fingerprint}")
    print(
        f"{'OK' if report.ok else 'PROBLEMS FOUND'}: {report.files_checked} files "
        f"({report.bytes_checked:,} bytes) checked, {report.items} items, "
        f"{report.custody_checked} custody events re-hashed "
        f"({report.custody_sealed} sealed, {report.custody_withheld} withheld), "
        f"{len(report.problems)} problems"
    )
    if report.cancelled:
        print("verification cancelled before the end", file=sys.stderr)
    return status


def cmd_import_bundle(args: argparse.Namespace, archive: Archive) -> int:
    try:
        with Interrupt("stopping…") as stop, ProgressBar("import") as bar:
            report = importers.get("bundle").run(
                archive,
                [args.path],
                provenance=None,
                progress=bar.update,
                cancelled=stop,
                expected_fingerprint=args.key_fingerprint,
                trust_new_signer=args.trust_new_signer,
            )
    except bundle_import.ImportRefused as exc:
        print(f"evidence-desk: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE if exc.unreadable else EXIT_PROBLEMS
    assert isinstance(report, bundle_import.ImportReport)
    if args.json:
        print_json(report.as_json())
    else:
        for r in report.results:
            print(f"{r.status:9} {r.exhibit or '-':10} (sender {r.sender_exhibit})")
            for message in r.messages:
                print(f"          ! {message}")
        print(
            f"{report.count('new')} new, {report.count('duplicate')} duplicates, "
            f"from {report.sender_name!r} ({report.sender_uuid})"
        )
        fp = signing.pretty_fingerprint(report.verification.signer_fingerprint or "")
        pinned = " (first contact: now trusted and pinned)" if report.trusted_now else ""
        print(f"signed by key {fp}{pinned}")
    if report.cancelled:
        print("import cancelled: nothing was imported", file=sys.stderr)
    return 0 if report.ok else EXIT_PROBLEMS
