"""Editing the Program through the services: validation, nothing half-saved, merge, history,
and the passport ↔ annex consistency check after every change."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kr_desktop.db.models import (Direction, Executor, JournalEntry, Measure, Stage,
                                  measure_executor)
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import executors as executors_service
from kr_desktop.services import program_edit as pe
from kr_desktop.services.program_view import measure_detail


def _direction(db, annex, number):
    with db.reading() as s:
        return s.scalar(select(Direction.id).join(Stage).where(Stage.annex_number == annex, Direction.number == number))


def _city_budget(db):
    return next(src.id for src in pe.list_sources(db) if src.name.startswith("Бюджет Криворізької"))


def _journal_count(db):
    with db.reading() as s:
        return s.scalar(select(func.count(JournalEntry.id)))


def test_builtin_program_is_consistent(db):
    assert pe.consistency(db) == []


def test_changing_an_amount_shows_a_mismatch_until_the_passport_is_amended(db):
    direction = _direction(db, 3, 4)
    source = _city_budget(db)
    amendment = pe.add_amendment(db, "20.12.2025", "№ 4100", "Про внесення змін до Програми")
    version = pe.funding_grid(db, pe.DIRECTION, direction).version
    assert pe.set_planned_amounts(db, pe.DIRECTION, direction, {(source, 2026): "1 600 000,00"}, amendment,
                                  expected_version=version) == 1
    mismatches = pe.consistency(db)
    assert [(m.year, m.passport, m.annex) for m in mismatches] == [
        (2026, Decimal("1598026.00"), Decimal("1620400.00"))]
    assert "2026 рік" in mismatches[0].message and "1 598 026,00" in mismatches[0].message.replace("\u00a0", " ")

    pe.set_passport_amounts(db, {(source, 2026): "1620400"}, amendment, expected_version=pe.passport_grid(db).version)
    assert pe.consistency(db) == []

    history = pe.amount_history(db, pe.DIRECTION, direction, source, 2026)
    assert [(h.amendment, h.old_value, h.new_value) for h in history] == [
        ("рішення від 20.12.2025 №4100", "1577626.00", "1600000.00")]
    passport_history = pe.amount_history(db, "passport", None, source, 2026)
    assert [(h.old_value, h.new_value) for h in passport_history] == [("1598026.00", "1620400.00")]


@pytest.mark.parametrize("cells, message", [
    ({2026: "багато"}, "не число"),
    ({2026: "-1"}, "від’ємною"),
    ({2031: "100"}, "поза межами етапу"),
])
def test_bad_amounts_are_refused_naming_the_field_and_nothing_is_saved(db, cells, message):
    direction = _direction(db, 3, 4)
    source = _city_budget(db)
    grid = pe.funding_grid(db, pe.DIRECTION, direction)
    before = grid.amounts
    journal = _journal_count(db)
    with pytest.raises(ValidationError, match=message) as error:
        # a good cell first: it must not be written when a later cell is bad
        pe.set_planned_amounts(db, pe.DIRECTION, direction, {(source, 2024): "1", **{(source, y): v for y, v in cells.items()}},
                               expected_version=grid.version)
    assert "Напрям 4" in error.value.message
    assert pe.funding_grid(db, pe.DIRECTION, direction).amounts == before
    assert _journal_count(db) == journal


def test_measure_edit_validates_text_and_reparses_the_deadline(db):
    direction = _direction(db, 3, 1)
    executors = [e.id for e in executors_service.list_executors(db)[:2]]
    with pytest.raises(ValidationError, match="Зміст заходу: текст заходу не може бути порожнім"):
        pe.add_measure(db, direction, "   ", "Постійно", executors)
    amendment = pe.add_amendment(db, dt.date(2025, 6, 1), "4000")
    measure = pe.add_measure(db, direction, "Новий  захід", "Щорічно в травні", executors, amendment_id=amendment)
    detail = measure_detail(db, measure, today=dt.date(2026, 1, 15))
    assert detail.text == "Новий захід" and detail.deadline.months == (5,)
    assert detail.next_due == dt.date(2026, 5, 31)
    assert detail.number == "1.4"

    pe.update_measure(db, measure, "Новий захід (уточнено)", "До грудня 2026 року", executors[:1],
                      amendment_id=amendment, expected_version=pe.measure_for_edit(db, measure).version)
    detail = measure_detail(db, measure, today=dt.date(2026, 1, 15))
    assert detail.deadline.due_date == dt.date(2026, 11, 30) and len(detail.executors) == 1
    history = pe.measure_history(db, measure)
    fields = [h.field for h in history]
    assert fields == ["text", "Зміст заходу", "Строк виконання", "Виконавці"]
    assert history[2].old_value == "Щорічно в травні" and history[2].new_value == "До грудня 2026 року"

    pe.delete_measure(db, measure)
    with db.reading() as s:
        assert s.get(Measure, measure) is None


def test_merging_two_records_of_one_unit_moves_links_in_one_journaled_change(db):
    keep = next(e for e in executors_service.list_executors(db) if e.name.startswith("Управління організаційно"))
    duplicate = executors_service.add_executor(db, "Управління орг.-протокольної роботи", "УОПР")
    with db.session() as s:  # a spelling variant on two measures: one shared with ``keep``, one not
        shared = s.scalars(select(Measure).where(Measure.executors.any(Executor.id == keep.id))).first()
        other = s.scalars(select(Measure).where(~Measure.executors.any(Executor.id == keep.id))).first()
        dup = s.get(Executor, duplicate)
        shared.executors = shared.executors + [dup]
        other.executors = [dup] + other.executors
        shared_id, other_id = shared.id, other.id
        s.flush()
        s.execute(measure_executor.update().where(measure_executor.c.measure_id == other_id,
                                                  measure_executor.c.executor_id == duplicate).values(position=-1))
    with db.reading() as s:
        last_id = s.scalar(select(func.max(JournalEntry.id)))
    assert executors_service.merge_executors(db, keep.id, duplicate) == 1
    with db.reading() as s:
        assert s.get(Executor, duplicate) is None
        assert [e.id for e in s.get(Measure, other_id).executors][0] == keep.id
        assert [e.id for e in s.get(Measure, shared_id).executors].count(keep.id) == 1
        links = s.scalar(select(func.count()).select_from(measure_executor)
                         .where(measure_executor.c.executor_id == keep.id))
        assert links == keep.measures + 1
        rows = s.scalars(select(JournalEntry).where(JournalEntry.id > last_id)).all()
    assert len({r.changeset for r in rows}) == 1 and rows[0].label == "Об’єднано два записи виконавця"
    assert any(r.table_name == "executor" and r.operation == "delete" for r in rows)
    assert any(str(duplicate) in json.dumps(r.before) for r in rows if r.table_name == "measure")


def test_executor_directory_validation(db):
    name = executors_service.list_executors(db)[0].name
    with pytest.raises(ValidationError, match="вже є в довіднику"):
        executors_service.add_executor(db, name)
    with pytest.raises(ValidationError, match="Назва виконавця"):
        executors_service.add_executor(db, "  ")
    with pytest.raises(UserError, match="виконує заходи"):
        executors_service.delete_executor(db, executors_service.list_executors(db)[0].id)
    with pytest.raises(ValidationError, match="два різні"):
        executors_service.merge_executors(db, 1, 1)


def test_directions_are_added_renamed_and_removed_with_numbering(db):
    with db.reading() as s:
        stage = s.scalar(select(Stage.id).where(Stage.annex_number == 3))
    new = pe.add_direction(db, stage, "Новий напрям")
    with db.reading() as s:
        assert s.get(Direction, new).number == 7
    with pytest.raises(ValidationError, match="Назва напряму"):
        pe.update_direction(db, new, "", expected_version=pe.direction_for_edit(db, new).version)
    pe.update_direction(db, new, "Новий напрям (уточнено)", expected_version=pe.direction_for_edit(db, new).version)
    assert pe.direction_for_edit(db, new).name == "Новий напрям (уточнено)"
    pe.set_planned_amounts(db, pe.DIRECTION, new, {(_city_budget(db), 2027): "10"},
                           expected_version=pe.funding_grid(db, pe.DIRECTION, new).version)
    assert [m.year for m in pe.consistency(db)] == [2027]
    pe.delete_direction(db, new)
    assert pe.consistency(db) == []
    with pytest.raises(UserError, match="має заходи"):
        pe.delete_direction(db, _direction(db, 3, 1))


def test_a_viewer_cannot_edit(db):
    db.role = "viewer"
    with pytest.raises(UserError, match="Недостатньо прав"):
        executors_service.add_executor(db, "Новий відділ")
