"""Award materials stock: balances through receipts, presented awards, write-offs, an undone and a
deleted award; negative balance refused for write-offs; the stock report read back."""

import datetime as dt

import docx
import openpyxl
import pdfplumber
import pytest

from kr_desktop.cli import main
from kr_desktop.errors import ValidationError
from kr_desktop.reports.output import render
from kr_desktop.reports.stock_report import build_stock_report
from kr_desktop.services import award_types, awards, persons, stock, undo

D = dt.date


def _item(db, fragment):
    return next(b for b in stock.balances(db) if fragment in b.name)


def _badge(db):
    return next(x for x in award_types.list_award_types(db) if "заслуги" in x.name)


def _award(db, surname, degree=3, presented=D(2025, 5, 25)):
    pid = persons.create_person(db, persons.PersonInput(surname, "Іван", "Іванович", "ч"), allow_duplicate=True)
    return awards.save_award(db, awards.AwardInput(pid, _badge(db).id, degree, act_number="408",
                                                   act_date=D(2025, 5, 13), presented_on=presented),
                             confirm=True).award_id


def test_balances_through_receipts_awards_writeoffs_undo_and_delete(db):
    badge3 = _item(db, "III ступеня")
    case = _item(db, "Футляр")
    stock.add_receipt(db, badge3.id, D(2025, 1, 10), 10, "Договір №15 від 10.01.2025")
    stock.add_receipt(db, case.id, D(2025, 1, 10), 5, "ТОВ «Сувенір»")
    assert (_item(db, "III ступеня").balance, _item(db, "Футляр").balance) == (10, 5)

    first = _award(db, "Іваненко")
    _award(db, "Петренко")
    assert (_item(db, "III ступеня").balance, _item(db, "Футляр").balance) == (8, 3)
    assert _item(db, " II ступеня").balance == 0  # another degree takes its own badge

    not_presented = _award(db, "Сидоренко", presented=None)
    assert _item(db, "III ступеня").balance == 8  # issued only when presented
    detail = awards.get_award(db, not_presented)
    from dataclasses import replace
    awards.save_award(db, replace(detail.as_input(), presented_on=D(2025, 6, 1)), not_presented, detail.version,
                      confirm=True)
    assert _item(db, "III ступеня").balance == 7
    undo.undo(db)  # undoing the presentation gives the items back
    assert _item(db, "III ступеня").balance == 8

    stock.write_off(db, badge3.id, D(2025, 6, 2), 2, "Брак виробника")
    assert _item(db, "III ступеня").balance == 6
    with pytest.raises(ValidationError, match="лише 6"):
        stock.write_off(db, badge3.id, D(2025, 6, 2), 7, "Втрачено")
    with pytest.raises(ValidationError, match="причину"):
        stock.write_off(db, badge3.id, D(2025, 6, 2), 1, " ")
    assert _item(db, "III ступеня").balance == 6

    awards.delete_award(db, first)  # deleting an award gives its items back, in the same change
    assert (_item(db, "III ступеня").balance, _item(db, "Футляр").balance) == (7, 4)
    undo.undo(db)  # and undoing the deletion takes them again
    assert (_item(db, "III ступеня").balance, _item(db, "Футляр").balance) == (6, 3)
    totals = _item(db, "III ступеня")
    assert (totals.received, totals.issued, totals.written_off) == (10, 2, 2)


def test_low_threshold_and_shortage_and_accounting_start(db):
    from kr_desktop.services.settings import set_settings

    badge1 = _item(db, " I ступеня")
    stock.set_threshold(db, badge1.id, 2)
    stock.add_receipt(db, badge1.id, D(2025, 1, 1), 3)
    assert not _item(db, " I ступеня").low
    _award(db, "Коваль", degree=1)
    assert _item(db, " I ступеня").low and not _item(db, " I ступеня").short
    blank = _item(db, "Бланк посвідчення до нагрудного")
    assert blank.balance == -1 and blank.short  # an award is never refused for stock; the shortage shows
    set_settings(db, {stock.ACCOUNTING_FROM: "2026-01-01"})
    _award(db, "Мельник", degree=1, presented=D(2025, 12, 1))  # before the stock was kept: nothing issued
    assert _item(db, " I ступеня").balance == 2
    with pytest.raises(ValidationError, match="від'ємним"):
        stock.delete_movement(db, stock.movements(db, badge1.id)[-1].id)


def test_stock_report_in_every_format(db, tmp_path):
    item = _item(db, "Стрічка")
    stock.add_receipt(db, item.id, D(2025, 2, 3), 12, "Договір №7")
    stock.write_off(db, item.id, D(2025, 2, 4), 1, "Пошкоджено")
    document = build_stock_report(db)
    pdf, docx_path, xlsx = tmp_path / "s.pdf", tmp_path / "s.docx", tmp_path / "s.xlsx"
    for path in (pdf, docx_path, xlsx):
        render(document, path)
    with pdfplumber.open(pdf) as p:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in p.pages)
    assert "Облік матеріалів для відзнак" in text and "Стрічка «Почесний громадянин міста» шт. 12 0 1 11 2" in text
    assert "Договір № 7" in text and "Пошкоджено" in text  # «№» bound to its number
    words = "\n".join(c.text for t in docx.Document(docx_path).tables for r in t.rows for c in r.cells)
    assert "Стрічка «Почесний громадянин міста»" in words and "11" in words
    sheet = openpyxl.load_workbook(xlsx).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    row = next(r for r in rows if r[1] == "Стрічка «Почесний громадянин міста»")
    assert row[3:8] == [12, 0, 1, 11, 2]


def test_stock_report_command(db_path, tmp_path, capsys):
    out = tmp_path / "stock.xlsx"
    assert main(["report", "stock", "--db", str(db_path), "--out", str(out), "--to", "31.12.2025"]) == 0
    assert out.exists() and "Звіт збережено" in capsys.readouterr().out
    assert main(["report", "stock", "--db", str(db_path), "--out", str(tmp_path / "s.txt")]) == 2
    assert "розширення" in capsys.readouterr().err


def test_imported_presented_awards_take_their_materials(db, tmp_path):
    """An award imported from Excel with a presentation date issues its materials like one saved in
    the window; an imported award without the date issues nothing; undo gives them back."""
    import openpyxl

    from kr_desktop.services.award_import import import_awards

    header = ["Прізвище", "Ім'я", "По батькові", "Стать", "Відзнака", "Ступінь", "Вид документа",
              "Номер документа", "Дата документа", "Номер посвідчення", "Дата вручення"]
    badge = "Нагрудний знак «За заслуги перед містом»"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    sheet.append(["Ґава", "Мар'яна", "Іванівна", "ж", badge, "ІІІ", "розпорядження міського голови", "12",
                  "01.05.2025", "501", "25.05.2025"])
    sheet.append(["Їжак", "Ілля", "Ігорович", "ч", badge, "ІІІ", "розпорядження міського голови", "12",
                  "01.05.2025", "502", None])
    path = tmp_path / "awards.xlsx"
    workbook.save(path)
    before = (_item(db, "III ступеня").balance, _item(db, "Футляр").balance)
    import_awards(db, path)
    assert (_item(db, "III ступеня").balance, _item(db, "Футляр").balance) == (before[0] - 1, before[1] - 1)
    issued = [m for m in stock.movements(db, _item(db, "III ступеня").id) if m.kind == "issue"]
    assert [m.moved_on for m in issued] == [D(2025, 5, 25)]
    undo.undo(db)
    assert (_item(db, "III ступеня").balance, _item(db, "Футляр").balance) == before
