"""Deadline control and the settings of this area (threshold, signatures of the reports).

The statuses come from kr_desktop.domain.control; this module only gathers the data: which
executors owe which half-year reports, which measures' deadlines passed without «виконано».
Control covers every program in force (``program_ids``: only those), each item naming its
program when there are several; a deadline the decision does not print (inferred, see
domain/provenance) is controlled with a remark, or not at all, as the setting says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Measure, Stage
from kr_desktop.domain.control import (SEVERITY, ControlData, ControlItem, ControlStatus, check_deadline,  # noqa: F401
                                       check_report, count_by_executor, periods_to_control)
from kr_desktop.domain.deadlines import Deadline
from kr_desktop.domain.progress import Period, Status
from kr_desktop.errors import ValidationError
from kr_desktop.services.access import ADMIN, require
from kr_desktop.services.progress import entries_by_period
from kr_desktop.services.program import choice
from kr_desktop.services.program_view import deadline_of
from kr_desktop.services.settings import declare, get_settings, set_settings
from kr_desktop.services.signers import load_signers
from kr_desktop.text.wording import count_of

SOON_DAYS = declare("program.control.soon_days", 14)

# Deadlines the decision does not print in the measure's own cell, inferred by meaning: controlled
# (with a remark beside the deadline) or left out of control — the user decides.
INFERRED_DEADLINES = declare("program.control.inferred_deadlines", True)
INFERRED_REMARK = " (строк виведено: рішення не друкує його для заходу)"

# The control's own settings (the signatures are edited with every other signer: services.signers).
SETTING_LABELS = {
    SOON_DAYS: "Попереджати за, днів (жовтий колір)",
    INFERRED_DEADLINES: "Контролювати строки, яких рішення не друкує для заходу (виведені за змістом)",
}
BOOLEAN_SETTINGS = {INFERRED_DEADLINES}


@dataclass(frozen=True)
class Signing:
    """The signature block of the area's reports, from settings."""

    position: str
    name: str
    performer: str
    phone: str
    sender: str
    details: str = ""  # the letterhead's address and contacts

    @property
    def executor_line(self) -> str:
        if not self.performer and not self.phone:
            return ""
        return "Виконавець: " + ", ".join(x for x in (self.performer, f"тел. {self.phone}" if self.phone else "") if x)


def signing(db: Database) -> Signing:
    """The signature of the area's reports, from the one place signers are kept (services.signers)."""
    signers = load_signers(db)
    reports = signers.of("reports")
    return Signing(reports.position, reports.name, signers.performer, signers.phone, signers.sender,
                   signers.sender_details)


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
        elif key in BOOLEAN_SETTINGS:
            clean[key] = value if isinstance(value, bool) else str(value).strip().lower() in ("так", "true", "1")
        else:
            clean[key] = " ".join(str(value).split())
    set_settings(db, clean, "Змінено налаштування контролю та підписів звітів")
    return True


# -- control ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _MeasureFacts:
    id: int
    number: str  # «4.1»: direction and position
    text: str
    deadline_phrase: str
    deadline: Deadline
    executors: tuple[tuple[int, str], ...]
    inferred: bool = False  # the decision does not print this deadline for the measure


@dataclass(frozen=True)
class _StageFacts:
    id: int
    annex: int
    years: tuple[int, int]
    measures: tuple[_MeasureFacts, ...]  # in the Program's order (direction, position)
    # (measure id, executor id) → when that executor reported the measure «виконано» in the stage's years
    done: dict[tuple[int, int | None], list[dt.date]]
    program: str = ""  # «№1176» when control covers several programs, else ""


@dataclass(frozen=True)
class _ControlFacts:
    """What deadline control reads from the database for the days ``first``…``last``: every
    computation after it is plain Python (``_control_on``), so one reading serves many days."""

    first: dt.date
    last: dt.date
    soon_days: int
    stages: dict[int, _StageFacts]  # stage id → its facts
    stage_of_year: dict[int, tuple[int, ...]]  # year → the stages whose executors report for it (a program each)
    reported: dict[Period, frozenset[tuple[int, int | None]]]  # period → (measure, executor) with an entry
    inferred: bool = True  # deadlines the decision does not print are controlled (with a remark)


def control_data(db: Database, on: dt.date | None = None, soon_days: int | None = None,
                 program_ids: tuple[int, ...] | None = None) -> ControlData:
    """Control on ``on`` over the programs in force (``program_ids``: those programs only)."""
    on = on or dt.date.today()
    return _control_on(_gather(db, on, on, soon_days, program_ids), on)


def _periods_between(first: dt.date, last: dt.date, soon_days: int) -> set[Period]:
    periods: set[Period] = set()
    day = first
    while day <= last:
        periods.update(periods_to_control(day, soon_days))
        day += dt.timedelta(days=1)
    return periods


def _gather(db: Database, first: dt.date, last: dt.date, soon_days: int | None,
            program_ids: tuple[int, ...] | None = None) -> _ControlFacts:
    settings = get_settings(db, "program.control.")
    if soon_days is None:
        soon_days = int(settings[SOON_DAYS])
    periods = _periods_between(first, last, soon_days)
    with db.reading() as s:  # a few queries in all (on a server each is a round trip), not a few per period
        programs = {p.id: p for p in choice.controlled_programs(s, program_ids)}
        all_stages = sorted(s.scalars(select(Stage).where(Stage.program_id.in_(list(programs)))),
                            key=lambda stage: (stage.program_id, stage.annex_number))
        label = ({p_id: f"№{p.decision_number}" if p.decision_number else f"проєкт {p_id}"
                  for p_id, p in programs.items()} if len(programs) > 1 else {})
        stage_of_year = {}
        for year in sorted({p.year for p in periods}):
            of_programs: dict[int, int] = {}
            for st in all_stages:  # stage_for_year, once per program
                if st.start_year <= year <= st.end_year:
                    of_programs.setdefault(st.program_id, st.id)
            if of_programs:
                stage_of_year[year] = tuple(of_programs.values())
        # the stages whose measures' own deadlines are watched: running this year or last year
        watched = {st.id for st in all_stages if st.start_year <= last.year and st.end_year >= first.year - 1}
        chosen = [st for st in all_stages if st.id in watched | {i for ids in stage_of_year.values() for i in ids}]
        done_periods = [Period(year, half) for st in chosen if st.id in watched for year in st.years for half in (1, 2)]
        reported_periods = [period for period in periods if period.year in stage_of_year]
        entries = entries_by_period(s, done_periods + reported_periods)
        measures_of: dict[int, list] = {st.id: [] for st in chosen}
        for m in s.scalars(select(Measure).join(Direction).where(Direction.stage_id.in_(list(measures_of)))
                           .order_by(Direction.number, Measure.position)
                           .options(selectinload(Measure.executors), selectinload(Measure.direction))):
            measures_of[m.direction.stage_id].append(m)
        stages = {}
        for stage in chosen:
            done: dict[tuple[int, int | None], list[dt.date]] = {}
            if stage.id in watched:
                for year in stage.years:
                    for half in (1, 2):
                        period = Period(year, half)
                        for key, entry in entries[period].items():
                            if entry.status == Status.DONE.value:
                                done.setdefault(key, []).append(entry.received_on or period.start)
            stages[stage.id] = _StageFacts(
                stage.id, stage.annex_number, (stage.start_year, stage.end_year),
                tuple(_MeasureFacts(m.id, f"{m.direction.number}.{m.position}", m.text, m.deadline_phrase,
                                    deadline_of(m), tuple((e.id, e.name) for e in m.executors),
                                    m.deadline_origin == "inferred")
                      for m in measures_of[stage.id]),
                done, label.get(stage.program_id, ""))
        reported = {period: frozenset(entries[period]) for period in reported_periods}
    return _ControlFacts(first, last, soon_days, stages, stage_of_year, reported, bool(settings[INFERRED_DEADLINES]))


def _control_on(facts: _ControlFacts, on: dt.date) -> ControlData:
    """Deadline control on ``on`` (a day within the facts' days), from the facts alone."""
    soon_days = facts.soon_days
    items: list[ControlItem] = []
    periods = periods_to_control(on, soon_days)
    for period, stage_id in ((p, i) for p in periods for i in facts.stage_of_year.get(p.year, ())):
        stage = facts.stages[stage_id]
        measures = stage.measures
        reported = facts.reported.get(period, frozenset())
        numbers = {m.id: m.number for m in measures}
        by_executor: dict[int, tuple[str, set[int]]] = {}
        for m in measures:
            for e_id, name in m.executors:
                by_executor.setdefault(e_id, (name, set()))[1].add(m.id)
        for executor_id, (name, ids) in sorted(by_executor.items(), key=lambda kv: kv[1][0]):
            own = {m_id for m_id, e_id in reported if e_id == executor_id}  # only its own reports count
            check = check_report(executor_id, name, period, ids, own, on, soon_days)
            if check is None or check.status is ControlStatus.PENDING:
                continue
            missing = sorted(ids - own, key=lambda i: _number_key(numbers[i]))
            detail = (f"надано щодо всіх заходів ({check.measures})" if check.missing == 0
                      else f"не надано щодо {count_of(check.missing, check.measures, 'заходу', 'заходів')}: "
                      + ", ".join(numbers[i] for i in missing))
            of_program = f" ({stage.program})" if stage.program else ""
            items.append(ControlItem("report", check.status, period.due, ((executor_id, name),),
                                     f"Звіт за {period.label}{of_program}", detail, measure_ids=tuple(missing)))
    items += _deadline_items(facts, on)
    items.sort(key=lambda i: (-SEVERITY[i.status], i.due, i.kind, i.what))
    counts = count_by_executor((e_id, name, item.status) for item in items for e_id, name in item.executors)
    counts.sort(key=lambda c: (-c.overdue, -c.due_soon, c.executor))
    return ControlData(on, soon_days, tuple(periods), tuple(items), tuple(counts))


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _deadline_items(facts: _ControlFacts, on: dt.date) -> list[ControlItem]:
    """Measures of the stages running this year or last year, by their own structured deadline:
    one item per executor, done by that executor's own «виконано»."""
    items = []
    for stage in sorted(facts.stages.values(), key=lambda st: st.id):
        first, last = stage.years
        if not (first <= on.year and last >= on.year - 1):
            continue
        where = f"{stage.program}, Додаток {stage.annex}" if stage.program else f"Додаток {stage.annex}"
        for m in stage.measures:
            if m.inferred and not facts.inferred:
                continue  # the user chose not to control deadlines the decision does not print
            phrase = m.deadline_phrase + (INFERRED_REMARK if m.inferred else "")
            for owner in m.executors or (None,):
                done = stage.done.get((m.id, owner[0] if owner else None), [])
                check = check_deadline(m.id, m.deadline, stage.years, done, on, facts.soon_days)
                if check is None or check.status is ControlStatus.PENDING:
                    continue
                items.append(ControlItem("deadline", check.status, check.due, (owner,) if owner else (),
                                         f"Захід {m.number} ({where})", m.text, phrase, (m.id,)))
    return items


SNAPSHOT_DAYS = 45  # how far ahead a start snapshot may be found unchanged (see start_screen_data)


def start_screen_data(db: Database, on: dt.date | None = None, snapshot_folder: Path | None = None) -> ControlData:
    """``control_data`` as the window's start screen shows it. On a local file, the result for
    today is also kept in ``snapshot_folder`` as the start snapshot (services/start_snapshot.py),
    with the last day it stays the same (statuses change with the date: the following days are
    computed from the same reading, up to SNAPSHOT_DAYS) — and only when no change landed while
    it was computed, so a snapshot never claims a state it does not show."""
    from kr_desktop.services import start_snapshot

    today = dt.date.today()
    on = on or today
    database = start_snapshot.local_file(db.location) if db.is_sqlite and snapshot_folder is not None else None
    before = start_snapshot.stamp(database) if database is not None and on == today else None
    if before is None:
        return control_data(db, on)
    facts = _gather(db, on, on + dt.timedelta(days=SNAPSHOT_DAYS), None)
    data = _control_on(facts, on)
    if start_snapshot.stamp(database) == before:
        start_snapshot.save(snapshot_folder, database, before, data, _unchanged_through(facts, data))
    return data


def _unchanged_through(facts: _ControlFacts, data: ControlData) -> dt.date:
    """The last day (within the facts' days) on which control shows what it shows on ``data.on``."""
    day = data.on
    while day < facts.last:
        following = day + dt.timedelta(days=1)
        if replace(_control_on(facts, following), on=data.on) != data:
            break
        day = following
    return day
