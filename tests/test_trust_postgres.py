"""Several workstations: the application on a PostgreSQL server (skipped without a test server;
scripts/test.sh always starts one, so CI runs these)."""

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, inspect, select, text

from kr_desktop.db import migrate
from kr_desktop.db.backup import auto_backup
from kr_desktop.db.open import open_database
from kr_desktop.db.types import sort_key_type
from kr_desktop.errors import DatabaseFileError
from kr_desktop.text.ukrainian import search_key, sort_key, uk_sorted
from tests.test_cli import run_cli

NAMES = ["Яковенко", "Ґудзь", "Гнатюк", "Іваненко", "Їжакевич", "Єрмак", "Андрієнко", "Ivanov",
         "Мар'яненко", "Марченко", "ЕРДЕЛІ", "Ільченко", "Шевченко", "Щербак", "Юрченко", "Зінченко"]


@pytest.fixture
def empty_pg(pg_databases):
    name = f"{pg_databases.prefix}_empty"
    pg_databases.drop(name)
    pg_databases._execute(f'CREATE DATABASE "{name}"')
    yield pg_databases.url_of(name)
    pg_databases.drop(name)


def test_url_opens_creates_and_hides_the_password(empty_pg):
    database = open_database(empty_pg)
    try:
        assert database.engine.dialect.name == "postgresql"
        assert "***" in database.display_location and ":kr_test@" not in database.display_location
        assert open_database(database.location).location == database.location  # reopenable
        with database.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert connection.execute(text("SELECT count(*) FROM measure")).scalar() >= 70
        assert auto_backup(database, "start") is None  # a server is backed up with pg_dump
    finally:
        database.dispose()


def test_command_line_takes_the_url_from_db_or_the_environment(empty_pg):
    done = run_cli("init", "--db", empty_pg)
    assert done.returncode == 0, done.stderr
    assert "Базу даних готово" in done.stdout
    out_env = run_cli("backup", env_extra={"KR_DESKTOP_DB_URL": empty_pg})
    assert out_env.returncode != 0 and "pg_dump" in out_env.stderr


def test_foreign_database_on_the_server_is_refused_and_left_alone(empty_pg):
    engine = create_engine(empty_pg)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id integer primary key, body text)"))
    with pytest.raises(DatabaseFileError, match="іншій програмі"):
        open_database(empty_pg)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["notes"]
    engine.dispose()


def test_newer_schema_on_the_server_is_refused(pg_url):
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(DatabaseFileError, match="новішою версією"):
        open_database(pg_url)


def test_ukrainian_order_and_search_on_the_server(pg_url):
    engine = create_engine(pg_url)
    probe = Table("probe_names", MetaData(), Column("id", Integer, primary_key=True),
                  Column("name", String(100)), Column("key", sort_key_type()), Column("search", String(100)))
    probe.create(engine)
    with engine.begin() as connection:
        connection.execute(probe.insert(), [{"name": n, "key": sort_key(n), "search": search_key(n)} for n in NAMES])
        ordered = connection.execute(select(probe.c.name).order_by(probe.c.key)).scalars().all()
        found = connection.execute(select(probe.c.name).where(
            probe.c.search.like(f"%{search_key('МАРʼЯН')}%"))).scalars().all()
        collation = connection.execute(text(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_name = 'probe_names' AND column_name = 'key'")).scalar()
    engine.dispose()
    assert ordered == uk_sorted(NAMES)
    assert ordered.index("Гнатюк") < ordered.index("Ґудзь") < ordered.index("Єрмак") < ordered.index("Зінченко")
    assert ordered.index("Іваненко") < ordered.index("Ільченко") < ordered.index("Їжакевич") < ordered.index("Марченко")
    assert found == ["Мар'яненко"]
    assert collation == "C"  # the server's own collation would reorder the key


def test_two_workstations_see_each_others_committed_changes(pg_url):
    first, second = open_database(pg_url), open_database(pg_url)
    try:
        with first.changing("Перевірка") as session:
            session.execute(text("UPDATE stage SET title = title || ' (перевірка)' WHERE annex_number = 1"))
        with second.reading() as session:
            title = session.execute(text("SELECT title FROM stage WHERE annex_number = 1")).scalar()
        assert title.endswith("(перевірка)")
    finally:
        first.dispose()
        second.dispose()


def test_id_sequences_continue_after_rows_preloaded_by_migrations(pg_url):
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        rows = connection.execute(text(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL")).all()
        assert len(rows) >= 10
        for table, column, sequence in rows:
            largest = connection.execute(text(f'SELECT COALESCE(max("{column}"), 0) FROM "{table}"')).scalar()
            assert connection.execute(text("SELECT nextval(:s)"), {"s": sequence}).scalar() > largest, table
    engine.dispose()
