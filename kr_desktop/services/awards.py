"""Awards: saving with the rules checked first, certificate numbers (never reused), the register's
search, filters and pages (all in SQL), and the data of the printed lists.

Saving is two-step for the window: ``save_award(…)`` returns the rule findings without writing
when any needs the user's confirmation; ``save_award(…, confirm=True)`` then writes. A rule set
to «забороняти» raises ValidationError whatever ``confirm`` says.
"""

from __future__ import annotations

import datetime as dt
import functools
from contextlib import nullcontext
from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import Join, Select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, IssuedCertificate, Person
from kr_desktop.db.search_index import AWARD_FTS_TABLE, FTS_TABLE
from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.award_values import ACT_KINDS, act_kind_label, degree_phrase
from kr_desktop.domain.input_checks import date_value, text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import events, stock
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import (display_name, fts_query, indexed_only, name_conditions,
                                         name_likes, search_words)
from kr_desktop.services.settings import declare, get_settings
from kr_desktop.services.versioning import load_checked, stale_is_conflict

RULE_SETTING = "awards.rule."
MIN_INTERVAL_SETTING = declare("awards.min_interval_years", rules.DEFAULT_MIN_INTERVAL_YEARS)
for _rule in rules.RULES:
    declare(RULE_SETTING + _rule, rules.WARN)
# Printed lists: who signs, and the executor's line at the bottom (never hard-coded).
SIGN_POSITION = declare("awards.sign_position", "Керуючий справами виконкому")
SIGN_NAME = declare("awards.sign_name", "")
EXECUTOR_LINE = declare("awards.executor_line", "")


@dataclass(frozen=True)
class AwardInput:
    person_id: int
    award_type_id: int
    degree: int | None = None
    act_kind: str | None = None  # None: the type's usual act
    act_number: str = ""
    act_date: dt.date | None = None
    nominated_by: str = ""
    nomination_date: dt.date | None = None
    certificate_number: str | None = None
    presented_on: dt.date | None = None
    amount: Decimal | None = None
    posthumous: bool = False
    revoked_act: str = ""
    revoked_on: dt.date | None = None
    revocation_reason: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    award_id: int | None
    findings: tuple[rules.Finding, ...]

    @property
    def needs_confirmation(self) -> bool:
        return not self.saved and bool(self.findings)


@dataclass(frozen=True)
class AwardRow:
    """One line of the register (and of the printed lists)."""

    id: int
    person_id: int
    surname: str
    name: str
    patronymic: str
    position: str
    workplace: str
    award_type_id: int
    type_name: str
    degree: int | None
    act_kind: str
    act_number: str
    act_date: dt.date | None
    certificate_number: str | None
    presented_on: dt.date | None
    amount: Decimal | None
    posthumous: bool
    revoked_on: dt.date | None

    @property
    def person_name(self) -> str:
        return display_name(self.surname, self.name, self.patronymic)

    @property
    def award_name(self) -> str:
        return f"{self.type_name} {degree_phrase(self.degree)}".strip()

    @property
    def act_text(self) -> str:
        return act_text(self.act_kind, self.act_number, self.act_date)


@dataclass(frozen=True)
class AwardDetail(AwardRow):
    nominated_by: str
    nomination_date: dt.date | None
    revoked_act: str
    revocation_reason: str
    notes: str
    version: int

    def as_input(self) -> AwardInput:
        return AwardInput(**{f.name: getattr(self, f.name) for f in fields(AwardInput)})


@dataclass(frozen=True)
class AwardFilter:
    text: str = ""  # any part of the name, a certificate number or a basis act number
    award_type_id: int | None = None
    degree: int | None = None
    year: int | None = None  # of the basis act
    act_number: str = ""
    date_from: dt.date | None = None  # basis act date range
    date_to: dt.date | None = None
    person_id: int | None = None
    include_revoked: bool = True


def act_text(kind: str, number: str, date: dt.date | None) -> str:
    """«рішення виконкому від 21.12.2016 №1176»."""
    text = act_kind_label(kind)
    if date:
        text += f" від {date:%d.%m.%Y}"
    if number:
        text += f" №{number}"
    return text


# -- rules -------------------------------------------------------------------------------------
def rule_settings(db: Database) -> tuple[dict[str, str], int]:
    values = get_settings(db, "awards.")
    levels = {rule: values[RULE_SETTING + rule] for rule in rules.RULES}
    return levels, int(values[MIN_INTERVAL_SETTING])


def held_awards(session: Session, person_id: int, exclude_award_id: int | None = None) -> list[rules.HeldAward]:
    query = select(Award.award_type_id, Award.degree, Award.act_date, Award.presented_on, Award.id).where(
        Award.person_id == person_id, Award.revoked_on.is_(None))
    if exclude_award_id:
        query = query.where(Award.id != exclude_award_id)
    return [rules.HeldAward(*r) for r in session.execute(query)]


def _candidate(session: Session, data: AwardInput) -> rules.Candidate:
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
    data = _validate_input(db, data)
    levels, years = rule_settings(db)
    with db.reading() as session:
        return rules.check_award(_candidate(session, data), held_awards(session, data.person_id, award_id),
                                 levels, years)


# -- saving ------------------------------------------------------------------------------------
_TEXTS = {"act_number": ("Номер документа", 10_000, False), "nominated_by": ("Хто подав", 2000, False),
          "revoked_act": ("Документ про позбавлення", 120, False),
          "revocation_reason": ("Причина позбавлення", 2000, True), "notes": ("Примітка", 20000, True),
          "certificate_number": ("Номер посвідчення", 10_000, False)}
_DATES = {"act_date": "Дата документа", "nomination_date": "Дата клопотання", "presented_on": "Дата вручення",
          "revoked_on": "Дата позбавлення"}


def _validate_input(db: Database, data: AwardInput) -> AwardInput:
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


def _check_degree(award_type: AwardType, degree: int | None) -> None:
    if award_type.degrees:
        if degree is None:
            raise ValidationError(f"Оберіть ступінь відзнаки «{award_type.name}».", field="degree")
        if not 1 <= degree <= award_type.degrees:
            raise ValidationError(f"Відзнака «{award_type.name}» має ступені від 1 до {award_type.degrees}.",
                                  field="degree")
    elif degree is not None:
        raise ValidationError(f"Відзнака «{award_type.name}» не має ступенів.", field="degree")


def _ledger_entry(session: Session, award_type: AwardType, number: str,
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


def _reserve_certificate(session: Session, award_type: AwardType, number: str, award_id: int, holder: str) -> None:
    """Enter the number in the ledger."""
    if _ledger_entry(session, award_type, number, award_id) is not None:
        return
    session.add(IssuedCertificate(award_type_id=award_type.id, number=number, award_id=award_id, holder=holder,
                                  sequence=rules.parse_number(award_type.number_pattern, number)))


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
    data = _validate_input(db, data)
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
        _check_degree(award_type, data.degree)
        if data.certificate_number and not award_type.issues_certificate:
            raise ValidationError(f"До відзнаки «{award_type.name}» посвідчення не видається.",
                                  field="certificate_number")
        if data.certificate_number:
            _ledger_entry(session, award_type, data.certificate_number, award_id)
        findings = rules.check_award(_candidate(session, data), held_awards(session, data.person_id, award_id),
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
            _reserve_certificate(session, award_type, data.certificate_number, award.id,
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
        events.detach_award(session, award_id)  # and it leaves the events it was presented at
        session.delete(award)


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


# -- reading -----------------------------------------------------------------------------------
_ROW_COLUMNS = (Award.id, Award.person_id, Person.surname, Person.name, Person.patronymic, Person.position,
                Person.workplace, Award.award_type_id, AwardType.name, Award.degree, Award.act_kind,
                Award.act_number, Award.act_date, Award.certificate_number, Award.presented_on, Award.amount,
                Award.posthumous, Award.revoked_on)


_HOLDER = aliased(Award)  # made once: aliasing a mapped class costs more than the rest of a condition


def _conditions(flt: AwardFilter, probe: bool = False) -> list:
    """SQL conditions of the filter. The search text finds an award by its certificate number, its
    basis act's number, or every word in the holder's name (persons.NameSearch: a trigram index).
    ``probe``: the form for a page read by scanning persons in name order (see page_query) —
    the same rows, written so that a person whose name does not match is passed over before
    any of their awards is read."""
    conditions = []
    text = " ".join((flt.text or "").split())
    if text:
        number = text.lstrip("№ ").strip()
        numbered = or_(Award.certificate_number == number, Award.act_number == number)
        if probe:
            # name OR numbered  ==  (name OR person has a numbered award) AND (name OR numbered):
            # the first half reads only the person (the sort index's row), the second the award
            by_name = and_(*name_conditions(text, Person.id, probe=True))
            holder = _HOLDER  # its own FROM, never correlated with the page's award
            holders = select(holder.person_id).where(or_(holder.certificate_number == number,
                                                         holder.act_number == number))
            conditions += [or_(by_name, Person.id.in_(holders)), or_(by_name, numbered)]
        else:
            by_name = name_conditions(text, Award.person_id)
            alternatives = [Award.certificate_number == number, Award.act_number == number]
            if by_name:
                alternatives.append(and_(*by_name))
            conditions.append(or_(*alternatives))
    if flt.award_type_id:
        conditions.append(Award.award_type_id == flt.award_type_id)
    if flt.degree:
        conditions.append(Award.degree == flt.degree)
    if flt.year:
        conditions.append(Award.act_date.between(dt.date(flt.year, 1, 1), dt.date(flt.year, 12, 31)))
    if flt.act_number:
        conditions.append(Award.act_number == flt.act_number.lstrip("№ ").strip())
    if flt.date_from:
        conditions.append(Award.act_date >= flt.date_from)
    if flt.date_to:
        conditions.append(Award.act_date <= flt.date_to)
    if flt.person_id:
        conditions.append(Award.person_id == flt.person_id)
    if not flt.include_revoked:
        conditions.append(Award.revoked_on.is_(None))
    return conditions


SORTS = {
    "name": (Person.sort_key, Award.id),
    "award": (AwardType.position, Award.degree, Person.sort_key, Award.id),
    "date": (Award.act_date.desc(), Person.sort_key, Award.id),
    "certificate": (AwardType.position, Award.certificate_number, Award.id),
    "presented": (Award.presented_on, Person.sort_key, Award.id),
}


def reversed_order(keys) -> list:
    """ORDER BY terms in the opposite direction (a header clicked a second time)."""
    return [key.element.asc() if getattr(key, "modifier", None) is not None and key.modifier.__name__ == "desc_op"
            else key.desc() for key in keys]


class _NameOrderJoin(Join):
    """person JOIN award, written ``person CROSS JOIN award`` on SQLite: its planner then keeps
    person as the outer loop, read in name order from the sort index (it would otherwise scan
    every award and sort the matches)."""

    inherit_cache = True


@compiles(_NameOrderJoin, "sqlite")
def _compile_name_order_join(join: _NameOrderJoin, compiler, **kw) -> str:
    kw["asfrom"] = True
    on = {key: value for key, value in kw.items() if key not in ("asfrom", "from_linter")}
    return (f"{compiler.process(join.left, **kw)} CROSS JOIN {compiler.process(join.right, **kw)} "
            f"ON {compiler.process(join.onclause, **on)}")


def _scan_in_name_order(db: Database, session: Session, flt: AwardFilter, sort: str, offset: int,
                        limit: int | None) -> bool:
    """Whether a page is best read by scanning persons in name order (probing each against the
    trigram index's matches) rather than collecting every match and sorting them.

    The scan meets about (offset + limit) · persons / matches persons before the page is full;
    collecting reads and sorts every matching person's awards (about 6 times the work per person,
    measured on the 100,000-person demo). SQLite only, name order, the text the only filter."""
    words = search_words(flt.text or "")
    if (sort != "name" or limit is None or not indexed_only(db, words)
            or replace(flt, text="", include_revoked=True) != AwardFilter()):
        return False
    matches, persons = session.execute(sql_text(
        f"SELECT (SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q), (SELECT max(id) FROM person)"),
        {"q": fts_query(words)}).one()
    return matches * matches * 6 > (offset + limit) * (persons or 0)


@functools.cache
def _page_base(name_order: bool) -> Select:
    """The columns and joins of a page, built once (a Select is immutable; each page adds its
    conditions, order and limits to a copy)."""
    if name_order:
        return (select(*_ROW_COLUMNS)
                .select_from(_NameOrderJoin(Person.__table__, Award.__table__, Person.id == Award.person_id))
                .join(AwardType, AwardType.id == Award.award_type_id))
    return (select(*_ROW_COLUMNS).join(Person, Person.id == Award.person_id)
            .join(AwardType, AwardType.id == Award.award_type_id))


def page_query(db: Database, session: Session, flt: AwardFilter = AwardFilter(), offset: int = 0,
               limit: int | None = 100, sort: str = "name", descending: bool = False) -> Select:
    """The SQL of a register page (query_awards runs it; bench/probe.py times it raw)."""
    order = reversed_order(SORTS[sort]) if descending else SORTS[sort]
    if _scan_in_name_order(db, session, flt, sort, offset, limit):
        query = _page_base(True).where(*_conditions(flt, probe=True))
    else:
        query = _page_base(False).where(*_conditions(flt))
    query = query.order_by(*order).offset(offset)
    return query if limit is None else query.limit(limit)


def query_awards(db: Database, flt: AwardFilter = AwardFilter(), offset: int = 0, limit: int | None = 100,
                 sort: str = "name", descending: bool = False) -> list[AwardRow]:
    """A page of the register, filtered, sorted and paged by the database."""
    with db.reading() as session:
        query = page_query(db, session, flt, offset, limit, sort, descending)
        # Run as Core on the session's connection: a page holds plain values, no ORM entities.
        return [AwardRow(*r) for r in session.connection().execute(query)]


def count_awards(db: Database, flt: AwardFilter = AwardFilter()) -> int:
    words = search_words(flt.text or "")
    if indexed_only(db, words) and replace(flt, text="") == AwardFilter():
        # the search text alone (SQLite): awards whose holder's name matches, counted in the
        # trigram table award_search without reading an award, plus those found only by number
        number = " ".join(flt.text.split()).lstrip("№ ").strip()
        by_number_only = (select(func.count()).select_from(Award).join(Person, Person.id == Award.person_id)
                          .where(or_(Award.certificate_number == number, Award.act_number == number),
                                 ~and_(*name_likes(words))))
        with db.reading() as session:
            return (session.scalar(sql_text(f"SELECT count(*) FROM {AWARD_FTS_TABLE} WHERE {AWARD_FTS_TABLE} MATCH :q"),
                                   {"q": fts_query(words)}) or 0) + (session.scalar(by_number_only) or 0)
    query = select(func.count()).select_from(Award)
    # the name search reads person rows only where the trigram index cannot answer alone
    if flt.text and not indexed_only(db, search_words(flt.text)):
        query = query.join(Person, Person.id == Award.person_id)
    with db.reading() as session:
        return session.scalar(query.where(*_conditions(flt))) or 0


def get_award(db: Database, award_id: int) -> AwardDetail:
    query = (select(*_ROW_COLUMNS, Award.nominated_by, Award.nomination_date, Award.revoked_act,
                    Award.revocation_reason, Award.notes, Award.version)
             .join(Person, Person.id == Award.person_id).join(AwardType, AwardType.id == Award.award_type_id)
             .where(Award.id == award_id))
    with db.reading() as session:
        r = session.execute(query).first()
        if r is None:
            raise UserError("Відзнаку не знайдено (можливо, її щойно видалили).")
        return AwardDetail(*r)


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
    Ukrainian order. Filtered and sorted as the register (``_conditions``, ``SORTS["award"]``), but
    a lean query of its own: only the printed columns, one pass from the rows to the groups (a
    period's list runs to tens of thousands of awards)."""
    query = (select(*_LIST_COLUMNS).join(Person, Person.id == Award.person_id)
             .join(AwardType, AwardType.id == Award.award_type_id)
             .where(*_conditions(flt)).order_by(*SORTS["award"]))
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


# -- settings of the register ------------------------------------------------------------------
@dataclass(frozen=True)
class AwardSettings:
    levels: dict[str, str]
    min_interval_years: int
    sign_position: str
    sign_name: str
    executor_line: str


def load_award_settings(db: Database) -> AwardSettings:
    values = get_settings(db, "awards.")
    levels, years = rule_settings(db)
    return AwardSettings(levels, years, values[SIGN_POSITION], values[SIGN_NAME], values[EXECUTOR_LINE])


def save_award_settings(db: Database, settings: AwardSettings) -> bool:
    """Rule levels (off / warn / forbid), the interval and the signature of printed lists (admin)."""
    from kr_desktop.services.access import ADMIN
    from kr_desktop.services.settings import set_settings

    require(db, ADMIN)
    unknown = [level for level in settings.levels.values() if level not in rules.LEVELS]
    if unknown or set(settings.levels) - set(rules.RULES):
        raise ValidationError("Рівень правила: «не перевіряти», «попереджати» або «забороняти».", field="levels")
    if not 0 <= settings.min_interval_years <= 50:
        raise ValidationError("Мінімальний проміжок — від 0 до 50 років.", field="min_interval_years")
    values = {RULE_SETTING + rule: level for rule, level in settings.levels.items()}
    values.update({MIN_INTERVAL_SETTING: settings.min_interval_years, SIGN_POSITION: settings.sign_position.strip(),
                   SIGN_NAME: settings.sign_name.strip(), EXECUTOR_LINE: settings.executor_line.strip()})
    set_settings(db, values, label="Налаштування реєстру відзнак")
    return True
