"""An annex table's header: which grid column holds what (number, direction, measure's text,
deadline, executors, source, each year, «Усього», expected results), read from the heading words;
and the row of bare column numbers that repeats after a page break."""

from __future__ import annotations

from dataclasses import dataclass, field

from kr_desktop.services.program.docx_import.blocks import Row, Table
from kr_desktop.services.program.docx_import.cells import YEAR, folded

TOTALS = ("усього", "разом", "всього")
ROLE_NAMES = {"number": "№ п/п", "direction": "Назва напряму", "text": "Перелік заходів", "deadline": "Строк виконання",
              "executors": "Виконавці", "source": "Джерела фінансування", "total": "Усього",
              "results": "Очікувані результати"}


@dataclass
class Columns:
    roles: dict[str, int] = field(default_factory=dict)  # role → grid column
    years: dict[int, int] = field(default_factory=dict)  # grid column → year
    header_rows: int = 0

    def role_of(self, col: int) -> str | None:
        if col in self.years:
            return f"year:{self.years[col]}"
        return next((role for role, c in self.roles.items() if c == col), None)

    def name(self, col: int) -> str:
        role = self.role_of(col)
        if role is None:
            return f"стовпець {col + 1}"
        if role.startswith("year:"):
            return f"стовпець «{role[5:]}»"
        return f"стовпець «{ROLE_NAMES[role]}»"


def _role(text: str) -> str | None:
    t = folded(text)
    if not t:
        return None
    if "строк" in t or "термін" in t:
        return "deadline"
    if "виконав" in t:
        return "executors"
    if "джерел" in t:
        return "source"
    if "очікуван" in t or "результат" in t:
        return "results"
    if "напрям" in t or "завдан" in t:
        return "direction"
    if "захід" in t or "заход" in t or "перелік" in t:
        return "text"
    if t.startswith("№") or "п/п" in text or t in ("№", "n", "з/п"):
        return "number"
    if t.startswith(TOTALS):
        return "total"
    return None


def is_number_row(row: Row) -> bool:
    texts = [c.one_line for c in row.cells if c.text]
    return len(texts) >= 3 and texts == [str(i) for i in range(int(texts[0]), int(texts[0]) + len(texts))] \
        if texts and texts[0].isdigit() else False


def read_columns(table: Table) -> Columns | None:
    """The column roles from the table's header rows; None when the table is no annex table."""
    columns = Columns()
    for row in table.rows[:4]:
        if is_number_row(row):
            columns.header_rows = row.number
            break
        if any(len(c.text) > 100 for c in row.cells):
            break  # a measure's text: the header has ended
        found = False
        for cell in row.cells:
            text = cell.one_line
            if YEAR.match(text) and cell.span == 1:
                columns.years[cell.col] = int(text)
                found = True
                continue
            role = _role(text)
            if role == "total" and cell.col < 3:
                role = None
            if role and role not in columns.roles:
                columns.roles[role] = cell.col
                found = True
            elif "обсяг" in folded(text) or "за роками" in folded(text):
                found = True
        if not found and not all(c.continues or not c.text for c in row.cells):
            break
        columns.header_rows = row.number
    if "text" not in columns.roles or not ({"deadline", "executors"} & set(columns.roles)):
        return None
    return columns
