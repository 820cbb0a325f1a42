"""``evidence-desk ingest``: files and folders into the archive, with a report per file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.commands import messages as chat_exports
from evidence_desk.cli.common import Interrupt, lazy, print_json
from evidence_desk.cli.progress import ProgressBar
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake import importers

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.intake.ingest import IngestReport
    from evidence_desk.services.intake.prestage import Prestager

ingest_service = lazy("evidence_desk.services.intake.ingest")
prestage = lazy("evidence_desk.services.intake.prestage")

EXIT_PROBLEMS = 1
EXIT_ERROR = 2


def early_copies(args: argparse.Namespace, root: Path) -> Prestager | None:
    """Big files start copying while the archive opens (services/intake/prestage.py)."""
    result: Prestager | None = prestage.start(root, args.paths)
    return result


def _valid_date(text: str | None) -> str | None:
    if text is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise EvidenceDeskError(
            f"--acquired must be a date like 2022-01-07, not {text!r}"
        ) from None


def cmd_ingest(args: argparse.Namespace, archive: Archive) -> int:
    if getattr(args, "early", None) is not None:
        archive.adopt_early_work(args.early)
    provenance = ingest_service.Provenance(
        received_from=args.received_from,
        method=args.method,
        collector=args.collector,
        acquired_at=_valid_date(args.acquired),
        notes=args.note,
    )
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        raise EvidenceDeskError(f"no such file or folder: {missing[0]} (nothing was ingested)")
    zone = chat_exports.stated_zone(args.timezone)
    done: list[Any] = []
    fallback: list[Any] = []
    report: IngestReport | None = None
    with Interrupt() as stop, ProgressBar("ingest") as bar:
        for importer, group in importers.route(args.paths):
            options = chat_exports.options_for(importer.name, zone, args.date_order)
            if importer.name == "files":
                options["background"] = False  # no window to keep responsive: full-speed workers
            outcome = importer.run(
                archive,
                group,
                provenance=provenance,
                progress=bar.update,
                cancelled=stop,
                **options,
            )
            if isinstance(outcome, ingest_service.IngestReport):
                report = outcome
            else:
                exports, files = chat_exports.exports_of(outcome)
                done += exports
                fallback += files
    if report is None:
        report = ingest_service.IngestReport(batch_uuid="", cancelled=stop())
    report.results += fallback
    if args.json:
        print_json(
            {
                "batch": report.batch_uuid,
                "cancelled": report.cancelled,
                "aborted": report.aborted,
                "new": len(report.new),
                "duplicates": len(report.duplicates),
                "failed": len(report.failed),
                "skipped": len(report.skipped),
                "files": [r.__dict__ for r in report.results],
                "exports": [chat_exports.export_json(d) for d in done],
            }
        )
    else:
        chat_exports.print_exports(done)
        for r in report.results:
            label = {
                "new": "new",
                "duplicate": "duplicate",
                "failed": "FAILED",
                "skipped": "skipped",
            }[r.status]
            head = f"{label:9} {r.exhibit or '-':10} {r.path}"
            print(head)
            for msg in r.messages:
                print(f"          ! {msg}")
        print(
            f"{len(report.new)} new, {len(report.duplicates)} duplicates, "
            f"{len(report.failed)} failed, {len(report.skipped)} skipped"
        )
        if report.cancelled:
            print("ingest cancelled: the files listed above are safely in the archive")
    if report.aborted:
        print(f"evidence-desk: {report.aborted}", file=sys.stderr)
        return EXIT_ERROR
    return 0 if report.ok and chat_exports.exports_ok(done) else EXIT_PROBLEMS
