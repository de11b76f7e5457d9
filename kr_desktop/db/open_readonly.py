"""Opening a database only to read it: reports, and the command line's other read commands.

Nothing is created, migrated or switched: a file keeps its journal mode (a backup copy in
rollback-journal mode stays so), a read-only file or folder can be read, no ``-wal``/``-shm`` is
left beside a file nobody has open (kr_desktop.db.sqlite_uri.reading_uri), and an older schema is
refused with «спершу оновіть базу: kr-desktop init» instead of being upgraded by a report. Every
connection is read-only (SQLite ``query_only``, PostgreSQL ``default_transaction_read_only``),
so a read command that tried to write would fail instead of changing data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from kr_desktop.db import migrate
from kr_desktop.db.engine import BUSY_TIMEOUT_MS, CONNECT_TIMEOUT_S, Database
from kr_desktop.db.failures import database_error_text
from kr_desktop.db.file_check import check_file
from kr_desktop.db.sqlite_uri import reading_uri
from kr_desktop.errors import DatabaseFileError, LoginFailed


def older_schema(location: str, revision: str | None) -> DatabaseFileError:
    return DatabaseFileError(f"База даних «{location}» має старішу схему ({revision or 'без версії'}): спершу "
                             f"оновіть базу: kr-desktop init --db …  (звіти й копії її лише читають і не оновлюють).")


def _checked(database: Database, shown: str) -> Database:
    """``database`` when its schema is ours and current; else a Ukrainian refusal."""
    try:
        with database.engine.connect() as connection:
            ours = migrate.is_our_database(connection)
            empty = not inspect(connection).get_table_names()
            revision = migrate.current_revision(connection)
    except DBAPIError as exc:
        database.dispose()
        raise DatabaseFileError(f"Не вдалося прочитати базу даних «{shown}»: {database_error_text(exc)}") from None
    if not ours:
        database.dispose()
        if empty:
            raise DatabaseFileError(f"База даних «{shown}» порожня: спершу створіть її: kr-desktop init --db …")
        raise DatabaseFileError(f"База даних «{shown}» належить іншій програмі, а не kr_desktop.")
    if revision is not None and revision not in migrate.known_revisions():
        database.dispose()
        raise DatabaseFileError(f"Базу даних «{shown}» створено новішою версією kr_desktop (схема {revision}). "
                                "Оновіть програму.")
    if revision != migrate.head_revision():
        database.dispose()
        raise older_schema(shown, revision)
    return database


def open_file_readonly(path: Path) -> Database:
    """A kr_desktop SQLite file, opened read-only (refused with a reason when not usable)."""
    path = Path(path)
    if not path.exists():
        raise DatabaseFileError(f"Файл бази даних «{path}» не знайдено.")
    check_file(path)  # a folder, a FIFO, a damaged or foreign file, a newer version: refused unread
    uri = reading_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _read_only_sqlite)
    return _checked(Database(engine, str(path)), str(path))


def _read_only_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def open_server_readonly(url: str, login: str | None = None, password: str | None = None) -> Database:
    """A kr_desktop database on a PostgreSQL server, every transaction read-only. The connection is
    the person's login (kr_desktop.db.server): the server says who it is and what it may do."""
    from kr_desktop.db.open_server import NEEDS_UPGRADE, NOT_A_USER, NOT_INITIALISED
    from kr_desktop.db.server import identify, refusal, with_credentials

    engine = create_engine(with_credentials(url, login, password), pool_pre_ping=True,
                           connect_args={"options": "-c default_transaction_read_only=on",
                                         "connect_timeout": CONNECT_TIMEOUT_S})
    database = Database(engine, url)
    try:
        with engine.connect() as connection:
            revision = migrate.current_revision(connection)
            initialised = migrate.is_our_database(connection)
        if initialised and revision in migrate.known_revisions() and revision != migrate.head_revision():
            raise DatabaseFileError(NEEDS_UPGRADE)
        _checked(database, database.display_location)
        with engine.connect() as connection:
            who = identify(connection)
    except DatabaseFileError:
        database.dispose()
        raise
    except DBAPIError as exc:
        database.dispose()
        raise refusal(exc) from None
    if who.role is None:
        database.dispose()
        raise LoginFailed(NOT_A_USER.format(login=who.login) if who.initialised else NOT_INITIALISED)
    database.role, database.actor, database.user_login = who.role, who.actor, who.login
    database.server_identity = who
    return database
