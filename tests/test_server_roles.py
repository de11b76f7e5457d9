"""Roles the PostgreSQL server enforces (issue 15): each user is a login role of the server in one
group; the server, not the application, refuses what the role may not do. Run on the private
server of scripts/test.sh (skipped without one)."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from kr_desktop.db.open import open_database
from kr_desktop.errors import AccessDenied, DatabaseFileError, LoginFailed, UserError
from kr_desktop.services import settings, users
from tests.conftest import PASSWORD_OF_TEST_USERS

KEY = settings.declare("test.server.greeting", "Добрий день")


def _raw(server, role, password=PASSWORD_OF_TEST_USERS):
    """A plain SQLAlchemy engine with the user's own credential: no application code in between."""
    from kr_desktop.db.server import with_credentials

    return create_engine(with_credentials(server.url, server.logins[role], password), isolation_level="AUTOCOMMIT")


def _refused(connection, sql) -> bool:
    try:
        connection.execute(text(sql))
    except DBAPIError as exc:
        return exc.orig.sqlstate == "42501"  # insufficient_privilege
    return False


def _tables(connection) -> list[str]:
    return connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                   "ORDER BY tablename")).scalars().all()


def test_a_viewers_own_connection_cannot_change_any_table_even_with_raw_sql(server):
    engine = _raw(server, "viewer")
    try:
        with engine.connect() as connection:
            tables = _tables(connection)
            assert len(tables) > 25 and "journal_entry" in tables
            for table in tables:
                column = connection.execute(text(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = :t "
                    "ORDER BY ordinal_position LIMIT 1"), {"t": table}).scalar()
                assert _refused(connection, f'INSERT INTO "{table}" DEFAULT VALUES'), table
                assert _refused(connection, f'UPDATE "{table}" SET "{column}" = "{column}"'), table
                assert _refused(connection, f'DELETE FROM "{table}"'), table
                assert _refused(connection, f'TRUNCATE "{table}"'), table
            assert connection.execute(text("SELECT count(*) FROM measure")).scalar() >= 70  # reading is allowed
            assert _refused(connection, "SELECT nextval(pg_get_serial_sequence('person', 'id'))")
            assert _refused(connection, "CREATE TABLE mine (id int)")
            assert _refused(connection, f"SELECT kr_user_set_role('{server.logins['viewer']}', 'admin', 'x')")
    finally:
        engine.dispose()
    # Through the application, even if it were fooled into thinking the viewer is an administrator.
    viewer = server.open("viewer")
    assert viewer.role == "viewer"
    viewer.role = "admin"
    with pytest.raises(AccessDenied, match="сервер"):
        settings.set_setting(viewer, KEY, "Привіт")
    with pytest.raises(AccessDenied, match="сервер"):
        with viewer.changing("Спроба") as session:
            session.execute(text("UPDATE stage SET title = 'x'"))


def test_an_editor_changes_data_but_cannot_create_roles_or_change_users(server):
    engine = _raw(server, "operator")
    other = server.logins["viewer"]
    try:
        with engine.connect() as connection:
            assert not _refused(connection, "UPDATE stage SET title = title")  # data: yes
            assert _refused(connection, "CREATE ROLE intruder LOGIN")
            assert _refused(connection, f'ALTER ROLE "{other}" PASSWORD \'x-x-x-x-x-x\'')
            assert _refused(connection, f'GRANT "{server.prefix}_admin" TO "{server.logins["operator"]}"')
            assert _refused(connection, f"SELECT kr_user_set_role('{other}', 'admin', 'x')")
            assert _refused(connection, "SELECT kr_user_add('intruder', 'X', 'admin', 'SCRAM-SHA-256$x', 'x')")
            assert _refused(connection, "UPDATE app_setting SET value = value")  # settings: administrators
            assert _refused(connection, "UPDATE journal_entry SET label = 'x'")
            assert _refused(connection, "DELETE FROM journal_entry")
            assert _refused(connection, "UPDATE app_meta SET value = value")
            assert not connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'intruder'")).scalar()
    finally:
        engine.dispose()
    editor = server.open("operator")
    assert editor.role == "operator"
    with pytest.raises(AccessDenied):
        users.add_user(editor, "intruder", "Х Х", "admin", PASSWORD_OF_TEST_USERS)
    editor.role = "admin"  # past the application's own check: the server still refuses
    with pytest.raises(AccessDenied):
        users.set_role(editor, other, "admin")
    with pytest.raises(AccessDenied):
        users.reset_password(editor, other, "Новий-пароль-2027")
    assert {u.login: u.role for u in users.list_users(server.owner)}[other] == "viewer"


def test_the_journal_names_the_connected_role_whatever_the_client_writes(server):
    editor = server.open("operator")
    login, name = server.logins["operator"], server.names["operator"]
    assert editor.actor == f"{name} ({login})"
    editor.actor = "КОВАЛЕНКО Олена Петрівна (admin)"  # a client pretending to be someone else
    with editor.changing("Перевірка підпису") as session:
        session.execute(text("UPDATE stage SET title = title || ' ' WHERE annex_number = 1"))
        session.execute(text("INSERT INTO journal_entry (changeset, at, actor, label, operation, table_name, "
                             "record_id) VALUES ('forged', now(), 'admin', 'Чужий запис', 'update', 'stage', '1')"))
    engine = _raw(server, "operator")
    try:
        with engine.connect() as connection:  # raw SQL, naming another user in the row
            connection.execute(text("INSERT INTO journal_entry (changeset, at, actor, label, operation, table_name, "
                                    "record_id) VALUES ('forged2', now(), :a, 'x', 'update', 'stage', '1')"),
                               {"a": server.logins["admin"]})
    finally:
        engine.dispose()
    with server.owner.reading() as session:
        actors = set(session.execute(text("SELECT actor FROM journal_entry WHERE changeset IN ('forged', 'forged2') "
                                          "OR label = 'Перевірка підпису'")).scalars())
    assert actors == {f"{name} ({login})"}


def test_users_are_server_roles_and_no_table_holds_a_password_hash(server):
    listed = {u.login: u for u in users.list_users(server.owner)}
    assert {login: listed[login].role for login in server.logins.values()} == \
        {login: role for role, login in server.logins.items()}
    with server.owner.engine.connect() as connection:
        columns = connection.execute(text(
            "SELECT table_name || '.' || column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND (column_name ILIKE '%password%' OR column_name ILIKE '%hash%' "
            "OR column_name ILIKE '%salt%')")).scalars().all()
        assert columns == []
        assert "app_user" not in _tables(connection)
        method = connection.execute(text("SHOW password_encryption")).scalar()
    assert method == "scram-sha-256"
    # The server's journal has the user management under the administrator's name, no password in it.
    admin = server.open("admin")
    users.reset_password(admin, server.logins["viewer"], "Новий-пароль-2027")
    with admin.reading() as session:
        row = session.execute(text("SELECT actor, before, after FROM journal_entry WHERE table_name = 'server_user' "
                                   "ORDER BY id DESC LIMIT 1")).one()
    assert row.actor == f"{server.names['admin']} ({server.logins['admin']})"
    assert "Новий-пароль" not in (row.before or "") + (row.after or "") and "приховано" in row.after


def test_wrong_unknown_and_disabled_logins_are_refused_alike(server):
    with pytest.raises(LoginFailed) as wrong:
        server.open("viewer", password="не-той-пароль")
    with pytest.raises(LoginFailed) as unknown:
        open_database(server.url, login="nobody_at_all", password=PASSWORD_OF_TEST_USERS)
    admin = server.open("admin")
    users.set_active(admin, server.logins["operator"], False)
    with pytest.raises(LoginFailed) as disabled:
        server.open("operator")
    assert wrong.value.message == unknown.value.message == disabled.value.message == users.WRONG_CREDENTIALS
    users.set_active(admin, server.logins["operator"], True)
    assert server.open("operator").role == "operator"


def test_the_administrator_manages_users_within_limits(server):
    admin = server.open("admin")
    assert admin.role == "admin"
    added = users.add_user(admin, f"{server.prefix}_new", "НОВЕНЬКА Оксана", "viewer", "Пароль-нової-2026")
    assert added.role == "viewer"
    assert server.open(None, "Пароль-нової-2026", login=added.login).role == "viewer"
    with pytest.raises(UserError, match="уже існує"):
        users.add_user(admin, added.login, "ДУБЛЬ", "viewer", "Пароль-нової-2026")
    with pytest.raises(UserError, match="не є користувачем kr_desktop"):
        users.add_user(admin, "kr_test", "ВЛАСНИК", "viewer", "Пароль-нової-2026")  # the owner's role
    with pytest.raises(UserError, match="не знайдено"):
        users.reset_password(admin, "kr_test", "Захоплення-2026")  # not the owner's password
    with pytest.raises(UserError, match="не знайдено"):
        users.set_role(admin, f"{server.prefix}_admin", "viewer")  # nor a group
    with pytest.raises(UserError, match="самого себе"):
        users.set_active(admin, server.logins["admin"], False)
    with pytest.raises(UserError, match="єдиний активний адміністратор"):
        users.set_role(admin, server.logins["admin"], "viewer")
    users.set_role(admin, server.logins["viewer"], "operator")
    assert server.open("viewer").role == "operator"


def test_a_forgotten_administrators_password_is_reset_with_the_owners_credential(server):
    from tests.test_cli import run_cli

    admin = server.logins["admin"]
    done = run_cli("users", "reset-password", admin, "--db", server.owner_url,
                   env_extra={"KR_DESKTOP_NEW_PASSWORD": "Згадала-пароль-2027"})
    assert done.returncode == 0, done.stderr
    with pytest.raises(LoginFailed):
        server.open("admin")
    assert server.open("admin", "Згадала-пароль-2027").role == "admin"
    # A viewer's credential does not reset anything.
    refused = run_cli("users", "reset-password", admin, "--db", server.url,
                      env_extra={"KR_DESKTOP_USER": server.logins["viewer"], "KR_DESKTOP_PASSWORD": PASSWORD_OF_TEST_USERS,
                                 "KR_DESKTOP_NEW_PASSWORD": "Чужий-пароль-2027"})
    assert refused.returncode == 3 and "Недостатньо прав" in refused.stderr


def test_users_commands_on_the_server(server):
    from tests.test_cli import run_cli

    env = {"KR_DESKTOP_USER": server.logins["admin"], "KR_DESKTOP_PASSWORD": PASSWORD_OF_TEST_USERS}
    login = f"{server.prefix}_cli"
    added = run_cli("users", "add", login, "--name", "КЛІЄНТ Петро", "--role", "editor", "--db", server.url,
                    env_extra={**env, "KR_DESKTOP_NEW_PASSWORD": "Пароль-клієнта-1"})
    assert added.returncode == 0, added.stderr
    listed = run_cli("users", "list", "--db", server.url, env_extra=env)
    assert listed.returncode == 0 and login in listed.stdout and "оператор" in listed.stdout
    for args, expected in ((("set-role", login, "viewer"), "перегляд"), (("disable", login), "вимкнено"),
                           (("enable", login), "увімкнено")):
        done = run_cli("users", *args, "--db", server.url, env_extra=env)
        assert done.returncode == 0 and expected in done.stdout, done.stderr
    no_login = run_cli("users", "list", "--db", server.url)
    assert no_login.returncode != 0 and "KR_DESKTOP_USER" in no_login.stderr
    wrong = run_cli("users", "list", "--db", server.url, env_extra={**env, "KR_DESKTOP_PASSWORD": "не той"})
    assert wrong.returncode == 3 and "Невірне ім’я користувача або пароль" in wrong.stderr


def test_only_the_owner_upgrades_the_schema(server):
    with server.owner.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0007'"))  # as if an older version made it
    with pytest.raises(DatabaseFileError, match="власник"):
        server.open("admin")
    with server.owner.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0007"


def test_tls_from_the_url_is_honoured(server):
    # The test server has no TLS: a URL asking for verify-full must not fall back to plain text.
    with pytest.raises(UserError, match="TLS"):
        open_database(server.url + "?sslmode=verify-full", login=server.logins["viewer"], password=PASSWORD_OF_TEST_USERS)
