"""Reading one cell's value: an amount as the decision prints it, a year, a dash for «none»."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DASHES = {"-", "–", "—", "−", "х", "x"}
_AMOUNT = re.compile(r"^[+]?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$")
YEAR = re.compile(r"^(19|20|21)\d{2}$")


def is_dash(text: str) -> bool:
    return text.strip() in DASHES or not text.strip()


def looks_numeric(text: str) -> bool:
    """Digits with at most separators: a typo in an amount («16 5OO,0») is not words."""
    stripped = re.sub(r"[\s\u00a0\u202f.,]", "", text)
    return bool(stripped) and sum(ch.isdigit() for ch in stripped) * 2 >= len(stripped)


def amount(text: str) -> Decimal | None:
    """«1 391 386,0» → Decimal; «-» or nothing → None; anything else → ValueError."""
    value = text.strip().replace("грн", "").strip()
    if is_dash(value):
        return None
    if not _AMOUNT.match(value):
        raise ValueError(value)
    try:
        number = Decimal(re.sub(r"[\s\u00a0\u202f]", "", value).replace(",", "."))
    except InvalidOperation:
        raise ValueError(value) from None
    if number < 0:
        raise ValueError(value)
    return number.quantize(Decimal("0.01"))


def folded(text: str) -> str:
    """For comparing headings and names: lower case, one apostrophe, words only."""
    text = text.lower().replace("’", "'").replace("ʼ", "'").replace("\u00a0", " ")
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())
