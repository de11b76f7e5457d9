"""Users on a PostgreSQL server: login roles of the server, managed through its ``kr_user_*``
functions (kr_desktop.db.server_functions), which check the caller's right themselves.

The application's own checks (``require``) only spare a round trip and give the usual message;
a session that skipped them still meets the server's refusal. Passwords leave the workstation as
SCRAM verifiers made by libpq, never in plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kr_desktop.db.engine import Database
from kr_desktop.db.server import group_names, refusal, with_credentials
from kr_desktop.db.server_functions import (ERR_BAD, ERR_EXISTS, ERR_LAST_ADMIN, ERR_NOT_OURS, ERR_SELF, ERR_TAKEN,
                                            LEGACY_TABLE)
from kr_desktop.errors import UserError, ValidationError

MAX_LOGIN_BYTES = 63  # PostgreSQL's limit for a role name
UNDEFINED_FUNCTION = "42883"  # the kr_user_* functions are missing: ``server init`` has not run
LAST_ADMIN = "Це єдиний активний адміністратор: спершу призначте іншого."


@dataclass(frozen=True)
class ServerUser:
    login: str
    full_name: str
    role: str
    active: bool
    needs_password: bool  # carried over from an older version: no password until one is set


@dataclass(frozen=True)
class LegacyUser:
    """A user of an older version's own table (migration 0011): ``converted`` is False when the
    login was taken by another role of the server, so the user could not be carried over."""

    login: str
    full_name: str
    role: str
    converted: bool


def check_login(login: str) -> None:
    """What the server adds to the usual login rules (services/users)."""
    if len(login.encode("utf-8")) > MAX_LOGIN_BYTES:
        raise ValidationError(f"Ім’я користувача задовге для сервера (понад {MAX_LOGIN_BYTES} байти).", field="login")
    if login.lower().startswith("pg_"):
        raise ValidationError("Ім’я користувача не може починатися з «pg_»: так сервер називає свої ролі.",
                              field="login")


def _prefix(db: Database) -> str:
    identity = getattr(db, "server_identity", None)
    return identity.prefix if identity is not None else "kr"


def list_users(db: Database) -> list[ServerUser]:
    groups = group_names(_prefix(db))
    rank = {groups["admin"]: ("admin", 0), groups["operator"]: ("operator", 1), groups["viewer"]: ("viewer", 2)}
    with db.reading() as session:
        rows = session.execute(text(f"""
            SELECT u.rolname, coalesce(shobj_description(u.oid, 'pg_authid'), ''), g.rolname, u.rolcanlogin,
                   EXISTS (SELECT 1 FROM {LEGACY_TABLE} l WHERE l.login = u.rolname AND l.converted)
            FROM pg_roles u JOIN pg_auth_members m ON m.member = u.oid JOIN pg_roles g ON g.oid = m.roleid
            WHERE g.rolname IN (:a, :e, :v)"""),
            {"a": groups["admin"], "e": groups["operator"], "v": groups["viewer"]}).all()
    best: dict[str, ServerUser] = {}
    for login, full_name, group, active, pending in rows:
        role, order = rank[group]
        known = best.get(login)
        if known is None or order < rank[groups[known.role]][1]:
            best[login] = ServerUser(login, full_name, role, bool(active), bool(pending))
    return [best[login] for login in sorted(best)]


def legacy_users(db: Database) -> list[LegacyUser]:
    """Users an upgrade carried over from the older version's own table (see LegacyUser)."""
    with db.reading() as session:
        rows = session.execute(text(f"SELECT login, full_name, role, converted FROM {LEGACY_TABLE} ORDER BY login"))
        return [LegacyUser(*row) for row in rows]


def forget_unconverted(db: Database) -> None:
    """The owner drops the notes of users that could not be carried over, once reported."""
    with db.session() as session:
        session.execute(text(f"DELETE FROM {LEGACY_TABLE} WHERE NOT converted"))


def _verifier(session, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``login``, made by libpq on this workstation."""
    pgconn = session.connection().connection.dbapi_connection.pgconn
    return pgconn.encrypt_password(password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256").decode("ascii")


def _call(db: Database, login: str, sql: str, values: dict, password: str | None = None) -> None:
    """One function call in one transaction; the server's refusals as Ukrainian messages."""
    try:
        with db.session() as session:
            if password is not None:
                values = {**values, "verifier": _verifier(session, values.get("login") or login, password)}
            session.execute(text(sql), values)
    except DBAPIError as exc:
        raise _message(exc, login) from None


def _message(exc: DBAPIError, login: str) -> UserError:
    state = getattr(exc.orig, "sqlstate", None)
    if state == ERR_EXISTS:
        return ValidationError(f"Користувач «{login}» уже існує.", field="login")
    if state == ERR_TAKEN:
        return ValidationError(f"На сервері вже є роль «{login}», яка не є користувачем kr_desktop: "
                               "оберіть інше ім’я.", field="login")
    if state == ERR_NOT_OURS:
        return UserError(f"Користувача «{login}» не знайдено серед користувачів kr_desktop "
                         "(власником бази й іншими ролями сервера програма не керує).")
    if state == ERR_LAST_ADMIN:
        return UserError(LAST_ADMIN)
    if state == ERR_SELF:
        return UserError("Не можна деактивувати самого себе.")
    if state == UNDEFINED_FUNCTION:
        return UserError("Сервер ще не підготовлено для керування користувачами: власник бази виконує "
                         "kr-desktop server init --db АДРЕСА (див. docs/server.md).")
    if state == ERR_BAD:
        return ValidationError("Неприпустиме ім’я користувача, роль або пароль.", field="login")
    return UserError(f"Сервер не виконав дію: {str(exc.orig).strip().splitlines()[0]}")


def add_user(db: Database, login: str, full_name: str, role: str, password: str, label: str) -> None:
    check_login(login)
    _call(db, login, "SELECT kr_user_add(:login, :name, :role, :verifier, :label)",
          {"login": login, "name": full_name, "role": role, "label": label}, password=password)


def set_role(db: Database, login: str, role: str, label: str) -> None:
    _call(db, login, "SELECT kr_user_set_role(:login, :role, :label)", {"login": login, "role": role, "label": label})


def set_active(db: Database, login: str, active: bool, label: str) -> None:
    _call(db, login, "SELECT kr_user_set_active(:login, :active, :label)",
          {"login": login, "active": active, "label": label})


def set_password(db: Database, login: str, password: str, label: str) -> None:
    _call(db, login, "SELECT kr_user_set_password(:login, :verifier, :label)",
          {"login": login, "label": label}, password=password)


def change_own_password(db: Database, old_password: str, new_password: str, label: str) -> None:
    """The person's own password: the old one is checked by the server itself (a new connection
    with it), then the new one is set."""
    login = db.user_login
    probe = None
    try:
        from kr_desktop.db.engine import make_engine

        probe = make_engine(with_credentials(db.location, login, old_password))
        with probe.connect():
            pass
    except DBAPIError as exc:
        raise refusal(exc) from None
    finally:
        if probe is not None:
            probe.dispose()
    _call(db, login, "SELECT kr_user_own_password(:verifier, :label)", {"login": login, "label": label},
          password=new_password)


def ensure_admin(db: Database, login: str, full_name: str, password: str, label: str) -> str:
    """The first administrator (``server init``, run by the owner): a new login role, or — for a
    user an upgrade carried over — that role with this password and the administrator's group.
    Returns "added" or "updated"."""
    check_login(login)
    existing = {user.login: user for user in list_users(db)}
    if login not in existing:
        add_user(db, login, full_name, "admin", password, label)
        return "added"
    if existing[login].role != "admin":
        set_role(db, login, "admin", label)
    if not existing[login].active:
        set_active(db, login, True, label)
    set_password(db, login, password, label)
    return "updated"
