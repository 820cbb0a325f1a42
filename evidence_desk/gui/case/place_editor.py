"""The place editor: a gazetteer entry with name variants, coordinates and parent.

Variants are one per line as ``name | language`` (en, ru, kk, lat), so
Almaty / Алматы / Almaty sit together and searches fold them into one
place. "Match Items by GPS…" runs ``match_items_by_gps`` over the whole
catalogue in the long pool (it can touch many items) and reports how many
items got a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import (
    PlacePicker,
    fill_terms,
    record_title,
    run,
    select_data,
    translate,
    ui_language,
)
from evidence_desk.gui.shell.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.place_records import PlaceRecord


def parse_variants(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        name, _, lang = line.partition("|")
        if name.strip():
            out.append((name.strip(), lang.strip()))
    return out


def _save(
    archive: Archive, ref: str | None, fields: dict[str, Any], variants: list[tuple[str, str]]
) -> PlaceRecord:
    from evidence_desk.services.case import places as cp

    if ref is None:
        name = fields.pop("name")
        fields.pop("code", None)
        return cp.add_place(archive, name, variants=variants, **fields)
    place = cp.update_place(archive, ref, **fields)
    have = {n.name for n in place.names}
    for name, lang in variants:
        if name not in have:
            cp.add_name(archive, ref, name, lang)
    wanted = {name for name, _ in variants} | {place.name}
    for name in have - wanted:
        cp.remove_name(archive, ref, name)
    return cp.get_place(archive, ref)


def _match(archive: Archive) -> int:
    from evidence_desk.services.case import places as case_places

    return len(case_places.match_items_by_gps(archive))


class PlaceEditor(QDialog):
    saved = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        archive: Archive,
        ref: str | None = None,
        parent: QWidget | None = None,
        selection: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casePlaceEditor")
        self.runner, self.archive, self.ref = runner, archive, ref
        self.setWindowTitle(
            translate("CaseUI", "New Place") if ref is None else translate("CaseUI", "Place")
        )
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.parent_place = PlacePicker(self)
        self.lat, self.lon = QDoubleSpinBox(self), QDoubleSpinBox(self)
        for spin, limit in ((self.lat, 90.0), (self.lon, 180.0)):
            spin.setRange(-limit - 1, limit)
            spin.setDecimals(5)
            spin.setSpecialValueText(translate("CaseUI", "none"))
            spin.setValue(spin.minimum())
        self.radius = QDoubleSpinBox(self)
        self.radius.setRange(0, 500_000)
        self.radius.setSuffix(" m")
        self.radius.setSpecialValueText(translate("CaseUI", "default for the kind"))
        self.variants = QPlainTextEdit(self)
        self.variants.setPlaceholderText("Алматы | ru\nAlmaty | en\nAlmaty | kk")
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(translate("CaseUI", "Name"), self.name)
        form.addRow(translate("CaseUI", "Kind"), self.kind)
        form.addRow(translate("CaseUI", "Inside"), self.parent_place)
        coords = QHBoxLayout()
        coords.addWidget(self.lat)
        coords.addWidget(self.lon)
        form.addRow(translate("CaseUI", "Latitude, longitude"), coords)
        form.addRow(translate("CaseUI", "Radius for GPS matching"), self.radius)
        form.addRow(translate("CaseUI", "Name variants"), self.variants)
        form.addRow(translate("CaseUI", "Notes"), self.notes)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(
            translate("CaseUI", "Save"), QDialogButtonBox.ButtonRole.AcceptRole
        ).clicked.connect(self.save)
        match = buttons.addButton(
            translate("CaseUI", "Match Items by GPS…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        match.clicked.connect(self.match_gps)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(bottom)
        self.resize(520, 480)
        from evidence_desk.services.case import places as case_places
        from evidence_desk.services.case import vocabularies as case_vocabularies

        lang = ui_language()
        run(
            runner,
            self,
            case_vocabularies.list_terms,
            archive,
            "place_kinds",
            pool="query",
            on_ok=lambda rows: fill_terms(self.kind, rows, lang, blank=False),
        )
        self.parent_place.load(runner, archive)
        if ref is not None:
            run(runner, self, case_places.get_place, archive, ref, on_ok=self._show, pool="query")

    def _show(self, data: PlaceRecord) -> None:
        self.ref = data.ref
        self.setWindowTitle(record_title(translate("CaseUI", "Place"), "", " / ".join(data.path)))
        self.name.setText(data.name)
        select_data(self.kind, data.kind)
        self.parent_place.set_ref(f"PL-{data.parent_id:04d}" if data.parent_id else None)
        self.lat.setValue(data.lat if data.lat is not None else self.lat.minimum())
        self.lon.setValue(data.lon if data.lon is not None else self.lon.minimum())
        self.radius.setValue(data.radius_m or 0)
        self.variants.setPlainText(
            "\n".join(f"{n.name} | {n.lang}" if n.lang else n.name for n in data.names)
        )
        self.notes.setPlainText(data.notes or "")

    def fields(self) -> dict[str, Any]:
        def coord(spin: QDoubleSpinBox) -> float | None:
            return None if spin.value() == spin.minimum() else spin.value()

        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData() or "site",
            "parent": self.parent_place.ref() or "",
            "lat": coord(self.lat),
            "lon": coord(self.lon),
            "radius_m": self.radius.value() or None,
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> Any:
        fields = self.fields()
        if self.ref is None:
            fields["parent"] = fields["parent"] or None

        def done(data: PlaceRecord) -> None:
            self._show(data)
            self.status.setText(translate("CaseUI", "Saved."))
            self.saved.emit(data.id)

        return run(
            self.runner,
            self,
            _save,
            self.archive,
            self.ref,
            fields,
            parse_variants(self.variants.toPlainText()),
            on_ok=done,
            on_error=lambda exc: self.status.setText(error_text(exc)),
        )

    def match_gps(self) -> Any:
        self.status.setText(translate("CaseUI", "Matching items by GPS…"))

        def done(count: int) -> None:
            self.status.setText(translate("CaseUI", "%n item(s) placed by GPS.", None, count))
            self.saved.emit(-1)

        return run(self.runner, self, _match, self.archive, on_ok=done, pool="long")
