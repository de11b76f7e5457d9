"""Undo / redo of this window's changes (Ctrl+Z / Ctrl+Shift+Z) in the Edit menu «Правка».

The work is done by kr_desktop.services.undo (journaled, role-checked, refused on conflict);
this module only keeps the menu texts current and announces the areas that changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from typing import TYPE_CHECKING

from kr_desktop.errors import ConflictError, UserError
from kr_desktop.services.access import OPERATOR, has_role
from kr_desktop.ui import trust_texts as t
from kr_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from kr_desktop.services.undo import UndoResult


class UndoActions(QObject):
    def __init__(self, window: QMainWindow, context: AppContext, menu: QMenu):
        super().__init__(window)
        self.window = window
        self.context = context
        self.undo_action = QAction(t.ACTION_UNDO, window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(t.ACTION_REDO, window)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        context.events.changed.connect(lambda _area: self.refresh())
        context.events.opened.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if not self.context.is_open:  # the window is up, its database still opening
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        from kr_desktop.services import undo

        allowed = has_role(self.context.db, OPERATOR)
        undo_label, redo_label = undo.undo_label(self.context.db), undo.redo_label(self.context.db)
        self.undo_action.setEnabled(allowed and undo_label is not None)
        self.undo_action.setText(t.ACTION_UNDO_LABEL.format(label=undo_label) if undo_label else t.ACTION_UNDO)
        self.redo_action.setEnabled(allowed and redo_label is not None)
        self.redo_action.setText(t.ACTION_REDO_LABEL.format(label=redo_label) if redo_label else t.ACTION_REDO)

    def undo(self) -> UndoResult | None:
        from kr_desktop.services import undo

        return self._run(undo.undo, t.UNDONE, t.UNDO_REFUSED_TITLE)

    def redo(self) -> UndoResult | None:
        from kr_desktop.services import undo

        return self._run(undo.redo, t.REDONE, t.REDO_REFUSED_TITLE)

    def _run(self, operation, done_text: str, refused_title: str) -> UndoResult | None:
        try:
            result = operation(self.context.db)
        except ConflictError as exc:
            from kr_desktop.ui.conflict_dialog import show_conflict

            show_conflict(self.window, exc)
            self.refresh()
            return None
        except UserError as exc:
            QMessageBox.warning(self.window, refused_title, exc.message)
            self.refresh()
            return None
        self.window.statusBar().showMessage(done_text.format(label=result.label), 8000)
        for area in sorted(result.areas):
            self.context.events.changed.emit(area)
        self.context.events.changed.emit("journal")
        self.refresh()
        return result
