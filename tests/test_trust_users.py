"""Users and roles of a database file: hashed and salted passwords, refused logins, growing waits
(race-free), roles in services. On a PostgreSQL server the users are its login roles:
tests/test_server_roles.py."""

import datetime as dt
import threading

import pytest
from sqlalchemy import select, text

from kr_desktop.db.models import Executor, JournalEntry, User
from kr_desktop.db.open import open_database
from kr_desktop.domain import login_throttle
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import settings, undo, users, versioning
from kr_desktop.services.access import ADMIN, OPERATOR, VIEWER, AccessDenied

PASSWORD = "Пароль-сильний-2026"
KEY = settings.declare("test.trust.greeting", "Добрий день")
pytestmark = pytest.mark.sqlite_only  # a file's own users (app_user); a server's: test_server_roles


class Clock:
    def __init__(self):
        self.now = dt.datetime(2026, 11, 30, 9, 0, 0)

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += dt.timedelta(seconds=seconds)


def _admin(db):
    admin = users.create_first_admin(db, "admin", "КОВАЛЕНКО Олена Петрівна", PASSWORD)
    users.sign_in(db, admin)
    return admin


def test_passwords_are_stored_only_as_salted_scrypt_hashes(db):
    _admin(db)
    users.add_user(db, "operator", "ШЕВЧЕНКО Іван Іванович", OPERATOR, PASSWORD)
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM app_user ORDER BY login")).mappings().all()
        journal = " ".join(f"{r[0]} {r[1]}" for r in connection.execute(
            text("SELECT before, after FROM journal_entry WHERE table_name = 'app_user'")))
    assert len(rows) == 2
    for row in rows:
        assert PASSWORD not in " ".join(str(v) for v in row.values())
        assert row["password_params"].startswith("scrypt:") and "n=32768" in row["password_params"]
        assert len(bytes.fromhex(row["password_hash"])) == 32 and len(bytes.fromhex(row["password_salt"])) == 16
    # Same password, different salts, different hashes.
    assert rows[0]["password_salt"] != rows[1]["password_salt"]
    assert rows[0]["password_hash"] != rows[1]["password_hash"]
    # The journal names the accounts but keeps neither the password nor its hash.
    assert "operator" in journal and "(приховано)" in journal
    assert PASSWORD not in journal
    assert all(row["password_hash"] not in journal and row["password_salt"] not in journal for row in rows)


def test_first_administrator_only_once(db):
    assert not users.has_users(db)
    _admin(db)
    assert users.has_users(db)
    with pytest.raises(UserError, match="вже створено"):
        users.create_first_admin(db, "other", "ІНШИЙ Адмін", PASSWORD)


def test_weak_password_and_bad_login_are_refused_with_the_field_named(db):
    with pytest.raises(ValidationError, match="щонайменше 8") as error:
        users.create_first_admin(db, "admin", "КОВАЛЕНКО Олена", "коротк")
    assert error.value.field == "password"
    with pytest.raises(ValidationError, match="пробіли") as error:
        users.create_first_admin(db, "ad min", "КОВАЛЕНКО Олена", PASSWORD)
    assert error.value.field == "login"


def test_wrong_password_and_unknown_user_are_refused_alike(db):
    _admin(db)
    with pytest.raises(users.LoginFailed) as wrong:
        users.authenticate(db, "admin", PASSWORD + "x")
    with pytest.raises(users.LoginFailed) as unknown:
        users.authenticate(db, "nobody", PASSWORD)
    assert wrong.value.message == unknown.value.message == users.WRONG_CREDENTIALS
    assert users.authenticate(db, "admin", PASSWORD).role == ADMIN


def test_login_makes_the_journal_name_the_user_and_applies_their_role(db):
    _admin(db)
    users.add_user(db, "viewer", "ПЕТРЕНКО Марія Олегівна", VIEWER, PASSWORD)
    other = open_database(db.location)  # a second window
    try:
        user = users.login(other, "viewer", PASSWORD)
        assert (other.actor, other.role) == ("ПЕТРЕНКО Марія Олегівна (viewer)", VIEWER)
        assert user.role_label == "перегляд"
    finally:
        other.dispose()
    with db.reading() as s:
        actors = set(s.scalars(select(JournalEntry.actor).where(JournalEntry.table_name == "app_user")))
    assert "КОВАЛЕНКО Олена Петрівна (admin)" in actors


def test_failed_logins_make_the_wait_grow_and_survive_a_restart(db):
    _admin(db)
    clock = Clock()
    for _ in range(login_throttle.FREE_ATTEMPTS):
        with pytest.raises(users.LoginFailed):
            users.authenticate(db, "admin", "невірний-пароль", clock)
    # Now even the right password is not checked until the wait has passed.
    with pytest.raises(users.LoginThrottled) as throttled:
        users.authenticate(db, "admin", PASSWORD, clock)
    first_wait = throttled.value.seconds
    assert first_wait == login_throttle.FIRST_DELAY_SECONDS
    clock.advance(first_wait)
    with pytest.raises(users.LoginFailed):
        users.authenticate(db, "admin", "невірний-пароль", clock)
    # A "restart": a new Database object on the same database still sees the wait.
    restarted = open_database(db.location)
    try:
        with pytest.raises(users.LoginThrottled) as throttled:
            users.authenticate(restarted, "admin", PASSWORD, clock)
        assert throttled.value.seconds == 2 * first_wait
        clock.advance(throttled.value.seconds)
        assert users.authenticate(restarted, "admin", PASSWORD, clock).login == "admin"
    finally:
        restarted.dispose()
    with db.reading() as s:
        assert s.scalar(select(User.failed_attempts).where(User.login == "admin")) == 0


def test_throttle_rule_grows_and_is_capped():
    delays = [login_throttle.delay_after(n) for n in range(0, 20)]
    assert delays[:login_throttle.FREE_ATTEMPTS] == [0] * login_throttle.FREE_ATTEMPTS
    growing = delays[login_throttle.FREE_ATTEMPTS:]
    assert all(b > a for a, b in zip(growing, growing[1:]) if b < login_throttle.MAX_DELAY_SECONDS)
    assert max(delays) == login_throttle.MAX_DELAY_SECONDS
    last = dt.datetime(2026, 1, 1, 12, 0, 0)
    assert login_throttle.seconds_to_wait(4, last, last + dt.timedelta(seconds=3.5)) == 1
    assert login_throttle.seconds_to_wait(4, last, last + dt.timedelta(seconds=4)) == 0


def test_deactivated_user_cannot_log_in_and_the_last_admin_stays(db):
    admin = _admin(db)
    op = users.add_user(db, "operator", "ШЕВЧЕНКО Іван", OPERATOR, PASSWORD)
    users.set_active(db, "operator", False, expected_version=op.version)
    with pytest.raises(users.LoginFailed):
        users.authenticate(db, "operator", PASSWORD)
    with pytest.raises(UserError, match="самого себе"):
        users.set_active(db, "admin", False)
    with pytest.raises(UserError, match="єдиний активний адміністратор"):
        users.set_role(db, "admin", OPERATOR, expected_version=admin.version)


def test_password_change_needs_the_old_one(db):
    _admin(db)
    with pytest.raises(users.LoginFailed):
        users.change_password(db, "admin", "не-той-пароль", "Новий-пароль-2027")
    users.change_password(db, "admin", PASSWORD, "Новий-пароль-2027")
    with pytest.raises(users.LoginFailed):
        users.authenticate(db, "admin", PASSWORD)
    assert users.authenticate(db, "admin", "Новий-пароль-2027").login == "admin"


@pytest.mark.parametrize("role", [VIEWER, OPERATOR])
def test_roles_are_enforced_in_the_services(db, role):
    _admin(db)
    users.add_user(db, "someone", "ПЕТРЕНКО Марія", role, PASSWORD)
    users.login(db, "someone", PASSWORD)
    with db.reading() as s:
        executor = s.scalars(select(Executor).limit(1)).one()
    with pytest.raises(AccessDenied):
        users.add_user(db, "x", "Х Х", VIEWER, PASSWORD)
    with pytest.raises(AccessDenied):
        users.list_users(db)
    with pytest.raises(AccessDenied):
        settings.set_setting(db, KEY, "Привіт")
    if role == VIEWER:
        with pytest.raises(AccessDenied):
            versioning.update_fields(db, "Зміна", Executor, executor.id, executor.version, {"short_name": "X"})
        with pytest.raises(AccessDenied):
            undo.undo(db)
        with db.reading() as s:
            assert s.get(Executor, executor.id).short_name == executor.short_name
    else:
        versioning.update_fields(db, "Зміна", Executor, executor.id, executor.version, {"short_name": "X"})


class _NoTerminal:
    def isatty(self):
        return False


def test_command_line_needs_no_login_on_a_file(db_path):
    from tests.test_cli import run_cli

    database = open_database(db_path)
    _admin(database)
    database.dispose()
    done = run_cli("users", "list", "--db", str(db_path))  # no KR_DESKTOP_USER: the file's permissions
    assert done.returncode == 0, done.stderr
    assert "admin" in done.stdout and "адміністратор" in done.stdout


def test_server_credentials_come_from_the_url_the_environment_or_nowhere():
    from kr_desktop.cli.auth import server_credentials

    url = "postgresql+psycopg://server/kr_desktop?sslmode=verify-full"
    assert server_credentials("postgresql+psycopg://owner:secret@server/kr_desktop", {}, _NoTerminal()) == (None, None)
    assert server_credentials(url, {"KR_DESKTOP_USER": "ivan", "KR_DESKTOP_PASSWORD": "p"}, _NoTerminal()) == ("ivan", "p")
    assert server_credentials("postgresql+psycopg://olena@server/kr", {"KR_DESKTOP_PASSWORD": "p"},
                              _NoTerminal()) == ("olena", "p")
    with pytest.raises(UserError, match="KR_DESKTOP_USER"):
        server_credentials(url, {}, _NoTerminal())


def test_a_forgotten_administrators_password_on_a_file_is_reset_from_the_command_line(db_path):
    from tests.test_cli import run_cli

    database = open_database(db_path)
    _admin(database)
    database.dispose()
    done = run_cli("users", "reset-password", "admin", "--db", str(db_path),
                   env_extra={"KR_DESKTOP_NEW_PASSWORD": "Новий-пароль-2027"})
    assert done.returncode == 0, done.stderr
    database = open_database(db_path)
    try:
        assert users.authenticate(database, "admin", "Новий-пароль-2027").login == "admin"
        with pytest.raises(users.LoginFailed):
            users.authenticate(database, "admin", PASSWORD)
    finally:
        database.dispose()


def test_users_commands_on_a_file(db_path):
    from tests.test_cli import run_cli

    added = run_cli("users", "add", "olena", "--name", "КОВАЛЕНКО Олена", "--role", "адміністратор",
                    "--db", str(db_path), env_extra={"KR_DESKTOP_NEW_PASSWORD": PASSWORD})
    assert added.returncode == 0, added.stderr
    run_cli("users", "add", "ivan", "--name", "ШЕВЧЕНКО Іван", "--role", "editor", "--db", str(db_path),
            env_extra={"KR_DESKTOP_NEW_PASSWORD": PASSWORD})
    assert run_cli("users", "set-role", "ivan", "viewer", "--db", str(db_path)).returncode == 0
    assert run_cli("users", "disable", "ivan", "--db", str(db_path)).returncode == 0
    listed = run_cli("users", "list", "--db", str(db_path)).stdout
    assert "ivan" in listed and "перегляд" in listed and "вимкнений" in listed
    bad_role = run_cli("users", "add", "x", "--name", "Х", "--role", "boss", "--db", str(db_path),
                       env_extra={"KR_DESKTOP_NEW_PASSWORD": PASSWORD})
    assert bad_role.returncode == 2 and "Невідома роль" in bad_role.stderr
    short = run_cli("users", "add", "y", "--name", "Й", "--role", "viewer", "--db", str(db_path),
                    env_extra={"KR_DESKTOP_NEW_PASSWORD": "123"})
    assert short.returncode == 2 and "щонайменше 8" in short.stderr
    no_password = run_cli("users", "add", "z", "--name", "З", "--role", "viewer", "--db", str(db_path))
    assert no_password.returncode == 2 and "KR_DESKTOP_NEW_PASSWORD" in no_password.stderr
    last = run_cli("users", "disable", "olena", "--db", str(db_path))
    assert last.returncode == 2 and "єдиний активний адміністратор" in last.stderr


def test_parallel_wrong_logins_are_all_counted_or_made_to_wait(db_path):
    """Twelve wrong logins at once (two windows, a script): no StaleDataError, no attempt lost —
    each one either had its password checked and counted, or was refused by the wait the ones
    before it had earned."""
    first = open_database(db_path)
    _admin(first)
    first.dispose()
    windows = [open_database(db_path) for _ in range(12)]
    outcomes: list = []
    start = threading.Barrier(len(windows))

    def attempt(database) -> None:
        start.wait()
        try:
            users.authenticate(database, "admin", "невірний-пароль")
            outcomes.append("in")
        except Exception as exc:  # noqa: BLE001 - what each attempt ended with is the test
            outcomes.append(exc)

    threads = [threading.Thread(target=attempt, args=(database,)) for database in windows]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(outcomes) == 12 and all(isinstance(o, users.LoginFailed) for o in outcomes), outcomes
        checked = [o for o in outcomes if not isinstance(o, users.LoginThrottled)]
        waited = [o for o in outcomes if isinstance(o, users.LoginThrottled)]
        with windows[0].reading() as s:
            counted = s.scalar(select(User.failed_attempts).where(User.login == "admin"))
            journaled = s.scalar(select(text("count(*)")).select_from(JournalEntry)
                                 .where(JournalEntry.label == "Невдала спроба входу"))
        assert counted == len(checked) == journaled == login_throttle.FREE_ATTEMPTS
        assert len(waited) == 12 - login_throttle.FREE_ATTEMPTS
        # The right password must wait too, as after any three failures.
        with pytest.raises(users.LoginThrottled):
            users.authenticate(windows[0], "admin", PASSWORD)
    finally:
        for database in windows:
            database.dispose()
