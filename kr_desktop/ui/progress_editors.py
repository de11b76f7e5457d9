"""Cell editors of the report grid: what is typed is taken, or stays in its cell with the reason.

- The status is a line edit with a completer of the five labels: its keys are digits (no key
  begins another), a label's beginning is enough when only one label begins so, and Tab or Enter
  with several in the list and none chosen hands the typed text to the grid, which refuses it
  naming the candidates — the first of several is never taken silently. Space is a character.
- «Що зроблено» and the reasons are multi-line (Shift+Enter: a new line).
- Tab, Shift+Tab and Enter commit the cell through ``ProgressTableModel.commit``; a refusal keeps
  the editor open with the typed text and a red message beside the cell (no modal box). Leaving
  the cell with the mouse commits too; a refused value then reopens its editor (or, when the
  focus went outside the grid, stays red in its cell). Esc restores the stored value.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QCompleter, QLabel, QLineEdit,
                               QPlainTextEdit, QStyledItemDelegate, QTableView)

from kr_desktop.domain.progress import STATUS_LABELS, Status
from kr_desktop.ui import progress_texts as t

COMMIT_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
MESSAGE_STYLE = ("QLabel { color: #a40000; background: #fff0f0; border: 1px solid #d33; padding: 3px 5px; }")
TEXT_EDITOR_HEIGHT = 96


class StatusEditor(QLineEdit):
    """The status typed: a key, a label or a label's beginning; the list offers the labels."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statusEditor")
        self.setToolTip(t.STATUS_TOOLTIP)
        completer = QCompleter([STATUS_LABELS[s] for s in Status], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)
        completer.popup().installEventFilter(self)  # after the completer's own filter: runs first

    def eventFilter(self, watched, event):
        popup = self.completer().popup() if self.completer() else None
        if watched is popup and event.type() == QEvent.Type.KeyPress and event.key() in COMMIT_KEYS \
                and not popup.currentIndex().isValid():
            # nothing chosen in the list: the typed text goes to the grid as it is (never the first match)
            popup.hide()
            QApplication.sendEvent(self, QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text()))
            return True
        return super().eventFilter(watched, event)


class TextEditor(QPlainTextEdit):
    """A multi-line cell: Enter commits like in the other cells, Shift+Enter starts a new line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("textEditor")
        self.setTabChangesFocus(True)
        self.setToolTip(t.TEXT_TOOLTIP)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)


def editor_text(editor) -> str:
    return editor.text() if hasattr(editor, "text") else ""


class GridDelegate(QStyledItemDelegate):
    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.indexes: dict[int, QPersistentModelIndex] = {}  # id(editor) → its cell
        self.message = QLabel(view.viewport())
        self.message.setObjectName("cellMessage")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

    # -- editors -----------------------------------------------------------------------------------
    def _column(self, index):
        return self.view.model().columns[index.column()]

    def createEditor(self, parent, option, index):
        column = self._column(index)
        if column.key == "status":
            editor = StatusEditor(parent)
        elif column.multiline:
            editor = TextEditor(parent)
        else:
            editor = QLineEdit(parent)
            editor.setObjectName("cellEditor")
            if column.key.startswith("amount:"):
                editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            elif column.key == "received_on":
                editor.setPlaceholderText("дд.мм.рррр")
        self.indexes[id(editor)] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda _=None, key=id(editor): self.indexes.pop(key, None))
        return editor

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, TextEditor) and rect.height() < TEXT_EDITOR_HEIGHT:
            rect.setHeight(TEXT_EDITOR_HEIGHT)
        editor.setGeometry(rect)

    def setModelData(self, editor, model, index):
        """The view commits an editor it closes (the focus went elsewhere, another cell was clicked)."""
        error = model.commit(index, editor_text(editor))
        if error:
            cell = QPersistentModelIndex(index)
            QTimer.singleShot(0, lambda: self._reopen(cell, error))
        else:
            self.hide_message()

    def _reopen(self, cell: QPersistentModelIndex, error: str) -> None:
        if not cell.isValid() or self.view.model() is None:
            return
        index = self.view.model().index(cell.row(), cell.column())
        focus = QApplication.focusWidget()
        if focus is None or focus is self.view or self.view.isAncestorOf(focus):
            self.view.setCurrentIndex(index)
            self.view.edit(index)
        self.show_message(index, error)

    # -- keys ----------------------------------------------------------------------------------------
    def eventFilter(self, editor, event):
        if event.type() != QEvent.Type.KeyPress or id(editor) not in self.indexes:
            return super().eventFilter(editor, event)
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        cell = self.indexes[id(editor)]
        model = self.view.model()
        index = model.index(cell.row(), cell.column())
        if isinstance(editor, TextEditor) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
            editor.insertPlainText("\n")
            return True
        if key == Qt.Key.Key_Escape:
            model.revert_cell(index)
            self.hide_message()
            self.indexes.pop(id(editor), None)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        if key in COMMIT_KEYS:
            error = model.commit(index, editor_text(editor))
            if error:
                self.show_message(index, error)
                return True
            self.hide_message()
            backwards = key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift)
            hint = (QAbstractItemDelegate.EndEditHint.EditPreviousItem if backwards
                    else QAbstractItemDelegate.EndEditHint.EditNextItem)
            self.indexes.pop(id(editor), None)  # committed: the view must not commit it again
            self.closeEditor.emit(editor, hint)
            return True
        return super().eventFilter(editor, event)

    def destroyEditor(self, editor, index):
        self.indexes.pop(id(editor), None)
        super().destroyEditor(editor, index)

    # -- the message beside a refused cell -----------------------------------------------------------
    def show_message(self, index, text: str) -> None:
        rect = self.view.visualRect(index)
        viewport = self.view.viewport()
        width = max(260, min(460, viewport.width() - rect.left() - 8))
        self.message.setText(text)
        self.message.setFixedWidth(width)
        self.message.adjustSize()
        below = rect.bottom() + 2
        if isinstance(self.view.indexWidget(index), TextEditor):
            below = rect.top() + TEXT_EDITOR_HEIGHT + 2
        top = below if below + self.message.height() <= viewport.height() else rect.top() - self.message.height() - 2
        left = min(rect.left(), max(0, viewport.width() - width))
        self.message.move(left, max(0, top))
        self.message.raise_()
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()


class ProgressGridView(QTableView):
    """Tab / Shift+Tab (and Enter via the delegate) go only through editable cells, row after row."""

    def moveCursor(self, action, modifiers):
        model = self.model()
        if action not in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) \
                or model is None or model.rowCount() == 0:
            return super().moveCursor(action, modifiers)
        step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
        current = self.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, -1)
        columns, rows = model.columnCount(), model.rowCount()
        for _ in range(columns * rows):
            column += step
            if column >= columns:
                column, row = 0, (row + 1) % rows
            elif column < 0:
                column, row = columns - 1, (row - 1) % rows
            index = model.index(row, column)
            if model.flags(index) & Qt.ItemFlag.ItemIsEditable and not self.isColumnHidden(column):
                return index
        return current

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid() and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event):
                return
        super().keyPressEvent(event)
