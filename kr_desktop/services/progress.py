"""Executors' reports: a period's progress entries, one per (measure, executor), as read.

Each co-executor of a joint measure reports its own part, so a period's grid has a row per
measure and executor of the stage that covers the period's year. Saving is
kr_desktop.services.progress_saving.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Mapping

from sqlalchemy import false, select, union
from sqlalchemy.orm import Session, selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Direction, Executor, FundingSource, Measure, PlannedFunding, ProgressEntry,
                                  ReportingPeriod, Stage)
from kr_desktop.domain.progress import STATUS_LABELS, Period, Status
from kr_desktop.services.program import choice

Key = tuple[int, int | None]  # (measure_id, executor_id)


@dataclass(frozen=True)
class SourceColumn:
    id: int
    name: str
    short_name: str


@dataclass(frozen=True)
class ProgressRow:
    """One executor's part of a measure in a period's grid (``status`` None: not reported yet)."""

    measure_id: int
    number: str
    text: str
    executors: tuple[str, ...]  # every executor of the measure, in the Program's order
    deadline: str
    executor_id: int | None = None  # whose report this row is (None: the measure has no executors)
    executor: str = ""
    status: Status | None = None
    narrative: str = ""
    amounts: dict[int, Decimal] = field(default_factory=dict)  # source_id → actual since 1 January
    reasons: str = ""
    received_on: dt.date | None = None
    reported_by: str = ""
    version: int | None = None  # the entry's version as read (None: no entry)

    @property
    def key(self) -> Key:
        return self.measure_id, self.executor_id

    @property
    def reported(self) -> bool:
        return self.status is not None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status] if self.status else ""


@dataclass(frozen=True)
class PeriodGrid:
    period: Period
    annex_number: int | None
    sources: tuple[SourceColumn, ...]
    rows: tuple[ProgressRow, ...]


def stage_for_year(session: Session, year: int, program_id: int | None = None) -> Stage | None:
    """The stage of the program (``program_id``, None: the default one) that covers ``year``."""
    return choice.stage_for_year(session, year, program_id)


def sources_of_stage(session: Session, stage: Stage | None) -> tuple[SourceColumn, ...]:
    """Sources with planned amounts in the stage (the city budget at least), in passport order
    (one query: on a server each is a round trip)."""
    used = false()
    if stage is not None:
        by_direction = (select(PlannedFunding.source_id).join(Direction, Direction.id == PlannedFunding.direction_id)
                        .where(Direction.stage_id == stage.id))
        by_measure = (select(PlannedFunding.source_id).join(Measure, Measure.id == PlannedFunding.measure_id)
                      .join(Direction).where(Direction.stage_id == stage.id))
        used = FundingSource.id.in_(union(by_direction, by_measure).scalar_subquery())
    rows = session.execute(select(FundingSource, used).order_by(FundingSource.position)).all()
    chosen = [f for f, in_use in rows if in_use] or [f for f, _ in rows[:1]]
    return tuple(SourceColumn(f.id, f.name, f.short_name or f.name) for f in chosen)


def period_row(session: Session, period: Period) -> ReportingPeriod | None:
    return session.scalar(select(ReportingPeriod).where(ReportingPeriod.year == period.year,
                                                        ReportingPeriod.half == period.half))


def entries_of(session: Session, period: Period) -> dict[Key, ProgressEntry]:
    """The period's entries by (measure_id, executor_id)."""
    return entries_by_period(session, [period])[period]


def entries_by_period(session: Session, periods) -> dict[Period, dict[Key, ProgressEntry]]:
    """``entries_of`` for several periods at once: one query (and one for the amounts) instead of a
    few per period — on a server each query is a round trip. (An entry's executor is loaded when
    asked for: only a report of an executor no longer linked to its measure needs the name.)"""
    wanted = {Period(p.year, p.half) for p in periods}
    result: dict[Period, dict[Key, ProgressEntry]] = {period: {} for period in wanted}
    if not wanted:
        return result
    rows = session.execute(select(ProgressEntry, ReportingPeriod.year, ReportingPeriod.half)
                           .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
                           .where(ReportingPeriod.year.in_({p.year for p in wanted}))
                           .options(selectinload(ProgressEntry.amounts)))
    for entry, year, half in rows:
        period = Period(year, half)
        if period in result:
            result[period][(entry.measure_id, entry.executor_id)] = entry
    return result


def with_entry(row: ProgressRow, entry: ProgressEntry | None) -> ProgressRow:
    if entry is None:
        return row
    return replace(row, status=Status(entry.status), narrative=entry.narrative, reasons=entry.reasons,
                   received_on=entry.received_on, reported_by=entry.reported_by, version=entry.version,
                   amounts={a.source_id: a.amount for a in entry.amounts})


def measure_rows(measure: Measure, entries: Mapping[Key, ProgressEntry]) -> list[ProgressRow]:
    """A measure's rows: one per executor of the measure, then any report of an executor no
    longer linked to it (kept, never hidden); a measure without executors has one row."""
    base = ProgressRow(measure.id, f"{measure.direction.number}.{measure.position}", measure.text,
                       tuple(e.name for e in measure.executors), measure.deadline_phrase)
    linked = [(e.id, e.name) for e in measure.executors]
    others = sorted(((key[1], entry.executor.name if entry.executor else "") for key, entry in entries.items()
                     if key[0] == measure.id and key[1] not in {e_id for e_id, _n in linked}),
                    key=lambda pair: (pair[0] is not None, pair[1]))
    owners = linked + others or [(None, "")]
    return [with_entry(replace(base, executor_id=e_id, executor=name), entries.get((measure.id, e_id)))
            for e_id, name in owners]


def _stage_measures(session: Session, stage: Stage):
    return session.scalars(select(Measure).join(Direction).where(Direction.stage_id == stage.id)
                           .order_by(Direction.number, Measure.position)
                           .options(selectinload(Measure.executors), selectinload(Measure.direction)))


def period_grid(db: Database, year: int, half: int, executor_id: int | None = None,
                program_id: int | None = None) -> PeriodGrid:
    period = Period(year, half)
    with db.reading() as s:
        stage = stage_for_year(s, year, program_id)
        sources = sources_of_stage(s, stage)
        if stage is None:
            return PeriodGrid(period, None, sources, ())
        entries = entries_of(s, period)
        rows = [row for m in _stage_measures(s, stage) for row in measure_rows(m, entries)
                if executor_id is None or row.executor_id == executor_id]
        return PeriodGrid(period, stage.annex_number, sources, tuple(rows))


def reporting_executors(db: Database, year: int, program_id: int | None = None) -> list[tuple[int, str]]:
    """Executors with measures in the stage covering ``year`` (for the grid's filter)."""
    with db.reading() as s:
        stage = stage_for_year(s, year, program_id)
        if stage is None:
            return []
        rows = s.scalars(select(Executor).join(Executor.measures).join(Direction)
                         .where(Direction.stage_id == stage.id).distinct().order_by(Executor.sort_key))
        return [(e.id, e.name) for e in rows]
