"""Bad input for the awards XLSX importer (hypothesis): random cells of every type, formulas,
control characters, huge strings, dates before 1900 and after 2100, duplicate headers, empty
sheets, merged cells. Never an unhandled exception; every problem names its row (and column)
in Ukrainian; nothing is written unless the whole sheet is clean."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kr_desktop.db.open import open_database
from kr_desktop.errors import UserError
from kr_desktop.services.award_import import COLUMNS, catalog_of, import_awards, read_sheet, validate_rows

CYRILLIC = re.compile("[а-яіїєґ]", re.IGNORECASE)
HEADERS = list(COLUMNS.values())

cell = st.one_of(
    st.none(), st.text(max_size=30), st.text(min_size=3000, max_size=6000),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=10),
    st.text(min_size=1, max_size=15).map(lambda t: "=" + t),
    st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1800, 1, 1), max_value=dt.datetime(2300, 1, 1)),
    st.sampled_from(["Почесна грамота виконкому міської ради", "Нагрудний знак «За заслуги перед містом»",
                     "III", "І", "ч", "ж", "30.11.2026", "31.02.2026", "01.01.1850", "01.01.2150"]),
)
header = st.one_of(
    st.lists(st.sampled_from(HEADERS + ["", None, "Щось інше"]), max_size=16),  # duplicates possible
    st.permutations(HEADERS).map(list),
)


@pytest.fixture(scope="module")
def catalog(builtin_db_file):
    database = open_database(builtin_db_file)
    try:
        return catalog_of(database)
    finally:
        database.dispose()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=header, rows=st.lists(st.lists(cell, max_size=16), max_size=8))
def test_any_cells_give_a_plan_or_named_problems(catalog, head, rows):
    plan = validate_rows(head, rows, catalog)
    for problem in plan.problems + plan.warnings:
        assert isinstance(problem.row, int) and problem.row >= 1
        assert CYRILLIC.search(problem.message) and str(problem).startswith("Рядок ")
    if plan.problems:
        return
    for row in plan.rows:
        assert 2 <= row.row <= len(rows) + 1
        for date in (row.act_date, row.presented_on, row.person.birth_date):
            assert date is None or 1900 <= date.year <= 2100


def _book(path, build):
    from openpyxl import Workbook

    book = Workbook()
    build(book.active)
    book.save(path)
    return path


@pytest.mark.parametrize("name, build", [
    ("empty", lambda s: None),
    ("header-only", lambda s: s.append(HEADERS)),
    ("duplicate-header", lambda s: (s.append(HEADERS + ["Прізвище"]), s.append(["Петренко"] * 15))),
    ("merged", lambda s: (s.append(HEADERS), s.append(["Петренко", "Ольга", "", "", "", "", "", ""]),
                          s.merge_cells("A2:C3"))),
    ("formula", lambda s: (s.append(HEADERS), s.append(["=HYPERLINK(\"http://x\")", "Ольга"] + [None] * 5
                                                      + ["Почесна грамота виконкому міської ради"]))),
    ("far-dates", lambda s: (s.append(HEADERS), s.append(["Петренко", "Ольга", "По батькові", "ж",
                                                           dt.datetime(1850, 1, 1), "", "",
                                                           "Почесна грамота виконкому міської ради", None,
                                                           None, "1", dt.datetime(2150, 5, 5)]))),
])
def test_bad_workbooks_are_refused_in_ukrainian_and_nothing_is_written(db, tmp_path, name, build):
    from sqlalchemy import func, select

    from kr_desktop.db.models import Award, Person

    path = _book(tmp_path / f"{name}.xlsx", build)
    with db.reading() as session:
        before = (session.scalar(select(func.count()).select_from(Person)),
                  session.scalar(select(func.count()).select_from(Award)))
    with pytest.raises(UserError) as refused:
        import_awards(db, path)
    assert CYRILLIC.search(refused.value.message)
    assert re.search(r"[Рр]ядок|стовп|заголов|порожн", refused.value.message), refused.value.message
    with db.reading() as session:
        after = (session.scalar(select(func.count()).select_from(Person)),
                 session.scalar(select(func.count()).select_from(Award)))
    assert after == before


def test_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError, match="xlsx"):
        read_sheet(path)
