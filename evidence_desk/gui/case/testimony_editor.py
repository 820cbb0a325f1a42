"""The testimony editor: form, statement and translation, consent, identity, history.

The witness is shown by code and pseudonym; the real identity sits in a
collapsed section that only opens through "Reveal…", which asks for a
reason and calls ``reveal_identity`` (a custody event). Saving is explicit
and runs in the edit pool: form fields through ``update_testimony``, each
changed text through ``set_text`` (a new version; the old one stays).
Attachments and the statement's version history are in
``case_testimony_parts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.form_undo import FormUndo
from evidence_desk.gui.case.testimony_parts import AttachmentsBox, VersionsBox
from evidence_desk.gui.case.widgets import (
    PlacePicker,
    fill_terms,
    record_title,
    run,
    select_data,
    translate,
    ui_language,
)
from evidence_desk.gui.shell.formatting import SENSITIVITIES, sensitivity_label
from evidence_desk.gui.shell.hooks import Change
from evidence_desk.gui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.testimony_records import Identity, TestimonyRecord

LANGUAGES = ("ru", "kk", "en", "uz", "ky")
IDENTITY_FIELDS = ("real_name", "contact", "notes")


def _save(
    archive: Archive,
    ref: str | None,
    form: dict[str, Any],
    texts: dict[str, str],
    identity: dict[str, str] | None,
) -> TestimonyRecord:
    """One worker call: create, or update the form and add text versions that changed."""
    from evidence_desk.services.case import testimonies as ct
    from evidence_desk.services.case import testimony_privacy as privacy

    if ref is None:
        code = form.pop("witness_code", None)
        created = ct.add_testimony(archive, witness_code=code, identity=identity, **texts, **form)
        return ct.get_testimony(archive, created.exhibit)
    form.pop("witness_code", None)
    ct.update_testimony(archive, ref, **form)
    current = ct.get_testimony(archive, ref)
    for field, text in texts.items():
        if text != (getattr(current, field) or ""):
            ct.set_text(archive, ref, text, field=field)
    if identity is not None:
        privacy.set_identity(archive, ref, **identity)
    return ct.get_testimony(archive, ref)


class TestimonyEditor(QDialog):
    """Create (``ref=None``) or edit a testimony; ``saved`` carries its item id."""

    saved = Signal(int)
    showItemRequested = Signal(int)
    changes = Change.CASE_RECORDS | Change.ITEM_SET  # a testimony is a catalogue item too

    def __init__(
        self,
        runner: TaskRunner,
        archive: Archive,
        ref: str | None = None,
        parent: QWidget | None = None,
        selection: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseTestimonyEditor")
        self.runner, self.archive, self.ref = runner, archive, ref
        self.data: TestimonyRecord | None = None
        self.identity_revealed = ref is None
        self.busy = False
        self.setWindowTitle(
            translate("CaseUI", "New Testimony")
            if ref is None
            else translate("CaseUI", "Testimony")
        )
        self.undo = FormUndo(self)
        self._build(selection)
        self.resize(900, 720)
        lang = ui_language()
        from evidence_desk.services.case import vocabularies as cv

        run(
            runner,
            self,
            cv.list_terms,
            archive,
            "consent_methods",
            pool="query",
            on_ok=lambda rows: fill_terms(self.consent_method, rows, lang),
        )
        self.place.load(runner, archive)
        if ref is not None:
            self.reload()

    # Layout

    def _build(self, selection: Any) -> None:
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(translate("CaseUI", "automatic (W-0001, …)"))
        self.pseudonym = QLineEdit(self)
        self.interviewer = QLineEdit(self)
        self.interview_date = QLineEdit(self)
        self.interview_date.setPlaceholderText("2022-01-12 / 2022-01-12T15:30")
        self.place = PlacePicker(self)
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(LANGUAGES)
        self.translation_language = QComboBox(self)
        self.translation_language.setEditable(True)
        self.translation_language.addItems(("en", *LANGUAGES))
        self.sensitivity = QComboBox(self)
        for value in SENSITIVITIES:
            self.sensitivity.addItem(sensitivity_label(value), value)
        self.sensitivity.setCurrentIndex(self.sensitivity.findData("confidential"))
        form = QFormLayout()
        form.addRow(translate("CaseUI", "Witness code"), self.code)
        form.addRow(translate("CaseUI", "Pseudonym"), self.pseudonym)
        form.addRow(translate("CaseUI", "Interviewer"), self.interviewer)
        form.addRow(translate("CaseUI", "Interview date"), self.interview_date)
        form.addRow(translate("CaseUI", "Interview place"), self.place)
        form.addRow(translate("CaseUI", "Language"), self.language)
        form.addRow(translate("CaseUI", "Sensitivity"), self.sensitivity)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self._identity_box())
        left_layout.addWidget(self._consent_box())
        self.risk_notes = QPlainTextEdit(self)
        self.risk_notes.setPlaceholderText(
            translate("CaseUI", "Risks to the witness and precautions")
        )
        self.risk_notes.setMaximumHeight(80)
        left_layout.addWidget(QLabel(translate("CaseUI", "Risk notes"), self))
        left_layout.addWidget(self.risk_notes)
        left_layout.addStretch(1)

        self.statement = QPlainTextEdit(self)
        self.statement.setPlaceholderText(
            translate("CaseUI", "The statement, as the witness gave it")
        )
        self.translation = QPlainTextEdit(self)
        translation_page = QWidget(self)
        tl = QVBoxLayout(translation_page)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("CaseUI", "Translation language"), self))
        row.addWidget(self.translation_language)
        row.addStretch(1)
        tl.addLayout(row)
        tl.addWidget(self.translation, 1)
        self.attachments = AttachmentsBox(self.runner, self.archive, selection, self)
        self.attachments.showItemRequested.connect(self.showItemRequested)
        self.versions = VersionsBox(self.runner, self.archive, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.statement, translate("CaseUI", "Statement"))
        self.tabs.addTab(translation_page, translate("CaseUI", "Translation"))
        self.tabs.addTab(self.attachments, translate("CaseUI", "Attachments"))
        self.tabs.addTab(self.versions, translate("CaseUI", "History"))
        body = QHBoxLayout()
        body.addWidget(left, 2)
        body.addWidget(self.tabs, 3)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            translate("CaseUI", "Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        self.undo_button = QPushButton(translate("CaseUI", "Undo"), self)
        self.undo_button.clicked.connect(self.undo.stack.undo)
        self.undo.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.status = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        for widget, name in self._watched():
            self.undo.watch(widget, name)

    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(translate("CaseUI", "Protected identity"), self)
        self.identity_fields = {name: QLineEdit(box) for name in IDENTITY_FIELDS}
        self.identity_form = QWidget(box)
        form = QFormLayout(self.identity_form)
        form.setContentsMargins(0, 0, 0, 0)
        labels = {
            "real_name": translate("CaseUI", "Real name"),
            "contact": translate("CaseUI", "Contact"),
            "notes": translate("CaseUI", "Notes"),
        }
        for name, field in self.identity_fields.items():
            form.addRow(labels[name], field)
        self.identity_note = QLabel(
            translate(
                "CaseUI", "Hidden. Revealing it is recorded in the custody log with your reason."
            ),
            box,
        )
        self.identity_note.setWordWrap(True)
        self.reveal_button = QPushButton(translate("CaseUI", "Reveal…"), box)
        self.reveal_button.clicked.connect(self.ask_reveal)
        layout = QVBoxLayout(box)
        layout.addWidget(self.identity_note)
        layout.addWidget(self.reveal_button)
        layout.addWidget(self.identity_form)
        self._show_identity(self.identity_revealed)
        return box

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(translate("CaseUI", "Consent"), self)
        self.consent = {
            "consent_court": QCheckBox(translate("CaseUI", "Court"), box),
            "consent_advocacy": QCheckBox(translate("CaseUI", "Advocacy"), box),
            "consent_publication": QCheckBox(translate("CaseUI", "Publication"), box),
        }
        self.anonymity = QCheckBox(translate("CaseUI", "Anonymity requested"), box)
        self.anonymity.setChecked(True)
        self.consent_date = QLineEdit(box)
        self.consent_date.setPlaceholderText("2022-01-12")
        self.consent_method = QComboBox(box)
        scope = QHBoxLayout()
        for check in self.consent.values():
            scope.addWidget(check)
        form = QFormLayout(box)
        form.addRow(translate("CaseUI", "Scope"), scope)
        form.addRow("", self.anonymity)
        form.addRow(translate("CaseUI", "Date"), self.consent_date)
        form.addRow(translate("CaseUI", "How given"), self.consent_method)
        return box

    def _watched(self) -> list[tuple[QWidget, str]]:
        return [
            (self.pseudonym, translate("CaseUI", "pseudonym")),
            (self.interviewer, translate("CaseUI", "interviewer")),
            (self.interview_date, translate("CaseUI", "interview date")),
            (self.place, translate("CaseUI", "interview place")),
            (self.sensitivity, translate("CaseUI", "sensitivity")),
            (self.consent_date, translate("CaseUI", "consent date")),
            (self.consent_method, translate("CaseUI", "consent method")),
            (self.anonymity, translate("CaseUI", "anonymity")),
            *((check, check.text()) for check in self.consent.values()),
        ]

    def _show_identity(self, shown: bool) -> None:
        self.identity_form.setVisible(shown)
        self.reveal_button.setVisible(not shown)
        self.identity_note.setVisible(not shown)

    # Data

    def reload(self) -> None:
        from evidence_desk.services.case import testimonies as case_testimonies

        run(
            self.runner,
            self,
            case_testimonies.get_testimony,
            self.archive,
            self.ref,
            on_ok=self._show,
            pool="query",
        )

    def _show(self, data: TestimonyRecord) -> None:
        self.data = data
        self.ref = data.exhibit
        self.setWindowTitle(
            record_title(translate("CaseUI", "Testimony"), data.witness_code, data.title)
        )
        self.code.setText(data.witness_code)
        self.code.setReadOnly(True)
        self.pseudonym.setText(data.pseudonym or "")
        self.interviewer.setText(data.interviewer or "")
        self.interview_date.setText(data.interview_date or "")
        place = data.interview_place
        self.place.set_ref(f"PL-{place.id:04d}" if place else None)
        self.language.setCurrentText(data.language or "")
        self.translation_language.setCurrentText(data.translation_language or "")
        self.sensitivity.setCurrentIndex(self.sensitivity.findData(data.sensitivity))
        consent = data.consent
        for key, check in self.consent.items():
            check.setChecked(bool(getattr(consent, key.removeprefix("consent_"))))
        self.anonymity.setChecked(bool(consent.anonymity_requested))
        self.consent_date.setText(consent.date or "")
        select_data(self.consent_method, consent.method)
        self.risk_notes.setPlainText(data.risk_notes or "")
        self.statement.setPlainText(data.statement or "")
        self.translation.setPlainText(data.translation or "")
        self.attachments.set_testimony(data.exhibit, data.attachments)
        self.versions.set_testimony(data.exhibit, data.versions or [])
        self.undo.reset([w for w, _ in self._watched()])
        recorded = (
            translate("CaseUI", "recorded")
            if data.identity_recorded
            else translate("CaseUI", "not recorded")
        )
        self.identity_note.setText(
            translate(
                "CaseUI",
                "Hidden (%1). Revealing it is recorded in the custody log with your reason.",
            ).replace("%1", recorded)
        )

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "pseudonym": self.pseudonym.text(),
            "interviewer": self.interviewer.text(),
            "interview_date": self.interview_date.text().strip() or None,
            "interview_place": self.place.ref(),
            "language": self.language.currentText(),
            "translation_language": self.translation_language.currentText(),
            "sensitivity": self.sensitivity.currentData(),
            "anonymity_requested": self.anonymity.isChecked(),
            "consent_date": self.consent_date.text().strip() or None,
            "consent_method": self.consent_method.currentData() or "",
            "risk_notes": self.risk_notes.toPlainText(),
        }
        values.update({key: check.isChecked() for key, check in self.consent.items()})
        if self.ref is None:
            values["witness_code"] = self.code.text().strip() or None
        return values

    def identity_values(self) -> dict[str, str] | None:
        if not self.identity_revealed:
            return None
        values = {name: field.text().strip() for name, field in self.identity_fields.items()}
        return values if any(values.values()) or self.ref is not None else None

    def save(self) -> Any:
        if self.busy:
            return None
        self.busy = True
        self.save_button.setEnabled(False)
        self.status.setText(translate("CaseUI", "Saving…"))
        texts = {
            "statement": self.statement.toPlainText(),
            "translation": self.translation.toPlainText(),
        }

        def done(data: TestimonyRecord) -> None:
            self._finish()
            self._show(data)
            self.status.setText(translate("CaseUI", "Saved."))
            self.saved.emit(data.item_id)

        return run(
            self.runner,
            self,
            _save,
            self.archive,
            self.ref,
            self.form_values(),
            texts,
            self.identity_values(),
            on_ok=done,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from evidence_desk.gui.shell.tasks import error_text

        self._finish()
        self.status.setText(error_text(exc))

    def _finish(self) -> None:
        self.busy = False
        self.save_button.setEnabled(True)

    # Identity

    def ask_reveal(self) -> QInputDialog | None:
        """Ask why; only a non-empty reason reveals (and is logged)."""
        if self.ref is None:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("revealReasonDialog")
        dialog.setWindowTitle(translate("CaseUI", "Reveal identity"))
        dialog.setLabelText(
            translate("CaseUI", "Why do you need the witness's real identity? This is logged.")
        )
        dialog.textValueSelected.connect(self.reveal)
        dialog.open()
        return dialog

    def reveal(self, reason: str) -> Any:
        from evidence_desk.services.case import testimony_privacy as case_testimony_privacy

        if not reason.strip():
            self.status.setText(translate("CaseUI", "A reason is required to reveal the identity."))
            return None

        def shown(identity: Identity | None) -> None:
            for name, field in self.identity_fields.items():
                field.setText(getattr(identity, name) if identity else "")
            self.identity_revealed = True
            self._show_identity(True)
            self.status.setText(translate("CaseUI", "Identity revealed; the reveal was logged."))

        return run(
            self.runner,
            self,
            case_testimony_privacy.reveal_identity,
            self.archive,
            self.ref,
            reason.strip(),
            on_ok=shown,
        )
