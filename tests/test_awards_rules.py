"""Award rules and certificate numbering (domain, no database)."""

import datetime as dt

import pytest

from kr_desktop.domain import award_rules as r
from kr_desktop.domain.award_values import degree_label, parse_date, parse_degree

BADGE = 2
D = dt.date


def _candidate(**kw):
    base = dict(award_type_id=BADGE, type_name="Нагрудний знак «За заслуги перед містом»", type_degrees=3,
                degree=3, act_date=D(2024, 5, 1), presented_on=D(2024, 5, 20), posthumous=False,
                person_deceased=False)
    base.update(kw)
    return r.Candidate(**base)


def _rules(findings):
    return [f.rule for f in findings]


def test_a_first_third_degree_raises_nothing():
    assert r.check_award(_candidate(), []) == []


def test_degree_order_third_then_second_then_first():
    assert _rules(r.check_award(_candidate(degree=2), [])) == [r.DEGREE_ORDER]
    assert _rules(r.check_award(_candidate(degree=1), [r.HeldAward(BADGE, 3, D(2015, 1, 1))])) == [r.DEGREE_ORDER]
    held = [r.HeldAward(BADGE, 3, D(2015, 1, 1))]
    assert r.check_award(_candidate(degree=2), held) == []
    message = r.check_award(_candidate(degree=2), [])[0].message
    assert "II\u00a0ступеня" in message and "III" in message and "\u0406" not in message  # one style: Latin


def test_same_degree_twice():
    held = [r.HeldAward(BADGE, 3, D(2010, 1, 1))]
    assert _rules(r.check_award(_candidate(degree=3), held)) == [r.SAME_DEGREE]


def test_minimum_interval_between_awards_of_the_same_type():
    held = [r.HeldAward(BADGE, 3, D(2023, 6, 1))]
    assert _rules(r.check_award(_candidate(degree=2, act_date=D(2024, 5, 1)), held)) == [r.MIN_INTERVAL]
    assert r.check_award(_candidate(degree=2, act_date=D(2025, 6, 1), presented_on=None), held) == []
    # another type does not count; the interval is a setting
    older = [r.HeldAward(BADGE, 3, D(2023, 1, 1))]
    assert r.check_award(_candidate(degree=2), [r.HeldAward(99, None, D(2024, 1, 1)), *older],
                         min_interval_years=1) == []
    assert _rules(r.check_award(_candidate(degree=2, act_date=D(2026, 5, 1), presented_on=None), held,
                                min_interval_years=5)) == [r.MIN_INTERVAL]


def test_interval_also_looks_at_a_later_award_entered_afterwards():
    held = [r.HeldAward(BADGE, 2, D(2024, 6, 1))]
    findings = r.check_award(_candidate(degree=3, act_date=D(2023, 12, 1), presented_on=None), held)
    assert _rules(findings) == [r.MIN_INTERVAL]


def test_deceased_without_posthumous_flag():
    assert _rules(r.check_award(_candidate(person_deceased=True, person_death_date=D(2020, 1, 2)), [])) == [r.DECEASED]
    assert "02.01.2020" in r.check_award(_candidate(person_deceased=True, person_death_date=D(2020, 1, 2)), [])[0].message
    assert r.check_award(_candidate(person_deceased=True, posthumous=True), []) == []


def test_presentation_before_the_basis_act():
    findings = r.check_award(_candidate(presented_on=D(2024, 4, 30)), [])
    assert _rules(findings) == [r.PRESENTED_BEFORE_ACT]
    assert "30.04.2024" in findings[0].message and "01.05.2024" in findings[0].message


def test_levels_off_warn_forbid():
    candidate = _candidate(degree=2, presented_on=D(2024, 4, 1))
    assert _rules(r.check_award(candidate, [], {r.DEGREE_ORDER: r.OFF})) == [r.PRESENTED_BEFORE_ACT]
    findings = r.check_award(candidate, [], {r.DEGREE_ORDER: r.FORBID})
    assert [(f.rule, f.forbidden) for f in findings] == [(r.DEGREE_ORDER, True), (r.PRESENTED_BEFORE_ACT, False)]


def test_types_without_degrees_skip_degree_rules():
    candidate = _candidate(award_type_id=5, type_name="Подяка міського голови", type_degrees=0, degree=None)
    assert r.check_award(candidate, [r.HeldAward(5, None, D(2010, 1, 1))]) == []


@pytest.mark.parametrize("pattern, seq, year, text", [
    ("{n}", 7, None, "7"), ("ПГ-{n}", 12, None, "ПГ-12"), ("{n:04}/{year}", 3, 2026, "0003/2026"),
])
def test_numbers_are_formatted_and_parsed_back(pattern, seq, year, text):
    assert r.format_number(pattern, seq, year) == text
    assert r.parse_number(pattern, text) == seq


def test_next_number_is_above_every_number_ever_issued():
    assert r.next_number("{n}", []) == "1"
    assert r.next_number("{n}", [1, 2, 5]) == "6"
    assert r.next_number("{n}", [None, 3], taken={"4"}) == "5"
    with pytest.raises(ValueError):
        r.check_pattern("без номера")
    with pytest.raises(ValueError):
        r.check_pattern("{n}-{x}")


@pytest.mark.parametrize("text, degree", [("І", 1), ("ІІ", 2), ("ІІІ", 3), ("I", 1), ("II", 2), ("iii", 3),
                                          ("1", 1), (2, 2), (3.0, 3), ("ІІ ступеня", 2), ("", None), (None, None)])
def test_degrees_in_every_spelling(text, degree):
    assert parse_degree(text) == degree


def test_degree_labels_are_latin_and_bad_values_refused():
    assert degree_label(3) == "III" and degree_label(4) == "IV"  # never the mixed Cyrillic «ІV»
    with pytest.raises(ValueError, match="ступінь"):
        parse_degree("IV ступеня з відзнакою")


def test_dates_as_text_or_date():
    assert parse_date("05.03.2021") == D(2021, 3, 5)
    assert parse_date(dt.datetime(2021, 3, 5, 0, 0)) == D(2021, 3, 5)
    assert parse_date(" ") is None
    for bad in ("31.02.2021", "2021", "01.01.1850"):
        with pytest.raises(ValueError):
            parse_date(bad)
