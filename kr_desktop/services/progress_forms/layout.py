"""The executor's progress form: where everything stands in the workbook, shared by the export
(which writes it) and the import (which reads it back and recognises it).

Sheet «Звіт»: a title naming the period, the executor, the due date, the responsible person (to
fill), then one row per measure — number, text, deadline and planned amount prefilled and
protected; status (a list), what was done, cash spent since 1 January per funding source and the
reasons to fill. Sheet «Інструкція»: how to fill it. A very hidden, protected sheet holds the
form's record (executor, period, measures and the prefilled values) and its signature by the
database (see signing.py), so a returned form is recognised and any change outside the fill-in
cells is found.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Sequence

from kr_desktop.domain.periods import Period
from kr_desktop.domain.progress import STATUS_LABELS, Status, status_keys_hint
from kr_desktop.text.formatting import format_date_long, format_half_year, format_money

FORMAT = 1
FORM_SHEET = "Звіт"
GUIDE_SHEET = "Інструкція"
META_SHEET = "kr_desktop"
META_MARK = "kr_desktop: форма звіту виконавця"
TITLE_ROW, EXECUTOR_ROW, DUE_ROW, REPORTER_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4, 6, 7
REPORTER_COLUMN = 3  # C4: «Відповідальна особа (ПІБ, телефон)» is typed here
REPORTER_LABEL = "Відповідальна особа (прізвище, ім’я, телефон):"
MAX_FILE_BYTES = 10 * 1024 * 1024  # a form of forty rows is ~20 KB; anything near this is not one
FILL_COLOUR = "FFF7D6"
HEADER_COLOUR = "E8EEF7"


@dataclass(frozen=True)
class FormColumn:
    key: str  # number, text, deadline, plan:<source>, status, narrative, amount:<source>, reasons
    title: str
    width: float
    fill: bool  # a cell the executor fills (unlocked)
    kind: str = "text"  # text, money, status


def form_columns(sources: Sequence[tuple[int, str]], year: int) -> list[FormColumn]:
    """The form's columns for the stage's funding sources ``(id, short name)``."""
    columns = [FormColumn("number", "№ з/п", 7, False), FormColumn("text", "Захід Програми", 48, False),
               FormColumn("deadline", "Строк виконання", 18, False)]
    columns += [FormColumn(f"plan:{i}", f"Передбачено на {year} рік, грн ({name})", 17, False, "money")
                for i, name in sources]
    columns += [FormColumn("status", "Стан виконання (оберіть зі списку)", 17, True, "status"),
                FormColumn("narrative", "Що зроблено (заходи, показники)", 48, True)]
    columns += [FormColumn(f"amount:{i}", f"Касові видатки з 1 січня {year} року, грн ({name})", 18, True, "money")
                for i, name in sources]
    columns.append(FormColumn("reasons", "Причини невиконання (для «не виконано» — обов’язково)", 34, True))
    return columns


def column_letter(number: int) -> str:
    """1 → A, 27 → AA (as openpyxl.utils.get_column_letter, without loading openpyxl)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def title(period: Period, program: str) -> str:
    """The form's title; ``program`` in the genitive («Програми сприяння …»)."""
    return f"Інформація про виконання заходів {program} за {format_half_year(period.year, period.half)}"


def executor_line(executor: str) -> str:
    return f"Виконавець: {executor}"


def due_line(period: Period) -> str:
    return (f"Подати до {format_date_long(period.due)}. Заповнюйте лише жовті клітинки; порядок заповнення — на "
            f"аркуші «{GUIDE_SHEET}».")


STATUS_LIST = ",".join(STATUS_LABELS[s] for s in Status)  # the drop-down list (under 255 characters)


def guide_lines(executor: str, period: Period, sources: Sequence[tuple[int, str]]) -> list[str]:
    names = ", ".join(name for _i, name in sources)
    return [
        f"Як заповнити форму звіту ({format_half_year(period.year, period.half)})",
        "",
        f"1. Виконавець: {executor}. У формі — заходи Програми, які виконує ваш підрозділ; номер, зміст, "
        "строк і передбачені суми заповнено програмою і змінити їх не можна.",
        "2. Для кожного заходу в жовтих клітинках оберіть стан виконання зі списку (клацніть клітинку — "
        f"праворуч з’явиться стрілка): {', '.join(STATUS_LABELS[s] for s in Status)}.",
        "3. «Що зроблено»: що саме виконано за період, кількісні показники. Новий рядок у клітинці — Alt+Enter.",
        f"4. Касові видатки — фактично профінансовані суми з 1 січня {period.year} року до кінця звітного "
        f"періоду, окремо за джерелом ({names}); лише числа, наприклад 1391386,00. Формули не допускаються.",
        "5. Для стану «не виконано» обов’язково вкажіть причини невиконання.",
        "6. Якщо заходом цього разу не звітуєте, залиште його рядок порожнім.",
        f"7. Угорі форми вкажіть відповідальну особу і телефон. Збережіть файл у форматі .xlsx (не змінюючи "
        f"назви аркушів) і надішліть до {format_date_long(period.due)}.",
        "",
        "Форму буде прийнято програмою автоматично: рядок із помилкою (невідомий стан, текст замість суми, "
        "формула, змінена заповнена програмою клітинка) поверне всю форму на виправлення з переліком рядків "
        "і стовпців.",
        f"Ключі станів у програмі kr_desktop: {status_keys_hint()}.",
    ]


def money_text(value: Decimal) -> str:
    return f"{value:.2f}"


def plan_cell(own: Decimal | None, direction_number: int, direction: Decimal | None):
    """The planned amount shown for a measure: its own (a number), or the direction's it is part of."""
    if own is not None:
        return own
    if direction is not None:
        return f"у межах напряму {direction_number}: {format_money(direction)}"
    return ""


def canonical(value: Any) -> str:
    """A cell's value as the form's record keeps it (what was written, read back the same way)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        try:
            return money_text(Decimal(str(value)).quantize(Decimal("0.01")))
        except ArithmeticError:
            return str(value)
    return str(value)


def cell_digest(value: Any) -> str:
    """A prefilled cell in the form's record: a digest of its value (the record stays small — a
    cell holds at most 32,767 characters — and still tells which cell was changed)."""
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()[:12]


@dataclass
class FormRecord:
    """What the form was made of: written into its hidden sheet and signed."""

    database: str
    executor_id: int
    executor: str
    year: int
    half: int
    program: str
    sources: list  # [source id, short name] of the amount columns
    columns: list[str]  # column keys, in order
    # {"row", "measure_id", "number", "values": [digest of each prefilled cell, in column order]}
    rows: list[dict] = field(default_factory=list)
    format: int = FORMAT

    @property
    def period(self) -> Period:
        return Period(self.year, self.half)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> "FormRecord":
        return cls(**{key: raw[key] for key in ("database", "executor_id", "executor", "year", "half", "program",
                                                  "sources", "columns", "rows", "format")})


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def short_name(name: str, short: str = "") -> str:
    """The name a form's file carries: the directory's short name, else the unit's name without
    the trailing «виконкому міської ради» and the like."""
    if short.strip():
        return short.strip()
    text = " ".join(name.split())
    for tail in (" виконкому міської ради", " апарату міської ради і виконкому", " міської ради"):
        if text.endswith(tail) and len(text) > len(tail) + 10:
            text = text[: -len(tail)]
            break
    return text


def file_name(stem: str, period: Period) -> str:
    """«Управління преси, інформаційної діяльності… — I півріччя 2026.xlsx», safe on Windows too."""
    clean = " ".join(_UNSAFE.sub("_", stem).split()).strip(" .")[:90].rstrip(" .") or "Виконавець"
    return f"{clean} — {'I' if period.half == 1 else 'II'} півріччя {period.year}.xlsx"
