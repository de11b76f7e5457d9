"""An award checked before it is written: its values (texts, dates, degree, amount) and what the
register's rules say about it next to the person's other awards (domain/award_rules.py)."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, Person
from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.award_values import ACT_KINDS
from kr_desktop.domain.input_checks import date_value, text_value
from kr_desktop.errors import ValidationError
from kr_desktop.services.awards.records import AwardInput
from kr_desktop.services.awards.settings import rule_settings


def held_awards(session: Session, person_id: int, exclude_award_id: int | None = None) -> list[rules.HeldAward]:
    query = select(Award.award_type_id, Award.degree, Award.act_date, Award.presented_on, Award.id).where(
        Award.person_id == person_id, Award.revoked_on.is_(None))
    if exclude_award_id:
        query = query.where(Award.id != exclude_award_id)
    return [rules.HeldAward(*r) for r in session.execute(query)]


def candidate(session: Session, data: AwardInput) -> rules.Candidate:
    person = session.get(Person, data.person_id)
    award_type = session.get(AwardType, data.award_type_id)
    if person is None:
        raise ValidationError("Оберіть особу.", field="person")
    if award_type is None:
        raise ValidationError("Оберіть відзнаку.", field="award_type")
    return rules.Candidate(award_type.id, award_type.name, award_type.degrees, data.degree, data.act_date,
                           data.presented_on, data.posthumous, person.deceased, person.death_date)


def check_award(db: Database, data: AwardInput, award_id: int | None = None) -> list[rules.Finding]:
    """What the rules say about this award, before saving (nothing is written)."""
    data = validate_input(db, data)
    levels, years = rule_settings(db)
    with db.reading() as session:
        return rules.check_award(candidate(session, data), held_awards(session, data.person_id, award_id),
                                 levels, years)


_TEXTS = {"act_number": ("Номер документа", 10_000, False), "nominated_by": ("Хто подав", 2000, False),
          "revoked_act": ("Документ про позбавлення", 120, False),
          "revocation_reason": ("Причина позбавлення", 2000, True), "notes": ("Примітка", 20000, True),
          "certificate_number": ("Номер посвідчення", 10_000, False)}
_DATES = {"act_date": "Дата документа", "nomination_date": "Дата клопотання", "presented_on": "Дата вручення",
          "revoked_on": "Дата позбавлення"}


def validate_input(db: Database, data: AwardInput) -> AwardInput:
    values = {f.name: getattr(data, f.name) for f in fields(AwardInput)}
    for key, (label, limit, multiline) in _TEXTS.items():
        text = text_value(values[key], label, key, limit, multiline=multiline)
        values[key] = text.strip() if multiline or key == "nominated_by" else " ".join(text.split())
    for key, label in _DATES.items():
        values[key] = date_value(values[key], label, key)
    if values["degree"] is not None and (isinstance(values["degree"], bool) or not isinstance(values["degree"], int)):
        raise ValidationError("Ступінь: оберіть ступінь відзнаки (I, II, III…).", field="degree")
    if not isinstance(values["posthumous"], bool):
        raise ValidationError("Посмертно: так або ні.", field="posthumous")
    values["act_number"] = values["act_number"].lstrip("№ ").strip()
    cert = values["certificate_number"].lstrip("№ ").strip()
    values["certificate_number"] = cert or None
    if len(values["act_number"]) > 32:
        raise ValidationError("Номер документа: не довше 32 знаків.", field="act_number")
    if cert and len(cert) > 64:
        raise ValidationError("Номер посвідчення: не довше 64 знаків.", field="certificate_number")
    if values["act_kind"] is not None and not (isinstance(values["act_kind"], str) and values["act_kind"] in ACT_KINDS):
        raise ValidationError("Оберіть вид документа-підстави.", field="act_kind")
    if values["amount"] is not None:
        try:
            amount = Decimal(str(values["amount"]).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
        except InvalidOperation:
            raise ValidationError("Сума: введіть число, наприклад 1000,00.", field="amount") from None
        if not amount.is_finite() or isinstance(values["amount"], bool):
            raise ValidationError("Сума: введіть число, наприклад 1000,00.", field="amount")
        if amount < 0 or amount > Decimal("100000000"):
            raise ValidationError("Сума має бути від 0 до 100 000 000 грн.", field="amount")
        if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
            raise ValidationError("Сума: не більше двох знаків після коми.", field="amount")
        values["amount"] = amount
    if values["revoked_on"] is None and (values["revoked_act"] or values["revocation_reason"]):
        raise ValidationError("Позбавлення відзнаки: вкажіть дату.", field="revoked_on")
    if values["revoked_on"] and values["act_date"] and values["revoked_on"] < values["act_date"]:
        raise ValidationError("Дата позбавлення раніша за дату нагородження.", field="revoked_on")
    return AwardInput(**values)


def check_degree(award_type: AwardType, degree: int | None) -> None:
    if award_type.degrees:
        if degree is None:
            raise ValidationError(f"Оберіть ступінь відзнаки «{award_type.name}».", field="degree")
        if not 1 <= degree <= award_type.degrees:
            raise ValidationError(f"Відзнака «{award_type.name}» має ступені від 1 до {award_type.degrees}.",
                                  field="degree")
    elif degree is not None:
        raise ValidationError(f"Відзнака «{award_type.name}» не має ступенів.", field="degree")
