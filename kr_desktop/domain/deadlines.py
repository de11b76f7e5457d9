"""Deadline phrases of the Program understood as structured deadlines.

The decision writes deadlines as words («Щорічно в травні», «До грудня 2018 року»). The
original words are always kept; the structure lets the domain answer the next due date
and whether a measure is overdue. A phrase the parser does not know is kept and flagged
(kind UNKNOWN), never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterable

_MONTH_STEMS = ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд")
# Locative («у травні»), genitive («до травня») and nominative («травень») forms.
_MONTH_FORMS = {
    1: ("січні", "січня", "січень"), 2: ("лютому", "лютого", "лютий"),
    3: ("березні", "березня", "березень"), 4: ("квітні", "квітня", "квітень"),
    5: ("травні", "травня", "травень"), 6: ("червні", "червня", "червень"),
    7: ("липні", "липня", "липень"), 8: ("серпні", "серпня", "серпень"),
    9: ("вересні", "вересня", "вересень"), 10: ("жовтні", "жовтня", "жовтень"),
    11: ("листопаді", "листопада", "листопад"), 12: ("грудні", "грудня", "грудень"),
}
_MONTH_BY_WORD = {form: number for number, forms in _MONTH_FORMS.items() for form in forms}
_MONTH_RE = "|".join(sorted(_MONTH_BY_WORD, key=len, reverse=True))
_DASHES = "-‐‑–—−"


class DeadlineKind(StrEnum):
    CONTINUOUS = "continuous"          # «Постійно»
    YEARLY = "yearly"                  # «Щорічно», «Раз на рік»: by the end of every year
    YEARLY_MONTHS = "yearly_months"    # «Щорічно в травні»: by the end of the month(s)
    BY_DATE = "by_date"                # «До грудня 2018 року»: once, by a date
    DURING_YEARS = "during_years"      # «Протягом 2017 року»: by the end of the year(s)
    DURING_PROGRAM = "during_program"  # «Протягом дії Програми»: by the end of the Program
    COUNCIL_PLAN = "council_plan"      # «Відповідно до плану роботи міської ради»
    ON_DEMAND = "on_demand"            # «У разі потреби»
    UNKNOWN = "unknown"                # kept as text, flagged for a person to look at


KIND_LABELS = {
    DeadlineKind.CONTINUOUS: "постійно",
    DeadlineKind.YEARLY: "щорічно, до кінця року",
    DeadlineKind.YEARLY_MONTHS: "щорічно у визначені місяці",
    DeadlineKind.BY_DATE: "одноразово, до дати",
    DeadlineKind.DURING_YEARS: "протягом року",
    DeadlineKind.DURING_PROGRAM: "протягом дії Програми",
    DeadlineKind.COUNCIL_PLAN: "за планом роботи міської ради",
    DeadlineKind.ON_DEMAND: "у разі потреби",
    DeadlineKind.UNKNOWN: "не розпізнано",
}

# Kinds whose due dates repeat every year; a «виконано» in the due date's year covers it.
_RECURRING = {DeadlineKind.YEARLY, DeadlineKind.YEARLY_MONTHS}


@dataclass(frozen=True)
class Deadline:
    phrase: str
    kind: DeadlineKind
    months: tuple[int, ...] = ()
    due_date: dt.date | None = None
    year_from: int | None = None
    year_to: int | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def recognized(self) -> bool:
        return self.kind is not DeadlineKind.UNKNOWN

    @property
    def label(self) -> str:
        """A short Ukrainian description of the structure (what the software understood)."""
        if self.kind is DeadlineKind.YEARLY_MONTHS:
            names = ", ".join(_MONTH_FORMS[m][2] for m in self.months)
            return f"щорічно, до кінця місяця: {names}"
        if self.kind is DeadlineKind.BY_DATE and self.due_date:
            return f"одноразово, до {self.due_date:%d.%m.%Y}"
        if self.kind is DeadlineKind.DURING_YEARS and self.year_to:
            if self.year_from != self.year_to:
                return f"протягом {self.year_from}–{self.year_to} років"
            return f"протягом {self.year_to} року"
        return KIND_LABELS[self.kind]

    # -- due dates -------------------------------------------------------------------
    def due_dates(self, start_year: int, end_year: int) -> list[dt.date]:
        """Every due date within the years a measure is active (its stage or the Program)."""
        years = range(start_year, end_year + 1)
        if self.kind is DeadlineKind.YEARLY:
            return [dt.date(y, 12, 31) for y in years]
        if self.kind is DeadlineKind.YEARLY_MONTHS:
            return [_month_end(y, m) for y in years for m in self.months]
        if self.kind is DeadlineKind.BY_DATE and self.due_date:
            return [self.due_date]
        if self.kind is DeadlineKind.DURING_YEARS and self.year_to:
            return [dt.date(self.year_to, 12, 31)]
        if self.kind is DeadlineKind.DURING_PROGRAM:
            return [dt.date(end_year, 12, 31)]
        return []  # continuous, council plan, on demand, unknown: no date to be late for

    def next_due(self, on: dt.date, start_year: int, end_year: int) -> dt.date | None:
        """The first due date on or after ``on``; None when nothing is due any more."""
        return next((d for d in self.due_dates(start_year, end_year) if d >= on), None)

    def last_due(self, on: dt.date, start_year: int, end_year: int) -> dt.date | None:
        """The latest due date strictly before ``on`` (on the due date itself it is not late yet)."""
        past = [d for d in self.due_dates(start_year, end_year) if d < on]
        return past[-1] if past else None

    def is_overdue(self, on: dt.date, start_year: int, end_year: int,
                   done_dates: Iterable[dt.date] = ()) -> bool:
        """True when a due date has passed and no «виконано» covers it.

        For a recurring deadline a «виконано» dated in the due date's year covers it;
        for a one-off deadline any «виконано» does (done late is still done).
        """
        due = self.last_due(on, start_year, end_year)
        if due is None:
            return False
        if self.kind in _RECURRING:
            return not any(d.year == due.year and d <= on for d in done_dates)
        return not any(d <= on for d in done_dates)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _normalise(phrase: str) -> str:
    text = phrase.lower().replace("\u00a0", " ")
    for dash in _DASHES:
        text = text.replace(dash, "-")
    return " ".join(text.split()).strip(" .;,")


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"постійно"), "continuous"),
    (re.compile(r"(щорічно|щороку|раз на рік)"), "yearly"),
    (re.compile(rf"(щорічно )?(у|в) ({_MONTH_RE})(\s*(,|та|і|й)\s*(щорічно )?(у|в)? ?({_MONTH_RE}))*"), "months"),
    (re.compile(rf"до ({_MONTH_RE}) (\d{{4}})( року| р\.?)?"), "by_month"),
    (re.compile(r"до (\d{1,2})\.(\d{1,2})\.(\d{4})( року| р\.?)?"), "by_date"),
    (re.compile(r"протягом (\d{4})( ?- ?(\d{4}))? (року|років|рр\.?|р\.?)"), "during_years"),
    (re.compile(r"протягом (дії |терміну дії |строку дії )?програми"), "during_program"),
    (re.compile(r"(відповідно до|згідно з|згідно із) план(у|ом) роботи міської ради"), "council_plan"),
    (re.compile(r"(у|в) разі (потреби|необхідності)|за потреби|за необхідності"), "on_demand"),
]


def parse_deadline(phrase: str | None) -> Deadline:
    """Understand a deadline phrase of the Program; unknown phrases come back flagged."""
    original = (phrase or "").strip()
    text = _normalise(original)
    if not text:
        return Deadline(original, DeadlineKind.UNKNOWN, notes=("порожній строк",))

    months = tuple(sorted({_MONTH_BY_WORD[w] for w in re.findall(_MONTH_RE, text)}))
    if re.fullmatch(_PATTERNS[2][0], text) or (
        re.match(r"(щорічно|щороку)\b", text) and months and "до " not in text
    ):
        if months:
            return Deadline(original, DeadlineKind.YEARLY_MONTHS, months=months)
    for pattern, tag in _PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        if tag == "continuous":
            return Deadline(original, DeadlineKind.CONTINUOUS)
        if tag == "yearly":
            return Deadline(original, DeadlineKind.YEARLY)
        if tag == "by_month":
            # «До грудня 2018 року»: the work is due before December begins.
            month, year = _MONTH_BY_WORD[match.group(1)], int(match.group(2))
            first = dt.date(year, month, 1)
            return Deadline(original, DeadlineKind.BY_DATE, due_date=first - dt.timedelta(days=1))
        if tag == "by_date":
            day, month, year = (int(match.group(i)) for i in (1, 2, 3))
            try:
                return Deadline(original, DeadlineKind.BY_DATE, due_date=dt.date(year, month, day))
            except ValueError:
                return Deadline(original, DeadlineKind.UNKNOWN, notes=("неіснуюча дата",))
        if tag == "during_years":
            first = int(match.group(1))
            last = int(match.group(3) or first)
            return Deadline(original, DeadlineKind.DURING_YEARS, year_from=first, year_to=last)
        if tag == "during_program":
            return Deadline(original, DeadlineKind.DURING_PROGRAM)
        if tag == "council_plan":
            return Deadline(original, DeadlineKind.COUNCIL_PLAN)
        if tag == "on_demand":
            return Deadline(original, DeadlineKind.ON_DEMAND)
    return Deadline(original, DeadlineKind.UNKNOWN, notes=("строк не розпізнано",))
