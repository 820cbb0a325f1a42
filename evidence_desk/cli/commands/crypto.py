"""``encrypt``, ``passphrase change|reset`` and ``recipient``: encrypted archives.

Passphrases never come from arguments (other users could read them in the
process list): a prompt that does not echo, or an environment variable for
scripts — EVIDENCE_DESK_PASSPHRASE for the current one,
EVIDENCE_DESK_NEW_PASSPHRASE for the new one, EVIDENCE_DESK_RECOVERY_KEY.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.common import (
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    Command,
    Interrupt,
    add_command,
    ask_new_passphrase,
    ask_passphrase,
    lazy,
    print_json,
)
from evidence_desk.cli.progress import ProgressBar
from evidence_desk.services.archive.location import default_archive_path

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
archive_service = lazy("evidence_desk.services.archive.archive")
conversion = lazy("evidence_desk.services.catalogue.conversion")

ENV_RECOVERY_KEY = "EVIDENCE_DESK_RECOVERY_KEY"
EXIT_PROBLEMS = 1


def register(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "passphrase", "change an encrypted archive's passphrase")
    p.add_argument(
        "action",
        choices=("change", "reset"),
        help="change: from the current passphrase; reset: with the recovery key",
    )
    p = add_command(sub, "recipient", "print this archive's age public key")
    p.add_argument("--json", action="store_true")
    p = add_command(
        sub,
        "encrypt",
        "convert a plain archive into an encrypted one, in place (run again to resume)",
    )
    p.add_argument(
        "--recovery-key", action="store_true", help="also make a recovery key, shown once"
    )
    return {
        "passphrase": Command(cmd_passphrase, needs_archive=False),
        "recipient": Command(cmd_recipient),
        "encrypt": Command(cmd_encrypt, needs_archive=False),
    }


def cmd_encrypt(args: argparse.Namespace) -> int:
    root = args.archive if args.archive is not None else default_archive_path()
    if conversion.conversion_pending(root):
        print("continuing an interrupted conversion", file=sys.stderr)
        passphrase = ask_passphrase("Passphrase chosen for this archive: ")
    else:
        passphrase = ask_new_passphrase(ENV_PASSPHRASE)
    with Interrupt() as stop, ProgressBar("encrypt") as bar:
        report = conversion.encrypt_archive(
            root,
            passphrase,
            recovery_key=args.recovery_key,
            progress=bar.update,
            cancelled=stop,
        )
    if report.recovery_key:
        print(
            "RECOVERY KEY (shown this once; write it down and keep it apart from the "
            f"laptop):\n\n    {report.recovery_key}\n"
        )
    if report.cancelled:
        print(
            f"stopped after {report.objects_encrypted} originals; run the same command again "
            "to continue (the archive opens only after the conversion finished)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(
        f"{root} is now encrypted: {report.objects_encrypted + report.objects_already} "
        f"originals, {report.thumbnails} thumbnails, {report.databases} database file(s); "
        "verified. Copies of the old plaintext may remain in the disk's free space."
    )
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    root = args.archive if args.archive is not None else default_archive_path()
    if args.action == "change":
        old = ask_passphrase("Current passphrase: ")
        new = ask_new_passphrase(ENV_NEW_PASSPHRASE)
        archive_service.change_passphrase(root, old, new)
    else:
        recovery = ask_passphrase("Recovery key: ", ENV_RECOVERY_KEY)
        new = ask_new_passphrase(ENV_NEW_PASSPHRASE)
        archive_service.reset_passphrase(root, recovery, new)
    print(f"passphrase changed for {root} (the data did not need re-encrypting)")
    return 0


def cmd_recipient(args: argparse.Namespace, archive: Archive) -> int:
    """Colleagues encrypt bundles to this key; ``import-bundle`` then opens them here."""
    identity = archive.age_identity()
    if args.json:
        print_json({"recipient": identity.recipient, "archive": str(archive.root)})
    else:
        print(identity.recipient)
    return 0
