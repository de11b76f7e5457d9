"""The programs themselves: a new one (blank, or the successor of another), what one holds (for
``program show``), its decision, years and status, and removing a draft made by mistake."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (PROGRAM_STATUSES, AmendmentChange, Direction, Measure, PassportFunding, PassportItem,
                                  PlannedFunding, Program, ProgressEntry, Stage)
from kr_desktop.domain.program_names import genitive
from kr_desktop.domain.progress import parse_date
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.executors import write_positions
from kr_desktop.services.program import choice
from kr_desktop.services.program.choice import ProgramLabel, label_of
from kr_desktop.services.program.records import clean_text, get
from kr_desktop.services.versioning import editing

YEAR_RANGE = (1990, 2100)
LONGEST = 25  # years: a longer span is a typo («2028-2302»)

# A new program's passport when there is no predecessor to copy: the items of a Ukrainian city
# program's passport in the layout of №1176, texts to be filled.
DEFAULT_PASSPORT = (
    ("name", "Назва", "(надалі – Програма)."),
    ("text", "Підстава для розроблення", ""),
    ("text", "Розробник Програми", ""),
    ("text", "Відповідальні за виконання", ""),
    ("text", "Мета", ""),
    ("period", "", ""),
    ("funding", "Загальні орієнтовні обсяги фінансування", ""),
    ("results", "Очікувані кінцеві результати виконання Програми", ""),
    ("text", "Координація та контроль за виконанням Програми", ""),
)


def parse_years(text: str, label: str = "Роки") -> tuple[int, int]:
    """«2028-2032», «2028–2032» or «2028» → (2028, 2032); anything else is refused naming ``label``."""
    value = " ".join(str(text or "").split())
    match = re.fullmatch(r"(\d{4})(?:\s*[-–−]\s*(\d{4}))?", value)
    if not match:
        raise ValidationError(f"{label}: вкажіть роки як «2028-2032» (або один рік).", field=label)
    start, end = int(match[1]), int(match[2] or match[1])
    check_years(start, end, label)
    return start, end


def check_years(start: int, end: int, label: str = "Роки") -> None:
    low, high = YEAR_RANGE
    for year in (start, end):
        if not low <= year <= high:
            raise ValidationError(f"{label}: рік {year} поза межами {low}–{high}.", field=label)
    if start > end:
        raise ValidationError(f"{label}: рік початку ({start}) пізніший за рік закінчення ({end}).", field=label)
    if end - start + 1 > LONGEST:
        raise ValidationError(f"{label}: програма на {end - start + 1} років — перевірте роки (не більше {LONGEST}).",
                              field=label)


# -- what a program holds -------------------------------------------------------------------------
@dataclass(frozen=True)
class StageSummary:
    annex_number: int
    start_year: int
    end_year: int
    title: str
    directions: int
    measures: int


@dataclass(frozen=True)
class ProgramSummary:
    label: ProgramLabel
    decision_title: str
    version: int
    predecessor: ProgramLabel | None
    successors: tuple[ProgramLabel, ...]
    passport: tuple[tuple[str, str], ...]  # (number «1.7», the item's first line)
    stages: tuple[StageSummary, ...]
    amendments: tuple[str, ...]
    planned_by_year: dict[int, Decimal]
    passport_by_year: dict[int, Decimal]


def program_summary(db: Database, program_id: int | None = None) -> ProgramSummary:
    with db.reading() as s:
        program = choice.resolve(s, program_id)
        stages = []
        for stage in program.stages:
            measures = s.scalar(select(func.count(Measure.id)).join(Direction).where(Direction.stage_id == stage.id))
            stages.append(StageSummary(stage.annex_number, stage.start_year, stage.end_year, stage.title,
                                       len(stage.directions), measures or 0))
        planned: dict[int, Decimal] = {}
        stage_ids = [stage.id for stage in program.stages]
        for owner in (PlannedFunding.direction_id, PlannedFunding.measure_id):
            query = (select(PlannedFunding.year, func.sum(PlannedFunding.amount)).group_by(PlannedFunding.year))
            if owner is PlannedFunding.direction_id:
                query = query.join(Direction, Direction.id == owner)
            else:
                query = query.join(Measure, Measure.id == owner).join(Direction, Direction.id == Measure.direction_id)
            for year, amount in s.execute(query.where(Direction.stage_id.in_(stage_ids))):
                planned[year] = planned.get(year, Decimal(0)) + Decimal(amount)
        passport = dict(s.execute(select(PassportFunding.year, func.sum(PassportFunding.amount))
                                  .where(PassportFunding.program_id == program.id).group_by(PassportFunding.year)).all())
        predecessor = s.get(Program, program.predecessor_id) if program.predecessor_id else None
        successors = s.scalars(select(Program).where(Program.predecessor_id == program.id).order_by(Program.id))
        return ProgramSummary(
            label=label_of(program), decision_title=program.decision_title, version=program.version,
            predecessor=label_of(predecessor) if predecessor else None,
            successors=tuple(label_of(p) for p in successors),
            passport=tuple((f"1.{item.position}", item_line(program, item)) for item in program.passport_items),
            stages=tuple(stages),
            amendments=tuple(f"{a.date:%d.%m.%Y} №{a.number}" for a in program.amendments),
            planned_by_year=dict(sorted(planned.items())),
            passport_by_year={year: Decimal(amount) for year, amount in sorted(passport.items())},
        )


def item_line(program: Program, item: PassportItem) -> str:
    """An item's first line as printed (without its number)."""
    if item.kind == "name":
        return f"{item.caption}: {program.name} {item.text}".strip()
    if item.kind == "period":
        return f"Початок: {program.start_year} рік, закінчення: {program.end_year} рік."
    if item.kind == "results":
        return f"{item.caption}:"
    return f"{item.caption}: {item.text}" if item.caption else item.text


# -- a new program --------------------------------------------------------------------------------
def create_program(db: Database, title: str, years: str | tuple[int, int], successor_of: int | None = None) -> int:
    """A new program in draft: blank (the usual passport items to fill, one stage over its years),
    or as the successor of ``successor_of`` — its passport texts, and the directions, measures,
    executors, deadline phrases and expected results of its last stage copied into one stage over
    the new years, amounts empty. Returns the new program's id."""
    require(db, OPERATOR)
    name = clean_text(title, "Назва програми")
    if not name:
        raise ValidationError("Назва програми: введіть назву програми.", field="Назва програми")
    start, end = parse_years(years) if isinstance(years, str) else years
    check_years(start, end)
    label = f"Створено програму «{name[:80]}»"
    with db.changing(label) as s:
        predecessor = choice.resolve(s, successor_of) if successor_of is not None else None
        if predecessor is not None:
            if start <= predecessor.start_year:
                raise ValidationError(f"Роки: програма-наступниця починається пізніше за попередницю "
                                      f"({predecessor.start_year}–{predecessor.end_year}).", field="Роки")
            s.info["journal"]["label"] = f"{label} — наступницю програми {label_of(predecessor).decision}"
        program = Program(name=name, decision_number="", decision_date=None, decision_title="", start_year=start,
                          end_year=end, status="draft", predecessor_id=predecessor.id if predecessor else None)
        s.add(program)
        items = ([(i.kind, i.caption, i.text) for i in predecessor.passport_items] if predecessor
                 else list(DEFAULT_PASSPORT))
        for position, (kind, caption, text) in enumerate(items, start=1):
            s.add(PassportItem(program=program, position=position, kind=kind, caption=caption, text=text))
        stage = Stage(program=program, annex_number=1, start_year=start, end_year=end,
                      title=f"Завдання та заходи {genitive(name)}", caption="")
        s.add(stage)
        s.flush()
        if predecessor is not None and predecessor.stages:
            _copy_structure(s, predecessor.stages[-1], stage)
        return program.id


def _copy_structure(s: Session, source: Stage, target: Stage) -> None:
    """Directions and measures of ``source`` into ``target``: texts, deadline phrases, executors
    (the same units, in the same order), expected results; no amounts. A value the predecessor's
    decision did not print is printed in the new program's own table; merged cells stay merged."""
    links = []
    for d in source.directions:
        direction = Direction(stage=target, number=d.number, name=d.name, expected_results=d.expected_results)
        s.add(direction)
        for m in d.measures:
            executors = list(m.executors)  # read before the new measure joins the session (autoflush)
            measure = Measure(
                direction=direction, position=m.position, text=m.text, deadline_phrase=m.deadline_phrase,
                deadline_kind=m.deadline_kind, deadline_months=m.deadline_months, deadline_date=m.deadline_date,
                deadline_year_from=m.deadline_year_from, deadline_year_to=m.deadline_year_to,
                executors_text=m.executors_text, expected_result=m.expected_result,
                deadline_origin="merged" if m.deadline_origin == "merged" else "printed",
                executors_origin="merged" if m.executors_origin == "merged" else "printed", executors=executors)
            s.add(measure)
            links.append(measure)
    s.flush()
    for measure in links:
        write_positions(s, measure.id, [e.id for e in measure.executors])


# -- the decision, years, status --------------------------------------------------------------------
@dataclass(frozen=True)
class ProgramEdit:
    id: int
    name: str
    decision_title: str
    decision_number: str
    decision_date: dt.date | None
    start_year: int
    end_year: int
    status: str
    version: int


def program_for_edit(db: Database, program_id: int | None = None) -> ProgramEdit:
    with db.reading() as s:
        p = choice.resolve(s, program_id)
        return ProgramEdit(p.id, p.name, p.decision_title, p.decision_number, p.decision_date, p.start_year,
                           p.end_year, p.status, p.version)


PROGRAM_LABELS = {"name": "Назва програми", "decision_title": "Назва рішення", "decision_number": "Номер рішення",
                  "decision_date": "Дата рішення", "start_year": "Рік початку", "end_year": "Рік закінчення",
                  "status": "Стан"}


def update_program(db: Database, program_id: int, *, expected_version: int, name: str | None = None,
                   decision_title: str | None = None, decision_number: str | None = None,
                   decision_date: dt.date | str | None = None, years: str | tuple[int, int] | None = None,
                   status: str | None = None) -> None:
    """Change a program's name, decision, years or status (None: left as it is).

    A program in force needs its decision (number and date); its years must still cover every
    stage's years."""
    require(db, OPERATOR)
    changes: dict = {}
    if name is not None:
        changes["name"] = clean_text(name, "Назва програми")
        if not changes["name"]:
            raise ValidationError("Назва програми: назва не може бути порожньою.", field="Назва програми")
    if decision_title is not None:
        changes["decision_title"] = clean_text(decision_title, "Назва рішення")
    if decision_number is not None:
        changes["decision_number"] = clean_text(decision_number, "Номер рішення").lstrip("№").strip()
        if len(changes["decision_number"]) > 32:
            raise ValidationError("Номер рішення: не довше 32 знаків.", field="Номер рішення")
    if decision_date is not None:
        changes["decision_date"] = parse_date(decision_date, "Дата рішення") if decision_date != "" else None
    if years is not None:
        changes["start_year"], changes["end_year"] = parse_years(years) if isinstance(years, str) else years
        check_years(changes["start_year"], changes["end_year"])
    if status is not None:
        if status not in PROGRAM_STATUSES:
            raise ValidationError(f"Стан: невідомий стан «{status}» (проєкт, чинна, завершена).", field="Стан")
        changes["status"] = status
    with editing(db, "Змінено відомості про програму", Program, program_id, expected_version, yours=changes,
                 labels=PROGRAM_LABELS, record="Програма") as program:
        for key, value in changes.items():
            setattr(program, key, value)
        if program.status == "active" and not (program.decision_number and program.decision_date):
            raise ValidationError("Стан: чинною може бути лише програма з рішенням — вкажіть номер і дату "
                                  "рішення про її затвердження.", field="Стан")
        for stage in program.stages:
            if stage.start_year < program.start_year or stage.end_year > program.end_year:
                raise ValidationError(f"Роки: етап (Додаток {stage.annex_number}, {stage.start_year}–{stage.end_year}) "
                                      f"виходить за роки програми {program.start_year}–{program.end_year}.",
                                      field="Роки")
        duplicate = program.status != "draft" and Session.object_session(program).scalar(select(Program.id).where(
            Program.id != program.id, Program.decision_number == program.decision_number,
            Program.decision_date == program.decision_date, Program.status != "draft"))
        if duplicate:
            raise ValidationError(f"Номер рішення: програма з рішенням №{program.decision_number} від цієї дати "
                                  f"вже є (id {duplicate}).", field="Номер рішення")


def delete_program(db: Database, program_id: int) -> None:
    """Remove a draft (e.g. one imported by mistake) with everything it holds, as one journaled
    change that undo gives back. A program in force, or one with executors' reports, is kept."""
    require(db, OPERATOR)
    with db.reading() as s:
        program = get(s, Program, program_id, "Програму")
        if program.status != "draft":
            raise UserError("Вилучити можна лише проєкт програми; чинну чи завершену програму зберігають "
                            "(змініть її стан, якщо її внесено помилково).")
        reports = s.scalar(select(func.count(ProgressEntry.id)).join(Measure).join(Direction).join(Stage)
                           .where(Stage.program_id == program_id))
        if reports:
            raise UserError(f"Програма має звіти виконавців ({reports}): її не можна вилучити.")
    with db.changing(f"Вилучено проєкт програми «{program.name[:80]}»") as s:
        program = get(s, Program, program_id, "Програму")
        for successor in s.scalars(select(Program).where(Program.predecessor_id == program.id)):
            successor.predecessor_id = None
        for stage in list(program.stages):
            for direction in list(stage.directions):
                for measure in list(direction.measures):
                    for row in list(measure.funding) + list(measure.phrases):
                        s.delete(row)
                    measure.executors = []
                    s.flush()
                    s.delete(measure)
                for row in list(direction.funding) + list(direction.phrases):
                    s.delete(row)
                s.flush()
                s.delete(direction)
            s.flush()
            s.delete(stage)
        for row in list(program.passport_funding) + list(program.passport_items):
            s.delete(row)
        for amendment in list(program.amendments):
            for change in s.scalars(select(AmendmentChange).where(AmendmentChange.amendment_id == amendment.id)):
                s.delete(change)
            s.flush()
            s.delete(amendment)
        s.flush()
        s.delete(program)
