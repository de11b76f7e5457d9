"""The side panel of the main window: the screens grouped by the department's two jobs — the
Program and the awards — and administration, as records applications group their views.

The screens themselves stay in the window's QTabWidget (``window.tabs``), built when first shown
(``ui/lazy_tabs.py``), with its tab bar hidden: this panel only chooses the current one. So every
screen, the remembered layout and the commands keep working with ``window.tabs`` as before.

Under a group's heading there is room for a widget of that group (``add_to_group``): the
Program's chooser belongs under «Програма».

A window narrower than ``COMPACT_BELOW`` (a small screen, a window beside another) shows the panel
as a strip of icons, each titled in its tooltip, so the screen keeps its room; narrower than
``HIDDEN_BELOW`` the panel steps aside. The «Перейти» menu lists the same screens at any width, with
Ctrl+1…Ctrl+9 for the first nine.

Built before the window's first paint, so it touches no enum of Qt's namespace (they cost ~20 ms
to build): plain buttons, a style sheet, no item views.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kr_desktop.ui import texts
from kr_desktop.ui.icons import icon, when_shown
from kr_desktop.ui.screens import GROUPS, SCREENS

STYLE = """
QFrame#navigation { background: #eef1f5; border: none; border-right: 1px solid #c9d0d9; }
QLabel[navigationGroup="true"] { color: #56606c; font-weight: bold; padding: 12px 10px 4px 10px; }
QPushButton[navigationItem="true"] { text-align: left; border: none; border-radius: 3px;
    padding: 6px 6px 6px 10px; margin: 0px 4px; background: transparent; color: #1f2933; }
QPushButton[navigationItem="true"]:hover { background: #dde4ec; }
QPushButton[navigationItem="true"]:focus:!checked { border-left: 3px solid #9fb3c8; }
QPushButton[navigationItem="true"]:checked { background: #2f6fad; color: white; }
QFrame#navigation[compact="true"] QPushButton[navigationItem="true"] { padding: 6px 0px; margin: 0px 4px;
    text-align: center; }
"""

COMPACT_BELOW = 1100  # px of the window's width
COMPACT_WIDTH = 40
HIDDEN_BELOW = 900


class ScreenNavigation(QFrame):
    def __init__(self, window, tabs, screens):
        super().__init__()
        self.window, self.tabs, self.screens = window, tabs, screens
        self.setObjectName("navigation")
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(1)
        self.headers: dict[str, QLabel] = {}
        self.slots: dict[str, QVBoxLayout] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.compact = False
        self.full_width = 190
        for group, title in GROUPS:
            header = QLabel(title.upper())
            header.setProperty("navigationGroup", True)
            header.setObjectName(f"navigationGroup_{group}")
            layout.addWidget(header)
            self.headers[group] = header
            slot = QVBoxLayout()
            slot.setContentsMargins(10, 0, 8, 4)
            layout.addLayout(slot)
            self.slots[group] = slot
            for spec in SCREENS:
                if spec.group != group:
                    continue
                button = QPushButton(icon(spec.icon), spec.title)
                button.setObjectName(f"navigate_{spec.attribute}")
                button.setProperty("navigationItem", True)
                button.setCheckable(True)
                button.setAutoExclusive(True)  # one current screen among all the panel's buttons
                button.setToolTip(texts.NAVIGATION_TIP.format(title=spec.title))
                button.clicked.connect(lambda _checked=False, a=spec.attribute: self.show_screen(a))
                button.setVisible(False)  # until the window adds the screen (roles, the database)
                layout.addWidget(button)
                self.buttons[spec.attribute] = button
        layout.addStretch(1)
        self.menu = self._menu()
        # Up to its full width; it asks for no minimum (``fit`` makes it a strip or steps it aside), so
        # the window's minimum is the screen's.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        tabs.currentChanged.connect(lambda _index: self.sync())

    def _menu(self) -> QMenu:
        """«Перейти»: every screen by its title, the first nine with Ctrl+1…Ctrl+9."""
        menu = QMenu(texts.MENU_GO, self.window)
        self.go_actions: dict[str, QAction] = {}
        previous = None
        for number, spec in enumerate(SCREENS, start=1):
            if previous is not None and spec.group != previous:
                menu.addSeparator()
            previous = spec.group
            action = QAction(spec.title, self.window)  # its icon when the menu first opens
            action.setObjectName(f"go_{spec.attribute}")
            if number <= 9:
                action.setShortcuts([QKeySequence(f"Ctrl+{number}")])  # a list: see window_commands
            action.triggered.connect(lambda _checked=False, a=spec.attribute: self.show_screen(a))
            action.setVisible(False)
            menu.addAction(action)
            self.go_actions[spec.attribute] = action
        when_shown(menu, {self.go_actions[s.attribute]: s.icon for s in SCREENS})
        return menu

    def add_to_group(self, group: str, widget: QWidget) -> None:
        """A widget under the group's heading (the Program's chooser under «Програма»)."""
        self.slots[group].addWidget(widget)

    def screen_widget(self, attribute: str) -> QWidget | None:
        """The screen in the window's tabs, or its placeholder while it is not built yet."""
        built = self.window.__dict__.get(attribute)
        if built is not None:
            return built
        pending = self.screens.pending.get(attribute)
        return pending[1] if pending else None

    def show_screen(self, attribute: str) -> None:
        widget = self.screen_widget(attribute)
        if widget is not None:
            self.tabs.setCurrentIndex(self.tabs.indexOf(widget))  # lazy_tabs builds it now
        self.sync()

    def current_attribute(self) -> str | None:
        current = self.tabs.currentWidget()
        return next((a for a in self.buttons if current is not None and self.screen_widget(a) is current), None)

    def current_group(self) -> str | None:
        attribute = self.current_attribute()
        return next((spec.group for spec in SCREENS if spec.attribute == attribute), None)

    def sync(self) -> None:
        """Buttons for the screens the window holds (a group without any is hidden), the current
        one checked."""
        current = self.current_attribute()
        shown_groups = set()
        for spec in SCREENS:
            button = self.buttons[spec.attribute]
            present = self.screen_widget(spec.attribute) is not None
            button.setVisible(present)
            self.go_actions[spec.attribute].setVisible(present)
            if present:
                shown_groups.add(spec.group)
            if spec.attribute == current and not button.isChecked():
                button.setChecked(True)
        for group, header in self.headers.items():
            header.setVisible(group in shown_groups)
        if not self.compact:
            width = max((b.sizeHint().width() for b in self.buttons.values()), default=160)
            self.full_width = max(width + 10, 180)
            self.setMaximumWidth(self.full_width)

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        hint.setWidth(COMPACT_WIDTH if self.compact else self.full_width)
        return hint

    def fit(self, window_width: int) -> None:
        """The panel for a window this wide: whole, a strip of icons, or stepped aside."""
        self.setVisible(window_width >= HIDDEN_BELOW)
        self.set_compact(window_width < COMPACT_BELOW)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setWidth(0)
        return hint

    def set_compact(self, compact: bool) -> None:
        """Icons only (titles in the tooltips) or icons and titles."""
        if compact == self.compact:
            return
        self.compact = compact
        self.setProperty("compact", compact)
        self.setStyleSheet(STYLE)  # the compact rules apply now
        for spec in SCREENS:
            self.buttons[spec.attribute].setText("" if compact else spec.title)
        for group, title in GROUPS:
            self.headers[group].setText("" if compact else title.upper())
            self.headers[group].setMaximumHeight(8 if compact else 16777215)
            for index in range(self.slots[group].count()):
                widget = self.slots[group].itemAt(index).widget()
                if widget is not None:
                    widget.setVisible(not compact)
        self.setMaximumWidth(COMPACT_WIDTH if compact else self.full_width)
        self.updateGeometry()

    def visible_attributes(self) -> list[str]:
        return [a for a, b in self.buttons.items() if not b.isHidden()]

    def step(self, delta: int) -> None:
        """The next or previous screen in the panel's order (arrow keys in the panel)."""
        order = self.visible_attributes()
        current = self.current_attribute()
        if not order:
            return
        index = order.index(current) if current in order else 0
        target = order[max(0, min(len(order) - 1, index + delta))]
        self.show_screen(target)
        self.buttons[target].setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt  # only at a key press: nothing of Qt's namespace before the first paint

        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)
