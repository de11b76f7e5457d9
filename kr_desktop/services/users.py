"""User accounts: who may log in, with which role — one API for a file and for a server.

- On a local database file (SQLite) the users are the file's own (``app_user``, scrypt hashes,
  login throttling in the file: services/file_users). After a successful login ``sign_in`` makes
  the database act as that user: the journal names them and ``access.require`` checks their role.
- On a PostgreSQL server every user is a login role of the server with its own password, in one
  of the group roles; the connection itself is the login (kr_desktop.db.open_server) and the
  server enforces the role. Managing users goes through the server's functions
  (services/server_users); no table on the server holds a password hash.

The window's users screen and ``kr-desktop users …`` call the same functions below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from kr_desktop import errors
from kr_desktop.db.engine import Database
from kr_desktop.domain import passwords
from kr_desktop.domain.input_checks import quoted
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import file_users, server_users
from kr_desktop.services.access import ADMIN, OPERATOR, ROLE_LABELS, VIEWER, require

ROLES = (ADMIN, OPERATOR, VIEWER)
LOGIN_MAX = 64
NAME_MAX = 200
Clock = Callable[[], dt.datetime]
LoginFailed = errors.LoginFailed
LoginThrottled = file_users.LoginThrottled
WRONG_CREDENTIALS = file_users.WRONG_CREDENTIALS
# What the command line accepts for a role: the application's names, the server groups' words,
# and the Ukrainian labels.
ROLE_WORDS = {ADMIN: ADMIN, OPERATOR: OPERATOR, VIEWER: VIEWER, "editor": OPERATOR,
              **{label: role for role, label in ROLE_LABELS.items()}}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class UserInfo:
    id: int  # 0 on a server (a role has no row)
    login: str
    full_name: str
    role: str
    active: bool
    version: int  # 0 on a server: a role's change is one statement, there is nothing to merge
    needs_password: bool = False  # carried over from an older version, no password set yet

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def actor(self) -> str:
        """How the journal names this user."""
        return f"{self.full_name} ({self.login})"[:120]


def _info(user) -> UserInfo:
    return UserInfo(user.id, user.login, user.full_name, user.role, user.active, user.version)


def _server_info(user: server_users.ServerUser) -> UserInfo:
    return UserInfo(0, user.login, user.full_name, user.role, user.active, 0, user.needs_password)


# -- validation -------------------------------------------------------------------------------
def _as_text(value, message: str, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(message, field=field)
    return value


def validate_user(login: str, full_name: str, role: str, password: str) -> None:
    """Every check of the user form, in the form's order (ValidationError naming the field)."""
    _clean_login(login)
    _clean_name(full_name)
    _check_role(role)
    _check_password(password)


def _clean_login(login: str) -> str:
    login = _as_text(login, "Ім’я користувача (логін): очікується текст.", "login").strip()
    if not login:
        raise ValidationError("Вкажіть ім’я користувача (логін).", field="login")
    if len(login) > LOGIN_MAX:
        raise ValidationError(f"Ім’я користувача задовге (понад {LOGIN_MAX} символи).", field="login")
    if any(ch.isspace() or not ch.isprintable() for ch in login):
        raise ValidationError("Ім’я користувача не може містити пробіли чи керівні символи.", field="login")
    return login


def _clean_name(full_name: str) -> str:
    name = " ".join(_as_text(full_name, "Прізвище, ім’я та по батькові: очікується текст.", "full_name").split())
    if not name:
        raise ValidationError("Вкажіть прізвище, ім’я та по батькові користувача.", field="full_name")
    if len(name) > NAME_MAX or not name.isprintable():
        raise ValidationError("Прізвище, ім’я та по батькові задовгі або містять керівні символи.",
                              field="full_name")
    return name


def _check_password(password: str, field: str = "password") -> None:
    problem = passwords.password_problem(_as_text(password, "Пароль: очікується текст.", field))
    if problem:
        raise ValidationError(problem, field=field)


def _check_role(role: str) -> None:
    if not isinstance(role, str) or role not in ROLES:
        raise ValidationError(f"Невідома роль «{quoted(role)}».", field="role")


def role_from_word(word: str) -> str:
    """A role as typed on the command line (admin / editor / оператор …)."""
    role = ROLE_WORDS.get((word or "").strip().lower())
    if role is None:
        raise ValidationError(f"Невідома роль «{quoted(word)}»: admin (адміністратор), operator або editor "
                              "(оператор), viewer (перегляд).", field="role")
    return role


# -- reading ----------------------------------------------------------------------------------
def has_users(db: Database) -> bool:
    if not db.is_sqlite:
        return True  # the connection itself was a user's login
    return file_users.count_users(db) > 0


def list_users(db: Database) -> list[UserInfo]:
    require(db, ADMIN)
    if not db.is_sqlite:
        return [_server_info(user) for user in server_users.list_users(db)]
    from sqlalchemy import select

    from kr_desktop.db.models import User

    with db.reading() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.login))]


# -- first start, login (a file; on a server the connection is the login) ---------------------
def create_first_admin(db: Database, login: str, full_name: str, password: str,
                       clock: Clock = _now) -> UserInfo:
    """The administrator asked for at the very first start of a file; refused once any user
    exists. On a server the first administrator is made by ``kr-desktop server init``."""
    login, full_name = _clean_login(login), _clean_name(full_name)
    _check_password(password)
    if not db.is_sqlite:
        require(db, ADMIN)  # the owner, in ``server init``
        server_users.ensure_admin(db, login, full_name, password, "Створено першого адміністратора")
        return next(_server_info(u) for u in server_users.list_users(db) if u.login == login)
    return _info(file_users.create_first_admin(db, login, full_name, password, clock(), f"{full_name} ({login})"[:120]))


def authenticate(db: Database, login: str, password: str, clock: Clock = _now) -> UserInfo:
    """Check a file user's login and password; LoginFailed / LoginThrottled with a Ukrainian
    message (see file_users: parallel attempts are all counted or made to wait)."""
    if not db.is_sqlite:
        raise UserError("На сервері вхід — це з’єднання з власним паролем (kr_desktop.db.open_server).")
    user_id = file_users.authenticate(db, (login or "").strip(), password or "", clock())
    from kr_desktop.db.models import User

    with db.reading() as session:
        return _info(session.get(User, user_id))


def sign_in(db: Database, user: UserInfo) -> None:
    """From now on the database acts as ``user``: journal entries name them, roles are theirs."""
    db.actor = user.actor
    db.role = user.role
    db.user_login = user.login


def login(db: Database, login: str, password: str, clock: Clock = _now) -> UserInfo:
    user = authenticate(db, login, password, clock)
    sign_in(db, user)
    return user


def current_login(db: Database) -> str | None:
    return getattr(db, "user_login", None)


# -- managing users (administrator) -----------------------------------------------------------
def add_user(db: Database, login: str, full_name: str, role: str, password: str,
             clock: Clock = _now) -> UserInfo:
    require(db, ADMIN)
    login, full_name = _clean_login(login), _clean_name(full_name)
    _check_role(role)
    _check_password(password)
    if not db.is_sqlite:
        server_users.add_user(db, login, full_name, role, password, f"Додано користувача «{login}»")
        return UserInfo(0, login, full_name, role, True, 0)
    return _info(file_users.add_user(db, login, full_name, role, password, clock()))


def _server_user(db: Database, login: str) -> UserInfo:
    for user in server_users.list_users(db):
        if user.login == login:
            return _server_info(user)
    raise UserError(f"Користувача «{login}» не знайдено.")


def set_active(db: Database, login: str, active: bool, expected_version: int | None = None) -> UserInfo:
    """Deactivate (or reactivate) a user; a deactivated user can no longer log in."""
    require(db, ADMIN)
    if not db.is_sqlite:
        label = f"{'Активовано' if active else 'Деактивовано'} користувача «{login}»"
        server_users.set_active(db, login, active, label)
        return _server_user(db, login)
    return _info(file_users.set_active(db, login, active, expected_version, current_login(db)))


def set_role(db: Database, login: str, role: str, expected_version: int | None = None) -> UserInfo:
    require(db, ADMIN)
    _check_role(role)
    if not db.is_sqlite:
        server_users.set_role(db, login, role, f"Змінено роль користувача «{login}»")
        return _server_user(db, login)
    return _info(file_users.set_role(db, login, role, expected_version))


def reset_password(db: Database, login: str, new_password: str) -> None:
    """The administrator sets a new password for a user (who forgot theirs); unblocks the login.
    The way out of a forgotten administrator's password: ``kr-desktop users reset-password``,
    run on the file (its permissions are the boundary) or with the server owner's credential."""
    require(db, ADMIN)
    _check_password(new_password, field="new_password")
    if not db.is_sqlite:
        server_users.set_password(db, login, new_password, f"Адміністратор змінив пароль користувача «{login}»")
        return
    file_users.reset_password(db, login, new_password)


def change_password(db: Database, login: str, old_password: str, new_password: str,
                    clock: Clock = _now) -> None:
    """A user changes their own password (the old one is checked, with the same throttling)."""
    _check_password(new_password, field="new_password")
    if current_login(db) not in (None, login):
        raise UserError("Змінити можна лише власний пароль; пароль іншого користувача змінює адміністратор.")
    if not db.is_sqlite:
        server_users.change_own_password(db, old_password, new_password, "Зміна пароля")
        return
    user = authenticate(db, login, old_password, clock)
    file_users.change_password(db, user.id, new_password)
