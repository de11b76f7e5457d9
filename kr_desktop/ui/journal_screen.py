"""The journal window (administrators): who changed which record when, before and after.

Browsing only: the screen offers no way to change the journal. The table is a model over
journal_view.page_entries: rows are fetched page by page in SQL as they scroll into view.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from kr_desktop.services import journal_view as jv
from kr_desktop.services import journal_words
from kr_desktop.ui import trust_texts as t
from kr_desktop.errors import ValidationError
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.empty_state import EmptyState

PAGE = 200
CACHED_PAGES = 8


class JournalModel(QAbstractTableModel):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.filter = jv.JournalFilter()
        self._count = 0
        self._pages: dict[int, list[jv.JournalRow]] = {}
        self.queries = 0  # pages fetched, for tests and measurements

    def set_filter(self, f: jv.JournalFilter) -> None:
        self.beginResetModel()
        self.filter = f
        self._pages.clear()
        self._count = jv.count_entries(self.db, f)
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self.filter)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(t.JOURNAL_COLUMNS)

    def entry(self, row: int) -> jv.JournalRow | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        if page not in self._pages:
            if len(self._pages) >= CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            self._pages[page] = journal_words.page_entries(self.db, self.filter, page * PAGE, PAGE)
            self.queries += 1
        rows = self._pages[page]
        index = row - page * PAGE
        return rows[index] if index < len(rows) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return entry.at.strftime("%d.%m.%Y %H:%M:%S")
            if column == 1:
                return entry.actor
            if column == 2:
                return entry.label + (t.JOURNAL_UNDO_MARK if entry.undo_of else "")
            if column == 3:  # what happened to which kind of record: «Відзнака — створено»
                return t.JOURNAL_RECORD_OPERATION.format(table=entry.table_label, operation=entry.operation_label)
            if column == 4:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{entry.table_label} № {entry.record_id}: {entry.record_text}"
                return entry.record_text
            if column == 5:
                return ", ".join(f.label for f in entry.changed_fields if f.name != "version")
        if role == Qt.ItemDataRole.ForegroundRole and entry.undo_of:
            return QBrush(QColor("#555555"))
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t.JOURNAL_COLUMNS[section]
        return None


class ChangeDetailModel(QAbstractTableModel):
    """One journal row's fields: before and after side by side, changed ones highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fields: tuple[jv.FieldChange, ...] = ()

    def show(self, entry: jv.JournalRow | None) -> None:
        self.beginResetModel()
        # the record's version number is the program's bookkeeping, not a field of the record
        self.fields = tuple(f for f in entry.fields if f.name != "version") if entry else ()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        field = self.fields[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (field.label or field.name, field.before_text, field.after_text)[index.column()]
        # changed as a person reads it (an empty text and no value are the same «—»)
        if role == Qt.ItemDataRole.BackgroundRole and field.before_text != field.after_text and index.column():
            return QBrush(QColor("#fff3c4"))
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t.JOURNAL_DETAIL_COLUMNS[section]
        return None


class JournalScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.user_box = QComboBox()
        self.user_box.setObjectName("journalUser")
        self.user_box.setMinimumContentsLength(16)
        self.user_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Empty: no bound on that side.
        self.date_from = DateField(t.JOURNAL_DATE_FROM)
        self.date_to = DateField(t.JOURNAL_DATE_TO)
        for edit in (self.date_from, self.date_to):
            edit.date_changed.connect(lambda _day: self.apply_filter())
        self.table_box = QComboBox()
        self.table_box.setObjectName("journalTable")
        self.record_edit = QLineEdit()
        self.record_edit.setObjectName("journalRecord")
        self.record_edit.setPlaceholderText(t.JOURNAL_RECORD_ID)
        self.record_edit.setMaximumWidth(110)
        self.record_edit.setMinimumWidth(90)
        self.record_edit.returnPressed.connect(self.apply_filter)
        apply_button = QPushButton(t.JOURNAL_APPLY)
        apply_button.clicked.connect(self.apply_filter)
        reset_button = QPushButton(t.JOURNAL_RESET)
        reset_button.clicked.connect(self.reset_filter)
        bar = QHBoxLayout()
        for widget in (QLabel(t.JOURNAL_USER), self.user_box, QLabel(t.JOURNAL_DATES), QLabel(t.JOURNAL_FROM),
                       self.date_from, QLabel(t.JOURNAL_TO), self.date_to, QLabel(t.JOURNAL_TABLE),
                       self.table_box, self.record_edit, apply_button, reset_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.count_label = QLabel()
        note = QLabel(t.JOURNAL_READ_ONLY)
        note.setStyleSheet("color: #555")

        self.model = JournalModel(self.db, self)
        self.view = QTableView()
        self.view.setObjectName("journalView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        lay_out(self.view, {0: 135, 1: 150, 2: 190, 3: 225, 5: 180}, stretch=4)  # which record
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.detail_model = ChangeDetailModel(self)
        self.detail = QTableView()
        self.detail.setObjectName("journalDetail")
        self.detail.setModel(self.detail_model)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().setVisible(False)
        self.detail.setWordWrap(True)
        self.detail.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.detail.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter)
        layout.addWidget(note)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        self.empty = EmptyState(self.view, lambda: t.JOURNAL_EMPTY)
        context.events.changed.connect(self._on_data_changed)
        self._fill_choices()
        self.apply_filter()

    def _fill_choices(self) -> None:
        actor, table = self.user_box.currentData(), self.table_box.currentData()
        self.user_box.clear()
        self.user_box.addItem(t.JOURNAL_ALL_USERS, None)
        for name in jv.actors(self.db):
            self.user_box.addItem(name, name)
        self.table_box.clear()
        self.table_box.addItem(t.JOURNAL_ALL_TABLES, None)
        for name in sorted(jv.tables(self.db), key=jv.table_label):
            self.table_box.addItem(jv.table_label(name), name)
        self.user_box.setCurrentIndex(max(0, self.user_box.findData(actor)))
        self.table_box.setCurrentIndex(max(0, self.table_box.findData(table)))

    def current_filter(self) -> jv.JournalFilter:
        """The filter as set; a date that is not a date raises ValidationError naming its field."""
        return jv.JournalFilter(
            actor=self.user_box.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            table_name=self.table_box.currentData(),
            record_id=self.record_edit.text().strip() or None)

    def apply_filter(self) -> None:
        try:
            wanted = self.current_filter()
        except ValidationError as exc:
            QMessageBox.warning(self, t.JOURNAL_TITLE, exc.message)
            return
        self.model.set_filter(wanted)
        self.count_label.setText(t.JOURNAL_COUNT.format(count=f"{self.model.rowCount():,}".replace(",", "\u00a0")))
        self.detail_model.show(None)
        if self.model.rowCount():
            self.view.selectRow(0)

    def reset_filter(self) -> None:
        self.user_box.setCurrentIndex(0)
        self.table_box.setCurrentIndex(0)
        self.record_edit.clear()
        self.date_from.clear()
        self.date_to.clear()
        self.apply_filter()

    def set_dates(self, first: dt.date | None, last: dt.date | None) -> None:
        self.date_from.set_date(first)
        self.date_to.set_date(last)

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail_model.show(self.model.entry(current.row()) if current.isValid() else None)
        self.detail.resizeRowsToContents()

    def _on_data_changed(self, _area: str) -> None:
        self._fill_choices()
        self.apply_filter()
