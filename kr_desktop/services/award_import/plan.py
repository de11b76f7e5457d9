"""What an import is made of: the sheet's columns, the problems found (row, column, message),
the parsed rows and the plan that preview and import return."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from kr_desktop.errors import UserError
from kr_desktop.services.persons import PersonInput, full_name_key
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


def header_key(text: Any) -> str:
    """A header folded: case, spaces and the apostrophe form do not matter."""
    return "".join(search_key(str(text or "")).split()).strip(".:*")


HEADER_FIELDS = {header_key(title): name for name, title in COLUMNS.items()}


QUOTE_LIMIT = 60  # a cell value repeated in a message: its first 60 characters, then «…»
_LONG_QUOTE = re.compile("«([^«»]{%d})[^«»]+»" % QUOTE_LIMIT)


def cut_quotes(message: str) -> str:
    """Quoted cell values in a message cut to QUOTE_LIMIT characters with «…»: a huge cell must
    not be repeated in full in the list of errors."""
    message = _LONG_QUOTE.sub(lambda m: f"«{m.group(1)}…»", str(message))
    return message if len(message) <= 4 * QUOTE_LIMIT else message[:4 * QUOTE_LIMIT] + "…"


@dataclass(frozen=True)
class BadCell:
    """A cell the workbook reader will not take at its value (a formula, an Excel error, an
    over-long text): the validation makes it a row error with ``message`` (Ukrainian)."""

    message: str


@dataclass(frozen=True)
class ImportProblem:
    row: int  # the sheet's row number (1 = the first row)
    column: str  # the header as the template writes it ("" for the whole row or sheet)
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", cut_quotes(self.message))
        object.__setattr__(self, "column", cut_quotes(self.column))

    def __str__(self) -> str:
        if not self.row:  # the whole workbook (row 0)
            return self.message
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
    ambiguous: bool = False  # several namesakes in the register, and the row cannot tell which
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
