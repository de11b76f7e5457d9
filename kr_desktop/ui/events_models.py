"""Table models of the events screen: the events of a period (paged by the database) and the
short lists of one event (invitees, presented awards)."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ListTableModel(QAbstractTableModel):
    """Rows given as a list of plain objects; ``cells(row)`` gives the texts."""

    def __init__(self, columns: Sequence[str], cells: Callable[[Any], Sequence[str]], parent=None):
        super().__init__(parent)
        self._columns = tuple(columns)
        self._cells = cells
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(self._cells(row)[index.column()])
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section]
        return None
