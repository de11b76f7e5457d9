"""Where things live: shipped resources, the per-user data folder."""

from __future__ import annotations

import sys
from pathlib import Path

from kr_desktop import APP_NAME

DEFAULT_DB_NAME = "kr_desktop.sqlite3"


def resources_dir() -> Path:
    """The ``resources/`` folder: inside a PyInstaller bundle; inside the package when installed
    from a wheel (``pip install .``, see setup.py); beside the package in a checkout."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_file(name: str) -> Path:
    return fonts_dir() / name


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    """Qt's Ukrainian catalogue copied here by the bundle (in a checkout, PySide6's own is used)."""
    return resources_dir() / "translations"


def docs_dir() -> Path:
    """The user guide and its screenshots: ``docs/`` of the checkout, the bundle or the installed package."""
    return resources_dir().parent / "docs"


def user_data_dir() -> Path:
    from platformdirs import user_data_path  # only when no database was named (the start stays light)

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_db_path() -> Path:
    """The user's own database in the platform's per-user data folder."""
    return user_data_dir() / DEFAULT_DB_NAME
