"""What every PDF shares: embedded Cyrillic fonts, ДСТУ 4163 page layout, «Сторінка N з M».

reportlab's built-in fonts have no Cyrillic and silently print boxes, so the shipped
Liberation fonts (metric-compatible with Times New Roman and Arial, SIL OFL) are embedded.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kr_desktop.paths import font_file

SERIF = "KrSerif"
SERIF_BOLD = "KrSerif-Bold"
SERIF_ITALIC = "KrSerif-Italic"
SERIF_BOLD_ITALIC = "KrSerif-BoldItalic"

_FONT_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

PORTRAIT = A4
LANDSCAPE = landscape(A4)

# ДСТУ 4163:2020: left 30 mm (binding), right 10 mm, top and bottom 20 mm. A landscape page is
# bound along its top edge, so there the binding margin moves to the top.
PORTRAIT_MARGINS = dict(left=30 * mm, right=10 * mm, top=20 * mm, bottom=20 * mm)
LANDSCAPE_MARGINS = dict(left=20 * mm, right=10 * mm, top=25 * mm, bottom=15 * mm)

_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_file(filename))))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                  boldItalic=SERIF_BOLD_ITALIC)
    _registered = True


def styles(base_size: float = 14) -> dict[str, ParagraphStyle]:
    """Paragraph styles for official documents (Times-compatible serif, 12–14 pt)."""
    register_fonts()
    leading = base_size * 1.15
    body = ParagraphStyle("body", fontName=SERIF, fontSize=base_size, leading=leading, alignment=TA_JUSTIFY,
                          firstLineIndent=12.5 * mm, spaceAfter=2)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        "title": ParagraphStyle("title", parent=body, fontName=SERIF_BOLD, alignment=TA_CENTER,
                                firstLineIndent=0, spaceAfter=6),
        "heading": ParagraphStyle("heading", parent=body, fontName=SERIF_BOLD, alignment=TA_LEFT,
                                  firstLineIndent=0, spaceBefore=6, spaceAfter=4),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
        "annex_note": ParagraphStyle("annex_note", parent=body, fontSize=base_size - 2,
                                     leading=(base_size - 2) * 1.15, alignment=TA_LEFT, firstLineIndent=0,
                                     leftIndent=150 * mm),
    }


def cell_styles(size: float) -> dict[str, ParagraphStyle]:
    """Small styles for table cells (text must wrap inside the column)."""
    register_fonts()
    base = ParagraphStyle("cell", fontName=SERIF, fontSize=size, leading=size * 1.15, alignment=TA_LEFT)
    return {
        "cell": base,
        "center": ParagraphStyle("cell_c", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("cell_r", parent=base, alignment=TA_RIGHT),
        "head": ParagraphStyle("cell_h", parent=base, fontName=SERIF_BOLD, alignment=TA_CENTER),
        "bold": ParagraphStyle("cell_b", parent=base, fontName=SERIF_BOLD),
        "bold_right": ParagraphStyle("cell_br", parent=base, fontName=SERIF_BOLD, alignment=TA_RIGHT),
    }


def page_number_text(page: int, total: int) -> str:
    return f"Сторінка {page} з {total}"


class NumberedCanvas(rl_canvas.Canvas):
    """Holds every page until the end, so each can say «Сторінка N з M» (``page_numbers="top"``:
    the bare number centred in the top margin from page 2 on, ДСТУ 4163:2020)."""

    footer_font_size = 9

    def __init__(self, *args, page_numbers: str = "total", **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self._page_numbers = page_numbers
        self._document_starts = [0]  # page indexes where a document of its own begins (letters)

    def restart_numbering(self) -> None:
        """The page being drawn starts a document of its own: its numbers start again from 1."""
        if len(self._saved_pages) not in self._document_starts:
            self._document_starts.append(len(self._saved_pages))

    def showPage(self):  # noqa: N802 - reportlab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        ends = self._document_starts[1:] + [len(self._saved_pages)]
        numbered = [(index - start + 1, end - start) for start, end in zip(self._document_starts, ends)
                    for index in range(start, end)]
        for (number, total), state in zip(numbered, self._saved_pages):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        width, height = self._pagesize
        if self._page_numbers == "top":
            if number > 1:
                self.setFont(SERIF, 12)
                self.drawCentredString(width / 2, height - 14 * mm, str(number))  # ≥ 10 mm from the edge
            return
        self.setFont(SERIF, self.footer_font_size)
        self.drawRightString(width - 10 * mm, 8 * mm, page_number_text(number, total))


class RestartNumbering(Flowable):
    """Placed first on a page: that page begins a document of its own (NumberedCanvas)."""

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        restart = getattr(self.canv, "restart_numbering", None)
        if restart is not None:
            restart()


def _frame(pagesize, margins, frame_id: str) -> Frame:
    width, height = pagesize
    return Frame(margins["left"], margins["bottom"], width - margins["left"] - margins["right"],
                 height - margins["top"] - margins["bottom"], id=frame_id, leftPadding=0, rightPadding=0,
                 topPadding=0, bottomPadding=0)


def _set_page_size(pagesize):
    def on_page(canvas, _doc):
        canvas.setPageSize(pagesize)
    return on_page


class OfficialDocument(BaseDocTemplate):
    """A4 document with a portrait and a landscape page template (switch with NextPageTemplate)."""

    def __init__(self, path: Path | str, title: str, author: str = "kr_desktop", **kwargs):
        register_fonts()
        super().__init__(str(path), pagesize=PORTRAIT, title=title, author=author, **kwargs)
        self.addPageTemplates([
            PageTemplate("portrait", frames=[_frame(PORTRAIT, PORTRAIT_MARGINS, "p")],
                         pagesize=PORTRAIT, onPage=_set_page_size(PORTRAIT)),
            PageTemplate("landscape", frames=[_frame(LANDSCAPE, LANDSCAPE_MARGINS, "l")],
                         pagesize=LANDSCAPE, onPage=_set_page_size(LANDSCAPE)),
        ])

    @staticmethod
    def frame_width(template: str) -> float:
        size, margins = (PORTRAIT, PORTRAIT_MARGINS) if template == "portrait" else (LANDSCAPE, LANDSCAPE_MARGINS)
        return size[0] - margins["left"] - margins["right"]

    def build_numbered(self, story, page_numbers: str = "total") -> None:
        self.build(story, canvasmaker=partial(NumberedCanvas, page_numbers=page_numbers))
