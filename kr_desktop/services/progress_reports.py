"""Plain data for the area's printed reports: half-year progress, budget use, overdue items.

Planned amounts of a direction are merged cells over its measures in the decision, so they
are reported on the direction's row; a measure's own amounts on the measure's row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, FundingSource, Measure, PassportFunding
from kr_desktop.domain.progress import NOT_REPORTED, Period
from kr_desktop.errors import UserError
from kr_desktop.services.control import ControlData, Signing, control_data, signing
from kr_desktop.services.program import choice
from kr_desktop.services.progress import entries_of, measure_rows, stage_for_year
from kr_desktop.services.progress_actuals import planned_by_year, year_actuals
from kr_desktop.text.wording import join_list

ZERO = Decimal(0)


@dataclass(frozen=True)
class ProgramInfo:
    name: str
    decision_number: str
    decision_date: dt.date | None  # None: a draft, not approved yet
    start_year: int
    end_year: int

    @property
    def approval(self) -> str:
        """The reports' opening words about the program's decision."""
        if not self.decision_number:
            return "Програму ще не затверджено (проєкт)"
        when = f" від {self.decision_date:%d.%m.%Y}" if self.decision_date else ""
        return f"Програму затверджено рішенням міської ради{when} №{self.decision_number} (зі змінами)"

    @property
    def name_genitive(self) -> str:
        """«про хід виконання Програми …»: the leading word in the genitive."""
        first, _, rest = self.name.partition(" ")
        return f"{first[:-1]}и {rest}" if first in ("Програма", "програма") else self.name


@dataclass(frozen=True)
class ExecutorPart:
    """One executor's own report on a measure (each co-executor of a joint measure has one)."""

    executor: str
    actual: Decimal | None  # None: not reported
    status: str  # the status label or «інформація не надана»
    narrative: str
    reasons: str
    reported: bool


@dataclass(frozen=True)
class MeasureLine:
    number: str
    text: str
    executors: str
    deadline: str
    sources: str
    plan: Decimal | None  # the measure's own planned amount (None: covered by the direction's)
    parts: tuple[ExecutorPart, ...]  # one per executor, in the Program's order

    @property
    def joint(self) -> bool:
        return len(self.parts) > 1

    @property
    def actual(self) -> Decimal | None:
        """The measure's actual: its executors' own actuals summed (None: nobody reported)."""
        reported = [p.actual for p in self.parts if p.reported]
        return sum((a or ZERO for a in reported), ZERO) if reported else None

    @property
    def reported(self) -> bool:
        """Every executor of the measure has reported."""
        return all(p.reported for p in self.parts)

    @property
    def reports(self) -> int:
        return sum(1 for p in self.parts if p.reported)

    def _single(self, name: str, default: str = "") -> str:
        return getattr(self.parts[0], name) if len(self.parts) == 1 else default

    @property
    def status(self) -> str:
        return self._single("status")

    @property
    def narrative(self) -> str:
        return self._single("narrative")

    @property
    def reasons(self) -> str:
        return self._single("reasons")


@dataclass(frozen=True)
class DirectionLine:
    number: int
    name: str
    sources: str
    plan: Decimal | None  # direction-level (merged) planned amount for the year
    covered_actual: Decimal  # actual of the measures the direction-level amount covers
    measures: tuple[MeasureLine, ...]

    @property
    def plan_total(self) -> Decimal:
        return (self.plan or ZERO) + sum((m.plan or ZERO for m in self.measures), ZERO)

    @property
    def actual_total(self) -> Decimal:
        return sum((m.actual or ZERO for m in self.measures), ZERO)


@dataclass(frozen=True)
class HalfYearData:
    program: ProgramInfo
    period: Period
    annex_number: int
    directions: tuple[DirectionLine, ...]
    signing: Signing
    printed_on: dt.date

    @property
    def plan_total(self) -> Decimal:
        return sum((d.plan_total for d in self.directions), ZERO)

    @property
    def actual_total(self) -> Decimal:
        return sum((d.actual_total for d in self.directions), ZERO)

    @property
    def measures(self) -> list[MeasureLine]:
        return [m for d in self.directions for m in d.measures]


def _program_info(s, program_id: int | None = None) -> ProgramInfo:
    p = choice.resolve(s, program_id)
    return ProgramInfo(p.name, p.decision_number, p.decision_date, p.start_year, p.end_year)


def _stage_or_error(s, year: int, program_id: int | None = None):
    stage = stage_for_year(s, year, program_id)
    if stage is None:
        raise UserError(f"{year} рік поза строком Програми: немає етапу, що охоплює цей рік.")
    return stage


def halfyear_data(db: Database, year: int, half: int, today: dt.date | None = None,
                  program_id: int | None = None) -> HalfYearData:
    period = Period(year, half)
    with db.reading() as s:
        info = _program_info(s, program_id)
        stage = _stage_or_error(s, year, program_id)
        source_names = {f.id: f.short_name or f.name for f in s.scalars(select(FundingSource))}
        by_direction, by_measure = planned_by_year(s, stage)
        entries = entries_of(s, period)
        directions = []
        for d in s.scalars(select(Direction).where(Direction.stage_id == stage.id).order_by(Direction.number)
                           .options(selectinload(Direction.measures).selectinload(Measure.executors),
                                    selectinload(Direction.measures).selectinload(Measure.direction))):
            d_plan = by_direction.get(d.id, {}).get(year, {})
            lines, covered = [], ZERO
            for m in d.measures:
                m_plan = by_measure.get(m.id, {}).get(year, {})
                parts = tuple(ExecutorPart(row.executor, sum(row.amounts.values(), ZERO) if row.reported else None,
                                           row.status_label if row.reported else NOT_REPORTED, row.narrative,
                                           row.reasons, row.reported)
                              for row in measure_rows(m, entries))
                line = MeasureLine(f"{d.number}.{m.position}", m.text, join_list(e.name for e in m.executors),
                                   m.deadline_phrase, ", ".join(source_names[i] for i in m_plan),
                                   sum(m_plan.values(), ZERO) if m_plan else None, parts)
                if line.actual is not None and not m_plan:
                    covered += line.actual
                lines.append(line)
            directions.append(DirectionLine(d.number, d.name, ", ".join(source_names[i] for i in d_plan),
                                            sum(d_plan.values(), ZERO) if d_plan else None, covered, tuple(lines)))
        return HalfYearData(info, period, stage.annex_number, tuple(directions), signing(db), today or dt.date.today())


# -- budget ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceLine:
    source: str
    plan: Decimal
    actual: Decimal


@dataclass(frozen=True)
class BudgetDirection:
    number: int
    name: str
    sources: tuple[SourceLine, ...]

    @property
    def plan(self) -> Decimal:
        return sum((x.plan for x in self.sources), ZERO)

    @property
    def actual(self) -> Decimal:
        return sum((x.actual for x in self.sources), ZERO)


@dataclass(frozen=True)
class BudgetData:
    program: ProgramInfo
    year: int
    annex_number: int
    passport_total: Decimal
    directions: tuple[BudgetDirection, ...]
    signing: Signing
    printed_on: dt.date

    @property
    def by_source(self) -> tuple[SourceLine, ...]:
        names: dict[str, list[Decimal]] = {}
        for d in self.directions:
            for x in d.sources:
                pair = names.setdefault(x.source, [ZERO, ZERO])
                pair[0] += x.plan
                pair[1] += x.actual
        return tuple(SourceLine(n, p, a) for n, (p, a) in names.items())

    @property
    def plan(self) -> Decimal:
        return sum((d.plan for d in self.directions), ZERO)

    @property
    def actual(self) -> Decimal:
        return sum((d.actual for d in self.directions), ZERO)


def budget_data(db: Database, year: int, today: dt.date | None = None, program_id: int | None = None) -> BudgetData:
    with db.reading() as s:
        program_id = choice.resolve(s, program_id).id
        info = _program_info(s, program_id)
        stage = _stage_or_error(s, year, program_id)
        sources = list(s.scalars(select(FundingSource).order_by(FundingSource.position)))
        by_direction, by_measure = planned_by_year(s, stage)
        actuals = year_actuals(s, year)
        passport = sum(s.scalars(select(PassportFunding.amount).where(PassportFunding.year == year,
                                                                      PassportFunding.program_id == program_id)), ZERO)
        directions = []
        for d in s.scalars(select(Direction).where(Direction.stage_id == stage.id).order_by(Direction.number)
                           .options(selectinload(Direction.measures))):
            lines = []
            for source in sources:
                plan = by_direction.get(d.id, {}).get(year, {}).get(source.id, ZERO)
                plan += sum((by_measure.get(m.id, {}).get(year, {}).get(source.id, ZERO) for m in d.measures), ZERO)
                actual = sum((actuals.get(m.id, {}).get(source.id, ZERO) for m in d.measures), ZERO)
                if plan or actual:
                    lines.append(SourceLine(source.name, plan, actual))
            directions.append(BudgetDirection(d.number, d.name, tuple(lines)))
        return BudgetData(info, year, stage.annex_number, passport, tuple(directions), signing(db),
                          today or dt.date.today())


# -- overdue --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OverdueData:
    program: ProgramInfo
    control: ControlData
    signing: Signing

    def executors(self) -> list[tuple[int, str]]:
        """Executors with at least one overdue item, in the control's order (most overdue first)."""
        return [(c.executor_id, c.executor) for c in self.control.by_executor if c.overdue]


def overdue_data(db: Database, on: dt.date, program_id: int | None = None) -> OverdueData:
    """The control list and reminder letters of one program (they cite its decision)."""
    with db.reading() as s:
        program_id = choice.resolve(s, program_id).id
        info = _program_info(s, program_id)
    return OverdueData(info, control_data(db, on, program_ids=(program_id,)), signing(db))
