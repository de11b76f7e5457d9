"""XLSX import of awards (all or nothing, every error listed) and the printed lists read back."""

import datetime as dt
import re
import sqlite3

import docx
import openpyxl
import pdfplumber
import pytest

from kr_desktop.cli import main
from kr_desktop.services import award_import, awards, persons
from kr_desktop.services.award_import import ImportRejected, import_awards, validate_rows
from kr_desktop.text.ukrainian import search_key, sort_key, unify_apostrophes

# 32 persons: Ґ, Є, І, Ї at the start and inside, all three apostrophe forms (' ’ ʼ).
PEOPLE = [
    ("Ґава", "Мар'яна", "Іванівна"), ("Гаврилюк", "Ігор", "Петрович"), ("Єрмоленко", "Олег", "Ілліч"),
    ("Ейсмонт", "Ірина", "Юріївна"), ("Іваненко", "Іван", "Іванович"), ("Ищук", "Роман", "Олегович"),
    ("Їжакевич", "Ілля", "Ігорович"), ("Йосипенко", "Юлія", "Сергіївна"), ("Мар’яненко", "Ольга", "Павлівна"),
    ("Марʼянчук", "Степан", "Ілліч"), ("Марченко", "Зоя", "Євгенівна"), ("Бондар", "Ярослав", "Ґеннадійович"),
    ("Ґудзь", "Віктор", "Васильович"), ("Гуцул", "Дарʼя", "Олексіївна"), ("Коваль", "Мар'яна", "Олегівна"),
    ("Ковальчук", "Їжа", "Петрівна"), ("Об'єдкова", "Анна", "Іллівна"), ("Пʼятничук", "Олена", "Ігорівна"),
    ("Семенюк", "Євген", "Степанович"), ("Ярош", "Ірина", "Ярославівна"), ("Яценко", "Ганна", "Іванівна"),
    ("Шевченко", "Тарас", "Григорович"), ("Щербак", "Людмила", "Ґеоргіївна"), ("Юрченко", "Богдан", "Ілліч"),
    ("Цюпа", "Вʼячеслав", "Іванович"), ("Чорновол", "В’ячеслав", "Максимович"), ("Федорів", "Ілько", "Ількович"),
    ("Харченко", "Єлизавета", "Олегівна"), ("Лук'яненко", "Левко", "Григорович"), ("Дем’яненко", "Ірина", "Їжакова"),
    ("Абрамович", "Єва", "Ґеннадіївна"), ("Зінченко", "Олексій", "Ігорович"),
]
HEADER = ["прізвище", "ІМ'Я", "по  батькові", "Стать", "Дата народження", "Місце роботи", "Посада", "ВІДЗНАКА",
          "ступінь", "Вид документа", "Номер документа", "Дата документа", "Номер посвідчення", "Дата вручення",
          "Примітка"]
AWARDS = [("Нагрудний знак «За заслуги перед містом»", "ІІІ"), ("нагрудний знак \"за заслуги перед містом\"", "III"),
          ("НАГРУДНИЙ ЗНАК ЗА ЗАСЛУГИ ПЕРЕД МІСТОМ", 3), ("Подяка міського голови", None),
          ("«Грамота виконкому міської ради»", "")]


def _sheet(path, rows, header=HEADER, title_rows=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(row)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _rows():
    rows = []
    for i, (surname, name, patronymic) in enumerate(PEOPLE):
        award, degree = AWARDS[i % len(AWARDS)]
        act_date = dt.datetime(2020, 1, 1) + dt.timedelta(days=i) if i % 2 else f"{i % 28 + 1:02d}.03.2021"
        cert = str(100 + i) if "заслуги" in award.lower() else None
        rows.append([surname, name, patronymic, "ж" if patronymic.endswith("вна") else "ч",
                     dt.datetime(1960 + i, 1, 2), "ПАТ «АрселорМіттал Кривий Ріг»", "майстер", award, degree,
                     "рішення виконкому", 400 + i, act_date, cert, None, ""])
    return rows


def _names_in_order():
    return [" ".join((s.upper(), n, p)) for s, n, p in sorted(PEOPLE, key=lambda x: sort_key(*x))]


def test_import_of_32_persons_then_every_format_lists_each_name_once_in_ukrainian_order(db, db_path, tmp_path):
    path = _sheet(tmp_path / "awards.xlsx", _rows(), title_rows=[["Список для імпорту"]])
    dry = import_awards(db, path, dry_run=True)
    assert len(dry.rows) == 32 and dry.persons_new == 32
    assert persons.count_persons(db) == 0
    plan = import_awards(db, path)
    assert len(plan.rows) == 32 and persons.count_persons(db) == 32
    badge = next(r.award_type for r in plan.rows if "заслуги" in r.award_type.name.lower())
    assert awards.count_awards(db, awards.AwardFilter(award_type_id=badge.id, degree=3)) == 20
    assert awards.next_certificate_number(db, badge.id) == "132"  # above the highest imported (131)

    expected = [unify_apostrophes(name) for name in _names_in_order()]  # printed with one apostrophe: ’
    db.dispose()
    for fmt in ("pdf", "docx", "xlsx"):
        out = tmp_path / f"list.{fmt}"
        assert main(["report", "awards", "--db", str(db_path), "--out", str(out)]) == 0
        if fmt == "pdf":
            with pdfplumber.open(out) as pdf:
                text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        elif fmt == "docx":
            text = "\n".join(c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells[1:2])
        else:
            sheet = openpyxl.load_workbook(out).active
            text = "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
        text = " ".join(text.replace("\u00a0", " ").split())
        positions = []
        for name in expected:
            assert text.count(name) == 1, (fmt, name)
            positions.append(text.index(name))
        assert "майстер, ПАТ «АрселорМіттал Кривий Ріг»" in text
        # within each group the names follow the Ukrainian alphabet; groups in directory order
        # (a group's heading repeated on a continuation page says «(продовження)», not a count)
        groups = re.split(r"Нагрудний знак «За заслуги перед містом» III ступеня \(\d|Грамота виконкому міської ради \(\d|"
                          r"Подяка міського голови \(\d", text)
        assert len(groups) == 4, fmt
        for chunk in groups[1:]:
            found = [n for n in expected if n in chunk]
            assert found and sorted(found, key=lambda n: chunk.index(n)) == found, fmt


def test_existing_person_is_matched_not_duplicated(db, tmp_path):
    pid = persons.create_person(db, persons.PersonInput("Мар’яненко", "Ольга", "Павлівна",
                                                        birth_date=dt.date(1968, 1, 2)))
    rows = [["МАР'ЯНЕНКО", "ольга", "павлівна", "ж", "02.01.1968", "", "", "Подяка міського голови", None,
             None, "1", "01.02.2022", None, None, None],
            ["Марʼяненко", "Ольга", "Павлівна", None, None, "", "", "Грамота міського голови", None,
             None, "2", "01.02.2024", None, None, None]]
    plan = import_awards(db, _sheet(tmp_path / "m.xlsx", rows))
    assert plan.persons_new == 0 and plan.persons_matched == 1
    assert persons.count_persons(db) == 1
    assert awards.count_awards(db, awards.AwardFilter(person_id=pid)) == 2


def test_every_error_is_listed_and_nothing_is_written(db, tmp_path):
    rows = _rows()[:5]
    rows[0][7] = "Орден Незнайомий"
    rows[1][11] = "31.02.2021"
    rows[2][8] = "IV"
    rows[3][0] = ""
    rows[4][13] = "завтра"
    rows.append(list(_rows()[5]))
    rows.append(list(_rows()[10]))
    rows[6][12] = "105"  # the certificate number of the row above
    path = _sheet(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportRejected) as caught:
        import_awards(db, path)
    problems = [(p.row, p.column) for p in caught.value.problems]
    assert problems == [(2, "Відзнака"), (3, "Дата документа"), (4, "Ступінь"), (5, "Прізвище"),
                        (6, "Дата вручення"), (8, "Номер посвідчення")]
    messages = [str(p) for p in caught.value.problems]
    assert messages[0] == "Рядок 2, стовпець «Відзнака»: відзнаки «Орден Незнайомий» немає в довіднику"
    assert "31.02.2021" in messages[1] and "рядку 7" in messages[5]
    assert persons.count_persons(db) == 0 and awards.count_awards(db) == 0


def test_cli_import_lists_errors_in_ukrainian_with_non_zero_exit(db_path, tmp_path, capsys):
    rows = _rows()[:3]
    rows[1][8] = None  # a badge without a degree
    path = _sheet(tmp_path / "bad.xlsx", rows)
    assert main(["import", "awards", str(path), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "нічого не записано" in err and "Рядок 3, стовпець «Ступінь»: для відзнаки" in err
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    template = tmp_path / "template.xlsx"
    assert main(["import", "template", "--out", str(template)]) == 0
    header = next(openpyxl.load_workbook(template).active.iter_rows(values_only=True))
    assert header[:3] == ("Прізвище", "Ім’я", "По батькові") and "Номер посвідчення" in header
    assert main(["import", "awards", str(template), "--db", str(db_path)]) == 1
    assert "немає жодного рядка" in capsys.readouterr().err


def test_validation_is_pure_and_tolerates_odd_sheets():
    catalog = {"подяка міського голови": award_import.TypeInfo(5, "Подяка міського голови", 0, False, "mayor")}
    assert validate_rows([], [], catalog).problems[0].message.startswith("не знайдено рядка заголовків")
    dup = validate_rows(["Прізвище", "прізвище", "Відзнака"], [("А", "Б", "Подяка міського голови")], catalog)
    assert [(p.row, p.column, p.message) for p in dup.problems] == [(1, "Прізвище", "стовпець повторюється")]
    missing = validate_rows(["Прізвище"], [("Коваль",)], catalog)
    assert missing.problems[0].column == "Відзнака" and "обов’язкового" in missing.problems[0].message
    odd = validate_rows(["Прізвище", "Відзнака", "Дата вручення", "Ступінь"],
                        [("=1+1", "подяка міського голови", 45000.5, None), ("Коваль\x00", None, None, object()),
                         ("Ок", "«Подяка міського голови»", "01.01.1899", "1")], catalog)
    columns = [(p.row, p.column) for p in odd.problems]
    assert (2, "Прізвище") in columns and (3, "Відзнака") in columns and (4, "Дата вручення") in columns
    assert (4, "Ступінь") in columns  # a degree for a type without degrees
    assert all(p.message for p in odd.problems)


def test_search_finds_imported_names_in_every_apostrophe_form(db, tmp_path):
    import_awards(db, _sheet(tmp_path / "a.xlsx", _rows()))
    for query in ("мар'яна", "МАР’ЯНА", "Марʼяна"):
        assert {p.surname for p in persons.search_persons(db, query)} == {"Ґава", "Коваль"}
    assert [p.surname for p in persons.search_persons(db, "вʼячеслав")] == ["Цюпа", "Чорновол"]
    assert search_key("Об'єдкова") in [search_key(p.surname) for p in persons.search_persons(db, "ОБ’ЄД")]
