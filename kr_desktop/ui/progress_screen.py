"""«Звіти виконавців»: a period's progress entries typed in a grid, filtered by executor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from kr_desktop.domain.progress import last_ended_period
from kr_desktop.services.progress import clear_entry, period_grid, reporting_executors, save_entry
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform
from kr_desktop.ui.progress_model import ProgressGridView, ProgressTableModel, StatusDelegate, row_values


class ProgressScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        period = last_ended_period(dt.date.today())
        self.year = QSpinBox()
        self.year.setObjectName("progressYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(period.year)
        self.half = QComboBox()
        self.half.setObjectName("progressHalf")
        self.half.addItems(t.HALVES)
        self.half.setCurrentIndex(period.half - 1)
        self.executor = QComboBox()
        self.executor.setObjectName("progressExecutor")
        self.executor.setMinimumWidth(380)
        self.count = QLabel()
        self.clear_button = QPushButton(t.PROGRESS_CLEAR)
        self.clear_button.clicked.connect(self.clear_current)
        top = QHBoxLayout()
        for widget in (QLabel(t.PROGRESS_PERIOD), self.year, self.half, QLabel(t.PROGRESS_EXECUTOR), self.executor):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.clear_button)

        self.model = ProgressTableModel(self._save_row, self)
        self.model.dataChanged.connect(self._update_count)
        self.view = ProgressGridView()
        self.view.setObjectName("progressGrid")
        self.view.setModel(self.model)
        self.view.setItemDelegate(StatusDelegate(lambda: self._column("status"), self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setTabKeyNavigation(True)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        hint = QLabel(t.PROGRESS_HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)

        self._fill_executors()
        self.year.valueChanged.connect(self._on_year)
        self.half.currentIndexChanged.connect(self.reload)
        self.executor.currentIndexChanged.connect(self.reload)
        context.events.changed.connect(self._on_changed)
        self.reload()

    # -- data -----------------------------------------------------------------------------------------
    @property
    def period(self) -> tuple[int, int]:
        return self.year.value(), self.half.currentIndex() + 1

    def _column(self, key: str) -> int:
        return next((i for i, c in enumerate(self.model.columns) if c.key == key), -1)

    def _fill_executors(self) -> None:
        current = self.executor.currentData()
        self.executor.blockSignals(True)
        self.executor.clear()
        self.executor.addItem(t.PROGRESS_ALL, None)
        for executor_id, name in reporting_executors(self.db, self.year.value(), self.context.program_id):
            self.executor.addItem(name, executor_id)
        index = self.executor.findData(current)
        self.executor.setCurrentIndex(max(0, index))
        self.executor.blockSignals(False)

    def _on_year(self) -> None:
        self._fill_executors()
        self.reload()

    def _on_changed(self, area: str) -> None:
        if area == "program":
            self._fill_executors()
            self.reload()
        elif area == "progress" and self.context.events.elsewhere:
            self.reload()  # another workstation's entries (the grid's own rows are saved in place)

    def select_executor(self, executor_id: int | None) -> None:
        self.executor.setCurrentIndex(max(0, self.executor.findData(executor_id)))

    def reload(self) -> None:
        year, half = self.period
        self.grid = period_grid(self.db, year, half, self.executor.currentData(), self.context.program_id)
        self.model.set_grid(self.grid)
        for i, column in enumerate(self.model.columns):
            self.view.setColumnWidth(i, column.width)
        self.view.resizeRowsToContents()
        self._update_count()

    def _update_count(self) -> None:
        from kr_desktop.text.wording import count_of

        done = sum(1 for r in self.model.rows if r.reported)
        self.count.setText(t.PROGRESS_COUNT.format(count=count_of(done, len(self.model.rows), "заходу", "заходів")))

    def _save_row(self, row, changes):
        year, half = self.period
        reporter = self.executor.currentText() if self.executor.currentData() is not None else ""
        values = row_values(row, changes, reporter, dt.date.today())
        return perform(self, self.context, "progress", save_entry, self.db, year, half, row.measure_id, **values)

    def clear_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        year, half = self.period
        row = self.model.rows[index.row()]
        perform(self, self.context, "progress", lambda: clear_entry(self.db, year, half, row.measure_id) or True)
        self.reload()
