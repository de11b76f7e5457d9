"""A program's directions and measures: add, change, delete, each one journaled change.

Every function is one user action: validation first, then one ``db.changing(label)`` transaction,
so a refused action leaves nothing half-saved. A measure's deadline and executors keep their
provenance (printed in their own cell / the merged cell above / inferred, with a note) through
edits of its other fields; a value the user changes is the user's own, printed in its cell,
unless the form says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.models import ORIGINS, AmendmentChange, Direction, Executor, Measure, ProgressEntry, Stage
from kr_desktop.db.engine import Database
from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.domain.input_checks import text_value
from kr_desktop.domain.provenance import Provenance
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.executors import write_positions
from kr_desktop.services.program.records import (TEXT_MAX, amendment_of, clean_text, close_gap, detach_history, get,
                                                 record_change)
from kr_desktop.services.versioning import editing

MEASURE_TEXT_MAX = TEXT_MAX


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
    deadline_provenance: Provenance = Provenance()
    executors_provenance: Provenance = Provenance()


def measure_for_edit(db: Database, measure_id: int) -> MeasureEdit:
    with db.reading() as s:
        m = get(s, Measure, measure_id, "Захід")
        return MeasureEdit(m.id, m.direction_id, f"{m.direction.number}.{m.position}", m.text, m.deadline_phrase,
                           tuple(e.id for e in m.executors), m.expected_result or "", m.version,
                           Provenance(m.deadline_origin, m.deadline_note),
                           Provenance(m.executors_origin, m.executors_note))


def direction_for_edit(db: Database, direction_id: int) -> DirectionEdit:
    with db.reading() as s:
        d = get(s, Direction, direction_id, "Напрям")
        return DirectionEdit(d.id, d.number, d.name, d.version)


# -- directions -----------------------------------------------------------------------------------
def add_direction(db: Database, stage_id: int, name: str) -> int:
    require(db, OPERATOR)
    name = clean_text(name, "Назва напряму")
    if not name:
        raise ValidationError("Назва напряму: введіть назву напряму.", field="Назва напряму")
    with db.changing("Додано напрям Програми") as s:
        stage = get(s, Stage, stage_id, "Етап")
        number = (s.scalar(select(func.max(Direction.number)).where(Direction.stage_id == stage.id)) or 0) + 1
        direction = Direction(stage=stage, number=number, name=name)
        s.add(direction)
        s.flush()
        return direction.id


def update_direction(db: Database, direction_id: int, name: str, *, expected_version: int) -> None:
    """Rename a direction; ``expected_version`` is the version the form was filled from."""
    require(db, OPERATOR)
    name = clean_text(name, "Назва напряму")
    if not name:
        raise ValidationError("Назва напряму: назва не може бути порожньою.", field="Назва напряму")
    with editing(db, "Змінено назву напряму", Direction, direction_id, expected_version,
                 yours={"name": name}, labels={"name": "Назва напряму"}, record="Напрям Програми") as direction:
        direction.name = name


def delete_direction(db: Database, direction_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Видалено напрям Програми") as s:
        direction = get(s, Direction, direction_id, "Напрям")
        if direction.measures:
            raise UserError(f"Напрям {direction.number} має заходи ({len(direction.measures)}): "
                            "спочатку видаліть або перенесіть їх.")
        for row in list(direction.funding) + list(direction.phrases):
            s.delete(row)
        detach_history(s, AmendmentChange.direction_id, direction.id)
        stage_id, number = direction.stage_id, direction.number
        s.delete(direction)
        s.flush()
        close_gap(s, Direction.stage_id == stage_id, Direction.number, number)


# -- measures -------------------------------------------------------------------------------------
def validate_measure(text, deadline_phrase, expected_result="") -> tuple[str, str, str]:
    """The measure form's checks: text (required), deadline phrase, expected result → cleaned."""
    text = clean_text(text_value(text, "Зміст заходу", "Зміст заходу", MEASURE_TEXT_MAX, multiline=True))
    if not text:
        raise ValidationError("Зміст заходу: текст заходу не може бути порожнім.", field="Зміст заходу")
    phrase = " ".join(text_value(deadline_phrase, "Строк виконання", "Строк виконання", 2000).split())
    parse_deadline(phrase)  # understood or not, it must never fail
    result = clean_text(text_value(expected_result, "Очікуваний результат", "Очікуваний результат",
                                   MEASURE_TEXT_MAX, multiline=True))
    return text, phrase, result


def validate_provenance(value: Provenance | None, label: str) -> Provenance | None:
    if value is None:
        return None
    if value.origin not in ORIGINS:
        raise ValidationError(f"{label}: невідоме походження значення «{value.origin}».", field=label)
    note = clean_text(value.note, f"{label}: примітка")
    if value.origin == "inferred" and not note:
        raise ValidationError(f"{label}: для виведеного значення напишіть у примітці, звідки воно взялося.",
                              field=label)
    return Provenance(value.origin, note)


def apply_deadline(measure: Measure, phrase: str) -> None:
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
        executor = get(session, Executor, executor_id, "Виконавця")
        if executor not in result:
            result.append(executor)
    return result


def add_measure(db: Database, direction_id: int, text: str, deadline_phrase: str, executor_ids: Sequence[int] = (),
                expected_result: str = "", amendment_id: int | None = None, *,
                deadline_provenance: Provenance | None = None, executors_provenance: Provenance | None = None) -> int:
    require(db, OPERATOR)
    text, phrase, _result = validate_measure(text, deadline_phrase)
    deadline_from = validate_provenance(deadline_provenance, "Строк виконання") or Provenance()
    executors_from = validate_provenance(executors_provenance, "Виконавці") or Provenance()
    with db.changing("Додано захід Програми") as s:
        direction = get(s, Direction, direction_id, "Напрям")
        amendment = amendment_of(s, amendment_id)
        position = (s.scalar(select(func.max(Measure.position)).where(Measure.direction_id == direction.id)) or 0) + 1
        executors = _executors(s, executor_ids)
        measure = Measure(direction=direction, position=position, text=text,
                          executors_text=", ".join(e.name for e in executors),
                          expected_result=clean_text(expected_result, "Очікуваний результат") or None,
                          deadline_origin=deadline_from.origin, deadline_note=deadline_from.note,
                          executors_origin=executors_from.origin, executors_note=executors_from.note)
        apply_deadline(measure, phrase)
        measure.executors = executors
        s.add(measure)
        s.flush()
        write_positions(s, measure.id, [e.id for e in executors])
        record_change(s, amendment, "measure", "text", None, text, measure_id=measure.id, direction_id=direction.id,
                      owner_label=f"Захід {direction.number}.{position}")
        return measure.id


MEASURE_LABELS = {"text": "Зміст заходу", "deadline_phrase": "Строк виконання", "executors_text": "Виконавці",
                  "expected_result": "Очікуваний результат"}


def update_measure(db: Database, measure_id: int, text: str, deadline_phrase: str, executor_ids: Sequence[int],
                   expected_result: str = "", amendment_id: int | None = None, *, expected_version: int,
                   deadline_provenance: Provenance | None = None,
                   executors_provenance: Provenance | None = None) -> None:
    """Change a measure; ``expected_version`` is the version the form was filled from (a save over
    someone else's change meanwhile raises ConflictError with both versions).

    A provenance given is stored as given; without one, a deadline or executors the save changes
    become printed in their own cell (the user's own value), unchanged ones keep theirs."""
    require(db, OPERATOR)
    text, phrase, _result = validate_measure(text, deadline_phrase)
    deadline_from = validate_provenance(deadline_provenance, "Строк виконання")
    executors_from = validate_provenance(executors_provenance, "Виконавці")
    with db.reading() as s:
        names = ", ".join(e.name for e in _executors(s, executor_ids))
    yours = {"text": text, "deadline_phrase": phrase, "executors_text": names,
             "expected_result": clean_text(expected_result, "Очікуваний результат") or None}
    with editing(db, "Змінено захід Програми", Measure, measure_id, expected_version, yours=yours,
                 labels=MEASURE_LABELS, record="Захід Програми") as measure:
        s = Session.object_session(measure)
        amendment = amendment_of(s, amendment_id)
        owner = dict(measure_id=measure.id, direction_id=measure.direction_id,
                     owner_label=f"Захід {measure.direction.number}.{measure.position}")
        record_change(s, amendment, "measure", "Зміст заходу", measure.text, text, **owner)
        record_change(s, amendment, "measure", "Строк виконання", measure.deadline_phrase, phrase, **owner)
        measure.text = text
        if phrase != measure.deadline_phrase:
            apply_deadline(measure, phrase)
            deadline_from = deadline_from or Provenance()
        if deadline_from is not None:
            measure.deadline_origin, measure.deadline_note = deadline_from.origin, deadline_from.note
        # A measure that inherited the merged cell above keeps NULL until the user writes its own.
        result = clean_text(expected_result, "Очікуваний результат")
        if result or measure.expected_result:
            measure.expected_result = result or None
        executors = _executors(s, executor_ids)
        old_names = [e.name for e in measure.executors]
        new_names = [e.name for e in executors]
        if old_names != new_names:
            record_change(s, amendment, "measure", "Виконавці", "; ".join(old_names), "; ".join(new_names), **owner)
            measure.executors = executors
            measure.executors_text = ", ".join(new_names)
            write_positions(s, measure.id, [e.id for e in executors])
            executors_from = executors_from or Provenance()
        if executors_from is not None:
            measure.executors_origin, measure.executors_note = executors_from.origin, executors_from.note


def delete_measure(db: Database, measure_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Видалено захід Програми") as s:
        measure = get(s, Measure, measure_id, "Захід")
        reports = s.scalar(select(func.count(ProgressEntry.id)).where(ProgressEntry.measure_id == measure.id))
        if reports:
            raise UserError(f"Захід {measure.direction.number}.{measure.position} має звіти виконавців ({reports}): "
                            "його не можна видалити, щоб не втратити історію виконання.")
        for row in list(measure.funding) + list(measure.phrases):
            s.delete(row)
        detach_history(s, AmendmentChange.measure_id, measure.id)
        direction_id, position = measure.direction_id, measure.position
        s.delete(measure)
        s.flush()
        close_gap(s, Measure.direction_id == direction_id, Measure.position, position)
