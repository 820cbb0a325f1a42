"""The detail panel: preview, editable fields and read-only facts of the selected item.

Everything shown is loaded in workers (the item and its custody events,
then the preview image, then similar items), each request tagged with a
generation number so a slow answer for a previously selected item is
dropped instead of overwriting the current one.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.catalogue.edits import EditController
from evidence_desk.gui.catalogue.thumbnails import ThumbnailCache
from evidence_desk.gui.detail.form import DetailForm
from evidence_desk.gui.detail.info import CustodyView, FactsPanel, MetadataTree, ProvenanceView
from evidence_desk.gui.detail.preview import PreviewImage, PreviewView, load_preview_image
from evidence_desk.gui.detail.similar_panel import SimilarPanel
from evidence_desk.gui.detail.system_open import make_working_copy, open_externally
from evidence_desk.gui.shell.flow_layout import FlowLayout
from evidence_desk.gui.shell.formatting import human_duration, kind_label
from evidence_desk.gui.shell.tasks import Latest, TaskRunner, error_text
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.custody import EventRecord
from evidence_desk.services.catalogue import items, similar
from evidence_desk.services.catalogue import listing as catalogue


@dataclass
class DetailData:
    item_id: int
    item: dict[str, Any]
    events: list[EventRecord]


def load_detail(archive: Archive, item_id: int) -> DetailData | None:
    row = catalogue.fetch_rows(archive, [item_id]).get(item_id)
    if row is None:
        return None
    item = items.get_item(archive, row.uuid)
    return DetailData(item_id, item, custody.events_for_item(archive, row.uuid))


class DetailPanel(QWidget):
    showItemRequested = Signal(int)
    loaded = Signal(int)  # item id shown
    message = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        thumbnails: ThumbnailCache,
        edits: EditController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self._runner = runner
        self._thumbs = thumbnails
        self._edits = edits
        self._archive: Archive | None = None
        self._gen = Latest()
        self.current: DetailData | None = None

        self.pages = QStackedWidget(self)
        self.empty = QLabel(self.tr("Select an item to see its details."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.multi = QWidget(self)
        self.multi_label = QLabel(self.multi)
        self.multi_label.setWordWrap(True)
        self.multi_buttons = QVBoxLayout()
        multi_layout = QVBoxLayout(self.multi)
        multi_layout.addWidget(self.multi_label)
        multi_layout.addLayout(self.multi_buttons)
        multi_layout.addStretch(1)
        self.single = self._build_single()
        for page in (self.empty, self.single, self.multi):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        edits.linksChanged.connect(self._on_links_changed)

    def _build_single(self) -> QSplitter:
        page = QSplitter(Qt.Orientation.Vertical, self)
        page.setObjectName("detailSplitter")
        top = QWidget(page)
        self.heading = QLabel(top)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = PreviewView(top)
        self.preview_note = QLabel(top)
        self.preview_note.setWordWrap(True)
        fit = QToolButton(top)
        fit.setText(self.tr("Fit"))
        fit.clicked.connect(self.preview.fit)
        actual = QToolButton(top)
        actual.setText(self.tr("100%"))
        actual.clicked.connect(self.preview.actual_size)
        self.open_button = QPushButton(self.tr("Open with system viewer"), top)
        self.open_button.setObjectName("openExternally")
        self.open_button.setToolTip(
            self.tr("Opens a read-only working copy; the original in the archive is not touched.")
        )
        self.open_button.clicked.connect(self.open_external)
        self.play_button = QToolButton(top)
        self.play_button.setObjectName("playHere")
        self.play_button.setText(self.tr("Play"))
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play_button.setToolTip(
            self.tr("Play in the application, streamed from the archive; no copy is written.")
        )
        self.play_button.clicked.connect(self.play_here)
        self.play_button.hide()
        bar = FlowLayout(spacing=6)  # wraps in a narrow panel instead of widening the window
        bar.addWidget(fit)
        bar.addWidget(actual)
        bar.addWidget(self.play_button)
        bar.addWidget(self.open_button)
        self.preview_note.setEnabled(False)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 0)
        top_layout.addWidget(self.heading)
        self.preview_stack = QStackedWidget(top)
        self.preview_stack.addWidget(self.preview)
        self.player: Any = None  # a MediaPlayerView, made on first use (QtMultimedia is heavy)
        top_layout.addWidget(self.preview_stack, 1)
        top_layout.addWidget(self.preview_note)
        top_layout.addLayout(bar)

        self.tabs = QTabWidget(page)
        # Six tabs never fit a narrow panel in Russian or Kazakh: whole names with scroll
        # arrows, not names cut to a few letters, and the bar never widens the panel.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.form = DetailForm(self._edits, self.tabs)
        self.facts = FactsPanel()
        facts_scroll = QScrollArea(self.tabs)
        facts_scroll.setWidgetResizable(True)
        facts_scroll.setWidget(self.facts)
        self.metadata = MetadataTree(self.tabs)
        self.provenance = ProvenanceView(self.tabs)
        self.custody = CustodyView(self.tabs)
        self.similar = SimilarPanel(self._thumbs, self.tabs)
        self.similar.linkRequested.connect(self._link)
        self.similar.showRequested.connect(self.showItemRequested)
        form_scroll = QScrollArea(self.tabs)  # the form scrolls on a 768-pixel-high screen
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setWidget(self.form)
        self.tabs.addTab(form_scroll, self.tr("Description"))
        self.tabs.addTab(facts_scroll, self.tr("Details"))
        self.tabs.addTab(self.metadata, self.tr("Metadata"))
        self.tabs.addTab(self.provenance, self.tr("Provenance"))
        self.tabs.addTab(self.custody, self.tr("Custody"))
        self.tabs.addTab(self.similar, self.tr("Similar"))
        page.addWidget(top)
        page.addWidget(self.tabs)
        page.setStretchFactor(0, 1)
        page.setStretchFactor(1, 1)
        return page

    def set_archive(self, archive: Archive | None) -> None:
        self._archive = archive
        self.show_selection([])

    def set_bulk_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            button = QToolButton(self.multi)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.multi_buttons.addWidget(button)

    # Selection

    def show_selection(self, ids: list[int]) -> None:
        self._gen.advance()
        if len(ids) == 1:
            self.load(ids[0])
            return
        self.form.clear()
        self.current = None
        if not ids:
            self.pages.setCurrentWidget(self.empty)
        else:
            self.multi_label.setText(
                self.tr(
                    "%Ln item(s) selected. Changes here apply to all of them, and each "
                    "change is written to every item's custody log.",
                    "",
                    len(ids),
                )
            )
            self.pages.setCurrentWidget(self.multi)

    def load(self, item_id: int) -> None:
        if self._archive is None:
            return
        gen = self._gen.token
        task = self._runner.submit(load_detail, self._archive, item_id, pool="rows")
        task.succeeded.connect(lambda data: self._on_detail(gen, data))
        task.failed.connect(lambda exc: self.message.emit(error_text(exc)))

    def reload_if_showing(self, ids: list[int]) -> None:
        if self.current is not None and self.current.item_id in ids:
            self.load(self.current.item_id)

    def _on_detail(self, gen: int, data: DetailData | None) -> None:
        if not self._gen.is_current(gen):
            return
        if data is None:
            self.pages.setCurrentWidget(self.empty)
            return
        first_time = self.current is None or self.current.item_id != data.item_id
        self.current = data
        item = data.item
        self.heading.setText(
            f"<b>{item['exhibit']}</b> · {kind_label(item['kind'])} · {_escape(item['title'])}"
        )
        self.form.show_item(data.item_id, item)
        self.facts.show_item(item)
        self.metadata.show_metadata(item.get("metadata") or {})
        self.provenance.show_item(item)
        self.custody.show_events(data.events)
        self.pages.setCurrentWidget(self.single)
        if first_time:
            self._load_preview(gen, item)
            self._load_similar(gen, item)
        self.loaded.emit(data.item_id)

    def _load_preview(self, gen: int, item: dict[str, Any]) -> None:
        assert self._archive is not None
        kind = item["kind"]
        self._stop_player()
        self.play_button.setVisible(kind in ("video", "audio"))
        self.preview.set_image(None)
        self.preview_note.setText(self.tr("Loading preview…"))
        self.open_button.setText(
            self.tr("Open with system player")
            if kind in ("video", "audio")
            else self.tr("Open with system viewer")
        )
        task = self._runner.submit(
            load_preview_image, self._archive, item["sha256"], kind, item["size"]
        )
        task.succeeded.connect(lambda image: self._on_preview(gen, item, image))
        task.failed.connect(lambda exc: self.preview_note.setText(error_text(exc)))

    def _on_preview(self, gen: int, item: dict[str, Any], result: PreviewImage) -> None:
        if not self._gen.is_current(gen):
            return
        image = result.image
        self.preview.set_image(image)
        kind = item["kind"]
        if kind == "video":
            note = self.tr("Poster frame · %1").replace("%1", human_duration(item["duration_s"]))
        elif kind == "audio":
            note = self.tr("Audio · %1").replace("%1", human_duration(item["duration_s"]))
        elif image.isNull() and result.problem:
            note = self.tr(
                "No preview could be made of this file (%1). The original is safe."
            ).replace("%1", result.problem)
        elif image.isNull():
            note = self.tr("No preview for this kind of file.")
        else:
            note = (
                self.tr("%1 × %2 px · wheel to zoom, drag to pan")
                .replace("%1", str(item.get("width") or image.width()))
                .replace("%2", str(item.get("height") or image.height()))
            )
        self.preview_note.setText(note)

    def _load_similar(self, gen: int, item: dict[str, Any]) -> None:
        assert self._archive is not None
        self.similar.show_loading()
        task = self._runner.submit(similar.find_similar, self._archive, item["id"])
        has_phash = bool(item.get("phash"))
        task.succeeded.connect(lambda results: self._on_similar(gen, results, has_phash))

    def _on_similar(self, gen: int, results: list[similar.SimilarItem], has_phash: bool) -> None:
        if self._gen.is_current(gen):
            self.similar.show_results(results, has_phash)

    def _open_copy(self, path: Path) -> None:
        if not open_externally(path):
            self.message.emit(self.tr("No application could open %1").replace("%1", str(path)))

    def _link(self, sim: similar.SimilarItem, on: bool) -> None:
        if self.current is None:
            return
        item = self.current.item
        self._edits.link_same_scene(
            (self.current.item_id, item["id"], item["exhibit"]), (sim.id, sim.uuid, sim.exhibit), on
        )

    def _on_links_changed(self, ids: list[int]) -> None:
        if self.current is not None and self.current.item_id in ids:
            self._gen.advance()
            self._load_similar(self._gen.token, self.current.item)
            self.load(self.current.item_id)

    def play_here(self) -> None:
        """Swap the poster for the player and stream the original into it."""
        if self.current is None or self._archive is None:
            return
        if self.player is None:
            try:
                from evidence_desk.gui.detail.player import MediaPlayerView
            except ImportError as exc:  # QtMultimedia or a system library missing
                self.preview_note.setText(
                    self.tr("In-app playback is not available here (%1).").replace("%1", str(exc))
                )
                return
            self.player = MediaPlayerView(self.preview_stack)
            self.player.problem.connect(self.preview_note.setText)
            self.preview_stack.addWidget(self.player)
        item = self.current.item
        archive, sha256 = self._archive, item["sha256"]
        self.preview_stack.setCurrentWidget(self.player)
        self.player.load(
            lambda: archive.store.open(sha256),
            int(item["size"]),
            item.get("original_name") or item["exhibit"],
            video=item["kind"] == "video",
            fps=_frame_rate(item),
        )
        self.player.player.play()
        self.player.setFocus()

    def _stop_player(self) -> None:
        if self.player is not None:
            self.player.unload()
        self.preview_stack.setCurrentWidget(self.preview)

    def _confirm_decrypted_copy(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Decrypted copy"),
            self.tr(
                "This archive is encrypted. Another application can only open a decrypted "
                "copy: it is written to memory (RAM), not to the disk, and removed when the "
                "archive is closed or locked. While it exists, other programs of this user "
                "can read it. Open it?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_external(self) -> None:
        if self.current is None or self._archive is None:
            return
        item = self.current.item
        name = item.get("original_name") or item["exhibit"]
        if self._archive.encrypted and not self._confirm_decrypted_copy():
            return
        task = self._runner.submit(
            make_working_copy, self._archive, item["sha256"], name, pool="long"
        )
        task.succeeded.connect(self._open_copy)
        task.failed.connect(lambda exc: self.message.emit(error_text(exc)))


def _frame_rate(item: dict[str, Any]) -> float | None:
    """The first video stream's average frame rate, as metadata extraction recorded it."""
    streams = (item.get("metadata") or {}).get("streams") or []
    for stream in streams:
        rate = stream.get("frame_rate") if isinstance(stream, dict) else None
        if stream.get("type") == "video" and isinstance(rate, int | float) and rate > 0:
            return float(rate)
    return None


def _escape(text: str) -> str:
    return html.escape(text)
