"""The printed award list's data: one group per award and degree, persons in Ukrainian order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, Person
from kr_desktop.domain.award_values import act_text, degree_phrase
from kr_desktop.services.awards.records import AwardFilter
from kr_desktop.services.awards.register import SORTS, conditions
from kr_desktop.services.persons import display_name


class AwardListLine(NamedTuple):
    """One person's line of the printed award list: only what the list prints."""

    person_name: str  # «ПРІЗВИЩЕ Ім'я По батькові»
    position: str
    workplace: str
    act_text: str  # «рішення виконкому від 21.12.2016 №1176»
    certificate_number: str | None
    presented_on: dt.date | None
    posthumous: bool


@dataclass(frozen=True)
class AwardGroup:
    """The printed list's group: one award type and degree, persons in Ukrainian order."""

    title: str
    award_type_id: int
    degree: int | None
    rows: tuple[AwardListLine, ...]


_LIST_COLUMNS = (Award.award_type_id, Award.degree, AwardType.name, Person.surname, Person.name, Person.patronymic,
                 Person.position, Person.workplace, Award.act_kind, Award.act_number, Award.act_date,
                 Award.certificate_number, Award.presented_on, Award.posthumous)


def award_list(db: Database, flt: AwardFilter = AwardFilter(include_revoked=False)) -> list[AwardGroup]:
    """The printed award list: one group per award and degree (in directory order), persons in
    Ukrainian order. Filtered and sorted as the register (``conditions``, ``SORTS["award"]``), but
    a lean query of its own: only the printed columns, one pass from the rows to the groups (a
    period's list runs to tens of thousands of awards)."""
    query = (select(*_LIST_COLUMNS).join(Person, Person.id == Award.person_id)
             .join(AwardType, AwardType.id == Award.award_type_id)
             .where(*conditions(flt)).order_by(*SORTS["award"]))
    with db.reading() as session:
        rows = session.connection().execute(query).all()  # Core: plain values, no ORM entities
    groups: list[AwardGroup] = []
    lines: list[AwardListLine] = []
    key = title = None
    for (type_id, degree, type_name, surname, name, patronymic, position, workplace, kind, number, date,
         certificate, presented_on, posthumous) in rows:
        if (type_id, degree) != key:
            if lines:
                groups.append(AwardGroup(title, *key, tuple(lines)))
            key, title, lines = (type_id, degree), f"{type_name} {degree_phrase(degree)}".strip(), []
        lines.append(AwardListLine(display_name(surname, name, patronymic), position, workplace,
                                   act_text(kind, number, date), certificate, presented_on, posthumous))
    if lines:
        groups.append(AwardGroup(title, *key, tuple(lines)))
    return groups
