"""Print preview inside the window before a report is printed or saved.

Every report of the application is first a PDF (``kr_desktop.reports``): the preview renders its
pages to images with pdfium (pypdfium2) and paints them on a ``QPrinter`` — on the preview
widget for the screen, on the system printer chosen in ``QPrintDialog`` for paper. So what is
previewed and printed is exactly the PDF the report functions write, and «Зберегти як…» writes
the same report as PDF, DOCX or XLSX.

Use: ``preview_report(parent, title, render, "Звіт.pdf")`` where ``render(path)`` writes the
report to ``path`` (the format by its extension) and returns something other than None.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from kr_desktop.errors import UserError
from kr_desktop.output_files import write_atomically
from kr_desktop.ui import app_texts as t
from kr_desktop.ui.save_dialog import ask_save_path

PREVIEW_DPI = 110  # enough for the screen; the preview paints every page when it opens
PRINT_DPI = 300
FILTERS = {"pdf": t.FILTER_PDF, "docx": t.FILTER_DOCX, "xlsx": t.FILTER_XLSX}


class PdfPages:
    """A PDF's pages as images, rendered when first asked for (and kept per resolution)."""

    def __init__(self, path: Path):
        import pypdfium2

        self.document = pypdfium2.PdfDocument(str(path))
        self.sizes = [self.document.get_page_size(i) for i in range(len(self.document))]  # points
        self._images: dict[tuple[int, int], QImage] = {}

    def __len__(self) -> int:
        return len(self.sizes)

    def image(self, index: int, dpi: int) -> QImage:
        key = (index, dpi)
        if key not in self._images:
            page = self.document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()  # own the pixels before pdfium frees them
            bitmap.close()
            page.close()
            self._images[key] = image
        return self._images[key]

    def page_layout(self, index: int) -> QPageLayout:
        width, height = self.sizes[index]
        orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
        size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point, "",
                         QPageSize.SizeMatchPolicy.FuzzyMatch)  # A4 stays A4 on the printer
        return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))

    def close(self) -> None:
        self._images.clear()
        self.document.close()


def paint_pages(printer: QPrinter, pages: PdfPages, dpi: int) -> None:
    """Paint every page of the PDF on the printer, each on its own sheet of the PDF's size and
    orientation; the PDF has its own margins, so the sheet is used whole."""
    printer.setFullPage(True)
    if len(pages):
        printer.setPageLayout(pages.page_layout(0))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(t.PRINTER_FAILED)
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in range(len(pages)):
            if index:
                # While printing only the size and orientation may change, and only for the next page.
                layout = pages.page_layout(index)
                if layout.orientation() != printer.pageLayout().orientation():
                    printer.setPageOrientation(layout.orientation())
                if not layout.pageSize().isEquivalentTo(printer.pageLayout().pageSize()):
                    printer.setPageSize(layout.pageSize())
                printer.newPage()
            image = pages.image(index, min(dpi, max(printer.resolution(), 72)))
            area = printer.pageLayout().fullRectPixels(printer.resolution())  # this sheet, as turned now
            painter.setViewport(area)
            painter.setWindow(area)
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - scaled.width()) // 2
            y = area.y() + (area.height() - scaled.height()) // 2
            painter.drawImage(QRect(x, y, scaled.width(), scaled.height()), image)
    finally:
        painter.end()


class ReportPreviewDialog(QDialog):
    """The report's pages as they will print, with «Друкувати…», «Зберегти як…» and zoom."""

    def __init__(self, title: str, pdf: Path, render: Callable[[Path], object], suggested_name: str,
                 formats: tuple[str, ...] = ("pdf", "docx", "xlsx"), parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t.PREVIEW_TITLE.format(title=title))
        self.setObjectName("reportPreview")
        self.pdf, self.render, self.suggested_name, self.formats = pdf, render, suggested_name, formats
        self.pages = PdfPages(pdf)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(Path(suggested_name).stem)
        self.saved: Path | None = None
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("previewPages")
        self.preview.paintRequested.connect(lambda printer: paint_pages(printer, self.pages, PREVIEW_DPI))

        bar = QHBoxLayout()
        self.print_button = QPushButton(t.PREVIEW_PRINT)
        self.print_button.clicked.connect(lambda: self.print_dialog())
        self.save_button = QPushButton(t.PREVIEW_SAVE)
        self.save_button.clicked.connect(lambda: self.save_as())
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(24)
        for label, slot in ((t.PREVIEW_ZOOM_OUT, self.preview.zoomOut), (t.PREVIEW_ZOOM_IN, self.preview.zoomIn),
                            (t.PREVIEW_FIT_WIDTH, self.preview.fitToWidth),
                            (t.PREVIEW_WHOLE_PAGE, lambda: self.preview.setZoomMode(
                                QPrintPreviewWidget.ZoomMode.FitInView))):
            button = QPushButton(label)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        bar.addStretch(1)
        self.pages_label = QLabel(t.PREVIEW_PAGES.format(count=len(self.pages)))
        bar.addWidget(self.pages_label)
        close = QPushButton(t.PREVIEW_CLOSE)
        close.clicked.connect(self.reject)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.preview, 1)
        self.preview.fitToWidth()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            self.resize(min(1000, available.width() - 40), available.height() - 80)

    def page_count(self) -> int:
        """Pages the preview has painted (it paints when first shown)."""
        return self.preview.pageCount()

    def print_dialog(self) -> bool:
        """The system's print dialog; prints on the chosen printer with the chosen copies and pages."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(t.PRINT_DIALOG_TITLE)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            paint_pages(printer, self.pages, PRINT_DPI)
        except UserError as exc:
            QMessageBox.warning(self, t.PRINT_FAILED_TITLE, exc.message)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def save_as(self, path: str | None = None) -> Path | None:
        """Save the report as PDF (the previewed file itself), DOCX or XLSX."""
        if not path:
            filters = ";;".join(FILTERS[f] for f in self.formats)
            path = ask_save_path(self, t.SAVE_AS_TITLE, self.suggested_name, filters, self.formats)
            if not path:
                return None
        out = Path(path)
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in self.formats:
            QMessageBox.warning(self, t.SAVE_FAILED_TITLE, t.UNKNOWN_FORMAT.format(formats=", ".join(self.formats)))
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if fmt == "pdf":  # the previewed file itself, through a temporary file: never half-written
                write_atomically(out, lambda temp: shutil.copyfile(self.pdf, temp))
            else:
                def render_into(temp: Path) -> None:
                    if self.render(temp) is None:  # cancelled: no file must appear
                        raise _NotMade
                write_atomically(out, render_into)
        except _NotMade:
            return None
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, t.SAVE_FAILED_TITLE, getattr(exc, "message", None) or str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.saved = out
        window = self.parent().window() if self.parent() is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(t.REPORT_SAVED.format(path=out))
        return out

    def done(self, result: int) -> None:
        self.pages.close()
        super().done(result)


class _NotMade(Exception):
    """The renderer made nothing (cancelled): no file must appear."""


def make_preview(parent: QWidget | None, title: str, render: Callable[[Path], object], suggested_name: str,
                 formats: tuple[str, ...] = ("pdf", "docx", "xlsx")) -> ReportPreviewDialog | None:
    """Render the report to a temporary PDF and build its preview (None if the report was not made:
    cancelled, or refused with a message already shown)."""
    folder = Path(tempfile.mkdtemp(prefix="kr-preview-"))
    pdf = folder / (Path(suggested_name).stem + ".pdf")
    window = parent.window() if parent is not None else None
    status = window.statusBar().currentMessage() if window is not None and hasattr(window, "statusBar") else None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        made = render(pdf)
    except UserError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, t.REPORT_FAILED_TITLE, exc.message)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    else:
        QGuiApplication.restoreOverrideCursor()
    if status is not None:
        window.statusBar().showMessage(status)  # the temporary file is not "saved" for the user
    if made is None or not pdf.exists():
        shutil.rmtree(folder, ignore_errors=True)
        return None
    dialog = ReportPreviewDialog(title, pdf, render, suggested_name, formats, parent)
    dialog.finished.connect(lambda _r: shutil.rmtree(folder, ignore_errors=True))
    return dialog


def preview_report(parent: QWidget | None, title: str, render: Callable[[Path], object], suggested_name: str,
                   formats: tuple[str, ...] = ("pdf", "docx", "xlsx")) -> Path | None:
    """Show the report's preview; returns the file saved from it, if any."""
    dialog = make_preview(parent, title, render, suggested_name, formats)
    if dialog is None:
        return None
    dialog.exec()
    saved = dialog.saved
    dialog.deleteLater()  # its pages are closed; nothing of it outlives the preview
    return saved
