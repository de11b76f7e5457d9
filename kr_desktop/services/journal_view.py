"""Reading the change journal: filter by user, date range and record, one page at a time in SQL.
The same rows in words (the fields of each kind of record, values as documents write them, names
instead of ids) come from services/journal_words.py, which builds on this module.

Read-only by design: there is no service that edits or deletes journal rows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import JournalEntry
from kr_desktop.services.access import ADMIN, require

# Ukrainian names of the tables, for the journal window and messages; unknown tables show as is.
TABLE_LABELS = {
    "program": "Програма", "amendment": "Зміна до програми", "funding_source": "Джерело фінансування",
    "passport_funding": "Паспорт: фінансування", "stage": "Етап", "direction": "Напрям",
    "measure": "Захід", "executor": "Виконавець", "planned_funding": "Планове фінансування",
    "reporting_period": "Звітний період", "progress_entry": "Звіт про виконання",
    "progress_amount": "Фактичне фінансування", "app_setting": "Налаштування", "app_user": "Користувач", "server_user": "Користувач сервера",
    "person": "Особа", "award_type": "Вид відзнаки", "award": "Відзнака",
    "issued_certificate": "Посвідчення", "honorary_book_entry": "Книга почесних громадян",
    "amendment_change": "Що змінило рішення", "award_material": "Матеріали до відзнаки",
    "event": "Захід (подія)", "event_award": "Відзнака на заході", "event_invitee": "Запрошений",
    "name_correction": "Виправлена форма імені",
    "phrase_correction": "Виправлена форма посади", "recurring_date": "Щорічна дата", "stock_item": "Матеріал",
    "stock_movement": "Рух матеріалів", "measure_executor": "Виконавець заходу", "app_meta": "Відомості про базу",
    "passport_item": "Пункт паспорта програми", "funding_phrase": "Джерело фінансування без сум",
}
OPERATION_LABELS = {"insert": "створено", "update": "змінено", "delete": "вилучено"}
FIELD_LABELS = {
    "id": "№", "version": "версія", "name": "назва", "short_name": "коротка назва", "text": "зміст",
    "number": "номер", "position": "порядковий номер", "date": "дата", "description": "опис",
    "amount": "сума", "year": "рік", "key": "ключ", "value": "значення", "login": "логін",
    "head_position": "посада керівника", "head_name": "керівник", "head_position_dative": "посада керівника (кому)",
    "head_name_dative": "керівник (кому)", "decision_preamble": "преамбула проєкту рішення",
    "phrase_key": "ключ фрази", "phrase": "фраза", "form": "форма у відмінку",
    "phone": "телефон", "email": "електронна пошта",
    "full_name": "прізвище, ім’я, по батькові", "role": "роль", "active": "активний", "executors": "виконавці",
    "deadline_phrase": "строк виконання", "executors_text": "виконавці (текст)",
    "expected_result": "очікуваний результат", "surname": "прізвище", "patronymic": "по батькові",
    "status": "стан", "narrative": "що зроблено", "reasons": "причини невиконання",
    "act_date": "дата документа", "act_kind": "вид документа", "act_number": "номер документа",
    "actor": "хто", "after": "після", "before": "до", "at": "коли", "amendment_id": "рішення про зміни",
    "annex_number": "номер додатка", "attended": "присутність", "award_id": "відзнака",
    "award_type_id": "вид відзнаки", "biography": "біографія", "birth_date": "дата народження",
    "certificate_number": "номер посвідчення", "changeset": "дія", "contacts": "контакти",
    "created_at": "створено", "day": "день", "deadline_date": "строк: дата", "deadline_kind": "строк: вид",
    "deadline_months": "строк: місяці", "deadline_year_from": "строк: з року", "deadline_year_to": "строк: до року",
    "death_date": "дата смерті", "deceased": "помер(ла)", "decision": "рішення", "decision_date": "дата рішення",
    "decision_number": "номер рішення", "decision_title": "назва рішення", "degree": "ступінь",
    "degrees": "ступені", "developer": "розробник", "direction_id": "напрям", "end_year": "рік закінчення",
    "entry_id": "звіт", "entry_number": "номер запису", "event_date": "дата заходу", "event_id": "захід",
    "executor_id": "виконавець", "expected_results": "очікувані результати",
    "failed_attempts": "невдалі спроби входу", "field": "поле", "goal": "мета",
    "grammatical_case": "відмінок", "half": "півріччя", "holder": "власник", "honorary_title": "почесне звання",
    "issues_certificate": "видається посвідчення", "item_id": "матеріал", "kind": "вид", "label": "дія",
    "last_failure_at": "остання невдала спроба", "legal_basis": "підстава", "low_threshold": "поріг залишку",
    "measure_id": "захід", "month": "місяць", "moved_on": "дата руху", "new_value": "нове значення",
    "nominated_by": "клопотання від", "nomination_date": "дата клопотання", "note": "примітка",
    "notes": "примітки", "number_pattern": "шаблон номера", "old_value": "попереднє значення",
    "operation": "операція", "owner_label": "чиє", "password_hash": "пароль (хеш)",
    "password_params": "параметри пароля", "password_salt": "сіль пароля", "period_id": "звітний період",
    "person_id": "особа", "photo": "фото", "place": "місце", "portrait": "портрет", "posthumous": "посмертно",
    "presented_on": "дата вручення", "program_id": "програма", "programme": "програма заходу",
    "quantity": "кількість", "reason": "причина", "received_on": "дата надходження", "record_id": "запис",
    "recorded_at": "записано", "recurring_date_id": "щорічна дата", "reported_by": "хто звітував",
    "responsible": "відповідальні", "revocation_reason": "причина позбавлення",
    "revoked_act": "документ про позбавлення", "revoked_on": "дата позбавлення", "sequence": "порядок",
    "sex": "стать", "source_id": "джерело фінансування", "stage_id": "етап", "start_time": "час початку",
    "start_year": "рік початку", "supplier": "постачальник, договір", "table_name": "таблиця",
    "target": "мета", "title": "назва", "undo_of": "скасовує дію", "unit": "одиниця", "workplace": "місце роботи",
    "caption": "підпис", "predecessor_id": "програма-попередниця", "from_year": "з року",
    "deadline_origin": "строк: походження", "deadline_note": "строк: примітка",
    "executors_origin": "виконавці: походження", "executors_note": "виконавці: примітка",
}
# Derived search/sort columns: their stored form is not meant for reading.
DERIVED_FIELDS = {"sort_key", "name_key", "search_key", "search_text"}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def table_label(table_name: str) -> str:
    return TABLE_LABELS.get(table_name, table_name)


@dataclass(frozen=True)
class JournalFilter:
    actor: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    table_name: str | None = None
    record_id: str | None = None
    changeset: str | None = None


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: Any
    after: Any
    label: str = ""  # the field's name for this kind of record
    before_text: str = ""  # the values in words
    after_text: str = ""

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class JournalRow:
    id: int
    at: dt.datetime
    actor: str
    label: str
    operation: str
    table_name: str
    record_id: str
    changeset: str
    undo_of: str | None
    fields: tuple[FieldChange, ...]
    record_text: str = ""  # the record in words: «ІВАНЕНКО Іван Іванович», «Грамота … — ПЕТРЕНКО …»

    @property
    def operation_label(self) -> str:
        return OPERATION_LABELS.get(self.operation, self.operation)

    @property
    def table_label(self) -> str:
        return table_label(self.table_name)

    @property
    def changed_fields(self) -> tuple[FieldChange, ...]:
        return tuple(f for f in self.fields if f.changed)


def _where(query, f: JournalFilter):
    if f.actor:
        query = query.where(JournalEntry.actor == f.actor)
    if f.date_from:
        query = query.where(JournalEntry.at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to:
        query = query.where(JournalEntry.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time()))
    if f.table_name:
        query = query.where(JournalEntry.table_name == f.table_name)
    if f.record_id:
        query = query.where(JournalEntry.record_id == f.record_id.strip())
    if f.changeset:
        query = query.where(JournalEntry.changeset == f.changeset)
    return query


def count_entries(db: Database, f: JournalFilter = JournalFilter()) -> int:
    require(db, ADMIN)
    with db.reading() as session:
        return session.scalar(_where(select(func.count()).select_from(JournalEntry), f))


def _fields(before: dict, after: dict) -> tuple[FieldChange, ...]:
    names = [k for k in list(before) + [k for k in after if k not in before] if k not in DERIVED_FIELDS]
    return tuple(FieldChange(name, before.get(name), after.get(name)) for name in names)


def values_of(text: str | None) -> dict:
    """A journal row's before or after values (a JSON object)."""
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}


def page_query(f: JournalFilter, offset: int, limit: int):
    return _where(select(JournalEntry), f).order_by(JournalEntry.id.desc()).offset(offset).limit(limit)


def journal_row(r: JournalEntry, before: dict, after: dict) -> JournalRow:
    return JournalRow(r.id, r.at, r.actor, r.label, r.operation, r.table_name, r.record_id, r.changeset, r.undo_of,
                      _fields(before, after))


def page_entries(db: Database, f: JournalFilter = JournalFilter(), offset: int = 0,
                 limit: int = 200) -> list[JournalRow]:
    """Newest first; ``offset``/``limit`` page in SQL so a journal of millions of rows stays quick."""
    require(db, ADMIN)
    with db.reading() as session:
        rows = session.scalars(page_query(f, offset, limit)).all()
        return [journal_row(r, values_of(r.before), values_of(r.after)) for r in rows]


def actors(db: Database) -> list[str]:
    require(db, ADMIN)
    with db.reading() as session:
        return list(session.scalars(select(JournalEntry.actor).distinct().order_by(JournalEntry.actor)))


def tables(db: Database) -> list[str]:
    require(db, ADMIN)
    with db.reading() as session:
        return list(session.scalars(select(JournalEntry.table_name).distinct().order_by(JournalEntry.table_name)))
