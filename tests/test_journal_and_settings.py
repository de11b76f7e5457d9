import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from kr_desktop.db.models import Executor, JournalEntry, Measure, PlannedFunding
from kr_desktop.services import settings


def test_every_change_is_journaled_in_the_same_transaction(db):
    with db.reading() as s:
        before_count = len(s.scalars(select(JournalEntry)).all())
        row_id = s.scalars(select(PlannedFunding.id).limit(1)).one()
    with db.changing("Уточнення суми") as s:
        row = s.get(PlannedFunding, row_id)
        old = row.amount
        row.amount = Decimal("100.50")
    with db.reading() as s:
        entries = s.scalars(select(JournalEntry).order_by(JournalEntry.id)).all()
    assert len(entries) == before_count + 1
    entry = entries[-1]
    assert (entry.operation, entry.table_name, entry.record_id) == ("update", "planned_funding", str(row_id))
    assert entry.label == "Уточнення суми" and entry.actor == db.actor
    assert json.loads(entry.before)["amount"] == str(old)
    assert json.loads(entry.after)["amount"] == "100.50"


def test_a_failed_change_leaves_neither_change_nor_journal(db):
    with db.reading() as s:
        count = len(s.scalars(select(JournalEntry)).all())
        executor_id = s.scalars(select(Executor.id).limit(1)).one()
    with pytest.raises(RuntimeError):
        with db.changing("Перейменування") as s:
            s.get(Executor, executor_id).name = "Нова назва"
            s.flush()
            raise RuntimeError("boom")
    with db.reading() as s:
        assert len(s.scalars(select(JournalEntry)).all()) == count
        assert s.get(Executor, executor_id).name != "Нова назва"


def test_many_to_many_links_are_journaled(db):
    with db.reading() as s:
        measure = s.scalars(select(Measure).limit(1)).one()
        measure_id = measure.id
        other = s.scalars(select(Executor).where(Executor.id.not_in([e.id for e in measure.executors]))).first()
        other_id = other.id
    with db.changing("Додано виконавця") as s:
        m = s.get(Measure, measure_id)
        m.executors.append(s.get(Executor, other_id))
    with db.reading() as s:
        entry = s.scalars(select(JournalEntry).order_by(JournalEntry.id.desc()).limit(1)).one()
    assert entry.table_name == "measure"
    assert str(other_id) in json.loads(entry.after)["executors"]
    assert str(other_id) not in json.loads(entry.before)["executors"]


def test_builtin_load_is_one_journal_line(db):
    with db.reading() as s:
        entries = s.scalars(select(JournalEntry)).all()
    assert len(entries) == 1 and "вбудованою Програмою" in entries[0].label


KEY = settings.declare("test.greeting", {"text": "Добрий день"})


def test_settings_default_then_stored(db):
    assert settings.get_setting(db, KEY) == {"text": "Добрий день"}
    settings.set_setting(db, KEY, {"text": "Вітаю"})
    assert settings.get_setting(db, KEY) == {"text": "Вітаю"}
    with pytest.raises(KeyError):
        settings.get_setting(db, "no.such.key")
