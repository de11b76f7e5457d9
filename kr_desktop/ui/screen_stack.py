"""The pages of the main window: one screen shown at a time, chosen in the side panel.

A QStackedWidget that also answers the part of QTabWidget's interface the window, the lazy screens
and the tests use (``tabText``, ``insertTab``, ``removeTab``…), so the screens moved from a strip of
tabs into the side panel's host without changing. Unlike a QTabWidget with its tab bar hidden, it
asks for no room of its own: its minimum is its screens' minimum.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget


class ScreenStack(QStackedWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._titles: dict[int, str] = {}  # id(widget) → title

    def insertTab(self, index: int, widget: QWidget, title: str) -> int:  # noqa: N802 - QTabWidget's name
        self._titles[id(widget)] = title
        return self.insertWidget(index, widget)

    def addTab(self, widget: QWidget, title: str) -> int:  # noqa: N802
        return self.insertTab(self.count(), widget, title)

    def removeTab(self, index: int) -> None:  # noqa: N802
        widget = self.widget(index)
        if widget is not None:
            self._titles.pop(id(widget), None)
            self.removeWidget(widget)

    def tabText(self, index: int) -> str:  # noqa: N802
        widget = self.widget(index)
        return self._titles.get(id(widget), "") if widget is not None else ""

    def setTabText(self, index: int, title: str) -> None:  # noqa: N802
        widget = self.widget(index)
        if widget is not None:
            self._titles[id(widget)] = title
