"""ReportDocument → DOCX (python-docx), editable in Word: real tables, repeated header rows,
ДСТУ 4163 margins, Times New Roman, «Сторінка N з M» in the footer.

Word lays the pages out itself, so the page flow is told to it: a row never splits across pages, a
group's heading row and a heading paragraph keep with what follows, and the signature keeps with
the table's last rows (or the paragraph) it signs. Numbers are right-aligned in every row."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kr_desktop.reports import document as d
from kr_desktop.reports.cells import cell_text
from kr_desktop.text.wording import typographic

FONT = "Times New Roman"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _setup(doc, document: d.ReportDocument) -> float:
    """Page, margins and the base font; returns the text width in mm."""
    section = doc.sections[0]
    if document.orientation == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin, section.right_margin = Mm(20), Mm(10)
        section.top_margin, section.bottom_margin = Mm(25), Mm(15)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(10)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(document.base_size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    _page_numbers(section, document.page_numbers)
    width = section.page_width - section.left_margin - section.right_margin
    return width / 36000  # EMU → mm


def _field(run, code: str) -> None:
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _page_numbers(section, mode: str = "total") -> None:
    if mode == "top":  # ДСТУ 4163:2020: the number centred at the top, none on the first page
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        run.font.size = Pt(12)
        _field(run, "PAGE")
        return
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    parts = ["Сторінка ", "PAGE", " з ", "NUMPAGES"]
    for part in parts:
        run = paragraph.add_run()
        run.font.size = Pt(9)
        if part in ("PAGE", "NUMPAGES"):
            _field(run, part)
        else:
            run.text = part


def _new_document_section(doc) -> None:
    """A new page in a section of its own whose page numbers start again (a letter among letters);
    the header (and its first-page exception) carries on from the previous section."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = doc.sections[0].different_first_page_header_footer
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _keep_row(row, with_next: bool) -> None:
    """The row never splits across pages; ``with_next``: it stays on the page of the next row."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if with_next:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def write_cell(cell, text: str, size: float, align: str = "left", bold: bool = False, italic: bool = False):
    """Write ``text`` (lines as line breaks) into an empty cell's paragraph; returns the last run
    (None for no text), for a caller that marks it further."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
    run = None
    lines = text.split("\n") if text else []
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic
        if i < len(lines) - 1:
            run.add_break()
    return run


def _table(doc, block: d.TableBlock, width_mm: float, size: float, places: int, signed: bool = False) -> None:
    """The table; ``signed``: a signature follows, kept on the page of the last rows."""
    columns = block.columns
    n_header = 2 if block.number_columns else 1
    table = doc.add_table(rows=n_header + len(block.rows), cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total_weight = sum(c.weight for c in columns)
    widths = [Mm(width_mm * c.weight / total_weight) for c in columns]
    rows = table.rows
    for i, column in enumerate(columns):
        write_cell(rows[0].cells[i], typographic(column.title), size, "center", bold=True)
        if block.number_columns:
            write_cell(rows[1].cells[i], str(i + 1), size, "center")
    for r in range(n_header):
        _repeat_header(rows[r])
    last = len(block.rows) - 1
    for offset, row in enumerate(block.rows):
        cells = rows[n_header + offset].cells
        bold = row.bold
        if row.spans_all:
            merged = cells[0].merge(cells[-1])
            write_cell(merged, typographic(str(row.cells[0])), size, "left", bold=True)
        else:
            for value, column, cell in zip(row.cells, columns, cells):
                write_cell(cell, cell_text(value, column, places), size, column.align, bold=bold,
                            italic=row.style == "muted")
        if row.shaded:
            for cell in cells:
                _shade(cell, "F0F0F0")
        _keep_row(rows[n_header + offset], bool(row.heading) or (signed and offset >= last - 1))
    for column, width in zip(table.columns, widths):
        column.width = width  # the table grid: LibreOffice lays columns out by it, Word prefers it
    for row in rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _signature_follows(blocks: tuple, index: int) -> bool:
    """A signature block comes right after ``blocks[index]`` (spacers between allowed)."""
    for block in blocks[index + 1:]:
        if isinstance(block, d.SignatureBlock):
            return True
        if not isinstance(block, d.Spacer):
            return False
    return False


def _chart_png(block: d.BarChart) -> bytes:
    """A plain bar chart drawn with Pillow (already installed with reportlab)."""
    from PIL import Image, ImageDraw, ImageFont

    from kr_desktop.paths import font_file

    width, height, left, bottom, top = 1600, 800, 160, 200, 90
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_file("LiberationSerif-Regular.ttf")), 22)
    bold = ImageFont.truetype(str(font_file("LiberationSerif-Bold.ttf")), 28)
    draw.text((width / 2, 20), block.title, fill="black", font=bold, anchor="mt")
    peak = max((v for _n, values in block.series for v in values), default=Decimal(1)) or Decimal(1)
    plot_h = height - bottom - top
    group_w = (width - left - 40) / max(len(block.categories), 1)
    bar_w = group_w * 0.8 / max(len(block.series), 1)
    palette = ["#4a6fa5", "#e08a2e", "#6aa84f", "#a64d79"]
    draw.line((left, height - bottom, width - 20, height - bottom), fill="black", width=2)
    for g, category in enumerate(block.categories):
        x0 = left + g * group_w + group_w * 0.1
        for s, (_name, values) in enumerate(block.series):
            value = values[g]
            bar_h = float(value / peak) * plot_h
            x = x0 + s * bar_w
            draw.rectangle((x, height - bottom - bar_h, x + bar_w - 4, height - bottom), fill=palette[s % 4])
        label = category if len(category) <= 22 else category[:21] + "…"
        draw.text((left + g * group_w + group_w / 2, height - bottom + 10), label, fill="black", font=font, anchor="mt")
    for s, (name, _values) in enumerate(block.series):
        x = left + s * 300
        draw.rectangle((x, 60, x + 24, 80), fill=palette[s % 4])
        draw.text((x + 32, 58), name, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def render_docx(document: d.ReportDocument, path: Path | str) -> Path:
    path = Path(path)
    doc = Document()
    doc.core_properties.title = typographic(document.title)
    doc.core_properties.subject = typographic(document.subject)
    doc.core_properties.author = document.author
    width_mm = _setup(doc, document)
    blocks = document.blocks
    last_paragraph = None
    for index, block in enumerate(blocks):
        if isinstance(block, d.Heading):
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if block.level == 1 else WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.keep_with_next = True
            run = paragraph.add_run(typographic(block.text))
            run.bold = True
            run.font.size = Pt(document.base_size + (2 if block.level == 1 else 0))
            paragraph.paragraph_format.space_after = Pt(6)
        elif isinstance(block, d.Para):
            paragraph = doc.add_paragraph()
            paragraph.alignment = _ALIGN[block.align]
            if block.indent_first and block.align == "justify":
                paragraph.paragraph_format.first_line_indent = Mm(12.5)
            if block.left_indent_mm:
                paragraph.paragraph_format.left_indent = Mm(block.left_indent_mm)
            run = paragraph.add_run(typographic(block.text))
            run.bold, run.italic = block.bold, block.italic
            last_paragraph = paragraph
            run.font.size = Pt(document.base_size + block.size_delta)
        elif isinstance(block, d.TableBlock):
            _table(doc, block, width_mm, block.font_size or document.table_size, document.money_places,
                   signed=_signature_follows(blocks, index))
            last_paragraph = None
        elif isinstance(block, d.BarChart):
            doc.add_picture(io.BytesIO(_chart_png(block)), width=Mm(min(width_mm, 240)))
        elif isinstance(block, d.SignatureBlock):
            if last_paragraph is not None:
                last_paragraph.paragraph_format.keep_with_next = True  # never a signature alone
            doc.add_paragraph().paragraph_format.keep_with_next = True
            if block.signatures:
                table = doc.add_table(rows=len(block.signatures), cols=2)
                for i, (row, signature) in enumerate(zip(table.rows, block.signatures)):
                    write_cell(row.cells[0], typographic(signature.position), document.base_size, "left")
                    write_cell(row.cells[1], typographic(signature.name) or d.BLANK_NAME, document.base_size,
                                "right")
                    _keep_row(row, i < len(block.signatures) - 1)
            if block.executor_line:
                doc.add_paragraph()
                run = doc.add_paragraph().add_run(typographic(block.executor_line))
                run.font.size = Pt(max(document.base_size - 4, 8))
        elif isinstance(block, d.PageBreak) and block.new_document:
            _new_document_section(doc)
        elif isinstance(block, d.PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, d.Spacer):
            spacer = doc.add_paragraph()
            if _signature_follows(blocks, index):
                spacer.paragraph_format.keep_with_next = True
    doc.save(str(path))
    return path
