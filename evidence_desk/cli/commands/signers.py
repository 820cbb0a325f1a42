"""``signers list|pin|revoke``: the keys this archive trusts to sign bundles, per sender."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.common import Command, add_command, lazy, print_json

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.bundles.signers import KnownSignerInfo

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
signing = lazy("evidence_desk.core.signing")
signers = lazy("evidence_desk.services.bundles.signers")


def register_signers(sub: Any) -> dict[str, Command]:
    help_text = "list, pin or revoke the keys trusted to sign bundles"
    parent = sub.add_parser("signers", help=help_text, description=help_text)
    actions = parent.add_subparsers(dest="action", required=True)
    p = add_command(actions, "list", "the known signers, trusted and revoked")
    p.add_argument("--json", action="store_true")
    p = add_command(actions, "pin", "trust a key for a sending archive (replaces its old key)")
    p.add_argument("fingerprint", metavar="FINGERPRINT", help="key fingerprint (hex)")
    p.add_argument("--archive-uuid", required=True, help="the sending archive's UUID")
    p.add_argument("--name", default="", help="a name for the sending archive")
    p.add_argument("--json", action="store_true")
    p = add_command(actions, "revoke", "stop trusting a key (for one or every archive)")
    p.add_argument("fingerprint", metavar="FINGERPRINT", help="key fingerprint (hex)")
    p.add_argument("--archive-uuid", default=None, help="only for this sending archive")
    p.add_argument("--json", action="store_true")
    return {"signers": Command(cmd_signers)}


def _print(rows: list[KnownSignerInfo]) -> None:
    for r in rows:
        print(f"{r.status:8} {r.archive_name or '-'} ({r.archive_uuid})")
        print(f"         key {signing.pretty_fingerprint(r.fingerprint)}")
        print(f"         since {r.status_changed_at}: {r.note}")


def cmd_signers(args: argparse.Namespace, archive: Archive) -> int:
    if args.action == "list":
        rows = signers.list_signers(archive)
    elif args.action == "pin":
        rows = [signers.pin(archive, args.archive_uuid, args.fingerprint, name=args.name)]
    else:
        rows = signers.revoke(archive, args.fingerprint, archive_uuid=args.archive_uuid)
    if args.json:
        print_json(rows)
    else:
        _print(rows)
        if args.action == "list":
            print(f"{len(rows)} known signers")
    return 0
