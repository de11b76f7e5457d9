"""Executors' reports: entering a period's progress entries, and plan vs actual for reports.

A period's grid is one row per measure of the stage that covers the period's year. Saving a
row is one user action (one transaction): the entry and its amounts by source together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Mapping

from sqlalchemy import false, select, union
from sqlalchemy.orm import Session, selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Direction, Executor, FundingSource, Measure, PlannedFunding, ProgressAmount,
                                  ProgressEntry, ReportingPeriod, Stage)
from kr_desktop.domain.progress import STATUS_LABELS, Period, Status, parse_amount, parse_date, status_from_text
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.program import choice
from kr_desktop.text.formatting import format_date


@dataclass(frozen=True)
class SourceColumn:
    id: int
    name: str
    short_name: str


@dataclass(frozen=True)
class ProgressRow:
    """One measure in a period's grid (``status`` None: nothing reported yet)."""

    measure_id: int
    number: str
    text: str
    executors: tuple[str, ...]
    deadline: str
    status: Status | None = None
    narrative: str = ""
    amounts: dict[int, Decimal] = field(default_factory=dict)  # source_id → actual since 1 January
    reasons: str = ""
    received_on: dt.date | None = None
    reported_by: str = ""
    version: int | None = None

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


def _sources_of_stage(session: Session, stage: Stage | None) -> tuple[SourceColumn, ...]:
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


def _period_row(session: Session, period: Period) -> ReportingPeriod | None:
    return session.scalar(select(ReportingPeriod).where(ReportingPeriod.year == period.year,
                                                        ReportingPeriod.half == period.half))


def entries_of(session: Session, period: Period) -> dict[int, ProgressEntry]:
    row = _period_row(session, period)
    if row is None:
        return {}
    return {e.measure_id: e for e in session.scalars(
        select(ProgressEntry).where(ProgressEntry.period_id == row.id).options(selectinload(ProgressEntry.amounts)))}


def entries_by_period(session: Session, periods) -> dict[Period, dict[int, ProgressEntry]]:
    """``entries_of`` for several periods at once: one query (and one for the amounts) instead of
    three per period — on a server each query is a round trip."""
    wanted = {Period(p.year, p.half) for p in periods}
    result: dict[Period, dict[int, ProgressEntry]] = {period: {} for period in wanted}
    if not wanted:
        return result
    rows = session.execute(select(ProgressEntry, ReportingPeriod.year, ReportingPeriod.half)
                           .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
                           .where(ReportingPeriod.year.in_({p.year for p in wanted}))
                           .options(selectinload(ProgressEntry.amounts)))
    for entry, year, half in rows:
        period = Period(year, half)
        if period in result:
            result[period][entry.measure_id] = entry
    return result


def period_grid(db: Database, year: int, half: int, executor_id: int | None = None,
                program_id: int | None = None) -> PeriodGrid:
    period = Period(year, half)
    with db.reading() as s:
        stage = stage_for_year(s, year, program_id)
        sources = _sources_of_stage(s, stage)
        if stage is None:
            return PeriodGrid(period, None, sources, ())
        query = (select(Measure).join(Direction).where(Direction.stage_id == stage.id)
                 .order_by(Direction.number, Measure.position)
                 .options(selectinload(Measure.executors), selectinload(Measure.direction)))
        if executor_id is not None:
            query = query.where(Measure.executors.any(Executor.id == executor_id))
        entries = entries_by_period(s, [period])[period]
        rows = []
        for m in s.scalars(query):
            row = ProgressRow(m.id, f"{m.direction.number}.{m.position}", m.text, tuple(e.name for e in m.executors),
                              m.deadline_phrase)
            entry = entries.get(m.id)
            if entry is not None:
                row = replace(row, status=Status(entry.status), narrative=entry.narrative, reasons=entry.reasons,
                              received_on=entry.received_on, reported_by=entry.reported_by, version=entry.version,
                              amounts={a.source_id: a.amount for a in entry.amounts})
            rows.append(row)
        return PeriodGrid(period, stage.annex_number, sources, tuple(rows))


def save_entry(db: Database, year: int, half: int, measure_id: int, *, status: Status | str | None,
               narrative: str = "", amounts: Mapping[int, str | Decimal | None] | None = None, reasons: str = "",
               received_on: dt.date | str | None = None, reported_by: str = "",
               today: dt.date | None = None) -> ProgressRow:
    """Create or replace a measure's entry for a period, with its amounts by source (one action)."""
    require(db, OPERATOR)
    period = Period(year, half)
    today = today or dt.date.today()
    chosen = status if isinstance(status, Status) or status is None else status_from_text(status)
    if chosen is None:
        raise ValidationError("Стан виконання: оберіть стан (не розпочато, виконується, виконано, "
                              "не виконано, перенесено).", field="status")
    received = parse_date(received_on, "Дата отримання")
    if received is not None and received < period.start:
        raise ValidationError(f"Дата отримання: {format_date(received)} — раніше за початок періоду "
                              f"({format_date(period.start)}).", field="received_on")
    if received is not None and received > today:
        raise ValidationError(f"Дата отримання: {format_date(received)} — ще не настала.", field="received_on")
    with db.changing(f"Внесено звіт виконавця за {period.label}") as s:
        measure = s.get(Measure, measure_id)
        if measure is None:
            raise UserError("Захід не знайдено (можливо, його вже видалено).")
        stage = measure.direction.stage
        if year not in stage.years:
            raise ValidationError(f"Рік {year} поза межами етапу заходу {measure.direction.number}.{measure.position} "
                                  f"({stage.start_year}–{stage.end_year}).", field="year")
        number = f"{measure.direction.number}.{measure.position}"
        sources = {f.id: f.name for f in s.scalars(select(FundingSource))}
        parsed: dict[int, Decimal | None] = {}
        for source_id, text in (amounts or {}).items():
            if source_id not in sources:
                raise ValidationError("Джерело фінансування не знайдено.", field="amount")
            parsed[source_id] = parse_amount(text, f"Захід {number}, профінансовано ({sources[source_id].lower()})")
        period_row = _period_row(s, period)
        if period_row is None:
            period_row = ReportingPeriod(year=year, half=half)
            s.add(period_row)
            s.flush()
        entry = s.scalar(select(ProgressEntry).where(ProgressEntry.measure_id == measure_id,
                                                     ProgressEntry.period_id == period_row.id))
        if entry is None:
            entry = ProgressEntry(measure_id=measure_id, period_id=period_row.id)
            s.add(entry)
        entry.status = chosen.value
        entry.narrative = (narrative or "").strip()
        entry.reasons = (reasons or "").strip()
        entry.received_on = received
        entry.reported_by = " ".join((reported_by or "").split())
        current = {a.source_id: a for a in entry.amounts}
        for source_id, value in parsed.items():
            if value is None:
                if source_id in current:
                    entry.amounts.remove(current[source_id])
            elif source_id in current:
                current[source_id].amount = value
            else:
                entry.amounts.append(ProgressAmount(source_id=source_id, amount=value))
        s.flush()
        return ProgressRow(measure.id, number, measure.text, tuple(e.name for e in measure.executors),
                           measure.deadline_phrase, chosen, entry.narrative,
                           {a.source_id: a.amount for a in entry.amounts}, entry.reasons, entry.received_on,
                           entry.reported_by, entry.version)


def clear_entry(db: Database, year: int, half: int, measure_id: int) -> None:
    """Remove a measure's entry for a period (back to «not reported»)."""
    require(db, OPERATOR)
    with db.changing(f"Вилучено звіт виконавця за {Period(year, half).label}") as s:
        entry = entries_of(s, Period(year, half)).get(measure_id)
        if entry is not None:
            s.delete(entry)


def reporting_executors(db: Database, year: int, program_id: int | None = None) -> list[tuple[int, str]]:
    """Executors with measures in the stage covering ``year`` (for the grid's filter)."""
    with db.reading() as s:
        stage = stage_for_year(s, year, program_id)
        if stage is None:
            return []
        rows = s.scalars(select(Executor).join(Executor.measures).join(Direction)
                         .where(Direction.stage_id == stage.id).distinct().order_by(Executor.sort_key))
        return [(e.id, e.name) for e in rows]


# -- plan vs actual -------------------------------------------------------------------------------
def year_actuals(session: Session, year: int) -> dict[int, dict[int, Decimal]]:
    """measure_id → source_id → actual for the whole year: the latest report of the year
    (amounts are since 1 January, so II half-year's when given, otherwise I half-year's)."""
    return _actuals(entries_by_period(session, (Period(year, 1), Period(year, 2))), year)


def _actuals(entries: dict[Period, dict[int, ProgressEntry]], year: int) -> dict[int, dict[int, Decimal]]:
    result: dict[int, dict[int, Decimal]] = {}
    for half in (1, 2):
        for measure_id, entry in entries.get(Period(year, half), {}).items():
            result[measure_id] = {a.source_id: a.amount for a in entry.amounts}
    return result


def planned_by_year(session: Session, stage: Stage | None) -> tuple[dict, dict]:
    """(direction_id → year → source_id → plan, measure_id → year → source_id → plan) of a stage
    (of every stage when ``stage`` is None)."""
    by_direction: dict = defaultdict(lambda: defaultdict(dict))
    by_measure: dict = defaultdict(lambda: defaultdict(dict))
    for p in _direction_funding(session, stage):
        by_direction[p.direction_id][p.year][p.source_id] = p.amount
    query = select(PlannedFunding).join(Measure, Measure.id == PlannedFunding.measure_id).join(Direction)
    for p in session.scalars(query if stage is None else query.where(Direction.stage_id == stage.id)):
        by_measure[p.measure_id][p.year][p.source_id] = p.amount
    return by_direction, by_measure


def _direction_funding(session: Session, stage: Stage | None):
    query = select(PlannedFunding).join(Direction, Direction.id == PlannedFunding.direction_id)
    return session.scalars(query if stage is None else query.where(Direction.stage_id == stage.id))


@dataclass(frozen=True)
class YearBar:
    year: int
    plan: Decimal
    actual: Decimal


def plan_vs_actual_by_year(db: Database, direction_id: int | None = None,
                           program_id: int | None = None) -> list[YearBar]:
    """Plan and actual per year for a whole program (all its stages) or one direction (its stage)."""
    bars: list[YearBar] = []
    with db.reading() as s:  # a few queries for the whole program, not a few per stage and year
        program = choice.resolve(s, program_id)
        stages = list(s.scalars(select(Stage).where(Stage.program_id == program.id).order_by(Stage.annex_number)))
        direction = s.get(Direction, direction_id) if direction_id is not None else None
        if direction_id is not None and direction is None:
            raise UserError("Напрям не знайдено.")
        stages = [stage for stage in stages if direction is None or stage.id == direction.stage_id]
        by_direction, by_measure = planned_by_year(s, stages[0] if direction is not None and stages else None)
        stage_of_direction = dict(s.execute(select(Direction.id, Direction.stage_id)).all())
        measures = dict(s.execute(select(Measure.id, Measure.direction_id)).all())
        years = [year for stage in stages for year in stage.years]
        entries = entries_by_period(s, [Period(year, half) for year in years for half in (1, 2)])
        for stage in stages:
            in_stage = (lambda d_id, stage_id=stage.id: stage_of_direction.get(d_id) == stage_id)
            wanted = (lambda d_id: d_id == direction.id) if direction is not None else in_stage
            for year in stage.years:
                plan = sum((sum(v[year].values(), Decimal(0)) for d_id, v in by_direction.items() if wanted(d_id)),
                           Decimal(0))
                plan += sum((sum(v[year].values(), Decimal(0)) for m_id, v in by_measure.items()
                             if wanted(measures.get(m_id))), Decimal(0))
                actual = sum((sum(amounts.values(), Decimal(0)) for m_id, amounts in _actuals(entries, year).items()
                              if m_id in measures and wanted(measures[m_id])), Decimal(0))
                bars.append(YearBar(year, plan, actual))
    return bars


def directions_for_chart(db: Database, program_id: int | None = None) -> list[tuple[int, str]]:
    with db.reading() as s:
        program = choice.resolve(s, program_id)
        rows = s.execute(select(Direction.id, Direction.number, Direction.name, Stage.annex_number, Stage.start_year,
                                Stage.end_year).join(Stage).where(Stage.program_id == program.id)
                         .order_by(Stage.annex_number, Direction.number))
        return [(d_id, f"Дод. {annex} ({first}–{last}), напрям {number}. {name}")
                for d_id, number, name, annex, first, last in rows]
