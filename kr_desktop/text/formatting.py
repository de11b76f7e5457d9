"""Dates, money and periods formatted as Ukrainian official documents write them (babel, uk_UA)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


LOCALE = "uk_UA"
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

HALF_YEAR_NAMES = {1: "I півріччя", 2: "II півріччя"}


def _no_narrow_spaces(text: str) -> str:
    # reportlab breaks lines at U+202F, which babel puts in some patterns: use U+00A0.
    return text.replace(NARROW_NBSP, NBSP)


def format_date(value: dt.date | None) -> str:
    """``21.12.2016``: the table form (babel's short form has a two-digit year)."""
    if value is None:
        return ""
    # babel's "dd.MM.yyyy", written directly: long tables format thousands of dates
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def _babel_date(*args, **kwargs) -> str:
    from babel.dates import format_date  # babel loads when first used: the window's start does not need it

    return format_date(*args, **kwargs)


def _babel_decimal(*args, **kwargs) -> str:
    from babel.numbers import format_decimal

    return format_decimal(*args, **kwargs)


def format_date_long(value: dt.date | None) -> str:
    """``30 листопада 2026 року``: the running-text form, month in the genitive."""
    if value is None:
        return ""
    return _no_narrow_spaces(_babel_date(value, "d MMMM y 'року'", locale=LOCALE))


def round_money(value: Decimal | int | str, places: int = 2) -> Decimal:
    """Round half-up (babel alone rounds half-to-even: 2,25 → 2,2)."""
    quantum = Decimal(1).scaleb(-places)
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def format_money(value: Decimal | int | str | None, places: int = 2, empty: str = "") -> str:
    """``12 023 016,00``: no-break spaces between thousands, decimal comma, half-up."""
    if value is None:
        return empty
    rounded = round_money(value, places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    text = _babel_decimal(rounded, pattern, locale=LOCALE, decimal_quantization=True)
    return _no_narrow_spaces(text)


def format_percent(value: Decimal | None, places: int = 1) -> str:
    """``87,5 %``: a percentage with a decimal comma, half-up."""
    if value is None:
        return ""
    return format_money(value, places) + NBSP + "%"


def format_half_year(year: int, half: int) -> str:
    """``I півріччя 2026 року`` (babel has no half-years; Roman numerals are Latin letters)."""
    return f"{HALF_YEAR_NAMES[half]} {year} року"


def format_int(value: int) -> str:
    # babel's uk_UA "#,##0" (groups of three with U+00A0), written directly: tables number
    # thousands of rows (tests/test_perf_formatting.py compares the two)
    return f"{value:,}".replace(",", "\u00a0")


def _babel_int(value: int) -> str:
    return _no_narrow_spaces(_babel_decimal(value, "#,##0", locale=LOCALE))
