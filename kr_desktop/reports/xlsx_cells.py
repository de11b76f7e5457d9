"""Text into an XLSX cell so that it stays text: every XLSX writer puts its strings through
``safe_text_cell`` (reports/render_xlsx.py, the import template).

openpyxl stores a string starting with «=» as a formula, so a certificate number or an event title
such as ``=HYPERLINK("http://…","Посвідчення 17")`` would become a live formula in the export. A text
starting with = + - or @ is written as a string cell with Excel's quote prefix (the cell shows the
text, and editing it in Excel keeps it text); a character XML cannot hold (stored before the
services refused it) is shown as «�» instead of making openpyxl refuse the whole file.
"""

from __future__ import annotations

from kr_desktop.text.control_chars import printable

FORMULA_START = ("=", "+", "-", "@")


def safe_text_cell(sheet, row: int, column: int, text: object):
    """Write ``text`` (any object: written as its ``str``) into the cell at ``row``, ``column`` as a
    plain string and return the cell."""
    text = printable(str(text))
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"  # openpyxl took a leading «=» for a formula
        cell.quotePrefix = True
    return cell
