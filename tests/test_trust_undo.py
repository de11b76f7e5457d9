"""Undo / redo of the session's changes: through the journaled path, refused on later changes."""

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import object_session

from kr_desktop.db.models import AppSetting, Executor, JournalEntry, Measure
from kr_desktop.db.open import open_database
from kr_desktop.errors import ConflictError, UserError
from kr_desktop.services import settings, undo, versioning

KEY = settings.declare("test.trust.undo", "початкове")


def _executor(db, offset=0):
    with db.reading() as s:
        return s.scalars(select(Executor).order_by(Executor.id).offset(offset).limit(1)).one()


def _get(db, model, record_id):
    with db.reading() as s:
        return s.get(model, record_id)


def _journal(db, changeset=None):
    with db.reading() as s:
        query = select(JournalEntry).order_by(JournalEntry.id)
        if changeset:
            query = query.where(JournalEntry.changeset == changeset)
        return s.scalars(query).all()


def test_undo_restores_before_values_and_is_journaled_then_redo_reapplies(db):
    executor = _executor(db)
    versioning.update_fields(db, "Перейменування виконавця", Executor, executor.id, executor.version,
                             {"name": "Нова назва", "short_name": "НН"})
    original = _journal(db)[-1]
    assert undo.undo_label(db) == "Перейменування виконавця"

    result = undo.undo(db)
    assert result.label == "Перейменування виконавця" and result.areas == {"program"}
    restored = _get(db, Executor, executor.id)
    assert (restored.name, restored.short_name) == (executor.name, executor.short_name)
    assert restored.version == executor.version + 2  # undo is a new version, not a rewind
    undo_row = _journal(db)[-1]
    assert undo_row.label == "Скасування: Перейменування виконавця"
    assert undo_row.undo_of == original.changeset and undo_row.actor == db.actor
    assert json.loads(undo_row.before)["name"] == "Нова назва"
    assert json.loads(undo_row.after)["name"] == executor.name
    assert undo.undo_label(db) is None and undo.redo_label(db) == "Перейменування виконавця"

    undo.redo(db)
    again = _get(db, Executor, executor.id)
    assert (again.name, again.short_name) == ("Нова назва", "НН")
    redo_row = _journal(db)[-1]
    assert redo_row.label == "Повторення: Перейменування виконавця" and redo_row.undo_of == undo_row.changeset
    assert undo.undo_label(db) == "Перейменування виконавця" and undo.redo_label(db) is None


def test_undo_is_refused_when_the_record_changed_since(db):
    executor = _executor(db)
    versioning.update_fields(db, "Моя зміна", Executor, executor.id, executor.version, {"short_name": "Моє"})
    other = open_database(db.location)  # another window or workstation
    try:
        if other.is_sqlite:  # on a server the server names who saved (the connected role)
            other.actor = "ІНШИЙ Користувач (other)"
        saved_by = other.actor.split(" (")[0]
        versioning.update_fields(other, "Чужа зміна", Executor, executor.id, executor.version + 1,
                                 {"short_name": "Чуже"})
    finally:
        other.dispose()
    count = len(_journal(db))
    with pytest.raises(ConflictError) as error:
        undo.undo(db)
    assert "змінено після цієї зміни" in error.value.message and saved_by in error.value.message
    assert error.value.yours["short_name"] == "Моє" and error.value.theirs["short_name"] == "Чуже"
    assert _get(db, Executor, executor.id).short_name == "Чуже"  # nothing overwritten
    assert len(_journal(db)) == count
    with pytest.raises(UserError, match="Немає змін"):
        undo.undo(db)  # the refused step is gone from the list


def test_undo_of_an_insert_deletes_and_redo_inserts_again(db):
    settings.set_setting(db, KEY, "нове значення")
    assert settings.get_setting(db, KEY) == "нове значення"
    undo.undo(db)
    assert settings.get_setting(db, KEY) == "початкове"
    with db.reading() as s:
        assert s.get(AppSetting, KEY) is None
    assert _journal(db)[-1].operation == "delete"
    undo.redo(db)
    assert settings.get_setting(db, KEY) == "нове значення"
    assert _journal(db)[-1].operation == "insert"


def test_undo_of_changed_links_puts_the_executors_back(db):
    with db.reading() as s:
        measure = s.scalars(select(Measure).order_by(Measure.id).limit(1)).one()
        before = sorted(e.id for e in measure.executors)
        extra = s.scalars(select(Executor.id).where(Executor.id.not_in(before)).limit(1)).one()
    with versioning.editing(db, "Виконавці заходу", Measure, measure.id, measure.version) as m:
        m.executors.append(object_session(m).get(Executor, extra))
    with db.reading() as s:
        changed = s.get(Measure, measure.id)
        assert sorted(e.id for e in changed.executors) == sorted(before + [extra])
        assert changed.version == measure.version + 1  # a change of links is a new version too
    undo.undo(db)
    with db.reading() as s:
        assert sorted(e.id for e in s.get(Measure, measure.id).executors) == before


def test_a_new_change_clears_redo_and_history_is_per_window(db):
    first, second = _executor(db, 0), _executor(db, 1)
    versioning.update_fields(db, "Перша", Executor, first.id, first.version, {"short_name": "1"})
    undo.undo(db)
    versioning.update_fields(db, "Друга", Executor, second.id, second.version, {"short_name": "2"})
    assert undo.redo_label(db) is None
    other = open_database(db.location)
    try:
        assert undo.undo_label(other) is None  # another window's history is its own
        with pytest.raises(UserError):
            undo.undo(other)
    finally:
        other.dispose()
    assert undo.undo_label(db) == "Друга"


@pytest.mark.sqlite_only  # a file's own users; a server's user changes are no table rows to undo
def test_user_account_changes_are_not_undone(db):
    from kr_desktop.services import users

    users.create_first_admin(db, "admin", "КОВАЛЕНКО Олена", "Пароль-сильний-2026")
    assert undo.undo_label(db) is None
