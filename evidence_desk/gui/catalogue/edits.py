"""Edits with Undo/Redo: every change goes through the services, which log custody.

Each ``QUndoCommand`` runs its service call in the single-threaded "edit"
pool, so edits and their undos reach the database in the order the user
made them. Bulk commands record what each item looked like before (read in
the same worker, just before the change) so Undo restores exactly that,
and the undo itself is a new, logged change: history is never rewritten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance
from PySide6.QtGui import QUndoCommand, QUndoStack

from evidence_desk.gui.shell.formatting import sensitivity_label
from evidence_desk.gui.shell.tasks import TaskRunner, error_text
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue import items, removal, similar
from evidence_desk.services.catalogue import listing as catalogue

translate = QCoreApplication.translate


class EditController(QObject):
    """Owns the undo stack and runs edits in the background."""

    itemsChanged = Signal(list)  # item ids whose rows changed
    linksChanged = Signal(list)  # item ids whose links changed
    removalChanged = Signal(list)  # item ids removed or restored
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.archive: Archive | None = None
        self.stack = QUndoStack(self)

    def set_archive(self, archive: Archive | None) -> None:
        self.archive = archive
        self.stack.clear()

    def run(
        self, fn: Callable[..., Any], *args: Any, ids: list[int], signal: SignalInstance
    ) -> None:
        if self.archive is None:
            return
        task = self.runner.submit(fn, self.archive, *args, pool="edit", name=fn.__name__)
        task.succeeded.connect(lambda _result: signal.emit(ids))
        task.failed.connect(lambda exc: self._on_failed(exc, ids))

    def _on_failed(self, exc: BaseException, ids: list[int]) -> None:
        self.failed.emit(error_text(exc))
        self.itemsChanged.emit(ids)

    # What the interface calls

    def edit_field(self, item_id: int, uuid: str, exhibit: str, field: str, before, after) -> None:
        if before != after:
            self.stack.push(FieldEdit(self, item_id, uuid, exhibit, field, before, after))

    def change_tags(self, targets: list[tuple[int, str]], add: list[str], remove: list[str]):
        if targets and (add or remove):
            self.stack.push(TagEdit(self, targets, add, remove))

    def change_sensitivity(self, targets: list[tuple[int, str]], value: str) -> None:
        if targets:
            self.stack.push(SensitivityEdit(self, targets, value))

    def link_same_scene(self, a: tuple[int, str, str], b: tuple[int, str, str], on: bool):
        self.stack.push(LinkEdit(self, a, b, on))

    def remove(self, targets: list[tuple[int, str]], reason: str) -> None:
        self.stack.push(RemovalEdit(self, targets, reason, remove=True))

    def restore(self, targets: list[tuple[int, str]], reason: str) -> None:
        self.stack.push(RemovalEdit(self, targets, reason, remove=False))


class FieldEdit(QUndoCommand):
    def __init__(self, ctl: EditController, item_id, uuid, exhibit, field, before, after):
        super().__init__(
            translate("Edits", "Edit %1 of %2")
            .replace("%1", _field_label(field))
            .replace("%2", exhibit)
        )
        self.ctl, self.item_id, self.uuid = ctl, item_id, uuid
        self.field, self.before, self.after = field, before, after

    def _apply(self, value: str) -> None:
        self.ctl.run(
            _update_field,
            self.uuid,
            self.field,
            value,
            ids=[self.item_id],
            signal=self.ctl.itemsChanged,
        )

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


def _field_label(field: str) -> str:
    labels = {
        "title": translate("Edits", "title"),
        "description": translate("Edits", "description"),
        "notes": translate("Edits", "notes"),
        "sensitivity": translate("Edits", "sensitivity"),
        "title_publishable": translate("Edits", "publication mark"),
    }
    return labels.get(field, field)


def _update_field(archive: Archive, uuid: str, field: str, value: str | bool) -> None:
    if field == "title_publishable":
        items.set_title(archive, uuid, publishable=bool(value))
    else:
        items.update_fields(archive, uuid, **{field: str(value)})


class TagEdit(QUndoCommand):
    def __init__(self, ctl: EditController, targets, add: list[str], remove: list[str]):
        if add and not remove:
            text = translate("Edits", "Add tags %1 to %2 items")
        elif remove and not add:
            text = translate("Edits", "Remove tags %1 from %2 items")
        else:
            text = translate("Edits", "Change tags %1 on %2 items")
        shown = ", ".join(add + remove)
        super().__init__(text.replace("%1", shown).replace("%2", str(len(targets))))
        self.ctl, self.targets, self.add, self.remove = ctl, targets, add, remove
        self.before: dict[int, tuple[str, ...]] = {}

    def redo(self) -> None:
        ids = [i for i, _ in self.targets]
        self.ctl.run(
            _apply_tags,
            self.targets,
            self.add,
            self.remove,
            self.before,
            ids=ids,
            signal=self.ctl.itemsChanged,
        )

    def undo(self) -> None:
        ids = [i for i, _ in self.targets]
        self.ctl.run(
            _restore_tags,
            self.targets,
            self.add,
            self.remove,
            self.before,
            ids=ids,
            signal=self.ctl.itemsChanged,
        )


def _apply_tags(archive: Archive, targets, add, remove, before: dict) -> None:
    before.clear()
    before.update(catalogue.tag_snapshot(archive, [i for i, _ in targets]))
    items.set_tags(archive, [u for _, u in targets], add=add, remove=remove)


def _restore_tags(archive: Archive, targets, add, remove, before: dict) -> None:
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = defaultdict(list)
    for item_id, uuid in targets:
        had = {t.casefold() for t in before.get(item_id, ())}
        re_add = tuple(t for t in remove if t.casefold() in had)
        re_remove = tuple(t for t in add if t.casefold() not in had)
        if re_add or re_remove:
            groups[(re_add, re_remove)].append(uuid)
    for (re_add, re_remove), uuids in groups.items():
        items.set_tags(archive, uuids, add=list(re_add), remove=list(re_remove))


class SensitivityEdit(QUndoCommand):
    def __init__(self, ctl: EditController, targets, value: str):
        super().__init__(
            translate("Edits", "Set sensitivity of %n item(s) to %2", None, len(targets)).replace(
                "%2", sensitivity_label(value)
            )
        )
        self.ctl, self.targets, self.value = ctl, targets, value
        self.before: dict[int, str] = {}

    def redo(self) -> None:
        self.ctl.run(
            _apply_sensitivity,
            self.targets,
            self.value,
            self.before,
            ids=[i for i, _ in self.targets],
            signal=self.ctl.itemsChanged,
        )

    def undo(self) -> None:
        self.ctl.run(
            _restore_sensitivity,
            self.targets,
            self.before,
            ids=[i for i, _ in self.targets],
            signal=self.ctl.itemsChanged,
        )


def _apply_sensitivity(archive: Archive, targets, value: str, before: dict) -> None:
    rows = catalogue.fetch_rows(archive, [i for i, _ in targets])
    before.clear()
    before.update({i: r.sensitivity for i, r in rows.items()})
    for item_id, uuid in targets:
        if before.get(item_id) != value:
            items.update_fields(archive, uuid, sensitivity=value)


def _restore_sensitivity(archive: Archive, targets, before: dict) -> None:
    for item_id, uuid in targets:
        if item_id in before:
            items.update_fields(archive, uuid, sensitivity=before[item_id])


class LinkEdit(QUndoCommand):
    def __init__(self, ctl: EditController, a, b, on: bool):
        text = (
            translate("Edits", "Mark %1 and %2 as same scene")
            if on
            else translate("Edits", "Unmark %1 and %2 as same scene")
        )
        super().__init__(text.replace("%1", a[2]).replace("%2", b[2]))
        self.ctl, self.a, self.b, self.on = ctl, a, b, on

    def _set(self, on: bool) -> None:
        fn = similar.mark_same_scene if on else similar.unmark_same_scene
        self.ctl.run(
            fn, self.a[1], self.b[1], ids=[self.a[0], self.b[0]], signal=self.ctl.linksChanged
        )

    def redo(self) -> None:
        self._set(self.on)

    def undo(self) -> None:
        self._set(not self.on)


class RemovalEdit(QUndoCommand):
    """Removal from the catalogue; its undo is a logged restoration, not an erasure."""

    def __init__(self, ctl: EditController, targets, reason: str, remove: bool):
        count = len(targets)
        text = (
            translate("Edits", "Remove %n item(s) from the catalogue", None, count)
            if remove
            else translate("Edits", "Restore %n item(s)", None, count)
        )
        super().__init__(text)
        self.ctl, self.targets, self.reason, self.remove = ctl, targets, reason, remove

    def _set(self, remove: bool) -> None:
        uuids = [u for _, u in self.targets]
        ids = [i for i, _ in self.targets]
        why = (
            self.reason
            if remove == self.remove
            else translate("Edits", "undo: %1").replace("%1", self.reason)
        )
        fn = removal.remove_items if remove else removal.restore_items
        self.ctl.run(fn, uuids, why, ids=ids, signal=self.ctl.removalChanged)

    def redo(self) -> None:
        self._set(self.remove)

    def undo(self) -> None:
        self._set(not self.remove)
