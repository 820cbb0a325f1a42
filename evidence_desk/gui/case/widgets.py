"""Small pieces shared by the case-record editors.

Every editor reads and writes through the case services in the window's
background runner, so the helpers here are about that round trip: submit a
call, show a user error as a message (never a traceback), and hand the
plain-data result back on the GUI thread. The pickers (place, vocabulary
terms) load their choices the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from evidence_desk.gui.shell.tasks import Task, TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.place_records import PlaceRecord, PlaceSummary
    from evidence_desk.services.case.vocabularies import Term

ITEMS_MIME = "application/x-evidence-desk-items"


# The case interface translates under one context, "CaseUI". Call
# ``translate("CaseUI", "literal")`` so pyside6-lupdate extracts the string
# with the context used at run time (a wrapper taking only the text would
# be extracted with an empty context and never match the .ts files).
translate = QCoreApplication.translate


def ui_language() -> str:
    """The interface language (en/ru/kk), for vocabulary labels and period names."""
    from evidence_desk.gui.shell.i18n import current

    return current()


def run(
    runner: TaskRunner,
    parent: QWidget | None,
    fn: Callable[..., Any],
    *args: Any,
    on_ok: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    pool: str = "edit",
    **kwargs: Any,
) -> Task:
    """Run a service call in a worker; errors users can cause become a message box."""
    task = runner.submit(fn, *args, pool=pool, **kwargs)
    if on_ok is not None:
        task.succeeded.connect(on_ok)

    def failed(exc: BaseException) -> None:
        if on_error is not None:
            on_error(exc)
        elif parent is not None:
            QMessageBox.warning(parent, translate("CaseUI", "Evidence Desk"), error_text(exc))

    task.failed.connect(failed)
    return task


def encode_refs(refs: list[str]) -> bytes:
    """Item UUIDs for a drag: stable across threads and sessions, unlike row numbers."""
    return "\n".join(refs).encode("utf-8")


def decode_refs(data: bytes) -> list[str]:
    return [part for part in bytes(data).decode("utf-8", "replace").split("\n") if part.strip()]


class PlacePicker(QComboBox):
    """An editable choice of gazetteer places; the data of each entry is its ``PL-n`` ref."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(False)
        self.addItem(translate("CaseUI", "(none)"), None)
        self._pending: str | None = None

    def load(self, runner: TaskRunner, archive: Archive) -> Task:
        from evidence_desk.services.case import places as case_places

        return run(
            runner, self, case_places.list_places, archive, on_ok=self.set_places, pool="query"
        )

    def set_places(self, places: list[PlaceRecord]) -> None:
        current = self._pending if self._pending is not None else self.ref()
        self.blockSignals(True)
        first = self.itemText(0)
        self.clear()
        self.addItem(first, None)
        for place in sorted(places, key=lambda p: " / ".join(reversed(p.path))):
            indent = "  " * (len(place.path) - 1)
            self.addItem(f"{indent}{place_label(place, ui_language())}", place.ref)
            self.setItemData(self.count() - 1, " / ".join(place.path), Qt.ItemDataRole.ToolTipRole)
        self.blockSignals(False)
        self._pending = None
        self.set_ref(current)

    def ref(self) -> str | None:
        return self.currentData()

    def set_ref(self, ref: str | None) -> None:
        index = self.findData(ref) if ref else 0
        if ref and index < 0:
            self._pending = ref
            return
        self.setCurrentIndex(max(index, 0))

    def set_place_id(self, place: PlaceSummary | None) -> None:
        self.set_ref(f"PL-{place.id:04d}" if place else None)


class TermChecklist(QListWidget):
    """Several vocabulary terms ticked from a list, labelled in the interface language."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checked: set[str] = set()
        self.itemChanged.connect(self._on_item_changed)

    def set_terms(self, terms: list[Term], lang: str) -> None:
        self.blockSignals(True)
        self.clear()
        for term in terms:
            labels = term.labels
            text = labels.get(lang) or labels.get("en") or term.code
            if term.parent:
                text = "    " + text
            entry = QListWidgetItem(text, self)
            entry.setData(Qt.ItemDataRole.UserRole, term.code)
            entry.setToolTip(" · ".join(v for v in labels.values() if v))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if term.code in self._checked else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)

    def codes(self) -> list[str]:
        return sorted(self._checked)

    def set_codes(self, codes: list[str]) -> None:
        self._checked = set(codes)
        self.blockSignals(True)
        for row in range(self.count()):
            entry = self.item(row)
            code = entry.data(Qt.ItemDataRole.UserRole)
            entry.setCheckState(
                Qt.CheckState.Checked if code in self._checked else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)

    def check(self, code: str, on: bool = True) -> None:
        for row in range(self.count()):
            entry = self.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == code:
                entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _on_item_changed(self, entry: QListWidgetItem) -> None:
        code = entry.data(Qt.ItemDataRole.UserRole)
        if entry.checkState() == Qt.CheckState.Checked:
            self._checked.add(code)
        else:
            self._checked.discard(code)
        self.changed.emit()


def term_label(combo: QComboBox, code: str, vocabulary: str) -> str:
    """A code's label as the combo of that vocabulary shows it (the archive's own terms),
    else the shipped vocabulary's label, else the code."""
    index = combo.findData(code)
    if index >= 0 and combo.itemText(index):
        return combo.itemText(index)
    from evidence_desk.gui.shell.formatting import service_words

    return service_words().term(vocabulary, code)


def place_label(place: PlaceRecord, lang: str) -> str:
    """A place's name in ``lang`` when the gazetteer has one (Алматы / Almaty), else its name.

    A name is stored once whatever its language, so "Атырау" is tagged Russian
    only: Kazakh and Russian stand in for each other before English does.
    """
    order = {"ru": ("ru", "kk"), "kk": ("kk", "ru")}.get(lang, (lang,))
    for wanted in order:
        for name in place.names:
            if name.lang == wanted and name.name:
                return name.name
    return place.name


_DEFAULT_TITLE_WORDS = ("testimony", "incident", "person", "place")


def record_title(kind: str, ref: str, title: str) -> str:
    """A window title naming a record once: "Testimony W-0001", not "Testimony Testimony W-0001".

    Default titles already contain the kind and the code, so they are used as
    they are; other titles follow the kind and code after a dash.
    """
    title, head = " ".join((title or "").split()), f"{kind} {ref}".strip()
    bare = title.replace(ref, "").strip().casefold() if ref else title.casefold()
    # a default title ("Testimony W-0001") is stored in English: show the kind translated
    if not title or bare in ("", kind.casefold(), *_DEFAULT_TITLE_WORDS):
        return head
    if title.casefold().startswith(kind.casefold()) or (ref and ref in title):
        return title
    return f"{head} — {title}"


def fill_terms(combo: QComboBox, terms: list[Term], lang: str, blank: bool = True) -> None:
    """A single-choice combo of vocabulary terms (data = code), keeping the current choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if blank:
        combo.addItem("", None)
    for term in terms:
        labels = term.labels
        combo.addItem(labels.get(lang) or labels.get("en") or term.code, term.code)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
