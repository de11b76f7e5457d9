"""Engines and sessions for SQLite (one workstation) and PostgreSQL (several)."""

from __future__ import annotations

import getpass
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def is_url(target: str) -> bool:
    return "://" in target


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


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
    (the command line), the logged-in user in the window or on a shared server.
    """

    def __init__(self, engine: Engine, location: str, actor: str | None = None, role: str = "admin"):
        import kr_desktop.db.journal  # noqa: F401 - registers the journal's session hooks
        import kr_desktop.db.text_guard  # noqa: F401 - and the hook that refuses unstorable text

        self.engine = engine
        self.location = location
        self.actor = actor or os_user()
        self.role = role  # see kr_desktop.services.access
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @property
    def display_location(self) -> str:
        """The location to show a person (window, messages): a server URL without its password."""
        if self.is_sqlite:
            return self.location
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def changing(self, label: str) -> Iterator[Session]:
        """A write session for one user action: one transaction, journaled under ``label``."""
        with self.session() as session:
            session.info["journal"] = {"actor": self.actor, "label": label}
            yield session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one unit of work: committed on success, rolled back on any error."""
        with self._factory() as session:
            session.info["journal"] = {"actor": self.actor, "label": ""}
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read session: never commits; closing it releases the connection but leaves loaded
        objects readable (detached), so plain data can be built after the block."""
        with self._factory() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
