"""Planned amounts of a program: per direction or measure, year and source (the annex tables), a
source named with words instead of amounts, the passport's table 1.7, and the passport ↔ annex
check. An amendment cited with a change records old and new values (the amount's history)."""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Direction, FundingPhrase, FundingSource, Measure, PassportFunding, PlannedFunding,
                                  Program, Stage)
from kr_desktop.domain.consistency import Mismatch, check_consistency
from kr_desktop.domain.progress import parse_amount
from kr_desktop.errors import ConflictError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.program import choice
from kr_desktop.services.program.records import (DIRECTION, amendment_of, apply_amount_cells, clean_text, get,
                                                 owner_stage, record_change)
from kr_desktop.services.versioning import bump, editing


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
    phrases: dict[int, tuple[str, int | None]] | None = None  # source_id → (words instead of amounts, from year)


@dataclass(frozen=True)
class PassportGrid:
    """Table 1.7 of the passport as the dialog shows it; ``version`` is the program's."""

    amounts: dict[tuple[int, int], Decimal]
    version: int
    years: tuple[int, ...] = ()


def list_sources(db: Database) -> list[SourceInfo]:
    with db.reading() as s:
        return [SourceInfo(f.id, f.name) for f in s.scalars(select(FundingSource).order_by(FundingSource.position))]


def _owner_column(owner: str, model=PlannedFunding):
    return model.direction_id if owner == DIRECTION else model.measure_id


def funding_grid(db: Database, owner: str, owner_id: int) -> FundingGrid:
    with db.reading() as s:
        stage, label = owner_stage(s, owner, owner_id)
        version = get(s, Direction if owner == DIRECTION else Measure, owner_id, "Запис").version
        amounts = {(p.source_id, p.year): p.amount
                   for p in s.scalars(select(PlannedFunding).where(_owner_column(owner) == owner_id))}
        phrases = {p.source_id: (p.text, p.from_year)
                   for p in s.scalars(select(FundingPhrase).where(_owner_column(owner, FundingPhrase) == owner_id))}
        sources = tuple(SourceInfo(f.id, f.name) for f in s.scalars(select(FundingSource).order_by(FundingSource.position)))
        return FundingGrid(owner, owner_id, label, tuple(stage.years), sources, amounts, version, phrases)


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
    stage, label = owner_stage(session, owner, owner_id)
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
                        amendment_id: int | None = None, *, expected_version: int,
                        phrases: Mapping[int, tuple[str, int | None] | str | None] | None = None) -> int:
    """Write planned amounts of a direction or measure, (source_id, year) → text typed by the user,
    and, when given, ``phrases``: source_id → words standing instead of amounts (with the year
    their cell begins at; "" or None removes them).

    Empty text removes the amount. All cells are validated before anything is written.
    ``expected_version`` is the owner's version the grid was filled from (FundingGrid.version):
    the amounts are part of the direction or measure, so a change of them is a new version of it.
    Returns the number of cells changed."""
    require(db, OPERATOR)
    validate_amounts(db, owner, owner_id, cells)  # bad input is refused before anything else
    wanted_phrases = _validate_phrases(db, owner, owner_id, phrases or {})
    model = Direction if owner == DIRECTION else Measure
    with _amounts_conflict(db, cells, lambda: funding_grid(db, owner, owner_id).amounts) as yours, \
            editing(db, "Змінено планові обсяги фінансування", model, owner_id, expected_version, yours=yours,
                    record="Планові обсяги фінансування") as owner_record:
        s = Session.object_session(owner_record)
        _stage, label = owner_stage(s, owner, owner_id)
        amendment = amendment_of(s, amendment_id)
        parsed = _parse_cells(s, owner, owner_id, cells)
        existing = {(p.source_id, p.year): p
                    for p in s.scalars(select(PlannedFunding).where(_owner_column(owner) == owner_id))}
        target = "direction_funding" if owner == DIRECTION else "measure_funding"
        ids = {"direction_id": owner_id} if owner == DIRECTION else {"measure_id": owner_id}
        changed = apply_amount_cells(
            s, parsed, existing,
            lambda source_id, year, value: PlannedFunding(source_id=source_id, year=year, amount=value, **ids),
            lambda old, value, source_id, year: record_change(s, amendment, target, "amount", old, value,
                                                              source_id=source_id, year=year, owner_label=label, **ids))
        changed += _apply_phrases(s, owner, owner_id, wanted_phrases, ids)
        if changed:
            bump(owner_record, expected_version)
    return changed


def _validate_phrases(db: Database, owner: str, owner_id: int, phrases) -> dict[int, tuple[str, int | None] | None]:
    result: dict[int, tuple[str, int | None] | None] = {}
    with db.reading() as s:
        stage, label = owner_stage(s, owner, owner_id)
        sources = {f.id: f.name for f in s.scalars(select(FundingSource))}
        for source_id, value in phrases.items():
            if source_id not in sources:
                raise ValidationError("Джерело фінансування не знайдено.", field="Джерело фінансування")
            text, from_year = (value, None) if not isinstance(value, tuple) else value
            field = f"{label}, {sources[source_id].lower()}: замість сум"
            text = clean_text(text, field)
            if from_year is not None and from_year not in stage.years:
                raise ValidationError(f"{field}: рік {from_year} поза межами етапу.", field=field)
            result[source_id] = (text, from_year) if text else None
    return result


def _apply_phrases(s: Session, owner: str, owner_id: int, wanted, ids) -> int:
    existing = {p.source_id: p for p in s.scalars(select(FundingPhrase)
                                                  .where(_owner_column(owner, FundingPhrase) == owner_id))}
    changed = 0
    for source_id, value in wanted.items():
        row = existing.get(source_id)
        if value is None:
            if row is not None:
                s.delete(row)
                changed += 1
        elif row is None:
            s.add(FundingPhrase(source_id=source_id, text=value[0], from_year=value[1], **ids))
            changed += 1
        elif (row.text, row.from_year) != value:
            row.text, row.from_year = value
            changed += 1
    return changed


def passport_amounts(db: Database, program_id: int | None = None) -> dict[tuple[int, int], Decimal]:
    return passport_grid(db, program_id).amounts


def passport_grid(db: Database, program_id: int | None = None) -> PassportGrid:
    """The passport's amounts and the program's version, read together (for the edit form)."""
    with db.reading() as s:
        program = choice.resolve(s, program_id)
        return PassportGrid({(p.source_id, p.year): p.amount for p in s.scalars(
            select(PassportFunding).where(PassportFunding.program_id == program.id))}, program.version,
            tuple(range(program.start_year, program.end_year + 1)))


def set_passport_amounts(db: Database, cells: Mapping[tuple[int, int], str | Decimal | None],
                         amendment_id: int | None = None, *, expected_version: int,
                         program_id: int | None = None) -> int:
    """Write table 1.7 of the passport, (source_id, year) → text; empty removes the amount.

    ``expected_version`` is the program's version the form was filled from (PassportGrid.version)."""
    require(db, OPERATOR)
    with db.reading() as s:
        program_id = choice.resolve(s, program_id).id
    with _amounts_conflict(db, cells, lambda: passport_amounts(db, program_id)) as yours, \
            editing(db, "Змінено обсяги фінансування в паспорті програми", Program, program_id, expected_version,
                    yours=yours, record="Паспорт програми") as program:
        s = Session.object_session(program)
        amendment = amendment_of(s, amendment_id)
        sources = {f.id: f.name for f in s.scalars(select(FundingSource))}
        parsed = {}
        for (source_id, year), text in cells.items():
            field = f"Паспорт, {year} рік, {sources.get(source_id, '').lower()}"
            if not program.start_year <= year <= program.end_year:
                raise ValidationError(f"{field}: рік {year} поза строком програми "
                                      f"({program.start_year}–{program.end_year}).", field=str(year))
            parsed[(source_id, year)] = parse_amount(text, field)
        existing = {(p.source_id, p.year): p for p in s.scalars(
            select(PassportFunding).where(PassportFunding.program_id == program.id))}
        changed = apply_amount_cells(
            s, parsed, existing,
            lambda source_id, year, value: PassportFunding(program=program, source_id=source_id, year=year,
                                                           amount=value),
            lambda old, value, source_id, year: record_change(s, amendment, "passport_funding", "amount", old, value,
                                                              source_id=source_id, year=year,
                                                              owner_label="Паспорт програми"))
        if changed:
            bump(program, expected_version)
    return changed


def consistency(db: Database, program_id: int | None = None) -> list[Mismatch]:
    """Passport ↔ annex: years whose stage total differs from the passport total."""
    with db.reading() as s:
        program = choice.resolve(s, program_id)
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
                                   .join(Stage, Stage.id == Direction.stage_id)
                                   .where(Stage.program_id == program.id))
        measure_rows = s.execute(select(PlannedFunding.year, PlannedFunding.amount, Stage.annex_number)
                                 .join(Measure, Measure.id == PlannedFunding.measure_id)
                                 .join(Direction, Direction.id == Measure.direction_id)
                                 .join(Stage, Stage.id == Direction.stage_id)
                                 .where(Stage.program_id == program.id))
        for year, amount, annex_number in list(direction_rows) + list(measure_rows):
            if stage_of_year.get(year) == annex_number:
                annex[year] += amount
        return check_consistency(passport, annex, stage_of_year, range(program.start_year, program.end_year + 1))
