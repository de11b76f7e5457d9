"""The keyboard entry grid of a period's reports: one row per measure, saved row by row.

Tab and Enter move to the next editable cell (and open its editor), wrapping to the next
row, so a clerk types a whole letter from an executor without touching the mouse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QComboBox, QStyledItemDelegate, QTableView

from kr_desktop.domain.progress import STATUS_LABELS, Status
from kr_desktop.services.progress import PeriodGrid, ProgressRow
from kr_desktop.text.formatting import format_date, format_money
from kr_desktop.ui import control_texts as t

REPORTED = QColor("#eef7ec")


@dataclass(frozen=True)
class GridColumn:
    key: str  # "number", "text", "executors", "status", "narrative", "amount:<source_id>", …
    title: str
    editable: bool
    width: int


def grid_columns(grid: PeriodGrid) -> list[GridColumn]:
    columns = [GridColumn("number", t.COL_NUMBER, False, 40), GridColumn("text", t.COL_MEASURE, False, 300),
               GridColumn("executors", t.COL_EXECUTORS, False, 200), GridColumn("status", t.COL_STATUS, True, 120),
               GridColumn("narrative", t.COL_NARRATIVE, True, 260)]
    columns += [GridColumn(f"amount:{s.id}", t.COL_AMOUNT.format(source=s.short_name), True, 240) for s in grid.sources]
    columns += [GridColumn("reasons", t.COL_REASONS, True, 180), GridColumn("received_on", t.COL_RECEIVED, True, 100),
                GridColumn("reported_by", t.COL_REPORTED_BY, True, 140)]
    return columns


# The change a cell edit asks for: (row, {field: typed value}) → the saved row, or None if refused.
SaveRow = Callable[[ProgressRow, dict], ProgressRow | None]


class ProgressTableModel(QAbstractTableModel):
    def __init__(self, save_row: SaveRow, parent=None):
        super().__init__(parent)
        self.save_row = save_row
        self.columns: list[GridColumn] = []
        self.rows: list[ProgressRow] = []

    def set_grid(self, grid: PeriodGrid) -> None:
        self.beginResetModel()
        self.columns = grid_columns(grid)
        self.rows = list(grid.rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def value(self, row: ProgressRow, key: str) -> str:
        if key == "number":
            return row.number
        if key == "text":
            return row.text
        if key == "executors":
            return "; ".join(row.executors)
        if key == "status":
            return row.status_label
        if key.startswith("amount:"):
            amount = row.amounts.get(int(key.split(":")[1]))
            return format_money(amount) if amount is not None else ""
        if key == "received_on":
            return format_date(row.received_on)
        return getattr(row, key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.value(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("text", "narrative", "executors"):
            return self.value(row, column.key)
        if role == Qt.ItemDataRole.BackgroundRole and row.reported:
            return QBrush(REPORTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key.startswith("amount:"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        if str(value) == self.value(row, key):
            return False  # nothing changed: do not write (and do not journal) anything
        saved = self.save_row(row, {key: value})
        if saved is None:
            return False
        self.rows[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True


def row_values(row: ProgressRow, changes: dict, default_reporter: str, today: dt.date) -> dict:
    """The whole row as the save service takes it, with the typed cell applied. A new report gets
    today's date as «received» and the filtered executor as «who reported» unless typed."""
    values = dict(status=row.status, narrative=row.narrative, reasons=row.reasons,
                  received_on=row.received_on, reported_by=row.reported_by,
                  amounts={source_id: amount for source_id, amount in row.amounts.items()})
    for key, value in changes.items():
        if key.startswith("amount:"):
            values["amounts"][int(key.split(":")[1])] = value
        else:
            values[key] = value
    if not row.reported:
        values["received_on"] = values["received_on"] or today
        values["reported_by"] = values["reported_by"] or default_reporter
    return values


class StatusDelegate(QStyledItemDelegate):
    """A combo box for the status (type its first letters); Enter commits and moves on like Tab."""

    def __init__(self, status_column: Callable[[], int], parent=None):
        super().__init__(parent)
        self.status_column = status_column

    def createEditor(self, parent, option, index):
        if index.column() != self.status_column():
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("")
        for status in Status:
            combo.addItem(STATUS_LABELS[status])
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(index.data(Qt.ItemDataRole.EditRole) or "")))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            text = editor.currentText()
            if text:
                model.setData(index, text)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


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
            if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                return index
        return current

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid() and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event):
                return
        super().keyPressEvent(event)
