"""Creating, upgrading and refusing database files."""

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kr_desktop.db import migrate
from kr_desktop.db.models import Base
from kr_desktop.db.open import open_database
from kr_desktop.db.schema_scope import hooks
from kr_desktop.errors import DatabaseFileError


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_create_exactly_the_models_schema(db):
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        # the name search index (migration 0007: FTS5 tables on SQLite, a pg_trgm index on PostgreSQL)
        # is no ORM model, so the comparison leaves it out (kr_desktop.db.search_index)
        # app_user is a SQLite file's own (on a server the users are its login roles): schema_scope
        include_name, include_object = hooks(connection.dialect.name)
        context = MigrationContext.configure(connection, opts={"include_name": include_name,
                                                                "include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_new_file_is_created_from_the_builtin_program(tmp_path):
    path = tmp_path / "new.sqlite3"
    database = open_database(path)
    database.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM measure").fetchone()[0] >= 70
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kr_desktop-new")] == []


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseFileError, match="не існує"):
        open_database(tmp_path / "no" / "such" / "kr.sqlite3")


@pytest.mark.parametrize("content, message", [
    (b"", "порожній"),
    (b"Hello, this is a text file\n" * 10, "не є базою даних SQLite"),
    (b"SQLite format 3\x00" + b"\x00" * 50, "пошкоджено"),
])
def test_bad_files_are_refused_and_left_untouched(tmp_path, content, message):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(DatabaseFileError, match=message):
        open_database(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite3"]


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = _digest(path)
    with pytest.raises(DatabaseFileError, match="іншої програми"):
        open_database(path)
    assert _digest(path) == before


def test_database_from_a_newer_version_is_refused(db_path):
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.close()
    with pytest.raises(DatabaseFileError, match="новішою версією"):
        open_database(db_path)


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(DatabaseFileError, match="тека"):
        open_database(tmp_path)


def test_money_is_exact(db):
    from decimal import Decimal

    from sqlalchemy import select

    from kr_desktop.db.models import PlannedFunding

    with db.session() as s:
        row = s.scalars(select(PlannedFunding).limit(1)).one()
        row.amount = Decimal("0.1") + Decimal("0.2")
    with db.reading() as s:
        assert s.get(PlannedFunding, row.id).amount == Decimal("0.30")


def test_stock_items_named_with_latin_numerals_after_the_upgrade(db_path):
    """Migration 0010: the preloaded badges' degrees in Latin letters, and back on downgrade."""
    from alembic import command

    from kr_desktop.db.engine import make_engine, sqlite_url

    def names():
        with sqlite3.connect(db_path) as raw:
            return [r[0].split("» ")[1] for r in raw.execute(
                "SELECT name FROM stock_item WHERE name LIKE '%ступеня%' ORDER BY id")]

    assert names() == ["I ступеня", "II ступеня", "III ступеня"]
    engine = make_engine(sqlite_url(db_path))
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0011")  # the step before 0010
    assert names() == ["\u0406 ступеня", "\u0406\u0406 ступеня", "\u0406\u0406\u0406 ступеня"]
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    engine.dispose()
    assert names() == ["I ступеня", "II ступеня", "III ступеня"]
