"""``signers list|pin|revoke``: the keys this archive trusts to sign bundles, per sender."""

from __future__ import annotations

import argparse
from typing import Any

from evidence_desk.cli.common import Command, add_command, print_json
from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.services import signers
from evidence_desk.services.archive import Archive


def register_signers(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "signers", "list, pin or revoke the keys trusted to sign bundles")
    p.add_argument("action", choices=("list", "pin", "revoke"))
    p.add_argument("fingerprint", nargs="?", metavar="FINGERPRINT", help="key fingerprint (hex)")
    p.add_argument("--archive-uuid", default=None, help="the sending archive's UUID")
    p.add_argument("--name", default="", help="a name for the sending archive (pin)")
    p.add_argument("--json", action="store_true")
    return {"signers": Command(cmd_signers)}


def _print(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        print(f"{r['status']:8} {r['archive_name'] or '-'} ({r['archive_uuid']})")
        print(f"         key {pretty_fingerprint(r['fingerprint'])}")
        print(f"         since {r['status_changed_at']}: {r['note']}")


def cmd_signers(args: argparse.Namespace, archive: Archive) -> int:
    if args.action == "list":
        rows = signers.list_signers(archive)
    elif args.fingerprint is None:
        raise signers.SignerError(f"signers {args.action} needs the key FINGERPRINT")
    elif args.action == "pin":
        if not args.archive_uuid:
            raise signers.SignerError("signers pin needs --archive-uuid of the sending archive")
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
