"""Window size, splitters and column widths remembered between runs (QSettings).

Per-user, per-machine layout belongs in QSettings (the registry on Windows, ~/.config on Linux),
not in the shared database. Keys: ``window/geometry``, ``window/state`` (toolbars), and for each
screen ``screens/<attribute>/splitter/<name>`` and ``screens/<attribute>/columns/<name>`` (the
header's state; ``header/`` held it before the informative columns took the spare width), where
<name> is the widget's objectName (or its position among its kind in the screen when it has none).

Screens are built when first shown (lazy tabs): a screen's layout is restored when it is first
current, and saved only for screens restored this run, so a screen never opened keeps the layout
saved by an earlier run. ``KR_DESKTOP_SETTINGS_DIR`` puts the settings in an INI file in that
folder (tests, screenshots).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QSplitter, QTableView, QTreeView, QWidget
from shiboken6 import Shiboken

from kr_desktop import APP_NAME

SETTINGS_DIR_VARIABLE = "KR_DESKTOP_SETTINGS_DIR"


def app_settings() -> QSettings:
    folder = os.environ.get(SETTINGS_DIR_VARIABLE)
    if folder:
        return QSettings(str(Path(folder) / f"{APP_NAME}.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def _named(widgets: list[QWidget]) -> list[tuple[str, QWidget]]:
    return [(w.objectName() or str(i), w) for i, w in enumerate(widgets)]


def splitters(screen: QWidget) -> list[tuple[str, QSplitter]]:
    return _named(screen.findChildren(QSplitter))


def headers(screen: QWidget) -> list[tuple[str, object]]:
    views = [v for v in screen.findChildren(QAbstractItemView) if isinstance(v, (QTableView, QTreeView))]
    return [(name, v.horizontalHeader() if isinstance(v, QTableView) else v.header()) for name, v in _named(views)]


class WindowState:
    def __init__(self, window: QMainWindow, tabs, attributes: dict[str, str]):
        """``attributes``: screen attribute → tab title, in tab order (the window's screens)."""
        self.window, self.tabs, self.attributes = window, tabs, attributes
        self.restored: dict[str, QWidget] = {}
        tabs.currentChanged.connect(lambda _i: self.restore_current())

    def _attribute_of(self, widget: QWidget | None) -> str | None:
        for attribute in self.attributes:
            if self.window.__dict__.get(attribute) is widget and widget is not None:
                return attribute
        return None

    def restore_window(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.window.restoreState(state)
        self.restore_current()

    def restore_current(self) -> None:
        if not Shiboken.isValid(self.tabs):
            return  # the window is being destroyed
        screen = self.tabs.currentWidget()
        attribute = self._attribute_of(screen)
        if attribute is None or attribute in self.restored:
            return
        settings = app_settings()
        for name, splitter in splitters(screen):
            value = settings.value(f"screens/{attribute}/splitter/{name}")
            if value is not None:
                splitter.restoreState(value)
        for name, header in headers(screen):
            value = settings.value(f"screens/{attribute}/columns/{name}")
            if value is not None:
                header.restoreState(value)
        self.restored[attribute] = screen

    def save(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState())
        for attribute, screen in self.restored.items():
            for name, splitter in splitters(screen):
                settings.setValue(f"screens/{attribute}/splitter/{name}", splitter.saveState())
            for name, header in headers(screen):
                settings.setValue(f"screens/{attribute}/columns/{name}", header.saveState())
        settings.sync()
