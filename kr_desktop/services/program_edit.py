"""Editing the Program: directions, measures, planned amounts, amendments (the executors
directory is kr_desktop.services.executors).

Every function is one user action: validation first, then one ``db.changing(label)``
transaction (journaled), so a refused action leaves nothing half-saved. Amendments record what
they changed (old and new values) in ``AmendmentChange``, which gives each amount its history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Amendment, AmendmentChange, Direction, Executor, FundingSource, Measure,
                                  PassportFunding, PlannedFunding, Program, ProgressEntry, Stage)
from kr_desktop.domain.consistency import Mismatch, check_consistency
from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.domain.input_checks import text_value
from kr_desktop.domain.progress import parse_amount, parse_date
from kr_desktop.errors import ConflictError, UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.executors import write_positions
from kr_desktop.services.versioning import bump, editing
from kr_desktop.text.formatting import format_date
from kr_desktop.text.ukrainian import unify_apostrophes

DIRECTION, MEASURE = "direction", "measure"


# -- plain data -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AmendmentInfo:
    id: int
    date: dt.date
    number: str
    description: str

    @property
    def label(self) -> str:
        return f"рішення від {format_date(self.date)} №{self.number}"


@dataclass(frozen=True)
class SourceInfo:
    id: int
    name: str


@dataclass(frozen=True)
class FundingGrid:
    """Planned amounts of one direction or measure: years of its stage × sources."""

    owner: str
    owner_id: int
    label: str
    years: tuple[int, ...]
    sources: tuple[SourceInfo, ...]
    amounts: dict[tuple[int, int], Decimal]  # (source_id, year) → amount
    version: int = 1  # the owner's version: a change of its amounts is a new version of it


@dataclass(frozen=True)
class PassportGrid:
    """Table 1.7 of the passport as the dialog shows it; ``version`` is the Program's."""

    amounts: dict[tuple[int, int], Decimal]
    version: int


@dataclass(frozen=True)
class DirectionEdit:
    id: int
    number: int
    name: str
    version: int


@dataclass(frozen=True)
class MeasureEdit:
    """A measure's editable fields as the edit dialog shows them."""

    id: int
    direction_id: int
    number: str
    text: str
    deadline_phrase: str
    executor_ids: tuple[int, ...]
    expected_result: str
    version: int = 1


@dataclass(frozen=True)
class HistoryItem:
    amendment: str
    date: dt.date
    field: str
    old_value: str | None
    new_value: str | None


# -- reading --------------------------------------------------------------------------------------
def _program(session: Session) -> Program:
    program = session.scalar(select(Program).order_by(Program.id).limit(1))
    if program is None:
        raise UserError("У базі даних немає Програми.")
    return program


def list_amendments(db: Database) -> list[AmendmentInfo]:
    with db.reading() as s:
        return [AmendmentInfo(a.id, a.date, a.number, a.description)
                for a in s.scalars(select(Amendment).order_by(Amendment.date, Amendment.id))]


def list_sources(db: Database) -> list[SourceInfo]:
    with db.reading() as s:
        return [SourceInfo(f.id, f.name) for f in s.scalars(select(FundingSource).order_by(FundingSource.position))]


def measure_for_edit(db: Database, measure_id: int) -> MeasureEdit:
    with db.reading() as s:
        m = _get(s, Measure, measure_id, "Захід")
        return MeasureEdit(m.id, m.direction_id, f"{m.direction.number}.{m.position}", m.text, m.deadline_phrase,
                           tuple(e.id for e in m.executors), m.expected_result or "", m.version)


def direction_for_edit(db: Database, direction_id: int) -> DirectionEdit:
    with db.reading() as s:
        d = _get(s, Direction, direction_id, "Напрям")
        return DirectionEdit(d.id, d.number, d.name, d.version)


def funding_grid(db: Database, owner: str, owner_id: int) -> FundingGrid:
    with db.reading() as s:
        stage, label = _owner_stage(s, owner, owner_id)
        version = _get(s, Direction if owner == DIRECTION else Measure, owner_id, "Запис").version
        column = PlannedFunding.direction_id if owner == DIRECTION else PlannedFunding.measure_id
        amounts = {(p.source_id, p.year): p.amount for p in s.scalars(select(PlannedFunding).where(column == owner_id))}
        sources = tuple(SourceInfo(f.id, f.name) for f in s.scalars(select(FundingSource).order_by(FundingSource.position)))
        return FundingGrid(owner, owner_id, label, tuple(stage.years), sources, amounts, version)


def consistency(db: Database) -> list[Mismatch]:
    """Passport ↔ annex: years whose stage total differs from the passport total."""
    with db.reading() as s:
        program = _program(s)
        passport: dict[int, Decimal] = defaultdict(Decimal)
        for year, amount in s.execute(select(PassportFunding.year, PassportFunding.amount)
                                      .where(PassportFunding.program_id == program.id)):
            passport[year] += amount
        annex: dict[int, Decimal] = defaultdict(Decimal)
        stage_of_year: dict[int, int] = {}
        for stage in s.scalars(select(Stage).where(Stage.program_id == program.id)):
            for year in stage.years:
                stage_of_year[year] = stage.annex_number
        direction_rows = s.execute(select(PlannedFunding.year, PlannedFunding.amount, Stage.annex_number)
                                   .join(Direction, Direction.id == PlannedFunding.direction_id)
                                   .join(Stage, Stage.id == Direction.stage_id))
        measure_rows = s.execute(select(PlannedFunding.year, PlannedFunding.amount, Stage.annex_number)
                                 .join(Measure, Measure.id == PlannedFunding.measure_id)
                                 .join(Direction, Direction.id == Measure.direction_id)
                                 .join(Stage, Stage.id == Direction.stage_id))
        for year, amount, annex_number in list(direction_rows) + list(measure_rows):
            if stage_of_year.get(year) == annex_number:
                annex[year] += amount
        return check_consistency(passport, annex, stage_of_year, range(program.start_year, program.end_year + 1))


def amount_history(db: Database, owner: str, owner_id: int | None, source_id: int, year: int) -> list[HistoryItem]:
    """Which amendments changed one planned amount, oldest first (owner "passport": table 1.7)."""
    with db.reading() as s:
        query = select(AmendmentChange).join(Amendment).where(AmendmentChange.source_id == source_id,
                                                               AmendmentChange.year == year)
        if owner == DIRECTION:
            query = query.where(AmendmentChange.target == "direction_funding", AmendmentChange.direction_id == owner_id)
        elif owner == MEASURE:
            query = query.where(AmendmentChange.target == "measure_funding", AmendmentChange.measure_id == owner_id)
        else:
            query = query.where(AmendmentChange.target == "passport_funding")
        return [_history(c) for c in s.scalars(query.order_by(Amendment.date, AmendmentChange.id))]


def measure_history(db: Database, measure_id: int) -> list[HistoryItem]:
    """Every amendment change of a measure: its text, deadline, executors and planned amounts."""
    with db.reading() as s:
        rows = s.scalars(select(AmendmentChange).join(Amendment).where(AmendmentChange.measure_id == measure_id)
                         .order_by(Amendment.date, AmendmentChange.id))
        return [_history(c) for c in rows]


def _history(change: AmendmentChange) -> HistoryItem:
    a = change.amendment
    what = change.field
    if change.year is not None:
        what = f"{change.year}, {change.source.name if change.source else ''}".strip(", ")
    return HistoryItem(f"рішення від {format_date(a.date)} №{a.number}", a.date, what,
                       change.old_value, change.new_value)


# -- helpers --------------------------------------------------------------------------------------
def _get(session: Session, model, record_id: int, what: str):
    obj = session.get(model, record_id)
    if obj is None:
        raise UserError(f"{what} не знайдено (можливо, його вже видалено).")
    return obj


def _owner_stage(session: Session, owner: str, owner_id: int) -> tuple[Stage, str]:
    if owner == DIRECTION:
        d = _get(session, Direction, owner_id, "Напрям")
        return d.stage, f"Напрям {d.number}. {d.name}"
    if owner == MEASURE:
        m = _get(session, Measure, owner_id, "Захід")
        return m.direction.stage, f"Захід {m.direction.number}.{m.position}"
    raise ValueError(owner)


def _clean_text(value: str | None, label: str = "Текст") -> str:
    return " ".join(unify_apostrophes(text_value(value, label, label, MEASURE_TEXT_MAX, multiline=True)).split())


def _amendment(session: Session, amendment_id: int | None) -> Amendment | None:
    return None if amendment_id is None else _get(session, Amendment, amendment_id, "Рішення про зміни")


def _apply_amount_cells(session: Session, parsed, existing, new_row, record) -> int:
    """Write (source_id, year) → amount cells over the existing rows (None removes a row), each
    change recorded for the amendment's history; returns how many cells changed."""
    changed = 0
    for (source_id, year), value in parsed.items():
        row = existing.get((source_id, year))
        old = row.amount if row else None
        if old == value:
            continue
        changed += 1
        if value is None:
            session.delete(row)
        elif row is None:
            session.add(new_row(source_id, year, value))
        else:
            row.amount = value
        record(old, value, source_id, year)
    return changed


def _record(session: Session, amendment: Amendment | None, target: str, field: str, old, new, **owner) -> None:
    if amendment is None or old == new:
        return
    session.add(AmendmentChange(amendment=amendment, target=target, field=field, old_value=_text(old),
                                new_value=_text(new), recorded_at=dt.datetime.now().replace(microsecond=0),
                                **owner))


def _detach_history(session: Session, column, owner_id: int) -> None:
    """Before deleting a direction or measure: its amendment history loses the link through the
    ORM (journaled), not through the database's ON DELETE SET NULL (which the journal never sees),
    so undoing the deletion links the history back."""
    for change in session.scalars(select(AmendmentChange).where(column == owner_id)):
        setattr(change, column.key, None)
    session.flush()


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


# -- amendments -----------------------------------------------------------------------------------
def add_amendment(db: Database, date: dt.date | str, number: str, description: str = "") -> int:
    require(db, OPERATOR)
    when = parse_date(date, "Дата рішення")
    if when is None:
        raise ValidationError("Дата рішення: вкажіть дату рішення про зміни.", field="Дата рішення")
    number = (number or "").strip().lstrip("№").strip()
    if not number:
        raise ValidationError("Номер рішення: вкажіть номер рішення про зміни.", field="Номер рішення")
    with db.changing(f"Додано рішення про зміни від {format_date(when)} №{number}") as s:
        program = _program(s)
        exists = s.scalar(select(Amendment.id).where(Amendment.program_id == program.id, Amendment.date == when,
                                                     Amendment.number == number))
        if exists:
            raise ValidationError(f"Рішення від {format_date(when)} №{number} вже є в переліку змін.",
                                  field="Номер рішення")
        amendment = Amendment(program=program, date=when, number=number, description=_clean_text(description, "Опис рішення"))
        s.add(amendment)
        s.flush()
        return amendment.id


# -- directions -----------------------------------------------------------------------------------
def add_direction(db: Database, stage_id: int, name: str) -> int:
    require(db, OPERATOR)
    name = _clean_text(name, "Назва напряму")
    if not name:
        raise ValidationError("Назва напряму: введіть назву напряму.", field="Назва напряму")
    with db.changing("Додано напрям Програми") as s:
        stage = _get(s, Stage, stage_id, "Етап")
        number = (s.scalar(select(func.max(Direction.number)).where(Direction.stage_id == stage.id)) or 0) + 1
        direction = Direction(stage=stage, number=number, name=name)
        s.add(direction)
        s.flush()
        return direction.id


def update_direction(db: Database, direction_id: int, name: str, *, expected_version: int) -> None:
    """Rename a direction; ``expected_version`` is the version the form was filled from."""
    require(db, OPERATOR)
    name = _clean_text(name, "Назва напряму")
    if not name:
        raise ValidationError("Назва напряму: назва не може бути порожньою.", field="Назва напряму")
    with editing(db, "Змінено назву напряму", Direction, direction_id, expected_version,
                 yours={"name": name}, labels={"name": "Назва напряму"}, record="Напрям Програми") as direction:
        direction.name = name


def _close_gap(s, siblings, order, removed: int) -> None:
    """Renumber the records after a removed one (directions in a stage, measures in a direction),
    one at a time so the unique (parent, number) constraint never sees two equal numbers."""
    model = order.class_
    for later in s.scalars(select(model).where(siblings, order > removed).order_by(order)):
        setattr(later, order.key, getattr(later, order.key) - 1)
        s.flush()


def delete_direction(db: Database, direction_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Видалено напрям Програми") as s:
        direction = _get(s, Direction, direction_id, "Напрям")
        if direction.measures:
            raise UserError(f"Напрям {direction.number} має заходи ({len(direction.measures)}): "
                            "спочатку видаліть або перенесіть їх.")
        for row in list(direction.funding):
            s.delete(row)
        _detach_history(s, AmendmentChange.direction_id, direction.id)
        stage_id, number = direction.stage_id, direction.number
        s.delete(direction)
        s.flush()
        _close_gap(s, Direction.stage_id == stage_id, Direction.number, number)


# -- measures -------------------------------------------------------------------------------------
MEASURE_TEXT_MAX = 20_000


def validate_measure(text, deadline_phrase, expected_result="") -> tuple[str, str, str]:
    """The measure form's checks: text (required), deadline phrase, expected result → cleaned."""
    text = _clean_text(text_value(text, "Зміст заходу", "Зміст заходу", MEASURE_TEXT_MAX, multiline=True))
    if not text:
        raise ValidationError("Зміст заходу: текст заходу не може бути порожнім.", field="Зміст заходу")
    phrase = " ".join(text_value(deadline_phrase, "Строк виконання", "Строк виконання", 2000).split())
    parse_deadline(phrase)  # understood or not, it must never fail
    result = _clean_text(text_value(expected_result, "Очікуваний результат", "Очікуваний результат",
                                    MEASURE_TEXT_MAX, multiline=True))
    return text, phrase, result


def _validate_measure(text: str, deadline_phrase: str) -> tuple[str, str]:
    text, phrase, _result = validate_measure(text, deadline_phrase)
    return text, phrase


def _apply_deadline(measure: Measure, phrase: str) -> None:
    deadline = parse_deadline(phrase)
    measure.deadline_phrase = deadline.phrase
    measure.deadline_kind = deadline.kind.value
    measure.deadline_months = ",".join(str(m) for m in deadline.months)
    measure.deadline_date = deadline.due_date
    measure.deadline_year_from = deadline.year_from
    measure.deadline_year_to = deadline.year_to


def _executors(session: Session, executor_ids: Sequence[int]) -> list[Executor]:
    result: list[Executor] = []
    for executor_id in executor_ids:
        executor = _get(session, Executor, executor_id, "Виконавця")
        if executor not in result:
            result.append(executor)
    return result


def add_measure(db: Database, direction_id: int, text: str, deadline_phrase: str, executor_ids: Sequence[int] = (),
                expected_result: str = "", amendment_id: int | None = None) -> int:
    require(db, OPERATOR)
    text, phrase = _validate_measure(text, deadline_phrase)
    with db.changing("Додано захід Програми") as s:
        direction = _get(s, Direction, direction_id, "Напрям")
        amendment = _amendment(s, amendment_id)
        position = (s.scalar(select(func.max(Measure.position)).where(Measure.direction_id == direction.id)) or 0) + 1
        executors = _executors(s, executor_ids)
        measure = Measure(direction=direction, position=position, text=text,
                          executors_text=", ".join(e.name for e in executors),
                          expected_result=_clean_text(expected_result, "Очікуваний результат") or None)
        _apply_deadline(measure, phrase)
        measure.executors = executors
        s.add(measure)
        s.flush()
        write_positions(s, measure.id, [e.id for e in executors])
        _record(s, amendment, "measure", "text", None, text, measure_id=measure.id, direction_id=direction.id,
                owner_label=f"Захід {direction.number}.{position}")
        return measure.id


MEASURE_LABELS = {"text": "Зміст заходу", "deadline_phrase": "Строк виконання", "executors_text": "Виконавці",
                  "expected_result": "Очікуваний результат"}


def update_measure(db: Database, measure_id: int, text: str, deadline_phrase: str, executor_ids: Sequence[int],
                   expected_result: str = "", amendment_id: int | None = None, *, expected_version: int) -> None:
    """Change a measure; ``expected_version`` is the version the form was filled from (a save over
    someone else's change meanwhile raises ConflictError with both versions)."""
    require(db, OPERATOR)
    text, phrase = _validate_measure(text, deadline_phrase)
    with db.reading() as s:
        names = ", ".join(e.name for e in _executors(s, executor_ids))
    yours = {"text": text, "deadline_phrase": phrase, "executors_text": names,
             "expected_result": _clean_text(expected_result, "Очікуваний результат") or None}
    with editing(db, "Змінено захід Програми", Measure, measure_id, expected_version, yours=yours,
                 labels=MEASURE_LABELS, record="Захід Програми") as measure:
        s = Session.object_session(measure)
        amendment = _amendment(s, amendment_id)
        owner = dict(measure_id=measure.id, direction_id=measure.direction_id,
                     owner_label=f"Захід {measure.direction.number}.{measure.position}")
        _record(s, amendment, "measure", "Зміст заходу", measure.text, text, **owner)
        _record(s, amendment, "measure", "Строк виконання", measure.deadline_phrase, phrase, **owner)
        measure.text = text
        if phrase != measure.deadline_phrase:
            _apply_deadline(measure, phrase)
        # A measure that inherited the merged cell above keeps NULL until the user writes its own.
        result = _clean_text(expected_result, "Очікуваний результат")
        if result or measure.expected_result:
            measure.expected_result = result or None
        executors = _executors(s, executor_ids)
        old_names = [e.name for e in measure.executors]
        new_names = [e.name for e in executors]
        if old_names != new_names:
            _record(s, amendment, "measure", "Виконавці", "; ".join(old_names), "; ".join(new_names), **owner)
            measure.executors = executors
            measure.executors_text = ", ".join(new_names)
            write_positions(s, measure.id, [e.id for e in executors])


def delete_measure(db: Database, measure_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Видалено захід Програми") as s:
        measure = _get(s, Measure, measure_id, "Захід")
        reports = s.scalar(select(func.count(ProgressEntry.id)).where(ProgressEntry.measure_id == measure.id))
        if reports:
            raise UserError(f"Захід {measure.direction.number}.{measure.position} має звіти виконавців ({reports}): "
                            "його не можна видалити, щоб не втратити історію виконання.")
        for row in list(measure.funding):
            s.delete(row)
        _detach_history(s, AmendmentChange.measure_id, measure.id)
        direction_id, position = measure.direction_id, measure.position
        s.delete(measure)
        s.flush()
        _close_gap(s, Measure.direction_id == direction_id, Measure.position, position)


# -- planned amounts ------------------------------------------------------------------------------
def _cell_names(db: Database, cells: Mapping[tuple[int, int], object]) -> dict[tuple[int, int], str]:
    with db.reading() as s:
        sources = {f.id: f.name for f in s.scalars(select(FundingSource))}
    return {(source_id, year): f"{year}, {sources.get(source_id, '')}".strip(", ")
            for source_id, year in cells}


@contextmanager
def _amounts_conflict(db: Database, cells: Mapping[tuple[int, int], object], stored) -> Iterator[dict]:
    """A conflict over a grid of amounts shows the cells the user typed, and the amounts now stored."""
    names = _cell_names(db, cells)
    yours = {names[key]: (value if value not in ("", None) else None) for key, value in cells.items()}
    try:
        yield yours
    except ConflictError as exc:
        now = stored()
        exc.yours = yours
        exc.theirs = {names[key]: now.get(key) for key in cells}
        raise


def _parse_cells(session: Session, owner: str, owner_id: int,
                 cells: Mapping[tuple[int, int], object]) -> dict[tuple[int, int], Decimal | None]:
    stage, label = _owner_stage(session, owner, owner_id)
    sources = {f.id: f.name for f in session.scalars(select(FundingSource))}
    parsed: dict[tuple[int, int], Decimal | None] = {}
    for (source_id, year), text in cells.items():
        if source_id not in sources:
            raise ValidationError("Джерело фінансування не знайдено.", field="Джерело фінансування")
        field = f"{label}, {year} рік, {sources[source_id].lower()}"
        if year not in stage.years:
            raise ValidationError(f"{field}: рік {year} поза межами етапу (Додаток {stage.annex_number}: "
                                  f"{stage.start_year}–{stage.end_year} роки).", field=str(year))
        parsed[(source_id, year)] = parse_amount(text, field)
    return parsed


def validate_amounts(db: Database, owner: str, owner_id: int,
                     cells: Mapping[tuple[int, int], object]) -> dict[tuple[int, int], Decimal | None]:
    """The funding form's checks (amount, year of the stage) → parsed amounts; nothing is written."""
    with db.reading() as s:
        return _parse_cells(s, owner, owner_id, cells)


def set_planned_amounts(db: Database, owner: str, owner_id: int, cells: Mapping[tuple[int, int], str | Decimal | None],
                        amendment_id: int | None = None, *, expected_version: int) -> int:
    """Write planned amounts of a direction or measure, (source_id, year) → text typed by the user.

    Empty text removes the amount. All cells are validated before anything is written.
    ``expected_version`` is the owner's version the grid was filled from (FundingGrid.version):
    the amounts are part of the direction or measure, so a change of them is a new version of it.
    Returns the number of cells changed."""
    require(db, OPERATOR)
    validate_amounts(db, owner, owner_id, cells)  # bad input is refused before anything else
    model = Direction if owner == DIRECTION else Measure
    with _amounts_conflict(db, cells, lambda: funding_grid(db, owner, owner_id).amounts) as yours, \
            editing(db, "Змінено планові обсяги фінансування", model, owner_id, expected_version, yours=yours,
                    record="Планові обсяги фінансування") as owner_record:
        s = Session.object_session(owner_record)
        _stage, label = _owner_stage(s, owner, owner_id)
        amendment = _amendment(s, amendment_id)
        parsed = _parse_cells(s, owner, owner_id, cells)
        column = PlannedFunding.direction_id if owner == DIRECTION else PlannedFunding.measure_id
        existing = {(p.source_id, p.year): p for p in s.scalars(select(PlannedFunding).where(column == owner_id))}
        target = "direction_funding" if owner == DIRECTION else "measure_funding"
        ids = {"direction_id": owner_id} if owner == DIRECTION else {"measure_id": owner_id}
        changed = _apply_amount_cells(
            s, parsed, existing,
            lambda source_id, year, value: PlannedFunding(source_id=source_id, year=year, amount=value, **ids),
            lambda old, value, source_id, year: _record(s, amendment, target, "amount", old, value,
                                                        source_id=source_id, year=year, owner_label=label, **ids))
        if changed:
            bump(owner_record, expected_version)
    return changed


def set_passport_amounts(db: Database, cells: Mapping[tuple[int, int], str | Decimal | None],
                         amendment_id: int | None = None, *, expected_version: int) -> int:
    """Write table 1.7 of the passport, (source_id, year) → text; empty removes the amount.

    ``expected_version`` is the Program's version the form was filled from (PassportGrid.version)."""
    require(db, OPERATOR)
    with db.reading() as s:
        program_id = _program(s).id
    with _amounts_conflict(db, cells, lambda: passport_amounts(db)) as yours, \
            editing(db, "Змінено обсяги фінансування в паспорті Програми", Program, program_id, expected_version,
                    yours=yours, record="Паспорт Програми") as program:
        s = Session.object_session(program)
        amendment = _amendment(s, amendment_id)
        sources = {f.id: f.name for f in s.scalars(select(FundingSource))}
        parsed = {}
        for (source_id, year), text in cells.items():
            field = f"Паспорт, {year} рік, {sources.get(source_id, '').lower()}"
            if not program.start_year <= year <= program.end_year:
                raise ValidationError(f"{field}: рік {year} поза строком Програми "
                                      f"({program.start_year}–{program.end_year}).", field=str(year))
            parsed[(source_id, year)] = parse_amount(text, field)
        existing = {(p.source_id, p.year): p for p in s.scalars(
            select(PassportFunding).where(PassportFunding.program_id == program.id))}
        changed = _apply_amount_cells(
            s, parsed, existing,
            lambda source_id, year, value: PassportFunding(program=program, source_id=source_id, year=year,
                                                           amount=value),
            lambda old, value, source_id, year: _record(s, amendment, "passport_funding", "amount", old, value,
                                                        source_id=source_id, year=year,
                                                        owner_label="Паспорт Програми"))
        if changed:
            bump(program, expected_version)
    return changed


def passport_grid(db: Database) -> PassportGrid:
    """The passport's amounts and the Program's version, read together (for the edit form)."""
    with db.reading() as s:
        program = _program(s)
        return PassportGrid({(p.source_id, p.year): p.amount for p in s.scalars(
            select(PassportFunding).where(PassportFunding.program_id == program.id))}, program.version)


def passport_amounts(db: Database) -> dict[tuple[int, int], Decimal]:
    with db.reading() as s:
        program = _program(s)
        return {(p.source_id, p.year): p.amount for p in s.scalars(
            select(PassportFunding).where(PassportFunding.program_id == program.id))}


def amendment_changes(db: Database, amendment_id: int) -> list[str]:
    """What one amendment changed, one line each: «Напрям 4…, 2026, бюджет громади: 1577626.00 → 1600000.00»."""
    with db.reading() as s:
        rows = s.scalars(select(AmendmentChange).where(AmendmentChange.amendment_id == amendment_id)
                         .order_by(AmendmentChange.id))
        lines = []
        for c in rows:
            where = c.owner_label
            if c.year is not None:
                where += f", {c.year}, {c.source.short_name or c.source.name if c.source else ''}"
            else:
                where += f", {c.field}"
            lines.append(f"{where}: {c.old_value or '—'} → {c.new_value or '—'}")
        return lines
