"""Setting up a shared server (issue 15): ``kr-desktop server init``, the upgrade of a server
database an older version made (its users with hashes become server roles), and the window's
login on a server. Run on the private server of scripts/test.sh (skipped without one)."""

import secrets

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from kr_desktop.db import migrate
from kr_desktop.db.open import open_database
from kr_desktop.errors import LoginFailed
from kr_desktop.services import server_setup, users
from tests.conftest import PASSWORD_OF_TEST_USERS
from tests.test_cli import run_cli

PASSWORD = "Пароль-сервера-2026"


@pytest.fixture
def scratch(pg_databases):
    """An empty database and a prefix for its group roles; everything dropped afterwards."""
    with pg_databases.admin.connect() as connection:
        if not connection.execute(text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
            pytest.skip("користувач тестового сервера не має права CREATEROLE")
    name = f"{pg_databases.prefix}_setup{secrets.token_hex(2)}"
    pg_databases._execute(f'CREATE DATABASE "{name}"')
    prefix = f"krs{secrets.token_hex(3)}"
    owner_url = pg_databases.url_of(name)
    plain = make_url(owner_url)
    url = URL.create(plain.drivername, host=plain.host, port=plain.port, database=name).render_as_string(False)
    yield owner_url, url, prefix
    pg_databases._execute(f'DROP DATABASE IF EXISTS "{name}"')
    with pg_databases.admin.connect() as connection:
        logins = connection.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p OR rolname IN "
                                         "('olena_" + prefix + "', 'ivan_" + prefix + "')"), {"p": f"{prefix}%"}).scalars().all()
        for role in sorted(logins, key=lambda r: r in {f"{prefix}_viewer", f"{prefix}_editor", f"{prefix}_admin"}):
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def _legacy_database(owner_url: str, prefix: str) -> None:
    """A server database as an older version left it: schema 0008, users with scrypt hashes."""
    from alembic import command

    engine = create_engine(owner_url)
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0008")
        connection.execute(text(
            "INSERT INTO app_user (login, full_name, role, password_salt, password_hash, password_params, active, "
            "failed_attempts, created_at, version) VALUES "
            "(:a, 'КОВАЛЕНКО Олена', 'admin', 'aa', 'bb', 'scrypt:n=32768,r=8,p=1', true, 0, now(), 1), "
            "(:o, 'ШЕВЧЕНКО Іван', 'operator', 'aa', 'bb', 'scrypt:n=32768,r=8,p=1', false, 2, now(), 1), "
            "('kr_test', 'ВЛАСНИК Бази', 'viewer', 'aa', 'bb', 'scrypt:n=32768,r=8,p=1', true, 0, now(), 1)"),
            {"a": f"olena_{prefix}", "o": f"ivan_{prefix}"})
    engine.dispose()


def test_an_older_servers_users_become_server_roles_and_their_hashes_go(scratch):
    owner_url, url, prefix = scratch
    _legacy_database(owner_url, prefix)
    report = server_setup.prepare(owner_url, None, None, prefix)
    db = report.database
    try:
        with db.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert not connection.execute(text("SELECT to_regclass('app_user')")).scalar()  # hashes gone
            roles = dict(connection.execute(text(
                "SELECT u.rolname, u.rolcanlogin FROM pg_roles u WHERE u.rolname IN (:a, :o)"),
                {"a": f"olena_{prefix}", "o": f"ivan_{prefix}"}).all())
        assert roles == {f"olena_{prefix}": True, f"ivan_{prefix}": False}  # a disabled user stays disabled
        listed = {u.login: u for u in users.list_users(db)}
        assert listed[f"olena_{prefix}"].role == "admin" and listed[f"olena_{prefix}"].needs_password
        assert listed[f"ivan_{prefix}"].role == "operator" and not listed[f"ivan_{prefix}"].active
        assert "kr_test" not in listed  # the owner's role name was taken: not converted, reported
        assert [u.login for u in report.not_converted] == ["kr_test"]
        assert {u.login for u in report.waiting} == {f"olena_{prefix}", f"ivan_{prefix}"}
        with pytest.raises(LoginFailed):  # no password until one is set
            open_database(url, login=f"olena_{prefix}", password="")
        users.reset_password(db, f"olena_{prefix}", PASSWORD)
        olena = open_database(url, login=f"olena_{prefix}", password=PASSWORD)
        assert olena.role == "admin" and olena.actor == f"КОВАЛЕНКО Олена (olena_{prefix})"
        olena.dispose()
        assert not {u.login: u for u in users.list_users(db)}[f"olena_{prefix}"].needs_password
    finally:
        db.dispose()


def test_server_init_from_the_command_line(scratch):
    owner_url, url, prefix = scratch
    env = {"KR_DESKTOP_USER": f"olena_{prefix}", "KR_DESKTOP_PASSWORD": PASSWORD,
           "KR_DESKTOP_FULL_NAME": "КОВАЛЕНКО Олена Петрівна"}
    done = run_cli("server", "init", "--db", owner_url, "--roles-prefix", prefix, env_extra=env)
    assert done.returncode == 0, done.stderr
    assert f"{prefix}_viewer" in done.stdout and f"Створено адміністратора «olena_{prefix}»" in done.stdout
    assert ":kr_test@" not in done.stdout.split("напр.:")[-1]  # the workstations' URL holds no password
    olena = open_database(url, login=f"olena_{prefix}", password=PASSWORD)
    try:
        assert olena.role == "admin" and olena.actor == f"КОВАЛЕНКО Олена Петрівна (olena_{prefix})"
        with olena.reading() as session:
            assert session.execute(text("SELECT count(*) FROM measure")).scalar() >= 70  # the Program is there
    finally:
        olena.dispose()
    again = run_cli("server", "init", "--db", owner_url, env_extra=env)  # safe to run again (an upgrade)
    assert again.returncode == 0 and "Нового адміністратора не створено" in again.stdout, again.stderr
    other_prefix = run_cli("server", "init", "--db", owner_url, "--roles-prefix", "zz", env_extra=env)
    assert other_prefix.returncode == 2 and "інший префікс" in other_prefix.stderr
    not_owner = run_cli("server", "init", "--db", make_url(url).set(username=f"olena_{prefix}", password=PASSWORD)
                        .render_as_string(hide_password=False), env_extra=env)
    assert not_owner.returncode == 2 and "не є власником" in not_owner.stderr
    no_terminal = run_cli("server", "init", "--db", owner_url)  # administrators exist: nothing is asked
    assert no_terminal.returncode == 0, no_terminal.stderr


def test_the_window_logs_in_on_a_server_with_the_persons_own_password(qtbot, server):
    from PySide6.QtWidgets import QMessageBox

    from kr_desktop.ui import operations
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.login_dialog import ServerLoginDialog
    from kr_desktop.ui.main_window import MainWindow
    from kr_desktop.services import settings

    dialog = ServerLoginDialog(server.url, server.logins["viewer"])
    qtbot.addWidget(dialog)
    assert dialog.login_edit.text() == server.logins["viewer"]
    dialog.password_edit.setText("не-той-пароль")
    dialog.submit()
    assert dialog.db is None and dialog.error_label.text() == users.WRONG_CREDENTIALS
    dialog.password_edit.setText(PASSWORD_OF_TEST_USERS)
    dialog.submit()
    db = dialog.db
    server.opened.append(db)
    assert db is not None and db.role == "viewer"
    window = MainWindow(AppContext(None))
    qtbot.addWidget(window)
    window.attach(db)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Користувачі" not in titles and "Журнал змін" not in titles  # the server said: a viewer
    # A right the role lacks: a Ukrainian message, not a psycopg traceback — even if the window
    # had offered the action.
    shown = []
    original = QMessageBox.warning
    QMessageBox.warning = staticmethod(lambda parent, title, message, *a: shown.append((title, message)))
    try:
        key = settings.declare("test.window.greeting", "Добрий день")
        db.role = "admin"
        assert operations.perform(window, window.context, "settings", settings.set_setting, db, key, "Привіт") is None
    finally:
        QMessageBox.warning = original
        window.live_refresh.stop()
    assert shown and shown[0][1] == "Недостатньо прав: сервер бази даних не дозволяє вашій ролі цю дію."
