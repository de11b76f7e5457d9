"""What deadline control finds, as the control screen shows it: statuses, items, counts.

Plain values apart from the rules (kr_desktop.domain.control), so the window's start screen can
show its snapshot (kr_desktop.services.start_snapshot) before anything heavy is loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from kr_desktop.domain.periods import Period


class ControlStatus(StrEnum):
    OVERDUE = "overdue"      # red
    DUE_SOON = "due_soon"    # yellow
    DONE = "done"            # green
    PENDING = "pending"      # not due yet and not soon: no colour


STATUS_LABELS = {
    ControlStatus.OVERDUE: "прострочено",
    ControlStatus.DUE_SOON: "наближається строк",
    ControlStatus.DONE: "виконано",
    ControlStatus.PENDING: "очікується",
}
SEVERITY = {ControlStatus.OVERDUE: 3, ControlStatus.DUE_SOON: 2, ControlStatus.PENDING: 1, ControlStatus.DONE: 0}


@dataclass(frozen=True)
class ExecutorCounts:
    executor_id: int
    executor: str
    overdue: int = 0
    due_soon: int = 0
    done: int = 0

    @property
    def status(self) -> ControlStatus:
        if self.overdue:
            return ControlStatus.OVERDUE
        if self.due_soon:
            return ControlStatus.DUE_SOON
        return ControlStatus.DONE if self.done else ControlStatus.PENDING


# -- what the control screen shows -------------------------------------------------------------
@dataclass(frozen=True)
class ControlItem:
    kind: str  # "report": an executor's half-year report; "deadline": a measure's own deadline
    status: ControlStatus
    due: dt.date
    executors: tuple[tuple[int, str], ...]
    what: str  # «Звіт за I півріччя 2026 року» or «Захід 4.1»
    detail: str  # «не надано 3 з 5 заходів» or the measure's text
    deadline: str = ""  # the deadline phrase of a measure
    # the measures the item is about (a report's missing ones, in the Program's order; a deadline's
    # one measure): a reminder letter lists them with their number and text
    measure_ids: tuple[int, ...] = ()

    @property
    def executor_names(self) -> str:
        return "; ".join(name for _id, name in self.executors)


@dataclass(frozen=True)
class ControlData:
    on: dt.date
    soon_days: int
    periods: tuple[Period, ...]
    items: tuple[ControlItem, ...]
    by_executor: tuple[ExecutorCounts, ...]

    def items_of(self, executor_id: int, statuses=(ControlStatus.OVERDUE,)) -> list[ControlItem]:
        return [i for i in self.items if i.status in statuses and any(e == executor_id for e, _n in i.executors)]
