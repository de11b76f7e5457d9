"""Plan vs actual: the planned amounts of a stage and the year's actuals from the executors' entries.

Amounts in an entry are cash expenditure since 1 January, so an executor's actual for the year
is its latest report of the year (II half-year's when given, otherwise I half-year's); a joint
measure's actual is the sum of its co-executors' own actuals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Measure, PlannedFunding, Stage
from kr_desktop.domain.progress import Period
from kr_desktop.errors import UserError
from kr_desktop.services.program import choice
from kr_desktop.services.progress import entries_by_period


def year_actuals(session: Session, year: int) -> dict[int, dict[int, Decimal]]:
    """measure_id → source_id → actual for the whole year, summed over the measure's executors."""
    return _actuals(entries_by_period(session, (Period(year, 1), Period(year, 2))), year)


def _actuals(entries: dict[Period, dict], year: int) -> dict[int, dict[int, Decimal]]:
    latest: dict[tuple[int, int | None], dict[int, Decimal]] = {}
    for half in (1, 2):  # each executor's II half-year report, when given, replaces its I half-year's
        for key, entry in entries.get(Period(year, half), {}).items():
            latest[key] = {a.source_id: a.amount for a in entry.amounts}
    result: dict[int, dict[int, Decimal]] = {}
    for (measure_id, _executor_id), amounts in latest.items():
        sums = result.setdefault(measure_id, {})
        for source_id, amount in amounts.items():
            sums[source_id] = sums.get(source_id, Decimal(0)) + amount
    return result


def planned_by_year(session: Session, stage: Stage | None) -> tuple[dict, dict]:
    """(direction_id → year → source_id → plan, measure_id → year → source_id → plan) of a stage
    (of every stage when ``stage`` is None)."""
    by_direction: dict = defaultdict(lambda: defaultdict(dict))
    by_measure: dict = defaultdict(lambda: defaultdict(dict))
    query = select(PlannedFunding).join(Direction, Direction.id == PlannedFunding.direction_id)
    for p in session.scalars(query if stage is None else query.where(Direction.stage_id == stage.id)):
        by_direction[p.direction_id][p.year][p.source_id] = p.amount
    query = select(PlannedFunding).join(Measure, Measure.id == PlannedFunding.measure_id).join(Direction)
    for p in session.scalars(query if stage is None else query.where(Direction.stage_id == stage.id)):
        by_measure[p.measure_id][p.year][p.source_id] = p.amount
    return by_direction, by_measure


@dataclass(frozen=True)
class YearBar:
    year: int
    plan: Decimal
    actual: Decimal


def plan_vs_actual_by_year(db: Database, direction_id: int | None = None,
                           program_id: int | None = None) -> list[YearBar]:
    """Plan and actual per year for a whole program (all its stages; None: the default program) or
    one direction (its stage)."""
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
