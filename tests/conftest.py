import os

# Before any QApplication exists: no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kr_desktop.db.open import create_from_builtin, open_database  # noqa: E402

# Set by scripts/test.sh, which starts a private PostgreSQL server for the run. With it, every
# test that takes the `db` fixture runs on SQLite and on PostgreSQL (ids "[sqlite]",
# "[postgresql]"), except tests that also take `db_path` (they relate the database to its file),
# tests that drive windows (`qtbot`: the UI never meets SQL; the services under it are tested on
# both), and tests marked `sqlite_only`.
PG_URL = os.environ.get("KR_DESKTOP_TEST_PG_URL")
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def _private_window_settings(tmp_path_factory, monkeypatch):
    """Window layout (QSettings) in a fresh INI file per test, never the user's own settings."""
    monkeypatch.setenv("KR_DESKTOP_SETTINGS_DIR", str(tmp_path_factory.mktemp("settings")))
    # and the start snapshots (services/start_snapshot.py) in a fresh folder, never the user's cache
    monkeypatch.setenv("KR_DESKTOP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite files; never run on PostgreSQL")


def pytest_generate_tests(metafunc):
    if not PG_URL or "db" not in metafunc.fixturenames:
        return
    if "db_path" in metafunc.fixturenames or "qtbot" in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("db", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def builtin_db_file(tmp_path_factory) -> Path:
    """The built-in database, created once per run by migrations and the loader."""
    path = tmp_path_factory.mktemp("builtin") / "builtin.sqlite3"
    create_from_builtin(path)
    return path


@pytest.fixture(scope="session")
def report_demo(builtin_db_file, tmp_path_factory):
    """The built-in Program with demo data (tests/report_demo.py), opened once: the report tests
    only read it."""
    from report_demo import make_demo

    db = make_demo(builtin_db_file, tmp_path_factory.mktemp("report-demo"))
    yield db
    db.dispose()


@pytest.fixture
def db_path(builtin_db_file, tmp_path) -> Path:
    """A private copy of the built-in database for one test."""
    path = tmp_path / "kr.sqlite3"
    shutil.copyfile(builtin_db_file, path)
    return path


class PostgresDatabases:
    """Fresh PostgreSQL databases for tests: the built-in database is made once (migrations and
    loader) as a template, and each test gets ``CREATE DATABASE … TEMPLATE`` of it (~20 ms)."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import URL, make_url

        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.prefix = f"kr_t{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self._numbers = itertools.count(1)
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self.template}"')
        database = open_database(self.url_of(self.template))
        database.dispose()

    def _execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            connection.execute(text(sql))

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def new(self) -> str:
        name = f"{self.prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" STRATEGY FILE_COPY')
        return name

    def drop(self, name: str) -> None:
        # WITH (FORCE) ends the other sessions on the database, but may not end a server process of
        # a superuser (an autovacuum worker that has just started on the fresh copy): the drop then
        # fails with «must be a member of the role… or of pg_signal_backend». Such a worker is done
        # in a moment: try again briefly instead of failing the test that owned the database.
        import time

        from sqlalchemy.exc import ProgrammingError

        for attempt in range(30):
            try:
                self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except ProgrammingError as exc:
                if "pg_signal_backend" not in str(exc) or attempt == 29:
                    raise
                time.sleep(0.1)

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_databases():
    if not PG_URL:
        pytest.skip("KR_DESKTOP_TEST_PG_URL не задано: немає сервера PostgreSQL для тестів")
    databases = PostgresDatabases(PG_URL)
    yield databases
    databases.close()


@pytest.fixture
def pg_url(pg_databases):
    """The URL of a fresh PostgreSQL database holding the built-in data (dropped afterwards)."""
    name = pg_databases.new()
    yield pg_databases.url_of(name)
    pg_databases.drop(name)


@pytest.fixture
def db(request):
    """A fresh copy of the built-in database, opened: a SQLite file (``db_path``) or, in the
    "[postgresql]" run of a parametrized test, a fresh PostgreSQL database."""
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        database = open_database(request.getfixturevalue("pg_url"))
    else:
        database = open_database(request.getfixturevalue("db_path"))
    yield database
    database.dispose()



PASSWORD_OF_TEST_USERS = "Пароль-сервера-2026"


class ServerWithUsers:
    """A fresh database on the test server set up by ``server init`` (its group roles named with
    a prefix unique to this test, since role names are global to the server), with one user per
    role. ``open(role)`` connects as that user — the connection is the login."""

    def __init__(self, databases: PostgresDatabases):
        import secrets

        from sqlalchemy.engine import URL, make_url

        from kr_desktop.services import server_setup, users

        self.databases = databases
        self.name = databases.new()
        self.owner_url = databases.url_of(self.name)
        plain = make_url(self.owner_url)
        self.url = URL.create(plain.drivername, host=plain.host, port=plain.port,  # no login, no password
                              database=plain.database).render_as_string(hide_password=False)
        self.prefix = f"krt{secrets.token_hex(3)}"
        self.report = server_setup.prepare(self.owner_url, None, None, self.prefix)
        self.owner = self.report.database
        self.logins = {role: f"{self.prefix}_{role[:2]}" for role in ("admin", "operator", "viewer")}
        self.names = {"admin": "КОВАЛЕНКО Олена Петрівна", "operator": "ШЕВЧЕНКО Іван Іванович",
                      "viewer": "ПЕТРЕНКО Марія Олегівна"}
        for role, login in self.logins.items():
            users.add_user(self.owner, login, self.names[role], role, PASSWORD_OF_TEST_USERS)
        self.opened: list = []

    def open(self, role: str, password: str = PASSWORD_OF_TEST_USERS, login: str | None = None):
        database = open_database(self.url, login=login or self.logins[role], password=password)
        self.opened.append(database)
        return database

    def close(self) -> None:
        from sqlalchemy import text

        for database in self.opened + [self.owner]:
            database.dispose()
        # Without FORCE: the test owner may not end other roles' sessions; a plain DROP waits (up
        # to 5 s) for the sessions just closed to end on the server.
        self.databases._execute(f'DROP DATABASE IF EXISTS "{self.name}"')
        groups = [f"{self.prefix}_{suffix}" for suffix in ("viewer", "editor", "admin")]
        with self.databases.admin.connect() as connection:
            members = connection.execute(text(
                "SELECT DISTINCT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ANY(:groups)"), {"groups": groups}).scalars()
            for role in [*members, *groups]:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@pytest.fixture
def server(pg_databases):
    """A database on the test server with server roles (skipped when the test owner may not
    create roles)."""
    from sqlalchemy import text

    with pg_databases.admin.connect() as connection:
        if not connection.execute(text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
            pytest.skip("користувач тестового сервера не має права CREATEROLE")
    setup = ServerWithUsers(pg_databases)
    yield setup
    setup.close()
