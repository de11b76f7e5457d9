"""Users of a local database file (SQLite): the ``app_user`` table, passwords as scrypt hashes.

Failed logins are counted per user in the file and the wait before the next try grows
(kr_desktop.domain.login_throttle). Counting is race-free: an attempt first *reserves* itself —
it is counted as a failure by one compare-and-set UPDATE before the password is checked — so
parallel attempts (two windows, a script) each see the ones before them, the wait applies to them
all, and none is lost or ends in a StaleDataError. A right password then takes its reservation
back. The service layer (services/users) validates input and checks roles before calling here.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from kr_desktop.db.engine import Database
from kr_desktop.db.journal import journal_info
from kr_desktop.db.models import JournalEntry, User
from kr_desktop.domain import login_throttle, passwords
from kr_desktop.errors import LoginFailed, UserError, ValidationError

WRONG_CREDENTIALS = "Невірне ім’я користувача або пароль."
LAST_ADMIN = "Це єдиний активний адміністратор: спершу призначте іншого."
RESERVE_TRIES = 50  # parallel attempts on one login retry their reservation; each retry sees more


class LoginThrottled(LoginFailed):
    def __init__(self, seconds: int):
        super().__init__(f"Забагато невдалих спроб входу. Наступна спроба — через {seconds} с.")
        self.seconds = seconds


def set_password(user: User, password: str) -> None:
    hashed = passwords.hash_password(password)
    user.password_salt, user.password_hash, user.password_params = hashed.salt, hashed.key, hashed.params


def _stored(user) -> passwords.PasswordHash:
    return passwords.PasswordHash(user.password_salt, user.password_hash, user.password_params)


def by_login(session, login: str) -> User | None:
    return session.scalar(select(User).where(User.login == login))


def count_users(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(User)) or 0


# -- login ------------------------------------------------------------------------------------
def authenticate(db: Database, login: str, password: str, now: dt.datetime) -> int:
    """Check a login and password; the user's id, or LoginFailed / LoginThrottled.

    While a user must wait after failed tries, the password is not even checked, so guessing
    can go no faster than the growing delay allows — across restarts and parallel attempts too.
    """
    reserved = _reserve(db, login, now, password)
    user_id, failures_before, last_before, stored = reserved
    if not passwords.verify_password(password, stored):
        _journal_attempt(db, user_id, "Невдала спроба входу", failures_before, failures_before + 1)
        wait = login_throttle.delay_after(failures_before + 1)
        raise LoginFailed(f"{WRONG_CREDENTIALS} Наступна спроба — через {wait} с." if wait else WRONG_CREDENTIALS)
    _give_back(db, user_id, failures_before, last_before)
    return user_id


def _reserve(db: Database, login: str, now: dt.datetime, password: str):
    t = User.__table__
    for _ in range(RESERVE_TRIES):
        with db.reading() as session:
            user = by_login(session, login) if login else None
            if user is None or not user.active:
                passwords.burn_time(password)  # the same time as a real check: no hint which logins exist
                raise LoginFailed(WRONG_CREDENTIALS)
            wait = login_throttle.seconds_to_wait(user.failed_attempts, user.last_failure_at, now)
            if wait:
                raise LoginThrottled(wait)
            found = (user.id, user.failed_attempts, user.last_failure_at, _stored(user))
        user_id, failures, last, _hash = found
        try:
            with db.engine.begin() as connection:
                # Counted before the check: only one of several parallel attempts moves the count
                # from ``failures`` on; the others read again and see it (and the wait it brings).
                taken = connection.execute(update(t).where(t.c.id == user_id, t.c.failed_attempts == failures)
                                           .values(failed_attempts=failures + 1, last_failure_at=now)).rowcount
        except OperationalError as exc:
            if "readonly" in str(exc.orig).replace(" ", "").lower():
                return found  # a read-only file: nothing can be counted, the check still happens
            raise
        if taken:
            return found
    raise LoginThrottled(login_throttle.FIRST_DELAY_SECONDS)


def _give_back(db: Database, user_id: int, failures_before: int, last_before: dt.datetime | None) -> None:
    """The right password: the reservation is taken back; after failures, the count starts again."""
    t = User.__table__
    with db.engine.begin() as connection:
        connection.execute(update(t).where(t.c.id == user_id, t.c.failed_attempts > 0)
                           .values(failed_attempts=0, last_failure_at=None))
    if failures_before:
        _journal_attempt(db, user_id, "Вхід після невдалих спроб", failures_before, 0)


def _journal_attempt(db: Database, user_id: int, label: str, before: int, after: int) -> None:
    """The journal's row for a counted attempt (the count itself changed outside the ORM)."""
    with db.session() as session:
        info = journal_info(session)
        session.execute(JournalEntry.__table__.insert(), [dict(
            changeset=info["changeset"], at=dt.datetime.now().replace(microsecond=0), actor=info.get("actor", "system"),
            label=label, operation="update", table_name=User.__tablename__, record_id=str(user_id),
            before=json.dumps({"failed_attempts": before}), after=json.dumps({"failed_attempts": after}))])


# -- managing users ---------------------------------------------------------------------------
def create_first_admin(db: Database, login: str, full_name: str, password: str, now: dt.datetime,
                       actor: str) -> User:
    with db.changing("Створено першого адміністратора") as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise UserError("Адміністратора вже створено: увійдіть під своїм іменем.")
        user = User(login=login, full_name=full_name, role="admin", active=True, failed_attempts=0, created_at=now)
        set_password(user, password)
        session.info["journal"]["actor"] = actor
        session.info["journal"]["no_undo"] = True
        session.add(user)
        session.flush()
        return user


def add_user(db: Database, login: str, full_name: str, role: str, password: str, now: dt.datetime) -> User:
    with db.changing(f"Додано користувача «{login}»") as session:
        session.info["journal"]["no_undo"] = True
        if by_login(session, login) is not None:
            raise ValidationError(f"Користувач «{login}» уже існує.", field="login")
        user = User(login=login, full_name=full_name, role=role, active=True, failed_attempts=0, created_at=now)
        set_password(user, password)
        session.add(user)
        session.flush()
        return user


def _editable(session, login: str, expected_version: int | None) -> User:
    from kr_desktop.services.versioning import check_version

    user = by_login(session, login)
    if user is None:
        raise UserError(f"Користувача «{login}» не знайдено.")
    if expected_version is not None:
        check_version(session, user, expected_version, record=f"Користувач «{login}»", yours={}, labels={})
    return user


def _active_admins(session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active))


def set_active(db: Database, login: str, active: bool, expected_version: int | None, me: str | None) -> User:
    label = f"{'Активовано' if active else 'Деактивовано'} користувача «{login}»"
    with db.changing(label) as session:
        session.info["journal"]["no_undo"] = True
        user = _editable(session, login, expected_version)
        if not active and user.login == me:
            raise UserError("Не можна деактивувати самого себе.")
        if not active and user.role == "admin" and user.active and _active_admins(session) <= 1:
            raise UserError(LAST_ADMIN)
        user.active = active
        if active:
            user.failed_attempts, user.last_failure_at = 0, None
        session.flush()
        return user


def set_role(db: Database, login: str, role: str, expected_version: int | None) -> User:
    with db.changing(f"Змінено роль користувача «{login}»") as session:
        session.info["journal"]["no_undo"] = True
        user = _editable(session, login, expected_version)
        if user.role == "admin" and role != "admin" and user.active and _active_admins(session) <= 1:
            raise UserError(LAST_ADMIN)
        user.role = role
        session.flush()
        return user


def reset_password(db: Database, login: str, new_password: str) -> None:
    with db.changing(f"Адміністратор змінив пароль користувача «{login}»") as session:
        session.info["journal"]["no_undo"] = True
        user = _editable(session, login, None)
        set_password(user, new_password)
        user.failed_attempts, user.last_failure_at = 0, None


def change_password(db: Database, user_id: int, new_password: str) -> None:
    with db.changing("Зміна пароля") as session:
        session.info["journal"]["no_undo"] = True
        set_password(session.get(User, user_id), new_password)
