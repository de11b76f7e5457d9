"""Award rules, computed before an award is saved, and certificate numbering.

Each rule has a level chosen in the settings: ``off`` (not checked), ``warn`` (shown before
saving; the user may confirm) or ``forbid`` (the award is refused). The regulations behind the
rules are not available, so the defaults are the practice seen in other cities (domain.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from kr_desktop.domain.award_values import degree_label, degree_phrase

OFF, WARN, FORBID = "off", "warn", "forbid"
LEVELS = (OFF, WARN, FORBID)
LEVEL_LABELS = {OFF: "не перевіряти", WARN: "попереджати", FORBID: "забороняти"}

DEGREE_ORDER = "degree_order"
SAME_DEGREE = "same_degree"
MIN_INTERVAL = "min_interval"
DECEASED = "deceased_not_posthumous"
PRESENTED_BEFORE_ACT = "presented_before_act"

RULES: dict[str, str] = {
    DEGREE_ORDER: "Порядок ступенів III → II → I",
    SAME_DEGREE: "Той самий ступінь удруге",
    MIN_INTERVAL: "Мінімальний проміжок між відзнаками одного виду",
    DECEASED: "Відзнака померлій особі без позначки «посмертно»",
    PRESENTED_BEFORE_ACT: "Дата вручення раніша за дату документа",
}
DEFAULT_LEVELS = {rule: WARN for rule in RULES}
DEFAULT_MIN_INTERVAL_YEARS = 2


@dataclass(frozen=True)
class HeldAward:
    """An award the person already has (revoked ones do not count)."""

    award_type_id: int
    degree: int | None
    act_date: dt.date | None
    presented_on: dt.date | None = None
    award_id: int | None = None

    @property
    def date(self) -> dt.date | None:
        return self.act_date or self.presented_on


@dataclass(frozen=True)
class Candidate:
    award_type_id: int
    type_name: str
    type_degrees: int  # 0: the type has no degrees
    degree: int | None
    act_date: dt.date | None
    presented_on: dt.date | None
    posthumous: bool
    person_deceased: bool
    person_death_date: dt.date | None = None

    @property
    def date(self) -> dt.date | None:
        return self.act_date or self.presented_on


@dataclass(frozen=True)
class Finding:
    rule: str
    level: str  # WARN or FORBID
    message: str

    @property
    def forbidden(self) -> bool:
        return self.level == FORBID


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_award(candidate: Candidate, held: Iterable[HeldAward], levels: dict[str, str] | None = None,
                min_interval_years: int = DEFAULT_MIN_INTERVAL_YEARS) -> list[Finding]:
    """What the rules say about giving ``candidate`` to a person who holds ``held``.

    ``held`` must not contain the award being edited. Findings come in the order of RULES."""
    levels = {**DEFAULT_LEVELS, **(levels or {})}
    same_type = [h for h in held if h.award_type_id == candidate.award_type_id]
    found: list[tuple[str, str]] = []
    degree = candidate.degree if candidate.type_degrees else None

    if degree and degree < candidate.type_degrees:
        lower = degree + 1
        if not any(h.degree == lower for h in same_type):
            found.append((DEGREE_ORDER, f"{candidate.type_name} {degree_phrase(degree)}: особа не має "
                                        f"попереднього {degree_label(lower)} ступеня (порядок III → II → I)."))
    if degree and any(h.degree == degree for h in same_type):
        found.append((SAME_DEGREE, f"Особа вже має {candidate.type_name} {degree_phrase(degree)}."))
    if candidate.date and min_interval_years > 0:
        for h in sorted(same_type, key=lambda h: h.date or dt.date.min, reverse=True):
            if h.date and h.date <= candidate.date < add_years(h.date, min_interval_years):
                found.append((MIN_INTERVAL, f"Від попередньої відзнаки ({candidate.type_name}, "
                                            f"{h.date:%d.%m.%Y}) минуло менше {_years(min_interval_years)}."))
                break
            if h.date and candidate.date < h.date < add_years(candidate.date, min_interval_years):
                found.append((MIN_INTERVAL, f"Наступна відзнака ({candidate.type_name}, {h.date:%d.%m.%Y}) "
                                            f"менш ніж через {_years(min_interval_years)}."))
                break
    if candidate.person_deceased and not candidate.posthumous:
        when = f" ({candidate.person_death_date:%d.%m.%Y})" if candidate.person_death_date else ""
        found.append((DECEASED, f"Особа померла{when}, а відзнаку не позначено «посмертно»."))
    if candidate.presented_on and candidate.act_date and candidate.presented_on < candidate.act_date:
        found.append((PRESENTED_BEFORE_ACT, f"Дата вручення {candidate.presented_on:%d.%m.%Y} раніша за дату "
                                            f"документа {candidate.act_date:%d.%m.%Y}."))
    return [Finding(rule, levels[rule], message) for rule, message in found if levels.get(rule, WARN) != OFF]


def _years(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} року"
    return f"{n} років"


# -- certificate numbering ---------------------------------------------------------------------
# A pattern is text with «{n}» for the sequence number (optionally zero-padded: «{n:04}») and
# optionally «{year}»: «{n}», «ПГ-{n}», «{n:03}/{year}».
_FIELD = re.compile(r"\{(n|year)(?::0?(\d+))?\}")


def check_pattern(pattern: str) -> None:
    if pattern.count("{n") != 1 or not _FIELD.search(pattern):
        raise ValueError("шаблон номера має містити одне поле {n} (наприклад «{n}» або «ПГ-{n:03}»)")
    rest = _FIELD.sub("", pattern)
    if "{" in rest or "}" in rest:
        raise ValueError("у шаблоні номера дозволені лише поля {n} і {year}")


def format_number(pattern: str, sequence: int, year: int | None = None) -> str:
    def field(match: re.Match) -> str:
        width = int(match[2] or 0)
        value = sequence if match[1] == "n" else (year or dt.date.today().year)
        return str(value).zfill(width)
    return _FIELD.sub(field, pattern or "{n}")


def parse_number(pattern: str, number: str) -> int | None:
    """The sequence number inside a certificate number written by ``pattern`` (None if it is not)."""
    parts, last = [], 0
    pattern = pattern or "{n}"
    for match in _FIELD.finditer(pattern):
        parts.append(re.escape(pattern[last:match.start()]))
        parts.append(r"(?P<n>\d+)" if match[1] == "n" else r"\d{4}")
        last = match.end()
    parts.append(re.escape(pattern[last:]))
    found = re.fullmatch("".join(parts), (number or "").strip())
    return int(found["n"]) if found else None


def next_number(pattern: str, used_sequences: Sequence[int | None], year: int | None = None,
                taken: Iterable[str] = ()) -> str:
    """The next free number: one above the highest ever issued (deleted ones included)."""
    taken = set(taken)
    sequence = max((s for s in used_sequences if s is not None), default=0) + 1
    while format_number(pattern, sequence, year) in taken:
        sequence += 1
    return format_number(pattern, sequence, year)
