"""Column types shared by the models."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, String
from sqlalchemy.types import TypeDecorator

_CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """Hryvnias as a Decimal in Python, integer kopecks in the database.

    SQLite has no exact decimal type (NUMERIC is stored as a float), so kopecks in an
    integer column are exact on SQLite and PostgreSQL alike.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(_CENT)


def sort_key_type() -> String:
    """A stored Ukrainian sort key (see kr_desktop.text.ukrainian.sort_key), compared byte-wise:
    BINARY on SQLite, COLLATE "C" on PostgreSQL (whose default collation would reorder it)."""
    return String(400).with_variant(String(400, collation="C"), "postgresql")
