"""User accounts: the first administrator, login, passwords, adding and deactivating users.

Passwords are kept only as scrypt hashes (kr_desktop.domain.passwords); failed logins are
counted per user in the database, and the wait before the next try grows
(kr_desktop.domain.login_throttle). After a successful login ``sign_in`` makes the database
act as that user: the journal names them and ``access.require`` checks their role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import func, select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import User
from kr_desktop.domain import login_throttle, passwords
from kr_desktop.domain.input_checks import quoted
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import ADMIN, OPERATOR, ROLE_LABELS, VIEWER, require

ROLES = (ADMIN, OPERATOR, VIEWER)
LOGIN_MAX = 64
NAME_MAX = 200
Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class LoginFailed(UserError):
    exit_code = 3


class LoginThrottled(LoginFailed):
    def __init__(self, seconds: int):
        super().__init__(f"Забагато невдалих спроб входу. Наступна спроба — через {seconds} с.")
        self.seconds = seconds


WRONG_CREDENTIALS = "Невірне ім’я користувача або пароль."


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    full_name: str
    role: str
    active: bool
    version: int

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def actor(self) -> str:
        """How the journal names this user."""
        return f"{self.full_name} ({self.login})"[:120]


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.login, user.full_name, user.role, user.active, user.version)


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


def _set_password(user: User, password: str) -> None:
    hashed = passwords.hash_password(password)
    user.password_salt, user.password_hash, user.password_params = hashed.salt, hashed.key, hashed.params


def _stored(user: User) -> passwords.PasswordHash:
    return passwords.PasswordHash(user.password_salt, user.password_hash, user.password_params)


def _by_login(session, login: str) -> User | None:
    return session.scalar(select(User).where(User.login == login))


# -- reading ----------------------------------------------------------------------------------
def has_users(db: Database) -> bool:
    with db.reading() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def list_users(db: Database) -> list[UserInfo]:
    require(db, ADMIN)
    with db.reading() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.login))]


# -- first start, login -----------------------------------------------------------------------
def create_first_admin(db: Database, login: str, full_name: str, password: str,
                       clock: Clock = _now) -> UserInfo:
    """The administrator asked for at the very first start; refused once any user exists."""
    login, full_name = _clean_login(login), _clean_name(full_name)
    _check_password(password)
    with db.changing("Створено першого адміністратора") as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise UserError("Адміністратора вже створено: увійдіть під своїм іменем.")
        user = User(login=login, full_name=full_name, role=ADMIN, active=True, failed_attempts=0,
                    created_at=clock())
        _set_password(user, password)
        session.info["journal"]["actor"] = _info_actor(login, full_name)
        session.info["journal"]["no_undo"] = True
        session.add(user)
        session.flush()
        return _info(user)


def _info_actor(login: str, full_name: str) -> str:
    return f"{full_name} ({login})"[:120]


def authenticate(db: Database, login: str, password: str, clock: Clock = _now) -> UserInfo:
    """Check a login and password; raises LoginFailed / LoginThrottled with a Ukrainian message.

    While a user must wait after failed tries, the password is not even checked, so guessing
    can go no faster than the growing delay allows, across restarts too.
    """
    login = (login or "").strip()
    password = password or ""
    now = clock()
    with db.reading() as session:
        user = _by_login(session, login) if login else None
        if user is None or not user.active:
            passwords.burn_time(password)  # the same time as a real check: no hint which logins exist
            raise LoginFailed(WRONG_CREDENTIALS)
        wait = login_throttle.seconds_to_wait(user.failed_attempts, user.last_failure_at, now)
        if wait:
            raise LoginThrottled(wait)
        ok = passwords.verify_password(password, _stored(user))
        user_id, failures = user.id, user.failed_attempts
    if not ok:
        _record_attempt(db, user_id, failed=True, now=now)
        wait = login_throttle.delay_after(failures + 1)
        if wait:
            raise LoginFailed(f"{WRONG_CREDENTIALS} Наступна спроба — через {wait} с.")
        raise LoginFailed(WRONG_CREDENTIALS)
    if failures:
        _record_attempt(db, user_id, failed=False, now=now)
    with db.reading() as session:
        return _info(session.get(User, user_id))


def _record_attempt(db: Database, user_id: int, failed: bool, now: dt.datetime) -> None:
    label = "Невдала спроба входу" if failed else "Вхід після невдалих спроб"
    with db.changing(label) as session:
        session.info["journal"]["no_undo"] = True
        user = session.get(User, user_id)
        if failed:
            # An UPDATE … SET n = n + 1 would survive two windows failing at once; the version
            # column already makes the ORM refuse a stale write, so a plain increment is safe.
            user.failed_attempts += 1
            user.last_failure_at = now
        else:
            user.failed_attempts = 0
            user.last_failure_at = None


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
    with db.changing(f"Додано користувача «{login}»") as session:
        session.info["journal"]["no_undo"] = True
        if _by_login(session, login) is not None:
            raise ValidationError(f"Користувач «{login}» уже існує.", field="login")
        user = User(login=login, full_name=full_name, role=role, active=True, failed_attempts=0,
                    created_at=clock())
        _set_password(user, password)
        session.add(user)
        session.flush()
        return _info(user)


def _editable(session, login: str, expected_version: int | None) -> User:
    from kr_desktop.services.versioning import check_version

    user = _by_login(session, login)
    if user is None:
        raise UserError(f"Користувача «{login}» не знайдено.")
    if expected_version is not None:
        check_version(session, user, expected_version, record=f"Користувач «{login}»",
                      yours={}, labels={})
    return user


def _active_admins(session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == ADMIN, User.active))


def set_active(db: Database, login: str, active: bool, expected_version: int | None = None) -> UserInfo:
    """Deactivate (or reactivate) a user; a deactivated user can no longer log in."""
    require(db, ADMIN)
    label = f"{'Активовано' if active else 'Деактивовано'} користувача «{login}»"
    with db.changing(label) as session:
        session.info["journal"]["no_undo"] = True
        user = _editable(session, login, expected_version)
        if not active and user.login == current_login(db):
            raise UserError("Не можна деактивувати самого себе.")
        if not active and user.role == ADMIN and user.active and _active_admins(session) <= 1:
            raise UserError("Це єдиний активний адміністратор: спершу призначте іншого.")
        user.active = active
        if active:
            user.failed_attempts, user.last_failure_at = 0, None
        session.flush()
        return _info(user)


def set_role(db: Database, login: str, role: str, expected_version: int | None = None) -> UserInfo:
    require(db, ADMIN)
    _check_role(role)
    with db.changing(f"Змінено роль користувача «{login}»") as session:
        session.info["journal"]["no_undo"] = True
        user = _editable(session, login, expected_version)
        if user.role == ADMIN and role != ADMIN and user.active and _active_admins(session) <= 1:
            raise UserError("Це єдиний активний адміністратор: спершу призначте іншого.")
        user.role = role
        session.flush()
        return _info(user)


def reset_password(db: Database, login: str, new_password: str) -> None:
    """The administrator sets a new password for a user (who forgot theirs); unblocks the login."""
    require(db, ADMIN)
    _check_password(new_password, field="new_password")
    with db.changing(f"Адміністратор змінив пароль користувача «{login}»") as session:
        session.info["journal"]["no_undo"] = True
        user = _editable(session, login, None)
        _set_password(user, new_password)
        user.failed_attempts, user.last_failure_at = 0, None


def change_password(db: Database, login: str, old_password: str, new_password: str,
                    clock: Clock = _now) -> None:
    """A user changes their own password (the old one is checked, with the same throttling)."""
    _check_password(new_password, field="new_password")
    if current_login(db) not in (None, login):
        raise UserError("Змінити можна лише власний пароль; пароль іншого користувача змінює адміністратор.")
    user = authenticate(db, login, old_password, clock)
    with db.changing("Зміна пароля") as session:
        session.info["journal"]["no_undo"] = True
        _set_password(session.get(User, user.id), new_password)
