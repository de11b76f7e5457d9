"""Cell values as text for PDF and DOCX (XLSX keeps them typed), with the typography of print."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kr_desktop.reports.document import Column
from kr_desktop.text.formatting import format_date, format_int, format_money, format_percent, round_money
from kr_desktop.text.wording import signed, typographic


def format_delta(value: Decimal | int, places: int) -> str:
    """A deviation with its sign: «+1 250,00», «−566,67» (U+2212), «0,00»."""
    rounded = round_money(value, places)
    return signed(format_money(rounded, places), rounded < 0, zero=rounded == 0)


def cell_text(value: Any, column: Column, money_places: int) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return typographic(value)
    if column.kind == "money" and isinstance(value, (Decimal, int)):
        return format_money(value, money_places)
    if column.kind == "delta" and isinstance(value, (Decimal, int)):
        return format_delta(value, money_places)
    if column.kind == "percent" and isinstance(value, (Decimal, int)):
        return format_percent(Decimal(value))
    if column.kind == "int" and isinstance(value, int):
        return format_int(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_money(value, money_places)
    return str(value)
