"""Certificate numbers: a ledger of every number ever given per award type (never reused, even
after a deletion), the next free number, and the certificate issue journal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, IssuedCertificate, Person
from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.award_values import act_text
from kr_desktop.errors import ValidationError
from kr_desktop.services.persons import display_name


def ledger_entry(session: Session, award_type: AwardType, number: str,
                  award_id: int | None) -> IssuedCertificate | None:
    """The ledger's entry of this number when it belongs to this award; refuses a number that was
    ever given to another award (never reused, even after a deletion)."""
    entry = session.scalar(select(IssuedCertificate).where(IssuedCertificate.award_type_id == award_type.id,
                                                           IssuedCertificate.number == number))
    if entry is not None and (award_id is None or entry.award_id != award_id):
        who = f" ({entry.holder})" if entry.holder else ""
        state = "видано" if entry.award_id else "видавався раніше, відзнаку видалено"
        raise ValidationError(f"Посвідчення №{number} ({award_type.name}) вже {state}{who}: "
                              "номери посвідчень не використовуються повторно.", field="certificate_number")
    return entry


def reserve_certificate(session: Session, award_type: AwardType, number: str, award_id: int, holder: str) -> None:
    """Enter the number in the ledger."""
    if ledger_entry(session, award_type, number, award_id) is not None:
        return
    session.add(IssuedCertificate(award_type_id=award_type.id, number=number, award_id=award_id, holder=holder,
                                  sequence=rules.parse_number(award_type.number_pattern, number)))


def next_certificate_number(db: Database, award_type_id: int, year: int | None = None) -> str | None:
    """The proposed number: one above every number ever issued for the type (None: no certificate)."""
    with db.reading() as session:
        award_type = session.get(AwardType, award_type_id)
        if award_type is None or not award_type.issues_certificate:
            return None
        sequences = session.scalars(select(func.max(IssuedCertificate.sequence))
                                    .where(IssuedCertificate.award_type_id == award_type_id)).all()
        taken = session.scalars(select(IssuedCertificate.number)
                                .where(IssuedCertificate.award_type_id == award_type_id)).all()
        return rules.next_number(award_type.number_pattern, sequences, year, taken)


@dataclass(frozen=True)
class CertificateLine:
    number: str
    person_name: str
    degree: int | None
    issued_on: dt.date | None  # presentation date, else the act's date
    act: str
    deleted: bool  # the award was deleted; the number stays taken


def certificate_journal(db: Database, award_type_id: int, year: int | None = None) -> list[CertificateLine]:
    """Every number ever issued for a type (deleted awards included), in number order."""
    query = (select(IssuedCertificate.number, IssuedCertificate.sequence, IssuedCertificate.holder,
                    IssuedCertificate.award_id, Award.degree, Award.presented_on, Award.act_date, Award.act_kind,
                    Award.act_number, Person.surname, Person.name, Person.patronymic)
             .outerjoin(Award, Award.id == IssuedCertificate.award_id)
             .outerjoin(Person, Person.id == Award.person_id)
             .where(IssuedCertificate.award_type_id == award_type_id))
    if year:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        query = query.where(or_(Award.presented_on.between(start, end),
                                and_(Award.presented_on.is_(None), Award.act_date.between(start, end))))
    with db.reading() as session:
        rows = session.execute(query).all()
    rows.sort(key=lambda r: (r.sequence is None, r.sequence or 0, r.number))
    return [CertificateLine(r.number, display_name(r.surname, r.name, r.patronymic) if r.award_id else r.holder,
                            r.degree, r.presented_on or r.act_date,
                            act_text(r.act_kind, r.act_number, r.act_date) if r.award_id else "",
                            r.award_id is None) for r in rows]
