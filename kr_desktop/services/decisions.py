"""Draft decisions (orders) on awards: from the awards with one basis act, the Ukrainian text with
the names declined as the wording needs — accusative after «Нагородити», dative after «Присвоїти
звання» and «Оголосити подяку» (kr_desktop.domain.decision_wording) — and the position after the
dash in the same case, «(посмертно)» where the award is posthumous.

Declension comes from kr_desktop.domain.declension; a form the user corrected is kept — a name for
that person and case (NameCorrection), a position for that phrase and case (PhraseCorrection) —
and always wins next time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, NameCorrection, Person, PhraseCorrection
from kr_desktop.domain.award_values import act_kind_label
from kr_desktop.domain.decision_wording import (AWARDS_PREAMBLE, Wording, award_kind, default_preamble,  # noqa: F401
                                                name_line, title, wording)
from kr_desktop.domain.declension import CASE_LABELS, CASES, NameForms, clean_form, decline
from kr_desktop.domain.declension.phrases import decline_phrase
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import display_name
from kr_desktop.services.settings import declare, get_settings
from kr_desktop.text.ukrainian import search_key, unify_apostrophes

SIGN_POSITION = declare("decisions.sign_position", "Міський голова")
SIGN_NAME = declare("decisions.sign_name", "")
# The preamble of award types without their own (the honorary title cites its Положення instead).
PREAMBLE = declare("decisions.preamble", AWARDS_PREAMBLE)
CONTROL_LINE = declare("decisions.control_line", "")  # «Контроль за виконанням … покласти на …»; empty: none

DASH = "\u2013"


@dataclass(frozen=True)
class DraftEntry:
    person_id: int
    award_id: int
    nominative: str  # «ПРІЗВИЩЕ Ім'я По батькові»
    case: str
    forms: NameForms
    corrected: bool  # the user's stored form
    gender_guessed: bool  # the person's sex is not entered: check the form
    tail: str  # «посада, місце роботи», the position in the name's case
    posthumous: bool = False
    position: str = ""  # the position as entered (nominative)
    position_form: str = ""  # the position in ``case`` (stored correction or automatic)
    position_corrected: bool = False

    @property
    def line(self) -> str:
        return name_line(self.forms.display(), self.tail, self.posthumous, DASH)


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


def _corrections(session, person_ids) -> dict[tuple[int, str], NameForms]:
    rows = session.scalars(select(NameCorrection).where(NameCorrection.person_id.in_(list(person_ids))))
    return {(r.person_id, r.grammatical_case): NameForms(r.surname, r.name, r.patronymic) for r in rows}


def phrase_key(phrase: str) -> str:
    """A position as one correction serves it: case, apostrophe form and spacing folded."""
    return search_key(" ".join((phrase or "").split()))[:600]


def _phrase_corrections(session, phrases) -> dict[tuple[str, str], str]:
    keys = {phrase_key(p) for p in phrases if p}
    if not keys:
        return {}
    rows = session.scalars(select(PhraseCorrection).where(PhraseCorrection.phrase_key.in_(list(keys))))
    return {(r.phrase_key, r.grammatical_case): r.form for r in rows}


def _preamble(rows_types: dict[int, tuple[str, str]], general: str) -> str:
    """One preamble for the act: each award type's own or its kind's default, the distinct ones
    joined (an act usually holds one kind)."""
    texts = list(dict.fromkeys(own.strip() or default_preamble(kind, general)
                               for kind, own in rows_types.values()))
    return "; ".join(t.rstrip(" ,:;.") for t in texts)


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
                    Person.sex, Person.position, Person.workplace, Award.posthumous, AwardType.decision_preamble)
             .join(AwardType, AwardType.id == Award.award_type_id).join(Person, Person.id == Award.person_id)
             .where(*conditions)
             .order_by(AwardType.position, AwardType.id, Award.degree, Person.sort_key, Person.id))
    with db.reading() as session:
        rows = session.execute(query).all()
        corrections = _corrections(session, {r[8] for r in rows})
        phrases = _phrase_corrections(session, {r[13] for r in rows})
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
        position = " ".join((r[13] or "").split())
        stored_position = phrases.get((phrase_key(position), case)) if position else None
        position_form = stored_position if stored_position is not None else decline_phrase(position, case)
        tail = ", ".join(p for p in (position_form, " ".join((r[14] or "").split())) if p)
        entry = DraftEntry(r[8], r[0], display_name(r[9], r[10], r[11]), case, forms, stored is not None, guessed, tail,
                           bool(r[15]), position, position_form, stored_position is not None)
        sections[-1] = DraftSection(section.wording, section.entries + (entry,))
    values = get_settings(db, "decisions.")
    preamble = _preamble({r[7]: (award_kind(r[4], r[5]), r[16] or "") for r in rows}, values[PREAMBLE])
    return DecisionDraft(act_kind, number, date, title([s.wording for s in sections]), preamble, tuple(sections),
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


def set_phrase_correction(db: Database, phrase: str, case: str, form: str) -> int:
    """Keep the user's form of a position in a case; used for every person with that position."""
    require(db, OPERATOR)
    if case not in CASES:
        raise ValidationError("Невідомий відмінок.", field="case")
    phrase, form = clean_form(unify_apostrophes(phrase or "")), clean_form(unify_apostrophes(form or ""))
    if not phrase:
        raise ValidationError("Посада: немає що виправляти (посаду не вказано).", field="position")
    if not form:
        raise ValidationError("Виправлена форма посади: введіть текст або скасуйте виправлення.", field="position")
    if len(form) > 2000:
        raise ValidationError("Виправлена форма посади: не довше 2000 знаків.", field="position")
    key = phrase_key(phrase)
    with db.changing(f"Виправлення посади у відмінку ({CASE_LABELS[case]})") as session:
        row = session.scalar(select(PhraseCorrection).where(PhraseCorrection.phrase_key == key,
                                                            PhraseCorrection.grammatical_case == case))
        if row is None:
            row = PhraseCorrection(phrase_key=key, grammatical_case=case, phrase=phrase, form=form)
            session.add(row)
        else:
            row.phrase, row.form = phrase, form
        session.flush()
        return row.id


def clear_phrase_correction(db: Database, phrase: str, case: str) -> None:
    require(db, OPERATOR)
    with db.changing("Скасування виправлення посади") as session:
        row = session.scalar(select(PhraseCorrection).where(PhraseCorrection.phrase_key == phrase_key(phrase),
                                                            PhraseCorrection.grammatical_case == case))
        if row is not None:
            session.delete(row)
