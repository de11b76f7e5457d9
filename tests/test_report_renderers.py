"""The shared renderers: the same document as PDF, DOCX and XLSX, read back."""

import datetime as dt
import re
from decimal import Decimal

import docx
import openpyxl
import pdfplumber
import pytest

from kr_desktop.reports.document import (BarChart, Column, Heading, PageBreak, Para, ReportDocument, Row, Signature, SignatureBlock, TableBlock)
from kr_desktop.reports.output import render

NAMES = ["ҐАВРИЛЮК Ярина Ігорівна", "ЄВТУШЕНКО Мар’яна Олегівна", "ЇЖАКЕВИЧ Ілля Іванович"]


def _document(rows: int = 120) -> ReportDocument:
    cols = (Column("№ з/п", 0.6, "int", wrap=False), Column("Прізвище, ім’я, по батькові", 4),
            Column("Дата", 1.2, "date", wrap=False), Column("Сума, грн", 1.5, "money", wrap=False))
    body = [Row.group("Нагрудний знак «За заслуги перед містом» ІІІ ступеня")]
    body += [Row((i, NAMES[i % 3], dt.date(2026, 11, 30), Decimal("1391386.005") + i)) for i in range(1, rows + 1)]
    body.append(Row(("", "Усього", None, Decimal("12023016")), "total"))
    return ReportDocument("Список", (
        Heading("Список нагороджених"), Para("Пояснення до списку."), TableBlock(cols, tuple(body)),
        SignatureBlock((Signature("Керуючий справами виконкому", "Олена ШОВГЕЛЯ"),), "Виконавець: Петренко, 74-00-00"),
        PageBreak(), BarChart("План і факт", ("Напрям 1", "Напрям 2"),
                              (("План", (Decimal(100), Decimal(200))), ("Факт", (Decimal(80), Decimal(210))))),
    ))


def test_pdf_holds_every_row_once_with_formatted_values(tmp_path):
    out = render(_document(), tmp_path / "r.pdf")
    with pdfplumber.open(out) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    text = "\n".join(pages).replace("\u00a0", " ")
    assert text.count("1 391 387,01") == 1 and text.count("1 391 506,01") == 1  # half-up, first and last
    assert "12 023 016,00" in text and "30.11.2026" in text
    assert "Олена ШОВГЕЛЯ" in text and "Виконавець: Петренко" in text
    assert all(f"Сторінка {i} з {len(pages)}" in p.replace("\u00a0", " ") for i, p in enumerate(pages, 1))
    # The header repeats on every page that carries rows.
    for page in pages[:-2]:
        if re.search(r"ҐАВРИЛЮК|ЄВТУШЕНКО|ЇЖАКЕВИЧ", page):
            assert "Прізвище, ім’я, по батькові" in page


def test_docx_is_a_real_table_with_a_repeated_header(tmp_path):
    out = render(_document(), tmp_path / "r.docx")
    document = docx.Document(str(out))
    table = document.tables[0]
    assert table.rows[0].cells[1].text == "Прізвище, ім’я, по батькові"
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert table.rows[1].cells[0].text.startswith("Нагрудний знак")
    assert table.rows[2].cells[3].text.replace("\u00a0", " ") == "1 391 387,01"
    assert len(table.rows) == 1 + 1 + 120 + 1


def test_xlsx_has_real_numbers_and_dates(tmp_path):
    out = render(_document(), tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    data = [r for r in rows if isinstance(r[0], int)]
    assert len(data) == 120
    first = data[0]
    assert first[2] == dt.datetime(2026, 11, 30)
    assert isinstance(first[3], (int, float)) and abs(first[3] - 1391387.01) < 1e-6
    assert any(r[1] == "Усього" and r[3] == 12023016 for r in rows)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError):
        render(_document(3), tmp_path / "r.odt")
