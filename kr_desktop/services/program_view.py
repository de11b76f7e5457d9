"""Reading a program: the tree, a measure's detail, the whole document for printing.

Each reads one program: ``program_id`` (None: the default program, see services/program/choice)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, FundingPhrase, Measure, PassportFunding, PlannedFunding, Stage
from kr_desktop.domain.deadlines import Deadline, DeadlineKind
from kr_desktop.domain.provenance import Provenance
from kr_desktop.services.program import choice


# -- plain data returned to the UI, the command line and the reports --------------------------
@dataclass(frozen=True)
class MeasureNode:
    id: int
    position: int
    text: str


@dataclass(frozen=True)
class DirectionNode:
    id: int
    number: int
    name: str
    measures: tuple[MeasureNode, ...]


@dataclass(frozen=True)
class StageNode:
    id: int
    annex_number: int
    start_year: int
    end_year: int
    title: str
    directions: tuple[DirectionNode, ...]


@dataclass(frozen=True)
class ProgramTree:
    id: int
    name: str
    stages: tuple[StageNode, ...]


@dataclass(frozen=True)
class FundingLine:
    """Planned amounts of one source by year; ``level`` says whose they are. A source named with
    words instead of amounts has ``phrase`` (printed from ``phrase_from`` year's column, None:
    the first) and no amounts."""

    source: str
    amounts: dict[int, Decimal]
    level: str  # "direction" (merged over the direction's measures) or "measure"
    phrase: str = ""
    phrase_from: int | None = None

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))


@dataclass(frozen=True)
class MeasureDetail:
    id: int
    stage_annex: int
    stage_years: tuple[int, int]
    direction_number: int
    direction_name: str
    position: int
    text: str
    deadline: Deadline
    next_due: dt.date | None
    last_due: dt.date | None  # the latest due date before today (all passed when next_due is None)
    executors: tuple[str, ...]
    executors_text: str
    expected_result: str
    funding: tuple[FundingLine, ...]
    deadline_provenance: Provenance = Provenance()
    executors_provenance: Provenance = Provenance()
    program_id: int = 0

    @property
    def number(self) -> str:
        return f"{self.direction_number}.{self.position}"


@dataclass(frozen=True)
class MeasureRow:
    """One measure as the annex table prints it."""

    id: int
    position: int
    text: str
    deadline_phrase: str
    executors_text: str
    executors: tuple[str, ...]
    expected_result: str | None  # None: covered by the merged cell above
    funding: tuple[FundingLine, ...]
    deadline_provenance: Provenance = Provenance()
    executors_provenance: Provenance = Provenance()


@dataclass(frozen=True)
class DirectionRows:
    id: int
    number: int
    name: str
    funding: tuple[FundingLine, ...]
    measures: tuple[MeasureRow, ...]

    def year_total(self, year: int) -> Decimal:
        lines = list(self.funding) + [line for m in self.measures for line in m.funding]
        return sum((line.amounts.get(year, Decimal(0)) for line in lines), Decimal(0))


@dataclass(frozen=True)
class StageDocument:
    annex_number: int
    years: tuple[int, ...]
    title: str
    directions: tuple[DirectionRows, ...]
    caption: str = ""  # the line under «Додаток N»; "" → «до <the program's name in the genitive>»

    def year_total(self, year: int) -> Decimal:
        return sum((d.year_total(year) for d in self.directions), Decimal(0))

    @property
    def total(self) -> Decimal:
        return sum((self.year_total(y) for y in self.years), Decimal(0))


@dataclass(frozen=True)
class PassportRow:
    year: int
    by_source: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.by_source.values(), Decimal(0))


@dataclass(frozen=True)
class PassportItemDoc:
    """One item of section 1 (see models.PassportItem for the kinds and how each prints)."""

    position: int
    kind: str
    caption: str
    text: str

    @property
    def number(self) -> str:
        return f"1.{self.position}"

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(line for line in self.text.splitlines() if line.strip())


@dataclass(frozen=True)
class ProgramDocument:
    name: str
    decision_title: str
    decision_number: str
    decision_date: dt.date | None
    amendments: tuple[tuple[dt.date, str], ...]
    start_year: int
    end_year: int
    passport_items: tuple[PassportItemDoc, ...]
    passport_sources: tuple[str, ...]
    passport: tuple[PassportRow, ...]
    stages: tuple[StageDocument, ...] = field(default=())
    status: str = "active"
    amendment_descriptions: tuple[str, ...] = ()

    @property
    def passport_total(self) -> Decimal:
        return sum((row.total for row in self.passport), Decimal(0))

    def item(self, kind: str) -> PassportItemDoc | None:
        return next((i for i in self.passport_items if i.kind == kind), None)


# -- queries ----------------------------------------------------------------------------------
def deadline_of(measure: Measure) -> Deadline:
    months = tuple(int(m) for m in measure.deadline_months.split(",") if m)
    return Deadline(measure.deadline_phrase, DeadlineKind(measure.deadline_kind), months=months,
                    due_date=measure.deadline_date, year_from=measure.deadline_year_from,
                    year_to=measure.deadline_year_to)


def load_tree(db: Database, program_id: int | None = None) -> ProgramTree:
    with db.reading() as session:
        program = choice.resolve(session, program_id)
        stages = session.scalars(
            select(Stage).where(Stage.program_id == program.id).order_by(Stage.annex_number)
            .options(selectinload(Stage.directions).selectinload(Direction.measures))
        ).all()
        return ProgramTree(program.id, program.name, tuple(
            StageNode(s.id, s.annex_number, s.start_year, s.end_year, s.title, tuple(
                DirectionNode(d.id, d.number, d.name, tuple(
                    MeasureNode(m.id, m.position, m.text) for m in d.measures))
                for d in s.directions))
            for s in stages))


def _funding_lines(rows: list[PlannedFunding], level: str,
                   phrases: list[FundingPhrase] = ()) -> tuple[FundingLine, ...]:
    by_source: dict[tuple[int, str], dict[int, Decimal]] = defaultdict(dict)
    for row in rows:
        by_source[(row.source.position, row.source.name)][row.year] = row.amount
    lines = [((pos, name), FundingLine(name, dict(sorted(amounts.items())), level))
             for (pos, name), amounts in by_source.items()]
    lines += [((p.source.position, p.source.name), FundingLine(p.source.name, {}, level, p.text, p.from_year))
              for p in phrases if (p.source.position, p.source.name) not in by_source]
    return tuple(line for _key, line in sorted(lines, key=lambda item: item[0]))


def _effective_expected_result(direction: Direction, measure: Measure) -> str:
    """A null expected result is covered by the merged cell of a measure above it."""
    current = ""
    for m in direction.measures:
        if m.expected_result:
            current = m.expected_result
        if m.id == measure.id:
            return current
    return current


def measure_detail(db: Database, measure_id: int, today: dt.date | None = None) -> MeasureDetail:
    today = today or dt.date.today()
    with db.reading() as session:
        measure = session.get(Measure, measure_id)
        if measure is None:
            raise LookupError(f"measure {measure_id} not found")
        direction = measure.direction
        stage = direction.stage
        deadline = deadline_of(measure)
        funding = (_funding_lines(direction.funding, "direction", direction.phrases)
                   + _funding_lines(measure.funding, "measure", measure.phrases))
        return MeasureDetail(
            id=measure.id, stage_annex=stage.annex_number, stage_years=(stage.start_year, stage.end_year),
            direction_number=direction.number, direction_name=direction.name, position=measure.position,
            text=measure.text, deadline=deadline,
            next_due=deadline.next_due(today, stage.start_year, stage.end_year),
            last_due=deadline.last_due(today, stage.start_year, stage.end_year),
            executors=tuple(e.name for e in measure.executors), executors_text=measure.executors_text,
            expected_result=_effective_expected_result(direction, measure), funding=funding,
            deadline_provenance=Provenance(measure.deadline_origin, measure.deadline_note),
            executors_provenance=Provenance(measure.executors_origin, measure.executors_note),
            program_id=stage.program_id,
        )


def load_document(db: Database, program_id: int | None = None) -> ProgramDocument:
    """Everything the printed program shows, as plain data."""
    with db.reading() as session:
        program = choice.resolve(session, program_id)
        passport_rows: dict[int, dict[str, Decimal]] = defaultdict(dict)
        sources: dict[str, int] = {}
        for cell in session.scalars(select(PassportFunding).where(PassportFunding.program_id == program.id)):
            passport_rows[cell.year][cell.source.name] = cell.amount
            sources[cell.source.name] = cell.source.position
        stages = session.scalars(
            select(Stage).where(Stage.program_id == program.id).order_by(Stage.annex_number)
            .options(selectinload(Stage.directions).selectinload(Direction.measures).selectinload(Measure.executors),
                     selectinload(Stage.directions).selectinload(Direction.funding).selectinload(PlannedFunding.source),
                     selectinload(Stage.directions).selectinload(Direction.phrases).selectinload(FundingPhrase.source),
                     selectinload(Stage.directions).selectinload(Direction.measures).selectinload(Measure.funding)
                     .selectinload(PlannedFunding.source),
                     selectinload(Stage.directions).selectinload(Direction.measures).selectinload(Measure.phrases)
                     .selectinload(FundingPhrase.source))
        ).all()
        stage_docs = tuple(
            StageDocument(s.annex_number, tuple(s.years), s.title, tuple(
                DirectionRows(d.id, d.number, d.name, _funding_lines(d.funding, "direction", d.phrases), tuple(
                    MeasureRow(m.id, m.position, m.text, m.deadline_phrase, m.executors_text,
                               tuple(e.name for e in m.executors), m.expected_result,
                               _funding_lines(m.funding, "measure", m.phrases),
                               Provenance(m.deadline_origin, m.deadline_note),
                               Provenance(m.executors_origin, m.executors_note))
                    for m in d.measures))
                for d in s.directions), s.caption)
            for s in stages)
        return ProgramDocument(
            name=program.name, decision_title=program.decision_title, decision_number=program.decision_number,
            decision_date=program.decision_date,
            amendments=tuple((a.date, a.number) for a in program.amendments),
            start_year=program.start_year, end_year=program.end_year,
            passport_items=tuple(PassportItemDoc(i.position, i.kind, i.caption, i.text)
                                 for i in program.passport_items),
            passport_sources=tuple(sorted(sources, key=sources.get)),
            passport=tuple(PassportRow(y, dict(v)) for y, v in sorted(passport_rows.items())),
            stages=stage_docs, status=program.status,
            amendment_descriptions=tuple(a.description for a in program.amendments),
        )
