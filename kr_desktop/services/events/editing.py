"""Creating, changing and deleting an event (each one journaled transaction)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Event, EventAward, EventInvitee, Executor, Measure
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.events.records import EVENT_KINDS, EventInput

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def clean(data: EventInput) -> EventInput:
    title = " ".join(text_value(data.title, "Назва заходу", "title", 2000).split())
    if not title:
        raise ValidationError("Вкажіть назву заходу.", field="title")
    if not isinstance(data.event_date, dt.date):
        raise ValidationError("Вкажіть дату заходу.", field="event_date")
    if data.kind not in EVENT_KINDS:
        raise ValidationError("Оберіть вид заходу.", field="kind")
    time = text_value(data.start_time, "Час", "start_time", 20).strip()
    if time:
        match = _TIME.match(time)
        if not match:
            raise ValidationError("Час: у вигляді ГГ:ХХ, наприклад 10:00.", field="start_time")
        time = f"{int(match[1]):02d}:{match[2]}"
    place = text_value(data.place, "Місце", "place", 2000).strip()
    programme = text_value(data.programme, "Програма заходу", "programme", 20_000, multiline=True).strip()
    notes = text_value(data.notes, "Примітка", "notes", 20_000, multiline=True).strip()
    return EventInput(title, data.event_date, data.kind, time, place, data.executor_id or None,
                      data.measure_id or None, programme, notes)


def save_event(db: Database, data: EventInput, event_id: int | None = None, version: int | None = None) -> int:
    require(db, OPERATOR)
    data = clean(data)
    with db.changing("Новий захід" if event_id is None else "Зміна заходу") as session:
        if data.executor_id and session.get(Executor, data.executor_id) is None:
            raise ValidationError("Відповідального виконавця не знайдено.", field="executor")
        if data.measure_id and session.get(Measure, data.measure_id) is None:
            raise ValidationError("Захід Програми не знайдено.", field="measure")
        if event_id is None:
            event = Event()
            session.add(event)
        else:
            event = get_or_refuse(session, event_id)
            if version is not None and event.version != version:
                raise UserError("Цей захід щойно змінив інший користувач. Відкрийте його знову.")
        for f in fields(EventInput):
            setattr(event, f.name, getattr(data, f.name))
        session.flush()
        return event.id


def get_or_refuse(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError("Захід не знайдено (можливо, його щойно видалили).")
    return event


def delete_event(db: Database, event_id: int) -> None:
    """The event with its invitees and award links (the awards themselves stay; the links go one by
    one, so the journal records them and undo puts them back)."""
    require(db, OPERATOR)
    with db.changing("Видалення заходу") as session:
        event = get_or_refuse(session, event_id)
        for model in (EventInvitee, EventAward):
            for row in session.scalars(select(model).where(model.event_id == event_id)):
                session.delete(row)
        session.flush()
        session.delete(event)
