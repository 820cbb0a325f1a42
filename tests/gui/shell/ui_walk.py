"""Open every window and dialog of the desktop application and collect the visible text.

Used by the language test (no English left in Russian and Kazakh) and handy
for looking at a language by hand: ``visible_texts(widget)`` lists what a
person can read in ``widget`` and its children, with where it was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

_TAGS = re.compile(r"<[^>]+>")


def _clean(text: str) -> str:
    text = _TAGS.sub(" ", text or "").replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} > {action.text()}")
        elif not action.isSeparator():
            yield f"{where} > action", action.text()
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                yield f"{where} > tooltip", action.toolTip()


def _model_texts(view: QAbstractItemView, where: str, rows: int = 30) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    root = QModelIndex()
    columns = 1 if isinstance(view, QListView) else model.columnCount(root)
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield f"{where} header", header
    if isinstance(view, QTreeWidget | QListWidget):
        for row in range(min(model.rowCount(root), rows)):
            for column in range(columns):
                value = model.index(row, column).data()
                if isinstance(value, str):
                    yield f"{where} cell", value


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for each piece of interface text in ``root``, without HTML or accelerators."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        text = _clean(text)
        if text:
            found.append((where, text))

    add(f"{type(root).__name__} title", root.windowTitle())
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            if action.menu() is not None:
                for where, text in _menu_texts(action.menu(), "menu"):
                    add(where, text)
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QMenu) or widget.window() is not root and widget is not root:
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.toolTip():
            add(f"{name} tooltip", widget.toolTip())
        if isinstance(widget, QLabel):
            add(name, widget.text())
        elif isinstance(widget, QAbstractButton):
            add(name, widget.text())
        elif isinstance(widget, QGroupBox):
            add(name, widget.title())
        elif isinstance(widget, QDockWidget):
            add(name, widget.windowTitle())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(f"{name} tab", widget.tabText(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{name} item", widget.itemText(i))
            if widget.lineEdit() is not None:
                add(f"{name} placeholder", widget.lineEdit().placeholderText())
        elif isinstance(widget, QLineEdit):
            add(f"{name} placeholder", widget.placeholderText())
        elif isinstance(widget, QPlainTextEdit):
            add(f"{name} placeholder", widget.placeholderText())
        elif isinstance(widget, QTextBrowser):
            for line in widget.toPlainText().splitlines():
                add(name, line)
        if isinstance(widget, QAbstractItemView):
            for where, text in _model_texts(widget, name):
                add(where, text)
    return found


def sample_case(archive: Any, folder: Path) -> dict[str, Any]:
    """Records of every kind, so each editor and list has something to show."""
    from evidence_desk.services.case import incidents as case_incidents
    from evidence_desk.services.case import persons as case_persons
    from evidence_desk.services.case import testimonies as case_testimonies

    person = case_persons.add_person(archive, ["Серик Ахметов"], sensitive=True)
    case_persons.add_status(archive, person.ref, "detained", started="2022-01-06")
    incident = case_incidents.add_incident(
        archive, "Задержание у акимата", start="2022-01-05T18:00+06:00", violations=["killing"]
    )
    case_incidents.add_person(archive, incident.ref, person.ref, "victim")
    testimony = case_testimonies.add_testimony(archive, statement="Я видела задержание.")
    return {"person": person, "incident": incident, "testimony": testimony}


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def open_everything(qtbot: Any, window: Any, case: dict[str, Any]) -> list[QWidget]:
    """Every dialog and editor the main window can open, opened (the caller closes them)."""
    from evidence_desk.gui.shell.new_archive_dialog import NewArchiveDialog

    opened: list[QWidget] = []
    ui = window.case_ui
    opened.append(window.show_preferences())
    opened.append(NewArchiveDialog(Path.home(), window))
    opened.append(window.add_tags() or window._ask_tags(remove=False))
    opened.append(window.remove_selected())
    opened.append(window.bundle_ui.export_bundle())
    opened.append(ui.new_testimony(case["testimony"].exhibit))
    opened.append(ui.new_testimony())
    opened.append(ui.open_record("incident", case["incident"].ref))
    opened.append(ui.open_record("person", case["person"].ref))
    opened.append(ui.open_record("place", None))
    opened.append(ui.show_vocabularies())
    opened.append(ui.show_periods())
    opened.append(ui.show_clock_correction())
    loaded = {  # what each editor shows once its worker has answered
        "TestimonyEditor": lambda w: w.ref is None or w.data is not None,
        "IncidentEditor": lambda w: w.data is not None and w.role_pick.count() > 0,
        "PersonEditor": lambda w: w.statuses.count() > 0 and w.status_pick.count() > 0,
        "VocabularyEditor": lambda w: w.table.rowCount() > 0,
        "PeriodEditor": lambda w: w.list.count() > 0,
    }
    for widget in opened:
        check = loaded.get(type(widget).__name__)
        if check is not None:
            qtbot.waitUntil(lambda w=widget, c=check: c(w), timeout=30_000)
    opened.append(window.importer.request_import([Path.home()]))
    if case.get("import_report") is not None:
        from evidence_desk.gui.shell.report_dialog import import_summary

        opened.append(import_summary(case["import_report"], window))
    window.start_verify()
    qtbot.waitUntil(lambda: window.verifier.report_dialog is not None, timeout=30_000)
    opened.append(window.verifier.report_dialog)
    window.verifier.report_dialog = None
    from evidence_desk.gui.shell.doctor_dialog import open_doctor

    doctor = open_doctor(window)
    assert doctor is not None
    qtbot.waitUntil(lambda: doctor.report is not None, timeout=30_000)
    opened.append(doctor)
    return [w for w in opened if isinstance(w, QDialog | QWidget)]
