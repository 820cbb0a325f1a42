"""Screenshots of the encryption dialogs for docs/screenshots/crypto-*.png.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_crypto.py``
(or under ``xvfb-run``); ``--language ru`` or ``kk`` writes ``crypto-*-ru.png`` and so on.
Uses a throwaway settings folder and archive, so the user's address book and
recent archives are not touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = Path(tempfile.mkdtemp(prefix="crypto-shots-"))
os.environ["EVIDENCE_DESK_CONFIG_DIR"] = str(TMP / "config")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from evidence_desk.core.crypto.recipients import generate_identity  # noqa: E402
from evidence_desk.gui.bundles.export_dialog import BundleExportDialog  # noqa: E402
from evidence_desk.gui.shell import i18n  # noqa: E402
from evidence_desk.gui.shell.encryption import resume_box  # noqa: E402
from evidence_desk.gui.shell.lock import NewPassphraseDialog, PassphraseDialog  # noqa: E402
from evidence_desk.gui.shell.new_archive_dialog import NewArchiveDialog  # noqa: E402
from evidence_desk.gui.shell.preferences import PreferencesDialog  # noqa: E402
from evidence_desk.services.archive.settings import Settings  # noqa: E402
from evidence_desk.services.bundles.recipients import add_recipient  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SUFFIX = ""


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"crypto-{name}{SUFFIX}.png"))
    widget.close()


def main() -> None:
    global SUFFIX
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "ru", "kk"), default="en")
    language = parser.parse_args().language
    SUFFIX = "" if language == "en" else f"-{language}"
    app = QApplication.instance() or QApplication([])
    i18n.install(language)
    OUT.mkdir(parents=True, exist_ok=True)
    root = TMP / "almaty-2022"
    save(PassphraseDialog(root), "unlock")
    wrong = QApplication.translate("ArchiveLock", "Wrong passphrase; try again.")
    dialog = PassphraseDialog(root, wrong)
    dialog.field.setText("x" * 14)
    save(dialog, "unlock-wrong")
    new = NewArchiveDialog(TMP)
    new.name.setText("Almaty January 2022")
    new.encrypt.setChecked(True)
    new.passphrase.setText("x" * 24)
    new.repeat.setText("x" * 24)
    new.recovery.setChecked(True)
    save(new, "new-archive")
    change = NewPassphraseDialog(new_archive=False)
    save(change, "change-passphrase")
    save(NewPassphraseDialog(new_archive=True, convert=True), "encrypt-existing")
    add_recipient("Lawyer, Almaty bar", generate_identity().recipient)
    add_recipient("Partner archive (Bishkek)", generate_identity().recipient)
    export = BundleExportDialog([1], [1, 2], default_folder=TMP)
    export.set_incidents([])
    export.recipients.list.item(0).setCheckState(Qt.CheckState.Checked)
    export.resize(640, export.sizeHint().height())
    save(export, "export-recipients")
    box, _finish = resume_box(None, root)
    save(box, "resume-encryption")
    settings = Settings(collector="Researcher One", auto_lock_minutes=10)
    save(PreferencesDialog(settings), "preferences")
    app.quit()


if __name__ == "__main__":
    main()
