"""Undo / redo of this window's changes (Ctrl+Z / Ctrl+Shift+Z) in the Edit menu «Правка» and on
the toolbar.

The work is done by kr_desktop.services.undo (journaled, role-checked, refused on conflict);
this module keeps the texts current — the menu names the change («Скасувати: Нова відзнака»),
the toolbar button says «Скасувати» with its icon and names the change in its tooltip, so the
toolbar never changes width — and offers undo only where the change shows: a change of the
Program on the Program's screens, of the awards on theirs (``GROUP_AREAS``), none on the
administration screens.
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
from kr_desktop.ui.icons import icon

# The screens' groups (ui/screens.py) and the areas of the records they show (services.undo.area_of).
GROUP_AREAS = {
    "program": frozenset({"program", "program_cycle", "settings"}),
    "awards": frozenset({"awards", "declension", "events", "stock", "settings"}),
}

if TYPE_CHECKING:
    from kr_desktop.services.undo import UndoResult


class UndoActions(QObject):
    def __init__(self, window: QMainWindow, context: AppContext, menu: QMenu):
        super().__init__(window)
        self.window = window
        self.context = context
        self.undo_action = QAction(icon("arrow-back-up"), t.ACTION_UNDO, window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setIconText(t.ACTION_UNDO)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(icon("arrow-forward-up"), t.ACTION_REDO, window)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setIconText(t.ACTION_REDO)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        context.events.changed.connect(lambda _area: self.refresh())
        context.events.opened.connect(self.refresh)
        tabs = getattr(window, "tabs", None)
        if tabs is not None:
            tabs.currentChanged.connect(lambda _index: self.refresh())
        self.refresh()

    def current_areas(self) -> frozenset[str] | None:
        """The areas the current screen shows (None: a window without groups — every area)."""
        navigation = getattr(self.window, "navigation", None)
        if navigation is None:
            return None
        return GROUP_AREAS.get(navigation.current_group(), frozenset())

    def refresh(self) -> None:
        if not self.context.is_open:  # the window is up, its database still opening
            for action in (self.undo_action, self.redo_action):
                action.setEnabled(False)
                action.setToolTip(action.iconText())
            return
        from kr_desktop.services import undo

        db = self.context.db
        allowed = has_role(db, OPERATOR)
        shown = self.current_areas()
        for action, label, areas, plain, labelled, key in (
                (self.undo_action, undo.undo_label(db), undo.undo_areas(db), t.ACTION_UNDO, t.ACTION_UNDO_LABEL,
                 "Ctrl+Z"),
                (self.redo_action, undo.redo_label(db), undo.redo_areas(db), t.ACTION_REDO, t.ACTION_REDO_LABEL,
                 "Ctrl+Shift+Z")):
            here = label is not None and (shown is None or not areas or bool(areas & shown))
            action.setEnabled(allowed and here)
            action.setText(labelled.format(label=label) if label else plain)
            action.setIconText(plain)  # the toolbar's button: the same width whatever the change
            if label and not here:
                tip = t.UNDO_ELSEWHERE.format(action=labelled.format(label=label))
            else:
                tip = labelled.format(label=label) if label else t.NOTHING_TO.format(action=plain.lower())
            action.setToolTip(f"{tip} ({key})")

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
