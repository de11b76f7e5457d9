"""ReportDocument → PDF (reportlab): headings, paragraphs, tables (pdf_table: linear time, nothing
leaves its cell), charts and the signature block, kept with the end of the table or paragraph it
signs. Every text is printed with the typography of kr_desktop.text.wording."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, NextPageTemplate
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus import Spacer as RLSpacer

from kr_desktop.reports import document as d
from kr_desktop.reports.pdf_base import SERIF, SERIF_BOLD, OfficialDocument, RestartNumbering, register_fonts
from kr_desktop.reports.pdf_table import PagedTable
from kr_desktop.text.formatting import format_money
from kr_desktop.text.wording import typographic

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
SERIES_COLOURS = [colors.HexColor("#4a6fa5"), colors.HexColor("#e08a2e"), colors.HexColor("#6aa84f"),
                  colors.HexColor("#a64d79")]


def _paragraph_style(block: d.Para, base: float) -> ParagraphStyle:
    size = base + block.size_delta
    return ParagraphStyle(
        "p", fontName=SERIF_BOLD if block.bold else SERIF, fontSize=size, leading=size * 1.2,
        alignment=_ALIGN[block.align], firstLineIndent=12.5 * mm if block.indent_first and block.align == "justify" else 0,
        spaceAfter=size * 0.3, leftIndent=block.left_indent_mm * mm)


def _markup(text: str, italic: bool = False) -> str:
    body = escape(typographic(text)).replace("\n", "<br/>")
    return f"<i>{body}</i>" if italic else body


def _chart(block: d.BarChart, width: float) -> Drawing:
    height = 75 * mm
    drawing = Drawing(width, height + 20 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 22 * mm, 22 * mm
    chart.width, chart.height = width - 30 * mm, height - 22 * mm  # room above for the legend
    chart.data = [[float(v) for v in values] for _name, values in block.series]
    chart.categoryAxis.categoryNames = [c if len(c) <= 18 else c[:17] + "…" for c in block.categories]
    chart.categoryAxis.labels.fontName = SERIF
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(block.categories) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(block.categories) > 6 else "n"
    chart.valueAxis.labels.fontName = SERIF
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: format_money(Decimal(str(v)), 0)
    for i, _series in enumerate(block.series):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 22 * mm, height + 4 * mm
    legend.fontName = SERIF
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60 * mm
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, (name, _v) in enumerate(block.series)]
    drawing.add(legend)
    drawing.add(String(width / 2, height + 14 * mm, block.title, fontName=SERIF_BOLD, fontSize=10, textAnchor="middle"))
    return drawing


def _signatures(block: d.SignatureBlock, width: float, base: float) -> list:
    """The signature block's flowables: position on the left, «Власне ім’я ПРІЗВИЩЕ» on the right
    at the level of the position's last line (a blank line when no name is set), then the
    executor's name and phone small."""
    style = ParagraphStyle("sig", fontName=SERIF, fontSize=base, leading=base * 1.2)
    right = ParagraphStyle("sigr", parent=style, alignment=TA_RIGHT)
    rows = [[Paragraph(_markup(s.position), style), Paragraph(_markup(s.name or d.BLANK_NAME), right)]
            for s in block.signatures]
    flow: list = [RLSpacer(1, 10 * mm)]
    if rows:
        table = Table(rows, colWidths=[width * 0.6, width * 0.4])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        flow.append(table)
    if block.executor_line:
        small = ParagraphStyle("exec", fontName=SERIF, fontSize=max(base - 4, 8), leading=max(base - 4, 8) * 1.2)
        flow += [RLSpacer(1, 12 * mm), Paragraph(_markup(block.executor_line), small)]
    return flow


def _heading(block: d.Heading, base: float) -> Paragraph:
    size = base + (2 if block.level == 1 else 0)
    style = ParagraphStyle("h", fontName=SERIF_BOLD, fontSize=size, leading=size * 1.2,
                           alignment=TA_CENTER if block.level == 1 else TA_LEFT, spaceAfter=size * 0.4,
                           spaceBefore=size * 0.3 if block.level > 1 else 0, keepWithNext=1)
    return Paragraph(_markup(block.text), style)


def _signed_table(blocks: tuple, index: int) -> int | None:
    """The index of the signature block that directly follows the table at ``index`` (spacers
    between them allowed), or None."""
    for j in range(index + 1, len(blocks)):
        if isinstance(blocks[j], d.SignatureBlock):
            return j
        if not isinstance(blocks[j], d.Spacer):
            return None
    return None


def render_pdf(document: d.ReportDocument, path: Path | str) -> Path:
    register_fonts()
    path = Path(path)
    pdf = OfficialDocument(path, title=typographic(document.title), author=document.author,
                           subject=typographic(document.subject))
    template = document.orientation
    width = pdf.frame_width(template)
    story: list = []
    if template == "landscape":
        pdf.pageTemplates.insert(0, pdf.pageTemplates.pop(1))  # first page landscape too
        story.append(NextPageTemplate("landscape"))
    blocks = document.blocks
    attached: set[int] = set()  # spacers and signatures drawn as a table's tail
    for index, block in enumerate(blocks):
        if index in attached:
            continue
        if isinstance(block, d.Heading):
            story.append(_heading(block, document.base_size))
        elif isinstance(block, d.Para):
            story.append(Paragraph(_markup(block.text, block.italic), _paragraph_style(block, document.base_size)))
        elif isinstance(block, d.TableBlock):
            tail: list = []
            signature = _signed_table(blocks, index)
            if signature is not None:  # the signature stays on the page of the table's last rows
                for j in range(index + 1, signature):
                    tail.append(RLSpacer(1, blocks[j].height_mm * mm))
                tail += _signatures(blocks[signature], width, document.base_size)
                attached.update(range(index + 1, signature + 1))
            story.append(PagedTable.of(block, width, block.font_size or document.table_size, document.money_places,
                                       tail))
        elif isinstance(block, d.BarChart):
            story.append(_chart(block, width))
        elif isinstance(block, d.SignatureBlock):
            if story and isinstance(story[-1], Paragraph):
                story[-1].keepWithNext = 1  # never a signature alone: its last paragraph goes with it
            story.append(KeepTogether(_signatures(block, width, document.base_size)))
        elif isinstance(block, d.PageBreak):
            story.append(RLPageBreak())
            if block.new_document:
                story.append(RestartNumbering())
        elif isinstance(block, d.Spacer):
            story.append(RLSpacer(1, block.height_mm * mm))
    pdf.build_numbered(story, document.page_numbers)
    return path
