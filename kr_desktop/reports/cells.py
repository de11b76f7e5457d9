"""Cell values as text for PDF and DOCX (XLSX keeps them typed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kr_desktop.reports.document import Column
from kr_desktop.text.formatting import format_date, format_int, format_money, format_percent


def cell_text(value: Any, column: Column, money_places: int) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if column.kind == "money" and isinstance(value, (Decimal, int)):
        return format_money(value, money_places)
    if column.kind == "percent" and isinstance(value, (Decimal, int)):
        return format_percent(Decimal(value))
    if column.kind == "int" and isinstance(value, int):
        return format_int(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_money(value, money_places)
    return str(value)
