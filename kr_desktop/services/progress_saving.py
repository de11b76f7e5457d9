"""Saving an executor's entry: the typed values checked, the version compared, the row written.

Saving a row is one user action (one transaction): the entry and its amounts by source
together, carrying the version the row was read at — a save over someone else's newer save (or
after someone removed it) is refused with both versions, as for the other records.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Executor, FundingSource, Measure, ProgressAmount, ProgressEntry, ReportingPeriod
from kr_desktop.domain.input_checks import text_value
from kr_desktop.domain.progress import STATUS_LABELS, TEXT_MAX, Period, Status, parse_amount, parse_date, status_from_text
from kr_desktop.errors import ConflictError, UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.progress import ProgressRow, period_row, with_entry
from kr_desktop.text.formatting import format_date

FIELD_LABELS = {"status": "Стан виконання", "narrative": "Що зроблено", "reasons": "Причини невиконання",
                "received_on": "Дата отримання", "reported_by": "Хто звітував"}
AMOUNT_LABEL = "Фактично з 1 січня, грн ({source})"


@dataclass(frozen=True)
class EntryValues:
    """A row's values checked and parsed, as they are stored."""

    status: Status
    narrative: str = ""
    reasons: str = ""
    received_on: dt.date | None = None
    reported_by: str = ""
    amounts: dict[int, Decimal | None] = field(default_factory=dict)  # None: the amount is cleared


def check_values(period: Period, number: str, sources: Mapping[int, str], *, status: Status | str | None,
                 narrative: str = "", amounts: Mapping[int, str | Decimal | None] | None = None, reasons: str = "",
                 received_on: dt.date | str | None = None, reported_by: str = "",
                 today: dt.date | None = None) -> EntryValues:
    """Parse what was typed for measure ``number``; a refusal names the field (and the measure)."""
    today = today or dt.date.today()
    chosen = status if isinstance(status, Status) or status is None else status_from_text(status)
    if chosen is None:
        raise ValidationError("Стан виконання: оберіть стан (не розпочато, виконується, виконано, "
                              "не виконано, перенесено).", field="status")
    received = parse_date(received_on, FIELD_LABELS["received_on"])
    if received is not None and received < period.start:
        raise ValidationError(f"Дата отримання: {format_date(received)} — раніше за початок періоду "
                              f"({format_date(period.start)}).", field="received_on")
    if received is not None and received > today:
        raise ValidationError(f"Дата отримання: {format_date(received)} — ще не настала.", field="received_on")
    parsed: dict[int, Decimal | None] = {}
    for source_id, text in (amounts or {}).items():
        if source_id not in sources:
            raise ValidationError("Джерело фінансування не знайдено.", field="amount")
        parsed[source_id] = parse_amount(text, f"Захід {number}, профінансовано ({sources[source_id].lower()})")
    return EntryValues(
        chosen,
        text_value(narrative, f"Захід {number}, {FIELD_LABELS['narrative'].lower()}", "narrative", TEXT_MAX,
                   multiline=True).strip(),
        text_value(reasons, f"Захід {number}, {FIELD_LABELS['reasons'].lower()}", "reasons", TEXT_MAX,
                   multiline=True).strip(),
        received,
        " ".join(text_value(reported_by, FIELD_LABELS["reported_by"], "reported_by", 255).split()),
        parsed)


def record_name(executor: str, number: str, period: Period) -> str:
    who = f"«{executor}»" if executor else "без виконавця"
    return f"Звіт {who} щодо заходу {number} за {period.label}"


def _shown(values: EntryValues | ProgressEntry, sources: Mapping[int, str]) -> dict:
    """A row's values as the conflict dialog lists them."""
    if isinstance(values, EntryValues):
        amounts = {k: v for k, v in values.amounts.items() if v is not None}
        status = values.status
    else:
        amounts = {a.source_id: a.amount for a in values.amounts}
        status = Status(values.status)
    shown = {"status": STATUS_LABELS[status], "narrative": values.narrative}
    shown |= {f"amount:{source_id}": amounts.get(source_id) for source_id in sources}
    return shown | {"reasons": values.reasons, "received_on": values.received_on, "reported_by": values.reported_by}


def _labels(sources: Mapping[int, str]) -> dict[str, str]:
    return FIELD_LABELS | {f"amount:{i}": AMOUNT_LABEL.format(source=name.lower()) for i, name in sources.items()}


def _last_change(session: Session, entry: ProgressEntry):
    from kr_desktop.services.versioning import _last_change as last_change

    return last_change(session, entry)


def conflict_error(session: Session, entry: ProgressEntry | None, expected_version: int | None,
                   yours: EntryValues | None, name: str, sources: Mapping[int, str]) -> ConflictError:
    """Both versions of an entry someone else saved (or removed) since the row was read
    (``yours`` None: the user asked to remove the entry)."""
    from kr_desktop.services.versioning import CONFLICT_MESSAGE, GONE_MESSAGE

    mine = _shown(yours, sources) if yours is not None else {}
    if entry is None:
        message = GONE_MESSAGE.format(record=name)
        return ConflictError(message, record=name, your_version=expected_version, yours=mine, labels=_labels(sources))
    if yours is None:
        message = (f"{name} змінив інший користувач після того, як ви його переглянули (ваша версія "
                   f"{expected_version}, збережена {entry.version}), тому його не вилучено: перегляньте, що "
                   "збережено зараз.")
    elif expected_version is None:
        message = (f"{name} вже вніс інший користувач, поки ви його вводили (збережена версія {entry.version}). "
                   "Ваші зміни не збережено: перегляньте обидві версії та внесіть зміни ще раз.")
    else:
        message = CONFLICT_MESSAGE.format(record=name, mine=expected_version, theirs=entry.version)
    changed_by, changed_at = _last_change(session, entry)
    return ConflictError(message, record=name, your_version=expected_version, their_version=entry.version,
                         yours=mine, theirs=_shown(entry, sources), labels=_labels(sources),
                         changed_by=changed_by, changed_at=changed_at)


def same_content(entry: ProgressEntry, values: EntryValues) -> bool:
    """Whether storing ``values`` would change nothing (amounts not named keep their value)."""
    stored = {a.source_id: a.amount for a in entry.amounts}
    wanted = dict(stored)
    for source_id, amount in values.amounts.items():
        if amount is None:
            wanted.pop(source_id, None)
        else:
            wanted[source_id] = amount
    return (Status(entry.status), entry.narrative, entry.reasons, entry.received_on, entry.reported_by, stored) == (
        values.status, values.narrative, values.reasons, values.received_on, values.reported_by, wanted)


def period_row_for_write(session: Session, period: Period) -> ReportingPeriod:
    row = period_row(session, period)
    if row is None:
        row = ReportingPeriod(year=period.year, half=period.half)
        session.add(row)
        session.flush()
    return row


def find_entry(session: Session, period_id: int, measure_id: int, executor_id: int | None) -> ProgressEntry | None:
    executor = ProgressEntry.executor_id.is_(None) if executor_id is None else ProgressEntry.executor_id == executor_id
    return session.scalar(select(ProgressEntry).where(ProgressEntry.period_id == period_id,
                                                      ProgressEntry.measure_id == measure_id, executor)
                          .options(selectinload(ProgressEntry.amounts)))


def write_entry(session: Session, period_id: int, measure_id: int, executor_id: int | None,
                entry: ProgressEntry | None, values: EntryValues) -> ProgressEntry:
    """Create or change an entry in the caller's transaction (the version checks are the caller's)."""
    if entry is None:
        entry = ProgressEntry(measure_id=measure_id, period_id=period_id, executor_id=executor_id)
        session.add(entry)
    elif same_content(entry, values):
        return entry
    else:
        entry.version = entry.version + 1  # amounts alone are rows of their own: the entry changes too
    entry.status = values.status.value
    entry.narrative = values.narrative
    entry.reasons = values.reasons
    entry.received_on = values.received_on
    entry.reported_by = values.reported_by
    current = {a.source_id: a for a in entry.amounts}
    for source_id, value in values.amounts.items():
        if value is None:
            if source_id in current:
                entry.amounts.remove(current[source_id])
        elif source_id in current:
            current[source_id].amount = value
        else:
            entry.amounts.append(ProgressAmount(source_id=source_id, amount=value))
    session.flush()
    return entry


def owner_of(session: Session, measure: Measure, executor_id: int | None, number: str) -> str:
    """The name of the executor a measure's report is saved for; refuses one that is not the
    measure's (unless it already has a report there) and a missing one when the measure has any."""
    if executor_id is None:
        if measure.executors:
            raise ValidationError(f"Захід {number}: оберіть виконавця, чий це звіт.", field="executor")
        return ""
    executor = session.get(Executor, executor_id)
    if executor is None:
        raise UserError("Виконавця не знайдено (можливо, його вже вилучено з довідника).")
    if executor not in measure.executors and session.scalar(
            select(ProgressEntry.id).where(ProgressEntry.measure_id == measure.id,
                                           ProgressEntry.executor_id == executor_id).limit(1)) is None:
        raise ValidationError(f"«{executor.name}» не є виконавцем заходу {number}.", field="executor")
    return executor.name


@contextmanager
def races_are_conflicts(db: Database, period: Period, measure_id: int, executor_id: int | None,
                        expected_version: int | None, yours: EntryValues | None, name: str) -> Iterator[None]:
    """A save by someone else between our check and our write (a stale UPDATE, a duplicate
    INSERT) is reported as the same conflict as one found by the check."""
    try:
        yield
    except (StaleDataError, IntegrityError):
        with db.reading() as s:
            row = period_row(s, period)
            entry = find_entry(s, row.id, measure_id, executor_id) if row is not None else None
            if yours is not None and (entry is None or entry.version != expected_version):
                sources = {f.id: f.short_name or f.name for f in s.scalars(select(FundingSource))}
                raise conflict_error(s, entry, expected_version, yours, name, sources) from None
        raise


def save_entry(db: Database, year: int, half: int, measure_id: int, executor_id: int | None = None, *,
               expected_version: int | None = None, status: Status | str | None, narrative: str = "",
               amounts: Mapping[int, str | Decimal | None] | None = None, reasons: str = "",
               received_on: dt.date | str | None = None, reported_by: str = "",
               today: dt.date | None = None) -> ProgressRow:
    """Create or change one executor's entry on a measure for a period, with its amounts by
    source (one action). ``expected_version`` is the version the row was read at (None: read
    as not reported); a save over a newer one raises ConflictError."""
    require(db, OPERATOR)
    period = Period(year, half)
    with db.reading() as s:
        measure = s.get(Measure, measure_id)
        number = f"{measure.direction.number}.{measure.position}" if measure is not None else "?"
        sources = {f.id: f.short_name or f.name for f in s.scalars(select(FundingSource))}
    values = check_values(period, number, sources, status=status, narrative=narrative, amounts=amounts,
                          reasons=reasons, received_on=received_on, reported_by=reported_by, today=today)
    name = record_name("", number, period)
    with races_are_conflicts(db, period, measure_id, executor_id, expected_version, values, name):
        with db.changing(f"Внесено звіт виконавця за {period.label}") as s:
            measure = s.get(Measure, measure_id)
            if measure is None:
                raise UserError("Захід не знайдено (можливо, його вже видалено).")
            stage = measure.direction.stage
            if year not in stage.years:
                raise ValidationError(f"Рік {year} поза межами етапу заходу {number} "
                                      f"({stage.start_year}–{stage.end_year}).", field="year")
            owner = owner_of(s, measure, executor_id, number)
            name = record_name(owner, number, period)
            stored_period = period_row_for_write(s, period)
            entry = find_entry(s, stored_period.id, measure_id, executor_id)
            if entry is None and expected_version is not None or entry is not None and entry.version != expected_version:
                raise conflict_error(s, entry, expected_version, values, name, sources)
            entry = write_entry(s, stored_period.id, measure_id, executor_id, entry, values)
            base = ProgressRow(measure.id, number, measure.text, tuple(e.name for e in measure.executors),
                               measure.deadline_phrase, executor_id, owner)
            return with_entry(base, entry)


def clear_entry(db: Database, year: int, half: int, measure_id: int, executor_id: int | None = None, *,
                expected_version: int | None = None) -> bool:
    """Remove one executor's entry for a period (back to «not reported»); refused when someone
    changed it since it was read at ``expected_version``. False when there was nothing to remove."""
    require(db, OPERATOR)
    period = Period(year, half)
    with db.changing(f"Вилучено звіт виконавця за {period.label}") as s:
        stored_period = period_row(s, period)
        entry = find_entry(s, stored_period.id, measure_id, executor_id) if stored_period is not None else None
        if entry is None:
            return False
        if expected_version is not None and entry.version != expected_version:
            sources = {f.id: f.short_name or f.name for f in s.scalars(select(FundingSource))}
            number = f"{entry.measure.direction.number}.{entry.measure.position}"
            name = record_name(entry.executor.name if entry.executor else "", number, period)
            raise conflict_error(s, entry, expected_version, None, name, sources)
        s.delete(entry)
    return True
