"""Ctrl+S in any dialog with a «Зберегти» (or OK) button presses that button; and the dialogs'
standard buttons show no style icons (the application has one icon set, ui/icons.py).

The dialogs are built by many areas with a QDialogButtonBox; one application-wide key filter gives
them all the same shortcut without each dialog wiring its own. The main window's own Ctrl+S
(save on the current screen) is a window shortcut, so the two never meet.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

SAVE = QKeySequence(QKeySequence.StandardKey.Save)


def save_button(dialog: QDialog):
    for box in dialog.findChildren(QDialogButtonBox):
        for standard in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok):
            button = box.button(standard)
            if button is not None and button.isVisible() and button.isEnabled():
                return button
    return None


class DialogSaveKey(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialogButtonBox):
            # One icon set (ui/icons.py): the style's own pictures on «Зберегти»/«Скасувати» (a red
            # cross in Fusion) are left off, as Windows leaves them off anyway.
            for button in watched.buttons():
                button.setIcon(QIcon())
            return False
        if event.type() != QEvent.Type.KeyPress or not event.matches(QKeySequence.StandardKey.Save):
            return False
        dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
        if not isinstance(dialog, QDialog):
            return False
        button = save_button(dialog)
        if button is None:
            return False
        button.click()
        return True


_installed: list[DialogSaveKey] = []


def install(app: QApplication) -> None:
    if not _installed:
        _installed.append(DialogSaveKey(app))
        app.installEventFilter(_installed[0])
        atexit.register(uninstall)


def uninstall() -> None:
    """Remove the filter before the interpreter shuts down: QApplication's destruction sends events
    to every remaining widget, and a Python filter called then crashes the process."""
    app = QApplication.instance()
    while _installed:
        key = _installed.pop()
        if app is not None:
            app.removeEventFilter(key)
