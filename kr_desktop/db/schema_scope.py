"""Which objects the schema comparison with the models (Alembic autogenerate,
tests/test_database_files.py) looks at, per backend.

Left out everywhere: the name search index (kr_desktop.db.search_index). On PostgreSQL the users
are the server's login roles (migration 0011): the model ``app_user`` (a SQLite file's own users)
has no table there, and ``legacy_user`` (users carried over from an older version, waiting for a
password) is no model.
"""

from __future__ import annotations

from typing import Callable

from kr_desktop.db.search_index import not_a_model

MODELS_ONLY_ON = {"app_user": "sqlite"}  # a model whose table exists on one backend only
NOT_MODELS = {"legacy_user"}  # tables no model describes


def hooks(dialect: str) -> tuple[Callable, Callable]:
    """Alembic's ``include_name`` and ``include_object`` for a connection of ``dialect``."""

    def outside(name, type_) -> bool:
        if type_ == "table" and (name in NOT_MODELS or MODELS_ONLY_ON.get(name, dialect) != dialect):
            return True
        return not_a_model(name, type_)

    def include_name(name, type_, parent_names) -> bool:
        return not outside(name, type_)

    def include_object(obj, name, type_, reflected, compare_to) -> bool:
        table = getattr(getattr(obj, "table", None), "name", None)
        if type_ != "table" and (table in NOT_MODELS or table in MODELS_ONLY_ON):
            return not outside(table, "table")
        return not outside(name, type_)

    return include_name, include_object
