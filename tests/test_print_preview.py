"""The print preview: the report's PDF pages painted on the preview and on a printer, and «Зберегти
як…» in PDF, DOCX and XLSX."""

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from kr_desktop.errors import UserError
from kr_desktop.reports.document import (Column, Heading, PageBreak, Para, ReportDocument, Row, TableBlock)
from kr_desktop.reports.output import render
from kr_desktop.ui.print_preview import make_preview

PEOPLE = [(f"ПЕТРЕНКО{n} Ольга Миколаївна", n * 1000) for n in range(1, 81)]


def _document() -> ReportDocument:
    """Three pages: a portrait one, a page break, then a table; and a landscape variant below."""
    table = TableBlock((Column("Особа", 3), Column("Сума", 1, kind="money")),
                       tuple(Row((name, amount)) for name, amount in PEOPLE))
    return ReportDocument("Перевірка друку", (Heading("Перелік для друку"), Para("Перша сторінка."), PageBreak(),
                                              table))


def _renderer(document, calls):
    def render_to(path: Path):
        path = Path(path)  # a temporary ".<name>.<random>.docx.part" is written as its real format
        calls.append(Path(path.stem).suffix if path.suffix == ".part" else path.suffix)
        return render(document, path)
    return render_to


@pytest.fixture
def preview(qtbot, request):
    """make_preview, closed after the test (the dialog owns an open PDF and a temporary folder)."""
    made = []

    def make(*args, **kwargs):
        dialog = make_preview(None, *args, **kwargs)
        qtbot.addWidget(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()


def _pages(path: Path) -> list[tuple[int, int]]:
    with pdfplumber.open(path) as pdf:
        return [(round(p.width), round(p.height)) for p in pdf.pages]


def test_preview_shows_every_page_of_the_report(preview, tmp_path):
    calls = []
    document = _document()
    dialog = preview("Перелік", _renderer(document, calls), "Перелік.pdf")
    dialog.show()
    expected = _pages(render(document, tmp_path / "direct.pdf"))
    assert len(expected) >= 3
    assert dialog.page_count() == len(expected)
    assert dialog.pages_label.text() == f"Сторінок: {len(expected)}"
    assert calls == [".pdf"]


def test_printing_paints_each_page_on_its_own_sheet(preview, tmp_path):
    portrait = _document()
    landscape = ReportDocument(portrait.title, portrait.blocks, orientation="landscape")
    for document in (portrait, landscape):
        dialog = preview("Перелік", _renderer(document, []), "Перелік.pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / f"printed-{document.orientation}.pdf"
        printer.setOutputFileName(str(out))
        assert dialog.print_to(printer)
        assert _pages(out) == _pages(dialog.pdf)  # same count, sizes and orientation as the report
        assert len(_pages(out)) >= 3


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_save_as_writes_the_report_in_the_chosen_format(preview, tmp_path, fmt):
    calls = []
    dialog = preview("Перелік", _renderer(_document(), calls), "Перелік.pdf")
    out = dialog.save_as(str(tmp_path / f"Перелік.{fmt}"))
    assert out == tmp_path / f"Перелік.{fmt}" and dialog.saved == out
    if fmt == "pdf":
        assert calls == [".pdf"]  # the previewed file itself, not a second rendering
        with pdfplumber.open(out) as pdf:
            text = " ".join(page.extract_text() for page in pdf.pages)
    elif fmt == "docx":
        import docx

        assert calls == [".pdf", ".docx"]
        document = docx.Document(str(out))
        text = " ".join([p.text for p in document.paragraphs]
                        + [c.text for t in document.tables for r in t.rows for c in r.cells])
    else:
        import openpyxl

        assert calls == [".pdf", ".xlsx"]
        sheet = openpyxl.load_workbook(out).active
        text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "Перелік для друку" in text
    assert "ПЕТРЕНКО80 Ольга Миколаївна" in text


def test_save_as_refuses_an_unknown_format(preview, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a[2])))
    dialog = preview("Програма", _renderer(_document(), []), "Програма.pdf", ("pdf",))
    assert dialog.save_as(str(tmp_path / "Програма.docx")) is None
    assert not (tmp_path / "Програма.docx").exists()
    assert warned == ["Звіт можна зберегти лише у форматах: pdf."]


def test_a_refused_or_cancelled_report_opens_no_preview(qtbot, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a[2])))

    def refuse(_path):
        raise UserError("Немає даних за вибраний період.")

    assert make_preview(None, "Звіт", refuse, "Звіт.pdf") is None
    assert warned == ["Немає даних за вибраний період."]
    assert make_preview(None, "Звіт", lambda _path: None, "Звіт.pdf") is None  # cancelled in a file dialog


def test_control_screen_report_buttons_open_the_preview(qtbot, db, monkeypatch):
    from kr_desktop.ui import print_preview
    from kr_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    shown = []

    def exec_(dialog):
        dialog.show()
        shown.append((dialog.windowTitle(), dialog.page_count(), dialog.suggested_name))
        dialog.reject()
        return 0

    monkeypatch.setattr(print_preview.ReportPreviewDialog, "exec", exec_)
    assert window.control_screen.print_budget(year=2024) is None  # nothing saved from the preview
    assert shown and shown[0][0] == "Попередній перегляд — Використання коштів 2024"
    assert shown[0][1] >= 1 and shown[0][2] == "Використання_коштів_2024.pdf"


def test_each_page_is_shown_in_its_own_orientation(qtbot, db, tmp_path):
    """The Program: a portrait passport, then landscape annexes — each page on screen as the PDF has
    it, not every page in one paper's frame."""
    from kr_desktop.reports.program_pdf import render_program_pdf
    from kr_desktop.services.program_view import load_document

    document = load_document(db)
    dialog = make_preview(None, "Програма", lambda path: render_program_pdf(document, path), "Програма.pdf", ("pdf",))
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    view = dialog.preview
    sizes = _pages(dialog.pdf)
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] > sizes[-1][1]  # portrait first, landscape last
    for index, (width, height) in enumerate(sizes):
        rect = view.page_rect(index)
        assert (rect.width() > rect.height()) == (width > height), index
        assert abs(rect.width() / rect.height() - width / height) < 0.01  # the whole page, not cut
    view.fit_page()
    for index in range(len(sizes)):
        rect = view.page_rect(index)
        assert rect.width() <= view.viewport().width() and rect.height() <= view.viewport().height()
    # what is painted is the page itself: the first page's image has the passport's proportions
    image = view.pages.image(0, view.render_dpi())
    assert abs(image.width() / image.height() - sizes[0][0] / sizes[0][1]) < 0.01
    dialog.reject()


def test_a_missing_signer_name_is_pointed_out_and_set_from_the_preview(qtbot, db, monkeypatch):
    from kr_desktop.services.signers import signer
    from kr_desktop.ui import print_preview, signers_dialog
    from kr_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    seen = []

    def exec_(dialog):
        dialog.show()
        notice = dialog.signer_notice
        seen.append(notice is not None and notice.isVisible())
        if notice is not None:
            def answer(ask):
                ask.name.setText("Олена ШОВГЕЛЯ")
                return signers_dialog.QDialog.DialogCode.Accepted

            monkeypatch.setattr(signers_dialog._AskName, "exec", answer)
            assert dialog.set_signer("reports")
            with pdfplumber.open(dialog.pdf) as pdf:
                seen.append("Олена ШОВГЕЛЯ" in pdf.pages[-1].extract_text())
        dialog.reject()
        return 0

    monkeypatch.setattr(print_preview.ReportPreviewDialog, "exec", exec_)
    window.control_screen.print_budget(year=2024)
    assert seen == [True, True]
    assert signer(db, "reports").name == "Олена ШОВГЕЛЯ"
    window.control_screen.print_budget(year=2024)
    assert seen[-1] is False  # set once: no notice any more
