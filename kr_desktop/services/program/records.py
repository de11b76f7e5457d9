"""Helpers shared by the program's editing services: fetching a record or saying it is gone,
cleaning typed text, recording what an amendment changed, renumbering after a removal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.models import Amendment, AmendmentChange, Direction, Measure, Stage
from kr_desktop.domain.input_checks import text_value
from kr_desktop.errors import UserError
from kr_desktop.text.ukrainian import unify_apostrophes

DIRECTION, MEASURE = "direction", "measure"
TEXT_MAX = 20_000


def get(session: Session, model, record_id: int, what: str):
    obj = session.get(model, record_id)
    if obj is None:
        raise UserError(f"{what} не знайдено (можливо, його вже видалено).")
    return obj


def owner_stage(session: Session, owner: str, owner_id: int) -> tuple[Stage, str]:
    """The stage of a direction or measure (its years bound the amounts) and how to name it."""
    if owner == DIRECTION:
        d = get(session, Direction, owner_id, "Напрям")
        return d.stage, f"Напрям {d.number}. {d.name}"
    if owner == MEASURE:
        m = get(session, Measure, owner_id, "Захід")
        return m.direction.stage, f"Захід {m.direction.number}.{m.position}"
    raise ValueError(owner)


def clean_text(value: str | None, label: str = "Текст") -> str:
    """A typed text on one line: apostrophes unified, runs of spaces and line breaks collapsed."""
    return " ".join(unify_apostrophes(text_value(value, label, label, TEXT_MAX, multiline=True)).split())


def clean_lines(value: str | None, label: str) -> str:
    """A typed text of several lines (e.g. expected results): each line cleaned, empty ones dropped."""
    text = unify_apostrophes(text_value(value, label, label, TEXT_MAX, multiline=True))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def amendment_of(session: Session, amendment_id: int | None) -> Amendment | None:
    return None if amendment_id is None else get(session, Amendment, amendment_id, "Рішення про зміни")


def as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def record_change(session: Session, amendment: Amendment | None, target: str, field: str, old, new,
                  **owner) -> None:
    """What an amendment changed (old and new values), for the history of the value."""
    if amendment is None or old == new:
        return
    session.add(AmendmentChange(amendment=amendment, target=target, field=field, old_value=as_text(old),
                                new_value=as_text(new), recorded_at=dt.datetime.now().replace(microsecond=0),
                                **owner))


def detach_history(session: Session, column, owner_id: int) -> None:
    """Before deleting a direction or measure: its amendment history loses the link through the
    ORM (journaled), not through the database's ON DELETE SET NULL (which the journal never sees),
    so undoing the deletion links the history back."""
    for change in session.scalars(select(AmendmentChange).where(column == owner_id)):
        setattr(change, column.key, None)
    session.flush()


def close_gap(session: Session, siblings, order, removed: int) -> None:
    """Renumber the records after a removed one (directions in a stage, measures in a direction),
    one at a time so the unique (parent, number) constraint never sees two equal numbers."""
    model = order.class_
    for later in session.scalars(select(model).where(siblings, order > removed).order_by(order)):
        setattr(later, order.key, getattr(later, order.key) - 1)
        session.flush()


def apply_amount_cells(session: Session, parsed, existing, new_row, record) -> int:
    """Write (source_id, year) → amount cells over the existing rows (None removes a row), each
    change recorded for the amendment's history; returns how many cells changed."""
    changed = 0
    for (source_id, year), value in parsed.items():
        row = existing.get((source_id, year))
        old = row.amount if row else None
        if old == value:
            continue
        changed += 1
        if value is None:
            session.delete(row)
        elif row is None:
            session.add(new_row(source_id, year, value))
        else:
            row.amount = value
        record(old, value, source_id, year)
    return changed
