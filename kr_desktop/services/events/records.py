"""The records of events as the services hand them out and take them in: an event to save, a row
of the list, an event's detail, an invitee, a recurring date; the kinds of events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from kr_desktop.services.persons import display_name

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
    sex: str | None = None  # «ч» / «ж» as recorded («присутній», «присутня»)

    @property
    def display_name(self) -> str:
        return display_name(self.surname, self.name, self.patronymic)


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
