"""A program's stages: each an annex with its own years, title and caption."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Measure, PlannedFunding, Stage
from kr_desktop.domain.program_names import genitive
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.program import choice
from kr_desktop.services.program.programs import check_years, parse_years
from kr_desktop.services.program.records import clean_text, close_gap, get
from kr_desktop.services.versioning import editing


@dataclass(frozen=True)
class StageEdit:
    id: int
    annex_number: int
    start_year: int
    end_year: int
    title: str
    caption: str
    version: int


def stages_for_edit(db: Database, program_id: int | None = None) -> list[StageEdit]:
    with db.reading() as s:
        program = choice.resolve(s, program_id)
        return [StageEdit(st.id, st.annex_number, st.start_year, st.end_year, st.title, st.caption, st.version)
                for st in program.stages]


def _years(years) -> tuple[int, int]:
    start, end = parse_years(years, "Роки етапу") if isinstance(years, str) else years
    check_years(start, end, "Роки етапу")
    return start, end


def _check_place(program, start: int, end: int, stage_id: int | None = None) -> None:
    if start < program.start_year or end > program.end_year:
        raise ValidationError(f"Роки етапу: {start}–{end} виходять за роки програми "
                              f"{program.start_year}–{program.end_year}.", field="Роки етапу")
    for other in program.stages:
        if other.id != stage_id and other.start_year <= end and start <= other.end_year:
            raise ValidationError(f"Роки етапу: {start}–{end} перетинаються з Додатком {other.annex_number} "
                                  f"({other.start_year}–{other.end_year}).", field="Роки етапу")


def add_stage(db: Database, years, title: str = "", caption: str = "", program_id: int | None = None) -> int:
    """A new stage (the next annex) over ``years`` of the program, not overlapping another stage."""
    require(db, OPERATOR)
    start, end = _years(years)
    title = clean_text(title, "Назва етапу")
    caption = clean_text(caption, "Підпис додатка")
    with db.changing("Додано етап (додаток) програми") as s:
        program = choice.resolve(s, program_id)
        _check_place(program, start, end)
        number = (s.scalar(select(func.max(Stage.annex_number)).where(Stage.program_id == program.id)) or 0) + 1
        stage = Stage(program=program, annex_number=number, start_year=start, end_year=end,
                      title=title or f"Завдання та заходи {genitive(program.name)}", caption=caption)
        s.add(stage)
        s.flush()
        return stage.id


def update_stage(db: Database, stage_id: int, years, title: str, caption: str, *, expected_version: int) -> None:
    require(db, OPERATOR)
    start, end = _years(years)
    title = clean_text(title, "Назва етапу")
    if not title:
        raise ValidationError("Назва етапу: назва не може бути порожньою.", field="Назва етапу")
    caption = clean_text(caption, "Підпис додатка")
    changes = {"start_year": start, "end_year": end, "title": title, "caption": caption}
    with editing(db, "Змінено етап (додаток) програми", Stage, stage_id, expected_version, yours=changes,
                 labels={"start_year": "Рік початку", "end_year": "Рік закінчення", "title": "Назва",
                         "caption": "Підпис додатка"}, record="Етап програми") as stage:
        _check_place(stage.program, start, end, stage.id)
        s = Session.object_session(stage)
        outside = [year for (year,) in s.execute(
            select(PlannedFunding.year).join(Direction, Direction.id == PlannedFunding.direction_id)
            .where(Direction.stage_id == stage.id).union(
                select(PlannedFunding.year).join(Measure, Measure.id == PlannedFunding.measure_id)
                .join(Direction, Direction.id == Measure.direction_id).where(Direction.stage_id == stage.id)))
            if not start <= year <= end]
        if outside:
            raise ValidationError(f"Роки етапу: етап має планові обсяги за {', '.join(map(str, sorted(outside)))} "
                                  "рік — спершу приберіть їх.", field="Роки етапу")
        for key, value in changes.items():
            setattr(stage, key, value)


def delete_stage(db: Database, stage_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Вилучено етап (додаток) програми") as s:
        stage = get(s, Stage, stage_id, "Етап")
        if stage.directions:
            raise UserError(f"Додаток {stage.annex_number} має напрями ({len(stage.directions)}): спершу вилучіть "
                            "або перенесіть їх.")
        program_id, number = stage.program_id, stage.annex_number
        s.delete(stage)
        s.flush()
        close_gap(s, Stage.program_id == program_id, Stage.annex_number, number)
