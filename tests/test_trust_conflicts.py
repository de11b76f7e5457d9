"""No lost update: two windows load the same record, the first saves, the second is refused."""

import pytest
from sqlalchemy import select, update

from kr_desktop.db.models import Executor, Measure
from kr_desktop.db.open import open_database
from kr_desktop.errors import ConflictError, UserError
from kr_desktop.services import users, versioning

LABELS = {"name": "Назва", "short_name": "Коротка назва"}


@pytest.fixture
def second_window(db):
    other = open_database(db.location)
    if other.is_sqlite:  # on a server the server names who saved (the connected role)
        other.actor = "ДРУГЕ Вікно (second)"
    yield other
    other.dispose()


def _load(db, model, record_id):
    with db.reading() as s:
        return s.get(model, record_id)


def test_second_save_of_a_stale_record_gets_both_versions(db, second_window):
    with db.reading() as s:
        executor_id = s.scalars(select(Executor.id).order_by(Executor.id).limit(1)).one()
    mine = _load(db, Executor, executor_id)  # both windows show the same version
    theirs = _load(second_window, Executor, executor_id)
    assert mine.version == theirs.version

    versioning.update_fields(second_window, "Зміна у другому вікні", Executor, executor_id, theirs.version,
                             {"short_name": "Їхня назва"}, labels=LABELS)
    with pytest.raises(ConflictError) as error:
        versioning.update_fields(db, "Зміна в першому вікні", Executor, executor_id, mine.version,
                                 {"short_name": "Моя назва"}, labels=LABELS, record="Виконавець «ДФ»")
    conflict = error.value
    assert conflict.your_version == mine.version and conflict.their_version == mine.version + 1
    assert conflict.yours == {"short_name": "Моя назва"} and conflict.theirs == {"short_name": "Їхня назва"}
    assert conflict.changed_by == second_window.actor and conflict.changed_at is not None
    assert conflict.labels["short_name"] == "Коротка назва"
    assert "Виконавець «ДФ»" in conflict.message and "змінив інший користувач" in conflict.message
    assert isinstance(conflict, UserError)
    assert _load(db, Executor, executor_id).short_name == "Їхня назва"  # not overwritten


def test_a_change_slipping_in_between_check_and_write_is_a_conflict_too(db, second_window):
    """StaleDataError (the UPDATE … WHERE version = … matched no row) maps to ConflictError."""
    with db.reading() as s:
        measure = s.scalars(select(Measure).order_by(Measure.id).limit(1)).one()
    with pytest.raises(ConflictError) as error:
        with versioning.editing(db, "Зміна заходу", Measure, measure.id, measure.version,
                                yours={"text": "Мій текст"}) as record:
            record.text = "Мій текст"
            with second_window.changing("Чужа зміна") as s:  # commits while we are between check and write
                s.execute(update(Measure).where(Measure.id == measure.id)
                          .values(text="Чужий текст", version=Measure.version + 1))
    assert error.value.theirs == {"text": "Чужий текст"}
    assert _load(db, Measure, measure.id).text == "Чужий текст"


def test_deleted_meanwhile_is_reported(db, second_window):
    if db.is_sqlite:  # a file with users (a server's users are its roles)
        users.create_first_admin(db, "admin", "КОВАЛЕНКО Олена", "Пароль-сильний-2026")
    with pytest.raises(UserError, match="вилучив інший користувач"):
        versioning.update_fields(db, "Зміна", Executor, 10_000_000, 1, {"short_name": "X"})


@pytest.mark.sqlite_only  # a file's own users; a server's are its roles (test_server_roles)
def test_users_service_checks_versions_too(db, second_window):
    admin = users.create_first_admin(db, "admin", "КОВАЛЕНКО Олена", "Пароль-сильний-2026")
    users.sign_in(db, admin)
    users.sign_in(second_window, admin)
    op = users.add_user(db, "operator", "ШЕВЧЕНКО Іван", "operator", "Пароль-сильний-2026")
    users.set_role(second_window, "operator", "viewer", expected_version=op.version)
    with pytest.raises(ConflictError):
        users.set_active(db, "operator", False, expected_version=op.version)
