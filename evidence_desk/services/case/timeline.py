"""Timeline data: items by (corrected) capture time, incidents, and named periods.

The shutdown erased the real-time record, so researchers rebuild it from
capture times. The timeline puts on one axis the items (at their corrected
capture time, see ``case_clock``), the incidents (start to end, with their
precision) and the periods drawn as bands (the internet shutdown and the
state of emergency ship as defaults; users add their own). Times are naive
UTC; an item whose UTC offset is unknown sits at its wall-clock reading and
says so (``utc_known``), as it does in the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import Incident, ItemTimeCorrection, TimePeriod
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.common import new_uuid
from evidence_desk.services.case.dates import iso, parse_when
from evidence_desk.services.case.incidents import incident_summary
from evidence_desk.services.case.places import place_summary
from evidence_desk.services.case.search import CaseFilter, incident_query, item_query
from evidence_desk.services.case.vocabularies import LANGS
from evidence_desk.services.catalogue.items import captured_at_iso


@dataclass(frozen=True)
class Period:
    """A named band on the timeline (a shutdown, a curfew), shipped or the user's own.

    ``start``/``end`` are ISO times at the period's own UTC offset; ``label``
    is in the language asked for, ``labels`` in all three.
    """

    uuid: str
    code: str | None
    label: str
    labels: dict[str, str]
    start_utc: str
    end_utc: str
    start: str
    end: str
    offset_min: int | None
    precision: str | None
    color: str
    notes: str
    builtin: bool

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def period_of(p: TimePeriod, lang: str = "en") -> Period:
    labels = {"en": p.label_en, "ru": p.label_ru, "kk": p.label_kk}
    tz = timezone(timedelta(minutes=p.offset_min or 0))
    return Period(
        uuid=p.uuid,
        code=p.code,
        label=labels.get(lang) or p.label_en or p.label_ru or p.label_kk,
        labels=labels,
        start_utc=p.start_utc.isoformat(),
        end_utc=p.end_utc.isoformat(),
        start=p.start_utc.replace(tzinfo=UTC).astimezone(tz).isoformat(),
        end=p.end_utc.replace(tzinfo=UTC).astimezone(tz).isoformat(),
        offset_min=p.offset_min,
        precision=p.precision,
        color=p.color,
        notes=p.notes,
        builtin=p.builtin,
    )


def list_periods(archive: Archive, lang: str = "en") -> list[Period]:
    with archive.db.reader() as session:
        rows = session.scalars(select(TimePeriod).order_by(TimePeriod.start_utc, TimePeriod.id))
        return [period_of(p, lang) for p in rows]


def _span(start: str, end: str, offset: int | None) -> tuple[datetime, datetime, int | None, str]:
    """UTC bounds of a period; a date end includes its whole day."""
    first, last = parse_when(start, offset_min=offset), parse_when(end, offset_min=offset)
    if first is None or last is None:
        raise EvidenceDeskError("a period needs a start and an end")
    if last.end_key() <= first.sort_key():
        raise EvidenceDeskError("a period must end after it starts")
    return first.sort_key(), last.end_key(), first.offset_min, first.precision


def add_period(
    archive: Archive,
    label: str,
    start: str,
    end: str,
    *,
    offset_min: int | None = None,
    labels: dict[str, str] | None = None,
    color: str = "",
    notes: str = "",
) -> Period:
    """A user-defined period, e.g. ``add_period(a, "Curfew", "2022-01-06T23:00+06:00", …)``.

    Give times with their UTC offset (or ``offset_min``); without one they
    are taken as UTC.
    """
    if not label.strip():
        raise EvidenceDeskError("a period needs a label")
    first, last, offset, precision = _span(start, end, offset_min)
    names = {"en": label.strip(), **(labels or {})}
    with archive.db.writer() as session:
        period = TimePeriod(
            uuid=new_uuid(),
            label_en=names.get("en", ""),
            label_ru=names.get("ru", ""),
            label_kk=names.get("kk", ""),
            start_utc=first,
            end_utc=last,
            offset_min=offset,
            precision=precision,
            color=color,
            notes=notes,
            builtin=False,
            created_at=utcnow(),
        )
        session.add(period)
        session.flush()
        return period_of(period)


def update_period(archive: Archive, uuid: str, **values: Any) -> Period:
    """Change label(s) (``label``, ``labels``), ``start``/``end``, ``color``, ``notes``."""
    with archive.db.writer() as session:
        period = session.scalar(select(TimePeriod).where(TimePeriod.uuid == uuid))
        if period is None:
            raise EvidenceDeskError(f"no period {uuid}")
        if "start" in values or "end" in values:
            current = period_of(period)
            first, last, offset, precision = _span(
                values.pop("start", current.start),
                values.pop("end", current.end),
                values.pop("offset_min", None),
            )
            period.start_utc, period.end_utc = first, last
            period.offset_min, period.precision = offset, precision
        labels = values.pop("labels", {})
        if "label" in values:
            labels = {**labels, "en": values.pop("label")}
        for lang, text in labels.items():
            if lang in LANGS:
                setattr(period, f"label_{lang}", text)
        for name in ("color", "notes"):
            if name in values:
                setattr(period, name, values.pop(name))
        if values:
            raise EvidenceDeskError(f"not a field of a period: {', '.join(sorted(values))}")
        session.flush()
        return period_of(period)


def remove_period(archive: Archive, uuid: str) -> None:
    with archive.db.writer() as session:
        period = session.scalar(select(TimePeriod).where(TimePeriod.uuid == uuid))
        if period is None:
            raise EvidenceDeskError(f"no period {uuid}")
        session.delete(period)


def _item_rows(
    session: Session, flt: CaseFilter, start: datetime | None, end: datetime | None
) -> list[tuple[Item, ItemTimeCorrection | None]]:
    ids = item_query(session, flt).order_by(None).where(Item.captured_sort.is_not(None))
    stmt = (
        select(Item, ItemTimeCorrection)
        .outerjoin(ItemTimeCorrection, ItemTimeCorrection.item_id == Item.id)
        .where(Item.id.in_(ids))
        .order_by(Item.captured_sort, Item.exhibit_no)
    )
    if start is not None:
        stmt = stmt.where(Item.captured_sort >= start)
    if end is not None:
        stmt = stmt.where(Item.captured_sort < end)
    return list(session.execute(stmt))


def _item_point(item: Item, fix: ItemTimeCorrection | None) -> dict[str, Any]:
    return {
        "item_id": item.id,
        "exhibit": item.exhibit,
        "kind": item.kind,
        "title": item.title,
        "at": iso(item.captured_sort),
        "utc_known": (fix.corrected_utc if fix else item.captured_utc) is not None,
        "original": captured_at_iso(item),
        "corrected": fix is not None,
        "offset_s": fix.offset_s if fix else 0,
        "precision": item.captured_precision,
        "source": item.captured_source,
    }


def _incident_span(session: Session, incident: Incident) -> dict[str, Any]:
    return {
        **incident_summary(incident),
        "start_sort": iso(incident.start_sort),
        "end_sort": iso(incident.end_sort),
        "start_precision": incident.start_precision,
        "end_precision": incident.end_precision,
        "utc_known": incident.start_offset_min is not None,
        "place": place_summary(session, incident.place_id),
        "violations": [v.code for v in incident.violations],
    }


def timeline(
    archive: Archive,
    flt: CaseFilter | None = None,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    items: bool = True,
    incidents: bool = True,
    lang: str = "en",
) -> dict[str, Any]:
    """Everything the timeline view draws between ``start`` and ``end`` (naive UTC).

    ``flt`` filters items as in the catalogue and incidents by its incident
    conditions, place, person and text. ``undated`` counts matching items
    without a capture time, which the timeline cannot place.
    """
    flt = flt or CaseFilter()
    out: dict[str, Any] = {
        "items": [],
        "incidents": [],
        "periods": [p.as_json() for p in list_periods(archive, lang)],
    }
    with archive.db.reader() as session:
        if items:
            out["items"] = [_item_point(i, fix) for i, fix in _item_rows(session, flt, start, end)]
            undated = item_query(session, flt).order_by(None).where(Item.captured_sort.is_(None))
            out["undated"] = session.scalar(select(func.count()).select_from(undated.subquery()))
        if incidents:
            stmt = select(Incident).where(
                Incident.id.in_(incident_query(session, flt).order_by(None)),
                Incident.start_sort.is_not(None),
            )
            if end is not None:
                stmt = stmt.where(Incident.start_sort < end)
            if start is not None:
                stmt = stmt.where(Incident.end_sort >= start)
            rows = session.scalars(stmt.order_by(Incident.start_sort, Incident.id))
            out["incidents"] = [_incident_span(session, i) for i in rows]
    return out


def density(
    archive: Archive, flt: CaseFilter | None, start: datetime, end: datetime, buckets: int
) -> list[int]:
    """Item counts in ``buckets`` equal slices of [start, end): the overview strip."""
    if buckets <= 0 or end <= start:
        return []
    width = (end - start) / buckets
    counts = [0] * buckets
    with archive.db.reader() as session:
        ids = item_query(session, flt or CaseFilter()).order_by(None)
        times = session.scalars(
            select(Item.captured_sort).where(
                Item.id.in_(ids), Item.captured_sort >= start, Item.captured_sort < end
            )
        )
        for moment in times:
            if moment is None:
                continue
            counts[min(int((moment - start) / width), buckets - 1)] += 1
    return counts
