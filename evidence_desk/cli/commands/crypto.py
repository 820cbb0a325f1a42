"""``passphrase change|reset`` and ``recipient``: keys of an encrypted archive.

Passphrases never come from arguments (other users could read them in the
process list): a prompt that does not echo, or an environment variable for
scripts — EVIDENCE_DESK_PASSPHRASE for the current one,
EVIDENCE_DESK_NEW_PASSPHRASE for the new one, EVIDENCE_DESK_RECOVERY_KEY.
"""

from __future__ import annotations

import argparse
from typing import Any

from evidence_desk.cli.common import (
    ENV_NEW_PASSPHRASE,
    Command,
    add_command,
    ask_new_passphrase,
    ask_passphrase,
    print_json,
)
from evidence_desk.services.archive.archive import (
    Archive,
    change_passphrase,
    default_archive_path,
    reset_passphrase,
)

ENV_RECOVERY_KEY = "EVIDENCE_DESK_RECOVERY_KEY"


def register(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "passphrase", "change an encrypted archive's passphrase")
    p.add_argument(
        "action",
        choices=("change", "reset"),
        help="change: from the current passphrase; reset: with the recovery key",
    )
    p = add_command(sub, "recipient", "print this archive's age public key")
    p.add_argument("--json", action="store_true")
    return {
        "passphrase": Command(cmd_passphrase, needs_archive=False),
        "recipient": Command(cmd_recipient),
    }


def cmd_passphrase(args: argparse.Namespace) -> int:
    root = args.archive if args.archive is not None else default_archive_path()
    if args.action == "change":
        old = ask_passphrase("Current passphrase: ")
        new = ask_new_passphrase(ENV_NEW_PASSPHRASE)
        change_passphrase(root, old, new)
    else:
        recovery = ask_passphrase("Recovery key: ", ENV_RECOVERY_KEY)
        new = ask_new_passphrase(ENV_NEW_PASSPHRASE)
        reset_passphrase(root, recovery, new)
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
