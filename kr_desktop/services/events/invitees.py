"""The invitees of an event: one by one, all living honorary citizens or all holders of an award
in one action, and their attendance."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, EventInvitee, Person
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.events.editing import get_or_refuse
from kr_desktop.services.events.records import InviteeRow


def invitees(db: Database, event_id: int) -> list[InviteeRow]:
    """The invitees in Ukrainian alphabetical order."""
    query = (select(EventInvitee.id, Person.id, Person.surname, Person.name, Person.patronymic, Person.position,
                    Person.workplace, EventInvitee.attended, EventInvitee.note, Person.sex)
             .join(Person, Person.id == EventInvitee.person_id).where(EventInvitee.event_id == event_id)
             .order_by(Person.sort_key, Person.id))
    with db.reading() as session:
        return [InviteeRow(*r) for r in session.execute(query)]


def _add_persons(session: Session, event_id: int, person_ids) -> int:
    get_or_refuse(session, event_id)
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
