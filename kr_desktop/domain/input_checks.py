"""Checks shared by the form validators: a value of the wrong type, control characters or an
absurd length is refused with a ValidationError naming the field in Ukrainian (never a crash,
never a database error later: PostgreSQL refuses NUL characters and over-long VARCHARs)."""

from __future__ import annotations

import datetime as dt
import re

from kr_desktop.errors import ValidationError
from kr_desktop.text.control_chars import has_forbidden

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # tab, newline and CR are text
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
QUOTE_LIMIT = 60


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A user's value to repeat in a message: at most ``limit`` characters, then «…»."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def text_value(value: object, label: str, field: str, max_length: int, *, multiline: bool = False) -> str:
    """Text typed into a field: None → ""; a number is its digits; any other type, a control
    character or more than ``max_length`` characters is refused naming ``label``."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValidationError(f"{label}: очікується текст.", field=field)
    text = str(value)
    # Checked on the text as typed: str.split() takes some control characters (\x1c–\x1f) for
    # spaces, and a text that XML cannot hold breaks every DOCX and XLSX export later.
    if has_forbidden(text) or (_CONTROL if multiline else _CONTROL_ONE_LINE).search(
            text if multiline else " ".join(text.split())):
        raise ValidationError(f"{label}: службові (керівні) символи не допускаються.", field=field)
    if len(text) > max_length:
        raise ValidationError(f"{label}: не довше {max_length} знаків.", field=field)
    return text


def date_value(value: object, label: str, field: str) -> dt.date | None:
    """A date from a form: a date (or datetime) or nothing; anything else is refused."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ValidationError(f"{label}: некоректна дата (очікується дд.мм.рррр).", field=field)


# A person's name is letters, with spaces, apostrophes, hyphens, dots and parentheses between them:
# no digits, no characters of markup or formulas (a name starting with «=», «+», «-» or «@» would
# be a live formula in a spreadsheet that someone builds from an export).
_NAME_FORBIDDEN = re.compile(r"[\d=+<>@#$%^*_|\\/{}\[\]]")


def name_problem(text: str) -> str | None:
    """What is wrong with a surname, name or patronymic as typed (None: nothing); Ukrainian."""
    if has_forbidden(text) or _NAME_FORBIDDEN.search(text):
        return "цифри й службові символи не допускаються"
    if text and not text[0].isalpha():
        return "має починатися з літери"
    return None
