"""A program from its decision document: the built-in №1176 exported as a DOCX laid out like the
decision comes back exactly; hand-made decisions with merged cells, rows split by a page break,
direction heading rows, totals and a table continued on the next page are read as a person would;
a cell that cannot be placed stops the import with its row and column, and nothing is written."""

import datetime as dt
from decimal import Decimal

import docx
import pytest
from docx.shared import Pt

from kr_desktop.cli import main
from kr_desktop.errors import UserError
from kr_desktop.reports.program_docx import render_program_docx
from kr_desktop.services.program.choice import list_programs
from kr_desktop.services.program.docx_import import import_program, plan_import, read_decision
from kr_desktop.services.program_view import load_document
from tests.program_snapshot import first_difference, program_snapshot


def _round_trip(db, tmp_path):
    path = tmp_path / "program.docx"
    render_program_docx(load_document(db, 1), path)
    plan = plan_import(db, read_decision(path))
    assert plan.ok, plan.preview_text()
    return plan, import_program(db, plan)


def test_the_builtin_program_comes_back_from_its_docx_exactly(db, tmp_path):
    plan, new_id = _round_trip(db, tmp_path)
    original, imported = program_snapshot(db, 1), program_snapshot(db, new_id)
    assert first_difference(original, imported) is None, first_difference(original, imported)
    assert original == imported
    # what the comparison covers: provenance with the notes, the phrase, the passport's 10 items
    provenance = [m["provenance"] for s in imported["stages"] for d in s["directions"] for m in d["measures"]]
    assert sum(p[0] == "merged" for p in provenance) == 28 and sum(p[0] == "inferred" for p in provenance) == 2
    assert sum(p[2] == "merged" for p in provenance) == 8 and sum(p[2] == "inferred" for p in provenance) == 1
    assert any("l.959–960" in p[1] for p in provenance)
    assert len(imported["passport"]) == 10 and len(imported["amendments"]) == 14
    assert plan.new_executors == [] and plan.new_sources == [] and plan.remarks == []
    assert [p.status for p in list_programs(db)] == ["active", "draft"]  # an import is a draft to check


def test_round_trip_from_the_command_line(db_path, tmp_path, capsys):
    out = tmp_path / "1176.docx"
    assert main(["report", "program", "--db", str(db_path), "--out", str(out)]) == 0
    assert main(["program", "import", str(out), "--db", str(db_path), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "Додаток 1 (2017–2019): напрямів — 8, заходів — 34" in printed
    assert "Пробний запуск (--dry-run): нічого не записано." in printed
    assert main(["program", "list", "--db", str(db_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # the dry run wrote nothing
    assert main(["program", "import", str(out), "--db", str(db_path)]) == 0
    assert "Імпортовано програму id 2" in capsys.readouterr().out


# -- hand-made decisions ------------------------------------------------------------------------
HEAD = ["№ п/п", "Назва напряму діяльності (пріоритетні завдання)", "Перелік заходів програми",
        "Строк виконання заходу", "Виконавці", "Джерела фінансування"]


def _table(document, rows: list[list[str]], years=(2028, 2029, 2030)):
    columns = len(HEAD) + len(years) + 2
    table = document.add_table(rows=0, cols=columns)
    top, second = table.add_row().cells, table.add_row().cells
    for i, name in enumerate(HEAD):
        top[i].text = name
        top[i].merge(second[i])
    top[len(HEAD)].text = "Орієнтовні обсяги фінансових ресурсів (грн)"
    for i, year in enumerate(years):
        second[len(HEAD) + i].text = str(year)
    second[len(HEAD) + len(years)].text = "Усього"
    top[-1].text = "Очікувані результати"
    top[-1].merge(second[-1])
    top[len(HEAD)].merge(top[len(HEAD) + len(years)])
    cells_by_row = []
    for values in rows:
        cells = table.add_row().cells
        for col, value in enumerate(values):
            if value not in ("^", ""):
                cells[col].text = value
        cells_by_row.append(cells)
    for r, values in enumerate(rows):  # "^": merged with the cell above
        for col, value in enumerate(values):
            if value == "^":
                cells_by_row[r - 1][col].merge(cells_by_row[r][col])
    return table, cells_by_row


def _decision(path, annex_rows, *, second_table=None):
    document = docx.Document()
    for text in ("КРИВОРІЗЬКА МІСЬКА РАДА", "Р І Ш Е Н Н Я", "22.12.2027", "м. Кривий Ріг", "№ 4100",
                 "Про затвердження Програми розвитку туризму", "в м. Кривому Розі на 2028–2030 роки",
                 "Керуючись Законом України «Про місцеве самоврядування в Україні», міська рада вирішила:",
                 "1. Затвердити Програму (додається).", "ЗАТВЕРДЖЕНО", "Рішення міської ради", "22.12.2027 № 4100",
                 "ПРОГРАМА", "розвитку туризму в м. Кривому Розі", "на 2028–2030 роки",
                 "1. Паспорт Програми розвитку туризму в м. Кривому Розі на 2028–2030 роки",
                 "1.1. Назва: Програма розвитку туризму в м. Кривому Розі на 2028–2030 роки (надалі – Програма).",
                 "1.2. Розробник Програми: управління туризму виконкому міської ради.",
                 "1.3. Мета: розвиток туризму,", "збереження спадщини.",
                 "1.4. Початок: 2028 рік, закінчення: 2030 рік.",
                 "1.5. Загальні орієнтовні обсяги фінансування: 350 000,0 грн"):
        document.add_paragraph(text)
    passport = document.add_table(rows=2, cols=4)
    for col, text in enumerate(["За роками виконання", "Орієнтовні обсяги фінансування, усього, грн",
                                "Джерела фінансування", ""]):
        passport.rows[0].cells[col].text = text
    passport.rows[1].cells[2].text = "бюджет Криворізької міської територіальної громади"
    passport.rows[1].cells[3].text = "кошти інвесторів"
    passport.rows[0].cells[2].merge(passport.rows[0].cells[3])
    for year, city, investors in ((2028, "100 000,0", "-"), (2029, "100 000,0", "50 000,0"),
                                  (2030, "100 000,0", "-")):
        cells = passport.add_row().cells
        total = Decimal(city.replace(" ", "").replace(",", ".")) + (
            Decimal(investors.replace(" ", "").replace(",", ".")) if investors != "-" else 0)
        for col, text in enumerate([str(year), f"{total:,.1f}".replace(",", " ").replace(".", ","), city, investors]):
            cells[col].text = text
    for text in ("1.6. Очікувані кінцеві результати виконання Програми:", "1.6.1 зростання кількості туристів;",
                 "1.6.2 нові маршрути.", "1.7. Координація та контроль за виконанням Програми: управління туризму.",
                 "2. Загальні положення", "2.1. Туризм є важливою галуззю.", "Додаток 1",
                 "до Програми розвитку туризму в м. Кривому Розі", "на 2028–2030 роки (пункт 6.1)",
                 "Завдання та заходи Програми розвитку туризму"):
        document.add_paragraph(text)
    _table(document, annex_rows)
    if second_table:
        document.add_paragraph("")
        _table(document, second_table)
    document.save(path)
    return path


GOOD_ROWS = [
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
    ["1", "Розвиток туристичної інфраструктури", "Облаштування туристичних маршрутів, зокрема:",
     "Щорічно в травні", "Управління туризму виконкому міської ради, виконкоми районних у місті рад",
     "Бюджет Криворізької міської територіальної громади", "100 000,0", "100 000,0", "100 000,0", "300 000,0",
     "Нові маршрути"],
    ["^", "^", "встановлення вказівників і карт", "", "", "", "", "", "", "", ""],  # cut by a page break
    ["^", "^", "Видання путівника", "^", "Управління туризму виконкому міської ради", "^", "^", "^", "^", "^", "^"],
    ["^", "^", "Проведення фестивалю «Залізна руда»", "", "", "Кошти інвесторів", "-", "50 000,0", "-",
     "50 000,0", "Популяризація міста"],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],  # the column numbers again after a page break
]
SECOND_TABLE = [
    ["2. Промоція міста", "2. Промоція міста", "2. Промоція міста", "2. Промоція міста", "2. Промоція міста",
     "2. Промоція міста", "2. Промоція міста", "2. Промоція міста", "2. Промоція міста", "2. Промоція міста",
     "2. Промоція міста"],  # a direction heading row across the table
    ["", "", "Участь у виставках", "Протягом дії Програми", "Відділ промоції міста виконкому міської ради", "", "",
     "", "", "", "Впізнаваність міста"],
    ["", "", "Усього", "", "", "", "100 000,0", "150 000,0", "100 000,0", "350 000,0", ""],
]


def test_a_hand_made_decision_is_read_as_a_person_would(tmp_path, db):
    path = _decision(tmp_path / "tourism.docx", GOOD_ROWS, second_table=SECOND_TABLE)
    # the direction heading row spans the whole second table, as Word writes it
    document = docx.Document(str(path))
    heading = document.tables[-1].rows[2].cells
    heading[0].merge(heading[-1])
    for paragraph in heading[0].paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))

    reading = read_decision(path)
    assert reading.errors == [], [p.line() for p in reading.errors]
    assert (reading.name, reading.decision_number, reading.decision_date) == (
        "Програма розвитку туризму в м. Кривому Розі на 2028–2030 роки", "4100", dt.date(2027, 12, 22))
    assert reading.decision_title == "Про затвердження Програми розвитку туризму в м. Кривому Розі на 2028–2030 роки"
    assert (reading.start_year, reading.end_year) == (2028, 2030)
    assert [(e.kind, e.caption) for e in reading.passport] == [
        ("name", "Назва"), ("text", "Розробник Програми"), ("text", "Мета"), ("period", ""),
        ("funding", "Загальні орієнтовні обсяги фінансування"),
        ("results", "Очікувані кінцеві результати виконання Програми"),
        ("text", "Координація та контроль за виконанням Програми")]
    assert reading.passport[2].text == "розвиток туризму, збереження спадщини."  # a paragraph continued
    assert reading.passport[5].text == "зростання кількості туристів;\nнові маршрути."
    assert reading.passport_amounts[("Кошти інвесторів", 2029)] == Decimal("50000.00")
    [stage] = reading.stages
    assert (stage.annex_number, stage.years) == (1, (2028, 2029, 2030))
    assert stage.caption == "до Програми розвитку туризму в м. Кривому Розі на 2028–2030 роки (пункт 6.1)"
    first, second = stage.directions
    assert (first.number, first.name, second.number, second.name) == (
        1, "Розвиток туристичної інфраструктури", 2, "Промоція міста")
    m1, m2, m3 = first.measures
    assert m1.text == "Облаштування туристичних маршрутів, зокрема: встановлення вказівників і карт"
    assert (m2.deadline, m2.deadline_origin) == ("Щорічно в травні", "merged")
    assert (m2.executors_text, m2.executors_origin) == ("Управління туризму виконкому міської ради", "printed")
    assert m2.expected_result is None  # the merged results cell above covers it
    assert (m3.deadline, m3.deadline_origin) == ("Щорічно в травні", "inferred")  # an empty cell, not merged
    assert "узято з рядка вище" in m3.deadline_note
    assert [(f.source, f.amounts) for f in first.funding] == [
        ("Бюджет Криворізької міської територіальної громади",
         {2028: Decimal("100000.00"), 2029: Decimal("100000.00"), 2030: Decimal("100000.00")})]
    assert [(f.source, f.amounts) for f in m3.funding] == [("Кошти інвесторів", {2029: Decimal("50000.00")})]
    assert second.measures[0].executors_text == "Відділ промоції міста виконкому міської ради"
    remarks = "\n".join(p.line() for p in reading.remarks)
    assert "рядок 5" in remarks and "приєднано до заходу 1.1" in remarks
    assert "не надруковано: узято з рядка вище" in remarks

    plan = plan_import(db, reading)
    assert plan.ok
    assert plan.new_sources == ["Кошти інвесторів"]
    assert "Управління туризму виконкому міської ради" in plan.new_executors
    assert "Відділ промоції міста виконкому міської ради" in plan.new_executors
    assert plan.executors[id(m1)] == ["Управління туризму виконкому міської ради", "Виконкоми районних у місті рад"]
    preview = plan.preview_text()
    assert "Нові джерела фінансування: Кошти інвесторів" in preview and "Додаток 1 (2028–2030)" in preview
    new_id = import_program(db, plan)
    snapshot = program_snapshot(db, new_id)
    assert snapshot["program"][:3] == ["Програма розвитку туризму в м. Кривому Розі на 2028–2030 роки", "4100",
                                       dt.date(2027, 12, 22)]
    measures = snapshot["stages"][0]["directions"][0]["measures"]
    assert measures[0]["executors"] == ["Управління туризму виконкому міської ради", "Виконкоми районних у місті рад"]
    # this program too comes back exactly from its own DOCX, its passport's own source included
    again_path = tmp_path / "tourism-again.docx"
    render_program_docx(load_document(db, new_id), again_path)
    again = plan_import(db, read_decision(again_path))
    assert again.ok, again.preview_text()
    copy_id = import_program(db, again)
    difference = first_difference(snapshot, program_snapshot(db, copy_id))
    assert difference is None, difference
    from kr_desktop.reports.program_pdf import render_program_pdf

    import pdfplumber

    pdf_path = render_program_pdf(load_document(db, new_id), tmp_path / "tourism.pdf")
    with pdfplumber.open(pdf_path) as pdf:
        first_pages = "".join("".join((page.extract_text() or "").split()) for page in pdf.pages[:2])
    assert "кошти" in first_pages and "інвесто" in first_pages and "50000,0" in first_pages  # table 1.7: its source
    assert measures[0]["measure"][2] == "Щорічно в травні" and measures[0]["measure"][4] == "5"  # understood: May


def test_a_cell_that_cannot_be_placed_stops_the_import_and_nothing_is_written(tmp_path, db, capsys, db_path):
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][7] = "100 OOO,0"  # a typo in an amount
    path = _decision(tmp_path / "bad.docx", rows)
    reading = read_decision(path)
    [error] = reading.errors
    assert error.where == "Додаток 1, рядок 4, стовпець «2029»" and "не вдалося прочитати суму" in error.message
    plan = plan_import(db, reading)
    assert not plan.ok and "Не вдалося прочитати або розмістити (1):" in plan.preview_text()
    before = list_programs(db)
    with pytest.raises(UserError, match="не імпортовано"):
        import_program(db, plan)
    assert list_programs(db) == before
    # the command line: the preview lists it, the exit code says no, the database is untouched
    path2 = _decision(tmp_path / "bad2.docx", rows)
    assert main(["program", "import", str(path2), "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "Додаток 1, рядок 4, стовпець «2029»: не вдалося прочитати суму — «100 OOO,0»" in captured.out
    assert "нічого не записано" in captured.err
    assert main(["program", "list", "--db", str(db_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


@pytest.mark.parametrize("content, message", [
    (b"not a zip at all", "не документ Word"),
    (b"PK\x03\x04broken", "не документ Word"),
])
def test_a_file_that_is_not_a_decision_is_refused_in_ukrainian(tmp_path, content, message):
    path = tmp_path / "decision.docx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        read_decision(path)


def test_a_word_document_without_a_program_says_what_is_missing(tmp_path):
    document = docx.Document()
    document.add_paragraph("Лист про щось інше").runs[0].font.size = Pt(14)
    document.save(tmp_path / "letter.docx")
    reading = read_decision(tmp_path / "letter.docx")
    messages = " ".join(p.message for p in reading.errors)
    assert "Паспорт" in " ".join(p.where for p in reading.errors) and "жодного додатка" in messages
