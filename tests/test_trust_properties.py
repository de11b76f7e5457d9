"""Bad input, property-based (hypothesis): random and huge strings, control characters, formulas,
wrong types, dates far outside 1900–2100. No validator raises anything but a ValidationError /
UserError, and every rejection names its field in Ukrainian."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kr_desktop.domain.deadlines import DeadlineKind, parse_deadline
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.text.formatting import format_date, format_money
from kr_desktop.text.parsing import MAX_MONEY, parse_date, parse_money
from kr_desktop.text.ukrainian import search_key, sort_key

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CYRILLIC = re.compile("[а-яіїєґ]", re.IGNORECASE)

# Text people and spreadsheets produce: anything, plus control characters, formulas, huge values.
nasty_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20),
    st.text(min_size=1, max_size=20).map(lambda t: "=" + t),
    st.from_regex(r"-?[0-9 \u00a0.,']{0,30}(грн)?", fullmatch=True),
    st.text(min_size=5000, max_size=20000),
    st.builds(lambda n: "9" * n, st.integers(10, 400)),
)
any_value = st.one_of(nasty_text, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                      st.decimals(allow_nan=True, allow_infinity=True), st.dates(), st.lists(st.integers(), max_size=3))


def _named_rejection(exc: ValidationError, field: str) -> None:
    assert exc.field == field
    assert f"«{field}»" in exc.message and CYRILLIC.search(exc.message)
    assert len(exc.message) < 400  # a huge input is not echoed back whole


@FAST
@given(value=any_value)
def test_money_parser_accepts_a_sum_or_names_the_field(value):
    try:
        amount = parse_money(value, field="Сума за 2026 рік")
    except ValidationError as exc:
        _named_rejection(exc, "Сума за 2026 рік")
        return
    assert isinstance(amount, Decimal) and Decimal(0) <= amount <= MAX_MONEY
    assert amount == amount.quantize(Decimal("0.01"))


@FAST
@given(amount=st.decimals(min_value=0, max_value=MAX_MONEY, places=2))
def test_formatted_money_parses_back_exactly(amount):
    assert parse_money(format_money(amount)) == amount


def test_money_examples():
    assert parse_money("1 391 386,00") == Decimal("1391386.00")
    assert parse_money("12\u00a0023\u00a0016 грн") == Decimal("12023016.00")
    assert parse_money("0,5") == Decimal("0.50")
    for bad in ("-5", "1,234", "=SUM(A1:A3)", "12abc", "1.2.3", "", 1.5):
        with pytest.raises(ValidationError, match="«Сума»"):
            parse_money(bad)


@FAST
@given(value=any_value)
def test_date_parser_accepts_a_date_in_range_or_names_the_field(value):
    try:
        date = parse_date(value, field="Дата вручення")
    except ValidationError as exc:
        _named_rejection(exc, "Дата вручення")
        return
    assert isinstance(date, dt.date) and 1900 <= date.year <= 2100


@FAST
@given(date=st.dates())
def test_dates_round_trip_and_far_dates_are_refused(date):
    if 1900 <= date.year <= 2100:
        assert parse_date(format_date(date)) == date
        assert parse_date(date.isoformat()) == date
    else:
        with pytest.raises(ValidationError, match="поза межами"):
            parse_date(date)


def test_date_examples():
    assert parse_date("30.11.2026") == dt.date(2026, 11, 30)
    assert parse_date("1.2.2017 р.") == dt.date(2017, 2, 1)
    for bad in ("31.02.2026", "30.11.1899", "01.01.2101", "завтра", "30/11/26"):
        with pytest.raises(ValidationError, match="«Дата»"):
            parse_date(bad)


@FAST
@given(phrase=st.one_of(nasty_text, st.none()))
def test_deadline_phrases_never_raise_and_keep_the_words(phrase):
    deadline = parse_deadline(phrase)
    assert deadline.phrase == (phrase or "").strip()
    assert isinstance(deadline.kind, DeadlineKind)
    assert isinstance(deadline.label, str) and deadline.label
    if deadline.kind is DeadlineKind.BY_DATE:
        assert deadline.due_date is not None


@FAST
@given(parts=st.lists(st.one_of(nasty_text, st.none()), max_size=3))
def test_search_and_sort_keys_never_raise_and_are_stable(parts):
    key = sort_key(*parts)
    assert isinstance(key, str) and key == sort_key(*parts)
    for part in parts:
        folded = search_key(part)
        assert search_key(folded) == folded
        assert "'" not in folded and "\u2019" not in folded and "\u02bc" not in folded


@FAST
@given(name=st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙ'’ʼ-", min_size=1, max_size=30))
def test_apostrophe_forms_never_change_search_or_order(name):
    assert search_key(name.replace("'", "’")) == search_key(name.replace("’", "ʼ"))
    assert sort_key(name.replace("'", "’")) == sort_key(name.replace("’", "ʼ"))


# -- command-line values ---------------------------------------------------------------------

@FAST
@given(value=nasty_text)
def test_output_path_accepts_or_refuses_in_ukrainian(value, tmp_path, monkeypatch):
    from kr_desktop.cli.common import output_path

    monkeypatch.chdir(tmp_path)
    try:
        path, fmt = output_path(value, ("pdf", "docx", "xlsx"))
    except UserError as exc:
        assert CYRILLIC.search(exc.message)
        return
    assert fmt in ("pdf", "docx", "xlsx") and path.parent.is_dir()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(db_value=nasty_text, out_value=nasty_text, command=st.sampled_from(["backup", "restore", "report"]))
def test_command_line_never_shows_a_traceback(db_value, out_value, command, tmp_path, monkeypatch, capsys):
    from kr_desktop.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KR_DESKTOP_DB_URL", raising=False)
    if "\x00" in db_value + out_value:  # the OS cannot pass a NUL in an argument at all
        return
    argv = {"backup": ["backup", "--db", db_value, "--out", out_value],
            "restore": ["restore", out_value, "--db", db_value],
            "report": ["report", "program", "--db", db_value, "--out", out_value]}[command]
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own refusal (exit code 2, message on stderr)
        code = exit_.code
    err = capsys.readouterr().err
    assert code != 0 and CYRILLIC.search(err)
    assert not list(tmp_path.glob("*.sqlite3"))  # nothing created from a bad value
