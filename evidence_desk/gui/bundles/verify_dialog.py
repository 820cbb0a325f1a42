"""The report of a bundle check: every problem with its file, and who signed it.

Built on the shared ``ReportDialog`` so the text is selectable and "Copy all"
gives the whole report for an e-mail to the sender. The signer's fingerprint
is printed in groups of four, to be read out over the phone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.gui.shell.report_dialog import ReportDialog

if TYPE_CHECKING:
    from evidence_desk.services.bundles.verify import BundleReport


translate = QCoreApplication.translate


def headline(report: BundleReport) -> str:
    if report.cancelled:
        state = translate("BundleVerifyDialog", "Check cancelled.")
    elif report.ok:
        state = translate(
            "BundleVerifyDialog",
            "The bundle is intact: every file, checksum, custody chain and the signature "
            "check out.",
        )
    else:
        state = translate(
            "BundleVerifyDialog",
            "The bundle FAILED the check: %n problem(s).",
            None,
            len(report.problems),
        )
    signer = (
        pretty_fingerprint(report.signer_fingerprint)
        if report.signer_fingerprint
        else translate("BundleVerifyDialog", "none")
    )
    lines = [
        state,
        translate("BundleVerifyDialog", "Signed by key: %1").replace("%1", signer),
        translate(
            "BundleVerifyDialog",
            "Compare this fingerprint with the one the sender gives you by phone.",
        ),
        translate(
            "BundleVerifyDialog", "From archive: %1 (%2); profile: %3; %4 items, %5 files checked."
        )
        .replace("%1", report.archive_name or "?")
        .replace("%2", report.archive_uuid or "?")
        .replace("%3", report.profile or "?")
        .replace("%4", str(report.items))
        .replace("%5", str(report.files_checked)),
    ]
    return "\n".join(lines)


def bundle_report_dialog(report: BundleReport, parent: QWidget | None = None) -> ReportDialog:
    """A dialog naming every problem (kind, file, what is wrong)."""
    rows = [(p.kind, p.path or "", p.message) for p in report.problems]
    if not rows and report.ok:
        rows = [("ok", "", translate("BundleVerifyDialog", "No problems found."))]
    dialog = ReportDialog(
        translate("BundleVerifyDialog", "Bundle check — %1").replace("%1", report.path),
        headline(report),
        [
            translate("BundleVerifyDialog", "Problem"),
            translate("BundleVerifyDialog", "File"),
            translate("BundleVerifyDialog", "Details"),
        ],
        rows,
        parent,
    )
    dialog.setObjectName("bundleVerifyReport")
    return dialog
