"""Axis ticks for the timeline on natural boundaries: minutes, hours, days, months, years.

Fixed steps in seconds (a "month" of 30 days) drifted off the first of the
month and their labels ran into each other in Russian and Kazakh. Here
each step is a calendar unit, ticks fall on its boundaries in display
time, and the finest step whose labels all fit (measured with the real
font) is chosen, so labels never overlap at any zoom. Month names come
from QLocale, in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QLocale

LABEL_GAP = 12  # pixels between one label's end and the next tick


@dataclass(frozen=True)
class Step:
    unit: str  # "minute", "hour", "day", "month" or "year"
    count: int


STEPS = (
    *(Step("minute", n) for n in (1, 5, 10, 15, 30)),
    *(Step("hour", n) for n in (1, 2, 3, 6, 12)),
    *(Step("day", n) for n in (1, 2, 7, 14)),
    *(Step("month", n) for n in (1, 2, 3, 6)),
    *(Step("year", n) for n in (1, 2, 5, 10, 20, 50)),
)


def floor(moment: datetime, step: Step) -> datetime:
    """The last boundary of ``step`` at or before ``moment`` (weeks start on Monday)."""
    if step.unit == "minute":
        return moment.replace(minute=moment.minute - moment.minute % step.count, second=0,
                              microsecond=0)  # fmt: skip
    if step.unit == "hour":
        return moment.replace(hour=moment.hour - moment.hour % step.count, minute=0, second=0,
                              microsecond=0)  # fmt: skip
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if step.unit == "day":
        if step.count >= 7:
            return day - timedelta(days=day.weekday())
        return day - timedelta(days=(day.toordinal() - 1) % step.count)
    if step.unit == "month":
        month = (moment.month - 1) // step.count * step.count + 1
        return day.replace(month=month, day=1)
    return day.replace(year=max(moment.year // step.count * step.count, 1), month=1, day=1)


def advance(moment: datetime, step: Step) -> datetime:
    if step.unit == "minute":
        return moment + timedelta(minutes=step.count)
    if step.unit == "hour":
        return moment + timedelta(hours=step.count)
    if step.unit == "day":
        return moment + timedelta(days=step.count)
    if step.unit == "month":
        months = moment.year * 12 + moment.month - 1 + step.count
        return moment.replace(year=months // 12, month=months % 12 + 1)
    return moment.replace(year=moment.year + step.count)


def ticks(start: datetime, end: datetime, step: Step, limit: int = 2000) -> list[datetime]:
    """Boundaries of ``step`` from just before ``start`` to ``end`` (at most ``limit``)."""
    out: list[datetime] = []
    tick = floor(start, step)
    while tick <= end and len(out) < limit:
        out.append(tick)
        try:
            tick = advance(tick, step)
        except (ValueError, OverflowError):
            break
    return out


def label(moment: datetime, step: Step, locale: QLocale) -> str:
    """The tick's text: a year, a month and year, a day and month, or a time of day."""
    if step.unit == "year":
        return str(moment.year)
    short = QLocale.FormatType.ShortFormat
    if step.unit == "month":
        return f"{locale.standaloneMonthName(moment.month, short)} {moment.year}"
    day = locale.toString(QDate(moment.year, moment.month, moment.day), "d MMM")
    if step.unit == "day":
        return day
    if moment.hour == 0 and moment.minute == 0:
        return day  # midnight names the new day
    return f"{moment.hour:02d}:{moment.minute:02d}"


@dataclass(frozen=True)
class Tick:
    at: datetime  # display (local) time
    x: float
    text: str


def choose(
    start: datetime,
    end: datetime,
    width: float,
    measure: Callable[[str], float],
    locale: QLocale | None = None,
) -> tuple[Step, list[Tick]]:
    """The finest natural step whose labels fit without overlapping, and its ticks.

    ``start``/``end`` are display times at the left and right edges of a
    ``width``-pixel axis; ``measure`` gives a label's width in pixels.
    """
    locale = locale or QLocale()
    span = max((end - start).total_seconds(), 1.0)

    def x_of(moment: datetime) -> float:
        return (moment - start).total_seconds() / span * width

    for step in STEPS:
        rough = _seconds(step) / span * width
        if rough < 18:  # cannot fit even a two-digit label
            continue
        moments = ticks(start, end, step)
        made = [Tick(m, x_of(m), label(m, step, locale)) for m in moments]
        if _fits(made, measure):
            return step, made
    step = STEPS[-1]
    return step, [Tick(m, x_of(m), label(m, step, locale)) for m in ticks(start, end, step)]


def _fits(made: list[Tick], measure: Callable[[str], float]) -> bool:
    for left, right in zip(made, made[1:], strict=False):
        if left.x + 3 + measure(left.text) + LABEL_GAP > right.x:
            return False
    return True


def _seconds(step: Step) -> float:
    unit = {"minute": 60, "hour": 3600, "day": 86400, "month": 28 * 86400, "year": 365 * 86400}
    return unit[step.unit] * step.count
