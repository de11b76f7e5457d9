"""A decision read from its document, matched with the database (the preview), and written as a
new program in one journaled transaction — all of it or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Amendment, Direction, Executor, FundingPhrase, FundingSource, Measure,
                                  PassportFunding, PassportItem, PlannedFunding, Program, Stage)
from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.domain.provenance import INFERRED, MERGED
from kr_desktop.errors import UserError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.executors import write_positions
from kr_desktop.services.program.docx_import.matching import ExecutorResolver, SourceResolver
from kr_desktop.services.program.docx_import.model import DecisionReading, Problem, ReadFunding
from kr_desktop.services.program.structure import apply_deadline
from kr_desktop.text.formatting import format_date, format_money
from kr_desktop.text.ukrainian import sort_key

AMENDMENT_TITLE = "Про внесення змін до рішення міської ради від {date} №{number}"


@dataclass
class ImportPlan:
    reading: DecisionReading
    executors: dict[int, list[str]] = field(default_factory=dict)  # id(ReadMeasure) → unit names
    new_executors: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # name as read → the directory's name
    new_sources: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def all_problems(self) -> list[Problem]:
        return self.reading.problems + self.problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.all_problems if p.blocking]

    @property
    def remarks(self) -> list[Problem]:
        return [p for p in self.all_problems if not p.blocking]

    @property
    def ok(self) -> bool:
        return not self.errors

    def preview_lines(self) -> list[str]:
        r = self.reading
        lines = [f"Прочитано з «{r.file_name}»:"]
        years = f" ({r.start_year}–{r.end_year})" if r.start_year else ""
        lines.append(f"  Програма: {r.name or '—'}{years}")
        if r.decision_number:
            when = f" від {format_date(r.decision_date)}" if r.decision_date else ""
            title = f" «{r.decision_title}»" if r.decision_title else ""
            lines.append(f"  Рішення: №{r.decision_number}{when}{title}; рішень про зміни: {len(r.amendments)}")
        else:
            lines.append("  Рішення: не знайдено (буде проєкт без рішення)")
        captions = ", ".join(f"1.{i} {_shortened(e.caption or e.text)}" if e.kind != "period" else f"1.{i} строк"
                             for i, e in enumerate(r.passport, start=1))
        lines.append(f"  Паспорт: пунктів — {len(r.passport)} ({captions})")
        total = sum(r.passport_amounts.values(), Decimal(0))
        lines.append(f"  Таблиця 1.7: сум — {len(r.passport_amounts)}, усього {format_money(total)} грн")
        for stage in r.stages:
            years = f"{min(stage.years)}–{max(stage.years)}" if stage.years else "роки не визначено"
            amount = sum((stage.year_total(y) for y in stage.years), Decimal(0))
            lines.append(f"  Додаток {stage.annex_number} ({years}): напрямів — {len(stage.directions)}, "
                         f"заходів — {stage.measures}, фінансування {format_money(amount)} грн")
        measures = [m for s in r.stages for d in s.directions for m in d.measures]
        merged = sum((m.deadline_origin == MERGED) + (m.executors_origin == MERGED) for m in measures)
        inferred = sum((m.deadline_origin == INFERRED) + (m.executors_origin == INFERRED) for m in measures)
        lines.append(f"  Строки й виконавці з об’єднаних клітинок: {merged}; виведені (не надруковані): {inferred}")
        units = {name for names in self.executors.values() for name in names}
        lines.append(f"  Виконавців: {len(units)}; нових — {len(self.new_executors)}"
                     + (": " + "; ".join(self.new_executors) if self.new_executors else ""))
        if self.new_sources:
            lines.append(f"  Нові джерела фінансування: {'; '.join(self.new_sources)}")
        if self.remarks:
            lines.append(f"Зауваження ({len(self.remarks)}):")
            lines += [f"  {p.line()}" for p in self.remarks]
        if self.errors:
            lines.append(f"Не вдалося прочитати або розмістити ({len(self.errors)}):")
            lines += [f"  {p.line()}" for p in self.errors]
        else:
            lines.append("Усе прочитане можна внести як нову програму (проєкт).")
        return lines

    def preview_text(self) -> str:
        return "\n".join(self.preview_lines())


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def plan_import(db: Database, reading: DecisionReading) -> ImportPlan:
    """Match what was read with the database; nothing is written."""
    plan = ImportPlan(reading)
    with db.reading() as session:
        executors = ExecutorResolver(session)
        sources = SourceResolver(session)
        for stage in reading.stages:
            for direction in stage.directions:
                lines = list(direction.funding)
                for measure in direction.measures:
                    names, new = executors.resolve(measure.executors_text)
                    if not names:
                        plan.problems.append(Problem(measure.where, "виконавців не визначено"))
                    plan.executors[id(measure)] = names
                    plan.new_executors += [n for n in new if n not in plan.new_executors]
                    lines += measure.funding
                for line in lines:
                    _source(plan, sources, line)
        for source, _year in reading.passport_amounts:
            _source(plan, sources, ReadFunding(source))
    return plan


def _source(plan: ImportPlan, sources: SourceResolver, line: ReadFunding) -> None:
    if line.source in plan.sources:
        return
    name, new = sources.resolve(line.source)
    plan.sources[line.source] = name
    if new:
        plan.new_sources.append(name)


def import_program(db: Database, plan: ImportPlan) -> int:
    """Write the plan as a new program (a draft until the user makes it the one in force).
    Refused as a whole when anything could not be read or placed."""
    require(db, OPERATOR)
    if not plan.ok:
        raise UserError("Програму не імпортовано: у рішенні є клітинки, які не вдалося прочитати або розмістити "
                        f"({len(plan.errors)}); перегляньте перелік і виправте документ.")
    r = plan.reading
    with db.changing(f"Імпортовано програму з рішення «{r.file_name[:80]}»") as s:
        executors = {e.name: e for e in s.scalars(select(Executor))}
        sources = {f.name: f for f in s.scalars(select(FundingSource))}
        next_position = (s.scalar(select(func.max(FundingSource.position))) or 0) + 1

        def source(name: str) -> FundingSource:
            nonlocal next_position
            name = plan.sources.get(name, name)
            if name not in sources:
                sources[name] = FundingSource(name=name, short_name=name, position=next_position)
                next_position += 1
                s.add(sources[name])
            return sources[name]

        def executor(name: str) -> Executor:
            if name not in executors:
                executors[name] = Executor(name=name, sort_key=sort_key(name))
                s.add(executors[name])
            return executors[name]

        program = Program(name=r.name, decision_number=r.decision_number, decision_date=r.decision_date,
                          decision_title=r.decision_title, start_year=r.start_year, end_year=r.end_year,
                          status="draft")
        s.add(program)
        for position, entry in enumerate(r.passport, start=1):
            s.add(PassportItem(program=program, position=position, kind=entry.kind, caption=entry.caption,
                               text=entry.text))
        for (name, year), amount in r.passport_amounts.items():
            s.add(PassportFunding(program=program, source=source(name), year=year, amount=amount))
        for when, number in r.amendments:
            s.add(Amendment(program=program, date=when, number=number,
                            description=AMENDMENT_TITLE.format(date=format_date(r.decision_date), number=r.decision_number)
                            if r.decision_date else ""))
        links = []
        for stage_read in r.stages:
            stage = Stage(program=program, annex_number=stage_read.annex_number,
                          start_year=min(stage_read.years) if stage_read.years else r.start_year,
                          end_year=max(stage_read.years) if stage_read.years else r.end_year,
                          title=stage_read.title, caption=stage_read.caption)
            s.add(stage)
            for d in stage_read.directions:
                direction = Direction(stage=stage, number=d.number, name=d.name or f"Напрям {d.number}",
                                      expected_results="\n".join(m.expected_result for m in d.measures
                                                                 if m.expected_result))
                s.add(direction)
                _funding(s, d.funding, source, direction=direction)
                for position, m in enumerate(d.measures, start=1):
                    measure = Measure(direction=direction, position=position, text=m.text,
                                      executors_text=m.executors_text, expected_result=m.expected_result,
                                      deadline_origin=m.deadline_origin, deadline_note=m.deadline_note,
                                      executors_origin=m.executors_origin, executors_note=m.executors_note)
                    apply_deadline(measure, parse_deadline(m.deadline).phrase)
                    units = [executor(name) for name in plan.executors.get(id(m), [])]
                    measure.executors = list(dict.fromkeys(units))
                    s.add(measure)
                    links.append(measure)
                    _funding(s, m.funding, source, measure=measure)
        s.flush()
        for measure in links:
            write_positions(s, measure.id, [e.id for e in measure.executors])
        return program.id


def _funding(session, lines: list[ReadFunding], source, **owner) -> None:
    for line in lines:
        if line.phrase:
            session.add(FundingPhrase(source=source(line.source), text=line.phrase, from_year=line.phrase_from,
                                      **owner))
        for year, amount in line.amounts.items():
            session.add(PlannedFunding(source=source(line.source), year=year, amount=amount, **owner))
