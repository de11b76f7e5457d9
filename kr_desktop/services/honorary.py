"""Honorary citizens: the persons holding the title (a non-revoked award of an honorary-title type),
the Book of Honorary Citizens (entry number, decision, biography, portrait) and the gallery."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, HonoraryBookEntry, Person
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.domain.award_values import act_text
from kr_desktop.services.persons import MAX_PHOTO_BYTES, display_name
from kr_desktop.services.versioning import check_version


@dataclass(frozen=True)
class HonoraryCitizen:
    person_id: int
    surname: str
    name: str
    patronymic: str
    position: str
    workplace: str
    deceased: bool
    death_date: dt.date | None
    award_id: int
    title_date: dt.date | None  # the decision's date
    title_act: str  # «рішення міської ради від 31.05.1996 №83»
    posthumous: bool
    entry_number: int | None
    book_decision: str
    biography: str
    has_portrait: bool
    book_version: int | None = None  # the Book entry's version (None: no entry yet)
    sex: str | None = None  # «ч» / «ж» as recorded (printed words agree with it: «помер», «померла»)

    @property
    def display_name(self) -> str:
        return display_name(self.surname, self.name, self.patronymic)

    @property
    def title_year(self) -> int | None:
        return self.title_date.year if self.title_date else None

    @property
    def decision(self) -> str:
        return self.book_decision or self.title_act


def list_honorary_citizens(db: Database, living_only: bool = False) -> list[HonoraryCitizen]:
    """Everyone holding the title, in Ukrainian alphabetical order (``living_only``: the living)."""
    first_award = (select(Award.person_id, func.min(Award.id).label("award_id"))
                   .join(AwardType, AwardType.id == Award.award_type_id)
                   .where(AwardType.honorary_title.is_(True), Award.revoked_on.is_(None))
                   .group_by(Award.person_id).subquery())
    query = (select(Person.id, Person.surname, Person.name, Person.patronymic, Person.position, Person.workplace,
                    Person.deceased, Person.death_date, Award.id, Award.act_date, Award.act_kind, Award.act_number,
                    Award.posthumous, HonoraryBookEntry.entry_number, HonoraryBookEntry.decision,
                    HonoraryBookEntry.biography, HonoraryBookEntry.portrait.is_not(None) | Person.photo.is_not(None),
                    HonoraryBookEntry.version, Person.sex)
             .join(first_award, first_award.c.person_id == Person.id)
             .join(Award, Award.id == first_award.c.award_id)
             .outerjoin(HonoraryBookEntry, HonoraryBookEntry.person_id == Person.id)
             .order_by(Person.sort_key, Person.id))
    if living_only:
        query = query.where(Person.deceased.is_(False))
    with db.reading() as session:
        return [HonoraryCitizen(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                                act_text(r[10], r[11], r[9]), r[12], r[13], r[14] or "", r[15] or "", bool(r[16]),
                                r[17], r[18])
                for r in session.execute(query)]


def next_entry_number(db: Database) -> int:
    with db.reading() as session:
        return (session.scalar(select(func.max(HonoraryBookEntry.entry_number))) or 0) + 1


BOOK_LABELS = {"entry_number": "Номер запису", "decision": "Рішення", "biography": "Біографія", "portrait": "Портрет"}


def save_book_entry(db: Database, person_id: int, entry_number: int | None = None, decision: str = "",
                    biography: str = "", portrait: bytes | None = None, remove_portrait: bool = False,
                    expected_version: int | None = None) -> int:
    """Write or change a person's page of the Book (``portrait`` None keeps the current one).

    ``expected_version`` is HonoraryCitizen.book_version the form was filled from (None: there was
    no entry then). If someone else wrote or changed the entry meanwhile, ConflictError shows both."""
    require(db, OPERATOR)
    if portrait is not None and len(portrait) > MAX_PHOTO_BYTES:
        raise ValidationError("Портрет завеликий: зменште його до 2 МБ.", field="portrait")
    if entry_number is not None and entry_number < 1:
        raise ValidationError("Номер запису в Книзі — ціле число від 1.", field="entry_number")
    with db.changing("Запис у Книзі почесних громадян") as session:
        if session.get(Person, person_id) is None:
            raise UserError("Особу не знайдено.")
        entry = session.scalar(select(HonoraryBookEntry).where(HonoraryBookEntry.person_id == person_id)
                               .execution_options(populate_existing=True))
        yours = {"entry_number": entry_number, "decision": (decision or "").strip(),
                 "biography": (biography or "").strip()}
        if entry is not None:
            check_version(session, entry, expected_version if expected_version is not None else 0,
                          record="Запис у Книзі почесних громадян", yours=yours, labels=BOOK_LABELS)
        if entry_number is None:
            entry_number = entry.entry_number if entry else \
                (session.scalar(select(func.max(HonoraryBookEntry.entry_number))) or 0) + 1
        clash = session.scalar(select(HonoraryBookEntry.person_id).where(
            HonoraryBookEntry.entry_number == entry_number, HonoraryBookEntry.person_id != person_id))
        if clash:
            raise ValidationError(f"Запис №{entry_number} у Книзі вже зайнято.", field="entry_number")
        if entry is None:
            entry = HonoraryBookEntry(person_id=person_id, entry_number=entry_number)
            session.add(entry)
        entry.entry_number = entry_number
        entry.decision = (decision or "").strip()
        entry.biography = (biography or "").strip()
        if portrait is not None:
            entry.portrait = portrait
        elif remove_portrait:
            entry.portrait = None
        session.flush()
        return entry.id


def get_portrait(db: Database, person_id: int) -> bytes | None:
    """The Book's portrait, or else the person's photo."""
    with db.reading() as session:
        portrait = session.scalar(select(HonoraryBookEntry.portrait).where(HonoraryBookEntry.person_id == person_id))
        return portrait or session.scalar(select(Person.photo).where(Person.id == person_id))
