"""A TableBlock as PDF: cells that never leave their borders, in linear time over the rows.

reportlab splits one long Table in quadratic time (10k rows: 9.9 s, 20k: 31 s). A long table
is therefore a PagedTable: rows measured once, one Table per page with the header repeated,
so the cost grows linearly with the rows.

Every cell is plain lines of text drawn by the Table (3–5 times cheaper than a Paragraph), broken
by pdf_lines.LineWrapper with the cell's own font, so what was measured is what is drawn: a word
too wide for its column is hyphenated, a number too wide for its column is set smaller. Money and
counts are right-aligned in every row, dates centred. A group's heading («Нагрудний знак … III
ступеня», «Напрям 2. …») is repeated as «… (продовження)» on each page its rows continue on, a
heading is never left alone at a page's foot, and what follows the table (the signature) can be
kept with its last rows.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from kr_desktop.cancel import checkpoint
from kr_desktop.reports import document as d
from kr_desktop.reports.cells import cell_text
from kr_desktop.reports.pdf_base import SERIF, SERIF_BOLD, SERIF_ITALIC
from kr_desktop.reports.pdf_lines import LineWrapper
from kr_desktop.text.wording import typographic

PAD = dict(left=3, right=3, top=2, bottom=3)
GREY = colors.HexColor("#f0f0f0")
_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT", "justify": "LEFT"}
_NUMERIC = ("money", "delta", "int", "percent")


class TableBuilder:
    """Turns a TableBlock into cells, measures every row once, and makes page-sized Tables."""

    def __init__(self, block: d.TableBlock, width: float, size: float, money_places: int):
        self.block = block
        self.size = size
        self.leading = size * 1.18
        self.money_places = money_places
        weights = [c.weight for c in block.columns]
        self.col_widths = [width * w / sum(weights) for w in weights]
        self.inner = [w - PAD["left"] - PAD["right"] for w in self.col_widths]
        self.wrappers = {font: LineWrapper(font, size) for font in (SERIF, SERIF_BOLD, SERIF_ITALIC)}
        self.styles = {font: self._cell_styles(font) for font in self.wrappers}
        # A row whose one text spans the table (a group heading) reads from the left, whatever the
        # first column's own alignment (a right-aligned «№»).
        self.span_styles = [self._cell_style("span", SERIF_BOLD, "LEFT", "TOP")] + self.styles[SERIF_BOLD][1:]
        self.header = self._header_rows()
        self.header_styles = [self._cell_style("h", SERIF_BOLD, "CENTER", "MIDDLE")] * len(block.columns)
        self.header_heights = [self._height(row) for row in self.header]
        self._continuations: dict[int, tuple[list, float]] = {}

    # -- styles ---------------------------------------------------------------------------------
    def _cell_style(self, name: str, font: str, align: str, valign: str, size: float | None = None) -> CellStyle:
        style = CellStyle(name)
        style.fontname, style.fontsize = font, size or self.size
        style.leading = self.leading
        style.leftPadding, style.rightPadding = PAD["left"], PAD["right"]
        style.topPadding, style.bottomPadding = PAD["top"], PAD["bottom"]
        style.alignment, style.valign = align, valign
        return style

    def _cell_styles(self, font: str) -> list[CellStyle]:
        """One CellStyle per column, shared by every cell of every page's Table: the same look as
        FONT/ALIGN/VALIGN/…PADDING commands, without applying each command to each cell again."""
        return [self._cell_style(f"{font}{i}", font, _ALIGN[column.align], "TOP")
                for i, column in enumerate(self.block.columns)]

    # -- cells ----------------------------------------------------------------------------------
    def _header_rows(self) -> list[list[str]]:
        # Plain lines in bold: every page's Table repeats the header.
        bold = self.wrappers[SERIF_BOLD]
        rows = [[bold.wrap(typographic(c.title), inner) for c, inner in zip(self.block.columns, self.inner)]]
        if self.block.number_columns:
            rows.append([str(i) for i in range(1, len(self.block.columns) + 1)])
        return rows

    def _height(self, cells: list[str]) -> float:
        lines = max((cell.count("\n") + 1 for cell in cells if cell), default=1)
        return self.leading * lines + PAD["top"] + PAD["bottom"]

    def _font_of(self, row: d.Row) -> str:
        return SERIF_BOLD if row.bold else SERIF_ITALIC if row.style == "muted" else SERIF

    def spanning(self, text: str, font: str = SERIF_BOLD) -> tuple[list[str], float]:
        """A row whose one text spans the whole table (a group heading)."""
        wrapped = self.wrappers[font].wrap(typographic(text), sum(self.col_widths) - PAD["left"] - PAD["right"])
        cells = [wrapped] + [""] * (len(self.block.columns) - 1)
        return cells, self._height(cells)

    def body(self, rows: list[d.Row]) -> tuple[list[list[str]], list[float], list[list[CellStyle]]]:
        """Every row's cells, height and cell styles, in one pass."""
        columns, inner, places = self.block.columns, self.inner, self.money_places
        plan = [(column, column.wrap, column.kind in _NUMERIC) for column in columns]
        leading, pads = self.leading, PAD["top"] + PAD["bottom"]
        all_cells, heights, all_styles = [], [], []
        # Formatted numbers and dates of one length have one width (the fonts' figures are all
        # as wide): measured once per column, font and length, not once per row.
        fitting: dict[tuple[int, str, int], bool] = {}
        printed: dict[str, str] = {}  # a text's typography once per table (acts, posts, places repeat)
        for row in rows:
            font = self._font_of(row)
            styles = self.styles[font]
            if row.spans_all:
                cells, height = self.spanning(str(row.cells[0]))
                all_cells.append(cells)
                heights.append(height)
                all_styles.append(self.span_styles)
                continue
            wrapper = self.wrappers[font]
            cells = []
            lines = 1
            for i, value in enumerate(row.cells):
                if value.__class__ is str:  # text: printed with its typography, wrapped when too wide
                    text = printed.get(value)
                    if text is None:
                        text = printed[value] = typographic(value)
                    if plan[i][1] or not wrapper.fits(text, inner[i]):
                        text = wrapper.wrap(text, inner[i])
                        if "\n" in text:
                            lines = max(lines, text.count("\n") + 1)
                    cells.append(text)
                    continue
                column, _wrap, numeric = plan[i]
                text = cell_text(value, column, places)
                key = (i, font, len(text))
                fits = fitting.get(key)
                if fits is None:
                    fits = fitting[key] = wrapper.fits(text, inner[i])
                if not fits:
                    if numeric or "\n" in text:
                        styles = self._shrunk(styles, i, wrapper, text, inner[i])  # a number is never broken
                    else:
                        text = wrapper.wrap(text, inner[i])
                        lines = max(lines, text.count("\n") + 1)
                cells.append(text)
            all_cells.append(cells)
            heights.append(leading * lines + pads)
            all_styles.append(styles)
        return all_cells, heights, all_styles

    def _shrunk(self, styles: list[CellStyle], column: int, wrapper: LineWrapper, text: str,
                inner: float) -> list[CellStyle]:
        """A number wider than its column is set smaller (never broken); the row's other cells
        keep their styles."""
        width = wrapper.width(text)
        if width <= inner:
            return styles
        size = self.size * inner / width * 0.98  # however small: a number never crosses its border
        base = styles[column]
        styles = list(styles)
        styles[column] = self._cell_style(f"{base.name}s", base.fontname, base.alignment, base.valign, size)
        return styles

    def continuation(self, heading_row: int, rows: list[d.Row]) -> tuple[list[str], float]:
        """The heading of a group repeated at the top of a page: «… (продовження)»."""
        if heading_row not in self._continuations:
            self._continuations[heading_row] = self.spanning(f"{rows[heading_row].heading} {d.CONTINUED}")
        return self._continuations[heading_row]

    # -- one page's Table -------------------------------------------------------------------------
    def table(self, rows: list[d.Row], cells: list[list], heights: list[float], styles: list[list],
              continuation: tuple[list[str], float] | None = None) -> Table:
        """One page's Table: the header, the repeated group heading, and these rows, their heights
        as measured (the Table does not measure every cell of the page again)."""
        n_header = len(self.header)
        head_cells, head_heights = list(self.header), list(self.header_heights)
        head_styles = [self.header_styles] * n_header
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        if continuation is not None:
            head_cells.append(continuation[0])
            head_heights.append(continuation[1])
            head_styles.append(self.span_styles)
            style += [("SPAN", (0, n_header), (-1, n_header)), ("BACKGROUND", (0, n_header), (-1, n_header), GREY)]
        first = len(head_cells)
        for offset, r in enumerate(rows):
            at = first + offset
            if r.spans_all:
                style.append(("SPAN", (0, at), (-1, at)))
            if r.shaded:
                style.append(("BACKGROUND", (0, at), (-1, at), GREY))
        table = Table(head_cells + cells, colWidths=self.col_widths, rowHeights=head_heights + heights,
                      repeatRows=n_header, cellStyles=head_styles + styles)
        table.setStyle(TableStyle(style))
        return table


def headings_of(rows: list[d.Row]) -> list[int]:
    """For every row, the index of the group heading it belongs to (-1: none). A group runs from
    its heading to the next heading; a grand total stands outside every group."""
    current = -1
    out = []
    for i, row in enumerate(rows):
        if row.heading:
            current = i
        elif row.style == "grand_total":
            current = -1
        out.append(current)
    return out


class _Rows:
    """What every part of one long table shares (never copied per page: a copy per page would
    make long tables quadratic)."""

    def __init__(self, builder: TableBuilder, rows: list[d.Row]):
        self.builder, self.rows = builder, rows
        self.cells, self.heights, self.styles = builder.body(rows)
        self.tops = [0.0, *accumulate(self.heights)]  # tops[i]: the height of rows[:i]
        self.heading = headings_of(rows)
        self.tail_height: float | None = None  # measured once, when first needed


class PagedTable(Flowable):
    """A long table that splits itself into one Table per page, in linear time.

    Rows are measured once; a split takes as many rows as fit the space left on the page and
    hands the rest on as a new PagedTable. Each page's Table repeats the header and, when a group
    continues from the page before, the group's heading. ``tail`` (the signature after the table)
    is drawn after the last row and kept on the same page as at least the last rows.
    """

    SAFETY = 2  # points kept free so a rounding difference never overflows the frame
    KEEP_WITH_TAIL = 2  # rows carried to the next page with a tail that does not fit after the table

    def __init__(self, shared: _Rows, start: int = 0, tail: list[Flowable] | None = None, carried: bool = False):
        super().__init__()
        self.shared, self.start, self.tail = shared, start, tail or []
        self.carried = carried  # the last rows carried over to keep the signature company: a new page

    @classmethod
    def of(cls, block: d.TableBlock, width: float, size: float, money_places: int,
           tail: list[Flowable] | None = None) -> "PagedTable":
        builder = TableBuilder(block, width, size, money_places)
        return cls(_Rows(builder, list(block.rows)), 0, tail)

    @property
    def builder(self) -> TableBuilder:
        return self.shared.builder

    def _continuation(self) -> tuple[list[str], float] | None:
        heading = self.shared.heading[self.start] if self.start < len(self.shared.rows) else -1
        if heading < 0 or heading == self.start:
            return None
        return self.builder.continuation(heading, self.shared.rows)

    def _head_height(self) -> float:
        continuation = self._continuation()
        return sum(self.builder.header_heights) + (continuation[1] if continuation else 0.0)

    def _measure_tail(self, width: float) -> float:
        if self.shared.tail_height is None:
            self.shared.tail_height = sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                                          for f in self.tail)
        return self.shared.tail_height

    def wrap(self, avail_width, avail_height):
        self.width = sum(self.builder.col_widths)
        tops = self.shared.tops
        self.height = self._head_height() + tops[-1] - tops[self.start] + self._measure_tail(self.width)
        return self.width, self.height

    def _table_of(self, stop: int) -> Table:
        s, start = self.shared, self.start
        return self.builder.table(s.rows[start:stop], s.cells[start:stop], s.heights[start:stop],
                                  s.styles[start:stop], self._continuation())

    def split(self, avail_width, avail_height):
        checkpoint()  # once a page: a cancelled job stops here (kr_desktop.cancel)
        s, start, total = self.shared, self.start, len(self.shared.rows)
        head, page = self._head_height(), self._page_room()
        if self.carried and avail_height < page - self.SAFETY:
            return []  # rows carried to go with the signature start the next page, not this one
        room = avail_height - head - self.SAFETY
        # the rows that fit: those whose bottom is within room of this part's top
        stop = max(start, bisect_right(s.tops, s.tops[start] + room, lo=start) - 1)
        if stop == total and self.tail:
            tail = self._measure_tail(avail_width)
            if s.tops[total] - s.tops[start] + tail > room:
                # The rows fit, the signature does not: carry the last rows to the next page with it
                # (when they and the signature fit a page, and this page keeps at least one row).
                def fits_a_page(first: int) -> bool:
                    rest = PagedTable(s, first)._head_height() + s.tops[total] - s.tops[first]
                    return rest + tail <= page - self.SAFETY

                carried = max(start + 1, total - self.KEEP_WITH_TAIL)
                while carried - 1 > start and s.heading[carried - 1] == carried - 1:
                    carried -= 1  # a group's heading goes on with its rows
                if carried < total and fits_a_page(carried):
                    return [self._table_of(carried), PagedTable(s, carried, self.tail, carried=True)]
                if avail_height < page - self.SAFETY and fits_a_page(start):
                    return []  # the few last rows move on with the signature
        while start + 1 < stop < total and s.heading[stop - 1] == stop - 1:
            stop -= 1  # a group's heading never stands alone at the foot of a page
        if stop == start:
            if s.heights[start] > room and avail_height >= page:
                # A single row taller than a whole page: let reportlab split it.
                return self._table_of(total).split(avail_width, avail_height) + self.tail
            return []  # nothing fits here: start on the next page
        if stop == total:
            return [self._table_of(stop), *self.tail]
        return [self._table_of(stop), PagedTable(s, stop, self.tail)]

    def _page_room(self) -> float:
        return 0.0 if not hasattr(self, "_frame") else self._frame._aH

    def draw(self):
        table = self._table_of(len(self.shared.rows))
        _w, height = table.wrapOn(self.canv, self.width, self.height)
        y = self.height - height
        table.drawOn(self.canv, 0, y)
        for flowable in self.tail:
            y -= flowable.getSpaceBefore()
            _w, h = flowable.wrapOn(self.canv, self.width, 1e6)
            y -= h
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()
