"""Presenting an award at an event: the awards handed over at a ceremony, in the order they are
presented. A concept of its own, shared by the events (their presentation list) and the awards
(an award that is deleted leaves its event): both use this module, neither imports the other.

Links are ordinary rows deleted one by one, so the journal records them and undo puts them back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, Event, EventAward, Person
from kr_desktop.domain.award_values import act_text, degree_phrase
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import display_name


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


def presented_awards(db: Database, event_id: int) -> list[PresentedAward]:
    """The event's awards in the order of presentation."""
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
        if session.get(Event, event_id) is None:
            raise UserError("Захід не знайдено (можливо, його щойно видалили).")
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


def place_presented_award(db: Database, link_id: int, position: int) -> int:
    """Put an award at ``position`` (1 = first) of the presentation order, the others moving
    along (dragged to a row, or its number typed); a position past the end means last. Returns
    the position it took."""
    require(db, OPERATOR)
    with db.changing("Порядок вручення") as session:
        link = session.get(EventAward, link_id)
        if link is None:
            raise UserError("Запис не знайдено (можливо, його щойно вилучили).")
        rows = session.scalars(select(EventAward).where(EventAward.event_id == link.event_id)
                               .order_by(EventAward.position, EventAward.id)).all()
        rows.remove(link)
        index = max(0, min(int(position) - 1, len(rows)))
        rows.insert(index, link)
        for number, row in enumerate(rows, start=1):
            if row.position != number:
                row.position = number
        return index + 1


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
