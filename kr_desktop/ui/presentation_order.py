"""The order in which an event's awards are presented: rows dragged to their place, or a number
typed into «№» (F2 or a double click), each one journaled change (services.award_presentation.place_presented_award).
Long names and degrees wrap in their cells instead of being cut («…III ступеня» stays whole)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kr_desktop.ui import events_texts as t
from kr_desktop.ui.events_models import ListTableModel

MIME = "application/x-kr-desktop-presented-award"


class PresentationModel(ListTableModel):
    """``place(link_id, position)`` stores a new place (the dialog calls the service and reloads)."""

    def __init__(self, place: Callable[[int, int], object], parent=None):
        super().__init__(t.AWARD_COLUMNS, lambda r: (r.position, r.person_name, r.award_name, r.act), parent)
        self.place = place

    def flags(self, index: QModelIndex):
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled  # between rows and after the last
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and index.row() < len(self.rows):
            if role == Qt.ItemDataRole.EditRole:
                return self.rows[index.row()].position
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return t.POSITION_TIP
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or index.row() >= len(self.rows):
            return False
        try:
            position = int(value)
        except (TypeError, ValueError):
            return False
        row = self.rows[index.row()]
        if position != row.position:
            self.place(row.id, position)
        return True

    # -- dragging ---------------------------------------------------------------------------------
    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        if rows:
            data.setData(MIME, QByteArray(str(self.rows[rows[0]].id).encode("ascii")))
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, _column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        link_id = int(bytes(data.data(MIME)).decode("ascii"))
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self.rows)
        source = next((i for i, r in enumerate(self.rows) if r.id == link_id), None)
        if source is None:
            return False
        if target > source:
            target -= 1  # the dragged row leaves its place above the target first
        if target != source:
            self.place(link_id, target + 1)
        return False  # the list is read again: the view must not remove the dragged row itself


def presentation_view(model: PresentationModel) -> QTableView:
    view = QTableView()
    view.setObjectName("eventAwardsTable")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    view.setDragDropOverwriteMode(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
    view.setColumnWidth(1, 260)
    view.setColumnWidth(3, 300)
    header.setStretchLastSection(False)
    model.modelReset.connect(view.resizeRowsToContents)
    header.sectionResized.connect(lambda *_: view.resizeRowsToContents())  # rows follow the widths
    return view
