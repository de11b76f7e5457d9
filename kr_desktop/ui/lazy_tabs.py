"""Screens built when first shown: the main window appears with its start screen's data while
the other screens cost nothing until the user (or code) opens them.

Each tab starts as an empty placeholder; the screen replaces it when its tab becomes current or
when code asks the window for it by attribute (``window.awards_screen``), so callers see the same
window as when every screen was built at start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

START_SCREEN = "control_screen"  # the one screen that can show data before the database is open


class LazyScreens:
    def __init__(self, owner: QWidget, tabs, context):
        """``tabs``: the window's ScreenStack (or a QTabWidget: the same calls)."""
        self.owner, self.tabs, self.context = owner, tabs, context
        self.pending: dict[str, tuple] = {}  # attribute → (spec, placeholder)
        tabs.currentChanged.connect(self._on_current)

    def add(self, spec, index: int = -1) -> None:
        placeholder = QWidget()
        self.pending[spec.attribute] = (spec, placeholder)
        self.tabs.insertTab(index, placeholder, spec.title)  # the first tab becomes current: built at once
        if self._can_build(spec) and self.tabs.currentWidget() is placeholder:
            self.build(spec.attribute)

    def _can_build(self, spec) -> bool:
        """Before the database is open only the start screen can be built (from its snapshot);
        any other tab the user opens meanwhile is built when the database is there."""
        return self.context.db is not None or spec.attribute == START_SCREEN

    def opened(self) -> None:
        """The database is open: build the current tab if it is still a placeholder."""
        self._on_current(self.tabs.currentIndex())

    def build(self, attribute: str) -> QWidget:
        spec, placeholder = self.pending.pop(attribute)
        screen = spec.load()(self.context)
        setattr(self.owner, attribute, screen)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, screen, spec.title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return screen

    def build_all(self) -> None:
        for attribute in list(self.pending):
            self.build(attribute)

    def _on_current(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for attribute, (spec, placeholder) in list(self.pending.items()):
            if placeholder is widget and self._can_build(spec):
                self.build(attribute)
                self.tabs.setCurrentIndex(index)
                return
