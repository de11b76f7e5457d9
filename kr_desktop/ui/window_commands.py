"""The main window's common commands: the «Запис» menu, the toolbar and their shortcuts (Ctrl+N,
Ctrl+S, Del, Ctrl+F, Ctrl+P, F1), each sent to the current screen (``screen_commands``) and
disabled on screens without it."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar
from shiboken6 import Shiboken

from kr_desktop.services.access import OPERATOR, has_role
from kr_desktop.ui import app_texts as t
from kr_desktop.ui.icons import icon
from kr_desktop.ui.screen_commands import find_command

TEXT_BESIDE_ICON = 2  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon (tests check the number)

# command → (menu text, shortcut, tooltip, icon (ui/icons.py), changes data, the toolbar's short label)
SPEC = {
    "new_record": (t.ACTION_NEW, "Ctrl+N", t.TIP_NEW, "file-plus", True, t.TOOL_NEW),
    "save_current": (t.ACTION_SAVE, "Ctrl+S", t.TIP_SAVE, "device-floppy", True, t.TOOL_SAVE),
    "delete_selected": (t.ACTION_DELETE, "Del", t.TIP_DELETE, "trash", True, t.TOOL_DELETE),
    "focus_search": (t.ACTION_SEARCH, "Ctrl+F", t.TIP_SEARCH, "search", False, t.TOOL_SEARCH),
    "print_current": (t.ACTION_PRINT, "Ctrl+P", t.TIP_PRINT, "printer", False, t.TOOL_PRINT),
}


class WindowCommands:
    def __init__(self, window: QMainWindow, file_menu: QMenu, help_menu: QMenu, undo_actions=None):
        self.window = window
        self.actions: dict[str, QAction] = {}
        for name, (text, key, tip, icon_name, _changes, short) in SPEC.items():
            action = QAction(icon(icon_name), text, window)
            action.setObjectName(f"action_{name}")
            action.setIconText(short)
            # setShortcuts([…]), not setShortcut(…): that overload's resolution builds every enum of
            # the Qt namespace (~20 ms) before the window's first paint.
            action.setShortcuts([QKeySequence(key)])
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(partial(self.run, name))
            self.actions[name] = action
        self.help_action = QAction(icon("help-circle"), t.ACTION_HELP, window)
        self.help_action.setObjectName("action_help")
        self.help_action.setIconText(t.TOOL_HELP)
        self.help_action.setToolTip(t.TIP_HELP)
        self.help_action.setShortcuts(QKeySequence.StandardKey.HelpContents)  # F1
        self.help_action.setStatusTip(t.TIP_HELP)
        self.help_action.triggered.connect(self.show_help)

        first = file_menu.actions()[0] if file_menu.actions() else None
        file_menu.insertAction(first, self.actions["print_current"])
        record = QMenu(t.MENU_RECORD, window)
        for name in ("new_record", "save_current", "delete_selected"):
            record.addAction(self.actions[name])
        record.addSeparator()
        record.addAction(self.actions["focus_search"])
        window.menuBar().insertMenu(help_menu.menuAction(), record)
        help_first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(help_first, self.help_action)
        if help_first is not None:
            help_menu.insertSeparator(help_first)

        self.toolbar = QToolBar(t.TOOLBAR, window)
        self.toolbar.setObjectName("mainToolbar")  # QMainWindow.saveState needs the name
        # Qt.ToolButtonStyle.ToolButtonTextBesideIcon, set by number: naming it would build every
        # enum of the Qt namespace before the window's first paint (~20 ms of the start).
        self.toolbar.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        for name in ("new_record", "save_current", "delete_selected"):
            self.toolbar.addAction(self.actions[name])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.actions["focus_search"])
        self.toolbar.addAction(self.actions["print_current"])
        if undo_actions is not None:
            self.toolbar.addSeparator()
            for attribute in ("undo_action", "redo_action"):
                action = getattr(undo_actions, attribute, None)
                if action is not None:
                    self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.help_action)
        window.addToolBar(self.toolbar)  # at the top
        window.tabs.currentChanged.connect(lambda _i: self.update())
        window.context.events.opened.connect(self.update)
        self.help_window = None
        self.update()

    @property
    def can_change(self) -> bool:
        """A read-only user gets no editing commands (nor anyone while the database opens)."""
        db = self.window.context.db
        return db is not None and has_role(db, OPERATOR)

    def current_screen(self):
        return self.window.tabs.currentWidget()

    def command(self, name: str):
        if self.window.context.db is None:
            return None  # the database is still opening: no screen can act yet
        if SPEC[name][4] and not self.can_change:
            return None
        return find_command(self.current_screen(), name, self.window)

    def update(self) -> None:
        if not Shiboken.isValid(self.window.tabs):
            return  # the window is being destroyed (its tabs emit currentChanged while going)
        for name, action in self.actions.items():
            enabled = self.command(name) is not None
            action.setEnabled(enabled)
            action.setToolTip(SPEC[name][2] if enabled else f"{SPEC[name][2]}\n{t.TIP_UNAVAILABLE}")

    def run(self, name: str, _checked: bool = False):
        command = self.command(name)
        return command() if command is not None else None

    def show_help(self) -> None:
        from kr_desktop.ui.help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self.window)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()


def app_icon() -> QIcon:
    from kr_desktop.paths import icons_dir

    icon = QIcon()
    folder = icons_dir()
    for path in sorted(folder.glob("kr-desktop*.png")):
        icon.addFile(str(path))
    return icon
