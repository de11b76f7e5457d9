"""Who the command line acts as.

On a local database file: the operating-system user, no login (whoever can open the file
already holds the data). On a PostgreSQL server the connection is the login, as in the window:
the URL's login, else KR_DESKTOP_USER, else a prompt at a terminal; the password from
KR_DESKTOP_PASSWORD, else a prompt (getpass) at a terminal, else what libpq itself finds
(PGPASSWORD, ~/.pgpass). A URL that holds a password (the owner's, for ``server init``) is used
as it is.
"""

from __future__ import annotations

import getpass
import os
import sys

from kr_desktop.errors import UserError

USER_VAR, PASSWORD_VAR = "KR_DESKTOP_USER", "KR_DESKTOP_PASSWORD"
NEW_PASSWORD_VAR = "KR_DESKTOP_NEW_PASSWORD"
FULL_NAME_VAR = "KR_DESKTOP_FULL_NAME"


def _interactive(stdin) -> bool:
    return bool(stdin and stdin.isatty())


def ask(prompt: str, stdin=None) -> str:
    stdin = sys.stdin if stdin is None else stdin
    print(prompt, end="", file=sys.stderr, flush=True)
    return stdin.readline().strip()


def server_credentials(url: str, environ=None, stdin=None) -> tuple[str | None, str | None]:
    """(login, password) for the connection; (None, None) when the URL already holds both."""
    from kr_desktop.db.server import url_has_password, url_login

    environ = os.environ if environ is None else environ
    stdin = sys.stdin if stdin is None else stdin
    if url_has_password(url):
        return None, None
    login = url_login(url) or environ.get(USER_VAR)
    if not login:
        if not _interactive(stdin):
            raise UserError(f"Для роботи з базою даних на сервері потрібен вхід: задайте змінні середовища "
                            f"{USER_VAR} і {PASSWORD_VAR} або запустіть команду в терміналі.")
        login = ask("Ім’я користувача: ", stdin)
    password = environ.get(PASSWORD_VAR)
    if password is None and _interactive(stdin):
        password = getpass.getpass(f"Пароль користувача «{login}»: ")
    return login, password


def owner_credentials(url: str, stdin=None) -> tuple[str | None, str | None]:
    """The owner's credential for ``server init``: the URL's, or the password asked at a terminal
    (KR_DESKTOP_USER / KR_DESKTOP_PASSWORD there name the first administrator, not the owner)."""
    from kr_desktop.db.server import url_has_password, url_login

    stdin = sys.stdin if stdin is None else stdin
    if url_has_password(url):
        return None, None
    login = url_login(url)
    if not login:
        raise UserError("Укажіть в адресі власника бази: postgresql+psycopg://ВЛАСНИК@сервер/база.")
    if _interactive(stdin):
        return login, getpass.getpass(f"Пароль власника бази «{login}»: ")
    return login, None  # libpq's own: PGPASSWORD, ~/.pgpass


def new_password(login: str, environ=None, stdin=None) -> str:
    """A new password for ``login``: KR_DESKTOP_NEW_PASSWORD, or typed twice at a terminal."""
    environ = os.environ if environ is None else environ
    stdin = sys.stdin if stdin is None else stdin
    if environ.get(NEW_PASSWORD_VAR) is not None:
        return environ[NEW_PASSWORD_VAR]
    if not _interactive(stdin):
        raise UserError(f"Не задано новий пароль: задайте змінну середовища {NEW_PASSWORD_VAR} "
                        "або запустіть команду в терміналі.")
    first = getpass.getpass(f"Новий пароль для «{login}»: ")
    if getpass.getpass("Ще раз: ") != first:
        raise UserError("Паролі не збігаються.")
    return first
