"""Schema migrations (Alembic), run from the application, and the database's own identity."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text



MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
APP_MARKER_KEY = "application"
APP_MARKER_VALUE = "kr_desktop"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return script_directory().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_our_database(connection: Connection) -> bool:
    """True when the file carries kr_desktop's marker (written by the first migration)."""
    if "app_meta" not in inspect(connection).get_table_names():
        return False
    value = connection.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": APP_MARKER_KEY}).scalar()
    return value == APP_MARKER_VALUE


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
