"""Opening a database safely: create from the built-in Program, upgrade, or refuse with a reason.

A file that is not ours (not SQLite, another program's SQLite, empty, damaged) or that a newer
version made is refused with a Ukrainian message and never written to.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from kr_desktop.db import migrate
from kr_desktop.db.engine import Database, is_url, make_engine, sqlite_url
from kr_desktop.db.failures import database_error_text
from kr_desktop.db.file_check import DamagedDatabaseError, check_file  # noqa: F401 - callers import both from here
from kr_desktop.errors import DatabaseFileError
from kr_desktop.temp_files import claimed_temp


def open_database(target: str | os.PathLike, create: bool = True, upgrade: bool = True,
                  login: str | None = None, password: str | None = None) -> Database:
    """Open (and if needed create or upgrade) the database at a path or URL.

    On a PostgreSQL server the connection is the login: ``login`` and ``password`` (or those the
    URL holds) are the person's own server role (kr_desktop.db.open_server)."""
    target = str(target)
    if is_url(target) and not target.startswith("sqlite"):
        from kr_desktop.db.open_server import open_server

        return open_server(target, login, password, upgrade)
    path = usable_path(target[len("sqlite:///"):] if target.startswith("sqlite:///") else target)
    if not path.exists():
        if not create:
            raise DatabaseFileError(f"Файл бази даних «{path}» не знайдено.")
        create_from_builtin(path)
    return _open_file(path, upgrade)


def usable_path(value: str | os.PathLike) -> Path:
    """``value`` as a path the system accepts (length, characters), else a Ukrainian refusal."""
    shown = str(value) if len(str(value)) <= 80 else str(value)[:80] + "…"
    try:
        path = Path(value).expanduser()
        path.exists()
    except RuntimeError:  # "~name" of a user this system does not know
        raise DatabaseFileError(f"Шлях «{shown}» неприпустимий: користувача «{shown.split('/')[0]}» у системі "
                                "немає.") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "неприпустимі символи"
        raise DatabaseFileError(f"Шлях «{shown}» неприпустимий ({reason}).") from None
    return path


def create_from_builtin(path: Path) -> None:
    """Create a new database with the built-in Program: built aside, then moved into place."""
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseFileError(f"Теки «{folder}» не існує: файл бази даних «{path.name}» у ній не створити.")
    if not os.access(folder, os.W_OK):
        raise DatabaseFileError(f"Немає дозволу на запис у теку «{folder}».")
    with claimed_temp(folder, ".kr_desktop-new-", ".sqlite3") as temp:  # SQLite takes the empty file as new
        engine = make_engine(sqlite_url(temp))
        migrate.upgrade(engine)
        database = Database(engine, str(temp))
        from kr_desktop.db.builtin.loader import load_builtin  # only when creating

        with database.session() as session:
            load_builtin(session, database.actor)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        os.replace(temp, path)


def _open_file(path: Path, upgrade: bool) -> Database:
    from kr_desktop.db.backup import BackupError, clean_stale_temp_files, create_backup

    check_file(path)
    clean_stale_temp_files(path.parent)  # what an interrupted backup/restore/creation left
    engine = make_engine(sqlite_url(path))
    try:
        with engine.connect() as connection:
            revision = migrate.current_revision(connection)
        if upgrade and revision != migrate.head_revision():
            if revision is not None:
                # Keep the data as it was before the schema changes; no backup, no migration.
                try:
                    create_backup(path, reason="before-migration")
                except BackupError as exc:
                    engine.dispose()
                    raise DatabaseFileError(f"Базу даних не оновлено, бо не вдалося створити резервну "
                                            f"копію: {exc.message}") from None
            migrate.upgrade(engine)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise DatabaseFileError(f"Не вдалося відкрити базу даних «{path}»: {database_error_text(exc)}") from None
    return Database(engine, str(path))
