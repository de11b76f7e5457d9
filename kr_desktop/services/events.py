"""Events and ceremonies: the events themselves (date, time, place, kind, responsible unit, the
Program measure they carry out), their invitees with attendance, the awards presented at them in
presentation order, and the yearly recurring dates that generate a year's events.

Links (invitees, presented awards) are ordinary rows deleted one by one, so the journal records
them and undo puts them back.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, fields

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Award, AwardType, Direction, Event, EventAward, EventInvitee, Executor, Measure,
                                  Person, RecurringDate, Stage)
from kr_desktop.domain.award_values import degree_phrase
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import display_name
from kr_desktop.text.control_chars import as_spaces

EVENT_KINDS = {
    "state_holiday": "державне свято",
    "professional_holiday": "професійне свято",
    "memorable_date": "пам’ятна дата",
    "city_day": "День міста",
    "honorary_reception": "прийом почесних громадян",
    "school_meeting": "зустріч почесних громадян зі школярами",
    "contest": "міський конкурс",
    "ceremony": "урочистості, нагородження",
    "protocol": "протокольний захід",
}
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@dataclass(frozen=True)
class EventInput:
    title: str
    event_date: dt.date
    kind: str = "ceremony"
    start_time: str = ""
    place: str = ""
    executor_id: int | None = None
    measure_id: int | None = None
    programme: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    kind: str
    event_date: dt.date
    start_time: str
    place: str
    executor_name: str
    invited: int
    attended: int
    awards: int

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class EventDetail:
    id: int
    title: str
    kind: str
    event_date: dt.date
    start_time: str
    place: str
    executor_id: int | None
    executor_name: str
    measure_id: int | None
    measure_text: str
    programme: str
    notes: str
    recurring_date_id: int | None
    version: int

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS.get(self.kind, self.kind)

    def as_input(self) -> EventInput:
        return EventInput(**{f.name: getattr(self, f.name) for f in fields(EventInput)})


@dataclass(frozen=True)
class InviteeRow:
    id: int
    person_id: int
    surname: str
    name: str
    patronymic: str
    position: str
    workplace: str
    attended: bool | None
    note: str

    @property
    def display_name(self) -> str:
        return display_name(self.surname, self.name, self.patronymic)


@dataclass(frozen=True)
class PresentedAward:
    id: int  # the link's id
    position: int
    award_id: int
    person_name: str
    person_position: str
    workplace: str
    award_name: str
    act: str
    certificate_number: str | None


@dataclass(frozen=True)
class RecurringRow:
    id: int
    title: str
    day: int
    month: int
    kind: str
    place: str
    start_time: str
    active: bool


# -- events ------------------------------------------------------------------------------------
def _clean(data: EventInput) -> EventInput:
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
    data = _clean(data)
    with db.changing("Новий захід" if event_id is None else "Зміна заходу") as session:
        if data.executor_id and session.get(Executor, data.executor_id) is None:
            raise ValidationError("Відповідального виконавця не знайдено.", field="executor")
        if data.measure_id and session.get(Measure, data.measure_id) is None:
            raise ValidationError("Захід Програми не знайдено.", field="measure")
        if event_id is None:
            event = Event()
            session.add(event)
        else:
            event = _get(session, event_id)
            if version is not None and event.version != version:
                raise UserError("Цей захід щойно змінив інший користувач. Відкрийте його знову.")
        for f in fields(EventInput):
            setattr(event, f.name, getattr(data, f.name))
        session.flush()
        return event.id


def _get(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError("Захід не знайдено (можливо, його щойно видалили).")
    return event


def delete_event(db: Database, event_id: int) -> None:
    """The event with its invitees and award links (the awards themselves stay)."""
    require(db, OPERATOR)
    with db.changing("Видалення заходу") as session:
        event = _get(session, event_id)
        for model in (EventInvitee, EventAward):
            for row in session.scalars(select(model).where(model.event_id == event_id)):
                session.delete(row)
        session.flush()
        session.delete(event)


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
        event = _get(session, event_id)
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


# -- invitees ----------------------------------------------------------------------------------
def invitees(db: Database, event_id: int) -> list[InviteeRow]:
    """The invitees in Ukrainian alphabetical order."""
    query = (select(EventInvitee.id, Person.id, Person.surname, Person.name, Person.patronymic, Person.position,
                    Person.workplace, EventInvitee.attended, EventInvitee.note)
             .join(Person, Person.id == EventInvitee.person_id).where(EventInvitee.event_id == event_id)
             .order_by(Person.sort_key, Person.id))
    with db.reading() as session:
        return [InviteeRow(*r) for r in session.execute(query)]


def _add_persons(session: Session, event_id: int, person_ids) -> int:
    _get(session, event_id)
    present = set(session.scalars(select(EventInvitee.person_id).where(EventInvitee.event_id == event_id)))
    added = 0
    for person_id in dict.fromkeys(person_ids):
        if person_id in present:
            continue
        session.add(EventInvitee(event_id=event_id, person_id=person_id, note=""))
        present.add(person_id)
        added += 1
    session.flush()
    return added


def add_invitees(db: Database, event_id: int, person_ids) -> int:
    """Invite persons (those already invited are skipped); returns how many were added."""
    require(db, OPERATOR)
    with db.changing("Запрошені на захід") as session:
        missing = set(person_ids) - set(session.scalars(select(Person.id).where(Person.id.in_(list(person_ids)))))
        if missing:
            raise UserError("Особу не знайдено (можливо, її щойно видалили).")
        return _add_persons(session, event_id, person_ids)


def add_living_honorary_citizens(db: Database, event_id: int) -> int:
    """One action: invite every living honorary citizen (a non-revoked honorary-title award)."""
    require(db, OPERATOR)
    query = (select(Person.id).join(Award, Award.person_id == Person.id)
             .join(AwardType, AwardType.id == Award.award_type_id)
             .where(AwardType.honorary_title.is_(True), Award.revoked_on.is_(None), Person.deceased.is_(False))
             .distinct())
    with db.changing("Запрошено всіх живих почесних громадян") as session:
        return _add_persons(session, event_id, list(session.scalars(query)))


def add_award_holders(db: Database, event_id: int, award_type_id: int, degree: int | None = None) -> int:
    """One action: invite every living holder of an award type (and degree, e.g. the badge's І degree)."""
    require(db, OPERATOR)
    conditions = [Award.award_type_id == award_type_id, Award.revoked_on.is_(None), Person.deceased.is_(False)]
    if degree is not None:
        conditions.append(Award.degree == degree)
    query = select(Person.id).join(Award, Award.person_id == Person.id).where(*conditions).distinct()
    with db.changing("Запрошено нагороджених") as session:
        return _add_persons(session, event_id, list(session.scalars(query)))


def remove_invitee(db: Database, invitee_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Вилучення із запрошених") as session:
        row = session.get(EventInvitee, invitee_id)
        if row is None:
            raise UserError("Запрошеного не знайдено.")
        session.delete(row)


def set_attendance(db: Database, invitee_id: int, attended: bool | None, note: str | None = None) -> None:
    require(db, OPERATOR)
    if note is not None:
        note = text_value(note, "Примітка", "note", 2000)
    with db.changing("Відмітка присутності") as session:
        row = session.get(EventInvitee, invitee_id)
        if row is None:
            raise UserError("Запрошеного не знайдено.")
        row.attended = attended
        if note is not None:
            row.note = note.strip()


# -- awards presented at the event -------------------------------------------------------------
def presented_awards(db: Database, event_id: int) -> list[PresentedAward]:
    from kr_desktop.services.awards import act_text

    query = (select(EventAward.id, EventAward.position, Award.id, Person.surname, Person.name, Person.patronymic,
                    Person.position, Person.workplace, AwardType.name, Award.degree, Award.act_kind,
                    Award.act_number, Award.act_date, Award.certificate_number, Award.posthumous)
             .join(Award, Award.id == EventAward.award_id).join(Person, Person.id == Award.person_id)
             .join(AwardType, AwardType.id == Award.award_type_id)
             .where(EventAward.event_id == event_id).order_by(EventAward.position, EventAward.id))
    with db.reading() as session:
        return [PresentedAward(r[0], r[1], r[2], display_name(r[3], r[4], r[5]) + (" (посмертно)" if r[14] else ""),
                               r[6], r[7], f"{r[8]} {degree_phrase(r[9])}".strip(), act_text(r[10], r[11], r[12]),
                               r[13]) for r in session.execute(query)]


def _renumber(session: Session, event_id: int) -> None:
    rows = session.scalars(select(EventAward).where(EventAward.event_id == event_id)
                           .order_by(EventAward.position, EventAward.id)).all()
    for i, row in enumerate(rows, start=1):
        if row.position != i:
            row.position = i


def add_presented_awards(db: Database, event_id: int, award_ids) -> int:
    """Append awards to the event's presentation order; an award is presented at one event only."""
    require(db, OPERATOR)
    with db.changing("Відзнаки, вручені на заході") as session:
        _get(session, event_id)
        last = session.scalar(select(func.max(EventAward.position)).where(EventAward.event_id == event_id)) or 0
        added = 0
        for award_id in dict.fromkeys(award_ids):
            if session.get(Award, award_id) is None:
                raise UserError("Відзнаку не знайдено (можливо, її щойно видалили).")
            other = session.scalar(select(EventAward).where(EventAward.award_id == award_id))
            if other is not None:
                if other.event_id == event_id:
                    continue
                title = session.get(Event, other.event_id).title
                raise ValidationError(f"Цю відзнаку вже записано як вручену на заході «{title}».", field="award")
            last += 1
            session.add(EventAward(event_id=event_id, award_id=award_id, position=last))
            added += 1
        session.flush()
        return added


def move_presented_award(db: Database, link_id: int, delta: int) -> None:
    """Move an award up (−1) or down (+1) in the presentation order."""
    require(db, OPERATOR)
    with db.changing("Порядок вручення") as session:
        link = session.get(EventAward, link_id)
        if link is None:
            raise UserError("Запис не знайдено.")
        _renumber(session, link.event_id)
        rows = session.scalars(select(EventAward).where(EventAward.event_id == link.event_id)
                               .order_by(EventAward.position)).all()
        i = rows.index(link)
        j = i + delta
        if 0 <= j < len(rows):
            rows[i].position, rows[j].position = rows[j].position, rows[i].position


def remove_presented_award(db: Database, link_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Вилучення відзнаки із заходу") as session:
        link = session.get(EventAward, link_id)
        if link is None:
            raise UserError("Запис не знайдено.")
        event_id = link.event_id
        session.delete(link)
        session.flush()
        _renumber(session, event_id)


def detach_award(session: Session, award_id: int) -> None:
    """The award is being deleted (awards service, same transaction): it leaves its event."""
    for link in session.scalars(select(EventAward).where(EventAward.award_id == award_id)):
        event_id = link.event_id
        session.delete(link)
        session.flush()
        _renumber(session, event_id)


# -- recurring dates ---------------------------------------------------------------------------
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
    checked = _clean(EventInput(title, dt.date(2024, month, day), kind, start_time, place))
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
