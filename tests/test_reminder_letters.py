"""Reminder letters read back as the department's clerk would read them: the letterhead, «№ ____
від ____», the addressee in the dative from the executors directory (head's position and name, a
corrected form kept; «Керівнику» + the unit in the genitive without a head), every overdue measure
by number and text, the due dates, the signature and the executor's line small at the bottom-left;
laid out per ДСТУ 4163:2020 (margins 30/10/20/20 mm, 14 pt serif, numbers restarting per letter,
no «Сторінка N з M») — in PDF and DOCX, one letter or all of them."""

import datetime as dt
import re

import docx
import pdfplumber
import pytest

from kr_desktop.errors import UserError
from kr_desktop.reports.output import render
from kr_desktop.reports.letters import build_letter, executor_letter, letters_document
from kr_desktop.services import executors
from kr_desktop.services.control import save_control_settings
from kr_desktop.services.progress import period_grid
from kr_desktop.services.progress_saving import save_entry
from kr_desktop.services.reminder_letters import letters_data, reply_date

ON = dt.date(2026, 7, 15)
MM = 72 / 25.4


def _unit(db, fragment):
    return next(e for e in executors.list_executors(db) if fragment in e.name)


@pytest.fixture
def directory(db):
    save_control_settings(db, {"program.reports.signer_name": "Олена ПЕТРЕНКО",
                               "program.reports.performer_name": "Коваленко Ірина",
                               "program.reports.performer_phone": "(056) 490-12-34",
                               "program.reports.sender_details": "пл. Молодіжна, 1, м. Кривий Ріг, 50101"})
    education = _unit(db, "Кадрова служба")
    executors.update_executor(db, education.id, education.name, education.short_name,
                              expected_version=education.version, head_position="Начальниця кадрової служби",
                              head_name="Скиба Ганна Олексіївна", phone="(056) 74-11-22")
    return {"education": education.id, "plain": _unit(db, "Адміністративно-господарчий").id,
            "districts": _unit(db, "Виконкоми районних").id}


def _pdf(path):
    with pdfplumber.open(path) as pdf:
        return [(page.width, page.height, page.extract_words(extra_attrs=["size", "fontname"]),
                 " ".join((page.extract_text() or "").split())) for page in pdf.pages]


def _flat(text):
    return " ".join(text.replace("\u00a0", " ").split())


def test_one_executors_letter_reads_right_in_pdf_and_docx(db, directory, tmp_path):
    data = letters_data(db, ON, [directory["education"]])
    (letter,) = data.letters
    assert letter.addressee.lines() == ["Начальниці кадрової служби", "Ганні СКИБІ"]
    measures = [m for section in letter.sections for m in section.measures]
    assert measures and all(re.fullmatch(r"\d+\.\d+", m.number) and len(m.text) > 20 for m in measures)
    assert data.reply_by == reply_date(ON) == dt.date(2026, 7, 22)
    document = build_letter(data, directory["education"])
    assert executor_letter(db, ON, directory["education"]) == document
    pages = _pdf(render(document, tmp_path / "l.pdf"))
    text = _flat(" ".join(p[3] for p in pages))
    for phrase in ("ВИКОНАВЧИЙ КОМІТЕТ КРИВОРІЗЬКОЇ МІСЬКОЇ РАДИ", "УПРАВЛІННЯ ОРГАНІЗАЦІЙНО-ПРОТОКОЛЬНОЇ РОБОТИ",
                   "пл. Молодіжна, 1, м. Кривий Ріг, 50101", "№ _______________ від _______________",
                   "Начальниці кадрової служби", "Ганні СКИБІ",
                   "Про надання інформації щодо виконання Програми", "(строк подання — до 10 липня 2026 року)",
                   "до 22 липня 2026 року.", "Олена ПЕТРЕНКО", "Виконавець: Коваленко Ірина, тел. (056) 490-12-34"):
        assert phrase in text, phrase
    for m in measures:  # number and the start of the text, never a bare number
        assert _flat(f"{m.number}. {' '.join(m.text.split()[:4])}") in text
    assert "Сторінка" not in text and "Керівнику" not in text
    words = [w for p in pages for w in p[2]]
    width, height = pages[0][0], pages[0][1]
    assert min(w["x0"] for w in words) >= 30 * MM - 0.5 and max(w["x1"] for w in words) <= width - 10 * MM + 0.5
    assert all(20 * MM - 0.5 <= w["top"] and w["bottom"] <= height - 20 * MM + 0.5 for p in pages[:1] for w in p[2])
    addressee = next(w for w in pages[0][2] if w["text"] == "Начальниці")
    assert addressee["x0"] >= 30 * MM + 85 * MM  # the right half of the text width
    body = [w for w in words if w["text"] == "Просимо"]
    assert body and round(body[0]["size"]) == 14 and "Serif" in body[0]["fontname"]
    last = pages[-1][2]
    executor = next(w for w in last if w["text"] == "Виконавець:")
    signer = next(w for w in last if w["text"] == "ПЕТРЕНКО")
    assert executor["size"] < 12 and executor["top"] > signer["bottom"] and abs(executor["x0"] - 30 * MM) < 1

    doc = docx.Document(render(document, tmp_path / "l.docx"))
    body_text = _flat("\n".join(p.text for p in doc.paragraphs) + " " + " ".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells))
    for phrase in ("Начальниці кадрової служби", "Ганні СКИБІ", "№ _______________ від",
                   "до 22 липня 2026 року.", "Виконавець: Коваленко Ірина"):
        assert phrase in body_text, phrase
    section = doc.sections[0]
    assert [round(m.mm) for m in (section.left_margin, section.right_margin, section.top_margin,
                                  section.bottom_margin)] == [30, 10, 20, 20]
    assert "Сторінка" not in section.footer._element.xml and section.different_first_page_header_footer


def test_a_corrected_dative_is_kept_and_no_head_means_the_unit_in_the_genitive(db, directory, tmp_path):
    education = executors.get_executor(db, directory["education"])
    executors.update_executor(db, education.id, education.name, education.short_name,
                              expected_version=education.version, head_name_dative="Ганні СКИБІ-ГОНЧАР")
    data = letters_data(db, ON)
    by_id = {letter.executor_id: letter for letter in data.letters}
    assert by_id[directory["education"]].addressee.lines() == ["Начальниці кадрової служби",
                                                               "Ганні СКИБІ-ГОНЧАР"]
    assert by_id[directory["plain"]].addressee.lines() == [
        "Керівнику адміністративно-господарчого відділу виконкому міської ради"]
    assert by_id[directory["districts"]].addressee.lines() == ["Керівникам виконкомів районних у місті рад"]
    text = _flat(" ".join(p[3] for p in _pdf(render(letters_document(data), tmp_path / "all.pdf"))))
    assert "Керівнику адміністративно-господарчого відділу виконкому міської ради" in text
    assert text.count("Про надання інформації щодо виконання Програми") == len(data.letters)


def test_each_letter_numbers_its_own_pages(db, directory, tmp_path):
    data = letters_data(db, ON)
    pages = _pdf(render(letters_document(data), tmp_path / "all.pdf"))
    numbers = []
    for width, _height, words, _text in pages:
        top = min(words, key=lambda w: w["top"])
        numbers.append(int(top["text"]) if top["text"].isdigit() else 1)
        if top["text"].isdigit():
            assert abs((top["x0"] + top["x1"]) / 2 - width / 2) < 2
    assert numbers.count(1) == len(data.letters)  # every letter starts without a number on its page 1
    assert all(b in (1, a + 1) for a, b in zip(numbers, numbers[1:]))
    doc = docx.Document(render(letters_document(data), tmp_path / "all.docx"))
    assert len(doc.sections) == len(data.letters)
    assert all('w:start="1"' in s._sectPr.xml for s in doc.sections[1:])


def test_measures_numbered_with_text_and_deadline_items(db, directory, tmp_path):
    grid = period_grid(db, 2026, 1)
    for row in grid.rows[1:]:  # every report but the first row's: its executor owes one
        save_entry(db, 2026, 1, row.measure_id, row.executor_id, status="in_progress", narrative="так", reported_by="Тест",
                   received_on=dt.date(2026, 7, 1), today=ON)
    data = letters_data(db, ON)
    first = grid.rows[0]
    assert data.letters
    for letter in data.letters:
        assert [m.number for s in letter.sections for m in s.measures] == [first.number]
    text = _flat(" ".join(p[3] for p in _pdf(render(letters_document(data), tmp_path / "x.pdf"))))
    assert "такого заходу:" in text and "зазначеного заходу" in text and "таких заходів" not in text
    # measures whose own deadline passed (2023's yearly ones, on 15 January 2024)
    late = letters_data(db, dt.date(2024, 1, 15))
    deadline = [(letter, s) for letter in late.letters for s in letter.sections if s.kind == "deadline"]
    assert deadline
    text = _flat(" ".join(p[3] for p in _pdf(render(letters_document(late), tmp_path / "d.pdf"))))
    assert "Минув строк виконання" in text
    for _letter, section in deadline:
        (measure,) = section.measures
        assert _flat(f"{measure.number}. {' '.join(measure.text.split()[:3])}") in text
        assert f"строк за Програмою: «{section.deadline}»; мало бути виконано до {section.due:%d.%m.%Y}" in text


def test_a_chosen_executor_without_overdue_items_is_told_so(db, directory):
    grid = period_grid(db, 2026, 1)
    for row in grid.rows:
        save_entry(db, 2026, 1, row.measure_id, row.executor_id, status="done", narrative="так", reported_by="Тест",
                   received_on=dt.date(2026, 7, 1), today=ON)
    data = letters_data(db, ON)
    chosen = next((e for e in executors.list_executors(db) if e.id not in {x.executor_id for x in data.letters}))
    with pytest.raises(UserError, match="немає прострочених"):
        letters_data(db, ON, [chosen.id])
    with pytest.raises(UserError, match="немає прострочених"):
        executor_letter(db, ON, chosen.id)


def test_the_command_line_still_prints_the_control_list_and_the_letters(db_path, tmp_path):
    from kr_desktop.cli import main

    out = tmp_path / "overdue.pdf"
    assert main(["report", "overdue", "--date", "2026-07-15", "--db", str(db_path), "--out", str(out)]) == 0
    text = _flat(" ".join(p[3] for p in _pdf(out)))
    assert "КОНТРОЛЬНИЙ СПИСОК" in text and "Керівнику адміністративно-господарчого відділу" in text
