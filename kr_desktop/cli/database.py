"""Which database a command works on, and opening it for what the command does.

The database is ``--db`` (before or after the subcommand), else ``KR_DESKTOP_DB_URL``, else the
user's own database — for every command, as for the window. A local file needs no login (the
OS user is journaled); on a PostgreSQL server the connection is the login (cli/auth), so nothing
is done on the server before it. Commands that only read (reports) open the database read-only:
nothing is created, migrated or switched to another journal mode.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kr_desktop.errors import UserError
from kr_desktop.text.control_chars import has_forbidden

if TYPE_CHECKING:  # the window's start must not import SQLAlchemy (see services/start_snapshot.py)
    from kr_desktop.db.engine import Database

ENV_URL = "KR_DESKTOP_DB_URL"
SERVER_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def without_password(target: str) -> str:
    return _PASSWORD.sub(r"\1***@", target)


def database_target(args: argparse.Namespace) -> str:
    """``--db``, else ``KR_DESKTOP_DB_URL``, else the user's own database file; an address of a
    server with the driver this program has (``postgresql+psycopg://``), or a file path."""
    from kr_desktop.paths import default_db_path

    target = getattr(args, "db", None) or os.environ.get(ENV_URL) or str(default_db_path())
    shown = without_password(target if len(target) <= 80 else target[:80] + "…")
    if has_forbidden(target):
        raise UserError(f"Шлях або адреса бази даних «{shown}» містить службові (керівні) символи.")
    if "://" not in target:
        return target
    scheme = target.split("://", 1)[0].lower()
    if scheme == "sqlite":
        return target
    if scheme in SERVER_SCHEMES:
        return "postgresql+psycopg" + target[len(scheme):]  # psycopg 3 is the driver we ship
    raise UserError(f"Непідтримувана адреса бази даних «{shown}»: підтримуються файл SQLite (шлях до файлу) "
                    "і сервер PostgreSQL (postgresql+psycopg://користувач:пароль@сервер/база).")


def is_server(target: str) -> bool:
    return "://" in target and not target.startswith("sqlite")


def file_of(target: str) -> Path:
    """The path of a file target, checked (``~user`` of an unknown user, a NUL, a too long name)."""
    from kr_desktop.db.open import usable_path

    return usable_path(target[len("sqlite:///"):] if target.startswith("sqlite:///") else target)


def open_db_from_args(args: argparse.Namespace, create: bool = True) -> Database:
    """The database for a command that changes it (init, import, demo, events generate): created
    from the built-in Program when ``create``, upgraded to the current schema — on a server only
    after the login."""
    from kr_desktop.db.open import open_database

    target = database_target(args)
    if is_server(target):
        return _open_server(target, write=True)
    path = file_of(target)
    if create and not getattr(args, "db", None) and not os.environ.get(ENV_URL):
        path.parent.mkdir(parents=True, exist_ok=True)  # the user's own data folder, on first use
    return open_database(path, create=create)


def open_for_reading(args: argparse.Namespace) -> Database:
    """The database for a command that only reads it (reports): read-only, never created,
    migrated or switched to another journal mode."""
    from kr_desktop.db.open_readonly import open_file_readonly

    target = database_target(args)
    if is_server(target):
        return _open_server(target, write=False)
    return open_file_readonly(file_of(target))


def _open_server(url: str, write: bool) -> Database:
    """On a server the connection is the login (the person's own server role): nothing is done on
    the server before it. A command that changes data opens it as usual (only the owner upgrades
    the schema); a read command read-only, never upgrading."""
    from kr_desktop.cli.auth import server_credentials
    from kr_desktop.db.open import open_database
    from kr_desktop.db.open_readonly import open_server_readonly

    login, password = server_credentials(url)
    if write:
        return open_database(url, create=True, login=login, password=password)
    return open_server_readonly(url, login, password)
