"""The passport ↔ annex invariant: for every year, the stage's amounts add up to the passport's."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping


@dataclass(frozen=True)
class Mismatch:
    year: int
    passport: Decimal
    annex: Decimal
    annex_number: int | None  # the stage covering the year (None: no stage covers it)

    @property
    def difference(self) -> Decimal:
        return self.annex - self.passport

    @property
    def message(self) -> str:
        from kr_desktop.text.formatting import format_money

        where = f"Додатка {self.annex_number}" if self.annex_number else "жодного додатка"
        return (f"{self.year} рік: у паспорті {format_money(self.passport)} грн, у таблиці {where} "
                f"{format_money(self.annex)} грн (різниця {format_money(self.difference)} грн).")


def check_consistency(passport: Mapping[int, Decimal], annex: Mapping[int, Decimal],
                      stage_of_year: Mapping[int, int], years: range) -> list[Mismatch]:
    """Every year of the Program whose passport total differs from its stage's total.

    ``passport`` and ``annex`` are totals over all sources per year; ``stage_of_year`` maps a year
    to the annex number of the stage covering it."""
    mismatches = []
    for year in years:
        p = passport.get(year, Decimal(0))
        a = annex.get(year, Decimal(0))
        if p != a:
            mismatches.append(Mismatch(year, p, a, stage_of_year.get(year)))
    return mismatches
