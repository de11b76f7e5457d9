"""Issue 14, deliverables 2 and 3: the import reads what the user sees (hypothesis drives the
workbook reader over hidden sheets, active tabs, lying dimensions, formulas, escapes and sizes),
refuses what it cannot read safely, and matches persons inside its own write transaction, so two
imports at once never duplicate anyone and namesakes are never guessed."""

from __future__ import annotations

import datetime as dt
import threading
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_books as hb
from kr_desktop.errors import UserError
from kr_desktop.services import award_import, awards, persons
from kr_desktop.services.award_import import ImportRejected, import_awards, preview_import
from kr_desktop.services.award_import.plan import BadCell
from kr_desktop.services.award_import.workbook import MAX_CELL, read_workbook

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

letters = st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖІЇ’ -", min_size=1, max_size=12)
plain_cell = st.one_of(st.none(), letters, st.integers(-10 ** 6, 10 ** 6))
formula_cell = st.tuples(st.just("f"), st.sampled_from(["A1", "1+1", 'HYPERLINK("http://x","y")']),
                         st.one_of(st.none(), st.just("кеш"), st.just(7)))
error_cell = st.tuples(st.just("e"), st.sampled_from(["#REF!", "#VALUE!", "#N/A", "#DIV/0!"]))
control = st.sampled_from([0x01, 0x07, 0x0B, 0x1F])


def _rows(cells, min_rows=1, max_rows=8):
    return st.lists(st.lists(cells, min_size=1, max_size=6), min_size=min_rows, max_size=max_rows)


@st.composite
def workbooks(draw):
    """Sheets (name, state, rows) with one visible at least, and an active tab."""
    count = draw(st.integers(1, 4))
    states = draw(st.lists(st.sampled_from(["visible", "hidden", "veryHidden"]), min_size=count, max_size=count))
    if "visible" not in states:
        states[draw(st.integers(0, count - 1))] = "visible"
    sheets = [(f"Аркуш{i}", state, draw(_rows(plain_cell))) for i, state in enumerate(states)]
    return sheets, draw(st.integers(0, count - 1))


def _expected_sheet(sheets, active):
    if sheets[active][1] == "visible":
        return sheets[active]
    return next(s for s in sheets if s[1] == "visible")


def _data(rows):
    """The rows as the reader gives them: trailing empty cells dropped."""
    result = []
    for row in rows:
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        result.append(tuple(values))
    return result


@FAST
@given(workbooks())
def test_the_reader_reads_the_visible_active_sheet_and_names_the_hidden_ones(tmp_path_factory, book):
    sheets, active = book
    path = tmp_path_factory.mktemp("b") / "b.xlsx"
    hb.write_book(path, [(name, state, hb.sheet_xml([hb.HEADER] + rows)) for name, state, rows in sheets], active)
    data = read_workbook(path)
    name, _state, rows = _expected_sheet(sheets, active)
    assert data.sheet == name and data.header_row == 1
    assert data.rows == _data(rows)
    hidden = [n for n, state, _rows in sheets if state != "visible"]
    if hidden:
        assert len(data.warnings) == 1 and all(f"«{n}»" in data.warnings[0] for n in hidden)
    else:
        assert data.warnings == []


@FAST
@given(rows=_rows(plain_cell, 1, 30), claimed=st.integers(1, 3))
def test_every_row_is_read_whatever_the_dimension_tag_says(tmp_path_factory, rows, claimed):
    path = tmp_path_factory.mktemp("b") / "b.xlsx"
    hb.simple_book(path, rows, dimension=f"A1:B{claimed}")  # a lie: fewer rows and columns
    assert read_workbook(path).rows == _data(rows)


@FAST
@given(rows=_rows(st.one_of(plain_cell, formula_cell, error_cell), 1, 6))
def test_formulas_and_error_values_are_never_taken_at_their_cached_value(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("b") / "b.xlsx"
    hb.simple_book(path, rows)
    read = read_workbook(path).rows
    for written, got in zip(_data(rows), read):
        for value, cell in zip(written, got):
            if isinstance(value, tuple):
                assert isinstance(cell, BadCell)
                assert ("формула" in cell.message) if value[0] == "f" else ("помилка Excel" in cell.message)
            else:
                assert cell == value


@FAST
@given(text=letters, code=st.one_of(control, st.integers(0x20, 0x7E), st.sampled_from([0x0406, 0x2019])))
def test_excel_escapes_are_decoded(tmp_path_factory, text, code):
    path = tmp_path_factory.mktemp("b") / "b.xlsx"
    hb.simple_book(path, [[f"{text}_x{code:04X}_{text}"]])
    assert read_workbook(path).rows == [(f"{text}{chr(code)}{text}",)]


@FAST
@given(extra=st.integers(-3, 3))
def test_a_cell_longer_than_the_limit_is_a_row_error_not_a_read(tmp_path_factory, extra):
    path = tmp_path_factory.mktemp("b") / "b.xlsx"
    hb.simple_book(path, [["Ґ" * (MAX_CELL + extra)]])
    (cell,) = read_workbook(path).rows[0]
    assert isinstance(cell, BadCell) if extra > 0 else cell == "Ґ" * (MAX_CELL + extra)


def _problems(db, path):
    with pytest.raises(ImportRejected) as rejected:
        import_awards(db, path)
    return [str(p) for p in rejected.value.problems]


def test_a_hidden_first_sheet_grants_nothing(db, tmp_path):
    path = tmp_path / "b.xlsx"
    hidden = hb.sheet_xml([hb.HEADER, ["Прихований", "Петро", "", "Почесний громадянин міста Кривого Рогу",
                                       "рішення міської ради", "1", "01.01.2020"]])
    visible = hb.sheet_xml([hb.HEADER, hb.person_row(1, "Видимий")])
    hb.write_book(path, [("Старий", "hidden", hidden), ("Відзнаки", "visible", visible)], active=0)
    plan = import_awards(db, path)
    assert [r.person.surname for r in plan.rows] == ["Видимий"]
    assert any("Приховані аркуші не імпортуються: «Старий»" in str(w) for w in plan.warnings)
    assert persons.search_persons(db, "Прихований") == []


def test_a_lying_dimension_still_imports_every_row(db, tmp_path):
    path = hb.simple_book(tmp_path / "b.xlsx", [hb.person_row(i) for i in range(10)], dimension="A1:O2")
    assert len(import_awards(db, path).rows) == 10 and awards.count_awards(db) == 10


def test_formula_escape_and_control_characters_are_row_errors_and_nothing_is_written(db, tmp_path):
    path = hb.simple_book(tmp_path / "b.xlsx", [
        hb.person_row(1), ["Коваль", ("f", "A1", None)] + hb.person_row(2)[2:],
        hb.person_row(3, "Ко_x0007_валь"), hb.person_row(4)[:6] + [("f", "TODAY()", 45000)],
        hb.person_row(5, "=Коваль")])
    problems = _problems(db, path)
    assert problems == [
        "Рядок 3, стовпець «Ім’я»: формула: введіть значення",
        "Рядок 4, стовпець «Прізвище»: містить службові (керівні) символи",
        "Рядок 5, стовпець «Дата документа»: формула: введіть значення",
        "Рядок 6, стовпець «Прізвище»: «=Коваль»: цифри й службові символи не допускаються"]
    assert persons.count_persons(db) == 0


@pytest.mark.parametrize("make, words", [
    (lambda p: hb.bomb(p, 201 * 1024 * 1024), "розпаковується в 201 МБ"),
    (lambda p: hb.ole_file(p, encrypted=True), "захищено паролем"),
    (lambda p: hb.ole_file(p, encrypted=False), "Excel 97–2003"),
    (lambda p: hb.write_book(p, [("Відзнаки", "visible", "<worksheet><sheetData><row><c")]), "пошкоджено"),
    (lambda p: hb.write_book(p, [("А", "hidden", hb.sheet_xml([hb.HEADER]))]), "немає жодного видимого"),
    (lambda p: p.write_bytes(zipfile.ZipFile.__doc__.encode()), "не є книгою Excel"),
])
def test_unreadable_workbooks_are_refused_in_ukrainian(db, tmp_path, make, words):
    path = tmp_path / "b.xlsx"
    make(path)
    with pytest.raises(UserError) as refused:
        preview_import(db, path)
    assert words in refused.value.message and "Traceback" not in refused.value.message


def test_a_bomb_of_tiny_shared_strings_is_refused_before_openpyxl_holds_them(tmp_path):
    import resource
    import time

    path = hb.shared_strings_bomb(tmp_path / "b.xlsx", 1_200_000)  # 55 KB, within the 200 MB unpacked
    before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()
    with pytest.raises(UserError, match="понад 1\u00a0000\u00a0000 рядків тексту"):
        read_workbook(path)
    assert time.monotonic() - started < 20
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: not a table in memory


def test_too_many_rows_are_refused_while_reading(tmp_path, monkeypatch):
    from kr_desktop.services.award_import import workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 50)
    path = hb.simple_book(tmp_path / "b.xlsx", [hb.person_row(i) for i in range(60)])
    with pytest.raises(UserError, match="понад 50 рядків"):
        read_workbook(path)


# -- matching in the write transaction ---------------------------------------------------------

def _sheet(path, count, certificates=False):
    rows = [hb.person_row(i) for i in range(count)]
    if certificates:  # the badge gives certificate numbers
        rows = [r[:3] + ["Нагрудний знак «За заслуги перед містом»", "рішення виконкому", r[5], r[6]] for r in rows]
        header = hb.HEADER + ["Ступінь", "Номер посвідчення"]
        rows = [r + ["ІІІ", f"Т-{i}"] for i, r in enumerate(rows)]
        return hb.write_book(path, [("Відзнаки", "visible", hb.sheet_xml([header] + rows))])
    return hb.simple_book(path, rows)


def _import_twice_at_once(db, path):
    start = threading.Barrier(2)
    outcomes = []

    def run():
        start.wait()
        try:
            outcomes.append(import_awards(db, path))
        except UserError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_imports_of_one_sheet_at_once_never_duplicate_a_person(db, tmp_path):
    path = _sheet(tmp_path / "b.xlsx", 400)
    outcomes = _import_twice_at_once(db, path)
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    assert persons.count_persons(db) == 400  # the second import met the first one's persons
    assert sorted(o.persons_new for o in outcomes) == [0, 400]


def test_two_imports_with_the_same_certificate_numbers_end_in_row_errors(db, tmp_path):
    path = _sheet(tmp_path / "b.xlsx", 200, certificates=True)
    outcomes = _import_twice_at_once(db, path)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], ImportRejected), outcomes
    assert "вже видавалося" in str(refused[0].problems[0]) and "IntegrityError" not in refused[0].message
    assert persons.count_persons(db) == 200 and awards.count_awards(db) == 200


def test_namesakes_the_row_cannot_tell_apart_are_a_row_error(db, tmp_path):
    for born in (dt.date(1960, 1, 1), dt.date(1970, 1, 1)):
        persons.create_person(db, persons.PersonInput("Коваль", "Ганна", "Петрівна", birth_date=born),
                              allow_duplicate=True)
    header = hb.HEADER + ["Дата народження"]
    rows = [hb.person_row(1, "Коваль") + [None], hb.person_row(2, "Коваль") + ["01.01.1970"]]
    path = hb.write_book(tmp_path / "b.xlsx", [("Відзнаки", "visible", hb.sheet_xml([header] + rows))])
    problems = _problems(db, path)
    assert problems == ["Рядок 2, стовпець «Дата народження»: кілька осіб з таким ім’ям — уточніть дату народження"]
    rows = rows[1:]  # with the birth date the person is known
    path = hb.write_book(tmp_path / "c.xlsx", [("Відзнаки", "visible", hb.sheet_xml([header] + rows))])
    plan = import_awards(db, path)
    assert plan.persons_new == 0 and plan.persons_matched == 1
    assert award_import.preview_import(db, path).persons_matched == 1


def test_the_user_guide_names_what_the_import_refuses_with_the_limits_the_code_has():
    from pathlib import Path

    from kr_desktop.services.award_import import workbook

    guide = (Path(__file__).resolve().parent.parent / "docs" / "user-guide.md").read_text(encoding="utf-8")
    section = " ".join(guide[guide.index("### Що імпорт не приймає"):guide.index("## Друк списків")].split())
    assert f"{workbook.MAX_UNPACKED // 1024 // 1024} МБ" in section
    assert f"{workbook.MAX_ROWS:,}".replace(",", " ") in section
    assert f"{workbook.MAX_CELL:,}".replace(",", " ") in section and f"{workbook.MAX_COLUMNS} стовпців" in section
    for refused in ("Приховані аркуші", "формулою", "службові", "уточніть дату народження", "паролем", ".xls"):
        assert refused in section, refused
