"""Two small directories kept by the protocol staff: the yearly dates that generate a year's
events, and the materials each presented award takes from stock. Both change through their
services (validated, journaled) via ``perform``."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QTableView, QVBoxLayout)

from kr_desktop.domain.award_values import degree_label
from kr_desktop.services import award_types, events, stock
from kr_desktop.ui import directories_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.events_models import ListTableModel
from kr_desktop.ui.form_guard import GuardedDialog
from kr_desktop.ui.operations import perform


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _buttons_form(form: QFormLayout, dialog: QDialog) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


class _DirectoryDialog(QDialog):
    """A list with «Додати…», «Змінити…» and «Закрити»; subclasses give rows and the edit form."""

    area = ""

    def __init__(self, context: AppContext, title: str, columns, cells, hint: str = "", parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.setWindowTitle(title)
        self.resize(760, 460)
        self.model = ListTableModel(columns, cells, self)
        self.view = _table(self.model)
        self.view.doubleClicked.connect(lambda _index: self.change())
        layout = QVBoxLayout(self)
        if hint:
            label = QLabel(hint)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        for label, slot in ((t.ADD, self.add), (t.CHANGE, self.change)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def selected(self):
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def change(self) -> None:
        row = self.selected()
        if row is None:
            QMessageBox.information(self, self.windowTitle(), t.CHOOSE_ROW)
            return
        self.edit(row)

    def add(self) -> None:
        self.edit(None)

    def save(self, service, *args, **kwargs) -> bool:
        """True when saved; False when refused (perform has shown why, the form opens again)."""
        def saved() -> bool:
            service(*args, **kwargs)
            return True

        ok = perform(self, self.context, self.area, saved) is True
        self.reload()
        return ok


# -- yearly dates --------------------------------------------------------------------------------
class RecurringDatesDialog(_DirectoryDialog):
    area = "events"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, t.RECURRING_TITLE, t.RECURRING_COLUMNS, lambda r: (
            f"{r.day} {t.MONTHS[r.month - 1]}", r.title, events.EVENT_KINDS.get(r.kind, r.kind), r.place,
            r.start_time, t.YES if r.active else t.NO), parent=parent)

    def reload(self) -> None:
        self.model.set_rows(events.list_recurring(self.db))

    def edit(self, row) -> None:
        form_dialog = RecurringDateForm(row, self)
        while form_dialog.exec() == QDialog.DialogCode.Accepted:
            values = form_dialog.values()
            if self.save(events.save_recurring, self.db, recurring_id=row.id if row else None, **values):
                return


class RecurringDateForm(GuardedDialog):
    def __init__(self, row=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(t.RECURRING_EDIT)
        self.title = QLineEdit(row.title if row else "")
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.month = QComboBox()
        self.month.addItems(list(t.MONTHS))
        self.kind = QComboBox()
        for code, label in events.EVENT_KINDS.items():
            self.kind.addItem(label, code)
        self.place = QLineEdit(row.place if row else "")
        self.start_time = QLineEdit(row.start_time if row else "")
        self.active = QCheckBox(t.F_ACTIVE)
        self.active.setChecked(row.active if row else True)
        if row:
            self.day.setValue(row.day)
            self.month.setCurrentIndex(row.month - 1)
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        form = QFormLayout(self)
        for label, widget in ((t.F_TITLE, self.title), (t.F_DAY, self.day), (t.F_MONTH, self.month),
                              (t.F_KIND, self.kind), (t.F_PLACE, self.place), (t.F_TIME, self.start_time)):
            form.addRow(label, widget)
        form.addRow("", self.active)
        _buttons_form(form, self)
        self.guard_form(self.accept)

    def values(self) -> dict:
        return dict(title=self.title.text(), day=self.day.value(), month=self.month.currentIndex() + 1,
                    kind=self.kind.currentData(), place=self.place.text(), start_time=self.start_time.text(),
                    active=self.active.isChecked())


# -- materials per award ---------------------------------------------------------------------------
class MaterialsDialog(_DirectoryDialog):
    area = "stock"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, t.MATERIALS_TITLE, t.MATERIALS_COLUMNS, lambda r: (
            r.type_name, degree_label(r.degree) if r.degree else t.ANY_DEGREE, r.item_name, r.quantity),
            hint=t.MATERIALS_HINT, parent=parent)

    def reload(self) -> None:
        self.model.set_rows(stock.list_materials(self.db))

    def edit(self, row) -> None:
        form_dialog = MaterialForm(self.db, row, self)
        while form_dialog.exec() == QDialog.DialogCode.Accepted:
            if self.save(stock.set_material, self.db, *form_dialog.values()):
                return


class MaterialForm(GuardedDialog):
    def __init__(self, db, row=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(t.MATERIALS_EDIT)
        self.award = QComboBox()
        self.types = award_types.list_award_types(db)
        for info in self.types:
            self.award.addItem(info.name, info.id)
        self.degree = QComboBox()
        self.item = QComboBox()
        for balance in stock.balances(db):
            self.item.addItem(balance.name, balance.id)
        self.quantity = QSpinBox()
        self.quantity.setRange(0, stock.MAX_QUANTITY)
        self.quantity.setValue(row.quantity if row else 1)
        self.award.currentIndexChanged.connect(self._fill_degrees)
        if row:
            self.award.setCurrentIndex(max(0, self.award.findData(row.award_type_id)))
        self._fill_degrees()
        if row:
            self.degree.setCurrentIndex(max(0, self.degree.findData(row.degree or 0)))
            self.item.setCurrentIndex(max(0, self.item.findData(row.item_id)))
            for combo in (self.award, self.degree, self.item):  # the key of the row: only the quantity changes
                combo.setEnabled(False)
        form = QFormLayout(self)
        for label, widget in ((t.F_AWARD, self.award), (t.F_DEGREE, self.degree), (t.F_ITEM, self.item),
                              (t.F_QUANTITY, self.quantity)):
            form.addRow(label, widget)
        _buttons_form(form, self)
        self.guard_form(self.accept)

    def _fill_degrees(self) -> None:
        self.degree.clear()
        self.degree.addItem(t.ANY_DEGREE, 0)  # 0: any degree (saved as no degree)
        info = next((x for x in self.types if x.id == self.award.currentData()), None)
        for degree in range(1, (info.degrees if info else 0) + 1):
            self.degree.addItem(degree_label(degree), degree)

    def values(self) -> tuple:
        degree = self.degree.currentData() or None
        return self.award.currentData(), degree, self.item.currentData(), self.quantity.value()
