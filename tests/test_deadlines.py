import datetime as dt

import pytest

from kr_desktop.db.builtin.loader import read_builtin
from kr_desktop.domain.deadlines import DeadlineKind, parse_deadline

D = dt.date


def _all_phrases():
    data = read_builtin()
    return sorted({m["deadline"] for a in data.annexes for d in a["directions"] for m in d["measures"]})


def test_every_phrase_of_the_program_is_understood():
    unknown = [p for p in _all_phrases() if not parse_deadline(p).recognized]
    assert unknown == []
    assert len(_all_phrases()) >= 10


@pytest.mark.parametrize("phrase, kind", [
    ("Постійно", DeadlineKind.CONTINUOUS),
    ("Щорічно", DeadlineKind.YEARLY),
    ("Раз на рік", DeadlineKind.YEARLY),
    ("Щорічно в травні", DeadlineKind.YEARLY_MONTHS),
    ("Щорічно в червні, щорічно в липні", DeadlineKind.YEARLY_MONTHS),
    ("До грудня 2018 року", DeadlineKind.BY_DATE),
    ("Протягом 2017 року", DeadlineKind.DURING_YEARS),
    ("Протягом дії   Програми", DeadlineKind.DURING_PROGRAM),
    ("Відповідно до плану роботи міської ради", DeadlineKind.COUNCIL_PLAN),
    ("У разі потреби", DeadlineKind.ON_DEMAND),
])
def test_phrases(phrase, kind):
    deadline = parse_deadline(phrase)
    assert deadline.kind is kind
    assert deadline.phrase == phrase  # the original words are kept


def test_unknown_phrase_is_kept_and_flagged():
    deadline = parse_deadline("Після завершення ремонту")
    assert deadline.kind is DeadlineKind.UNKNOWN and not deadline.recognized
    assert deadline.phrase == "Після завершення ремонту"
    assert deadline.next_due(D(2024, 1, 1), 2024, 2027) is None
    assert not deadline.is_overdue(D(2026, 1, 1), 2024, 2027)


def test_months_of_a_double_phrase():
    assert parse_deadline("Щорічно в червні, щорічно в липні").months == (6, 7)


def test_yearly_in_may_is_due_on_the_last_day_of_may():
    may = parse_deadline("Щорічно в травні")
    assert may.next_due(D(2025, 5, 1), 2024, 2027) == D(2025, 5, 31)
    assert may.next_due(D(2025, 5, 31), 2024, 2027) == D(2025, 5, 31)
    assert may.next_due(D(2025, 6, 1), 2024, 2027) == D(2026, 5, 31)
    assert may.next_due(D(2027, 6, 1), 2024, 2027) is None  # after the stage: nothing due
    # Overdue from the day after, unless a «виконано» of that year covers it.
    done_2024 = [D(2024, 5, 20)]
    assert not may.is_overdue(D(2025, 5, 31), 2024, 2027, done_dates=done_2024)
    assert may.is_overdue(D(2025, 6, 1), 2024, 2027, done_dates=done_2024)
    assert not may.is_overdue(D(2025, 6, 1), 2024, 2027, done_dates=done_2024 + [D(2025, 5, 20)])
    # In the first year nothing is due before the end of May.
    assert not may.is_overdue(D(2024, 5, 31), 2024, 2027)
    assert may.is_overdue(D(2024, 6, 1), 2024, 2027)


def test_february_month_end_in_leap_and_common_years():
    feb = parse_deadline("Щорічно в лютому")
    assert feb.next_due(D(2024, 2, 1), 2024, 2025) == D(2024, 2, 29)
    assert feb.next_due(D(2025, 2, 1), 2024, 2025) == D(2025, 2, 28)
    assert feb.is_overdue(D(2024, 3, 1), 2024, 2025)
    assert not feb.is_overdue(D(2024, 2, 29), 2024, 2025)


def test_one_off_deadline():
    december = parse_deadline("До грудня 2018 року")
    assert december.due_date == D(2018, 11, 30)
    assert not december.is_overdue(D(2018, 11, 30), 2017, 2019)
    assert december.is_overdue(D(2018, 12, 1), 2017, 2019)
    assert not december.is_overdue(D(2019, 3, 1), 2017, 2019, done_dates=[D(2019, 1, 15)])


def test_during_a_year_and_during_the_program():
    during = parse_deadline("Протягом 2017 року")
    assert during.next_due(D(2017, 3, 1), 2017, 2019) == D(2017, 12, 31)
    assert during.is_overdue(D(2018, 1, 1), 2017, 2019)
    program = parse_deadline("Протягом дії Програми")
    assert program.next_due(D(2025, 1, 1), 2024, 2027) == D(2027, 12, 31)
    assert not program.is_overdue(D(2027, 12, 31), 2024, 2027)


@pytest.mark.parametrize("phrase", ["Постійно", "Відповідно до плану роботи міської ради", "У разі потреби"])
def test_no_date_no_overdue(phrase):
    deadline = parse_deadline(phrase)
    assert deadline.next_due(D(2025, 1, 1), 2024, 2027) is None
    assert not deadline.is_overdue(D(2030, 1, 1), 2024, 2027)
