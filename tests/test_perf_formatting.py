"""The fast table formatters write exactly what babel writes for uk_UA."""

import datetime as dt

from babel.dates import format_date as babel_date
from hypothesis import given
from hypothesis import strategies as st

from kr_desktop.text import formatting


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_int_is_babels_uk_ua_grouping(value):
    assert formatting.format_int(value) == formatting._babel_int(value)


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_format_date_is_babels_dd_mm_yyyy(value):
    assert formatting.format_date(value) == babel_date(value, "dd.MM.yyyy", locale="uk_UA")
