"""Deadline control: which executors' reports and which measures are overdue, due soon or done.

Pure rules on plain values (no database, no Qt), so the boundary dates are tested directly:
a report due «by 10 July» is late from 11 July; a deadline «Щорічно в травні» is late from
1 June (the last day of May is still in time); February has 29 days in leap years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from kr_desktop.domain.control_data import (SEVERITY, STATUS_LABELS, ControlData, ControlItem,  # noqa: F401
                                            ControlStatus, ExecutorCounts)
from kr_desktop.domain.deadlines import Deadline, DeadlineKind
from kr_desktop.domain.periods import Period, last_ended_period


def status_for(due: dt.date, done: bool, on: dt.date, soon_days: int) -> ControlStatus:
    """Done wins; otherwise late after the due date (the due date itself is in time), yellow within
    ``soon_days`` before it (the due date included), else pending."""
    if done:
        return ControlStatus.DONE
    if on > due:
        return ControlStatus.OVERDUE
    if (due - on).days <= soon_days:
        return ControlStatus.DUE_SOON
    return ControlStatus.PENDING


# -- executors' half-year reports ------------------------------------------------------------------
def periods_to_control(on: dt.date, soon_days: int) -> list[Period]:
    """The latest ended half-year (its report is being collected or is late) and, when its due
    date is within ``soon_days``, the next half-year too (its end may still be ahead)."""
    last = last_ended_period(on)
    periods = [last]
    following = last.next()
    if (following.due - on).days <= soon_days:
        periods.append(following)
    return periods


@dataclass(frozen=True)
class ReportCheck:
    """One executor's report for one period: how many of its measures are reported."""

    executor_id: int
    executor: str
    period: Period
    measures: int
    reported: int
    status: ControlStatus

    @property
    def missing(self) -> int:
        return self.measures - self.reported


def check_report(executor_id: int, executor: str, period: Period, measure_ids: Iterable[int],
                 reported_ids: set[int], on: dt.date, soon_days: int) -> ReportCheck | None:
    """An executor has reported a period when every measure it executes has an entry."""
    ids = set(measure_ids)
    if not ids:
        return None
    reported = len(ids & reported_ids)
    return ReportCheck(executor_id, executor, period, len(ids), reported,
                       status_for(period.due, reported == len(ids), on, soon_days))


# -- measures' own deadlines -----------------------------------------------------------------------
_RECURRING = {DeadlineKind.YEARLY, DeadlineKind.YEARLY_MONTHS}


def covered(deadline: Deadline, due: dt.date, done_dates: Sequence[dt.date], on: dt.date) -> bool:
    """Whether a «виконано» known on ``on`` covers ``due`` (for recurring deadlines: same year)."""
    if deadline.kind in _RECURRING:
        return any(d.year == due.year and d <= on for d in done_dates)
    return any(d <= on for d in done_dates)


@dataclass(frozen=True)
class DeadlineCheck:
    measure_id: int
    due: dt.date
    status: ControlStatus


def check_deadline(measure_id: int, deadline: Deadline, years: tuple[int, int], done_dates: Sequence[dt.date],
                   on: dt.date, soon_days: int) -> DeadlineCheck | None:
    """The measure's control status on ``on``: late when its last due date passed with no
    «виконано»; yellow when the next one is near and not yet covered; green when covered.
    None for deadlines without a date (постійно, у разі потреби, …) or with nothing due near."""
    first, last = years
    previous = deadline.last_due(on, first, last)
    if previous and deadline.is_overdue(on, first, last, done_dates):
        return DeadlineCheck(measure_id, previous, ControlStatus.OVERDUE)
    upcoming = deadline.next_due(on, first, last)
    if upcoming and (upcoming - on).days <= soon_days and not covered(deadline, upcoming, done_dates, on):
        return DeadlineCheck(measure_id, upcoming, ControlStatus.DUE_SOON)
    if upcoming and covered(deadline, upcoming, done_dates, on):
        return DeadlineCheck(measure_id, upcoming, ControlStatus.DONE)
    if previous:
        return DeadlineCheck(measure_id, previous, ControlStatus.DONE)
    return None


def count_by_executor(items: Iterable[tuple[int, str, ControlStatus]]) -> list[ExecutorCounts]:
    """Counts of overdue / due-soon / done items per executor, in the order first seen."""
    counts: dict[int, dict] = {}
    for executor_id, name, status in items:
        entry = counts.setdefault(executor_id, {"executor": name, "overdue": 0, "due_soon": 0, "done": 0})
        if status is ControlStatus.OVERDUE:
            entry["overdue"] += 1
        elif status is ControlStatus.DUE_SOON:
            entry["due_soon"] += 1
        elif status is ControlStatus.DONE:
            entry["done"] += 1
    return [ExecutorCounts(executor_id, **values) for executor_id, values in counts.items()]
