"""Each co-executor of a joint measure reports its own part: control follows each executor's own
reports, the half-year report shows each part and the measure's sum; a save carries the version it
was read at; today's entries move to the executor who entered them (migration 0009, journaled)."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from kr_desktop.db import migrate
from kr_desktop.db.models import JournalEntry, ProgressEntry
from kr_desktop.domain.control import ControlStatus
from kr_desktop.domain.progress import Status
from kr_desktop.errors import ConflictError, UserError
from kr_desktop.reports.halfyear import build_halfyear
from kr_desktop.services import executors as executors_service
from kr_desktop.services.control import control_data
from kr_desktop.services.progress import period_grid
from kr_desktop.services.progress_actuals import year_actuals
from kr_desktop.services.progress_reports import budget_data, halfyear_data
from kr_desktop.services.progress_saving import clear_entry, save_entry

YEAR = 2025
ON = dt.date(YEAR, 7, 15)  # after 10 July: the I half-year's reports are late


def _joint(db, year=YEAR):
    rows = period_grid(db, year, 1).rows
    measure = next(r.measure_id for r in rows if len(r.executors) > 1)
    return [r for r in rows if r.measure_id == measure]


def _source(db):
    return period_grid(db, YEAR, 1).sources[0].id


def _report_item(control, executor_id):
    return next(i for i in control.items if i.kind == "report" and i.executors[0][0] == executor_id)


def test_two_co_executors_report_separately_and_control_and_the_report_show_each(db):
    first, second = _joint(db)[:2]
    source = _source(db)
    save_entry(db, YEAR, 1, first.measure_id, first.executor_id, status="виконано", narrative="Своя частина А",
               amounts={source: "1 000,50"}, today=ON)
    control = control_data(db, ON)
    # the second executor has not reported on the joint measure: it is still missing for it
    assert first.number not in _report_item(control, first.executor_id).detail.split(": ")[-1].split(", ")
    assert first.number in _report_item(control, second.executor_id).detail
    second_counts = next(c for c in control.by_executor if c.executor_id == second.executor_id)
    assert second_counts.status is ControlStatus.OVERDUE

    save_entry(db, YEAR, 1, second.measure_id, second.executor_id, status="виконується",
               narrative="Своя частина Б", amounts={source: "2 000,25"}, reasons="", today=ON)
    control = control_data(db, ON)
    assert first.number not in _report_item(control, second.executor_id).detail.split(": ")[-1].split(", ")

    data = halfyear_data(db, YEAR, 1, today=ON)
    line = next(m for m in data.measures if m.number == first.number)
    assert line.joint and line.reports == 2
    parts = {p.executor: p for p in line.parts}
    assert parts[first.executor].status == "виконано" and parts[first.executor].narrative == "Своя частина А"
    assert parts[second.executor].status == "виконується" and parts[second.executor].actual == Decimal("2000.25")
    assert line.actual == Decimal("3000.75")  # the measure's amounts summed
    document = build_halfyear(data)
    rows = [r.cells for r in document.tables()[0].rows]
    measure_row = next(i for i, cells in enumerate(rows) if cells[0] == first.number)
    assert rows[measure_row][6] == Decimal("3000.75")
    shown = rows[measure_row + 1: measure_row + 1 + len(line.parts)]
    assert [cells[2] for cells in shown] == [p.executor for p in line.parts]
    assert {cells[2]: cells[6] for cells in shown}[first.executor] == Decimal("1000.50")
    assert any("Своя частина Б" in str(cells[9]) for cells in shown)
    # the year's actual (budget report) sums the co-executors' own amounts too
    with db.reading() as s:
        assert sum(year_actuals(s, YEAR)[first.measure_id].values()) == Decimal("3000.75")
    assert budget_data(db, YEAR).actual == Decimal("3000.75")


def test_an_executor_is_green_only_for_its_own_reports(db):
    rows = period_grid(db, YEAR, 1).rows
    first_id = _joint(db)[0].executor_id
    for row in rows:
        if row.executor_id == first_id:
            save_entry(db, YEAR, 1, row.measure_id, row.executor_id, status="виконано", today=ON)
    control = control_data(db, ON)
    counts = {c.executor_id: c for c in control.by_executor}
    assert counts[first_id].status is ControlStatus.DONE
    others = {r.executor_id for r in _joint(db)} - {first_id}
    assert others and all(counts[e].status is ControlStatus.OVERDUE for e in others)


def test_a_stale_save_raises_the_conflict_with_both_versions(db):
    row = _joint(db)[0]
    saved = save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=None, status="виконується",
                       narrative="Перша версія", today=ON)
    # another workstation read the same version and saves first
    save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=saved.version, status="виконано",
               narrative="Друга робоча станція", today=ON)
    with pytest.raises(ConflictError) as error:
        save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=saved.version,
                   status="не виконано", narrative="Моя версія", reasons="Бо так", today=ON)
    conflict = error.value
    assert conflict.yours["narrative"] == "Моя версія" and conflict.theirs["narrative"] == "Друга робоча станція"
    assert conflict.yours["status"] == "не виконано" and conflict.theirs["status"] == "виконано"
    assert conflict.your_version == saved.version and conflict.their_version == saved.version + 1
    assert conflict.changed_by  # who saved the other version, from the journal
    # a report created meanwhile by someone else is a conflict too, not a silent replacement
    other = _joint(db)[1]
    save_entry(db, YEAR, 1, other.measure_id, other.executor_id, status="виконано", today=ON)
    with pytest.raises(ConflictError, match="вже вніс інший користувач"):
        save_entry(db, YEAR, 1, other.measure_id, other.executor_id, expected_version=None, status="перенесено",
                   today=ON)
    stored = {r.executor_id: r for r in _joint(db)}
    assert stored[row.executor_id].narrative == "Друга робоча станція"
    assert stored[other.executor_id].status is Status.DONE


def test_amounts_alone_make_a_new_version(db):
    row = _joint(db)[0]
    source = _source(db)
    saved = save_entry(db, YEAR, 1, row.measure_id, row.executor_id, status="виконується", today=ON)
    again = save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=saved.version,
                       status="виконується", amounts={source: "10"}, today=ON)
    assert again.version == saved.version + 1
    same = save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=again.version,
                      status="виконується", amounts={source: "10,00"}, today=ON)
    assert same.version == again.version  # nothing changed: nothing written


def test_a_stale_removal_is_refused_and_a_removed_report_is_gone_for_a_late_save(db):
    row = _joint(db)[0]
    saved = save_entry(db, YEAR, 1, row.measure_id, row.executor_id, status="виконується", today=ON)
    newer = save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=saved.version,
                       status="виконано", today=ON)
    with pytest.raises(ConflictError, match="не вилучено"):
        clear_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=saved.version)
    assert clear_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=newer.version)
    with pytest.raises(ConflictError, match="вилучив інший користувач"):
        save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=newer.version,
                   status="перенесено", today=ON)


def test_a_report_for_an_executor_that_is_not_the_measures_is_refused(db):
    row = _joint(db)[0]
    stranger = next(e for e in executors_service.list_executors(db) if e.id not in
                    {r.executor_id for r in _joint(db)})
    with pytest.raises(UserError, match="не є виконавцем заходу"):
        save_entry(db, YEAR, 1, row.measure_id, stranger.id, status="виконано", today=ON)
    with pytest.raises(UserError, match="оберіть виконавця"):
        save_entry(db, YEAR, 1, row.measure_id, None, status="виконано", today=ON)


def test_merging_executors_moves_their_reports_and_refuses_a_clash(db):
    first, second = _joint(db)[:2]
    save_entry(db, YEAR, 1, second.measure_id, second.executor_id, status="виконано", narrative="Б", today=ON)
    save_entry(db, YEAR, 1, first.measure_id, first.executor_id, status="виконується", narrative="А", today=ON)
    with pytest.raises(UserError, match="різні звіти"):
        executors_service.merge_executors(db, first.executor_id, second.executor_id)
    assert {r.executor_id for r in _joint(db)} >= {first.executor_id, second.executor_id}  # nothing changed
    clear_entry(db, YEAR, 1, first.measure_id, first.executor_id)
    executors_service.merge_executors(db, first.executor_id, second.executor_id)
    rows = [r for r in period_grid(db, YEAR, 1).rows if r.measure_id == first.measure_id]
    assert [(r.executor_id, r.narrative) for r in rows if r.reported] == [(first.executor_id, "Б")]


def test_an_executor_with_reports_is_not_deleted_and_its_report_stays_shown(db):
    from kr_desktop.db.models import Executor, Measure

    row = _joint(db)[0]
    unit = executors_service.add_executor(db, "Відділ для перевірки звітів")
    with db.changing("Виконавця додано до заходу") as s:
        measure = s.get(Measure, row.measure_id)
        measure.executors.append(s.get(Executor, unit))
    save_entry(db, YEAR, 1, row.measure_id, unit, status="виконано", today=ON)
    with db.changing("Виконавця прибрано із заходу") as s:  # the unit no longer executes the measure…
        measure = s.get(Measure, row.measure_id)
        measure.executors = [e for e in measure.executors if e.id != unit]
    remaining = [r for r in period_grid(db, YEAR, 1).rows if r.measure_id == row.measure_id]
    assert any(r.executor_id == unit and r.reported for r in remaining)  # …its report stays shown
    assert executors_service.get_executor(db, unit).measures == 0
    with pytest.raises(UserError, match="має звіти"):
        executors_service.delete_executor(db, unit)


def _to_0008(db):
    """Back to the schema before migration 0009 (its down revision, read from Alembic)."""
    from alembic import command

    before = migrate.script_directory().get_revision("0009").down_revision
    with db.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), before)


def _upgrade(db):
    migrate.upgrade(db.engine)


def test_migration_moves_entries_to_their_executors_and_journals_it(db):
    joint = _joint(db)
    first, second = joint[0], joint[1]
    single = next(r for r in period_grid(db, YEAR, 1).rows if len(r.executors) == 1)
    source = _source(db)
    _to_0008(db)
    with db.engine.begin() as connection:
        period = connection.execute(text("INSERT INTO reporting_period (year, half) VALUES (:y, 1) RETURNING id"),
                                    {"y": YEAR}).scalar()
        rows = [(first.measure_id, f"  {second.executor.upper()} "), (single.measure_id, "Іваненко І. І.")]
        ids = []
        for measure_id, reporter in rows:
            ids.append(connection.execute(text(
                "INSERT INTO progress_entry (measure_id, period_id, status, narrative, reasons, received_on, "
                "reported_by, version) VALUES (:m, :p, 'done', 'Старий звіт', '', :d, :r, 1) RETURNING id"),
                {"m": measure_id, "p": period, "d": dt.date(YEAR, 7, 3), "r": reporter}).scalar())
        connection.execute(text("INSERT INTO progress_amount (entry_id, source_id, amount) VALUES (:e, :s, 123456)"),
                           [{"e": entry_id, "s": source} for entry_id in ids])
    _upgrade(db)
    with db.reading() as s:
        entries = {e.id: e for e in s.scalars(select(ProgressEntry))}
        assert entries[ids[0]].executor_id == second.executor_id  # the executor named as the reporter
        assert entries[ids[1]].executor_id == single.executor_id  # nobody matched: the measure's first
        assert all(sum(a.amount for a in entries[i].amounts) == Decimal("1234.56") for i in ids)  # amounts kept
        journal = list(s.scalars(select(JournalEntry).where(JournalEntry.table_name == "progress_entry")))
    moved = {int(j.record_id): json.loads(j.after)["executor_id"] for j in journal}
    assert moved == {ids[0]: second.executor_id, ids[1]: single.executor_id}
    assert all("розподілено за виконавцями" in j.label for j in journal)
    if db.is_sqlite:  # on a server the journal's actor is the server's login role (migration 0011's trigger)
        assert all(j.actor == "оновлення бази даних" for j in journal)
    assert len({j.changeset for j in journal}) == 1
    grid = {r.key: r for r in period_grid(db, YEAR, 1).rows}
    assert grid[(first.measure_id, second.executor_id)].reported
    assert not grid[(first.measure_id, first.executor_id)].reported  # the co-executor has not reported


def test_downgrade_keeps_the_first_executors_report_with_its_amounts(db):
    first, second = _joint(db)[:2]
    source = _source(db)
    save_entry(db, YEAR, 1, second.measure_id, second.executor_id, status="виконується", amounts={source: "5"},
               today=ON)
    save_entry(db, YEAR, 1, first.measure_id, first.executor_id, status="виконано", amounts={source: "7,50"},
               today=ON)
    _to_0008(db)
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT e.status, a.amount FROM progress_entry e JOIN progress_amount a "
                                       "ON a.entry_id = e.id WHERE e.measure_id = :m"),
                                  {"m": first.measure_id}).all()
    assert rows == [("done", 750)]  # the first executor's, in kopecks
    _upgrade(db)
    row = next(r for r in period_grid(db, YEAR, 1).rows if r.key == first.key)
    assert row.status is Status.DONE and sum(row.amounts.values()) == Decimal("7.50")
