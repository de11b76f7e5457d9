"""Table models of the control screen: colours come from the domain's statuses."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kr_desktop.domain.control import STATUS_LABELS, ControlStatus
from kr_desktop.services.control import ControlData
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import control_texts as t

COLOURS = {
    ControlStatus.OVERDUE: QColor("#f4b6b6"),   # red
    ControlStatus.DUE_SOON: QColor("#fbe7a1"),  # yellow
    ControlStatus.DONE: QColor("#c6e8c0"),      # green
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 10


class _Base(QAbstractTableModel):
    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def status_of(self, row) -> ControlStatus:
        raise NotImplementedError

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        status = self.status_of(row)
        if role == Qt.ItemDataRole.BackgroundRole and status in COLOURS:
            return QBrush(COLOURS[status])
        if role == STATUS_ROLE:
            return status.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        return None


class ExecutorCountsModel(_Base):
    headers = t.CONTROL_EXECUTOR_HEADERS

    def status_of(self, row):
        return row.status

    def cell(self, row, column):
        return [row.executor, row.overdue, row.due_soon, row.done][column]

    def row_of(self, executor_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.executor_id == executor_id), -1)


class ControlItemsModel(_Base):
    headers = t.CONTROL_ITEM_HEADERS

    def status_of(self, row):
        return row.status

    def cell(self, row, column):
        return [STATUS_LABELS[row.status], row.what, row.executor_names, row.deadline or "",
                format_date(row.due), row.detail][column]


def fill(counts: ExecutorCountsModel, items: ControlItemsModel, data: ControlData) -> None:
    counts.set_rows(list(data.by_executor))
    items.set_rows(list(data.items))
