"""The change journal in words: each kind of record with the names of its own fields (a person's
«ім’я» and «посада», not a generic «назва» and «порядковий номер»), values as the documents write
them (24.05.2026, 1 577 626,00, «так»/«ні», «рішення виконкому» instead of «executive»), and the
records a value points at by their names (a person, an award type, an event) instead of ids.

The names of one page of the journal are read in one query (a UNION of small selects), so the
journal screen stays a few round trips on a server. Built on services/journal_view.py (the rows
and the generic labels), which knows nothing of this module.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable

from sqlalchemy import Date, DateTime, Boolean, String, cast, literal, select, union_all

from kr_desktop.db.models import (Amendment, Award, AwardType, Base, Direction, Event, Executor, FundingSource, Measure,
                                  Person, Program, ProgressEntry, RecurringDate, ReportingPeriod, Stage, StockItem)
from kr_desktop.db.types import Money
from kr_desktop.domain.award_values import ACT_KINDS, degree_label
from kr_desktop.domain.deadlines import KIND_LABELS as DEADLINE_KINDS
from kr_desktop.domain.progress import STATUS_LABELS
from kr_desktop.services.access import ADMIN, ROLE_LABELS, require
from kr_desktop.services.journal_view import FIELD_LABELS, JournalFilter, JournalRow, journal_row, page_query, values_of
from kr_desktop.services.persons import display_name
from kr_desktop.text.formatting import HALF_YEAR_NAMES, format_date, format_int, format_money

EMPTY = "—"
YES, NO = "так", "ні"

# Field names per kind of record, where the generic label (journal_view.FIELD_LABELS) says it wrong.
TABLE_FIELD_LABELS: dict[str, dict[str, str]] = {
    "person": {"name": "ім’я", "position": "посада", "workplace": "місце роботи", "notes": "примітки",
               "contacts": "контакти", "photo": "фото"},
    "award": {"person_id": "особа", "award_type_id": "відзнака", "amount": "грошова винагорода", "notes": "примітки"},
    "award_type": {"name": "назва відзнаки", "position": "місце в довіднику", "act_kind": "звичайний документ-підстава",
                   "degrees": "кількість ступенів"},
    "executor": {"name": "повна назва", "short_name": "коротка назва", "position": "місце в довіднику"},
    "funding_source": {"name": "назва джерела", "position": "місце в довіднику"},
    "program": {"name": "назва програми", "decision_number": "номер рішення", "decision_date": "дата рішення"},
    "stage": {"title": "назва етапу", "annex_number": "номер додатка"},
    "direction": {"number": "номер напряму", "name": "назва напряму", "stage_id": "етап"},
    "measure": {"position": "номер заходу в напрямі", "text": "зміст заходу", "direction_id": "напрям",
                "executors": "виконавці"},
    "measure_executor": {"position": "місце серед виконавців"},
    "planned_funding": {"amount": "сума (план)", "year": "рік", "measure_id": "захід", "direction_id": "напрям"},
    "passport_funding": {"amount": "сума за паспортом"},
    "progress_entry": {"status": "стан виконання", "narrative": "що зроблено", "received_on": "дата надходження"},
    "progress_amount": {"amount": "касові видатки", "entry_id": "звіт виконавця"},
    "reporting_period": {"half": "півріччя"},
    "event": {"title": "назва заходу", "kind": "вид заходу", "place": "місце проведення",
              "executor_id": "відповідальний підрозділ", "measure_id": "захід Програми", "notes": "примітки"},
    "event_award": {"position": "місце в порядку вручення", "award_id": "відзнака", "event_id": "захід"},
    "event_invitee": {"person_id": "запрошена особа", "event_id": "захід", "note": "примітка"},
    "recurring_date": {"title": "назва дати", "kind": "вид заходу", "active": "діє"},
    "stock_item": {"name": "назва матеріалу", "position": "місце в довіднику", "active": "використовується"},
    "stock_movement": {"kind": "операція", "award_id": "відзнака", "item_id": "матеріал", "moved_on": "дата"},
    "award_material": {"item_id": "матеріал", "quantity": "кількість на одну відзнаку"},
    "issued_certificate": {"number": "номер посвідчення", "sequence": "порядковий номер", "holder": "кому видано"},
    "honorary_book_entry": {"person_id": "почесний громадянин", "decision": "рішення про присвоєння"},
    "name_correction": {"name": "ім’я", "surname": "прізвище"},
    "app_user": {"full_name": "прізвище, ім’я, по батькові", "active": "активний"},
    "app_setting": {"key": "налаштування"},
    "amendment": {"number": "номер рішення", "date": "дата рішення", "description": "що змінено"},
}

# Internal codes and the words people use for them, per (table, column); ("*", column) for every table.
CODES: dict[tuple[str, str], dict[Any, str]] = {
    ("*", "act_kind"): dict(ACT_KINDS),
    ("*", "deadline_kind"): {str(k): v for k, v in DEADLINE_KINDS.items()},
    ("progress_entry", "status"): {str(k): v for k, v in STATUS_LABELS.items()},
    ("app_user", "role"): dict(ROLE_LABELS),
    ("*", "sex"): {"ч": "чоловіча", "ж": "жіноча"},
    ("reporting_period", "half"): dict(HALF_YEAR_NAMES),
}


def _late_codes() -> None:
    """Codes kept by services that import this package's neighbours (read once, when first needed)."""
    if ("event", "kind") in CODES:
        return
    from kr_desktop.domain.declension import CASE_LABELS
    from kr_desktop.services.events import EVENT_KINDS
    from kr_desktop.services.stock import KIND_LABELS as STOCK_KINDS

    CODES[("event", "kind")] = dict(EVENT_KINDS)
    CODES[("recurring_date", "kind")] = dict(EVENT_KINDS)
    CODES[("stock_movement", "kind")] = dict(STOCK_KINDS)
    CODES[("*", "grammatical_case")] = dict(CASE_LABELS)


def field_label(table: str, column: str) -> str:
    return TABLE_FIELD_LABELS.get(table, {}).get(column) or FIELD_LABELS.get(column, column)


# -- the records a value points at --------------------------------------------------------------
def _references(table: str) -> dict[str, str]:
    """column (or many-to-many list) → the table it points at."""
    found: dict[str, str] = {}
    model_table = Base.metadata.tables.get(table)
    if model_table is None:
        return found
    for column in model_table.columns:
        for key in column.foreign_keys:
            found[column.name] = key.column.table.name
    for mapper in Base.registry.mappers:
        if mapper.local_table is model_table:
            for rel in mapper.relationships:
                if rel.secondary is not None and not rel.viewonly:
                    found[rel.key] = rel.mapper.local_table.name
    return found


def _text(column) -> Any:
    return cast(column, String)


# Per pointed-at table: the select of its name parts (id first), and how the parts read.
def _namers() -> dict[str, tuple[Callable[[], Any], Callable[[list], str]]]:
    return {
        "person": (lambda: select(Person.id, Person.surname, Person.name, Person.patronymic, literal(None), literal(None)),
                   lambda p: display_name(p[0] or "", p[1] or "", p[2] or "")),
        "award_type": (lambda: select(AwardType.id, AwardType.name, *[literal(None)] * 4), lambda p: p[0] or ""),
        "award": (lambda: select(Award.id, AwardType.name, _text(Award.degree), Person.surname, Person.name,
                                 Person.patronymic)
                  .join(AwardType, AwardType.id == Award.award_type_id).join(Person, Person.id == Award.person_id),
                  lambda p: _award_words(p[0], p[1], display_name(p[2] or "", p[3] or "", p[4] or ""))),
        "event": (lambda: select(Event.id, Event.title, _text(Event.event_date), *[literal(None)] * 3),
                  lambda p: f"«{p[0]}» ({_date_text(p[1])})"),
        "executor": (lambda: select(Executor.id, Executor.short_name, Executor.name, *[literal(None)] * 3),
                     lambda p: p[0] or p[1] or ""),
        "measure": (lambda: select(Measure.id, _text(Direction.number), _text(Measure.position),
                                   _text(Stage.annex_number), Measure.text, literal(None))
                    .join(Direction, Direction.id == Measure.direction_id).join(Stage, Stage.id == Direction.stage_id),
                    lambda p: f"захід {p[0]}.{p[1]} (Додаток {p[2]}): {_short(p[3])}"),
        "direction": (lambda: select(Direction.id, _text(Direction.number), _text(Stage.annex_number), Direction.name,
                                     *[literal(None)] * 2).join(Stage, Stage.id == Direction.stage_id),
                      lambda p: f"напрям {p[0]} (Додаток {p[1]}): {_short(p[2])}"),
        "stage": (lambda: select(Stage.id, _text(Stage.annex_number), _text(Stage.start_year), _text(Stage.end_year),
                                 *[literal(None)] * 2),
                  lambda p: f"Додаток {p[0]} ({p[1]}–{p[2]} роки)"),
        "funding_source": (lambda: select(FundingSource.id, FundingSource.name, *[literal(None)] * 4),
                           lambda p: p[0] or ""),
        "reporting_period": (lambda: select(ReportingPeriod.id, _text(ReportingPeriod.year),
                                            _text(ReportingPeriod.half), *[literal(None)] * 3),
                             lambda p: _period_words(p[0], p[1])),
        "progress_entry": (lambda: select(ProgressEntry.id, _text(Direction.number), _text(Measure.position),
                                          _text(ReportingPeriod.year), _text(ReportingPeriod.half), literal(None))
                           .join(Measure, Measure.id == ProgressEntry.measure_id)
                           .join(Direction, Direction.id == Measure.direction_id)
                           .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id),
                           lambda p: f"звіт про захід {p[0]}.{p[1]}, {_period_words(p[2], p[3])}"),
        "stock_item": (lambda: select(StockItem.id, StockItem.name, *[literal(None)] * 4), lambda p: p[0] or ""),
        "program": (lambda: select(Program.id, Program.decision_number, *[literal(None)] * 4),
                    lambda p: f"Програма (рішення №{p[0]})" if p[0] else "Програма"),
        "amendment": (lambda: select(Amendment.id, _text(Amendment.date), Amendment.number, *[literal(None)] * 3),
                      lambda p: f"рішення від {_date_text(p[0])} №{p[1]}"),
        "recurring_date": (lambda: select(RecurringDate.id, RecurringDate.title, *[literal(None)] * 4),
                           lambda p: p[0] or ""),
    }


def _short(text: str | None, length: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def _date_text(value) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)[:10]))
    except (TypeError, ValueError):
        return str(value or "")


def _period_words(year, half) -> str:
    try:
        return f"{HALF_YEAR_NAMES[int(half)]} {int(year)} року"
    except (KeyError, TypeError, ValueError):
        return f"{half} півріччя {year}"


def _award_words(type_name: str, degree, person: str) -> str:
    try:
        degree_text = f" {degree_label(int(degree))} ступеня" if degree not in (None, "") else ""
    except ValueError:
        degree_text = ""
    return f"{type_name or ''}{degree_text} — {person}"


class Names:
    """The names of the records a page of the journal points at: ``name(table, id)``."""

    def __init__(self, known: dict[tuple[str, str], str] | None = None):
        self.known = known or {}

    def name(self, table: str, record_id) -> str:
        if record_id is None or record_id == "":
            return EMPTY
        found = self.known.get((table, str(record_id)))
        return found if found is not None else f"№ {record_id} (у базі вже немає)"


def wanted_names(entries: Iterable[tuple[str, dict, dict, str]]) -> dict[str, set[str]]:
    """The (table → ids) a page points at: every reference in before/after, and each record itself."""
    namers = _namers()
    wanted: dict[str, set[str]] = {}
    for table, before, after, record_id in entries:
        if table in namers and record_id:
            wanted.setdefault(table, set()).add(str(record_id))
        for column, target in _references(table).items():
            if target not in namers:
                continue
            for values in (before, after):
                value = values.get(column)
                for one in value if isinstance(value, list) else (value,):
                    if one not in (None, ""):
                        wanted.setdefault(target, set()).add(str(one))
    return wanted


def read_names(session, wanted: dict[str, set[str]]) -> Names:
    """One query for every name a page needs."""
    namers = _namers()
    selects = []
    for table, ids in wanted.items():
        numbers = [int(i) for i in ids if str(i).isdigit()]
        if not numbers or table not in namers:
            continue
        query = namers[table][0]()
        id_column = query.selected_columns[0]
        parts = [_text(c) for c in list(query.selected_columns)[1:]]
        selects.append(query.with_only_columns(literal(table, String).label("kind"), _text(id_column).label("id"),
                                               *[p.label(f"p{i}") for i, p in enumerate(parts)])
                       .where(id_column.in_(numbers)))
    known: dict[tuple[str, str], str] = {}
    if selects:
        query = selects[0] if len(selects) == 1 else union_all(*selects)
        for kind, record_id, *parts in session.execute(query):
            known[(kind, str(record_id))] = namers[kind][1](parts)
    return Names(known)


def column_order(table: str) -> dict[str, int]:
    """The fields of a kind of record in the order of its table (the form's order, roughly)."""
    model_table = Base.metadata.tables.get(table)
    return {c.name: i for i, c in enumerate(model_table.columns)} if model_table is not None else {}


# -- one value in words ------------------------------------------------------------------------
def _column_type(table: str, column: str):
    model_table = Base.metadata.tables.get(table)
    if model_table is None or column not in model_table.columns:
        return None
    return model_table.columns[column].type


def value_words(table: str, column: str, value: Any, names: Names) -> str:
    """``value`` of ``table.column`` as a person reads it."""
    from kr_desktop.db.journal import HIDDEN

    _late_codes()
    if value is None or value == "":
        return EMPTY
    if value == HIDDEN:
        return "(приховано)"
    if isinstance(value, dict) and "bytes" in value:
        return f"файл, {format_int(max(1, round(value['bytes'] / 1024)))} КБ"
    target = _references(table).get(column)
    if target is not None:
        if isinstance(value, list):
            return "; ".join(names.name(target, one) for one in value) or EMPTY
        return names.name(target, value)
    codes = CODES.get((table, column)) or CODES.get(("*", column))
    if codes is not None and value in codes:
        return codes[value]
    if column == "degree" and isinstance(value, int):
        return f"{degree_label(value)} ступінь"
    kind = _column_type(table, column)
    if isinstance(kind, Money):
        try:
            return format_money(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    if isinstance(kind, DateTime):
        try:
            moment = dt.datetime.fromisoformat(str(value))
            return f"{format_date(moment.date())} {moment:%H:%M}"
        except ValueError:
            return str(value)
    if isinstance(kind, Date):
        return _date_text(value)
    if isinstance(kind, Boolean) or isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return format_int(value)
    if isinstance(value, list):
        return "; ".join(str(one) for one in value) or EMPTY
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


# -- the record a journal row is about --------------------------------------------------------
def record_words(table: str, values: dict, record_id: str, names: Names) -> str:
    """«ІВАНЕНКО Іван Іванович», «Грамота виконкому міської ради — ПЕТРЕНКО Ольга Миколаївна», …:
    what the row is about, from the database when the record is still there, else from its values."""
    known = names.known.get((table, str(record_id)))
    if known is not None:
        return known
    v = values
    if table == "person":
        return display_name(v.get("surname") or "", v.get("name") or "", v.get("patronymic") or "")
    if table == "award":
        return _award_words(names.name("award_type", v.get("award_type_id")), v.get("degree"),
                            names.name("person", v.get("person_id")))
    if table in ("event_award", "event_invitee"):
        what = names.name("award", v.get("award_id")) if table == "event_award" else names.name("person", v.get("person_id"))
        return f"{what} → {names.name('event', v.get('event_id'))}"
    if table == "event":
        return f"«{v.get('title', '')}» ({_date_text(v.get('event_date'))})"
    if table == "planned_funding":
        where = names.name("measure", v["measure_id"]) if v.get("measure_id") else names.name("direction", v.get("direction_id"))
        return f"{where}, {v.get('year', '')} рік, {names.name('funding_source', v.get('source_id'))}"
    if table == "progress_amount":
        return f"{names.name('progress_entry', v.get('entry_id'))}, {names.name('funding_source', v.get('source_id'))}"
    if table == "stock_movement":
        return f"{names.name('stock_item', v.get('item_id'))}, {_date_text(v.get('moved_on'))}"
    if table == "honorary_book_entry":
        return names.name("person", v.get("person_id"))
    if table == "app_setting":
        return str(v.get("key") or record_id)
    if table == "issued_certificate":
        return f"посвідчення № {v.get('number', '')} ({names.name('award_type', v.get('award_type_id'))})"
    for key in ("full_name", "short_name", "name", "title", "number"):
        if v.get(key):
            return _short(str(v[key]))
    return f"№ {record_id}"


# -- a page of the journal in words ------------------------------------------------------------
def in_words(row: JournalRow, before: dict, after: dict, names: Names) -> JournalRow:
    from dataclasses import replace

    order = column_order(row.table_name)
    fields = tuple(replace(f, label=field_label(row.table_name, f.name),
                           before_text=value_words(row.table_name, f.name, f.before, names),
                           after_text=value_words(row.table_name, f.name, f.after, names))
                   for f in sorted(row.fields, key=lambda f: order.get(f.name, len(order))))
    return replace(row, fields=fields, record_text=record_words(row.table_name, after or before, row.record_id, names))


def page_entries(db, f: JournalFilter = JournalFilter(), offset: int = 0, limit: int = 200) -> list[JournalRow]:
    """journal_view.page_entries in words: newest first, paged in SQL, the names in one more query."""
    require(db, ADMIN)
    with db.reading() as session:
        rows = session.scalars(page_query(f, offset, limit)).all()
        values = [(r, values_of(r.before), values_of(r.after)) for r in rows]
        names = read_names(session, wanted_names((r.table_name, b, a, r.record_id) for r, b, a in values))
        return [in_words(journal_row(r, b, a), b, a, names) for r, b, a in values]
