"""Deadline control and the settings of this area (threshold, signatures of the reports).

The statuses come from kr_desktop.domain.control; this module only gathers the data: which
executors owe which half-year reports, which measures' deadlines passed without «виконано».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Measure, Stage
from kr_desktop.domain.control import (SEVERITY, ControlData, ControlItem, ControlStatus, check_deadline,  # noqa: F401
                                       check_report, count_by_executor, periods_to_control)
from kr_desktop.domain.progress import Period, Status
from kr_desktop.errors import ValidationError
from kr_desktop.services.access import ADMIN, require
from kr_desktop.services.progress import entries_of, stage_for_year
from kr_desktop.services.program_view import deadline_of
from kr_desktop.services.settings import declare, get_settings, set_settings

SOON_DAYS = declare("program.control.soon_days", 14)
SIGNER_POSITION = declare("program.reports.signer_position",
                          "Начальник управління організаційно-протокольної роботи виконкому міської ради")
SIGNER_NAME = declare("program.reports.signer_name", "")
PERFORMER_NAME = declare("program.reports.performer_name", "")
PERFORMER_PHONE = declare("program.reports.performer_phone", "")
SENDER = declare("program.reports.sender",
                 "Управління організаційно-протокольної роботи виконкому Криворізької міської ради")

SETTING_LABELS = {
    SOON_DAYS: "Попереджати за, днів (жовтий колір)",
    SIGNER_POSITION: "Посада того, хто підписує звіти",
    SIGNER_NAME: "Власне ім’я ПРІЗВИЩЕ того, хто підписує",
    PERFORMER_NAME: "Виконавець (прізвище)",
    PERFORMER_PHONE: "Телефон виконавця",
    SENDER: "Від кого надсилаються нагадування",
}


@dataclass(frozen=True)
class Signing:
    """The signature block of the area's reports, from settings."""

    position: str
    name: str
    performer: str
    phone: str
    sender: str

    @property
    def executor_line(self) -> str:
        if not self.performer and not self.phone:
            return ""
        return "Виконавець: " + ", ".join(x for x in (self.performer, f"тел. {self.phone}" if self.phone else "") if x)


def signing(db: Database) -> Signing:
    values = get_settings(db, "program.reports.")
    return Signing(values[SIGNER_POSITION], values[SIGNER_NAME], values[PERFORMER_NAME], values[PERFORMER_PHONE],
                   values[SENDER])


def control_settings(db: Database) -> dict:
    return get_settings(db, "program.")


def save_control_settings(db: Database, values: dict) -> bool:
    """Signatures and the threshold: administrators only, validated, one transaction."""
    require(db, ADMIN)
    clean = {}
    for key, value in values.items():
        if key == SOON_DAYS:
            try:
                days = int(str(value).strip())
            except ValueError:
                raise ValidationError(f"{SETTING_LABELS[SOON_DAYS]}: «{value}» — не ціле число.", field=key) from None
            if not 0 <= days <= 365:
                raise ValidationError(f"{SETTING_LABELS[SOON_DAYS]}: від 0 до 365.", field=key)
            clean[key] = days
        else:
            clean[key] = " ".join(str(value).split())
    set_settings(db, clean, "Змінено налаштування контролю та підписів звітів")
    return True


# -- control ---------------------------------------------------------------------------------------
def control_data(db: Database, on: dt.date | None = None, soon_days: int | None = None) -> ControlData:
    on = on or dt.date.today()
    if soon_days is None:
        soon_days = int(get_settings(db, SOON_DAYS)[SOON_DAYS])
    items: list[ControlItem] = []
    periods = periods_to_control(on, soon_days)
    with db.reading() as s:
        for period in periods:
            stage = stage_for_year(s, period.year)
            if stage is None:
                continue
            measures = list(s.scalars(select(Measure).join(Direction).where(Direction.stage_id == stage.id)
                                      .options(selectinload(Measure.executors), selectinload(Measure.direction))))
            reported = set(entries_of(s, period))
            numbers = {m.id: f"{m.direction.number}.{m.position}" for m in measures}
            by_executor: dict[int, tuple[str, set[int]]] = {}
            for m in measures:
                for e in m.executors:
                    by_executor.setdefault(e.id, (e.name, set()))[1].add(m.id)
            for executor_id, (name, ids) in sorted(by_executor.items(), key=lambda kv: kv[1][0]):
                check = check_report(executor_id, name, period, ids, reported, on, soon_days)
                if check is None or check.status is ControlStatus.PENDING:
                    continue
                detail = (f"надано щодо всіх заходів ({check.measures})" if check.missing == 0
                          else f"не надано щодо {check.missing} із {check.measures} заходів: "
                          + ", ".join(sorted((numbers[i] for i in ids - reported), key=_number_key)))
                items.append(ControlItem("report", check.status, period.due, ((executor_id, name),),
                                         f"Звіт за {period.label}", detail))
        items += _deadline_items(s, on, soon_days)
    items.sort(key=lambda i: (-SEVERITY[i.status], i.due, i.kind, i.what))
    counts = count_by_executor((e_id, name, item.status) for item in items for e_id, name in item.executors)
    counts.sort(key=lambda c: (-c.overdue, -c.due_soon, c.executor))
    return ControlData(on, soon_days, tuple(periods), tuple(items), tuple(counts))


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _deadline_items(s, on: dt.date, soon_days: int) -> list[ControlItem]:
    """Measures of the stages running this year or last year, by their own structured deadline."""
    stages = s.scalars(select(Stage).where(Stage.start_year <= on.year, Stage.end_year >= on.year - 1))
    items = []
    for stage in stages:
        done: dict[int, list[dt.date]] = {}
        for year in stage.years:
            for half in (1, 2):
                period = Period(year, half)
                for measure_id, entry in entries_of(s, period).items():
                    if entry.status == Status.DONE.value:
                        done.setdefault(measure_id, []).append(entry.received_on or period.start)
        measures = s.scalars(select(Measure).join(Direction).where(Direction.stage_id == stage.id)
                             .order_by(Direction.number, Measure.position)
                             .options(selectinload(Measure.executors), selectinload(Measure.direction)))
        for m in measures:
            check = check_deadline(m.id, deadline_of(m), (stage.start_year, stage.end_year), done.get(m.id, []),
                                   on, soon_days)
            if check is None or check.status is ControlStatus.PENDING:
                continue
            items.append(ControlItem("deadline", check.status, check.due, tuple((e.id, e.name) for e in m.executors),
                                     f"Захід {m.direction.number}.{m.position} (Додаток {stage.annex_number})",
                                     m.text, m.deadline_phrase))
    return items


def start_screen_data(db: Database, on: dt.date | None = None, snapshot_folder: Path | None = None) -> ControlData:
    """``control_data`` as the window's start screen shows it. On a local file, the result for
    today is also kept in ``snapshot_folder`` as the start snapshot (services/start_snapshot.py) —
    only when no change landed while it was computed, so a snapshot never claims a state it does
    not show."""
    from kr_desktop.services import start_snapshot

    on = on or dt.date.today()
    database = start_snapshot.local_file(db.location) if db.is_sqlite and snapshot_folder is not None else None
    before = start_snapshot.stamp(database) if database is not None and on == dt.date.today() else None
    data = control_data(db, on)
    if before is not None and start_snapshot.stamp(database) == before:
        start_snapshot.save(snapshot_folder, database, before, data)
    return data
