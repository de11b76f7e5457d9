"""Parsing what people type into forms and spreadsheets: money and dates.

Every rejection is a ``ValidationError`` whose Ukrainian message names the field (or row), so a
form or an importer can show it as it is. Shared by every area: use these instead of ``Decimal()``
or ``strptime`` on user input.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kr_desktop.errors import ValidationError

# Largest sum accepted: a thousand billion hryvnias, far above any city budget and far below
# what a BigInteger of kopecks holds (9.2e16 hryvnias).
MAX_MONEY = Decimal("999999999999.99")
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_INPUT_LENGTH = 100  # longer text in a money or date field is certainly not a number or date

_SPACES = "\u00a0\u202f\u2009\u2007 '\u2019"  # group separators people and Excel produce
_CURRENCY = re.compile(r"\s*(грн\.?|₴|uah)\s*$", re.IGNORECASE)
_MONEY = re.compile(r"(\d+)(?:[.,](\d{1,2}))?")
_DATE_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s*(?:року|р\.?))?")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _shown(text: str) -> str:
    """The typed value as it can be quoted in a message: short, without control characters."""
    clean = "".join(ch if ch.isprintable() else "�" for ch in text)
    return clean if len(clean) <= 40 else clean[:40] + "…"


def _text(value, field: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"Поле «{field}»: очікується текст, отримано значення іншого типу.", field=field)
    return value.strip()


def parse_money(value, field: str = "Сума", allow_empty: bool = False,
                allow_negative: bool = False) -> Decimal | None:
    """«1 391 386,00», «1391386.5», «12 023 016 грн» → Decimal with two places (half-up).

    Accepts a Decimal/int as is (after the same checks); refuses floats (inexact), negatives
    (unless ``allow_negative``), more than two decimal places, letters and formulas.
    """
    if isinstance(value, bool):
        raise ValidationError(f"Поле «{field}»: очікується сума, отримано логічне значення.", field=field)
    if isinstance(value, (int, Decimal)):
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise ValidationError(f"Поле «{field}»: це не сума.", field=field) from None
        if not amount.is_finite():
            raise ValidationError(f"Поле «{field}»: це не сума.", field=field)
        return _checked_amount(amount, field, allow_negative)
    if isinstance(value, float):
        raise ValidationError(f"Поле «{field}»: суму потрібно вказати точно (текстом або Decimal), "
                              "а не дробовим числом з плаваючою комою.", field=field)
    if value is None:
        text = ""
    else:
        text = _text(value, field)
    if not text:
        if allow_empty:
            return None
        raise ValidationError(f"Поле «{field}»: вкажіть суму.", field=field)
    if len(text) > MAX_INPUT_LENGTH:
        raise ValidationError(f"Поле «{field}»: надто довгий текст для суми.", field=field)
    if text.startswith("="):
        raise ValidationError(f"Поле «{field}»: формули не приймаються, вкажіть число.", field=field)
    negative = False
    if text[0] in "-−–":
        negative, text = True, text[1:].lstrip()
    text = _CURRENCY.sub("", text)
    for space in _SPACES:
        text = text.replace(space, "")
    match = _MONEY.fullmatch(text)
    if not match:
        raise ValidationError(f"Поле «{field}»: «{_shown(str(value).strip())}» — не сума. "
                              "Приклад: 1 391 386,00.", field=field)
    whole, cents = match.group(1), match.group(2) or "0"
    if len(whole.lstrip("0")) > 12:
        raise ValidationError(f"Поле «{field}»: сума завелика.", field=field)
    amount = Decimal(f"{whole}.{cents}")
    if negative:
        amount = -amount
    return _checked_amount(amount, field, allow_negative)


def _checked_amount(amount: Decimal, field: str, allow_negative: bool) -> Decimal:
    if amount < 0 and not allow_negative:
        raise ValidationError(f"Поле «{field}»: сума не може бути від’ємною.", field=field)
    if abs(amount) > MAX_MONEY:
        raise ValidationError(f"Поле «{field}»: сума завелика.", field=field)
    if amount != amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise ValidationError(f"Поле «{field}»: у сумі не може бути більше двох знаків після коми.", field=field)
    return amount.quantize(Decimal("0.01"))


def parse_date(value, field: str = "Дата", allow_empty: bool = False,
               min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> dt.date | None:
    """«30.11.2026», «1.2.2017», «30.11.2026 р.», «2026-11-30» or a date → ``datetime.date``.

    Years outside ``min_year``…``max_year`` are refused (a typo such as 0226 or 20026).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _checked_date(value, field, min_year, max_year)
    if value is None:
        text = ""
    else:
        text = _text(value, field)
    if not text:
        if allow_empty:
            return None
        raise ValidationError(f"Поле «{field}»: вкажіть дату.", field=field)
    if len(text) > MAX_INPUT_LENGTH:
        raise ValidationError(f"Поле «{field}»: надто довгий текст для дати.", field=field)
    match = _DATE_DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _DATE_ISO.fullmatch(text)
        if not match:
            raise ValidationError(f"Поле «{field}»: «{_shown(text)}» — не дата. Приклад: 30.11.2026.", field=field)
        year, month, day = (int(g) for g in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise ValidationError(f"Поле «{field}»: дати «{_shown(text)}» не існує.", field=field) from None
    return _checked_date(date, field, min_year, max_year)


def _checked_date(date: dt.date, field: str, min_year: int, max_year: int) -> dt.date:
    if not (min_year <= date.year <= max_year):
        raise ValidationError(f"Поле «{field}»: рік {date.year} поза межами {min_year}–{max_year}.", field=field)
    return date
