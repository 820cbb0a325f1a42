"""Screenshots of the bundle dialogs for docs/screenshots/bundle-*.png.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_bundle.py``.
Builds a throwaway archive with two photos, an incident and a testimony, and
grabs each dialog with ``widget.grab()`` — what a user would see.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from evidence_desk.gui.bundles.export_dialog import BundleExportDialog  # noqa: E402
from evidence_desk.gui.bundles.importing import ImportPreviewDialog, import_summary, run_preview  # noqa: E402
from evidence_desk.gui.bundles.verify_dialog import bundle_report_dialog  # noqa: E402
from evidence_desk.services.archive.archive import create_archive  # noqa: E402
from evidence_desk.services.bundles.export import export_bundle  # noqa: E402
from evidence_desk.services.bundles.importing import import_bundle  # noqa: E402
from evidence_desk.services.bundles.verify import verify_bundle  # noqa: E402
from evidence_desk.services.case import incidents as case_incidents  # noqa: E402
from evidence_desk.services.case import testimonies as case_testimonies  # noqa: E402
from evidence_desk.services.intake.ingest import Provenance, ingest  # noqa: E402
from tests import media  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


SUFFIX = ""


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"bundle-{name}{SUFFIX}.png"))
    widget.close()


def main() -> None:
    global SUFFIX
    import argparse

    parser = argparse.ArgumentParser(description="Bundle dialogs into docs/screenshots/.")
    parser.add_argument("--language", choices=("en", "ru", "kk"), default="en")
    language = parser.parse_args().language
    SUFFIX = "" if language == "en" else f"-{language}"
    app = QApplication.instance() or QApplication([])
    from evidence_desk.gui.shell import i18n

    i18n.install(language)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bundle-shots-"))
    archive = create_archive(tmp / "archive", "Zhanaozen documentation")
    media.make_jpeg(tmp / "square.jpg", color=(200, 60, 40))
    media.make_jpeg(tmp / "street.jpg", color=(40, 60, 200))
    report = ingest(archive, [tmp / "square.jpg", tmp / "street.jpg"],
                    provenance=Provenance("Volunteer"))  # fmt: skip
    exhibits = [r.exhibit for r in report.results]
    case_testimonies.add_testimony(archive, witness_code="W-0001", statement="I saw it.",
                                   pseudonym="Bota", consent_court=True)  # fmt: skip
    incident = case_incidents.add_incident(archive, "Shooting in Zhanaozen", start="2011-12-16",
                                           place="Zhanaozen")  # fmt: skip
    case_incidents.link_items(archive, incident["ref"], [*exhibits, "W-0001"])

    dialog = BundleExportDialog([1], [1, 2], default_folder=tmp)
    dialog.set_incidents(case_incidents.incident_rows(archive))
    save(dialog, "export-full")
    dialog = BundleExportDialog([1], [1, 2], default_folder=tmp)
    dialog.set_incidents(case_incidents.incident_rows(archive))
    dialog.scope_incident.setChecked(True)
    dialog.profile_redacted.setChecked(True)
    dialog.as_zip.setChecked(True)
    save(dialog, "export-redacted")

    export_bundle(archive, None, incident=incident["ref"], out=tmp / "bundle")
    save(bundle_report_dialog(verify_bundle(tmp / "bundle")), "verify-ok")
    objects = sorted((tmp / "bundle" / "data" / "objects").iterdir())
    data = bytearray(objects[0].read_bytes())
    data[-10] ^= 0xFF  # one changed byte, same size
    objects[0].write_bytes(bytes(data))
    save(bundle_report_dialog(verify_bundle(tmp / "bundle")), "verify-tampered")

    export_bundle(archive, None, incident=incident["ref"], out=tmp / "clean.zip", zip=True)
    receiver = create_archive(tmp / "receiver", "Partner archive")
    save(ImportPreviewDialog(run_preview(receiver, tmp / "clean.zip")), "import-preview")
    save(import_summary(import_bundle(receiver, tmp / "clean.zip")), "import-summary")
    receiver.close()
    archive.close()
    app.quit()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
