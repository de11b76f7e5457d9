"""Engines and sessions for SQLite (one workstation) and PostgreSQL (several)."""

from __future__ import annotations

import getpass
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from kr_desktop.errors import AccessDenied

BUSY_TIMEOUT_MS = 10_000
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE when a role lacks a grant
SERVER_REFUSED = "Недостатньо прав: сервер бази даних не дозволяє вашій ролі цю дію."


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def is_url(target: str) -> bool:
    return "://" in target


def make_engine(url) -> Engine:
    """An engine for a URL (text, or SQLAlchemy's URL carrying a person's server credentials)."""
    if str(url).startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No ping before every use (a round trip each time a session starts): a connection idle for
    # a while is checked once before its next use instead (a restarted server, a dropped VPN).
    # psycopg prepares a statement on its 5th use, at the cost of an extra round trip then; the
    # server plans our short queries in well under a round trip's time, so never.
    options = {"prepare_threshold": None}
    if "connect_timeout" not in make_url(url).query:  # an unreachable server: a message, not a wait without end
        options["connect_timeout"] = CONNECT_TIMEOUT_S
    engine = create_engine(url, connect_args=options)
    event.listen(engine, "checkout", _ping_if_idle)
    event.listen(engine, "checkin", _mark_used)
    return engine


IDLE_BEFORE_PING_S = 60.0
CONNECT_TIMEOUT_S = 15


def _mark_used(_dbapi_connection, record) -> None:
    if record is not None:
        record.info["used_at"] = time.monotonic()


def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
    used = record.info.get("used_at")
    if used is not None and time.monotonic() - used > IDLE_BEFORE_PING_S:
        try:
            dbapi_connection.execute("SELECT 1")
            if not dbapi_connection.autocommit:
                dbapi_connection.rollback()
        except Exception as exc:  # the pool replaces the connection and tries again
            raise DisconnectionError() from exc


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets a second window read while one writes; FULL sync survives a power loss;
    # foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account): still journal something honest
        return "невідомий користувач ОС"


class Database:
    """An open database: the engine and a factory of short sessions.

    ``actor`` is who the journal names for changes: the operating-system user on a local file
    (the command line), the logged-in user in the window; on a server the server's own trigger
    writes the connected role, whatever ``actor`` says (migration 0011).
    """

    def __init__(self, engine: Engine, location: str, actor: str | None = None, role: str = "admin"):
        import kr_desktop.db.journal  # noqa: F401 - registers the journal's session hooks
        import kr_desktop.db.text_guard  # noqa: F401 - and the hook that refuses unstorable text

        self.engine = engine
        self.location = location
        self.actor = actor or os_user()
        self.role = role  # see kr_desktop.services.access; on a server what the server says (open_server)
        self.user_login: str | None = None
        from kr_desktop.db.change_feed import OwnChangesets

        self.own_changesets = OwnChangesets()  # what this Database wrote (its window's live refresh skips them)
        self._factory = sessionmaker(engine, expire_on_commit=False)
        # Reads on a server need no transaction (READ COMMITTED gives each statement its own
        # snapshot either way): without one, a read costs no BEGIN and no ROLLBACK round trip.
        readers = engine if engine.dialect.name == "sqlite" else engine.execution_options(isolation_level="AUTOCOMMIT")
        self._readers = sessionmaker(readers, expire_on_commit=False)

    @property
    def display_location(self) -> str:
        """The location to show a person (window, messages): a server URL without its password."""
        if self.is_sqlite:
            return self.location
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def short_location(self) -> str:
        """The database as a title names it: a file's name, or «база NAME на HOST» on a server."""
        if self.is_sqlite:
            return Path(self.location).name or self.location
        url = self.engine.url
        host = url.host or "localhost"
        return f"база {url.database} на {host}" if url.database else f"сервер {host}"

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def changing(self, label: str) -> Iterator[Session]:
        """A write session for one user action: one transaction, journaled under ``label``."""
        with self.session() as session:
            session.info["journal"] = {"actor": self.actor, "label": label, "own": self.own_changesets}
            yield session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one unit of work: committed on success, rolled back on any error."""
        with self._factory() as session:
            session.info["journal"] = {"actor": self.actor, "label": "", "own": self.own_changesets}
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                _refused(exc)
                raise
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read session: never commits; closing it releases the connection but leaves loaded
        objects readable (detached), so plain data can be built after the block."""
        with self._readers() as session:
            try:
                yield session
            except DBAPIError as exc:
                _refused(exc)
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def _refused(exc: DBAPIError) -> None:
    """A grant the server refused (the role lacks the right): the user's message, not a traceback."""
    if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        raise AccessDenied(SERVER_REFUSED) from exc
