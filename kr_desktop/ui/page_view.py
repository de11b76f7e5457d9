"""The pages of a PDF on screen, each in its own size and orientation.

Qt's QPrintPreviewWidget lays every page out on the printer's one paper size, so the Program's
portrait passport beside its landscape annexes was drawn in landscape frames and cut. This view
draws each page as the PDF has it (rendered by pdfium, see print_preview.PdfPages), one under the
other, and renders only the pages in sight: a 600-page list opens at once.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QScrollArea, QWidget

MARGIN = 16  # pixels around and between the pages
MIN_ZOOM, MAX_ZOOM = 0.15, 6.0  # pixels per point
ZOOM_STEP = 1.25


class _Canvas(QWidget):
    def __init__(self, view: "PageView"):
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#808080"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dpi = self.view.render_dpi()
        for index in self.view.pages_in(event.rect()):
            rect = self.view.page_rect(index)
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 90))  # a shadow under the sheet
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.drawImage(rect, self.view.pages.image(index, dpi))
        painter.end()


class PageView(QScrollArea):
    """Pages one under the other, centred; zoom in and out, fit the width or a whole page."""

    def __init__(self, pages, parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = pages  # print_preview.PdfPages: page sizes in points, images on demand
        self.zoom = 1.0
        self._fit: str | None = "width"
        self._tops: list[int] = []
        self.canvas = _Canvas(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(self.backgroundRole())
        self._layout()

    # -- geometry ---------------------------------------------------------------------------------
    def page_size(self, index: int) -> QSize:
        width, height = self.pages.sizes[index]
        return QSize(round(width * self.zoom), round(height * self.zoom))

    def page_rect(self, index: int) -> QRect:
        size = self.page_size(index)
        return QRect((self.canvas.width() - size.width()) // 2, self._tops[index], size.width(), size.height())

    def pages_in(self, area: QRect) -> list[int]:
        return [i for i in range(len(self.pages)) if self.page_rect(i).adjusted(0, 0, 3, 3).intersects(area)]

    def _layout(self) -> None:
        widest = max((self.page_size(i).width() for i in range(len(self.pages))), default=0)
        tops, y = [], MARGIN
        for i in range(len(self.pages)):
            tops.append(y)
            y += self.page_size(i).height() + MARGIN
        self._tops = tops
        self.canvas.resize(max(widest + 2 * MARGIN, self.viewport().width()), y)
        self.canvas.update()

    def render_dpi(self) -> int:
        """The resolution pages are rendered at for this zoom, in steps (a small zoom change does
        not render every page again)."""
        wanted = self.zoom * 72 * self.devicePixelRatioF()
        return max(36, min(300, int(-(-wanted // 24) * 24)))

    # -- zoom -------------------------------------------------------------------------------------
    def set_zoom(self, zoom: float, fit: str | None = None) -> None:
        self._fit = fit
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._layout()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        widest = max((w for w, _h in self.pages.sizes), default=1)
        room = self.viewport().width() - 2 * MARGIN - self.verticalScrollBar().sizeHint().width()
        self.set_zoom(max(room, 50) / widest, "width")

    def fit_page(self) -> None:
        room_w = self.viewport().width() - 2 * MARGIN
        room_h = self.viewport().height() - 2 * MARGIN
        zoom = min(min(room_w / w, room_h / h) for w, h in self.pages.sizes) if self.pages.sizes else 1.0
        self.set_zoom(zoom, "page")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._fit == "width":
            self.fit_width()
        elif self._fit == "page":
            self.fit_page()
        else:
            self._layout()
