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
