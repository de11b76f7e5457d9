"""Half-year reporting periods of the Program (item 5 of decision №1176).

Kept apart from the rest of kr_desktop.domain.progress, so the window's start screen can read
its snapshot without loading what parsing amounts needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kr_desktop.errors import ValidationError
from kr_desktop.text.wording import half_year_name


@dataclass(frozen=True, order=True)
class Period:
    year: int
    half: int  # 1: I півріччя; 2: II півріччя (the whole year)

    def __post_init__(self):
        if self.half not in (1, 2):
            raise ValidationError("Півріччя має бути 1 або 2.", field="half")

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    @property
    def due(self) -> dt.date:
        """Item 5 of the decision: executors inform by 10 July and by 10 January."""
        return dt.date(self.year, 7, 10) if self.half == 1 else dt.date(self.year + 1, 1, 10)

    @property
    def label(self) -> str:
        return f"{half_year_name(self.half)} {self.year} року"

    def next(self) -> "Period":
        return Period(self.year, 2) if self.half == 1 else Period(self.year + 1, 1)

    def previous(self) -> "Period":
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)


def last_ended_period(on: dt.date) -> Period:
    """The latest half-year that has ended before ``on`` (the one being collected or late)."""
    return Period(on.year, 1) if on.month >= 7 else Period(on.year - 1, 2)
