"""Database errors in the user's words: what SQLite or PostgreSQL said, as a Ukrainian message and
an exit code, never a traceback with SQL and parameters.

``database_failure(exc)`` turns an exception of the database driver (sqlite3, psycopg) or of
SQLAlchemy wrapping one into a ``UserError``, or returns None for anything else. The command line
ends every command with it (kr_desktop.cli); the backup code words its messages with
``database_error_text``.
"""

from __future__ import annotations

import sqlite3

from kr_desktop.errors import UserError

BUSY = "Базу даних зайнято іншим процесом — спробуйте ще раз."


class DatabaseBusyError(UserError):
    """Another process held the database longer than the busy timeout: trying again may work."""

    exit_code = 75  # EX_TEMPFAIL: a script may retry

    def __init__(self, message: str = BUSY):
        super().__init__(message)


# What the drivers say (lower case) → the user's words. The first match wins.
_TEXTS = (
    (("database is locked", "database table is locked", "database is busy", "lock timeout",
      "could not obtain lock", "deadlock detected", "canceling statement due to lock timeout"), BUSY),
    (("database or disk is full", "disk full", "no space left", "could not extend file"),
     "На диску немає місця: зміни не записано. Звільніть місце і спробуйте ще раз."),
    (("attempt to write a readonly database", "readonly database", "read-only transaction",
      "read only transaction"),
     "Базу даних відкрито лише для читання (файл або тека без дозволу на запис): зміни не записано."),
    (("unable to open database file",), "Не вдалося відкрити файл бази даних (немає доступу до файлу або теки)."),
    (("disk i/o error",), "Помилка читання або запису диска: зміни не записано."),
    (("file is not a database", "database disk image is malformed"),
     "Файл бази даних пошкоджено: відновіть його з резервної копії."),
    (("unique constraint", "duplicate key value", "violates foreign key", "foreign key constraint"),
     "Дані щойно змінив інший користувач або процес: зміни не записано. Спробуйте ще раз."),
    (("password authentication failed", "connection refused", "could not connect", "could not translate host",
      "connection to server", "server closed the connection", "no pg_hba.conf entry"),
     "Не вдалося з’єднатися із сервером бази даних: перевірте адресу, пароль і мережу."),
    (("nul (0x00)", "null character", "invalid byte sequence"),
     "Текст містить недопустимий символ (NUL або службовий): зміни не записано."),
)


def _driver_message(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).lower()


def _is_database_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    module = type(exc).__module__ or ""
    return module.startswith(("sqlalchemy", "psycopg"))


def database_error_text(exc: BaseException) -> str:
    """The user's words for a database error (the driver's own words, cut short, as a last resort)."""
    said = _driver_message(exc)
    for needles, text in _TEXTS:
        if any(needle in said for needle in needles):
            return text
    first_line = said.strip().splitlines()[0] if said.strip() else type(exc).__name__
    return f"Помилка бази даних ({first_line[:120]})."


def database_failure(exc: BaseException) -> UserError | None:
    """A UserError for an exception raised by the database layer, else None."""
    if not _is_database_error(exc):
        return None
    text = database_error_text(exc)
    return DatabaseBusyError(text) if text == BUSY else UserError(text)
