"""Esc (or «Скасувати», or the window's ×) on a form with unsaved changes asks first: «Зберегти»,
«Не зберігати» or stay. A form that was not changed closes at once, as before.

The guard reads the form's fields — line edits (date fields too), text boxes, lists, check boxes,
spin boxes, and any widget's ``guard_value()`` (the picked person) — when the form has been filled (``mark_clean``) and again when it
is closing; a field with the property ``guardIgnore`` (a search box) is not part of the record.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDialog, QLineEdit, QMessageBox,
                               QPlainTextEdit, QTextEdit, QWidget)

from kr_desktop.ui import app_texts as t


def _ignored(widget: QWidget, root: QWidget) -> bool:
    while widget is not None and widget is not root:
        if widget.property("guardIgnore"):
            return True
        widget = widget.parentWidget()
    return False


def form_values(root: QWidget) -> list:
    """What the fields of ``root`` hold now, in a fixed order."""
    values = []
    for widget in root.findChildren(QWidget):
        if _ignored(widget, root):
            continue
        if callable(getattr(widget, "guard_value", None)):  # a composite field (the person picker)
            values.append(widget.guard_value())
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            values.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append((widget.currentIndex(), widget.currentData()))
        elif isinstance(widget, QCheckBox):
            values.append(widget.isChecked())
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
    return values


class FormGuard:
    """``FormGuard(dialog, save)``: ``save()`` saves the form and closes it on success (returns a
    true value), or shows why not and leaves it open. ``extra()`` adds state the fields do not
    show (a chosen photo)."""

    def __init__(self, dialog: QDialog, save: Callable[[], object], extra: Callable[[], object] | None = None):
        self.dialog, self.save, self.extra = dialog, save, extra
        self.clean: list | None = None

    def _state(self) -> list:
        return form_values(self.dialog) + [self.extra() if self.extra else None]

    def mark_clean(self) -> None:
        """The form as filled (or just saved): closing it now loses nothing."""
        self.clean = self._state()

    def changed(self) -> bool:
        return self.clean is not None and self._state() != self.clean

    def allows_close(self) -> bool:
        """Ask when there is something to lose; True when the form may close without saving."""
        if not self.dialog.isVisible() or not self.changed():
            return True  # (a hidden form is being destroyed: there is no one to ask)
        box = QMessageBox(QMessageBox.Icon.Question, t.UNSAVED_TITLE, t.UNSAVED_TEXT, parent=self.dialog)
        save = box.addButton(t.UNSAVED_SAVE, QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(t.UNSAVED_DISCARD, QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(t.UNSAVED_STAY, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(stay)  # a second Esc keeps the form and what was typed
        box.exec()
        clicked = box.clickedButton()
        if clicked is discard:
            return True
        if clicked is save:
            self.save()  # closes the form itself when saved; a refusal was shown and it stays
        return False


class GuardedDialog(QDialog):
    """A form whose Esc, «Скасувати» and × ask when something was changed: call ``guard_form(save)``
    once the fields are filled."""

    guard: FormGuard | None = None

    def guard_form(self, save: Callable[[], object], extra: Callable[[], object] | None = None) -> None:
        self.guard = FormGuard(self, save, extra)
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard is None or self.guard.allows_close():
            super().reject()
