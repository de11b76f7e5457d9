"""Reading a returned form: the workbook checked as a file (size, zip, the hidden record and its
signature), then every cell where the executor may not write compared with what was sent, and the
fill-in cells collected (formulas refused where they stand). Nothing here touches the database.

Errors are collected, each by row and column, so the executor gets the whole list at once; a file
that is not a form at all is refused with one message (UserError).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kr_desktop.errors import UserError
from kr_desktop.services.progress_forms import layout as L
from kr_desktop.services.progress_forms import signing

MAX_ERRORS = 300


@dataclass(frozen=True)
class FormError:
    row: int | None
    column: int | None
    header: str
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"рядок {self.row}")
        if self.column is not None:
            where.append(f"стовпець {L.column_letter(self.column)}" + (f" («{self.header}»)" if self.header else ""))
        place = ", ".join(where)
        return f"{place[:1].upper()}{place[1:]}: {self.message}" if place else self.message


@dataclass
class FormRowCells:
    row: int
    measure_id: int
    number: str
    cells: dict[str, Any]  # fill-in column key → the cell's value (formulas left out: reported)


@dataclass
class ReadForm:
    path: Path
    record: L.FormRecord
    columns: list[L.FormColumn]
    rows: list[FormRowCells]
    reporter: str
    errors: list[FormError] = field(default_factory=list)

    def error(self, row: int | None, column: int | None, message: str) -> None:
        header = self.columns[column - 1].title if column and column <= len(self.columns) else ""
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(FormError(row, column, header, message))


def _checked_file(path: Path) -> None:
    """What cannot be a workbook is refused as the awards import refuses it (a folder, a pipe, an
    old .xls, an encrypted or damaged file, a zip or shared-strings bomb); a form is also small."""
    from kr_desktop.services.award_import.workbook import check_file

    check_file(path)
    if path.stat().st_size > L.MAX_FILE_BYTES:
        raise UserError(f"«{path.name}»: файл завеликий для форми звіту ({path.stat().st_size // 1024} КБ).")


def _record(book, path: Path, key: bytes) -> L.FormRecord:
    not_form = (f"«{path.name}» — не форма звіту kr_desktop (немає її службових даних): заповнюйте форму, "
                "надіслану програмою, і не копіюйте її вміст до іншої книги.")
    if L.META_SHEET not in book.sheetnames or L.FORM_SHEET not in book.sheetnames:
        raise UserError(not_form)
    cells = [row[0] if row else None for row in book[L.META_SHEET].iter_rows(min_row=1, max_row=3, max_col=1,
                                                                            values_only=True)]
    if len(cells) < 3 or cells[0] != L.META_MARK or not isinstance(cells[1], str):
        raise UserError(not_form)
    try:
        raw = json.loads(cells[1])
        record = L.FormRecord.from_dict(raw)
    except (ValueError, KeyError, TypeError):
        raise UserError(f"«{path.name}»: службові дані форми пошкоджено.") from None
    if record.database != signing.database_id(key):
        raise UserError(f"«{path.name}»: форму створено іншою базою даних (іншою копією програми); прийміть її там, "
                        "де її створено, або надішліть виконавцю нову форму.")
    if not signing.verify(key, signing.payload(raw), cells[2]):
        raise UserError(f"«{path.name}»: службові дані форми змінено (виконавець, період або заходи) — таку форму "
                        "не прийнято. Надішліть виконавцю нову форму.")
    if record.format != L.FORMAT:
        raise UserError(f"«{path.name}»: форма іншої версії програми ({record.format}); надішліть нову форму.")
    return record


def read_form(path: Path | str, key: bytes) -> ReadForm:
    from openpyxl import load_workbook

    path = Path(path)
    _checked_file(path)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl raises, it is the user's file
        raise UserError(f"«{path.name}» не вдається прочитати як книгу Excel ({type(exc).__name__}).") from None
    try:
        record = _record(book, path, key)
        columns = L.form_columns([(int(i), str(name)) for i, name in record.sources], record.year)
        form = ReadForm(path, record, columns, [], "")
        sheet = book[L.FORM_SHEET]
        sheet.reset_dimensions()  # every row, whatever the sheet's <dimension> tag claims
        try:
            _cells(sheet, form)
        except UserError:
            raise
        except Exception as exc:  # malformed sheet XML, a broken shared string, an impossible date…
            raise UserError(f"«{path.name}»: аркуш «{L.FORM_SHEET}» пошкоджено, його не вдається прочитати "
                            f"({type(exc).__name__}).") from None
    finally:
        book.close()
    return form


def _value(cell):
    """A cell's value as the user sees it, or a BadCell (a formula, an Excel error, over-long text)."""
    from kr_desktop.services.award_import.workbook import cell_value

    return None if cell is None else cell_value(cell)


def _bad(value) -> bool:
    from kr_desktop.services.award_import.plan import BadCell

    return isinstance(value, BadCell)


def _cells(sheet, form: ReadForm) -> None:
    record, columns = form.record, form.columns
    if [c.key for c in columns] != record.columns:
        raise UserError(f"«{form.path.name}»: службові дані форми пошкоджено (стовпці).")
    width = len(columns)
    by_row = {r["row"]: r for r in record.rows}
    last_row = max(by_row) if by_row else L.FIRST_ROW - 1
    expected = {L.TITLE_ROW: L.title(record.period, record.program), L.EXECUTOR_ROW: L.executor_line(record.executor)}
    heading_cells = {(L.DUE_ROW, 1), (L.REPORTER_ROW, 1)} | {(L.HEADER_ROW, c) for c in range(1, width + 1)}
    seen_rows = set()
    for cells in sheet.iter_rows():
        for cell in cells:
            if getattr(cell, "value", None) is None or not hasattr(cell, "row"):
                continue
            row, column = cell.row, cell.column
            value = _value(cell)
            if _bad(value):
                form.error(row, column, f"{value.message} (формули й посилання у формі не допускаються).")
                continue
            if row < L.FIRST_ROW:
                if row in expected and column == 1:
                    seen_rows.add(row)
                    if str(value) != expected[row]:
                        what = "період" if row == L.TITLE_ROW else "виконавця"
                        form.error(row, column, f"змінено {what}: «{L.canonical(value)[:80]}» — форму створено "
                                                f"як «{expected[row][:120]}».")
                elif row == L.REPORTER_ROW and column == L.REPORTER_COLUMN:
                    form.reporter = L.canonical(value).strip()
                elif (row, column) not in heading_cells:
                    form.error(row, column, "дані поза клітинками форми: приберіть їх.")
                continue  # the form's own words otherwise (changing them changes nothing)
            if row > last_row or column > width or row not in by_row:
                form.error(row, column, "дані поза таблицею форми: додавати рядки чи стовпці не можна.")
    for row in (L.TITLE_ROW, L.EXECUTOR_ROW):
        if row not in seen_rows:
            form.error(row, 1, f"немає {'назви періоду' if row == L.TITLE_ROW else 'виконавця'} форми.")
    _rows(sheet, form, by_row)


def _rows(sheet, form: ReadForm, by_row: dict[int, dict]) -> None:
    columns = form.columns
    for row_number, values in _row_values(sheet, by_row, len(columns)):
        record_row = by_row[row_number]
        digests = iter(record_row["values"])
        fills: dict[str, Any] = {}
        for index, column in enumerate(columns, start=1):
            value = _value(values[index - 1])
            if column.fill:
                if not _bad(value):  # a bad one is reported above
                    fills[column.key] = value
            elif next(digests, None) != L.cell_digest(value) and not _bad(value):
                form.error(row_number, index, "змінено клітинку, заповнену програмою (номер, зміст, строк і "
                                              "передбачені суми змінювати не можна).")
        form.rows.append(FormRowCells(row_number, int(record_row["measure_id"]), str(record_row["number"]), fills))


def _row_values(sheet, by_row: dict[int, dict], width: int):
    """(row number, its first ``width`` cells) of every row the record names, in order."""
    found = {}
    for cells in sheet.iter_rows(min_row=min(by_row, default=L.FIRST_ROW), max_row=max(by_row, default=0),
                                 max_col=width):
        cells = [c for c in cells if hasattr(c, "row")]
        if cells and cells[0].row in by_row:
            row = [None] * width
            for c in cells:
                if c.column <= width:
                    row[c.column - 1] = c
            found[cells[0].row] = row
    for row_number in sorted(by_row):
        yield row_number, found.get(row_number, [None] * width)
