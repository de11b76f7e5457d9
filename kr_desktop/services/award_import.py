"""Import of awards from an XLSX sheet: all or nothing, every problem listed.

Entry points:

- ``validate_rows(header, rows, catalog)`` — pure validation of a sheet's cells (no database, no
  file): returns an ``ImportPlan`` with parsed rows and every ``ImportProblem`` (row, column,
  what is wrong, in Ukrainian). It never raises on bad cell values.
- ``read_sheet(path)`` — the header and rows of the first sheet (openpyxl read-only).
- ``preview_import(db, path)`` — validation plus the checks that need the register (certificate
  numbers, persons already there, rules set to «забороняти»); writes nothing.
- ``import_awards(db, path, dry_run=False)`` — the same, then writes everything in one
  transaction with Core bulk inserts; raises ``ImportRejected`` (listing the problems) when any.
- ``write_template(path)`` — an empty sheet with the headers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from sqlalchemy import false as sa_false
from sqlalchemy import func, select

from kr_desktop.cancel import checkpoint
from kr_desktop.db.engine import Database
from kr_desktop.db.journal import journal_info
from kr_desktop.db.models import Award, AwardType, IssuedCertificate, JournalEntry, Person
from kr_desktop.db.search_index import indexed_in_bulk
from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.award_values import parse_act_kind, parse_date, parse_degree, parse_sex, type_key
from kr_desktop.error_texts import explain
from kr_desktop.errors import UserError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import PersonInput, display_name, full_name_key, person_values
from kr_desktop.text.ukrainian import search_key

# field -> the column's Ukrainian header
COLUMNS: dict[str, str] = {
    "surname": "Прізвище", "name": "Ім’я", "patronymic": "По батькові", "sex": "Стать",
    "birth_date": "Дата народження", "workplace": "Місце роботи", "position": "Посада", "award": "Відзнака",
    "degree": "Ступінь", "act_kind": "Вид документа", "act_number": "Номер документа",
    "act_date": "Дата документа", "certificate_number": "Номер посвідчення", "presented_on": "Дата вручення",
    "notes": "Примітка",
}
REQUIRED = ("surname", "award")
MAX_TEXT = {"surname": 120, "name": 120, "patronymic": 120, "act_number": 32, "certificate_number": 64,
            "workplace": 2000, "position": 2000, "notes": 4000}
HEADER_SEARCH_ROWS = 10
_BAD_NAME = re.compile(r"[\d\x00-\x1f=<>@#$%^*_|\\/{}\[\]]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def header_key(text: Any) -> str:
    """A header folded: case, spaces and the apostrophe form do not matter."""
    return "".join(search_key(str(text or "")).split()).strip(".:*")


_HEADER_FIELDS = {header_key(title): name for name, title in COLUMNS.items()}


QUOTE_LIMIT = 60  # a cell value repeated in a message: its first 60 characters, then «…»
_LONG_QUOTE = re.compile("«([^«»]{%d})[^«»]+»" % QUOTE_LIMIT)


def cut_quotes(message: str) -> str:
    """Quoted cell values in a message cut to QUOTE_LIMIT characters with «…»: a huge cell must
    not be repeated in full in the list of errors."""
    message = _LONG_QUOTE.sub(lambda m: f"«{m.group(1)}…»", str(message))
    return message if len(message) <= 4 * QUOTE_LIMIT else message[:4 * QUOTE_LIMIT] + "…"


@dataclass(frozen=True)
class ImportProblem:
    row: int  # the sheet's row number (1 = the first row)
    column: str  # the header as the template writes it ("" for the whole row or sheet)
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", cut_quotes(self.message))
        object.__setattr__(self, "column", cut_quotes(self.column))

    def __str__(self) -> str:
        where = f"Рядок {self.row}" + (f", стовпець «{self.column}»" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class TypeInfo:
    id: int
    name: str
    degrees: int
    issues_certificate: bool
    act_kind: str
    pattern: str = "{n}"


@dataclass
class ImportRow:
    row: int
    person: PersonInput
    award_type: TypeInfo
    degree: int | None
    act_kind: str
    act_number: str
    act_date: dt.date | None
    certificate_number: str | None
    presented_on: dt.date | None
    notes: str
    person_id: int | None = None  # filled when matched with the register
    person_is_new: bool = True
    person_key: tuple[str, dt.date | None] = ("", None)  # folded full name and birth date

    def __post_init__(self) -> None:
        p = self.person
        self.person_key = (full_name_key(p.surname, p.name, p.patronymic), p.birth_date)


@dataclass
class ImportPlan:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    persons_new: int = 0
    persons_matched: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportRejected(UserError):
    exit_code = 1

    def __init__(self, problems: Sequence[ImportProblem]):
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"Імпорт скасовано, нічого не записано. Помилок: {len(problems)}.\n{lines}")
        self.problems = list(problems)


# -- reading -----------------------------------------------------------------------------------
def read_sheet(path: str | Path) -> tuple[list[Any], list[tuple], int]:
    """The header row, the data rows and the header's row number, from the workbook's first sheet
    (read-only, values only).

    The header is the first of the top rows that holds «Прізвище»; rows before it are titles."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise UserError(f"Файл «{path}» не знайдено.")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise UserError(f"Файл «{path.name}» не є книгою Excel (.xlsx) або пошкоджений ({explain(exc)}).") from None
    except Exception as exc:  # zipfile.BadZipFile and friends: still the user's file
        raise UserError(f"Файл «{path.name}» не вдається прочитати як .xlsx ({explain(exc)}).") from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header: list[Any] = []
        skipped = 0
        for row in rows:
            skipped += 1
            if any(header_key(v) == header_key(COLUMNS["surname"]) for v in row):
                header = list(row)
                break
            if skipped >= HEADER_SEARCH_ROWS:
                break
        data = [tuple(r) for r in rows] if header else []
    finally:
        workbook.close()
    return header, data, skipped


def catalog_of(db: Database) -> dict[str, TypeInfo]:
    with db.reading() as session:
        return {t.name_key: TypeInfo(t.id, t.name, t.degrees, t.issues_certificate, t.act_kind, t.number_pattern)
                for t in session.scalars(select(AwardType))}


# -- validation (pure) -------------------------------------------------------------------------
def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value:%d.%m.%Y}"
    return " ".join(str(value).split())


def _date(value: Any) -> dt.date | None:
    """A date cell: a real date, dd.mm.yyyy text, or a bare Excel serial number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        if not 1 <= value < 2_958_466:
            raise ValueError(f"число {value} не є датою")
        value = from_excel(value)
    return parse_date(value)


def _clean_name(value: Any, column: str, problems: list, row: int, required: bool) -> str:
    text = _text(value)
    if required and not text:
        problems.append(ImportProblem(row, column, "не заповнено"))
    if len(text) > 120:
        problems.append(ImportProblem(row, column, "не довше 120 знаків"))
    elif _BAD_NAME.search(text):
        problems.append(ImportProblem(row, column, f"«{text[:40]}»: цифри й службові символи в імені не допускаються"))
    return text


def validate_rows(header: Sequence[Any], rows: Iterable[Sequence[Any]], catalog: dict[str, TypeInfo],
                  first_row: int = 2) -> ImportPlan:
    """Check and parse the cells. ``catalog``: award types by ``type_key(name)``; ``first_row``: the
    sheet's number of the first data row (for messages)."""
    plan = ImportPlan()
    problems = plan.problems
    header_row = first_row - 1
    index: dict[str, int] = {}
    for i, title in enumerate(header or ()):
        key = header_key(title)
        if not key:
            continue
        name = _HEADER_FIELDS.get(key)
        if name is None:
            plan.warnings.append(ImportProblem(header_row, _text(title)[:60], "невідомий стовпець, його пропущено"))
        elif name in index:
            problems.append(ImportProblem(header_row, COLUMNS[name], "стовпець повторюється"))
        else:
            index[name] = i
    if not header:
        problems.append(ImportProblem(1, "", "не знайдено рядка заголовків зі стовпцем «Прізвище»"))
        return plan
    for name in REQUIRED:
        if name not in index:
            problems.append(ImportProblem(header_row, COLUMNS[name], "немає обов’язкового стовпця"))
    if problems:
        return plan

    def cell(values: Sequence[Any], name: str) -> Any:
        i = index.get(name)
        return values[i] if i is not None and i < len(values) else None

    count = 0
    for number, values in enumerate(rows, start=first_row):
        values = tuple(values or ())
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        count += 1
        row_problems: list[ImportProblem] = []

        def parsed(name: str, parser):
            try:
                return parser(cell(values, name))
            except ValueError as exc:
                row_problems.append(ImportProblem(number, COLUMNS[name], str(exc)))
            except Exception:  # a value of a kind nobody expected: still a message, not a crash
                row_problems.append(ImportProblem(number, COLUMNS[name], "значення не розпізнано"))
            return None

        surname = _clean_name(cell(values, "surname"), COLUMNS["surname"], row_problems, number, True)
        name = _clean_name(cell(values, "name"), COLUMNS["name"], row_problems, number, False)
        patronymic = _clean_name(cell(values, "patronymic"), COLUMNS["patronymic"], row_problems, number, False)
        texts = {}
        for key in ("workplace", "position", "act_number", "certificate_number", "notes"):
            text = _text(cell(values, key))
            if key in ("act_number", "certificate_number"):
                text = text.lstrip("№ ").strip()
            if len(text) > MAX_TEXT[key]:
                row_problems.append(ImportProblem(number, COLUMNS[key], f"не довше {MAX_TEXT[key]} знаків"))
            if _CONTROL.search(text):
                row_problems.append(ImportProblem(number, COLUMNS[key], "містить службові символи"))
            texts[key] = text
        sex = parsed("sex", lambda v: parse_sex(_text(v)))
        birth_date = parsed("birth_date", _date)
        act_date = parsed("act_date", _date)
        presented_on = parsed("presented_on", _date)
        degree = parsed("degree", parse_degree)
        act_kind = parsed("act_kind", lambda v: parse_act_kind(_text(v)))
        award_text = _text(cell(values, "award"))
        award_type = catalog.get(type_key(award_text)) if award_text else None
        if not award_text:
            row_problems.append(ImportProblem(number, COLUMNS["award"], "не заповнено"))
        elif award_type is None:
            row_problems.append(ImportProblem(number, COLUMNS["award"],
                                              f"відзнаки «{award_text[:80]}» немає в довіднику"))
        else:
            if award_type.degrees and degree is None and not any(p.column == COLUMNS["degree"] for p in row_problems):
                row_problems.append(ImportProblem(number, COLUMNS["degree"],
                                                  f"для відзнаки «{award_type.name}» потрібен ступінь"))
            if degree is not None and not award_type.degrees:
                row_problems.append(ImportProblem(number, COLUMNS["degree"],
                                                  f"відзнака «{award_type.name}» не має ступенів"))
            elif degree is not None and degree > award_type.degrees:
                row_problems.append(ImportProblem(number, COLUMNS["degree"],
                                                  f"відзнака «{award_type.name}» має ступені лише до "
                                                  f"{award_type.degrees}"))
            if texts["certificate_number"] and not award_type.issues_certificate:
                row_problems.append(ImportProblem(number, COLUMNS["certificate_number"],
                                                  f"до відзнаки «{award_type.name}» посвідчення не видається"))
        today = dt.date.today()
        if birth_date and birth_date > today:
            row_problems.append(ImportProblem(number, COLUMNS["birth_date"], "дата народження в майбутньому"))
        if row_problems:
            problems.extend(row_problems)
            continue
        person = PersonInput(surname, name, patronymic, sex, birth_date, texts["workplace"], texts["position"])
        plan.rows.append(ImportRow(number, person, award_type, degree, act_kind or award_type.act_kind,
                                   texts["act_number"], act_date, texts["certificate_number"] or None,
                                   presented_on, texts["notes"]))
    if count == 0:
        problems.append(ImportProblem(first_row, "", "на аркуші немає жодного рядка з даними"))
    seen: dict[tuple[int, str], int] = {}
    for r in plan.rows:
        if r.certificate_number:
            key = (r.award_type.id, r.certificate_number)
            if key in seen:
                problems.append(ImportProblem(r.row, COLUMNS["certificate_number"],
                                              f"№{r.certificate_number} уже є в рядку {seen[key]} цього файлу"))
            else:
                seen[key] = r.row
    problems.sort(key=lambda p: p.row)
    return plan


# -- checks against the register ---------------------------------------------------------------
def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _check_against_register(db: Database, plan: ImportPlan) -> None:
    from kr_desktop.services.awards import rule_settings

    with db.reading() as session:
        # certificate numbers ever issued
        numbers = sorted({r.certificate_number for r in plan.rows if r.certificate_number})
        taken: set[tuple[int, str]] = set()
        for chunk in _chunks(numbers):
            taken.update(session.execute(select(IssuedCertificate.award_type_id, IssuedCertificate.number)
                                         .where(IssuedCertificate.number.in_(chunk))).all())
        for r in plan.rows:
            if r.certificate_number and (r.award_type.id, r.certificate_number) in taken:
                plan.problems.append(ImportProblem(
                    r.row, COLUMNS["certificate_number"],
                    f"посвідчення №{r.certificate_number} ({r.award_type.name}) вже видавалося: номери не "
                    "використовуються повторно"))
        # persons already in the register: same name (case, apostrophes ignored), same birth date if known
        keys = sorted({r.person_key[0] for r in plan.rows})
        existing: dict[str, list[tuple[int, dt.date | None, bool, dt.date | None]]] = {}
        for chunk in _chunks(keys):
            for pid, key, born, dead, died in session.execute(
                    select(Person.id, Person.name_key, Person.birth_date, Person.deceased, Person.death_date)
                    .where(Person.name_key.in_(chunk)).order_by(Person.id)):
                existing.setdefault(key, []).append((pid, born, dead, died))
        deceased: dict[int, tuple[bool, dt.date | None]] = {}
        for r in plan.rows:
            key, born = r.person_key
            candidates = existing.get(key, [])
            exact = [c for c in candidates if born and c[1] == born]
            loose = [c for c in candidates if not born or c[1] is None]
            match = (exact or loose or [None])[0]
            if match:
                r.person_id, r.person_is_new = match[0], False
                deceased[match[0]] = (match[2], match[3])
        held: dict[int, list[rules.HeldAward]] = {}
        ids = sorted(deceased)
        for chunk in _chunks(ids):
            for row in session.execute(select(Award.person_id, Award.award_type_id, Award.degree, Award.act_date,
                                              Award.presented_on).where(Award.person_id.in_(chunk),
                                                                        Award.revoked_on.is_(None))):
                held.setdefault(row[0], []).append(rules.HeldAward(*row[1:]))
    # rules: «забороняти» stops the import, «попереджати» is listed
    levels, years = rule_settings(db)
    held_in_file: dict[Any, list[rules.HeldAward]] = {}
    new_keys: set = set()
    for r in plan.rows:
        who = r.person_id if r.person_id else r.person_key
        if r.person_id is None:
            new_keys.add(r.person_key)
        dead, died = deceased.get(r.person_id, (False, None)) if r.person_id else (False, None)
        candidate = rules.Candidate(r.award_type.id, r.award_type.name, r.award_type.degrees, r.degree, r.act_date,
                                    r.presented_on, False, dead, died)
        previous = held.get(r.person_id, []) if r.person_id else []
        for finding in rules.check_award(candidate, previous + held_in_file.get(who, []), levels, years):
            target = plan.problems if finding.forbidden else plan.warnings
            target.append(ImportProblem(r.row, "", finding.message))
        held_in_file.setdefault(who, []).append(rules.HeldAward(r.award_type.id, r.degree, r.act_date,
                                                                r.presented_on))
    plan.persons_new = len(new_keys)
    plan.persons_matched = len({r.person_id for r in plan.rows if r.person_id})
    plan.problems.sort(key=lambda p: p.row)


def preview_import(db: Database, path: str | Path) -> ImportPlan:
    """Everything the import would do, and every problem; nothing is written."""
    header, data, header_row = read_sheet(path)
    checkpoint()  # the window's «Скасувати» (kr_desktop.cancel): nothing written yet
    plan = validate_rows(header, data, catalog_of(db), first_row=header_row + 1)
    checkpoint()
    if plan.rows and not plan.problems:
        _check_against_register(db, plan)
    return plan


# -- writing -----------------------------------------------------------------------------------
def _dumps(values: dict) -> str:
    # dates as ISO text, as the session journal writes them
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def _bulk_insert(connection, table, rows: list[dict]) -> list[int]:
    """Insert rows in one executemany and return their ids in order.

    SQLite: ids are assigned here (one above the highest) after the write lock is taken, so the
    insert is one executemany (RETURNING in sorted order costs one statement per row there).
    Other databases: INSERT … RETURNING in parameter order."""
    if not rows:
        return []
    if connection.dialect.name == "sqlite":
        # a write statement takes SQLite's write lock: nobody else can insert until we commit
        connection.execute(table.update().where(sa_false()).values(id=table.c.id))
        start = (connection.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(start, start + len(rows)))
        for row_id, row in zip(ids, rows):
            row["id"] = row_id
        with indexed_in_bulk(connection, table.name, ids[0], ids[-1]):  # the name search index, at once
            connection.execute(table.insert(), rows)
        for row in rows:
            del row["id"]
        return ids
    return connection.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True),
                              rows).scalars().all()


def import_awards(db: Database, path: str | Path, dry_run: bool = False) -> ImportPlan:
    """Import the sheet: all rows in one transaction, or nothing (``ImportRejected`` lists why)."""
    require(db, OPERATOR)
    plan = preview_import(db, path)
    if plan.problems:
        raise ImportRejected(plan.problems)
    if dry_run:
        return plan
    with db.changing(f"Імпорт відзнак з файлу {Path(path).name}") as session:
        connection = session.connection()
        info = journal_info(session)
        now = dt.datetime.now().replace(microsecond=0)
        journal: list[dict] = []

        def log(table: str, record_id: int, values: dict) -> None:
            journal.append(dict(changeset=info["changeset"], at=now, actor=info.get("actor", ""),
                                label=info.get("label", ""), operation="insert", table_name=table,
                                record_id=str(record_id), before=None, after=_dumps(values), undo_of=None))

        new_people: dict[tuple, int] = {}
        person_rows, person_keys = [], []
        for r in plan.rows:
            if r.person_id is None and r.person_key not in new_people:
                new_people[r.person_key] = -1
                values = person_values(r.person)
                values.update(deceased=False, version=1)
                person_rows.append(values)
                person_keys.append(r.person_key)
        if person_rows:
            ids = _bulk_insert(connection, Person.__table__, person_rows)
            for key, pid, values in zip(person_keys, ids, person_rows):
                new_people[key] = pid
                log("person", pid, values)
        award_rows = []
        for r in plan.rows:
            if r.person_id is None:
                r.person_id = new_people[r.person_key]
            award_rows.append(dict(person_id=r.person_id, award_type_id=r.award_type.id, degree=r.degree,
                                   act_kind=r.act_kind, act_number=r.act_number, act_date=r.act_date,
                                   nominated_by="", nomination_date=None, certificate_number=r.certificate_number,
                                   presented_on=r.presented_on, amount=None, posthumous=False, revoked_act="",
                                   revoked_on=None, revocation_reason="", notes=r.notes, version=1))
        award_ids = _bulk_insert(connection, Award.__table__, award_rows)
        ledger = []
        for r, award_id, values in zip(plan.rows, award_ids, award_rows):
            log("award", award_id, values)
            if r.certificate_number:
                ledger.append(dict(award_type_id=r.award_type.id, number=r.certificate_number, award_id=award_id,
                                   sequence=rules.parse_number(r.award_type.pattern, r.certificate_number),
                                   holder=display_name(r.person.surname, r.person.name, r.person.patronymic)))
        if ledger:
            connection.execute(IssuedCertificate.__table__.insert(), ledger)
        # Presented awards take their materials from stock, as an award saved in the window does.
        from kr_desktop.db.models import StockMovement
        from kr_desktop.services.stock import issue_rows_for_awards

        issues = issue_rows_for_awards(session, [(award_id, r.award_type.id, r.degree, r.presented_on)
                                                 for r, award_id in zip(plan.rows, award_ids)])
        if issues:
            for movement_id, values in zip(_bulk_insert(connection, StockMovement.__table__, issues), issues):
                log("stock_movement", movement_id, values)
        if journal:
            connection.execute(JournalEntry.__table__.insert(), journal)
        checkpoint()  # cancelled now: the transaction rolls back, no row stays
    return plan


# -- template ----------------------------------------------------------------------------------
def write_template(path: str | Path) -> Path:
    """An empty import sheet with the headers, and a sheet of hints on the accepted values."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Відзнаки"
    sheet.append(list(COLUMNS.values()))
    for i, title in enumerate(COLUMNS.values(), start=1):
        sheet.cell(row=1, column=i).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(i)].width = max(14, len(title) + 4)
    sheet.freeze_panes = "A2"
    hints = workbook.create_sheet("Довідка")
    for line in (
            ("Обов’язкові стовпці", "Прізвище, Відзнака (і Ступінь — для відзнак зі ступенями)"),
            ("Відзнака", "назва з довідника відзнак; регістр і лапки не важливі"),
            ("Ступінь", "І, ІІ, ІІІ (або I, II, III, або 1, 2, 3); І — найвищий"),
            ("Вид документа", "рішення міської ради / рішення виконкому / розпорядження міського голови"),
            ("Дати", "дата Excel або текст дд.мм.рррр"),
            ("Стать", "ч або ж"),
            ("Особа", "якщо особа вже є в реєстрі (те саме ім’я і дата народження), її не буде продубльовано"),
            ("Імпорт", "усе або нічого: за будь-якої помилки нічого не записується")):
        hints.append(line)
    hints.column_dimensions["A"].width = 22
    hints.column_dimensions["B"].width = 100
    workbook.save(path)
    return path


__all__ = ["COLUMNS", "ImportPlan", "ImportProblem", "ImportRejected", "ImportRow", "TypeInfo", "catalog_of",
           "header_key", "import_awards", "preview_import", "read_sheet", "validate_rows", "write_template"]
