"""Timeline data: items at corrected times, incidents, default and user periods."""

from __future__ import annotations

from datetime import datetime

import pytest

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import clock as case_clock
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.case import timeline as case_timeline
from evidence_desk.services.case.search import CaseFilter
from tests.helpers.case_records import add_file


def test_the_shutdown_and_the_state_of_emergency_are_shipped(archive):
    periods = {p.code: p for p in case_timeline.list_periods(archive)}
    shutdown = periods["kz-2022-internet-shutdown"]
    assert shutdown.start.startswith("2022-01-05T17:00:00+06:00")
    assert shutdown.end_utc == "2022-01-10T18:00:00"  # the end of 10 January in Almaty
    emergency = periods["kz-2022-state-of-emergency"]
    assert (emergency.start_utc, emergency.end_utc) == (
        "2022-01-04T18:00:00",
        "2022-01-19T18:00:00",
    )
    assert emergency.labels["ru"] == "Чрезвычайное положение"
    assert emergency.labels["kk"] == "Төтенше жағдай"


def test_user_periods_are_added_changed_and_removed(archive):
    curfew = case_timeline.add_period(
        archive,
        "Curfew in Almaty",
        "2022-01-06T23:00+06:00",
        "2022-01-07T07:00+06:00",
        labels={"ru": "Комендантский час"},
    )
    assert (curfew.start_utc, curfew.end_utc) == (
        "2022-01-06T17:00:00",
        "2022-01-07T01:00:00",
    )
    day = case_timeline.add_period(archive, "Funerals", "2022-01-08", "2022-01-08", offset_min=360)
    assert (day.start_utc, day.end_utc) == ("2022-01-07T18:00:00", "2022-01-08T18:00:00")
    changed = case_timeline.update_period(
        archive,
        curfew.uuid,
        end="2022-01-07T06:00+06:00",
        color="#000000",
        labels={"kk": "Коменданттық сағат"},
    )
    assert changed.end_utc == "2022-01-07T00:00:00" and changed.color == "#000000"
    assert changed.labels["ru"] == "Комендантский час"
    case_timeline.remove_period(archive, day.uuid)
    assert len(case_timeline.list_periods(archive)) == 3
    with pytest.raises(EvidenceDeskError, match="end after it starts"):
        case_timeline.add_period(archive, "Backwards", "2022-01-08", "2022-01-07")


def test_items_sit_at_corrected_times_and_incidents_span_their_precision(archive, tmp_path):
    folder = tmp_path / "in"
    early = add_file(archive, folder, "early.jpg", exif_datetime="2022:01:05 17:00:00")
    late = add_file(
        archive,
        folder,
        "late.jpg",
        exif_datetime="2022:01:05 18:00:00",
        make="samsung",
        model="SM-A515F",
    )
    undated = case_testimonies.add_testimony(archive, statement="undated").exhibit
    case_clock.set_device_correction(archive, "samsung", "SM-A515F", -2 * 3600)
    day = case_incidents.add_incident(
        archive, "Clashes", start="2022-01-05", offset="+06:00", violations=["excessive_force"]
    )
    case_incidents.add_incident(archive, "Later", start="2022-01-09T10:00+06:00")
    case_incidents.add_incident(archive, "Undated")

    data = case_timeline.timeline(archive)
    assert [i.exhibit for i in data.items] == [late, early]
    first = data.items[0]
    assert first.at == "2022-01-05T10:00:00" and first.corrected and first.utc_known
    assert first.original == "2022-01-05T18:00:00+06:00" and first.offset_s == -7200
    assert data.undated == 1 and undated not in [i.exhibit for i in data.items]
    assert [i.title for i in data.incidents] == ["Clashes", "Later"]
    assert data.incidents[0].end_sort == "2022-01-05T18:00:00"
    assert len(data.periods) == 2

    window = case_timeline.timeline(
        archive, start=datetime(2022, 1, 5, 10, 30), end=datetime(2022, 1, 6)
    )
    assert [i.exhibit for i in window.items] == [early]
    assert [i.title for i in window.incidents] == ["Clashes"]
    only_force = case_timeline.timeline(archive, CaseFilter(violations=("excessive_force",)))
    assert only_force.items == [] and [i.title for i in only_force.incidents] == [
        "Clashes"
    ]
    counts = case_timeline.density(archive, None, datetime(2022, 1, 5), datetime(2022, 1, 6), 24)
    assert (counts[10], counts[11], sum(counts)) == (1, 1, 2)
    assert day.verification == "unverified"
