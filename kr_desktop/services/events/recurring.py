"""The yearly recurring dates (state and city holidays, the honorary citizens' reception) and the
year's events made from them."""

from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Event, RecurringDate
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.events.editing import clean
from kr_desktop.services.events.records import EVENT_KINDS, EventInput, RecurringRow


def list_recurring(db: Database) -> list[RecurringRow]:
    query = select(RecurringDate.id, RecurringDate.title, RecurringDate.day, RecurringDate.month, RecurringDate.kind,
                   RecurringDate.place, RecurringDate.start_time, RecurringDate.active) \
        .order_by(RecurringDate.month, RecurringDate.day, RecurringDate.id)
    with db.reading() as session:
        return [RecurringRow(*r) for r in session.execute(query)]


def save_recurring(db: Database, title: str, day: int, month: int, kind: str = "state_holiday",
                   recurring_id: int | None = None, place: str = "", start_time: str = "", active: bool = True) -> int:
    require(db, OPERATOR)
    title = " ".join(text_value(title, "Назва дати", "title", 255).split())
    if not title:
        raise ValidationError("Вкажіть назву дати.", field="title")
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
        raise ValidationError("Такого дня в році немає.", field="day")
    if kind not in EVENT_KINDS:
        raise ValidationError("Оберіть вид заходу.", field="kind")
    checked = clean(EventInput(title, dt.date(2024, month, day), kind, start_time, place))
    with db.changing("Щорічна дата") as session:
        clash = session.scalar(select(RecurringDate.id).where(RecurringDate.title == title,
                                                              RecurringDate.id != (recurring_id or 0)))
        if clash:
            raise ValidationError(f"Дата «{title}» уже є в довіднику.", field="title")
        row = session.get(RecurringDate, recurring_id) if recurring_id else RecurringDate()
        if row is None:
            raise UserError("Дату не знайдено.")
        if recurring_id is None:
            session.add(row)
        row.title, row.day, row.month, row.kind = title, day, month, kind
        row.place, row.start_time, row.active = checked.place, checked.start_time, active
        session.flush()
        return row.id


def generate_year(db: Database, year: int) -> int:
    """Create the year's events from the active recurring dates; returns how many were created.
    Idempotent: an event already made from a date for that year is not made again (even if the
    user moved it to another day)."""
    require(db, OPERATOR)
    if not 1990 <= year <= 2100:
        raise ValidationError("Рік: від 1990 до 2100.", field="year")
    created = 0
    with db.changing(f"Щорічні заходи на {year} рік") as session:
        dates = session.scalars(select(RecurringDate).where(RecurringDate.active.is_(True))).all()
        done = set(session.scalars(select(Event.recurring_date_id).where(
            Event.recurring_date_id.is_not(None),
            Event.event_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))))
        for rd in dates:
            if rd.id in done:
                continue
            day = min(rd.day, calendar.monthrange(year, rd.month)[1])  # 29 February in a common year → 28
            session.add(Event(title=rd.title, kind=rd.kind, event_date=dt.date(year, rd.month, day),
                              start_time=rd.start_time, place=rd.place, recurring_date_id=rd.id, programme="",
                              notes=""))
            created += 1
        session.flush()
    return created
