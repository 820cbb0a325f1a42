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

from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import Incident, ItemTimeCorrection, TimePeriod
from evidence_desk.db.queries import case_timeline as queries
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.common import new_uuid
from evidence_desk.services.case.dates import iso, parse_when
from evidence_desk.services.case.incidents import incident_summary
from evidence_desk.services.case.places import summary_of_place
from evidence_desk.services.case.search import CaseFilter, incident_query, item_query
from evidence_desk.services.case.timeline_records import Timeline, TimelinePoint, TimelineSpan
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
        return [period_of(p, lang) for p in queries.periods(session)]


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
        period = queries.period_by_uuid(session, uuid)
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
        period = queries.period_by_uuid(session, uuid)
        if period is None:
            raise EvidenceDeskError(f"no period {uuid}")
        session.delete(period)


def _item_point(item: Item, fix: ItemTimeCorrection | None) -> TimelinePoint:
    return TimelinePoint(
        item_id=item.id,
        exhibit=item.exhibit,
        kind=item.kind,
        title=item.title,
        at=iso(item.captured_sort),
        utc_known=(fix.corrected_utc if fix else item.captured_utc) is not None,
        original=captured_at_iso(item),
        corrected=fix is not None,
        offset_s=fix.offset_s if fix else 0,
        precision=item.captured_precision,
        source=item.captured_source,
    )


def _incident_span(session: Session, incident: Incident) -> TimelineSpan:
    return TimelineSpan(
        **incident_summary(incident).as_json(),
        start_sort=iso(incident.start_sort),
        end_sort=iso(incident.end_sort),
        start_precision=incident.start_precision,
        end_precision=incident.end_precision,
        utc_known=incident.start_offset_min is not None,
        place=summary_of_place(session, incident.place_id),
        violations=[v.code for v in incident.violations],
    )


def timeline(
    archive: Archive,
    flt: CaseFilter | None = None,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    items: bool = True,
    incidents: bool = True,
    lang: str = "en",
) -> Timeline:
    """Everything the timeline view draws between ``start`` and ``end`` (naive UTC).

    ``flt`` filters items as in the catalogue and incidents by its incident
    conditions, place, person and text. ``undated`` counts matching items
    without a capture time, which the timeline cannot place.
    """
    flt = flt or CaseFilter()
    periods = list_periods(archive, lang)
    points: list[TimelinePoint] = []
    spans: list[TimelineSpan] = []
    undated = None
    with archive.db.reader() as session:
        if items:
            ids = item_query(session, flt)
            dated = queries.dated_items(session, ids, start, end)
            points = [_item_point(i, fix) for i, fix in dated]
            undated = queries.undated_count(session, ids)
        if incidents:
            found = queries.incidents_in_span(session, incident_query(session, flt), start, end)
            spans = [_incident_span(session, i) for i in found]
    return Timeline(items=points, incidents=spans, periods=periods, undated=undated)


def density(
    archive: Archive, flt: CaseFilter | None, start: datetime, end: datetime, buckets: int
) -> list[int]:
    """Item counts in ``buckets`` equal slices of [start, end): the overview strip."""
    if buckets <= 0 or end <= start:
        return []
    width = (end - start) / buckets
    counts = [0] * buckets
    with archive.db.reader() as session:
        ids = item_query(session, flt or CaseFilter())
        for moment in queries.capture_times(session, ids, start, end):
            if moment is None:
                continue
            counts[min(int((moment - start) / width), buckets - 1)] += 1
    return counts
