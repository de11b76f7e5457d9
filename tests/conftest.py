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
        from sqlalchemy.engine import make_url

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
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

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

