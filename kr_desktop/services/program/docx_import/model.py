"""What a decision document was read as: the program, its passport, amendments and annexes, and
every problem met on the way (named by where it is: the table, row and column, or the paragraph)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Problem:
    where: str  # «Додаток 2, рядок 14, стовпець «Строк виконання заходу»»
    message: str
    text: str = ""  # the cell's or paragraph's text, shortened
    blocking: bool = True  # False: a remark (what was inferred or joined), the import still goes ahead

    def line(self) -> str:
        shown = f" — «{self.text[:80]}{'…' if len(self.text) > 80 else ''}»" if self.text else ""
        return f"{self.where}: {self.message}{shown}"


@dataclass
class ReadFunding:
    source: str
    amounts: dict[int, Decimal] = field(default_factory=dict)
    phrase: str = ""
    phrase_from: int | None = None


@dataclass
class ReadMeasure:
    text: str
    deadline: str
    executors_text: str
    expected_result: str | None  # None: the merged cell above covers it
    deadline_origin: str = "printed"
    deadline_note: str = ""
    executors_origin: str = "printed"
    executors_note: str = ""
    funding: list[ReadFunding] = field(default_factory=list)
    where: str = ""  # «Додаток 1, рядок 7» — for messages about it later (executors, sources)


@dataclass
class ReadDirection:
    number: int
    name: str
    funding: list[ReadFunding] = field(default_factory=list)
    measures: list[ReadMeasure] = field(default_factory=list)


@dataclass
class ReadStage:
    annex_number: int
    caption: str
    title: str
    years: tuple[int, ...]
    directions: list[ReadDirection] = field(default_factory=list)

    @property
    def measures(self) -> int:
        return sum(len(d.measures) for d in self.directions)

    def year_total(self, year: int) -> Decimal:
        lines = [f for d in self.directions for f in d.funding]
        lines += [f for d in self.directions for m in d.measures for f in m.funding]
        return sum((f.amounts.get(year, Decimal(0)) for f in lines), Decimal(0))


@dataclass
class PassportEntry:
    kind: str
    caption: str
    text: str


@dataclass
class DecisionReading:
    file_name: str = ""
    name: str = ""
    decision_number: str = ""
    decision_date: dt.date | None = None
    decision_title: str = ""
    amendments: list[tuple[dt.date, str]] = field(default_factory=list)
    start_year: int | None = None
    end_year: int | None = None
    passport: list[PassportEntry] = field(default_factory=list)
    passport_amounts: dict[tuple[str, int], Decimal] = field(default_factory=dict)  # (source, year) → amount
    stages: list[ReadStage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, where: str, message: str, text: str = "", blocking: bool = True) -> None:
        self.problems.append(Problem(where, message, text, blocking))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def remarks(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    @property
    def ok(self) -> bool:
        return not self.errors
