"""The About box: the application's version, and the versions (read at run time) and licences of
the fonts and libraries shipped with it."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from kr_desktop import __version__
from kr_desktop.ui import app_texts as t

# (distribution name, shown name, licence): what the installer bundles.
LIBRARIES = (
    ("PySide6-Essentials", "Qt for Python (PySide6)", "LGPL-3.0"),
    ("shiboken6", "Shiboken6", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD"),
    ("babel", "Babel", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("python-docx", "python-docx", "MIT"),
    ("pypdfium2", "pypdfium2 (PDFium)", "Apache-2.0 або BSD-3-Clause; PDFium — BSD-3-Clause"),
    ("shevchenko", "shevchenko", "MIT"),
    ("psycopg", "psycopg", "LGPL-3.0"),
    ("platformdirs", "platformdirs", "MIT"),
    ("pyphen", "Pyphen і словник переносів uk_UA (LibreOffice, М. Поляков)",
     "LGPL-2.1+ або MPL-1.1; словник — GPL-2.0+"),
)


def library_versions() -> list[tuple[str, str, str]]:
    rows = []
    for dist, name, licence in LIBRARIES:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = t.ABOUT_NOT_FOUND
        rows.append((name, version, licence))
    return rows


def about_html() -> str:
    rows = "".join(t.ABOUT_ROW.format(name=n, version=v, licence=lic) for n, v, lic in library_versions())
    rows += t.ABOUT_ROW.format(name="Python", version=platform.python_version(), licence="PSF License")
    return (t.ABOUT_HEAD.format(version=__version__, python=platform.python_version(), qt=qVersion())
            + f"<table>{rows}</table>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, t.ABOUT_TITLE, about_html())
