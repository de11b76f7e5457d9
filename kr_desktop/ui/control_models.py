"""Table models of the control screen: colours come from the domain's statuses.

The lists are short (an item per late report or deadline, a row per executor), so they are
QStandardItemModels filled once per reload: painting them runs no Python at all, and the start
screen stays cheap to draw (see services/start_snapshot.py). Roles are Qt's numbers, named here:
touching ``Qt.ItemDataRole`` at start would build every enum of the Qt namespace (~20 ms).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from kr_desktop.domain.control_data import STATUS_LABELS, ControlData, ControlStatus
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import control_texts as t

COLOURS = {
    ControlStatus.OVERDUE: QColor("#f4b6b6"),   # red
    ControlStatus.DUE_SOON: QColor("#fbe7a1"),  # yellow
    ControlStatus.DONE: QColor("#c6e8c0"),      # green
}
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole (tests check these numbers)
BACKGROUND_ROLE = 8  # Qt.ItemDataRole.BackgroundRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
STATUS_ROLE = USER_ROLE + 10


class _Base(QStandardItemModel):
    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(0, len(self.headers), parent)
        self.setHorizontalHeaderLabels(self.headers)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.rows = rows
        self.setRowCount(0)
        for row in rows:
            status = self.status_of(row)
            colour = COLOURS.get(status)  # a QColor: QBrush(QColor) would build the Qt namespace's enums
            items = []
            for column in range(len(self.headers)):
                value = self.cell(row, column)
                item = QStandardItem()
                item.setData(value, DISPLAY_ROLE)  # numbers stay numbers
                item.setToolTip(str(value))
                item.setData(status.value, STATUS_ROLE)
                if colour is not None:
                    item.setData(colour, BACKGROUND_ROLE)
                item.setEditable(False)
                items.append(item)
            self.appendRow(items)

    def status_of(self, row) -> ControlStatus:
        raise NotImplementedError

    def cell(self, row, column):
        raise NotImplementedError


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
        if column == 4 and row.deadline:  # a measure: its text, then the deadline as the Program words it
            return f"{row.detail}\n{t.CONTROL_PROGRAM_DEADLINE.format(phrase=row.deadline)}"
        return [STATUS_LABELS[row.status], row.what, format_date(row.due), row.executor_names, row.detail][column]


def fill(counts: ExecutorCountsModel, items: ControlItemsModel, data: ControlData,
         executor_id: int | None = None) -> None:
    """The executors' counts, and the items: all of them, or one executor's (clicked on the left)."""
    counts.set_rows(list(data.by_executor))
    items.set_rows(list(data.items) if executor_id is None else data.items_of(executor_id, tuple(ControlStatus)))
