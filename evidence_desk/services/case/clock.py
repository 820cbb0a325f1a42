"""Clock corrections: a camera or phone whose clock was wrong, or one item's offset.

Cameras keep their clock through time-zone changes, batteries die, and some
phones were never set. A correction says "this device's readings are
``offset_s`` seconds off" (and optionally which UTC offset its readings
without one were in). The item's own ``captured_*`` fields never change;
the corrected reading is kept in ``item_time_corrections`` and
``Item.captured_sort`` follows it, so lists and the timeline sort on the
corrected time. Every change of an item's sort time is a custody event with
the original, the corrected value and the reason.

Rules: an item correction wins over a device correction; a device
correction applies only to times read from the device's own clock (EXIF,
QuickTime, container tags, device-made file names) — not to GPS time, the
file system's time, or a time a person already entered by hand. Device
names match ignoring case and surrounding spaces.

Items ingested after a device correction was set are corrected by
:func:`apply_corrections` (call it with the new item ids after an ingest).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import ClockCorrection, ItemTimeCorrection
from evidence_desk.db.queries import case_clock as queries
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.common import log_change, new_uuid, resolve_item
from evidence_desk.services.case.dates import iso
from evidence_desk.services.catalogue.items import captured_at_iso

DEVICE_CLOCK_SOURCES = (
    "exif:DateTimeOriginal",
    "quicktime:creationdate",
    "container:creation_time",
    "filename",
)
_HMS_RE = re.compile(r"^([+-])?(\d+):(\d{2})(?::(\d{2}))?$")
_UNITS_RE = re.compile(r"(\d+)\s*([dhms])")
_UNIT_S = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_offset(text: str) -> int:
    """Seconds from ``+01:30``, ``-00:05:30``, ``-2h``, ``+1d2h30m``, ``90s`` or ``-90``."""
    raw = text.strip().replace("−", "-")
    if match := _HMS_RE.match(raw):
        sign, hours, minutes, seconds = match.groups()
        total = int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)
        return -total if sign == "-" else total
    if re.fullmatch(r"[+-]?\d+", raw):
        return int(raw)
    sign = -1 if raw.startswith("-") else 1
    body = raw.lstrip("+-").replace(" ", "")
    parts = _UNITS_RE.findall(body)
    if not parts or "".join(n + u for n, u in parts) != body:
        raise EvidenceDeskError(
            f"a clock offset looks like +01:30, -00:05:30, -2h or +1d2h30m, not {text!r}"
        )
    return sign * sum(int(n) * _UNIT_S[u] for n, u in parts)


def _norm(text: str | None) -> str:
    return (text or "").strip().casefold()


@dataclass(frozen=True)
class Correction:
    """A clock correction: of one device's files, or of one item (which then wins)."""

    uuid: str
    scope: str  # "device" or "item"
    device_make: str | None
    device_model: str | None
    item_id: int | None
    offset_s: int
    assume_offset_min: int | None
    reason: str
    actor: str
    created_at: str
    items: int | None = None  # listed: how many items it applies to
    items_changed: int | None = None  # just set: how many items' times it changed

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        data: dict[str, Any] = {
            "uuid": self.uuid,
            "scope": self.scope,
            "device": {"make": self.device_make, "model": self.device_model},
            "item_id": self.item_id,
            "offset_s": self.offset_s,
            "assume_offset_min": self.assume_offset_min,
            "reason": self.reason,
            "actor": self.actor,
            "created_at": self.created_at,
        }
        if self.items is not None:
            data["items"] = self.items
        if self.items_changed is not None:
            data["items_changed"] = self.items_changed
        return data


@dataclass(frozen=True)
class Device:
    """A camera or phone seen in the catalogue, for choosing what to correct."""

    make: str | None
    model: str
    items: int
    first: str | None
    last: str | None
    correction: Correction | None

    def as_json(self) -> dict[str, Any]:
        return {
            "make": self.make,
            "model": self.model,
            "items": self.items,
            "first": self.first,
            "last": self.last,
            "correction": self.correction.as_json() if self.correction else None,
        }


def _correction(c: ClockCorrection, **counts: int) -> Correction:
    return Correction(
        uuid=c.uuid,
        scope="item" if c.item_id is not None else "device",
        device_make=c.device_make,
        device_model=c.device_model,
        item_id=c.item_id,
        offset_s=c.offset_s,
        assume_offset_min=c.assume_offset_min,
        reason=c.reason,
        actor=c.actor,
        created_at=c.created_at.isoformat(),
        **counts,
    )


def corrected(item: Item, c: ClockCorrection) -> tuple[datetime, int | None, datetime | None]:
    """(corrected wall clock, its UTC offset if known, corrected UTC if known)."""
    assert item.captured_local is not None
    local = item.captured_local + timedelta(seconds=c.offset_s)
    offset = item.captured_offset_min
    if offset is None:
        offset = c.assume_offset_min
    utc = local - timedelta(minutes=offset) if offset is not None else None
    return local, offset, utc


def original_sort(item: Item) -> datetime | None:
    return item.captured_utc or item.captured_local


class _Corrections:
    """The corrections in force, looked up per item."""

    def __init__(self, session: Session) -> None:
        rows = queries.corrections(session)
        self.by_item = {c.item_id: c for c in rows if c.item_id is not None}
        self.by_device = {
            (_norm(c.device_make), _norm(c.device_model)): c for c in rows if c.item_id is None
        }

    def for_item(self, item: Item) -> ClockCorrection | None:
        if item.captured_local is None:
            return None
        if item.id in self.by_item:
            return self.by_item[item.id]
        if item.captured_source not in DEVICE_CLOCK_SOURCES:
            return None
        return self.by_device.get((_norm(item.device_make), _norm(item.device_model)))


def _refresh(session: Session, archive: Archive, items: Iterable[Item], reason: str = "") -> int:
    """Bring each item's corrected time and sort key in line; log each change."""
    rules = _Corrections(session)
    changed = 0
    for item in items:
        correction = rules.for_item(item)
        row = session.get(ItemTimeCorrection, item.id)
        before_row = (row.correction_id, row.offset_s, row.corrected_utc) if row else None
        target = original_sort(item)
        if correction is None:
            if row is not None:
                session.delete(row)
        else:
            local, offset, utc = corrected(item, correction)
            if row is None:
                row = ItemTimeCorrection(item_id=item.id)
                session.add(row)
            row.correction_id, row.offset_s = correction.id, correction.offset_s
            row.corrected_local, row.corrected_offset_min, row.corrected_utc = local, offset, utc
            row.applied_at = utcnow()
            target = utc or local
        after_row = (
            (row.correction_id, row.offset_s, row.corrected_utc) if row and correction else None
        )
        if item.captured_sort == target and before_row == after_row:
            continue
        before = item.captured_sort
        item.captured_sort = target
        session.flush()
        log_change(
            session,
            archive,
            "clock",
            correction.uuid if correction else "",
            "correct capture time" if correction else "remove capture-time correction",
            item=item,
            field="captured_sort",
            original=captured_at_iso(item),
            offset_s=correction.offset_s if correction else 0,
            assume_offset_min=correction.assume_offset_min if correction else None,
            before=iso(before),
            after=iso(target),
            reason=reason or (correction.reason if correction else ""),
        )
        changed += 1
    return changed


def _device_items(session: Session, make: str, model: str) -> Sequence[Item]:
    return queries.device_items(session, _norm(make), _norm(model))


def set_device_correction(
    archive: Archive,
    make: str,
    model: str,
    offset_s: int,
    *,
    assume_offset_min: int | None = None,
    reason: str = "",
) -> Correction:
    """Set (or replace) the correction of one device; returns it with the items changed."""
    if not model.strip():
        raise EvidenceDeskError("give the device model as the files report it (e.g. iPhone 12)")
    with archive.db.writer() as session:
        rules = _Corrections(session)
        correction = rules.by_device.get((_norm(make), _norm(model)))
        if correction is None:
            correction = ClockCorrection(
                uuid=new_uuid(), device_make=make.strip(), device_model=model.strip()
            )
            session.add(correction)
        _fill(archive, correction, offset_s, assume_offset_min, reason)
        session.flush()
        log_change(
            session,
            archive,
            "clock",
            correction.uuid,
            "set device correction",
            make=make.strip(),
            model=model.strip(),
            offset_s=offset_s,
            assume_offset_min=assume_offset_min,
            reason=reason,
        )
        changed = _refresh(session, archive, _device_items(session, make, model), reason)
        return _correction(correction, items_changed=changed)


def set_item_correction(
    archive: Archive,
    item_ref: str,
    offset_s: int,
    *,
    assume_offset_min: int | None = None,
    reason: str = "",
) -> Correction:
    """Set (or replace) the correction of one item; it overrides its device's."""
    with archive.db.writer() as session:
        item = resolve_item(session, item_ref)
        if item.captured_local is None:
            raise EvidenceDeskError(f"{item.exhibit} has no capture time to correct")
        correction = queries.of_item(session, item.id)
        if correction is None:
            correction = ClockCorrection(uuid=new_uuid(), item_id=item.id)
            session.add(correction)
        _fill(archive, correction, offset_s, assume_offset_min, reason)
        session.flush()
        changed = _refresh(session, archive, [item], reason)
        return _correction(correction, items_changed=changed)


def _fill(
    archive: Archive, c: ClockCorrection, offset_s: int, assume: int | None, reason: str
) -> None:
    if abs(offset_s) > 366 * 86400:
        raise EvidenceDeskError("a clock offset of more than a year is not plausible")
    if assume is not None and abs(assume) > 18 * 60:
        raise EvidenceDeskError("a UTC offset is between -18:00 and +18:00")
    c.offset_s, c.assume_offset_min, c.reason = offset_s, assume, reason
    c.actor, c.created_at = archive.actor, utcnow()


def remove_correction(archive: Archive, correction_uuid: str, reason: str = "") -> int:
    """Remove a correction; its items go back to their original (or their device's) time."""
    with archive.db.writer() as session:
        correction = queries.by_uuid(session, correction_uuid)
        if correction is None:
            raise EvidenceDeskError(f"no clock correction {correction_uuid}")
        affected = list(queries.corrected_items(session, correction.id))
        log_change(session, archive, "clock", correction.uuid, "remove correction", reason=reason)
        queries.drop_corrected_times(session, correction.id)
        session.delete(correction)
        session.flush()
        return _refresh(session, archive, affected, reason)


def apply_corrections(archive: Archive, item_ids: list[int] | None = None) -> int:
    """Apply the corrections in force to these items (default: all that may need it).

    Idempotent: an item already in line is left alone and not logged again.
    """
    with archive.db.writer() as session:
        if item_ids is not None:
            items = list(item_lookup.items_by_ids(session, list(item_ids)))
        else:
            rules = _Corrections(session)
            items = [
                i for make, model in rules.by_device for i in _device_items(session, make, model)
            ]
            items += item_lookup.items_by_ids(session, list(rules.by_item))
            items += queries.corrected_items(session)
        return _refresh(session, archive, {i.id: i for i in items}.values())


def list_corrections(archive: Archive) -> list[Correction]:
    with archive.db.reader() as session:
        counts = queries.items_per_correction(session)
        return [_correction(c, items=counts.get(c.id, 0)) for c in queries.corrections(session)]


def devices(archive: Archive) -> list[Device]:
    """Devices seen in the catalogue, with item counts and capture-time span (for picking)."""
    with archive.db.reader() as session:
        rules = _Corrections(session)
        found: list[Device] = []
        for make, model, count, first, last in queries.devices(session):
            rule = rules.by_device.get((_norm(make), _norm(model)))
            correction = _correction(rule) if rule is not None else None
            found.append(Device(make, model or "", count, iso(first), iso(last), correction))
        return found


@dataclass(frozen=True)
class CaptureTime:
    """An item's capture time as read, and as corrected (None when no correction applies)."""

    original: str | None
    corrected: str | None
    offset_s: int
    correction: str | None  # the correction's UUID

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def capture_times(session: Session, item: Item) -> CaptureTime:
    """The original and (when corrected) the corrected capture time of one item."""
    row = session.get(ItemTimeCorrection, item.id)
    if row is None:
        return CaptureTime(captured_at_iso(item), None, 0, None)
    text = row.corrected_local.isoformat()
    if row.corrected_offset_min is not None:
        tz = timezone(timedelta(minutes=row.corrected_offset_min))
        text = row.corrected_local.replace(tzinfo=tz).isoformat()
    correction = session.get_one(ClockCorrection, row.correction_id)
    return CaptureTime(captured_at_iso(item), text, row.offset_s, correction.uuid)
