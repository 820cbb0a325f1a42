"""Read-only facts about one item: identity and hashes, capture, provenance, custody, metadata.

These are what a court or a partner will ask about, so every value is
selectable and the hashes have a Copy button.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from evidence_desk.gui.detail.elided_label import ElidedLabel
from evidence_desk.gui.shell.formatting import (
    capture_source_label,
    human_duration,
    human_size,
    iso_text,
    kind_label,
    precision_label,
    service_words,
)
from evidence_desk.services.archive.custody import EventRecord

translate = QCoreApplication.translate


def late_capture(item: dict[str, Any]) -> str | None:
    """The earliest acquisition date (YYYY-MM-DD) before the capture date, else None.

    Compared by calendar date in the capture's own local time, so a photo
    taken on the evening of the hand-over day is not flagged.
    """
    captured = (item.get("captured_at") or "")[:10]
    dates = [
        (s.get("acquired_at") or "")[:10] for s in item.get("sources") or [] if s.get("acquired_at")
    ]
    earlier = sorted(d for d in dates if len(d) == 10 and len(captured) == 10 and d < captured)
    return earlier[0] if earlier else None


class FactsPanel(QWidget):
    """A form of label/value rows, rebuilt for each item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsPanel")
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, str] = {}

    def _clear(self) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.values = {}

    def _row(self, label: str, value: str, copy: bool = False) -> None:
        if not value:
            return
        self.values[label] = value
        text = QLabel(value, self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not copy:
            self._layout.addRow(label, text)
            return
        text.deleteLater()
        shown = ElidedLabel(value, self)  # hashes cannot wrap: elide the middle, copy whole
        shown.setObjectName("factValue")
        shown.setStyleSheet("font-family: monospace;")
        button = QPushButton(translate("FactsPanel", "Copy"), self)
        button.setToolTip(translate("FactsPanel", "Copy to the clipboard"))
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(value))
        row = QHBoxLayout()
        row.addWidget(shown, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addRow(label, row)

    def show_item(self, item: dict[str, Any]) -> None:
        self._clear()
        t = self._translations()
        self._row(t["exhibit"], item["exhibit"])
        self._row(t["sha256"], item["sha256"], copy=True)
        self._row(t["uuid"], item["id"], copy=True)
        if item.get("phash"):
            self._row(t["phash"], item["phash"], copy=True)
        self._row(t["kind"], f"{kind_label(item['kind'])} · {item['mime_type']}")
        self._row(t["size"], f"{human_size(item['size'])} ({item['size']:,} B)")
        if item["captured_at"]:
            offset = "" if item["captured_at_offset_known"] else t["offset_unknown"]
            self._row(t["captured"], iso_text(item["captured_at"]) + offset)
            source = capture_source_label(item["captured_at_source"])
            if item.get("captured_at_precision"):
                source += f" · {precision_label(item['captured_at_precision'])}"
            self._row(t["source"], source)
            if item.get("captured_at_utc"):
                self._row(t["captured_utc"], iso_text(item["captured_at_utc"]))
            if item.get("captured_at_note"):
                self._row(t["note"], item["captured_at_note"])
        else:
            self._row(t["captured"], t["unknown"])
        self._flag_late_capture(item)
        gps = item.get("gps")
        if gps:
            alt = f", {gps['alt']:.0f} m" if gps.get("alt") is not None else ""
            self._row(t["gps"], f"{gps['lat']:.6f}, {gps['lon']:.6f}{alt}", copy=True)
        device = " ".join(v for v in (item["device"] or {}).values() if v)
        self._row(t["device"], device)
        if item.get("width") and item.get("height"):
            self._row(t["dimensions"], f"{item['width']} × {item['height']} px")
        if item.get("duration_s"):
            self._row(t["duration"], human_duration(item["duration_s"]))
        self._row(t["ingested"], iso_text(item["ingested_at"]))
        self._row(t["tool"], f"{item['tool_version']} · {item['host']}")
        words = service_words()
        for warning in item.get("warnings") or []:
            self._row(t["warning"], words.message(warning))
        if item.get("removed"):
            self._row(t["removed"], t["removed_text"])

    def _flag_late_capture(self, item: dict[str, Any]) -> None:
        """A capture dated after the files were acquired: a wrong clock or a wrong date."""
        acquired = late_capture(item)
        if acquired is None:
            return
        label = QLabel(
            translate(
                "FactsPanel",
                "The capture time is later than the acquisition date (%1): the device clock "
                "or the acquisition date is probably wrong.",
            ).replace("%1", acquired),
            self,
        )
        label.setObjectName("lateCaptureWarning")
        label.setWordWrap(True)
        label.setStyleSheet("color: #b35c00; font-weight: bold;")
        self.values["late_capture"] = label.text()
        self._layout.addRow(translate("FactsPanel", "Check:"), label)

    @staticmethod
    def _translations() -> dict[str, str]:
        return {
            "exhibit": translate("FactsPanel", "Exhibit:"),
            "sha256": translate("FactsPanel", "SHA-256:"),
            "uuid": translate("FactsPanel", "UUID:"),
            "phash": translate("FactsPanel", "Perceptual hash:"),
            "kind": translate("FactsPanel", "Kind:"),
            "size": translate("FactsPanel", "Size:"),
            "captured": translate("FactsPanel", "Captured at:"),
            "offset_unknown": translate("FactsPanel", " (time zone unknown)"),
            "source": translate("FactsPanel", "Time source:"),
            "captured_utc": translate("FactsPanel", "Captured (UTC):"),
            "note": translate("FactsPanel", "Time note:"),
            "unknown": translate("FactsPanel", "unknown"),
            "gps": translate("FactsPanel", "GPS:"),
            "device": translate("FactsPanel", "Device:"),
            "dimensions": translate("FactsPanel", "Dimensions:"),
            "duration": translate("FactsPanel", "Duration:"),
            "ingested": translate("FactsPanel", "Ingested (UTC):"),
            "tool": translate("FactsPanel", "Recorded by:"),
            "warning": translate("FactsPanel", "Warning:"),
            "removed": translate("FactsPanel", "Removed:"),
            "removed_text": translate(
                "FactsPanel", "removed from the catalogue; the original is kept in the store"
            ),
        }


def provenance_html(item: dict[str, Any]) -> str:
    labels = [
        ("original_path", translate("Provenance", "Original path")),
        ("received_from", translate("Provenance", "Received from")),
        ("method", translate("Provenance", "Method")),
        ("collector", translate("Provenance", "Collector")),
        ("acquired_at", translate("Provenance", "Acquired")),
        ("recorded_at", translate("Provenance", "Recorded (UTC)")),
        ("file_mtime", translate("Provenance", "File modified (UTC)")),
        ("host", translate("Provenance", "Computer")),
        ("notes", translate("Provenance", "Notes")),
        ("batch", translate("Provenance", "Import batch")),
    ]
    parts = []
    for n, source in enumerate(item.get("sources") or [], start=1):
        heading = translate("Provenance", "Receipt %1").replace("%1", str(n))
        rows = "".join(
            f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(str(source[key]))}</td></tr>"
            for key, label in labels
            if source.get(key)
        )
        parts.append(f"<h4>{html.escape(heading)}</h4><table cellspacing='4'>{rows}</table>")
    if not parts:
        return html.escape(translate("Provenance", "No provenance recorded."))
    return "".join(parts)


class ProvenanceView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provenanceView")
        self.setOpenLinks(False)

    def show_item(self, item: dict[str, Any]) -> None:
        self.setHtml(provenance_html(item))


def _event_summary(event: EventRecord) -> str:
    """One line of an event's details; field names and relations in the interface language."""
    d = event.details
    words = service_words()
    if "field" in d and "before" in d:
        return f"{words.t(str(d['field']))}: {_short(d['before'])} → {_short(d.get('after'))}"
    if d.get("relation"):
        parts = (words.t(str(d["relation"])), words.t(str(d.get("action", ""))))
        return f"{' '.join(p for p in parts if p)} {d.get('other_exhibit', '')}".strip()
    if d.get("reason"):
        return words.message(str(d["reason"]))
    if d.get("received_from") or d.get("method"):
        return f"{d.get('received_from') or '?'} · {d.get('method') or '?'}"
    if d.get("digest"):
        return f"{d.get('algorithm', '')} {d['digest'][:16]}…"
    if d.get("problem"):
        return words.message(str(d["problem"]))
    return json.dumps(d, ensure_ascii=False)[:200]


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"“{text[:60]}{'…' if len(text) > 60 else ''}”"


class CustodyView(QTreeWidget):
    """The item's custody timeline, oldest first; the hashes are in each tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("custodyView")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHeaderLabels(
            [
                translate("CustodyView", "When (UTC)"),
                translate("CustodyView", "Event"),
                translate("CustodyView", "Actor"),
                translate("CustodyView", "Outcome"),
                translate("CustodyView", "Details"),
            ]
        )

    def show_events(self, events: list[EventRecord]) -> None:
        self.clear()
        words = service_words()  # PREMIS event types and outcomes are stored in English
        for event in events:
            row = QTreeWidgetItem(
                self,
                [
                    iso_text(event.occurred_at),
                    words.t(event.event_type),
                    event.actor,
                    words.t(event.outcome),
                    _event_summary(event),
                ],
            )
            tip = translate("CustodyView", "Event hash %1\nprevious %2\n%3").replace(
                "%1", event.hash
            )
            tip = tip.replace("%2", event.prev_hash).replace(
                "%3", json.dumps(event.details, ensure_ascii=False, indent=1)
            )
            for col in range(5):
                row.setToolTip(col, tip)
        for col in range(4):
            self.resizeColumnToContents(col)


class MetadataTree(QTreeWidget):
    """All extracted metadata, as extracted, in a tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataTree")
        field, value = translate("MetadataTree", "Field"), translate("MetadataTree", "Value")
        self.setHeaderLabels([field, value])
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)

    def show_metadata(self, metadata: dict[str, Any]) -> None:
        self.clear()
        self._add(self.invisibleRootItem(), metadata)
        self.expandToDepth(0)
        self.resizeColumnToContents(0)

    def _add(self, parent: QTreeWidgetItem, value: Any) -> None:
        entries = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in entries:
            if isinstance(child, dict | list):
                node = QTreeWidgetItem(parent, [str(key), ""])
                self._add(node, child)
            else:
                text = "" if child is None else str(child)
                node = QTreeWidgetItem(parent, [str(key), text[:2000]])
                node.setToolTip(1, text[:2000])
