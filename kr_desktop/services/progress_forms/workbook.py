"""The form as an openpyxl workbook: prefilled cells locked and the sheet protected, the fill-in
cells unlocked and yellow, the status a drop-down list, amounts checked as numbers ≥ 0, an
instructions sheet, and the signed record in a very hidden sheet (workbook structure locked)."""

from __future__ import annotations

import math
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from kr_desktop.reports.xlsx_cells import safe_text_cell
from kr_desktop.services.progress_forms import layout as L
from kr_desktop.services.progress_forms import signing

FONT = "Times New Roman"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MONEY_FORMAT = "#,##0.00"


def text_cell(sheet, row: int, column: int, value):
    """A text that stays text (reports.xlsx_cells: a leading = + - @ is no formula); empty: no value."""
    if value is None or value == "":
        return sheet.cell(row=row, column=column)
    return safe_text_cell(sheet, row, column, value)


def _lines(text: str, width: float) -> int:
    chars = max(8, int(width * 1.15))
    return sum(max(1, math.ceil(len(part) / chars)) for part in str(text or "").split("\n"))


def build_workbook(form, key: bytes) -> Workbook:
    columns = L.form_columns(form.sources, form.period.year)
    password = signing.sheet_password(key)
    book = Workbook()
    sheet = book.active
    sheet.title = L.FORM_SHEET
    last = L.column_letter(len(columns))
    heading = Font(name=FONT, size=13, bold=True)
    plain = Font(name=FONT, size=11)
    fill = PatternFill("solid", fgColor=L.FILL_COLOUR)
    wrap = Alignment(wrap_text=True, vertical="top")

    for row, text, font in ((L.TITLE_ROW, L.title(form.period, form.program), heading),
                            (L.EXECUTOR_ROW, L.executor_line(form.executor), Font(name=FONT, size=12, bold=True)),
                            (L.DUE_ROW, L.due_line(form.period), plain)):
        cell = text_cell(sheet, row, 1, text)
        cell.font, cell.alignment = font, Alignment(wrap_text=True, vertical="center")
        sheet.merge_cells(f"A{row}:{last}{row}")
    sheet.row_dimensions[L.TITLE_ROW].height = 36
    label = text_cell(sheet, L.REPORTER_ROW, 1, L.REPORTER_LABEL)
    label.font = plain
    sheet.merge_cells(start_row=L.REPORTER_ROW, start_column=1, end_row=L.REPORTER_ROW,
                      end_column=L.REPORTER_COLUMN - 1)
    reporter = text_cell(sheet, L.REPORTER_ROW, L.REPORTER_COLUMN, form.reporter)
    reporter.fill, reporter.border, reporter.font = fill, BORDER, plain
    reporter.protection = Protection(locked=False)
    sheet.merge_cells(start_row=L.REPORTER_ROW, start_column=L.REPORTER_COLUMN, end_row=L.REPORTER_ROW,
                      end_column=min(len(columns), L.REPORTER_COLUMN + 3))

    for index, column in enumerate(columns, start=1):
        cell = text_cell(sheet, L.HEADER_ROW, index, column.title)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.fill = PatternFill("solid", fgColor=L.HEADER_COLOUR)
        cell.border = BORDER
        sheet.column_dimensions[L.column_letter(index)].width = column.width
    sheet.row_dimensions[L.HEADER_ROW].height = 54

    record = L.FormRecord(signing.database_id(key), form.executor_id, form.executor, form.period.year,
                          form.period.half, form.program, [list(x) for x in form.sources], [c.key for c in columns])
    for offset, data in enumerate(form.rows):
        row = L.FIRST_ROW + offset
        prefilled = []
        for index, column in enumerate(columns, start=1):
            value = _value(data, column.key)
            if column.kind == "money" and isinstance(value, Decimal):
                cell = sheet.cell(row=row, column=index, value=value)
                cell.number_format = MONEY_FORMAT
                cell.alignment = Alignment(vertical="top", horizontal="right")
            else:
                cell = text_cell(sheet, row, index, value)
                cell.alignment = wrap
            cell.font, cell.border = plain, BORDER
            if column.fill:
                cell.fill = fill
                cell.protection = Protection(locked=False)
            else:
                prefilled.append(L.cell_digest(cell.value))  # as written (and so as read back)
        record.rows.append({"row": row, "measure_id": data.measure_id, "number": data.number, "values": prefilled})
        height = max(_lines(_value(data, c.key), c.width) for c in columns if c.kind == "text")
        sheet.row_dimensions[row].height = max(30, 15 * min(height, 25))

    end = L.FIRST_ROW + max(len(form.rows), 1) - 1
    _validations(sheet, columns, end)
    sheet.freeze_panes = f"C{L.FIRST_ROW}"
    sheet.print_title_rows = f"{L.HEADER_ROW}:{L.HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    _protect(sheet, password)
    _guide(book, form, password)
    _record(book, record, key, password)
    book.security = WorkbookProtection(workbookPassword=password, lockStructure=True)
    book.properties.title = L.title(form.period, form.program)
    book.properties.creator = "kr_desktop"
    book.active = 0
    return book


def _value(data, key: str):
    if key in ("number", "text", "deadline", "status", "narrative", "reasons"):
        return getattr(data, key)
    kind, _, source = key.partition(":")
    if kind == "plan":
        return data.plans.get(int(source), "")
    if kind == "amount":
        return data.amounts.get(int(source))
    raise KeyError(key)


def _validations(sheet, columns, end: int) -> None:
    for index, column in enumerate(columns, start=1):
        letter = L.column_letter(index)
        area = f"{letter}{L.FIRST_ROW}:{letter}{end}"
        if column.key == "status":
            rule = DataValidation(type="list", formula1=f'"{L.STATUS_LIST}"', allow_blank=True)
            rule.error = "Оберіть стан виконання зі списку: " + L.STATUS_LIST.replace(",", ", ") + "."
            rule.prompt = "Оберіть стан зі списку (стрілка праворуч від клітинки)."
        elif column.fill and column.kind == "money":
            rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            rule.error = "Введіть суму числом, не менше 0, наприклад 1391386,00 (без формул)."
            rule.prompt = "Касові видатки з 1 січня, грн: лише число."
        else:
            continue
        rule.errorTitle, rule.promptTitle = "Неприпустиме значення", column.title
        rule.showErrorMessage = rule.showInputMessage = True
        rule.add(area)
        sheet.add_data_validation(rule)


def _protect(sheet, password: str) -> None:
    protection = sheet.protection
    protection.sheet = True
    protection.password = password
    protection.formatColumns = False  # widening a column or a row stays allowed
    protection.formatRows = False


def _guide(book, form, password: str) -> None:
    sheet = book.create_sheet(L.GUIDE_SHEET)
    sheet.column_dimensions["A"].width = 120
    for row, line in enumerate(L.guide_lines(form.executor, form.period, form.sources), start=1):
        cell = text_cell(sheet, row, 1, line)
        cell.font = Font(name=FONT, size=12, bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    _protect(sheet, password)


def _record(book, record, key: bytes, password: str) -> None:
    sheet = book.create_sheet(L.META_SHEET)
    text = signing.payload(record.as_dict())
    for row, value in enumerate((L.META_MARK, text, signing.sign(key, text)), start=1):
        text_cell(sheet, row, 1, value)
    sheet.sheet_state = "veryHidden"
    _protect(sheet, password)
