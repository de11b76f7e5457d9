"""Draft decisions (orders) on awards: from the awards with one basis act, the Ukrainian text
«Про нагородження …» with the names declined as the wording needs — accusative after
«Нагородити», dative after «Присвоїти звання» and «Оголосити подяку».

Declension comes from kr_desktop.domain.declension; a form the user corrected is kept for that
person and case (NameCorrection) and always wins next time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, NameCorrection, Person
from kr_desktop.domain.award_values import act_kind_label, degree_phrase, type_key
from kr_desktop.domain.declension import ACCUSATIVE, CASE_LABELS, CASES, DATIVE, NameForms, clean_form, decline
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import display_name
from kr_desktop.services.settings import declare, get_settings

SIGN_POSITION = declare("decisions.sign_position", "Міський голова")
SIGN_NAME = declare("decisions.sign_name", "")
PREAMBLE = declare("decisions.preamble",
                   "Відповідно до Положення про відзнаки виконавчого комітету Криворізької міської ради та "
                   "Криворізького міського голови, розглянувши клопотання, керуючись Законом України "
                   "«Про місцеве самоврядування в Україні»")
CONTROL_LINE = declare("decisions.control_line", "")  # «Контроль за виконанням … покласти на …»; empty: none

DASH = "\u2013"
# The instrumental case of the preloaded award types (after «Нагородити»).
_INSTRUMENTAL = {
    "нагрудний знак за заслуги перед містом": "нагрудним знаком «За заслуги перед містом»",
    "почесна грамота виконкому міської ради": "Почесною грамотою виконкому міської ради",
    "грамота виконкому міської ради": "Грамотою виконкому міської ради",
    "грамота міського голови": "Грамотою міського голови",
}


@dataclass(frozen=True)
class Wording:
    lead: str  # «Нагородити нагрудним знаком «За заслуги перед містом» ІІІ ступеня»
    case: str  # the grammatical case of the names that follow
    subject: str  # for the title: «нагрудним знаком «За заслуги перед містом»»


def wording(type_name: str, honorary_title: bool, degree: int | None) -> Wording:
    """What the decision says before the names of one award type and degree, and their case."""
    if honorary_title:
        return Wording(f"Присвоїти звання «{type_name}»", DATIVE, f"звання «{type_name}»")
    key = type_key(type_name)
    if key.startswith("подяка"):
        rest = type_name.split(" ", 1)[1] if " " in type_name else ""
        return Wording(f"Оголосити подяку {rest}".strip(), DATIVE, f"подякою {rest}".strip())
    instrumental = _INSTRUMENTAL.get(key, f"відзнакою «{type_name}»")
    lead = f"Нагородити {instrumental} {degree_phrase(degree)}".strip()
    return Wording(lead, ACCUSATIVE, instrumental)


@dataclass(frozen=True)
class DraftEntry:
    person_id: int
    award_id: int
    nominative: str  # «ПРІЗВИЩЕ Ім'я По батькові»
    case: str
    forms: NameForms
    corrected: bool  # the user's stored form
    gender_guessed: bool  # the person's sex is not entered: check the form
    tail: str  # «посада, місце роботи»

    @property
    def line(self) -> str:
        name = self.forms.display()
        return f"{name} {DASH} {self.tail}" if self.tail else name


@dataclass(frozen=True)
class DraftSection:
    wording: Wording
    entries: tuple[DraftEntry, ...]


@dataclass(frozen=True)
class DecisionDraft:
    act_kind: str
    act_number: str
    act_date: dt.date | None
    title: str
    preamble: str
    sections: tuple[DraftSection, ...]
    control_line: str
    sign_position: str
    sign_name: str

    @property
    def entries(self) -> list[DraftEntry]:
        return [e for s in self.sections for e in s.entries]

    def paragraphs(self) -> list[str]:
        """The operative part, numbered, each name line ending with «;» and each item with «.»."""
        lines: list[str] = []
        number = 0
        for section in self.sections:
            number += 1
            lines.append(f"{number}. {section.wording.lead}:")
            for i, entry in enumerate(section.entries):
                lines.append(entry.line + ("." if i == len(section.entries) - 1 else ";"))
        if self.control_line:
            lines.append(f"{number + 1}. {self.control_line}")
        return lines


def _title(sections: list[DraftSection]) -> str:
    subjects = list(dict.fromkeys(s.wording.subject for s in sections))
    if all(s.wording.lead.startswith("Присвоїти") for s in sections):
        return f"Про присвоєння {subjects[0]}" if len(subjects) == 1 else "Про присвоєння звань"
    if len(subjects) == 1 and sections[0].wording.case == ACCUSATIVE:
        return f"Про нагородження {subjects[0]}"
    return "Про нагородження"


def _corrections(session, person_ids) -> dict[tuple[int, str], NameForms]:
    rows = session.scalars(select(NameCorrection).where(NameCorrection.person_id.in_(list(person_ids))))
    return {(r.person_id, r.grammatical_case): NameForms(r.surname, r.name, r.patronymic) for r in rows}


def draft_decision(db: Database, act_number: str, act_date: dt.date | None = None) -> DecisionDraft:
    """The draft for the awards whose basis act has this number (and date, when several acts share
    the number); awards grouped by type and degree in the directory's order, names in Ukrainian order."""
    number = " ".join((act_number or "").split()).lstrip("№ ").strip()
    if not number:
        raise ValidationError("Вкажіть номер документа-підстави.", field="act_number")
    conditions = [Award.act_number == number, Award.revoked_on.is_(None)]
    if act_date:
        conditions.append(Award.act_date == act_date)
    query = (select(Award.id, Award.act_kind, Award.act_date, Award.degree, AwardType.name, AwardType.honorary_title,
                    AwardType.position, AwardType.id, Person.id, Person.surname, Person.name, Person.patronymic,
                    Person.sex, Person.position, Person.workplace)
             .join(AwardType, AwardType.id == Award.award_type_id).join(Person, Person.id == Award.person_id)
             .where(*conditions)
             .order_by(AwardType.position, AwardType.id, Award.degree, Person.sort_key, Person.id))
    with db.reading() as session:
        rows = session.execute(query).all()
        corrections = _corrections(session, {r[8] for r in rows})
    if not rows:
        when = f" від {act_date:%d.%m.%Y}" if act_date else ""
        raise UserError(f"Відзнак з документом-підставою №{number}{when} не знайдено.")
    acts = {(r[1], r[2]) for r in rows}
    if len(acts) > 1:
        listed = "; ".join(f"{act_kind_label(k)}{f' від {d:%d.%m.%Y}' if d else ''}" for k, d in sorted(
            acts, key=lambda a: (a[1] or dt.date.min, a[0])))
        raise UserError(f"Номер №{number} мають кілька документів: {listed}. Вкажіть дату документа.")
    act_kind, date = next(iter(acts))
    sections: list[DraftSection] = []
    key = None
    for r in rows:
        if (r[7], r[3]) != key:
            key = (r[7], r[3])
            sections.append(DraftSection(wording(r[4], r[5], r[3]), ()))
        section = sections[-1]
        case = section.wording.case
        stored = corrections.get((r[8], case))
        if stored:
            forms, guessed = stored, False
        else:
            forms, guessed = decline(r[9], r[10], r[11], r[12], case)
        tail = ", ".join(p.strip() for p in (r[13] or "", r[14] or "") if p.strip())
        entry = DraftEntry(r[8], r[0], display_name(r[9], r[10], r[11]), case, forms, stored is not None, guessed, tail)
        sections[-1] = DraftSection(section.wording, section.entries + (entry,))
    values = get_settings(db, "decisions.")
    return DecisionDraft(act_kind, number, date, _title(sections), values[PREAMBLE], tuple(sections),
                         values[CONTROL_LINE], values[SIGN_POSITION], values[SIGN_NAME])


def set_correction(db: Database, person_id: int, case: str, surname: str, name: str = "",
                   patronymic: str = "") -> int:
    """Keep the user's form of a person's name in a case; used instead of the automatic one."""
    require(db, OPERATOR)
    if case not in CASES:
        raise ValidationError("Невідомий відмінок.", field="case")
    surname, name, patronymic = clean_form(surname), clean_form(name), clean_form(patronymic)
    if not surname:
        raise ValidationError("Виправлена форма: вкажіть прізвище.", field="surname")
    with db.changing(f"Виправлення відмінка ({CASE_LABELS[case]})") as session:
        person = session.get(Person, person_id)
        if person is None:
            raise UserError("Особу не знайдено.")
        row = session.scalar(select(NameCorrection).where(NameCorrection.person_id == person_id,
                                                          NameCorrection.grammatical_case == case))
        if row is None:
            row = NameCorrection(person_id=person_id, grammatical_case=case)
            session.add(row)
        # Stored as typed except the surname, kept in the register's capitalisation (shown in capitals).
        row.surname = surname if not surname.isupper() else surname[:1] + surname[1:].lower()
        row.name, row.patronymic = name, patronymic
        session.flush()
        return row.id


def clear_correction(db: Database, person_id: int, case: str) -> None:
    require(db, OPERATOR)
    with db.changing("Скасування виправлення відмінка") as session:
        row = session.scalar(select(NameCorrection).where(NameCorrection.person_id == person_id,
                                                          NameCorrection.grammatical_case == case))
        if row is not None:
            session.delete(row)
