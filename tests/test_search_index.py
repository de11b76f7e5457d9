"""The register's search through the trigram index (migration 0007) finds exactly what a plain
filter over the data finds — same rows, same order — after inserts, changes, deletes and undo,
on both page forms, and on a database upgraded from 0006."""

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import text

from kr_desktop.db import migrate
from kr_desktop.db.open import open_database
from kr_desktop.services import award_types, awards, persons, undo
from kr_desktop.text.ukrainian import search_key, sort_key

NAMES = [("Шевченко", "Тарас", "Григорович"), ("Марченко", "Мар'яна", "Іванівна"), ("Іваненко", "Петро", "Іванович"),
         ("Ковальчук", "Іван", "Петрович"), ("Ґудзь", "Олена", "Андріївна"), ("Бондаренко", "Ірина", "Петрівна"),
         ("Ярош", "Єва", "Олегівна"), ("Кравчук", "Іван", "Петрович"), ("О'Коннор", "Джон", ""),
         ("Ле", "Ан", ""), ("Петренко", "Марʼян", "Іванович"), ("Ткаченко", "Іванна", "Тарасівна")]
QUERIES = ["енк", "ЕНКО", "іва", "іван петр", "петр іван", "мар'я", "МАР’ЯН", "ів", "ле", "ле ан", "о'ко", "ґуд",
           "чук", "ярош єва", "енк ів", "ззз", "1176", "№1176", "Б-7", "%", "_", "ан"]


def _type(db, fragment):
    return next(t for t in award_types.list_award_types(db) if fragment in t.name)


def _fill(db):
    thanks = _type(db, "Подяка міського голови")
    ids = []
    for i, (surname, name, patronymic) in enumerate(NAMES * 3):  # namesakes too
        pid = persons.create_person(db, persons.PersonInput(surname, name, patronymic), allow_duplicate=True)
        ids.append(pid)
        for j in range(i % 3):  # persons without, with one and with two awards
            awards.save_award(db, awards.AwardInput(pid, thanks.id, act_number="1176" if (i + j) % 7 == 0 else str(i),
                                                    act_date=dt.date(2020, 1, 1 + j)), confirm=True)
    return ids


def _expected(db, query):
    """The plain filter: every word in the folded name, or the number equal to the act's or the certificate's."""
    with db.reading() as session:
        rows = session.execute(text(
            "SELECT award.id, person.surname, person.name, person.patronymic, award.act_number, "
            "award.certificate_number FROM award JOIN person ON person.id = award.person_id")).all()
    words = search_key(query).split()
    number = " ".join(query.split()).lstrip("№ ").strip()
    found = [r for r in rows if all(w in search_key(f"{r[1]} {r[2]} {r[3]}") for w in words)
             or number in (r[4], r[5])]
    found.sort(key=lambda r: (sort_key(r[1], r[2], r[3]), r[0]))
    return [r[0] for r in found]


def _expected_persons(db, query):
    with db.reading() as session:
        rows = session.execute(text("SELECT id, surname, name, patronymic FROM person")).all()
    words = search_key(query).split()
    found = [r for r in rows if all(w in search_key(f"{r[1]} {r[2]} {r[3]}") for w in words)]
    found.sort(key=lambda r: (sort_key(r[1], r[2], r[3]), r[0]))
    return [r[0] for r in found]


def _check(db, monkeypatch=None):
    for query in QUERIES:
        expected = _expected(db, query)
        flt = awards.AwardFilter(text=query)
        assert [a.id for a in awards.query_awards(db, flt, limit=None)] == expected, query
        assert awards.count_awards(db, flt) == len(expected), query
        assert [a.id for a in awards.query_awards(db, flt, offset=3, limit=4)] == expected[3:7], query
        if monkeypatch is not None:  # the page read by scanning persons in name order: the same rows
            with monkeypatch.context() as m:
                m.setattr(awards.register, "_scan_in_name_order", lambda *a: True)  # where page_query reads it
                assert [a.id for a in awards.query_awards(db, flt, limit=200)] == expected, query
                assert [a.id for a in awards.query_awards(db, flt, offset=2, limit=3)] == expected[2:5], query
                assert [a.id for a in awards.query_awards(db, flt, limit=5, descending=True)] == \
                    _descending(db, expected)[:5], query
        expected_persons = _expected_persons(db, query)
        assert [p.id for p in persons.search_persons(db, query, limit=1000)] == expected_persons, query
        assert persons.count_persons(db, query) == len(expected_persons), query
    if db.is_sqlite:
        with db.reading() as session:  # the FTS tables agree with their own index
            for table in ("person_search", "award_search"):
                session.execute(text(f"INSERT INTO {table}({table}) VALUES('integrity-check')"))
            assert session.scalar(text("SELECT count(*) FROM person_search")) == \
                session.scalar(text("SELECT count(*) FROM person"))
            assert session.scalar(text("SELECT count(*) FROM award_search")) == \
                session.scalar(text("SELECT count(*) FROM award"))


def _descending(db, ids):
    with db.reading() as session:
        keys = dict(session.execute(text("SELECT award.id, person.sort_key FROM award JOIN person "
                                         "ON person.id = award.person_id")).all())
    return sorted(ids, key=lambda i: (keys[i], i), reverse=True)


def test_indexed_search_equals_a_plain_filter(db, monkeypatch):
    _fill(db)
    _check(db, monkeypatch if db.is_sqlite else None)


def test_index_follows_changes_deletes_and_undo(db, monkeypatch):
    ids = _fill(db)
    detail = persons.get_person(db, ids[1])  # Марченко, with an award
    persons.update_person(db, ids[1], persons.PersonInput("Гудзенко", "Тарас", "Петрович"), detail.version)
    _check(db)
    assert _expected(db, "гудзенко") and [a.surname for a in awards.query_awards(db, awards.AwardFilter(text="гудзенко"))]
    without_awards = ids[len(NAMES) * 3 - 3]  # i % 3 == 0: no awards
    persons.delete_person(db, without_awards)
    award_id = awards.query_awards(db, awards.AwardFilter(text="кравчук"))[0].id
    awards.delete_award(db, award_id)
    _check(db)
    for _ in range(3):
        undo.undo(db)
    assert len(persons.search_persons(db, "марченко мар'яна", limit=10)) == 3  # the old name is back
    assert not persons.search_persons(db, "гудзенко")
    _check(db, monkeypatch if db.is_sqlite else None)
    undo.redo(db)
    _check(db)


@pytest.mark.sqlite_only
def test_database_at_0006_is_upgraded_and_its_index_filled(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    database = open_database(path)  # the newest schema, taken back to 0006 (as files made before 0007 are)
    _fill(database)
    database.dispose()
    engine = open_database(path, create=False).engine
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0006")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0006"
        assert not raw.execute("SELECT name FROM sqlite_master WHERE name LIKE '%_search%'").fetchall()
        raw.execute("UPDATE person SET surname = 'Ґудзенко', name_key = 'ґудзенко тарас григорович', sort_key = ? "
                    "WHERE name_key = 'шевченко тарас григорович'",  # changed while there was no index
                    (sort_key("Ґудзенко", "Тарас", "Григорович"),))
    raw.close()
    database = open_database(path)  # upgrades
    try:
        assert [p.surname for p in persons.search_persons(database, "ґудзенко")] == ["Ґудзенко"] * 3
        _check(database)
    finally:
        database.dispose()


def _index_entries(db):
    with db.reading() as session:
        return (session.execute(text("SELECT rowid, name_key FROM person_search ORDER BY rowid")).all(),
                session.execute(text("SELECT rowid, name_key FROM award_search ORDER BY rowid")).all())


def _triggers(db):
    with db.reading() as session:
        return session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")).all()


@pytest.mark.sqlite_only
def test_bulk_inserts_fill_the_index_as_the_triggers_do_and_keep_the_triggers(db, tmp_path, monkeypatch):
    import openpyxl

    from kr_desktop.services import award_import
    from kr_desktop.services.demo_data import fill_demo

    triggers = _triggers(db)
    assert {"person_search_insert", "award_search_insert"} <= {name for name, _sql in triggers}
    fill_demo(db, 60, seed=7)  # bulk: persons, awards (the trigger paused, the index filled at once)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Прізвище", "Ім’я", "По батькові", "Відзнака", "Вид документа", "Номер документа",
                  "Дата документа"])
    for i, (surname, name, patronymic) in enumerate(NAMES):
        sheet.append([surname, name, patronymic, "Подяка міського голови", "розпорядження міського голови",
                      str(500 + i), "01.02.2024"])
    book.save(tmp_path / "import.xlsx")
    award_import.import_awards(db, tmp_path / "import.xlsx")  # bulk again
    assert _triggers(db) == triggers  # the same triggers, the same SQL
    persons_index, awards_index = _index_entries(db)
    with db.reading() as session:  # exactly what the triggers would hold
        assert persons_index == session.execute(text("SELECT id, name_key FROM person ORDER BY id")).all()
        assert awards_index == session.execute(text(
            "SELECT award.id, person.name_key FROM award JOIN person ON person.id = award.person_id "
            "ORDER BY award.id")).all()
    _check(db, monkeypatch)
    _fill(db)  # and the triggers still work for rows saved one by one
    _check(db, monkeypatch)


@pytest.mark.sqlite_only
def test_a_failed_bulk_insert_leaves_the_triggers_and_the_index_as_they_were(db, monkeypatch):
    from kr_desktop.services import demo_data

    triggers, entries = _triggers(db), _index_entries(db)

    def failing(*args, **kwargs):
        raise RuntimeError("зламано посеред вставлення")

    monkeypatch.setattr(demo_data, "_fill_events", failing)  # after persons and awards were inserted in bulk
    with pytest.raises(RuntimeError):
        demo_data.fill_demo(db, 30, seed=1)
    assert _triggers(db) == triggers and _index_entries(db) == entries
