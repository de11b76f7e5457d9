"""Opening a database on a PostgreSQL server: the connection is the person's login.

The server decides what the session may do (its group role); the application only reads that
(``server.identify``) to show and hide what the person can use. Only the owner of the database
changes the schema — a new server is set up and an older one upgraded by ``kr-desktop server
init`` (or ``init``) run with the owner's credential; a workstation that finds the schema older
than its own version says so instead of trying.
"""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from kr_desktop.db import migrate
from kr_desktop.db.engine import Database, make_engine
from kr_desktop.db.server import identify, is_owner, refusal, with_credentials
from kr_desktop.errors import DatabaseFileError, LoginFailed, UserError

NEEDS_UPGRADE = ("Схема бази даних на сервері старіша за цю версію програми. Оновити її може лише власник "
                 "бази: kr-desktop server init --db АДРЕСА (з обліковими даними власника), див. docs/server.md.")
NOT_A_USER = ("Користувач «{login}» не має доступу до kr_desktop на цьому сервері: адміністратор програми "
              "додає користувачів (kr-desktop users add або екран «Користувачі»).")
NOT_INITIALISED = ("Сервер ще не підготовлено для роботи користувачів: власник бази виконує "
                   "kr-desktop server init --db АДРЕСА (див. docs/server.md).")


def open_server(url: str, login: str | None = None, password: str | None = None, upgrade: bool = True) -> Database:
    engine = make_engine(with_credentials(url, login, password))
    try:
        with engine.connect() as connection:
            revision = migrate.current_revision(connection)
            ours = migrate.is_our_database(connection)
            empty = not inspect(connection).get_table_names()
            owner = is_owner(connection)
        if not empty and not ours:
            # Tables but not our marker (with or without Alembic's table): another program's data.
            raise DatabaseFileError("Ця база даних належить іншій програмі, а не kr_desktop. Її не буде змінено.")
        if revision is not None and revision not in migrate.known_revisions():
            raise DatabaseFileError(f"Базу даних створено новішою версією kr_desktop (схема {revision}). "
                                    "Оновіть програму.")
        if upgrade and revision != migrate.head_revision():
            if not owner:
                raise DatabaseFileError(NOT_INITIALISED if empty else NEEDS_UPGRADE)
            upgrade_schema(engine)
        database = Database(engine, url)
        if empty:
            from kr_desktop.db.builtin.loader import load_builtin

            with database.session() as session:
                load_builtin(session, database.actor)
        with engine.connect() as connection:
            who = identify(connection)
        if who.role is None:
            raise LoginFailed(NOT_A_USER.format(login=who.login) if who.initialised else NOT_INITIALISED)
        database.role, database.actor, database.user_login = who.role, who.actor, who.login
        database.server_identity = who
        return database
    except UserError:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise refusal(exc) from None
    except BaseException:
        engine.dispose()
        raise


def upgrade_schema(engine) -> None:
    """Migrate (the owner), then give any new table its grants if the server has been set up."""
    from kr_desktop.db import server_security

    migrate.upgrade(engine)
    _resync_sequences(engine)
    with engine.begin() as connection:
        prefix = server_security.stored_prefix(connection)
        if prefix is not None:
            server_security.secure(connection, prefix)


def _resync_sequences(engine) -> None:
    """Move every id sequence past the largest id present.

    Data migrations insert preloaded rows with explicit ids (``op.bulk_insert``); SQLite then
    continues after the largest id, but a PostgreSQL sequence stays at 1 and the first new row
    would collide with a preloaded one.
    """
    with engine.begin() as connection:
        rows = connection.execute(text(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL")).all()
        for table, column, sequence in rows:
            connection.execute(
                text(f'SELECT setval(:seq, COALESCE((SELECT max("{column}") FROM "{table}"), 0) + 1, false)'),
                {"seq": sequence})
