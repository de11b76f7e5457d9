import os

# Before any QApplication exists: no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kr_desktop.db.open import create_from_builtin, open_database  # noqa: E402


@pytest.fixture(scope="session")
def builtin_db_file(tmp_path_factory) -> Path:
    """The built-in database, created once per run by migrations and the loader."""
    path = tmp_path_factory.mktemp("builtin") / "builtin.sqlite3"
    create_from_builtin(path)
    return path


@pytest.fixture
def db_path(builtin_db_file, tmp_path) -> Path:
    """A private copy of the built-in database for one test."""
    path = tmp_path / "kr.sqlite3"
    shutil.copyfile(builtin_db_file, path)
    return path


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.dispose()
