"""Draft decisions from the awards of one basis act: wording and case per award, the document in
DOCX and PDF read back, the command line, and the window's editable forms kept for next time."""

import datetime as dt

import docx
import pdfplumber
import pytest

from kr_desktop.cli import main
from kr_desktop.errors import UserError
from kr_desktop.reports.decision_draft import build_decision
from kr_desktop.reports.output import render
from kr_desktop.services import award_types, awards, decisions, persons
from kr_desktop.services.settings import set_settings

D = dt.date


def _type(db, fragment):
    return next(x for x in award_types.list_award_types(db) if fragment in x.name)


def _award(db, person, type_fragment, degree=None, number="408", date=D(2025, 5, 13), kind="executive"):
    pid = persons.create_person(db, persons.PersonInput(*person), allow_duplicate=True)
    awards.save_award(db, awards.AwardInput(pid, _type(db, type_fragment).id, degree, act_kind=kind,
                                            act_number=number, act_date=date), confirm=True)
    return pid


@pytest.fixture
def act(db):
    _award(db, ("Сторожук", "Анатолій", "Васильович", "ч", None, "ПрАТ «Криворіжсталь»", "голова правління"),
           "заслуги", 3)
    _award(db, ("Мар’яненко", "Ґанна", "Їжаківна", "ж", None, "КНП «Лікарня №2»", "лікарка"), "заслуги", 3)
    _award(db, ("Косач-Квітка", "Лариса", "Петрівна", "ж"), "Почесна грамота")
    _award(db, ("Гюго", "Віктор", "", "ч"), "Подяка")
    set_settings(db, {decisions.SIGN_POSITION: "Міський голова", decisions.SIGN_NAME: "Олександр ВІЛКУЛ"})


def test_wording_and_cases(db, act):
    draft = decisions.draft_decision(db, "№ 408")
    assert draft.title == "Про нагородження та оголошення подяки міського голови" and draft.act_kind == "executive"
    assert draft.paragraphs() == [
        "1. Нагородити нагрудним знаком «За заслуги перед містом» III\u00a0ступеня:",
        "МАР’ЯНЕНКО Ґанну Їжаківну – лікарку, КНП «Лікарня №2»;",
        "СТОРОЖУКА Анатолія Васильовича – голову правління, ПрАТ «Криворіжсталь».",
        "2. Нагородити Почесною грамотою виконкому міської ради:",
        "КОСАЧ-КВІТКУ Ларису Петрівну.",
        "3. Оголосити подяку міського голови:",
        "ГЮГО Віктору.",
    ]
    assert decisions.wording("Почесний громадянин міста Кривого Рогу", True, None).case == "dative"


def test_honorary_title_is_dative_and_acts_with_the_same_number_need_a_date(db):
    _award(db, ("Сторожук", "Анатолій", "Васильович", "ч"), "Почесний громадянин", number="83",
           date=D(1996, 5, 31), kind="council")
    draft = decisions.draft_decision(db, "83")
    assert draft.title == "Про присвоєння звання «Почесний громадянин міста Кривого Рогу»"
    assert draft.paragraphs()[1] == "СТОРОЖУКУ Анатолію Васильовичу."
    _award(db, ("Петренко", "Ольга", "Миколаївна", "ж"), "Грамота виконкому", number="83", date=D(2020, 1, 5))
    with pytest.raises(UserError, match="Вкажіть дату"):
        decisions.draft_decision(db, "83")
    assert decisions.draft_decision(db, "83", D(2020, 1, 5)).paragraphs()[1] == "ПЕТРЕНКО Ольгу Миколаївну."
    with pytest.raises(UserError, match="не знайдено"):
        decisions.draft_decision(db, "9999")


def test_decision_document_docx_and_pdf(db, act, tmp_path):
    document = build_decision(db, "408")
    render(document, tmp_path / "d.docx")
    render(document, tmp_path / "d.pdf")
    text = "\n".join(p.text for p in docx.Document(tmp_path / "d.docx").paragraphs).replace("\u00a0", " ")
    for expected in ("ВИКОНАВЧИЙ КОМІТЕТ КРИВОРІЗЬКОЇ МІСЬКОЇ РАДИ", "РІШЕННЯ", "13 травня 2025 року",
                     "Про нагородження", "СТОРОЖУКА Анатолія Васильовича – голову правління, ПрАТ «Криворіжсталь».",
                     "ГЮГО Віктору.", "Виконком міської ради вирішив:"):
        assert expected in text
    with pdfplumber.open(tmp_path / "d.pdf") as pdf:
        flat = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Нагородити нагрудним знаком «За заслуги перед містом» III ступеня:" in flat
    assert "КОСАЧ-КВІТКУ Ларису Петрівну." in flat and "Олександр ВІЛКУЛ" in flat


def test_decision_command(db_path, tmp_path, capsys):
    from kr_desktop.db.open import open_database

    db = open_database(db_path)
    try:
        _award(db, ("Ковальчук", "Марія", "Іванівна", "ж"), "Грамота міського голови", number="12/р",
               kind="mayor")
    finally:
        db.dispose()
    out = tmp_path / "r.docx"
    assert main(["report", "decision", "--act", "12/р", "--date", "13.05.2025", "--db", str(db_path),
                 "--out", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "РОЗПОРЯДЖЕННЯ" in text and "Нагородити Грамотою міського голови:" in text
    assert "КОВАЛЬЧУК Марію Іванівну." in text
    assert main(["report", "decision", "--act", "12/р", "--db", str(db_path), "--out", str(tmp_path / "r.xlsx")]) == 2
    assert main(["report", "decision", "--act", "777", "--db", str(db_path), "--out", str(out), "--force"]) == 2
    assert "не знайдено" in capsys.readouterr().err


def test_window_keeps_a_corrected_form(qtbot, db, act, tmp_path):
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.decision_screen import DecisionScreen

    screen = DecisionScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.make_draft("408")
    assert screen.forms.item(0, 2).text() == "МАР’ЯНЕНКО"
    row = next(r for r in range(screen.forms.rowCount()) if screen.forms.item(r, 0).text().startswith("ГЮГО"))
    screen.set_form(row, "ГЮГО", "Вікторові")
    assert screen.save_forms() == 1
    assert "ГЮГО Вікторові." in screen.text.toPlainText()
    path = screen.save_document(str(tmp_path / "w.docx"))
    assert "ГЮГО Вікторові." in "\n".join(p.text for p in docx.Document(path).paragraphs)
    again = decisions.draft_decision(db, "408")  # next time, from the stored correction
    assert any(e.corrected and e.line == "ГЮГО Вікторові" for e in again.entries)
