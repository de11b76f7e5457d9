"""What deleting a record takes with it, read before the question is asked: the window's «Видалити?»
speaks of what this record has (a certificate number only when there is one, the events it was
presented at, the materials that come back to stock) instead of a text that fits every record.

Reads only; the deletions themselves are the services' (awards.delete_award, persons.delete_person,
events.delete_event).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import (Award, AwardType, Event, EventAward, EventInvitee, HonoraryBookEntry, Person,
                                  StockItem, StockMovement)
from kr_desktop.domain.award_values import degree_phrase
from kr_desktop.errors import UserError
from kr_desktop.services.persons import display_name


@dataclass(frozen=True)
class AwardImpact:
    award_name: str
    person_name: str
    certificate_number: str | None
    events: tuple[tuple[str, dt.date], ...]  # (title, date) of the events it was presented at
    materials: tuple[tuple[str, int], ...]  # (item, quantity) that come back to stock


@dataclass(frozen=True)
class PersonImpact:
    person_name: str
    awards: int  # a person with awards cannot be deleted (their awards go first)
    honorary: bool  # in the Book of Honorary Citizens: cannot be deleted
    invitations: int  # events whose lists of invitees lose the person
    has_photo: bool

    @property
    def deletable(self) -> bool:
        return not self.awards and not self.honorary


@dataclass(frozen=True)
class EventImpact:
    title: str
    event_date: dt.date
    invitees: int
    awards: int  # presented at it: the awards stay, only their link to the event goes


def award_impact(db: Database, award_id: int) -> AwardImpact:
    with db.reading() as session:
        row = session.execute(select(AwardType.name.label("type_name"), Award.degree, Award.certificate_number,
                                     Person.surname, Person.name.label("first_name"), Person.patronymic)
                              .join(AwardType, AwardType.id == Award.award_type_id)
                              .join(Person, Person.id == Award.person_id)
                              .where(Award.id == award_id)).first()
        if row is None:
            raise UserError("Відзнаку не знайдено (можливо, її щойно видалили).")
        presented = session.execute(select(Event.title, Event.event_date).join(EventAward, EventAward.event_id == Event.id)
                                    .where(EventAward.award_id == award_id).order_by(Event.event_date)).all()
        materials = session.execute(select(StockItem.name, func.sum(StockMovement.quantity))
                                    .join(StockItem, StockItem.id == StockMovement.item_id)
                                    .where(StockMovement.award_id == award_id)
                                    .group_by(StockItem.name).order_by(StockItem.name)).all()
    award_name = f"{row.type_name} {degree_phrase(row.degree)}".strip()
    return AwardImpact(award_name, display_name(row.surname, row.first_name, row.patronymic),
                       row.certificate_number or None, tuple((t, d) for t, d in presented),
                       tuple((name, abs(int(quantity))) for name, quantity in materials if quantity))


def person_impact(db: Database, person_id: int) -> PersonImpact:
    with db.reading() as session:
        person = session.execute(select(Person.surname, Person.name, Person.patronymic, Person.photo.is_not(None))
                                 .where(Person.id == person_id)).first()
        if person is None:
            raise UserError("Особу не знайдено (можливо, її щойно видалили).")
        awards = session.scalar(select(func.count()).select_from(Award).where(Award.person_id == person_id))
        honorary = session.scalar(select(func.count()).select_from(HonoraryBookEntry)
                                  .where(HonoraryBookEntry.person_id == person_id))
        invitations = session.scalar(select(func.count(func.distinct(EventInvitee.event_id)))
                                     .where(EventInvitee.person_id == person_id))
    return PersonImpact(display_name(person[0], person[1], person[2]), awards or 0, bool(honorary),
                        invitations or 0, bool(person[3]))


def event_impact(db: Database, event_id: int) -> EventImpact:
    with db.reading() as session:
        event = session.execute(select(Event.title, Event.event_date).where(Event.id == event_id)).first()
        if event is None:
            raise UserError("Захід не знайдено (можливо, його щойно видалили).")
        invitees = session.scalar(select(func.count()).select_from(EventInvitee).where(EventInvitee.event_id == event_id))
        awards = session.scalar(select(func.count()).select_from(EventAward).where(EventAward.event_id == event_id))
    return EventImpact(event.title, event.event_date, invitees or 0, awards or 0)
