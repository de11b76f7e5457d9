"""A program's amending decisions, and the history they give each value (which decision changed
an amount, a measure's text or deadline, from what, to what)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Amendment, AmendmentChange
from kr_desktop.domain.progress import parse_date
from kr_desktop.errors import ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.program import choice
from kr_desktop.services.program.records import DIRECTION, MEASURE, clean_text
from kr_desktop.text.formatting import format_date


@dataclass(frozen=True)
class AmendmentInfo:
    id: int
    date: dt.date
    number: str
    description: str

    @property
    def label(self) -> str:
        return f"рішення від {format_date(self.date)} №{self.number}"


@dataclass(frozen=True)
class HistoryItem:
    amendment: str
    date: dt.date
    field: str
    old_value: str | None
    new_value: str | None


def list_amendments(db: Database, program_id: int | None = None) -> list[AmendmentInfo]:
    with db.reading() as s:
        program = choice.resolve(s, program_id)
        return [AmendmentInfo(a.id, a.date, a.number, a.description)
                for a in s.scalars(select(Amendment).where(Amendment.program_id == program.id)
                                   .order_by(Amendment.date, Amendment.id))]


def add_amendment(db: Database, date: dt.date | str, number: str, description: str = "",
                  program_id: int | None = None) -> int:
    require(db, OPERATOR)
    when = parse_date(date, "Дата рішення")
    if when is None:
        raise ValidationError("Дата рішення: вкажіть дату рішення про зміни.", field="Дата рішення")
    number = (number or "").strip().lstrip("№").strip()
    if not number:
        raise ValidationError("Номер рішення: вкажіть номер рішення про зміни.", field="Номер рішення")
    description = clean_text(description, "Опис рішення")
    with db.changing(f"Додано рішення про зміни від {format_date(when)} №{number}") as s:
        program = choice.resolve(s, program_id)
        exists = s.scalar(select(Amendment.id).where(Amendment.program_id == program.id, Amendment.date == when,
                                                     Amendment.number == number))
        if exists:
            raise ValidationError(f"Рішення від {format_date(when)} №{number} вже є в переліку змін.",
                                  field="Номер рішення")
        amendment = Amendment(program=program, date=when, number=number, description=description)
        s.add(amendment)
        s.flush()
        return amendment.id


def amount_history(db: Database, owner: str, owner_id: int | None, source_id: int, year: int,
                   program_id: int | None = None) -> list[HistoryItem]:
    """Which amendments changed one planned amount, oldest first (owner "passport": table 1.7 of
    ``program_id``'s passport)."""
    with db.reading() as s:
        query = select(AmendmentChange).join(Amendment).where(AmendmentChange.source_id == source_id,
                                                               AmendmentChange.year == year)
        if owner == DIRECTION:
            query = query.where(AmendmentChange.target == "direction_funding", AmendmentChange.direction_id == owner_id)
        elif owner == MEASURE:
            query = query.where(AmendmentChange.target == "measure_funding", AmendmentChange.measure_id == owner_id)
        else:
            program = choice.resolve(s, program_id)
            query = query.where(AmendmentChange.target == "passport_funding", Amendment.program_id == program.id)
        return [_history(c) for c in s.scalars(query.order_by(Amendment.date, AmendmentChange.id))]


def measure_history(db: Database, measure_id: int) -> list[HistoryItem]:
    """Every amendment change of a measure: its text, deadline, executors and planned amounts."""
    with db.reading() as s:
        rows = s.scalars(select(AmendmentChange).join(Amendment).where(AmendmentChange.measure_id == measure_id)
                         .order_by(Amendment.date, AmendmentChange.id))
        return [_history(c) for c in rows]


def _history(change: AmendmentChange) -> HistoryItem:
    a = change.amendment
    what = change.field
    if change.year is not None:
        what = f"{change.year}, {change.source.name if change.source else ''}".strip(", ")
    return HistoryItem(f"рішення від {format_date(a.date)} №{a.number}", a.date, what,
                       change.old_value, change.new_value)


def amendment_changes(db: Database, amendment_id: int) -> list[str]:
    """What one amendment changed, one line each: «Напрям 4…, 2026, бюджет громади: 1577626.00 → 1600000.00»."""
    with db.reading() as s:
        rows = s.scalars(select(AmendmentChange).where(AmendmentChange.amendment_id == amendment_id)
                         .order_by(AmendmentChange.id))
        lines = []
        for c in rows:
            where = c.owner_label
            if c.year is not None:
                where += f", {c.year}, {c.source.short_name or c.source.name if c.source else ''}"
            else:
                where += f", {c.field}"
            lines.append(f"{where}: {c.old_value or '—'} → {c.new_value or '—'}")
        return lines
