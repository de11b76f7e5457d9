"""The executors directory keeps each unit's head and contacts (the addressee of its reminder
letter): saved in one journaled, version-checked change, validated naming the field, kept when
two records of one unit are merged, and added to an existing database by migration 0008."""

import sqlite3

import pytest
from sqlalchemy import select

from kr_desktop.db import migrate
from kr_desktop.db.models import JournalEntry
from kr_desktop.db.open import open_database
from kr_desktop.errors import ConflictError, ValidationError
from kr_desktop.services import executors as executors_service


def _unit(db, starts="Управління організаційно"):
    return next(e for e in executors_service.list_executors(db) if e.name.startswith(starts))


def test_head_and_contacts_are_saved_and_journaled(db):
    unit = _unit(db)
    executors_service.update_executor(db, unit.id, unit.name, "УОПР", expected_version=unit.version,
                                      head_position="Начальник управління", head_name="Олена Мирошниченко",
                                      head_name_dative="Олені МИРОШНИЧЕНКО", phone="(056) 490-12-34 доб. 5",
                                      email="uopr@kr.gov.ua")
    saved = executors_service.get_executor(db, unit.id)
    assert (saved.short_name, saved.head_position, saved.head_name, saved.head_name_dative, saved.phone,
            saved.email) == ("УОПР", "Начальник управління", "Олена Мирошниченко", "Олені МИРОШНИЧЕНКО",
                             "(056) 490-12-34 доб. 5", "uopr@kr.gov.ua")
    assert saved.head_position_dative == "" and saved.version == unit.version + 1
    with db.reading() as s:
        last = s.scalars(select(JournalEntry).where(JournalEntry.table_name == "executor")
                         .order_by(JournalEntry.id.desc())).first()
    assert "Мирошниченко" in (last.after or "")

    # a rename alone keeps the head and contacts
    executors_service.rename_executor(db, unit.id, unit.name, "УОПР-2", expected_version=saved.version)
    renamed = executors_service.get_executor(db, unit.id)
    assert renamed.short_name == "УОПР-2" and renamed.head_name == "Олена Мирошниченко"


@pytest.mark.parametrize("field, value, words", [
    ("email", "uopr at kr.gov.ua", "Електронна пошта"),
    ("phone", "дзвоніть секретарю", "Телефон"),
    ("head_name", "Олена\x07", "Керівник"),
    ("head_position", "П" * 300, "Посада керівника"),
])
def test_bad_contacts_are_refused_naming_the_field(db, field, value, words):
    unit = _unit(db)
    with pytest.raises(ValidationError) as refused:
        executors_service.update_executor(db, unit.id, unit.name, unit.short_name, expected_version=unit.version,
                                          **{field: value})
    assert words in str(refused.value)
    assert executors_service.get_executor(db, unit.id) == unit


def test_a_stale_form_is_a_conflict(db):
    unit = _unit(db)
    executors_service.update_executor(db, unit.id, unit.name, unit.short_name, expected_version=unit.version,
                                      phone="490-00-01")
    with pytest.raises(ConflictError):
        executors_service.update_executor(db, unit.id, unit.name, unit.short_name, expected_version=unit.version,
                                          phone="490-00-02")
    assert executors_service.get_executor(db, unit.id).phone == "490-00-01"


def test_merge_keeps_a_contact_only_the_removed_record_had(db):
    keep = _unit(db)
    duplicate = executors_service.add_executor(db, "Управління орг.-протокольної роботи", "УОПР",
                                               head_name="Олена Мирошниченко", email="uopr@kr.gov.ua")
    executors_service.update_executor(db, keep.id, keep.name, keep.short_name, expected_version=keep.version,
                                      email="protocol@kr.gov.ua")
    executors_service.merge_executors(db, keep.id, duplicate)
    merged = executors_service.get_executor(db, keep.id)
    assert merged.head_name == "Олена Мирошниченко"  # only the removed record had it
    assert merged.email == "protocol@kr.gov.ua"      # the kept record's own value wins


@pytest.mark.sqlite_only
def test_migration_adds_empty_contacts_to_an_existing_database(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    database = open_database(path)  # the newest schema, taken back to 0007 (as files made before 0008 are)
    database.dispose()
    engine = open_database(path, create=False).engine
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0007")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(executor)")}
        count = raw.execute("SELECT count(*) FROM executor").fetchone()[0]
    raw.close()
    assert "head_name" not in columns and count > 10
    database = open_database(path)  # upgrades
    try:
        listed = executors_service.list_executors(database)
        assert len(listed) == count
        assert all((e.head_position, e.head_name, e.phone, e.email) == ("", "", "", "") for e in listed)
    finally:
        database.dispose()
