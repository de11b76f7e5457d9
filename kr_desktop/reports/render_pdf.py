"""ReportDocument → PDF (reportlab), with linear-time tables.

reportlab splits one long Table in quadratic time (10k rows: 9.9 s, 20k: 31 s). A long table
is therefore a PagedTable: rows measured once, one Table per page with the header repeated,
so the cost grows linearly with the rows.
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.tables import CellStyle
from reportlab.platypus import Spacer as RLSpacer

from kr_desktop.cancel import checkpoint
from kr_desktop.reports import document as d
from kr_desktop.reports.cells import cell_text
from kr_desktop.reports.pdf_base import SERIF, SERIF_BOLD, OfficialDocument, RestartNumbering, register_fonts
from kr_desktop.text.formatting import format_money

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
    body = escape(text).replace("\n", "<br/>")
    return f"<i>{body}</i>" if italic else body


_PAD = dict(left=3, right=3, top=2, bottom=3)


class _TableBuilder:
    """Turns a TableBlock into cells, measures every row once, and makes page-sized Tables."""

    def __init__(self, block: d.TableBlock, width: float, size: float, money_places: int):
        self.block = block
        self.size = size
        self.leading = size * 1.18
        self.money_places = money_places
        self._word_widths: dict[str, dict[str, float]] = {}  # font → word → width at this size
        weights = [c.weight for c in block.columns]
        self.col_widths = [width * w / sum(weights) for w in weights]
        base = ParagraphStyle("c", fontName=SERIF, fontSize=size, leading=self.leading)
        self.styles = {
            (align, bold): ParagraphStyle(f"c{align}{bold}", parent=base, alignment=_ALIGN[align],
                                          fontName=SERIF_BOLD if bold else SERIF)
            for align in _ALIGN for bold in (False, True)
        }
        self.header = self._header_rows()
        self.header_styles, self.body_styles = self._style_rows()
        self.header_heights = [self._measure(r, spans_all=False) for r in self.header]

    def _header_rows(self) -> list[list]:
        # Plain lines in bold (FONT of the header rows in table()): every page's Table repeats the
        # header, and Paragraphs there would be laid out again on each page.
        rows = [[self._wrapped(c.title, width, SERIF_BOLD) for c, width in zip(self.block.columns, self.col_widths)]]
        if self.block.number_columns:
            rows.append([str(i) for i in range(1, len(self.block.columns) + 1)])
        return rows

    def cells(self, row: d.Row) -> list:
        bold = row.style in ("group", "subgroup", "total")
        if row.spans_all:
            return [Paragraph(_markup(str(row.cells[0])), self.styles[("left", True)])] + [""] * (len(self.block.columns) - 1)
        cells = []
        for value, column, width in zip(row.cells, self.block.columns, self.col_widths):
            text = cell_text(value, column, self.money_places)
            if bold or row.style == "muted" or (column.wrap and column.align == "justify"):
                cells.append(Paragraph(_markup(text, italic=row.style == "muted"), self.styles[(column.align, bold)]))
            elif column.wrap:
                cells.append(self._wrapped(text, width))
            else:
                cells.append(text)  # drawn with the table's FONT style: no Paragraph cost
        return cells

    def body(self, rows: list[d.Row]) -> tuple[list[list], list[float]]:
        """Every row's cells and height, in one pass. A plain row (most of a long list) takes a
        short path: what each column does was decided once, and its height is its most lines."""
        columns = self.block.columns
        plan = [(column, width, column.wrap) for column, width in zip(columns, self.col_widths)]
        short = not any(column.wrap and column.align == "justify" for column in columns)
        places, wrapped, leading = self.money_places, self._wrapped, self.leading
        all_cells, heights = [], []
        for row in rows:
            if row.style != "normal" or not short:
                cells = self.cells(row)
                all_cells.append(cells)
                heights.append(self._measure(cells, row.spans_all))
                continue
            cells = []
            lines = 1
            for value, (column, width, wrap) in zip(row.cells, plan):
                text = value if value.__class__ is str else cell_text(value, column, places)
                if wrap:
                    text = wrapped(text, width)
                if "\n" in text:
                    lines = max(lines, text.count("\n") + 1)
                cells.append(text)
            all_cells.append(cells)
            # as _measure: the tallest cell plus the paddings
            heights.append(max(leading, leading * lines) + _PAD["top"] + _PAD["bottom"])
        return all_cells, heights

    def _wrapped(self, text: str, width: float, font: str = SERIF) -> str:
        """A wrapping cell as plain lines (broken at spaces, as a Paragraph breaks them): a Table
        draws a multi-line string 3–5 times faster than it lays out a Paragraph.

        The lines are reportlab's simpleSplit (the same words on the same lines, spaces between
        words collapsed as a Paragraph collapses them), with each word's width measured once per
        table: a long list repeats the same names, posts and places."""
        inner = width - _PAD["left"] - _PAD["right"]
        widths = self._word_widths.get(font)
        if widths is None:
            widths = self._word_widths[font] = {}
        space = widths.get(" ")
        if space is None:
            space = widths[" "] = getFont(font).stringWidth(" ", self.size)
        lines = []
        for part in text.split("\n"):
            line: list[str] = []
            used = -space
            for word in part.split():
                word_width = widths.get(word)
                if word_width is None:
                    word_width = widths[word] = getFont(font).stringWidth(word, self.size)
                if used + space + word_width <= inner or not line:
                    line.append(word)
                    used += space + word_width
                else:
                    lines.append(" ".join(line))
                    line = [word]
                    used = word_width
            lines.append(" ".join(line))
        return "\n".join(lines)  # most cells: the text itself, one line that fits

    def _measure(self, cells: list, spans_all: bool) -> float:
        """The row's height as Table will lay it out: the tallest cell plus the paddings."""
        tallest = self.leading
        widths = [sum(self.col_widths)] if spans_all else self.col_widths
        for cell, width in zip(cells, widths):
            inner = width - _PAD["left"] - _PAD["right"]
            if isinstance(cell, Paragraph):
                tallest = max(tallest, cell.wrap(inner, 1e6)[1])
            elif cell and "\n" in cell:
                tallest = max(tallest, self.leading * (cell.count("\n") + 1))
        return tallest + _PAD["top"] + _PAD["bottom"]

    def _style_rows(self) -> tuple[list, list]:
        """One CellStyle per column for the header rows and one for the body, shared by every cell
        of every page's Table: the same look as FONT/ALIGN/VALIGN/…PADDING commands, without
        applying each command to each cell of each page again."""
        def cell_style(name: str, font: str, align: str, valign: str) -> CellStyle:
            style = CellStyle(name)
            style.fontname, style.fontsize, style.leading = font, self.size, self.leading
            style.leftPadding, style.rightPadding = _PAD["left"], _PAD["right"]
            style.topPadding, style.bottomPadding = _PAD["top"], _PAD["bottom"]
            style.alignment, style.valign = align, valign
            return style

        header = [cell_style(f"h{i}", SERIF_BOLD, "CENTER", "MIDDLE") for i in range(len(self.block.columns))]
        body = [cell_style(f"b{i}", SERIF, "LEFT" if column.wrap else
                           {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}.get(column.align, "LEFT"), "TOP")
                for i, column in enumerate(self.block.columns)]
        return header, body

    def table(self, rows: list[d.Row], cells: list[list], heights: list[float]) -> Table:
        """One page's Table: the header and these rows, their heights as measured (the Table does
        not measure every cell of the page again)."""
        n_header = len(self.header)
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        for offset, r in enumerate(rows):
            at = n_header + offset
            if r.spans_all:
                style.append(("SPAN", (0, at), (-1, at)))
            if r.style in ("group", "total"):
                style.append(("BACKGROUND", (0, at), (-1, at), colors.HexColor("#f0f0f0")))
        cell_styles = [self.header_styles] * n_header + [self.body_styles] * len(rows)
        table = Table(self.header + cells, colWidths=self.col_widths, rowHeights=self.header_heights + heights,
                      repeatRows=n_header, cellStyles=cell_styles)
        table.setStyle(TableStyle(style))
        return table


class PagedTable(Flowable):
    """A long table that splits itself into one Table per page, in linear time.

    Rows are measured once; a split takes as many rows as fit the space left on the page and
    hands the rest on as a new PagedTable. Each page's Table repeats the header.
    """

    SAFETY = 2  # points kept free so a rounding difference never overflows the frame

    def __init__(self, builder: _TableBuilder, rows: list[d.Row], cells: list[list], heights: list[float],
                 start: int = 0, tops: list[float] | None = None):
        super().__init__()
        # The rest of the table is rows[start:]; the lists are shared, never copied (a copy per
        # page would make long tables quadratic). tops[i]: the height of rows[:i].
        self.builder, self.rows, self.cells, self.heights, self.start = builder, rows, cells, heights, start
        self.tops = tops if tops is not None else [0.0, *accumulate(heights)]
        self._table: Table | None = None

    @classmethod
    def of(cls, block: d.TableBlock, width: float, size: float, money_places: int) -> "PagedTable":
        builder = _TableBuilder(block, width, size, money_places)
        rows = list(block.rows)
        cells, heights = builder.body(rows)
        return cls(builder, rows, cells, heights)

    def wrap(self, avail_width, avail_height):
        self.width = sum(self.builder.col_widths)
        self.height = sum(self.builder.header_heights) + self.tops[-1] - self.tops[self.start]
        return self.width, self.height

    def _table_of(self, stop: int) -> Table:
        return self.builder.table(self.rows[self.start:stop], self.cells[self.start:stop],
                                  self.heights[self.start:stop])

    def split(self, avail_width, avail_height):
        checkpoint()  # once a page: a cancelled job stops here (kr_desktop.cancel)
        room = avail_height - sum(self.builder.header_heights) - self.SAFETY
        # the rows that fit: those whose bottom is within room of this part's top
        stop = max(self.start, bisect_right(self.tops, self.tops[self.start] + room, lo=self.start) - 1)
        count = stop - self.start
        if count == 0:
            if self.heights[self.start] > room and avail_height >= self._page_room():
                # A single row taller than a whole page: let reportlab split it.
                return self._table_of(len(self.rows)).split(avail_width, avail_height)
            return []  # nothing fits here: start on the next page
        if stop == len(self.rows):
            return [self._table_of(stop)]
        return [self._table_of(stop), PagedTable(self.builder, self.rows, self.cells, self.heights, stop, self.tops)]

    def _page_room(self) -> float:
        return 0.0 if not hasattr(self, "_frame") else self._frame._aH

    def draw(self):
        table = self._table_of(len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


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
    style = ParagraphStyle("sig", fontName=SERIF, fontSize=base, leading=base * 1.2)
    right = ParagraphStyle("sigr", parent=style, alignment=TA_RIGHT)
    rows = [[Paragraph(_markup(s.position), style), Paragraph(_markup(s.name), right)] for s in block.signatures]
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
    return [KeepTogether(flow)]


def render_pdf(document: d.ReportDocument, path: Path | str) -> Path:
    register_fonts()
    path = Path(path)
    pdf = OfficialDocument(path, title=document.title, author=document.author)
    template = document.orientation
    width = pdf.frame_width(template)
    story: list = []
    if template == "landscape":
        pdf.pageTemplates.insert(0, pdf.pageTemplates.pop(1))  # first page landscape too
        story.append(NextPageTemplate("landscape"))
    for block in document.blocks:
        if isinstance(block, d.Heading):
            size = document.base_size + (2 if block.level == 1 else 0)
            style = ParagraphStyle("h", fontName=SERIF_BOLD, fontSize=size, leading=size * 1.2,
                                   alignment=TA_CENTER if block.level == 1 else TA_LEFT, spaceAfter=size * 0.4,
                                   spaceBefore=size * 0.3 if block.level > 1 else 0)
            story.append(Paragraph(_markup(block.text), style))
        elif isinstance(block, d.Para):
            story.append(Paragraph(_markup(block.text, block.italic), _paragraph_style(block, document.base_size)))
        elif isinstance(block, d.TableBlock):
            story.append(PagedTable.of(block, width, block.font_size or document.table_size, document.money_places))
        elif isinstance(block, d.BarChart):
            story.append(_chart(block, width))
        elif isinstance(block, d.SignatureBlock):
            story += _signatures(block, width, document.base_size)
        elif isinstance(block, d.PageBreak):
            story.append(RLPageBreak())
            if block.new_document:
                story.append(RestartNumbering())
        elif isinstance(block, d.Spacer):
            story.append(RLSpacer(1, block.height_mm * mm))
    pdf.build_numbered(story, document.page_numbers)
    return path
