"""A report as plain data: blocks (headings, paragraphs, tables, charts, signatures, page breaks).

Every report builds a ``ReportDocument`` from service data and hands it to ``render``, which
writes PDF, DOCX or XLSX by the file's extension. The renderers know layout; the reports know
content. Cell values stay typed (Decimal, int, date) so XLSX gets real number and date cells.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Union

CellKind = Literal["text", "money", "delta", "int", "date", "percent"]  # delta: a signed money difference
# «total» closes a group (its rows' sum); «grand_total» is the whole table's, outside every group.
RowStyle = Literal["normal", "group", "subgroup", "total", "grand_total", "muted"]
Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # relative width
    kind: CellKind = "text"
    wrap: bool = True  # False: a short single-line value (cheaper to lay out in PDF)

    @property
    def align(self) -> Align:
        return "right" if self.kind in ("money", "delta", "int", "percent") else (
            "center" if self.kind == "date" else "left")


CONTINUED = "(продовження)"  # after a group's heading repeated on its continuation page
BLANK_NAME = "_______________"  # printed for a signer whose name is not set


@dataclass(frozen=True)
class Row:
    cells: tuple[Any, ...]
    style: RowStyle = "normal"
    # A row that starts a group (an award and degree, a direction): the heading repeated as
    # «… (продовження)» at the top of each page the group continues on. A one-cell group row's
    # heading is its text.
    heading: str = ""

    @staticmethod
    def group(text: str, style: RowStyle = "group") -> "Row":
        """A row whose one text spans the whole table (a group heading)."""
        return Row((text,), style, text)

    @property
    def spans_all(self) -> bool:
        return self.style in ("group", "subgroup") and len(self.cells) == 1

    @property
    def bold(self) -> bool:
        return self.style in ("group", "subgroup", "total", "grand_total")

    @property
    def shaded(self) -> bool:
        return self.style in ("group", "total", "grand_total")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: document title (centred, bold); 2: section heading


@dataclass(frozen=True)
class Para:
    text: str
    align: Align = "justify"
    bold: bool = False
    italic: bool = False
    size_delta: float = 0  # relative to the document's base size
    indent_first: bool = True
    left_indent_mm: float = 0  # e.g. a letter's addressee in the right half of the page


@dataclass(frozen=True)
class TableBlock:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    number_columns: bool = False  # a row of column numbers under the header (1, 2, 3 …)
    font_size: float | None = None  # None: the document's table size


@dataclass(frozen=True)
class BarChart:
    """Grouped bars, e.g. plan vs actual per direction."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[Decimal, ...]], ...]
    value_label: str = "грн"


@dataclass(frozen=True)
class Signature:
    position: str
    name: str  # «Власне ім'я ПРІЗВИЩЕ»


@dataclass(frozen=True)
class SignatureBlock:
    signatures: tuple[Signature, ...]
    executor_line: str = ""  # «Виконавець: Прізвище, тел. …», small, bottom-left


@dataclass(frozen=True)
class PageBreak:
    new_document: bool = False  # what follows is a document of its own (a letter): its page numbers restart


@dataclass(frozen=True)
class Spacer:
    height_mm: float = 5


Block = Union[Heading, Para, TableBlock, BarChart, SignatureBlock, PageBreak, Spacer]


@dataclass(frozen=True)
class ReportDocument:
    title: str  # the full title: PDF metadata, DOCX properties, the XLSX sheet's first row
    blocks: tuple[Block, ...]
    orientation: Literal["portrait", "landscape"] = "portrait"
    base_size: float = 14  # ДСТУ 4163: 12–14 pt
    table_size: float = 10
    money_places: int = 2
    author: str = "kr_desktop"
    created: dt.date | None = None
    subject: str = ""  # PDF and DOCX metadata: what the document is about (a period, a filter)
    sheet: str = ""  # a short name for the XLSX sheet (≤ 31 characters); "" — made from the title
    # "total": «Сторінка N з M» at the foot (reports); "top": the bare number centred in the top
    # margin from page 2 on, as ДСТУ 4163:2020 numbers decisions and letters.
    page_numbers: Literal["total", "top"] = "total"

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]


FORMATS = ("pdf", "docx", "xlsx")
