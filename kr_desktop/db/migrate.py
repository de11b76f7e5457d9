"""Schema migrations (Alembic), run from the application, and the database's own identity."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

# Alembic is imported only to migrate: opening an up-to-date database reads the revision ids
# from the migration files and the database's alembic_version table directly (importing alembic
# costs about as much as starting a bare Qt window; tests/test_perf_lazy_imports.py checks
# that both ways give the same answers).


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
APP_MARKER_KEY = "application"
APP_MARKER_VALUE = "kr_desktop"


def raw_identity(raw, tables: set[str]) -> tuple[str | None, str | None]:
    """The kr_desktop marker and the schema revision read through a plain ``sqlite3`` connection
    (a backup copy checked or listed without SQLAlchemy); None for what the file does not hold."""
    marker = revision = None
    if "app_meta" in tables:
        row = raw.execute("SELECT value FROM app_meta WHERE key = ?", (APP_MARKER_KEY,)).fetchone()
        marker = row[0] if row else None
    if "alembic_version" in tables:
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return marker, revision


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@lru_cache(maxsize=1)
def _revision_graph() -> dict[str, str | None]:
    """revision id → down_revision id, read from the migration files (as Alembic reads them)."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision:
            graph[revision[1]] = down[1] if down else None
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:  # a branched history: let Alembic say what is wrong
        return script_directory().get_current_head()
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # several heads: Alembic's own error
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0] if rows else None


def is_our_database(connection: Connection) -> bool:
    """True when the file carries kr_desktop's marker (written by the first migration)."""
    if "app_meta" not in inspect(connection).get_table_names():
        return False
    value = connection.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": APP_MARKER_KEY}).scalar()
    return value == APP_MARKER_VALUE


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
