"""Forms back: returned forms checked row by row and saved, all or nothing per file.

For each file: the executor and the period come from the form itself (its signed record); every
filled row is checked (a status from the list, amounts as numbers, the reasons for «не виконано»,
no formulas, prefilled cells unchanged) and every error is named by row and column; the measures
must still be the executor's. A file with any error writes nothing. Otherwise each row is new,
unchanged (the same report is stored), or a conflict: another report is stored for it — listed
with both versions and kept, unless ``replace``. One journaled transaction per file;
``dry_run`` computes the same outcome and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Executor, FundingSource, Measure, Stage
from kr_desktop.domain.periods import Period
from kr_desktop.domain.progress import REASON_REQUIRED, STATUS_LABELS, TEXT_MAX, Status, parse_amount, status_from_text
from kr_desktop.errors import UserError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.progress import entries_of, stage_for_year
from kr_desktop.services.progress_forms import layout as L
from kr_desktop.services.progress_forms import signing
from kr_desktop.services.progress_forms.reading import FormError, FormRowCells, ReadForm, read_form
from kr_desktop.services.progress_saving import EntryValues, check_values, period_row_for_write, write_entry

NEW, UNCHANGED, CONFLICT, REPLACED = "new", "unchanged", "conflict", "replaced"
RACE_MESSAGE = ("Поки форму приймали, звіти цього виконавця змінили на іншому робочому місці: нічого з форми не "
                "записано. Прийміть її ще раз — програма покаже, що змінилося.")
ACTION_LABELS = {NEW: "новий звіт", UNCHANGED: "без змін", CONFLICT: "конфлікт: збережено інший звіт",
                 REPLACED: "замінено звітом із форми"}


@dataclass(frozen=True)
class RowOutcome:
    row: int
    number: str
    measure_id: int
    action: str
    form: dict  # the form's report as shown (status, what was done, amounts, reasons)
    stored: dict | None = None  # the stored report it differs from (a conflict, a replacement)
    version: int | None = None  # the stored entry's version the outcome was decided on (None: none)


@dataclass
class FormResult:
    path: Path
    executor_id: int | None = None
    executor: str = ""
    period: Period | None = None
    errors: list[FormError] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    empty: int = 0  # rows left empty (not reported this time)
    written: bool = False

    @property
    def accepted(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def conflicts(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.action == CONFLICT]


def _shown(values: EntryValues, sources: dict[int, str]) -> dict:
    shown = {"Стан виконання": STATUS_LABELS[values.status], "Що зроблено": values.narrative}
    for source_id, name in sources.items():
        shown[f"Касові видатки, грн ({name})"] = values.amounts.get(source_id)
    return shown | {"Причини невиконання": values.reasons}


def _stored(entry, sources: dict[int, str]) -> dict:
    amounts = {a.source_id: a.amount for a in entry.amounts}
    return _shown(EntryValues(Status(entry.status), entry.narrative, entry.reasons, amounts=amounts), sources)


def same_report(entry, values: EntryValues) -> bool:
    """The stored entry says what the form says (when and by whom it came does not matter)."""
    stored = {a.source_id: a.amount for a in entry.amounts}
    wanted = {k: v for k, v in values.amounts.items() if v is not None}
    return (Status(entry.status), entry.narrative, entry.reasons, stored) == (
        values.status, values.narrative, values.reasons, wanted)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(form: ReadForm, row: int, column: int, value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        form.error(row, column, "очікується текст.")
        return ""
    text = str(value)
    if len(text) > TEXT_MAX:
        form.error(row, column, f"не довше {TEXT_MAX} знаків.")
    elif any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        form.error(row, column, "службові (керівні) символи не допускаються.")
    return text.strip()


def _amount(form: ReadForm, row: int, column: int, value: Any, label: str) -> Decimal | None:
    if _blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime, dt.time)):
        form.error(row, column, f"«{L.canonical(value)[:40]}» — не сума: введіть число, наприклад 1391386,00.")
        return None
    try:
        return parse_amount(Decimal(str(value)) if isinstance(value, (int, float)) else str(value), label)
    except UserError as exc:
        form.error(row, column, exc.message.split(": ", 1)[-1])
    except ArithmeticError:
        form.error(row, column, "не число.")
    return None


def _row_values(form: ReadForm, cells: FormRowCells, source_ids: list[int]) -> EntryValues | None:
    """The row's report, or None for a row left empty (not reported); errors go to ``form``."""
    index = {c.key: i for i, c in enumerate(form.columns, start=1)}
    if all(_blank(v) for v in cells.cells.values()):
        return None
    row = cells.row
    status_value = cells.cells.get("status")
    status = None
    if _blank(status_value):
        form.error(row, index["status"], "оберіть стан виконання зі списку (інші клітинки рядка заповнено).")
    else:
        try:
            status = status_from_text(str(status_value).strip())
        except UserError:
            form.error(row, index["status"], f"невідомий стан «{L.canonical(status_value)[:40]}»: оберіть зі списку "
                                             f"({L.STATUS_LIST.replace(',', ', ')}).")
    narrative = _text(form, row, index["narrative"], cells.cells.get("narrative"))
    reasons = _text(form, row, index["reasons"], cells.cells.get("reasons"))
    amounts = {}
    for source_id in source_ids:
        key = f"amount:{source_id}"
        amounts[source_id] = _amount(form, row, index[key], cells.cells.get(key), f"Захід {cells.number}")
    if status in REASON_REQUIRED and not reasons:
        form.error(row, index["reasons"], f"для стану «{STATUS_LABELS[status]}» вкажіть причини невиконання.")
    if status is None:
        return None
    return EntryValues(status, narrative, reasons, amounts=amounts)


def import_forms(db: Database, paths: Sequence[Path | str], *, dry_run: bool = False, replace: bool = False,
                 expect: Period | None = None, today: dt.date | None = None) -> list[FormResult]:
    """Read, check and (unless ``dry_run``) save each returned form; one result per file."""
    if not dry_run:
        require(db, OPERATOR)
    with db.reading() as s:
        key = signing.database_key(s)
    return [_import_one(db, Path(p), key, dry_run, replace, expect, today or dt.date.today()) for p in paths]


def _import_one(db: Database, path: Path, key: bytes, dry_run: bool, replace: bool, expect: Period | None,
                today: dt.date) -> FormResult:
    result = FormResult(path)
    try:
        form = read_form(path, key)
    except UserError as exc:
        result.errors.append(FormError(None, None, "", exc.message))
        return result
    record = form.record
    result.executor_id, result.executor, result.period = record.executor_id, record.executor, record.period
    if expect is not None and record.period != expect:
        form.error(L.TITLE_ROW, 1, f"форма за {record.period.label}, а приймаються звіти за {expect.label}.")
    source_ids = [int(i) for i, _name in record.sources]
    values = {cells.row: _row_values(form, cells, source_ids) for cells in form.rows}
    result.empty = sum(1 for cells in form.rows if all(_blank(v) for v in cells.cells.values()))
    try:
        if dry_run or form.errors:
            with db.reading() as s:
                result.rows = _plan(s, form, values, replace, today)
        else:
            with db.changing(f"Прийнято форму звіту «{record.executor}» за {record.period.label}") as s:
                result.rows = _plan(s, form, values, replace, today)
                if form.errors:
                    raise _Rejected()
                _apply(s, form, values, result.rows, today)
                result.written = any(r.action in (NEW, REPLACED) for r in result.rows)
    except _Rejected:
        pass  # the transaction was rolled back: nothing of this file is written
    except UserError as exc:
        form.errors.append(FormError(None, None, "", exc.message))
    except (IntegrityError, StaleDataError):  # another workstation saved these reports meanwhile
        form.errors.append(FormError(None, None, "", RACE_MESSAGE))
    result.errors = form.errors
    if result.errors:
        result.written = False
    return result


def _stage_of_form(session, form: ReadForm):
    """The stage the form's measures belong to, when it covers the form's year (with several
    programs in force a year has a stage in each); else the default program's stage of the year."""
    ids = [cells.measure_id for cells in form.rows if cells.measure_id]
    stages = set(session.scalars(select(Direction.stage_id).join(Measure).where(Measure.id.in_(ids)))) if ids else set()
    if len(stages) == 1:
        stage = session.get(Stage, stages.pop())
        if stage.start_year <= form.record.year <= stage.end_year:
            return stage
    return stage_for_year(session, form.record.year)


class _Rejected(Exception):
    """A row failed against the database: roll the file's transaction back."""


def _plan(session, form: ReadForm, values: dict[int, EntryValues | None], replace: bool,
          today: dt.date) -> list[RowOutcome]:
    record = form.record
    executor = session.get(Executor, record.executor_id)
    if executor is None:
        form.error(L.EXECUTOR_ROW, 1, f"виконавця «{record.executor}» уже немає в довіднику (його об’єднано з "
                                      "іншим записом або вилучено): надішліть нову форму.")
        return []
    stage = _stage_of_form(session, form)
    if stage is None:
        form.error(L.TITLE_ROW, 1, f"{record.year} рік поза строком Програми.")
        return []
    sources = {f.id: f.short_name or f.name for f in session.scalars(select(FundingSource))}
    entries = entries_of(session, record.period)
    outcomes = []
    number_column = 1
    for cells in form.rows:
        measure = session.scalar(select(Measure).where(Measure.id == cells.measure_id)
                                 .options(selectinload(Measure.executors), selectinload(Measure.direction)))
        entry = entries.get((cells.measure_id, executor.id))
        if measure is None or measure.direction.stage_id != stage.id:
            form.error(cells.row, number_column, f"заходу {cells.number} уже немає в Програмі (її змінено після "
                                                 "розсилки форми).")
            continue
        if executor not in measure.executors and entry is None:
            form.error(cells.row, number_column, f"захід {cells.number} більше не виконує «{executor.name}».")
            continue
        wanted = values.get(cells.row)
        if wanted is None:
            continue
        try:
            checked = check_values(record.period, cells.number, sources, status=wanted.status,
                                   narrative=wanted.narrative, amounts=wanted.amounts, reasons=wanted.reasons,
                                   received_on=today, reported_by=form.reporter or executor.name, today=today)
        except UserError as exc:
            form.error(cells.row, None, exc.message)
            continue
        values[cells.row] = checked
        shown = _shown(checked, {i: sources.get(i, str(i)) for i in checked.amounts})
        if entry is None:
            action, stored = NEW, None
        elif same_report(entry, checked):
            action, stored = UNCHANGED, None
        else:
            action = REPLACED if replace else CONFLICT
            stored = _stored(entry, {i: sources.get(i, str(i)) for i in checked.amounts})
        outcomes.append(RowOutcome(cells.row, cells.number, cells.measure_id, action, shown, stored,
                                   entry.version if entry is not None else None))
    return outcomes


def _apply(session, form: ReadForm, values: dict[int, EntryValues | None], outcomes: list[RowOutcome],
           today: dt.date) -> None:
    record = form.record
    period_row = period_row_for_write(session, record.period)
    entries = entries_of(session, record.period)
    for outcome in outcomes:
        if outcome.action not in (NEW, REPLACED):
            continue
        entry = entries.get((outcome.measure_id, record.executor_id))
        if (entry.version if entry is not None else None) != outcome.version:
            raise UserError(RACE_MESSAGE)  # saved elsewhere since the check: never over it
        write_entry(session, period_row.id, outcome.measure_id, record.executor_id, entry, values[outcome.row])
