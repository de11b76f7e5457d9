"""Saving and deleting awards: one journaled transaction each — the rules checked first (a warning
returns the findings unsaved until confirmed, a forbidden rule refuses), the certificate ledger
kept, the stock's issue movements and the events' presentation list following the award.

Saving is two-step for the window: ``save_award(…)`` returns the rule findings without writing
when any needs the user's confirmation; ``save_award(…, confirm=True)`` then writes. A rule set
to «забороняти» raises ValidationError whatever ``confirm`` says.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import fields

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, IssuedCertificate, Person
from kr_desktop.domain import award_rules as rules
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import award_presentation, stock
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.awards.certificates import ledger_entry, reserve_certificate
from kr_desktop.services.awards.checking import candidate, check_degree, held_awards, validate_input
from kr_desktop.services.awards.records import AwardInput, SaveResult
from kr_desktop.services.awards.settings import rule_settings
from kr_desktop.services.persons import display_name
from kr_desktop.services.versioning import load_checked, stale_is_conflict


FIELD_LABELS = {"person_id": "Особа (№)", "award_type_id": "Відзнака (№)", "degree": "Ступінь",
                "act_kind": "Вид документа", "act_number": "Номер документа", "act_date": "Дата документа",
                "nominated_by": "Хто подав", "nomination_date": "Дата клопотання",
                "certificate_number": "Номер посвідчення", "presented_on": "Дата вручення", "amount": "Сума",
                "posthumous": "Посмертно", "revoked_act": "Документ про позбавлення", "revoked_on": "Дата позбавлення",
                "revocation_reason": "Причина позбавлення", "notes": "Примітка"}


def save_award(db: Database, data: AwardInput, award_id: int | None = None, expected_version: int | None = None,
               confirm: bool = False) -> SaveResult:
    """Create (``award_id`` None) or change an award.

    Changing needs ``expected_version``, AwardDetail.version the form was filled from: a save over
    someone else's change meanwhile raises ConflictError with both versions.
    Forbidden rules raise ValidationError; warnings make it return ``saved=False`` with the
    findings unless ``confirm`` is True."""
    require(db, OPERATOR)
    data = validate_input(db, data)
    levels, years = rule_settings(db)
    checked = dict(record="Запис відзнаки", labels=FIELD_LABELS,
                   yours={f.name: getattr(data, f.name) for f in fields(AwardInput)})
    with (nullcontext() if award_id is None else stale_is_conflict(db, Award, award_id, expected_version, **checked)), \
            db.changing("Нова відзнака" if award_id is None else "Зміна відзнаки") as session:
        if award_id is not None:
            load_checked(session, Award, award_id, expected_version, **checked)
        award_type = session.get(AwardType, data.award_type_id)
        if award_type is None:
            raise ValidationError("Оберіть відзнаку.", field="award_type")
        check_degree(award_type, data.degree)
        if data.certificate_number and not award_type.issues_certificate:
            raise ValidationError(f"До відзнаки «{award_type.name}» посвідчення не видається.",
                                  field="certificate_number")
        if data.certificate_number:
            ledger_entry(session, award_type, data.certificate_number, award_id)
        findings = rules.check_award(candidate(session, data), held_awards(session, data.person_id, award_id),
                                     levels, years)
        forbidden = [f for f in findings if f.forbidden]
        if forbidden:
            raise ValidationError(" ".join(f.message for f in forbidden) + " (заборонено налаштуваннями)",
                                  field=forbidden[0].rule)
        if findings and not confirm:
            return SaveResult(False, award_id, tuple(findings))
        values = {f.name: getattr(data, f.name) for f in fields(AwardInput)}
        values["act_kind"] = data.act_kind or award_type.act_kind
        if award_id is None:
            award = Award(**values)
            session.add(award)
        else:
            award = session.get(Award, award_id)  # loaded and version-checked by save_award
            for key, value in values.items():
                setattr(award, key, value)
        session.flush()
        for entry in session.scalars(select(IssuedCertificate).where(IssuedCertificate.award_id == award.id)):
            if entry.number != data.certificate_number or entry.award_type_id != award_type.id:
                entry.award_id = None  # a replaced number stays taken (spoilt), never given again
        if data.certificate_number:
            person = session.get(Person, data.person_id)
            reserve_certificate(session, award_type, data.certificate_number, award.id,
                                 display_name(person.surname, person.name, person.patronymic))
            session.flush()
        stock.sync_award_issue(session, award)  # presented: its materials leave the stock (same transaction)
        return SaveResult(True, award.id, tuple(findings))


def delete_award(db: Database, award_id: int) -> None:
    """Delete an award; its certificate number stays in the ledger and is never given again."""
    require(db, OPERATOR)
    with db.changing("Видалення відзнаки") as session:
        award = session.get(Award, award_id)
        if award is None:
            raise UserError("Відзнаку не знайдено (можливо, її щойно видалили).")
        for entry in session.scalars(select(IssuedCertificate).where(IssuedCertificate.award_id == award_id)):
            entry.award_id = None
        stock.release_award(session, award_id)  # its issued materials come back
        award_presentation.detach_award(session, award_id)  # and it leaves the events it was presented at
        session.delete(award)
