r"""ReportDocument → XLSX (openpyxl): real number and date cells, frozen header, print set-up.

The sheet's name is short and valid (Excel allows 31 characters and none of : ? * [ ] / \); the
document's full title stands in its first row and in the workbook's properties. Amounts are
numbers shown as «1 391 386,00» (the format code #,##0.00 is written in the file's own notation;
a Ukrainian Excel shows it as «# ##0,00»), deviations with their sign («+1 250,00», «−566,67»)."""

from __future__ import annotations

import datetime as dt
import re
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
from kr_desktop.text.wording import typographic

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GREY = PatternFill("solid", fgColor="F0F0F0")
NUMBER_FORMATS = {"money": "#,##0.00", "int": "#,##0", "percent": "0.0", "date": "DD.MM.YYYY"}
MINUS = "\u2212"
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[:?*\[\]/\\]+")


def sheet_title(text: str, taken: set[str] | frozenset = frozenset()) -> str:
    """A valid, short and unique sheet name: the forbidden characters become spaces, the text is cut
    at a word's end within 31 characters, and a number is added when the name is already taken."""
    clean = " ".join(_SHEET_FORBIDDEN.sub(" ", text or "").replace("\u00a0", " ").split()).strip("'") or "Звіт"
    if len(clean) > SHEET_NAME_MAX:
        cut = clean[:SHEET_NAME_MAX + 1].rsplit(" ", 1)[0] if " " in clean[:SHEET_NAME_MAX + 1] else ""
        clean = (cut if len(cut) >= 12 else clean[:SHEET_NAME_MAX]).rstrip(" ,;–-")
    name, n = clean, 1
    lowered = {t.lower() for t in taken}
    while name.lower() in lowered:
        n += 1
        suffix = f" ({n})"
        name = clean[:SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
    return name


def money_format(places: int, signed: bool = False) -> str:
    """#,##0.00; with ``signed`` a plus before a gain and the minus sign U+2212 before a loss."""
    body = "#,##0" + ("." + "0" * places if places else "")
    return f'+{body};"{MINUS}"{body};{body}' if signed else body


def _sheet_text(text: str) -> str:
    """Printed text's typography (apostrophe, dashes, numerals) with plain spaces: a sheet is
    searched and filtered, and nobody types a no-break space into Excel's search box."""
    return typographic(text).replace("\u00a0", " ")


def _in_title(text: str, title: str) -> bool:
    return " ".join(text.casefold().split()) in " ".join(title.casefold().split())


def _title_row(sheet, title: str, width: int) -> int:
    """The document's full title in the first row (merged over the table's width); the next row."""
    cell = safe_text_cell(sheet, 1, 1, title)
    cell.font = Font(name=FONT, bold=True, size=12)
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    sheet.row_dimensions[1].height = 16 * max(1, len(title) // 110 + 1)
    return 2


def _put(sheet, row: int, column: int, value, kind: str = "text", places: int = 2):
    """A cell of the report: numbers and dates typed, every text through safe_text_cell (never a
    live formula)."""
    if isinstance(value, Decimal):
        # openpyxl writes Decimal as a number; round half-up as the printed forms do
        value = round_money(value, places) if kind in ("money", "delta") else value
    if isinstance(value, (int, float, Decimal, dt.date)) or value is None:
        cell = sheet.cell(row=row, column=column)
        cell.value = value
        return cell
    return safe_text_cell(sheet, row, column, _sheet_text(str(value)))


def render_xlsx(document: d.ReportDocument, path: Path | str) -> Path:
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(document.sheet or document.title)
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
    places = document.money_places
    formats = {"money": money_format(places), "delta": money_format(places, signed=True)}
    row = _title_row(sheet, _sheet_text(document.title), widest)
    froze = False
    for block in document.blocks:
        if isinstance(block, d.Heading) and block.level == 1 and _in_title(block.text, document.title):
            continue  # a part of the title: the whole title is the first row
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
                bold = r.bold
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
                    if column.kind in formats:
                        cell.number_format = formats[column.kind]
                    elif column.kind in NUMBER_FORMATS:
                        cell.number_format = NUMBER_FORMATS[column.kind]
                    elif isinstance(value, dt.date):
                        cell.number_format = NUMBER_FORMATS["date"]
                    if r.style in ("total", "grand_total"):
                        cell.fill = GREY
                row += 1
            row += 1
        elif isinstance(block, d.BarChart):
            row = _chart(sheet, block, row)
        elif isinstance(block, d.SignatureBlock):
            row += 1
            for signature in block.signatures:
                _put(sheet, row, 1, signature.position).font = Font(name=FONT)
                _put(sheet, row, max(widest, 2), signature.name or d.BLANK_NAME).font = Font(name=FONT)
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
    workbook.properties.title = printable(_sheet_text(document.title))
    workbook.properties.subject = printable(_sheet_text(document.subject))
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
