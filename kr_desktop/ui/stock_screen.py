"""Award materials stock: balances per item (low stock in colour), the selected item's
movements, and the actions (receipt, write-off, threshold, new item, print)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from kr_desktop.errors import ValidationError
from kr_desktop.services import stock
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import events_texts as t
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.events_models import ListTableModel
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.operations import perform
from kr_desktop.ui.save_dialog import REPORT_FORMATS, ask_save_path, save_atomically


class BalanceModel(ListTableModel):
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.row() < len(self.rows):
            row = self.rows[index.row()]
            if role == Qt.ItemDataRole.BackgroundRole and row.low:
                return QBrush(QColor("#f4b6b6" if row.short else "#ffe08a"))
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class MovementDialog(QDialog):
    """A receipt (supplier or contract) or a write-off (reason)."""

    def __init__(self, title: str, item_name: str, text_label: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date = DateField(t.F_DATE, required=True, value=dt.date.today())
        self.quantity = QSpinBox()
        self.quantity.setRange(1, stock.MAX_QUANTITY)
        self.text = QLineEdit()
        form = QFormLayout(self)
        form.addRow(t.F_ITEM, QLabel(item_name))
        form.addRow(t.F_DATE, self.date)
        form.addRow(t.F_QUANTITY, self.quantity)
        form.addRow(text_label, self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.day: dt.date | None = None
        from kr_desktop.ui.form_guard import FormGuard

        self.guard = FormGuard(self, self.accept)
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard.allows_close():
            super().reject()

    def accept(self) -> None:
        try:
            self.day = self.date.value()
        except ValidationError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            self.date.setFocus()
            return
        super().accept()


class StockScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.warning = QLabel()
        self.warning.setObjectName("stockWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.model = BalanceModel(t.STOCK_COLUMNS, lambda b: (b.name, b.unit, b.received, b.issued, b.written_off,
                                                              b.balance, b.low_threshold), self)
        self.view = self._table("stockTable", self.model, (0, 60, 90, 90, 90, 90, 80), stretch=0)
        self.moves = ListTableModel(t.MOVE_COLUMNS, lambda m: (format_date(m.moved_on), m.kind_label, m.signed,
                                                              m.supplier or m.reason or m.person), self)
        self.moves_view = self._table("movesTable", self.moves, (95, 230, 90), stretch=3)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_moves())
        buttons = QHBoxLayout()
        for label, slot in ((t.RECEIPT, self.receipt), (t.WRITE_OFF, self.write_off), (t.THRESHOLD, self.threshold),
                            (t.NEW_ITEM, self.new_item), (t.MATERIALS, self.edit_materials),
                            (t.DELETE_MOVE, self.delete_move),
                            (t.PRINT_STOCK, self.preview_stock)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.moves_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        self.refresh()
        context.events.changed.connect(lambda area: self.refresh() if area in ("stock", "awards") else None)

    @staticmethod
    def _table(name: str, model, widths, stretch: int) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        lay_out(view, dict(enumerate(widths)), stretch=stretch)
        return view

    def refresh(self) -> None:
        selected = self.current()
        self.model.set_rows(stock.balances(self.db))
        low = [b for b in self.model.rows if b.low]
        self.warning.setText(t.LOW_WARNING.format(names="; ".join(f"{b.name} ({b.balance})" for b in low))
                             if low else "")
        self.warning.setVisible(bool(low))
        if selected is not None:
            self.select_item(selected.id)
        self._show_moves()

    def current(self):
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def select_item(self, item_id: int) -> None:
        for row, item in enumerate(self.model.rows):
            if item.id == item_id:
                self.view.selectRow(row)
                return

    def _show_moves(self) -> None:
        item = self.current()
        self.moves.set_rows(stock.movements(self.db, item.id, limit=500) if item else [])

    def _item_or_warn(self):
        item = self.current()
        if item is None:
            QMessageBox.information(self, t.STOCK_TITLE, t.CHOOSE_ITEM)
        return item

    def receipt(self, quantity: int | None = None, supplier: str = "", day: dt.date | None = None):
        item = self._item_or_warn()
        if item is None:
            return None
        if quantity is None:
            dialog = MovementDialog(t.RECEIPT.rstrip("…"), item.name, t.F_SUPPLIER, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            quantity, supplier, day = dialog.quantity.value(), dialog.text.text(), dialog.day
        return perform(self, self.context, "stock", stock.add_receipt, self.db, item.id, day or dt.date.today(),
                       quantity, supplier)

    def write_off(self, quantity: int | None = None, reason: str = "", day: dt.date | None = None):
        item = self._item_or_warn()
        if item is None:
            return None
        if quantity is None:
            dialog = MovementDialog(t.WRITE_OFF.rstrip("…"), item.name, t.F_REASON, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            quantity, reason, day = dialog.quantity.value(), dialog.text.text(), dialog.day
        return perform(self, self.context, "stock", stock.write_off, self.db, item.id, day or dt.date.today(),
                       quantity, reason)

    def threshold(self, value: int | None = None) -> None:
        item = self._item_or_warn()
        if item is None:
            return
        if value is None:
            value, ok = QInputDialog.getInt(self, t.THRESHOLD, t.F_THRESHOLD, item.low_threshold, 0, 100000)
            if not ok:
                return
        perform(self, self.context, "stock", stock.set_threshold, self.db, item.id, value)

    def new_item(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, t.NEW_ITEM, t.F_NAME)
            if not ok:
                return
        perform(self, self.context, "stock", stock.save_item, self.db, name)

    def edit_materials(self) -> None:
        from kr_desktop.ui.directories_dialogs import MaterialsDialog

        MaterialsDialog(self.context, self).exec()

    def delete_move(self, confirm: bool = True) -> None:
        """Delete the selected movement after the user confirms (the button and Del alike)."""
        index = self.moves_view.currentIndex()
        if not (index.isValid() and index.row() < len(self.moves.rows)):
            return
        if confirm:
            what = " · ".join(str(index.sibling(index.row(), c).data() or "")
                              for c in range(min(4, self.moves.columnCount())))
            from kr_desktop.ui.confirm import ask

            if not ask(self, t.DELETE_MOVE, t.CONFIRM_DELETE_MOVE.format(what=what)):
                return
        perform(self, self.context, "stock", stock.delete_movement, self.db, self.moves.rows[index.row()].id)

    def preview_stock(self):
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        return preview(self, t.STOCK_TITLE, lambda p: self.print_stock(str(p)), file_names.stock())

    def print_stock(self, path: str | None = None) -> Path | None:
        if not path:
            from kr_desktop.reports import file_names

            path = ask_save_path(self, t.SAVE_REPORT_TITLE, file_names.stock(), t.REPORT_FILTER, REPORT_FORMATS)
            if not path:
                return None
        from kr_desktop.reports.output import render
        from kr_desktop.reports.stock_report import build_stock_report

        document = build_stock_report(self.db)
        return save_atomically(self, Path(path), lambda temp: render(document, temp))
