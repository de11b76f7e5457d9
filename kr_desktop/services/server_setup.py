"""Setting up (and upgrading) a PostgreSQL server for kr_desktop, run by the owner of the database.

``prepare`` does what ``kr-desktop server init`` promises: the schema (created with the Program
№1176, or upgraded), the group roles, their grants and the user functions; then reports the
users an upgrade carried over from the older version's own table. ``add_first_admin`` makes the
first administrator. Running it again is safe: everything converges to the same state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import text

from kr_desktop.db.engine import Database, make_engine
from kr_desktop.db.server import DEFAULT_PREFIX, is_owner, refusal, with_credentials
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import server_users

PREFIX_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


@dataclass
class SetupReport:
    database: Database
    prefix: str
    admins: list[str] = field(default_factory=list)  # active administrators after set-up
    waiting: list[server_users.LegacyUser] = field(default_factory=list)  # carried over, no password yet
    not_converted: list[server_users.LegacyUser] = field(default_factory=list)


def check_prefix(prefix: str) -> str:
    if not PREFIX_PATTERN.match(prefix or ""):
        raise ValidationError("Префікс груп: латинські малі літери, цифри і «_», починається з літери "
                              "(наприклад, kr).", field="roles_prefix")
    return prefix


def prepare(url: str, login: str | None, password: str | None, prefix: str | None = None) -> SetupReport:
    """Schema, groups, grants and functions; the database is returned open as the owner."""
    from sqlalchemy.exc import DBAPIError

    from kr_desktop.db import server_security
    from kr_desktop.db.open_server import open_server

    _preflight(url, login, password, prefix)
    database = open_server(url, login, password, upgrade=True)
    try:
        with database.engine.begin() as connection:
            stored = server_security.stored_prefix(connection)
            chosen = stored or prefix or DEFAULT_PREFIX
            server_security.secure(connection, chosen)
        database.server_identity = _reidentify(database)
        report = SetupReport(database, chosen)
        legacy = server_users.legacy_users(database)
        report.waiting = [user for user in legacy if user.converted]
        report.not_converted = [user for user in legacy if not user.converted]
        if report.not_converted:
            server_users.forget_unconverted(database)
        report.admins = [u.login for u in server_users.list_users(database) if u.role == "admin" and u.active]
        return report
    except DBAPIError as exc:
        database.dispose()
        raise refusal(exc) from None
    except BaseException:
        database.dispose()
        raise


def _preflight(url: str, login: str | None, password: str | None, prefix: str | None) -> None:
    """Refuse before changing anything: not the owner, no CREATEROLE, or another prefix than the
    one the server was set up with. A prefix given for a database set up before its upgrade is
    kept in app_meta first, so the migration carries users into those groups."""
    from sqlalchemy.exc import DBAPIError

    from kr_desktop.db import server_security

    engine = make_engine(with_credentials(url, login, password))
    try:
        with engine.begin() as connection:
            who = connection.execute(text("SELECT session_user")).scalar()
            if not is_owner(connection):
                raise UserError(f"«{who}» не є власником цієї бази даних: kr-desktop server init виконується з "
                                "обліковими даними власника (див. docs/server.md).")
            if not server_security.can_create_roles(connection):
                raise UserError(f"Власник бази «{who}» не має права створювати ролі. Виконайте на сервері від імені "
                                f"postgres: ALTER ROLE \"{who}\" CREATEROLE;")
            has_meta = connection.execute(text("SELECT to_regclass('app_meta') IS NOT NULL")).scalar()
            stored = server_security.stored_prefix(connection) if has_meta else None
            if prefix and stored and prefix != stored:
                raise UserError(f"Сервер уже підготовлено з групами «{stored}_…»; інший префікс змінив би права "
                                "всіх користувачів. Запустіть без --roles-prefix.")
            if prefix and has_meta and not stored:
                connection.execute(text("INSERT INTO app_meta (key, value) VALUES ('server_roles', :p)"), {"p": prefix})
    except DBAPIError as exc:
        raise refusal(exc) from None
    finally:
        engine.dispose()


def _reidentify(database: Database):
    from kr_desktop.db.server import identify

    with database.engine.connect() as connection:
        return identify(connection)


def add_first_admin(report: SetupReport, login: str, full_name: str, password: str) -> str:
    """The first administrator (or a carried-over user made administrator with this password)."""
    from kr_desktop.services import users

    users.create_first_admin(report.database, login, full_name, password)
    report.admins = sorted(set(report.admins) | {login})
    return login
