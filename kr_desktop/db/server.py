"""A PostgreSQL server as kr_desktop uses it: the connection itself is the login.

Each person is a login role of the server with their own password (scram-sha-256) and a member
of one group role (viewer, editor, administrator — see ``server_security``). The workstation's
URL names the server and the database, never a password: the person's login and password are
put into the URL only for the connection (``with_credentials``), and the server says who it is
and what it may do (``identify``) — the application does not decide that itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL, make_url

from kr_desktop.error_texts import explain
from kr_desktop.errors import LoginFailed, UserError

# app_meta key holding the prefix of the group roles (``kr`` → kr_viewer, kr_editor, kr_admin).
ROLES_PREFIX_KEY = "server_roles"
DEFAULT_PREFIX = "kr"
# The application's roles (services/access) and the group role suffix that grants each on a server.
GROUP_SUFFIX = {"viewer": "viewer", "operator": "editor", "admin": "admin"}
WRONG_CREDENTIALS = "Невірне ім’я користувача або пароль."


def is_server_target(target: str) -> bool:
    return "://" in target and not target.startswith("sqlite")


def url_login(url: str | URL) -> str | None:
    """The login the URL names (``postgresql+psycopg://login@server/db``), if any."""
    return make_url(url).username or None


def url_has_password(url: str | URL) -> bool:
    return make_url(url).password is not None


def with_credentials(url: str | URL, login: str | None, password: str | None) -> URL:
    """The URL with this person's login and password (query options such as sslmode kept)."""
    parsed = make_url(url)
    if login:
        parsed = parsed.set(username=login)
    if password is not None:
        parsed = parsed.set(password=password)
    return parsed


def group_names(prefix: str) -> dict[str, str]:
    """application role → group role name (``admin`` → ``kr_admin``)."""
    return {role: f"{prefix}_{suffix}" for role, suffix in GROUP_SUFFIX.items()}


def refusal(exc: BaseException) -> UserError:
    """A Ukrainian message for a failed connection: a refused login never says whether the
    login exists (wrong password, unknown or disabled user read alike)."""
    detail = str(getattr(exc, "orig", exc))
    lowered = detail.lower()
    if any(sign in lowered for sign in ("password authentication failed", "is not permitted to log in",
                                        "does not exist", "authentication failed")):
        if 'database "' in lowered and "does not exist" in lowered:
            name = detail.split('database "', 1)[1].split('"', 1)[0]
            return UserError(f"На сервері немає бази даних «{name}».")
        return LoginFailed(WRONG_CREDENTIALS)
    if "no password supplied" in lowered or "fe_sendauth" in lowered:
        return LoginFailed("Не вказано пароль.")
    if "no pg_hba.conf entry" in lowered:
        return UserError("Сервер не приймає з’єднань цього користувача з цього комп’ютера "
                         "(pg_hba.conf на сервері, див. docs/server.md).")
    if "ssl" in lowered or "certificate" in lowered:
        explain(exc)  # the server's own words go to the log
        return UserError("Не вдалося встановити захищене з’єднання (TLS) із сервером: перевірте його сертифікат "
                         "і параметри sslmode в адресі.")
    if "too many connections" in lowered:
        return UserError("Сервер зараз не приймає нових з’єднань (забагато підключень). Спробуйте пізніше.")
    return UserError(f"Не вдалося з’єднатися з базою даних: {explain(getattr(exc, 'orig', exc))}.")


@dataclass(frozen=True)
class Identity:
    """Who the server says the connection is: ``role`` is the application's role (None when the
    login is in none of the groups), ``owner`` when it owns the tables (or is a superuser)."""

    login: str
    full_name: str
    role: str | None
    owner: bool
    prefix: str
    initialised: bool  # ``server init`` has run: the group roles and grants exist

    @property
    def actor(self) -> str:
        return f"{self.full_name} ({self.login})"[:120] if self.full_name else self.login[:120]


def is_owner(connection: Connection) -> bool:
    """The connection may change the schema: it owns the database (or is a superuser)."""
    return bool(connection.execute(text(
        "SELECT r.rolsuper OR pg_has_role(session_user, d.datdba, 'MEMBER') "
        "FROM pg_roles r, pg_database d WHERE r.rolname = session_user AND d.datname = current_database()"
    )).scalar())


def identify(connection: Connection) -> Identity:
    """One round trip: the session's login, its full name (the role's comment), its group and
    whether it owns the tables."""
    row = connection.execute(text("""
        WITH p AS (SELECT (SELECT value FROM app_meta WHERE key = :key) AS stored),
             me AS (SELECT oid, rolname, rolsuper FROM pg_roles WHERE rolname = session_user)
        SELECT me.rolname, coalesce(shobj_description(me.oid, 'pg_authid'), ''), p.stored,
               me.rolsuper OR pg_has_role(me.oid, (SELECT relowner FROM pg_class
                                                    WHERE oid = to_regclass('journal_entry')), 'MEMBER'),
               coalesce(pg_has_role(me.oid, to_regrole(coalesce(p.stored, :default) || '_admin'), 'USAGE'), false),
               coalesce(pg_has_role(me.oid, to_regrole(coalesce(p.stored, :default) || '_editor'), 'USAGE'), false),
               coalesce(pg_has_role(me.oid, to_regrole(coalesce(p.stored, :default) || '_viewer'), 'USAGE'), false)
        FROM me, p"""), {"key": ROLES_PREFIX_KEY, "default": DEFAULT_PREFIX}).one()
    login, full_name, stored, owner, admin, editor, viewer = row
    initialised = stored is not None
    role = "admin" if (owner or (initialised and admin)) else \
        "operator" if initialised and editor else "viewer" if initialised and viewer else None
    return Identity(login, full_name, role, bool(owner), stored or DEFAULT_PREFIX, initialised)
