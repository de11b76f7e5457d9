"""The executors directory: one record per organisational unit, with its head and contacts.

The head's position and name address the unit's reminder letter («Начальникові управління …
Тетяні ПЕТРЕНКО»); their dative forms are stored only when the user corrected (or confirmed) the
automatic declension — empty means «decline automatically». Every function is one user action,
validated first, then one journaled transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Executor, ProgressEntry, measure_executor
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.versioning import editing
from kr_desktop.text.ukrainian import sort_key, unify_apostrophes

NAME_MAX = 2_000
CONTACT_MAX = 255
# Labels of the editable fields, as the form, messages and conflicts name them.
FIELD_LABELS = {"name": "Назва виконавця", "short_name": "Коротка назва", "head_position": "Посада керівника",
                "head_name": "Керівник (ім’я та прізвище)", "head_position_dative": "Посада керівника (кому)",
                "head_name_dative": "Керівник (кому)", "phone": "Телефон", "email": "Електронна пошта"}
CONTACT_FIELDS = ("head_position", "head_name", "head_position_dative", "head_name_dative", "phone", "email")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"[0-9+()\-\s.,;]*")  # after «доб.» (an extension) is taken out


@dataclass(frozen=True)
class ExecutorInfo:
    id: int
    name: str
    short_name: str
    measures: int
    version: int = 1
    head_position: str = ""
    head_name: str = ""
    head_position_dative: str = ""  # "" → declined automatically
    head_name_dative: str = ""      # "" → declined automatically
    phone: str = ""
    email: str = ""


def _info(e: Executor, measures: int) -> ExecutorInfo:
    return ExecutorInfo(e.id, e.name, e.short_name, measures, e.version, e.head_position, e.head_name,
                        e.head_position_dative, e.head_name_dative, e.phone, e.email)


def list_executors(db: Database) -> list[ExecutorInfo]:
    with db.reading() as s:
        counts = dict(s.execute(select(measure_executor.c.executor_id, func.count())
                                .group_by(measure_executor.c.executor_id)).all())
        return [_info(e, counts.get(e.id, 0)) for e in s.scalars(select(Executor).order_by(Executor.sort_key))]


def get_executor(db: Database, executor_id: int) -> ExecutorInfo:
    with db.reading() as s:
        executor = _get(s, executor_id)
        count = s.scalar(select(func.count()).select_from(measure_executor)
                         .where(measure_executor.c.executor_id == executor_id))
        return _info(executor, count or 0)


def _get(session: Session, executor_id: int) -> Executor:
    executor = session.get(Executor, executor_id)
    if executor is None:
        raise UserError("Виконавця не знайдено (можливо, його вже видалено).")
    return executor


def _one_line(value: str | None, key: str, max_length: int = CONTACT_MAX) -> str:
    label = FIELD_LABELS[key]
    return " ".join(unify_apostrophes(text_value(value, label, label, max_length)).split())


def _validate_name(session: Session, name: str, own_id: int | None) -> str:
    name = _one_line(name, "name", NAME_MAX)
    label = FIELD_LABELS["name"]
    if not name:
        raise ValidationError(f"{label}: введіть назву підрозділу.", field=label)
    clash = session.scalar(select(Executor.id).where(Executor.name == name))
    if clash is not None and clash != own_id:
        raise ValidationError(f"{label}: «{name}» вже є в довіднику; щоб поєднати два записи, "
                              "скористайтеся об’єднанням.", field=label)
    return name


def _contacts(values: dict[str, str | None]) -> dict[str, str]:
    """The head and contact fields, cleaned and checked (all optional)."""
    clean = {key: _one_line(values.get(key), key) for key in CONTACT_FIELDS}
    if clean["email"] and not _EMAIL.fullmatch(clean["email"]):
        label = FIELD_LABELS["email"]
        raise ValidationError(f"{label}: «{clean['email']}» не схожа на адресу (наприклад, vidil@kr.gov.ua).",
                              field=label)
    phone = clean["phone"].replace("доб.", " ")
    if phone and not (_PHONE.fullmatch(phone) and any(ch.isdigit() for ch in phone)):
        label = FIELD_LABELS["phone"]
        raise ValidationError(f"{label}: лише цифри, пробіли, дужки, «+» і «-» (наприклад, (056) 490-12-34).",
                              field=label)
    return clean


def add_executor(db: Database, name: str, short_name: str = "", **contacts: str) -> int:
    require(db, OPERATOR)
    clean = _contacts(contacts)
    with db.changing("Додано виконавця до довідника") as s:
        name = _validate_name(s, name, None)
        executor = Executor(name=name, short_name=_one_line(short_name, "short_name"), sort_key=sort_key(name),
                            **clean)
        s.add(executor)
        s.flush()
        return executor.id


def update_executor(db: Database, executor_id: int, name: str, short_name: str = "", *, expected_version: int,
                    **contacts: str) -> None:
    """Save the directory form of one unit. Contact fields not passed keep their stored values."""
    require(db, OPERATOR)
    unknown = set(contacts) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown executor fields {sorted(unknown)}")
    yours = {"name": _one_line(name, "name", NAME_MAX), "short_name": _one_line(short_name, "short_name")}
    yours.update({key: _one_line(value, key) for key, value in contacts.items()})
    with editing(db, "Змінено запис виконавця", Executor, executor_id, expected_version, yours=yours,
                 labels=FIELD_LABELS, record="Виконавця в довіднику") as executor:
        s = Session.object_session(executor)
        stored = {key: getattr(executor, key) for key in CONTACT_FIELDS}
        clean = _contacts({**stored, **contacts})
        executor.name = _validate_name(s, name, executor.id)
        executor.short_name = yours["short_name"]
        executor.sort_key = sort_key(executor.name)
        for key, value in clean.items():
            if getattr(executor, key) != value:
                setattr(executor, key, value)


def rename_executor(db: Database, executor_id: int, name: str, short_name: str = "", *,
                    expected_version: int) -> None:
    """Change the name and short name only (the head and contacts stay)."""
    update_executor(db, executor_id, name, short_name, expected_version=expected_version)


def delete_executor(db: Database, executor_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Видалено виконавця з довідника") as s:
        executor = _get(s, executor_id)
        if executor.measures:
            raise UserError(f"«{executor.name}» виконує заходи ({len(executor.measures)}): його не можна видалити; "
                            "об’єднайте його з іншим записом.")
        reports = s.scalar(select(func.count()).select_from(ProgressEntry).where(ProgressEntry.executor_id == executor_id))
        if reports:
            raise UserError(f"«{executor.name}» має звіти про виконання ({reports}): його не можна видалити; "
                            "об’єднайте його з іншим записом.")
        s.delete(executor)


def write_positions(session: Session, measure_id: int, executor_ids: Sequence[int]) -> None:
    """The ORM inserts new links at position 0 (the column default): write the list's order."""
    session.flush()
    for position, executor_id in enumerate(executor_ids):
        session.execute(measure_executor.update()
                        .where(measure_executor.c.measure_id == measure_id,
                               measure_executor.c.executor_id == executor_id).values(position=position))


def merge_executors(db: Database, keep_id: int, remove_id: int) -> int:
    """Two records of one unit become one: ``remove``'s measures move to ``keep`` (a measure that
    had both keeps one link, in the earlier position), ``remove`` is deleted; a head or contact
    that only ``remove`` had is kept. One journaled change. Returns the number of measures that moved."""
    require(db, OPERATOR)
    if keep_id == remove_id:
        raise ValidationError("Оберіть два різні записи виконавців для об’єднання.", field="Виконавець")
    with db.changing("Об’єднано два записи виконавця") as s:
        keep = _get(s, keep_id)
        remove = _get(s, remove_id)
        for key in CONTACT_FIELDS:
            if not getattr(keep, key) and getattr(remove, key):
                setattr(keep, key, getattr(remove, key))
        moved = 0
        orders: dict[int, list[int]] = {}
        for measure in list(remove.measures):
            executors = list(measure.executors)
            if keep in executors:
                executors.remove(remove)
            else:
                executors[executors.index(remove)] = keep
                moved += 1
            orders[measure.id] = [e.id for e in executors]
            measure.executors = executors
        s.flush()
        for measure_id, executor_ids in orders.items():
            write_positions(s, measure_id, executor_ids)
        _move_reports(s, keep, remove)
        s.delete(remove)
        return moved


def _move_reports(session: Session, keep: Executor, remove: Executor) -> None:
    """``remove``'s progress entries become ``keep``'s. Where both reported on the same measure and
    period, the same content is one report twice (the copy goes); different content is refused:
    neither report may be lost."""
    from kr_desktop.domain.periods import Period

    theirs = {(e.period_id, e.measure_id): e for e in session.scalars(
        select(ProgressEntry).where(ProgressEntry.executor_id == keep.id))}
    clashes = []
    for entry in session.scalars(select(ProgressEntry).where(ProgressEntry.executor_id == remove.id)):
        other = theirs.get((entry.period_id, entry.measure_id))
        if other is None:
            entry.executor_id = keep.id
        elif _content(other) == _content(entry):
            session.delete(entry)
        else:
            period = Period(entry.period.year, entry.period.half)
            clashes.append(f"захід {entry.measure.direction.number}.{entry.measure.position} за {period.label}")
    if clashes:
        raise UserError(f"Обидва записи мають різні звіти щодо тих самих заходів ({'; '.join(clashes)}): об’єднання "
                        f"втратило б один із них. Вилучіть зайвий звіт на екрані «Звіти виконавців» і повторіть.")
    session.flush()


def _content(entry: ProgressEntry) -> tuple:
    return (entry.status, entry.narrative, entry.reasons, entry.received_on, entry.reported_by,
            sorted((a.source_id, a.amount) for a in entry.amounts))
