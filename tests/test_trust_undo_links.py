"""Undo puts back what a change really did: the order of a measure's executors (the position of
each link), and everything a deletion removed — or refuses, saying why, when the database itself
removed rows the journal never saw (ON DELETE CASCADE)."""

import json

from decimal import Decimal

import pytest
from sqlalchemy import select

from kr_desktop.db.models import AmendmentChange, Direction, JournalEntry, Measure, PlannedFunding, Stage, \
    measure_executor
from kr_desktop.errors import UserError
from kr_desktop.services import executors as executors_service
from kr_desktop.services.program import amendments, funding, records, structure
from kr_desktop.services import undo


def _direction(db, annex=3, number=1):
    with db.reading() as s:
        return s.scalar(select(Direction.id).join(Stage).where(Stage.annex_number == annex, Direction.number == number))


def _order(db, measure_id):
    """The executors of a measure as stored: by link position."""
    with db.reading() as s:
        return list(s.scalars(select(measure_executor.c.executor_id).where(measure_executor.c.measure_id == measure_id)
                              .order_by(measure_executor.c.position)))


def _positions(db, measure_id):
    with db.reading() as s:
        return sorted(s.execute(select(measure_executor.c.executor_id, measure_executor.c.position)
                                .where(measure_executor.c.measure_id == measure_id)).all())


def _measure_with_executors(db, count=3):
    executors = [e.id for e in executors_service.list_executors(db)[:count]]
    return structure.add_measure(db, _direction(db), "Захід для перевірки порядку", "Постійно", executors), executors


def test_the_journal_keeps_the_order_of_executors(db):
    measure_id, executors = _measure_with_executors(db)
    reordered = list(reversed(executors))
    structure.update_measure(db, measure_id, "Захід для перевірки порядку", "Постійно", reordered,
                      expected_version=structure.measure_for_edit(db, measure_id).version)
    with db.reading() as s:
        row = s.scalars(select(JournalEntry).where(JournalEntry.table_name == "measure")
                        .order_by(JournalEntry.id.desc()).limit(1)).one()
    assert json.loads(row.before)["executors"] == [str(e) for e in executors]
    assert json.loads(row.after)["executors"] == [str(e) for e in reordered]


def test_undo_and_redo_of_a_new_order_of_executors(db):
    measure_id, executors = _measure_with_executors(db)
    before = _positions(db, measure_id)
    reordered = [executors[2], executors[0], executors[1]]
    structure.update_measure(db, measure_id, "Захід для перевірки порядку", "Постійно", reordered,
                      expected_version=structure.measure_for_edit(db, measure_id).version)
    assert _order(db, measure_id) == reordered
    undo.undo(db)
    assert _order(db, measure_id) == executors and _positions(db, measure_id) == before
    assert structure.measure_for_edit(db, measure_id).executor_ids == tuple(executors)
    undo.redo(db)
    assert _order(db, measure_id) == reordered


def test_undo_of_deleting_a_measure_puts_back_links_in_order_funding_history_and_numbering(db):
    direction_id = _direction(db)
    amendment = amendments.add_amendment(db, "01.09.2025", "7001")
    executors = [e.id for e in executors_service.list_executors(db)[:3]]
    order = [executors[1], executors[2], executors[0]]
    first = structure.add_measure(db, direction_id, "Перший новий захід", "Постійно", order, amendment_id=amendment)
    second = structure.add_measure(db, direction_id, "Другий новий захід", "Постійно", executors[:1])
    grid = funding.funding_grid(db, records.MEASURE, first)
    source = grid.sources[0].id
    funding.set_planned_amounts(db, records.MEASURE, first, {(source, grid.years[0]): "1500"}, amendment,
                           expected_version=grid.version)
    with db.reading() as s:
        position_of_first = s.get(Measure, first).position
        history_before = s.scalar(select(AmendmentChange.id).where(AmendmentChange.measure_id == first).limit(1))
    assert history_before is not None

    structure.delete_measure(db, first)
    with db.reading() as s:
        assert s.get(Measure, first) is None and s.get(Measure, second).position == position_of_first
    undo.undo(db)

    with db.reading() as s:
        restored = s.get(Measure, first)
        assert restored.text == "Перший новий захід" and restored.position == position_of_first
        assert s.get(Measure, second).position == position_of_first + 1
        assert [f.amount for f in s.scalars(select(PlannedFunding).where(PlannedFunding.measure_id == first))] \
            == [Decimal("1500.00")]
        assert s.scalar(select(AmendmentChange.measure_id).where(AmendmentChange.id == history_before)) == first
    assert _order(db, first) == order
    assert len(amendments.measure_history(db, first)) >= 2  # its amendment history is linked again


def test_a_delete_that_the_database_cascaded_is_refused_by_undo_with_a_reason(db):
    """A delete whose children went by ON DELETE CASCADE (not through the ORM): undo says no."""
    from kr_desktop.services.progress_saving import save_entry

    measure_id, executors = _measure_with_executors(db, 1)
    save_entry(db, 2025, 1, measure_id, executors[0], status="виконується", narrative="Звіт виконавця")
    with db.changing("Видалення заходу напряму") as s:  # its report goes by the database's cascade
        s.delete(s.get(Measure, measure_id))
    with pytest.raises(UserError, match="база даних вилучила пов’язані записи") as error:
        undo.undo(db)
    assert "Нічого не змінено" in error.value.message
    with db.reading() as s:
        assert s.get(Measure, measure_id) is None  # nothing half-restored


def test_deleting_a_direction_keeps_its_amendment_history_undoable(db):
    with db.reading() as s:
        stage = s.scalar(select(Stage.id).where(Stage.annex_number == 3))
    direction_id = structure.add_direction(db, stage, "Тимчасовий напрям")
    amendment = amendments.add_amendment(db, "02.09.2025", "7002")
    grid = funding.funding_grid(db, records.DIRECTION, direction_id)
    funding.set_planned_amounts(db, records.DIRECTION, direction_id, {(grid.sources[0].id, grid.years[-1]): "20"}, amendment,
                           expected_version=grid.version)
    structure.delete_direction(db, direction_id)
    undo.undo(db)
    with db.reading() as s:
        assert s.get(Direction, direction_id).name == "Тимчасовий напрям"
        assert s.scalar(select(AmendmentChange.direction_id).where(AmendmentChange.amendment_id == amendment)) \
            == direction_id
