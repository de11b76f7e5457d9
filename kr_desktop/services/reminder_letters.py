"""Reminder letters to executors whose half-year information or measure is overdue: plain data
for kr_desktop.reports.letters — the addressee from the executors directory (the head's
position and name in the dative, corrected forms winning; «Керівнику» + the unit otherwise), the
measures with their number and text, the due dates, and the department's signature.

One executor's letter (``letters_data(db, on, [executor_id])``) is what «Контроль» prints for the
executor it shows; all of them is what ``report overdue`` appends to the control list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Executor, Measure
from kr_desktop.domain.control_data import ControlItem, ControlStatus
from kr_desktop.domain.declension.addressee import Addressee, addressee
from kr_desktop.errors import UserError
from kr_desktop.services.control import Signing
from kr_desktop.services.progress_reports import OverdueData, ProgramInfo, overdue_data

REPLY_DAYS = 5  # working days the executor is given to answer


@dataclass(frozen=True)
class LetterMeasure:
    number: str  # «4.3»
    text: str  # the measure's text as the Program words it


@dataclass(frozen=True)
class LetterSection:
    kind: str  # "report": the half-year information is missing; "deadline": the measure's own deadline passed
    what: str  # «Звіт за I півріччя 2026 року» / «Захід 4.1 (Додаток 3)»
    due: dt.date
    deadline: str  # the Program's deadline phrase of a "deadline" item
    measures: tuple[LetterMeasure, ...]


@dataclass(frozen=True)
class ReminderLetter:
    executor_id: int
    executor: str  # the unit's name as the directory has it
    addressee: Addressee
    sections: tuple[LetterSection, ...]


@dataclass(frozen=True)
class LettersData:
    program: ProgramInfo
    on: dt.date
    reply_by: dt.date
    signing: Signing
    letters: tuple[ReminderLetter, ...]


def reply_date(on: dt.date, working_days: int = REPLY_DAYS) -> dt.date:
    """``working_days`` working days after ``on`` (Saturdays and Sundays skipped)."""
    day, left = on, working_days
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def _sections(items: list[ControlItem], measures: dict[int, LetterMeasure]) -> tuple[LetterSection, ...]:
    sections = []
    for item in items:
        listed = tuple(measures[i] for i in item.measure_ids if i in measures)
        sections.append(LetterSection(item.kind, item.what, item.due, item.deadline, listed))
    return tuple(sections)


def letters_from(db: Database, data: OverdueData, executor_ids: Iterable[int] | None = None) -> LettersData:
    """The letters of the executors with overdue items (``executor_ids``: only these)."""
    wanted = None if executor_ids is None else set(executor_ids)
    chosen = [(e_id, name) for e_id, name in data.executors() if wanted is None or e_id in wanted]
    items = {e_id: data.control.items_of(e_id, (ControlStatus.OVERDUE,)) for e_id, _name in chosen}
    measure_ids = {m for its in items.values() for item in its for m in item.measure_ids}
    with db.reading() as s:
        rows = s.scalars(select(Executor).where(Executor.id.in_([e_id for e_id, _n in chosen]))).all()
        directory = {e.id: e for e in rows}
        measures = {m.id: LetterMeasure(f"{m.direction.number}.{m.position}", m.text)
                    for m in s.scalars(select(Measure).where(Measure.id.in_(list(measure_ids)))
                                       .options(selectinload(Measure.direction)))}
        letters = []
        for e_id, name in chosen:
            e = directory.get(e_id)
            to = (addressee(e.name, e.head_position, e.head_name, e.head_position_dative, e.head_name_dative)
                  if e is not None else addressee(name))
            letters.append(ReminderLetter(e_id, e.name if e is not None else name, to, _sections(items[e_id], measures)))
    on = data.control.on
    return LettersData(data.program, on, reply_date(on), data.signing, tuple(letters))


def letters_data(db: Database, on: dt.date, executor_ids: Iterable[int] | None = None) -> LettersData:
    """Control on ``on``, then the letters (of ``executor_ids`` only, when given). A chosen executor
    with nothing overdue is a clear message, not an empty letter."""
    data = letters_from(db, overdue_data(db, on), executor_ids)
    if executor_ids is not None and not data.letters:
        raise UserError(f"Станом на {on:%d.%m.%Y} у цього виконавця немає прострочених завдань: "
                        "нагадування не потрібне.")
    return data
