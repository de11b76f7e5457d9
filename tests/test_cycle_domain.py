"""Control statuses at the boundary dates, periods, amounts typed by a clerk, consistency."""

import datetime as dt
from decimal import Decimal

import pytest

from kr_desktop.domain.consistency import check_consistency
from kr_desktop.domain.control import (ControlStatus, check_deadline, check_report, count_by_executor,
                                       periods_to_control, status_for)
from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.domain.progress import (Period, execution_percent, last_ended_period, parse_amount, parse_date,
                                        status_from_text, Status, deviation)
from kr_desktop.errors import ValidationError

D = dt.date
OVERDUE, SOON, DONE, PENDING = (ControlStatus.OVERDUE, ControlStatus.DUE_SOON, ControlStatus.DONE,
                                ControlStatus.PENDING)


def test_period_due_dates_follow_item_5_of_the_decision():
    assert Period(2026, 1).due == D(2026, 7, 10)
    assert Period(2026, 2).due == D(2027, 1, 10)
    assert Period(2026, 1).end == D(2026, 6, 30) and Period(2026, 2).start == D(2026, 7, 1)
    assert Period(2026, 2).next() == Period(2027, 1) and Period(2027, 1).previous() == Period(2026, 2)
    assert Period(2026, 1).label == "I\u00a0півріччя 2026 року"
    with pytest.raises(ValidationError):
        Period(2026, 3)


@pytest.mark.parametrize("on, expected", [
    (D(2026, 6, 30), Period(2025, 2)), (D(2026, 7, 1), Period(2026, 1)),
    (D(2026, 12, 31), Period(2026, 1)), (D(2027, 1, 1), Period(2026, 2)),
])
def test_last_ended_period(on, expected):
    assert last_ended_period(on) == expected


@pytest.mark.parametrize("on, status", [
    (D(2026, 7, 10), SOON),     # the due date itself is still in time
    (D(2026, 7, 11), OVERDUE),  # the day after is late
    (D(2026, 6, 26), SOON),     # 14 days before
    (D(2026, 6, 25), PENDING),  # 15 days before
])
def test_half_year_report_10_july_boundary(on, status):
    check = check_report(1, "Відділ", Period(2026, 1), {1, 2}, {1}, on, soon_days=14)
    assert check.status is status and check.missing == 1


@pytest.mark.parametrize("on, status", [(D(2027, 1, 10), SOON), (D(2027, 1, 11), OVERDUE)])
def test_half_year_report_10_january_boundary(on, status):
    assert check_report(1, "Відділ", Period(2026, 2), {5}, set(), on, soon_days=7).status is status


def test_a_full_report_is_done_even_when_late():
    assert check_report(1, "В", Period(2026, 1), {1, 2}, {1, 2}, D(2026, 9, 1), 14).status is DONE
    assert check_report(1, "В", Period(2026, 1), set(), set(), D(2026, 9, 1), 14) is None


def test_periods_to_control_include_the_next_one_when_its_due_date_is_near():
    assert periods_to_control(D(2026, 6, 1), 14) == [Period(2025, 2)]
    assert periods_to_control(D(2026, 6, 26), 14) == [Period(2025, 2), Period(2026, 1)]
    assert periods_to_control(D(2026, 7, 11), 14) == [Period(2026, 1)]


MAY = parse_deadline("Щорічно в травні")


@pytest.mark.parametrize("on, status, due", [
    (D(2026, 5, 31), SOON, D(2026, 5, 31)),     # last day of May: in time
    (D(2026, 6, 1), OVERDUE, D(2026, 5, 31)),   # the first of June: late
    (D(2026, 5, 17), SOON, D(2026, 5, 31)),
    (D(2026, 5, 16), None, None),               # 15 days before, not late for 2025 (covered below)
])
def test_yearly_in_may_boundary_last_day_of_the_month(on, status, due):
    done = [D(2025, 5, 20)]
    check = check_deadline(7, MAY, (2024, 2027), done, on, soon_days=14)
    if status is None:
        assert check.status is DONE and check.due == D(2025, 5, 31)
    else:
        assert (check.status, check.due) == (status, due)


def test_done_in_the_due_year_covers_a_recurring_deadline_and_clears_red():
    late = check_deadline(7, MAY, (2024, 2027), [D(2025, 5, 1)], D(2026, 6, 15), 14)
    assert late.status is OVERDUE
    done = check_deadline(7, MAY, (2024, 2027), [D(2025, 5, 1), D(2026, 6, 10)], D(2026, 6, 15), 14)
    assert done.status is DONE


@pytest.mark.parametrize("year, last_day", [(2028, 29), (2027, 28), (2100, 28), (2000, 29)])
def test_february_deadline_in_leap_and_common_years(year, last_day):
    february = parse_deadline("Щорічно в лютому")
    on_last_day = check_deadline(1, february, (year, year), [], D(year, 2, last_day), 0)
    assert (on_last_day.status, on_last_day.due) == (SOON, D(year, 2, last_day))
    next_day = D(year, 2, last_day) + dt.timedelta(days=1)
    assert check_deadline(1, february, (year, year), [], next_day, 0).status is OVERDUE


def test_one_off_and_dateless_deadlines():
    by = parse_deadline("До грудня 2018 року")  # due 30.11.2018
    assert check_deadline(1, by, (2017, 2019), [], D(2018, 11, 30), 0).status is SOON
    assert check_deadline(1, by, (2017, 2019), [], D(2018, 12, 1), 0).status is OVERDUE
    assert check_deadline(1, by, (2017, 2019), [D(2019, 3, 1)], D(2019, 4, 1), 0).status is DONE
    assert check_deadline(1, parse_deadline("Постійно"), (2017, 2019), [], D(2018, 12, 1), 30) is None


def test_counts_per_executor():
    counts = count_by_executor([(1, "А", OVERDUE), (1, "А", OVERDUE), (2, "Б", SOON), (1, "А", DONE), (2, "Б", DONE)])
    assert [(c.executor, c.overdue, c.due_soon, c.done, c.status) for c in counts] == [
        ("А", 2, 0, 1, OVERDUE), ("Б", 0, 1, 1, SOON)]


def test_status_for_prefers_done():
    assert status_for(D(2026, 7, 10), True, D(2027, 1, 1), 14) is DONE


@pytest.mark.parametrize("text, value", [
    ("1 391 386,00", Decimal("1391386.00")), ("1\u00a0391\u00a0386,5", Decimal("1391386.5")),
    ("4290", Decimal("4290")), ("0", Decimal(0)), ("", None), ("  ", None), ("12,5 грн", Decimal("12.5")),
])
def test_parse_amount(text, value):
    assert parse_amount(text, "Сума") == value


@pytest.mark.parametrize("text, message", [
    ("abc", "не число"), ("12,3,4", "не число"), ("-5", "від’ємною"), ("1,234", "двох знаків"),
])
def test_parse_amount_refuses_with_the_field_named(text, message):
    with pytest.raises(ValidationError, match=message) as error:
        parse_amount(text, "Захід 4.1, профінансовано")
    assert error.value.message.startswith("Захід 4.1, профінансовано")


def test_status_and_date_from_text():
    assert status_from_text("Виконано") is Status.DONE and status_from_text("not_done") is Status.NOT_DONE
    assert status_from_text("") is None
    with pytest.raises(ValidationError, match="Невідомий стан"):
        status_from_text("майже")
    assert parse_date("10.07.2026", "Дата") == D(2026, 7, 10)
    with pytest.raises(ValidationError, match="Дата отримання: «31.02.2026» — не дата"):
        parse_date("31.02.2026", "Дата отримання")


def test_deviation_and_percent():
    assert deviation(Decimal(100), Decimal(80)) == Decimal(-20)
    assert execution_percent(Decimal(200), Decimal(50)) == Decimal(25)
    assert execution_percent(Decimal(0), Decimal(50)) is None and deviation(None, None) is None


def test_consistency_names_each_mismatched_year():
    passport = {2024: Decimal("1395676.00"), 2025: Decimal(10)}
    annex = {2024: Decimal("1395676.00"), 2025: Decimal(12)}
    mismatches = check_consistency(passport, annex, {2024: 3, 2025: 3}, range(2024, 2026))
    assert [(m.year, m.difference) for m in mismatches] == [(2025, Decimal(2))]
    assert "2025 рік" in mismatches[0].message and "Додатка 3" in mismatches[0].message
