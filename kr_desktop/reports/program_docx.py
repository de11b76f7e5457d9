"""A program as a DOCX laid out like its decision: the «ЗАТВЕРДЖЕНО» block, the passport's items
with table 1.7, then each annex (landscape) with its table — the direction's number and name,
merged deadline and executors cells, merged expected results and the direction's funding merged
over its measures, as Word's merged cells; words instead of amounts merged across the year
columns. A value the decision does not print (inferred) is in italics with a Word comment
holding its note. ``program import`` (services/program/docx_import) reads this layout back.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kr_desktop.domain.program_names import after_program_word, genitive
from kr_desktop.domain.provenance import INFERRED, MERGED
from kr_desktop.reports.program_layout import (ANNEX_HEAD, AMOUNTS_HEAD, PASSPORT_HEAD, RESULTS_HEAD, TOTAL, money,
                                               passport_columns, passport_item_lines)
from kr_desktop.reports.render_docx import write_cell
from kr_desktop.services.program_view import DirectionRows, FundingLine, ProgramDocument, StageDocument
from kr_desktop.text.formatting import format_date

FONT = "Times New Roman"
BODY_SIZE = 14
TABLE_SIZE = 9
COMMENT_AUTHOR = "kr_desktop"
APPROVED_INDENT_MM = 90
# Relative widths as the print's (reports/program_pdf.py): № · direction · measures · deadline ·
# executors · sources, then the years, «Усього», expected results.
ANNEX_WEIGHTS = (8, 30, 46, 18, 34, 21)
YEAR_WEIGHT, TOTAL_WEIGHT, RESULTS_WEIGHT = 16.5, 17.5, 32
PASSPORT_WEIGHTS = (16, 24)  # the year and the total; the sources' columns: program_layout.passport_columns
PORTRAIT_WIDTH_MM, LANDSCAPE_WIDTH_MM = 170, 267


def render_program_docx(doc: ProgramDocument, out: Path | str) -> Path:
    out = Path(out)
    word = Document()
    _setup(word)
    word.core_properties.title = doc.name[:255]
    word.core_properties.subject = doc.decision_title[:255]
    _passport(word, doc)
    for stage in doc.stages:
        section = word.add_section(WD_SECTION.NEW_PAGE)
        _landscape(section)
        _annex(word, doc, stage)
    word.save(str(out))
    return out


def _setup(word) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style = word.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_SIZE)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)


def _landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    section.top_margin, section.bottom_margin = Mm(25), Mm(15)


def _para(word, text: str, *, bold: bool = False, align: str = "justify", indent_mm: float = 0,
          first_line: bool = False, size: float | None = None):
    paragraph = word.add_paragraph()
    paragraph.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                           "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    if indent_mm:
        paragraph.paragraph_format.left_indent = Mm(indent_mm)
    if first_line:
        paragraph.paragraph_format.first_line_indent = Mm(12.5)
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


# -- passport ---------------------------------------------------------------------------------
def _passport(word, doc: ProgramDocument) -> None:
    if doc.decision_number:
        _para(word, "ЗАТВЕРДЖЕНО", align="left", indent_mm=APPROVED_INDENT_MM)
        when = format_date(doc.decision_date) if doc.decision_date else ""
        _para(word, f"Рішення міської ради {when} № {doc.decision_number}", align="left",
              indent_mm=APPROVED_INDENT_MM)
        if doc.amendments:
            _para(word, "зі змінами від " + ", ".join(f"{format_date(d)} №{n}" for d, n in doc.amendments),
                  align="left", indent_mm=APPROVED_INDENT_MM)
    else:
        _para(word, "ПРОЄКТ", align="left", indent_mm=APPROVED_INDENT_MM)
    _para(word, "ПРОГРАМА", bold=True, align="center").paragraph_format.space_before = Pt(BODY_SIZE)
    _para(word, after_program_word(doc.name), bold=True, align="center")
    _para(word, f"1. Паспорт {genitive(doc.name)}", bold=True, align="center")
    for item in doc.passport_items:
        for line in passport_item_lines(doc, item):
            _para(word, line, first_line=True)
        if item.kind == "funding":
            _passport_table(word, doc)


def _passport_table(word, doc: ProgramDocument) -> None:
    columns = passport_columns(doc)
    table = word.add_table(rows=2, cols=2 + len(columns))
    table.style = "Table Grid"
    _widths(table, PASSPORT_WEIGHTS + tuple(weight for _name, _label, weight in columns), PORTRAIT_WIDTH_MM)
    head = table.rows[0].cells
    _cell(head[0], PASSPORT_HEAD[0], bold=True, align="center")
    _cell(head[1], PASSPORT_HEAD[1], bold=True, align="center")
    _cell(head[2], PASSPORT_HEAD[2], bold=True, align="center")
    for col, (_name, label, _weight) in enumerate(columns, start=2):
        _cell(table.rows[1].cells[col], label, bold=True, align="center")
    head[0].merge(table.rows[1].cells[0])
    head[1].merge(table.rows[1].cells[1])
    head[2].merge(head[-1])
    totals = [Decimal(0)] * len(columns)
    for row in doc.passport:
        values = [row.by_source.get(name) for name, _label, _weight in columns]
        totals = [t + (v or 0) for t, v in zip(totals, values)]
        _row(table, [str(row.year), money(row.total)] + [money(v) for v in values])
    _row(table, [TOTAL, money(doc.passport_total)] + [money(t) for t in totals], bold=True)
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])


def _row(table, texts: list[str], bold: bool = False) -> None:
    cells = table.add_row().cells
    for col, text in enumerate(texts):
        _cell(cells[col], text, bold=bold, align="center" if col == 0 else "right")


# -- annexes ----------------------------------------------------------------------------------
def _annex(word, doc: ProgramDocument, stage: StageDocument) -> None:
    _para(word, f"Додаток {stage.annex_number}", align="left", indent_mm=160, size=12)
    _para(word, stage.caption or f"до {genitive(doc.name)}", align="left", indent_mm=160, size=12)
    _para(word, stage.title, bold=True, align="center", size=12)
    years = stage.years
    columns = len(ANNEX_HEAD) + len(years) + 2
    table = word.add_table(rows=3, cols=columns)
    table.style = "Table Grid"
    _widths(table, ANNEX_WEIGHTS + (YEAR_WEIGHT,) * len(years) + (TOTAL_WEIGHT, RESULTS_WEIGHT), LANDSCAPE_WIDTH_MM)
    first_amount, total_col, results_col = len(ANNEX_HEAD), len(ANNEX_HEAD) + len(years), columns - 1
    top, second, numbers = (table.rows[i].cells for i in range(3))
    for col, name in enumerate(ANNEX_HEAD):
        _cell(top[col], name, bold=True, align="center")
    _cell(top[first_amount], AMOUNTS_HEAD, bold=True, align="center")
    _cell(top[results_col], RESULTS_HEAD, bold=True, align="center")
    for i, year in enumerate(years):
        _cell(second[first_amount + i], str(year), bold=True, align="center")
    _cell(second[total_col], TOTAL, bold=True, align="center")
    for col in range(columns):
        _cell(numbers[col], str(col + 1), align="center")
    for col in list(range(first_amount)) + [results_col]:
        top[col].merge(second[col])
    top[first_amount].merge(top[total_col])
    for row in table.rows[:3]:
        _repeat_header(row)
    for direction in stage.directions:
        _direction(word, table, direction, years)
    total = table.add_row().cells
    _cell(total[1], TOTAL, bold=True)
    for i, year in enumerate(years):
        _cell(total[first_amount + i], money(stage.year_total(year)), bold=True, align="right")
    _cell(total[total_col], money(stage.total), bold=True, align="right")


def _direction(word, table, direction: DirectionRows, years: tuple[int, ...]) -> None:
    first_amount = len(ANNEX_HEAD)
    total_col = first_amount + len(years)
    results_col = total_col + 1
    rows = [table.add_row().cells for _m in direction.measures]
    if not rows:
        return
    _cell(rows[0][0], str(direction.number), align="center")
    _cell(rows[0][1], direction.name)
    _merge_down(rows, 0, 0, len(rows) - 1)
    _merge_down(rows, 1, 0, len(rows) - 1)
    previous = None
    funding_top: int | None = None  # the row whose funding cell the next rows continue
    for index, (measure, cells) in enumerate(zip(direction.measures, rows)):
        _cell(cells[2], measure.text)
        for col, value, provenance, above in (
                (3, measure.deadline_phrase, measure.deadline_provenance, previous and previous.deadline_phrase),
                (4, measure.executors_text, measure.executors_provenance, previous and previous.executors_text)):
            if provenance.origin == MERGED and index > 0 and value == above:
                _merge_down(rows, col, index - 1, index)
            else:
                run = _cell(cells[col], value, italic=provenance.origin == INFERRED)
                if provenance.origin == INFERRED and run is not None:
                    word.add_comment(run, text=provenance.note or "виведено за змістом", author=COMMENT_AUTHOR,
                                     initials="KR")
        if measure.expected_result:
            _cell(cells[results_col], measure.expected_result)
        elif index > 0:
            _merge_down(rows, results_col, index - 1, index)
        funding = measure.funding or (direction.funding if index == 0 else ())
        if funding:
            _funding(cells, funding, years)
            # direction funding is one cell merged down over the measures without their own
            # (a phrase's cell spans columns: it is not merged down)
            funding_top = index if not measure.funding and not any(line.phrase for line in funding) else None
        elif funding_top is not None:
            for col in range(5, results_col):
                _merge_down(rows, col, index - 1, index)
        previous = measure


def _funding(cells, lines: tuple[FundingLine, ...], years: tuple[int, ...]) -> None:
    first_amount = len(ANNEX_HEAD)
    total_col = first_amount + len(years)
    _cell(cells[5], "\n".join(line.source for line in lines))
    if len(lines) == 1 and lines[0].phrase:
        line = lines[0]
        start = years.index(line.phrase_from) if line.phrase_from in years else 0
        _cell(cells[first_amount + start], line.phrase, align="center")
        cells[first_amount + start].merge(cells[total_col])
        return
    for i, year in enumerate(years):
        _cell(cells[first_amount + i], "\n".join(line.phrase or money(line.amounts.get(year)) for line in lines),
              align="right")
    _cell(cells[total_col], "\n".join(line.phrase or money(line.total) for line in lines), align="right")


def _widths(table, weights, width_mm: float) -> None:
    """Column widths by weight; rows added later take them from the grid, merges add them up."""
    table.autofit = False
    for column, weight in zip(table.columns, weights):
        width = Mm(width_mm * weight / sum(weights))
        column.width = width
        for cell in column.cells:
            cell.width = width


def _merge_down(rows, col: int, top: int, bottom: int) -> None:
    if bottom > top:
        rows[top][col].merge(rows[bottom][col])


def _cell(cell, text: str, *, bold: bool = False, italic: bool = False, align: str = "left", size=TABLE_SIZE):
    """Write ``text`` into an empty cell of the program's tables; returns the last run."""
    return write_cell(cell, text, size, align, bold=bold, italic=italic)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)
