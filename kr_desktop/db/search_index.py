"""The name search index of migration 0007, as far as code outside the migration must know it.

SQLite keeps person names in ``person_search`` (FTS5, trigram tokenizer; rowid = person.id) and
the holder's name of every award in ``award_search`` (rowid = award.id),
PostgreSQL has the GIN index ``ix_person_name_key_trgm`` (pg_trgm) when the server allowed the
extension. Neither is an ORM model — FTS5 virtual tables (and their shadow tables
person_search_data, _idx, _content, _docsize, _config) cannot be declared as SQLAlchemy tables, and
the GIN index exists only where pg_trgm could be installed — so the schema comparison with the
models (Alembic autogenerate, tests/test_database_files.py) leaves them out by name.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

FTS_TABLE = "person_search"
AWARD_FTS_TABLE = "award_search"
TRIGRAM_INDEX = "ix_person_name_key_trgm"
MIN_INDEXED = 3  # the trigram index finds fragments of 3 characters or more; shorter: LIKE


def not_a_model(name: str | None, type_: str) -> bool:
    if type_ == "table":
        return any(name == table or (name or "").startswith(table + "_") for table in (FTS_TABLE, AWARD_FTS_TABLE))
    return type_ == "index" and name == TRIGRAM_INDEX


def include_name(name, type_, parent_names) -> bool:
    """Alembic's ``include_name`` hook: everything but the search index's own objects."""
    return not not_a_model(name, type_)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's ``include_object`` hook (the same rule, for objects already reflected)."""
    return not not_a_model(name, type_)


# -- bulk inserts (SQLite) ----------------------------------------------------------------------
# A row inserted through the index's trigger costs FTS5 a flush of its pending terms (each trigger
# runs as its own statement): 10,000 persons took 0.22 s, one INSERT … SELECT of the same rows
# 0.03 s. A bulk insert therefore drops the table's insert trigger inside its transaction, fills
# the index in one statement, and creates the trigger again with its own SQL — SQLite's schema
# changes are transactional, so a failure or a rollback leaves the trigger as it was.
_BULK_FILL = {
    "person": ("person_search_insert",
               f"INSERT INTO {FTS_TABLE}(rowid, name_key) SELECT id, name_key FROM person WHERE id BETWEEN ? AND ?"),
    "award": ("award_search_insert",
              f"INSERT INTO {AWARD_FTS_TABLE}(rowid, name_key) SELECT award.id, person.name_key FROM award "
              "JOIN person ON person.id = award.person_id WHERE award.id BETWEEN ? AND ?"),
}


@contextmanager
def indexed_in_bulk(connection, table: str, first_id: int, last_id: int) -> Iterator[None]:
    """Around a bulk insert of ids ``first_id``…``last_id`` into ``table`` (one transaction, the
    caller's): the index gets the rows in one statement instead of one trigger call per row.
    The same entries as the trigger's (tests/test_search_index.py compares)."""
    spec = _BULK_FILL.get(table) if connection.dialect.name == "sqlite" else None
    trigger_sql = _trigger_sql(connection, spec[0]) if spec is not None else None
    if trigger_sql is None:  # another database, or a schema without the index: nothing to pause
        yield
        return
    connection.exec_driver_sql(f'DROP TRIGGER "{spec[0]}"')
    try:
        yield
        connection.exec_driver_sql(spec[1], (first_id, last_id))
    finally:
        # Unless SQLite itself rolled the transaction back (and with it the DROP): then the
        # trigger is there again, and creating it would hide the error that rolled it back.
        if _trigger_sql(connection, spec[0]) is None:
            connection.exec_driver_sql(trigger_sql)


def _trigger_sql(connection, name: str) -> str | None:
    return connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                      (name,)).scalar()
