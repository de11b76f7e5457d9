"""Who the command line acts as.

On a local database file: the operating-system user, no login (whoever can open the file
already holds the data). On a PostgreSQL server (several workstations) the command line
logs in like the window: KR_DESKTOP_USER / KR_DESKTOP_PASSWORD from the environment, or a
prompt (getpass) when it runs at a terminal; otherwise it refuses.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from kr_desktop.db.engine import Database
from kr_desktop.db.models.users import User
from kr_desktop.errors import UserError

if TYPE_CHECKING:
    from kr_desktop.services.users import UserInfo

USER_VAR, PASSWORD_VAR = "KR_DESKTOP_USER", "KR_DESKTOP_PASSWORD"


def needs_login(db: Database) -> bool:
    return not db.is_sqlite


def authenticate_cli(db: Database, environ=None, stdin=None) -> UserInfo | None:
    """Sign the database in as the command line's user and return them (None: no login needed);
    UserError (Ukrainian) when impossible. Reads the server as it is: a database not yet created
    or upgraded (no users' table) has nobody to log in as."""
    from sqlalchemy import inspect

    from kr_desktop.services import users

    if not needs_login(db):
        return None
    environ = os.environ if environ is None else environ
    stdin = sys.stdin if stdin is None else stdin
    if not inspect(db.engine).has_table(User.__tablename__) or not users.has_users(db):
        # A new server (``kr-desktop init`` before anyone has logged in): there are no roles yet,
        # and the window's first start will ask for the administrator. The URL's own database
        # password is what guards the server until then.
        print("Увага: на сервері ще немає користувачів програми; команда виконується від імені "
              "користувача ОС. Створіть адміністратора, відкривши вікно програми.", file=sys.stderr)
        return None
    login, password = environ.get(USER_VAR), environ.get(PASSWORD_VAR)
    interactive = bool(stdin and stdin.isatty())
    if not login:
        if not interactive:
            raise UserError(f"Для роботи з базою даних на сервері потрібен вхід: задайте змінні середовища "
                            f"{USER_VAR} і {PASSWORD_VAR} або запустіть команду в терміналі.")
        print("Ім’я користувача: ", end="", file=sys.stderr, flush=True)
        login = stdin.readline().strip()
    if password is None:
        if not interactive:
            raise UserError(f"Не задано пароль: задайте змінну середовища {PASSWORD_VAR} "
                            "або запустіть команду в терміналі.")
        password = getpass.getpass("Пароль: ")
    return users.login(db, login, password)
