"""Reading events: a period's list and counts (paged by the database), the calendar's marked days,
one event's detail, and the choices of the event form (executors, the Program's measures)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Event, EventAward, EventInvitee, Executor, Measure, Stage
from kr_desktop.services.events.editing import get_or_refuse
from kr_desktop.services.events.records import EventDetail, EventRow
from kr_desktop.text.control_chars import as_spaces


def _period(date_from: dt.date | None, date_to: dt.date | None, text: str = "") -> list:
    conditions = []
    if date_from:
        conditions.append(Event.event_date >= date_from)
    if date_to:
        conditions.append(Event.event_date <= date_to)
    for word in as_spaces(text or "").split():  # as typed (SQLite folds ASCII case only); the period is the main filter
        conditions.append(or_(Event.title.contains(word, autoescape=True), Event.place.contains(word, autoescape=True)))
    return conditions


def list_events(db: Database, date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "",
                offset: int = 0, limit: int | None = 200) -> list[EventRow]:
    """Events of a period in date and time order, with their counts, paged by the database."""
    invited = (select(func.count()).where(EventInvitee.event_id == Event.id).correlate(Event).scalar_subquery())
    attended = (select(func.count()).where(EventInvitee.event_id == Event.id, EventInvitee.attended.is_(True))
                .correlate(Event).scalar_subquery())
    awarded = (select(func.count()).where(EventAward.event_id == Event.id).correlate(Event).scalar_subquery())
    query = (select(Event.id, Event.title, Event.kind, Event.event_date, Event.start_time, Event.place,
                    func.coalesce(Executor.short_name, ""), Executor.name, invited, attended, awarded)
             .outerjoin(Executor, Executor.id == Event.executor_id)
             .where(*_period(date_from, date_to, text))
             .order_by(Event.event_date, Event.start_time, Event.id).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    with db.reading() as session:
        return [EventRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or r[7] or "", r[8], r[9], r[10])
                for r in session.execute(query)]


def count_events(db: Database, date_from: dt.date | None = None, date_to: dt.date | None = None,
                 text: str = "") -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Event).where(*_period(date_from, date_to, text))) or 0


def event_days(db: Database, date_from: dt.date, date_to: dt.date) -> dict[dt.date, int]:
    """Days of the period that have events, with how many (for the calendar's marks)."""
    query = (select(Event.event_date, func.count()).where(Event.event_date.between(date_from, date_to))
             .group_by(Event.event_date))
    with db.reading() as session:
        return {d: n for d, n in session.execute(query)}


def measure_label(stage: int, direction: int, position: int, text: str) -> str:
    short = " ".join(text.split())
    return f"Додаток {stage}, напрям {direction}, захід {position}: {short}"


def get_event(db: Database, event_id: int) -> EventDetail:
    with db.reading() as session:
        event = get_or_refuse(session, event_id)
        executor = session.get(Executor, event.executor_id) if event.executor_id else None
        measure_text = ""
        if event.measure_id:
            r = session.execute(select(Stage.annex_number, Direction.number, Measure.position, Measure.text)
                                .join(Direction, Direction.id == Measure.direction_id)
                                .join(Stage, Stage.id == Direction.stage_id)
                                .where(Measure.id == event.measure_id)).first()
            measure_text = measure_label(*r) if r else ""
        return EventDetail(event.id, event.title, event.kind, event.event_date, event.start_time, event.place,
                           event.executor_id, executor.name if executor else "", event.measure_id, measure_text,
                           event.programme, event.notes, event.recurring_date_id, event.version)


def list_executors(db: Database) -> list[tuple[int, str]]:
    with db.reading() as session:
        return [(r[0], r[1]) for r in session.execute(select(Executor.id, Executor.name).order_by(Executor.sort_key))]


def list_measures(db: Database) -> list[tuple[int, str]]:
    """The Program's measures, labelled by annex, direction and number (for the event form)."""
    query = (select(Measure.id, Stage.annex_number, Direction.number, Measure.position, Measure.text)
             .join(Direction, Direction.id == Measure.direction_id).join(Stage, Stage.id == Direction.stage_id)
             .order_by(Stage.annex_number, Direction.number, Measure.position))
    with db.reading() as session:
        return [(r[0], measure_label(r[1], r[2], r[3], r[4])) for r in session.execute(query)]
