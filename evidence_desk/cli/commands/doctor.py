"""``evidence-desk doctor``: report the archive's health, repair what is safe.

It opens even an archive whose database will not open, so it is the way out
the other commands point to.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from evidence_desk.cli.common import Command, add_command, passphrase_source, print_json
from evidence_desk.services.archive.location import default_archive_path

EXIT_PROBLEMS = 1


def register(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "doctor", "check the archive's health and repair what is safe")
    p.add_argument("--repair", action="store_true", help="fix what can be fixed safely")
    p.add_argument(
        "--restore-backup",
        nargs="?",
        const="newest",
        default=None,
        metavar="BACKUP",
        help="replace a damaged or lost database with a backup (default: the newest good one)",
    )
    p.add_argument(
        "--reanchor",
        action="store_true",
        help="write a new custody checkpoint for the log as it is (recorded in custody)",
    )
    p.add_argument("--json", action="store_true")
    return {"doctor": Command(cmd_doctor, needs_archive=False)}


def cmd_doctor(args: argparse.Namespace) -> int:
    from evidence_desk.services.archive import doctor  # the database layer: only when run

    root = args.archive if args.archive is not None else default_archive_path()
    passphrase = passphrase_source()  # an encrypted archive's: asked once for every step

    if args.restore_backup is not None:
        chosen = None if args.restore_backup == "newest" else Path(args.restore_backup)
        done = doctor.restore_backup(root, chosen, passphrase=passphrase)
        print(f"restored the database from {done.backup} ({done.items} items)")
        if done.set_aside:
            print(f"the previous database is kept as {done.set_aside}")
        if done.unrecorded_objects:
            print(
                f"{done.unrecorded_objects} object(s) in the store are not in the restored "
                "catalogue (stored after that backup): ingest their sources again"
            )
    if args.reanchor:
        head = doctor.reanchor(root, passphrase=passphrase)
        print(f"custody checkpoint re-anchored at {head.events} events (head {head.head[:16]}…)")
    report = doctor.diagnose(root, repair=args.repair, passphrase=passphrase)
    if args.json:
        print_json(
            {
                "archive": str(report.root),
                "ok": report.ok,
                "checks": [c.__dict__ for c in report.checks],
            }
        )
    else:
        for check in report.checks:
            state = "repaired" if check.repaired else ("ok" if check.ok else "PROBLEM")
            print(f"{state:9} {check.name:17} {check.message}")
        print("healthy" if report.ok else "problems found (see above)")
    return 0 if report.ok else EXIT_PROBLEMS
