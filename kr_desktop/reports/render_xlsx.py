"""ReportDocument → XLSX (openpyxl): real number and date cells, frozen header, print set-up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart as XlBarChart
from openpyxl.chart import Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kr_desktop.reports import document as d
from kr_desktop.reports.xlsx_cells import safe_text_cell
from kr_desktop.text.control_chars import printable
from kr_desktop.text.formatting import round_money

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GREY = PatternFill("solid", fgColor="F0F0F0")
NUMBER_FORMATS = {"money": "#,##0.00", "int": "#,##0", "percent": "0.0", "date": "DD.MM.YYYY"}


def _put(sheet, row: int, column: int, value, kind: str = "text", places: int = 2):
    """A cell of the report: numbers and dates typed, every text through safe_text_cell (never a
    live formula)."""
    if isinstance(value, Decimal):
        # openpyxl writes Decimal as a number; round half-up as the printed forms do
        value = round_money(value, places) if kind == "money" else value
    if isinstance(value, (int, float, Decimal, dt.date)) or value is None:
        cell = sheet.cell(row=row, column=column)
        cell.value = value
        return cell
    return safe_text_cell(sheet, row, column, value)


def render_xlsx(document: d.ReportDocument, path: Path | str) -> Path:
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (document.title[:31] or "Звіт").replace("/", "-")
    sheet.page_setup.orientation = document.orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.right.text = "Сторінка &P з &N"
    widest = max((len(t.columns) for t in document.tables()), default=1)
    if document.tables():
        first = document.tables()[0]
        total = sum(c.weight for c in first.columns)
        for i, column in enumerate(first.columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = max(8, 110 * column.weight / total)
    row = 1
    places = document.money_places
    money_format = "#,##0" + ("." + "0" * places if places else "")
    froze = False
    for block in document.blocks:
        if isinstance(block, (d.Heading, d.Para)):
            cell = _put(sheet, row, 1, block.text)
            cell.font = Font(name=FONT, bold=isinstance(block, d.Heading) or block.bold,
                             size=12 if isinstance(block, d.Heading) else 11)
            cell.alignment = Alignment(wrap_text=True, vertical="top",
                                       horizontal="center" if isinstance(block, d.Heading) and block.level == 1 else "left")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=widest)
            lines = max(1, len(block.text) // 120 + 1)
            sheet.row_dimensions[row].height = 15 * lines
            row += 1
        elif isinstance(block, d.TableBlock):
            for i, column in enumerate(block.columns, start=1):
                cell = _put(sheet, row, i, column.title)
                cell.font = Font(name=FONT, bold=True)
                cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
                cell.border = BORDER
            if not froze:
                sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
                sheet.print_title_rows = f"{row}:{row}"
                froze = True
            row += 1
            for r in block.rows:
                bold = r.style in ("group", "subgroup", "total")
                if r.spans_all:
                    cell = _put(sheet, row, 1, str(r.cells[0]))
                    cell.font = Font(name=FONT, bold=True)
                    cell.fill = GREY
                    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(block.columns))
                    row += 1
                    continue
                for i, (value, column) in enumerate(zip(r.cells, block.columns), start=1):
                    cell = _put(sheet, row, i, value, column.kind, places)
                    cell.font = Font(name=FONT, bold=bold, italic=r.style == "muted")
                    cell.border = BORDER
                    cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
                    if column.kind == "money":
                        cell.number_format = money_format
                    elif column.kind in NUMBER_FORMATS:
                        cell.number_format = NUMBER_FORMATS[column.kind]
                    elif isinstance(value, dt.date):
                        cell.number_format = NUMBER_FORMATS["date"]
                    if r.style == "total":
                        cell.fill = GREY
                row += 1
            row += 1
        elif isinstance(block, d.BarChart):
            row = _chart(sheet, block, row)
        elif isinstance(block, d.SignatureBlock):
            row += 1
            for signature in block.signatures:
                _put(sheet, row, 1, signature.position).font = Font(name=FONT)
                _put(sheet, row, max(widest, 2), signature.name).font = Font(name=FONT)
                row += 1
            if block.executor_line:
                row += 1
                _put(sheet, row, 1, block.executor_line).font = Font(name=FONT, size=9)
                row += 1
        elif isinstance(block, (d.PageBreak, d.Spacer)):
            from openpyxl.worksheet.pagebreak import Break

            if isinstance(block, d.PageBreak):
                sheet.row_breaks.append(Break(id=row - 1))
            row += 1
    workbook.properties.title = printable(document.title)
    workbook.properties.creator = printable(document.author)
    workbook.save(str(path))
    return path


def _chart(sheet, block: d.BarChart, row: int) -> int:
    """The chart's data as a small table (real numbers) and an Excel bar chart over it."""
    top = row
    _put(sheet, row, 1, block.title).font = Font(name=FONT, bold=True)
    row += 1
    sheet.cell(row=row, column=1, value="")
    for s, (name, _values) in enumerate(block.series, start=2):
        _put(sheet, row, s, name).font = Font(name=FONT, bold=True)
    for g, category in enumerate(block.categories):
        _put(sheet, row + 1 + g, 1, category)
        for s, (_name, values) in enumerate(block.series, start=2):
            cell = sheet.cell(row=row + 1 + g, column=s, value=values[g])
            cell.number_format = "#,##0.00"
    chart = XlBarChart()
    chart.title = block.title
    chart.y_axis.title = block.value_label
    data = Reference(sheet, min_col=2, max_col=1 + len(block.series), min_row=row, max_row=row + len(block.categories))
    categories = Reference(sheet, min_col=1, min_row=row + 1, max_row=row + len(block.categories))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.width, chart.height = 24, 10
    sheet.add_chart(chart, f"{get_column_letter(len(block.series) + 3)}{top}")
    return row + len(block.categories) + 22
