"""«Звіти виконавців»: a period's progress entries typed in a grid, filtered by executor; the
forms sent out to executors and taken back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from kr_desktop.domain.progress import Period, last_ended_period
from kr_desktop.errors import ConflictError, UserError
from kr_desktop.services.access import OPERATOR, has_role
from kr_desktop.services.progress import period_grid, reporting_executors
from kr_desktop.services.progress_saving import clear_entry, save_entry
from kr_desktop.ui import progress_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform
from kr_desktop.ui.progress_editors import GridDelegate, ProgressGridView
from kr_desktop.ui.progress_model import ProgressTableModel, Saved, row_values


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
        top = QHBoxLayout()
        for widget in (QLabel(t.PROGRESS_PERIOD), self.year, self.half, QLabel(t.PROGRESS_EXECUTOR), self.executor):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.count)

        self.model = ProgressTableModel(self._save_row, self)
        self.model.dataChanged.connect(self._on_row_changed)
        self.view = ProgressGridView()
        self.view.setObjectName("progressGrid")
        self.view.setModel(self.model)
        self.delegate = GridDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setTabKeyNavigation(True)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        hint = QLabel(t.PROGRESS_HINT)
        hint.setWordWrap(True)

        self.send_button = QPushButton(t.FORMS_SEND)
        self.send_button.setObjectName("formsSend")
        self.send_button.clicked.connect(lambda: self.send_forms())
        self.take_button = QPushButton(t.FORMS_TAKE)
        self.take_button.setObjectName("formsTake")
        self.take_button.clicked.connect(lambda: self.take_forms())
        self.clear_button = QPushButton(t.PROGRESS_CLEAR)
        self.clear_button.setObjectName("progressClear")
        self.clear_button.clicked.connect(lambda: self.delete_selected())
        bottom = QHBoxLayout()
        bottom.addWidget(self.send_button)
        bottom.addWidget(self.take_button)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        # the grid right after the filters; removing a report is far from it (and asks first)
        for first, second in ((self.year, self.half), (self.half, self.executor), (self.executor, self.view),
                              (self.view, self.send_button), (self.send_button, self.take_button),
                              (self.take_button, self.clear_button)):
            QWidget.setTabOrder(first, second)

        if not has_role(self.db, OPERATOR):  # a read-only user reads the grid (the services refuse anyway)
            self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.take_button.setEnabled(False)
            self.clear_button.setEnabled(False)
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
        return self.model.column_of(key)

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
        elif area == "progress_forms" or (area == "progress" and self.context.events.elsewhere):
            # forms taken back, or another workstation's entries (the grid's own rows are saved in place)
            self.reload()

    def select_executor(self, executor_id: int | None) -> None:
        self.executor.setCurrentIndex(max(0, self.executor.findData(executor_id)))

    def show_period(self, year: int, half: int, executor_id: int | None = None) -> None:
        """Open the grid on a period (and an executor's rows): from «Контроль»."""
        self.year.setValue(year)
        self.half.setCurrentIndex(half - 1)
        self.select_executor(executor_id)

    def reload(self) -> None:
        self.delegate.hide_message()
        year, half = self.period
        self.grid = period_grid(self.db, year, half, self.executor.currentData(), self.context.program_id)
        self.model.set_grid(self.grid)
        header = self.view.horizontalHeader()
        for i, column in enumerate(self.model.columns):  # at least as wide as its title
            self.view.setColumnWidth(i, max(column.width, header.sectionSizeHint(i)))
        # one executor's rows: its name in every row says nothing
        self.view.setColumnHidden(self._column("executor"), self.executor.currentData() is not None)
        self.view.resizeRowsToContents()
        self._update_count()

    def _on_row_changed(self, top_left, _bottom_right) -> None:
        self.view.resizeRowToContents(top_left.row())  # a saved text may need more lines
        self._update_count()

    def _update_count(self) -> None:
        from kr_desktop.text.wording import count_of

        done = sum(1 for r in self.model.rows if r.reported)
        self.count.setText(t.PROGRESS_COUNT.format(count=count_of(done, len(self.model.rows), "звіту", "звітів")))

    def _save_row(self, row, changes) -> Saved:
        """One row saved with the version it was read at; a refusal is shown beside the cell (the
        grid keeps what was typed), a conflict in the conflict dialog."""
        year, half = self.period
        values = row_values(row, changes, row.executor, dt.date.today())
        try:
            saved = save_entry(self.db, year, half, row.measure_id, row.executor_id, expected_version=row.version,
                               **values)
        except ConflictError as exc:
            from kr_desktop.ui.conflict_dialog import show_conflict

            show_conflict(self, exc)
            QTimer.singleShot(0, self.reload)  # not under the open editor: after its key event
            self.context.events.changed.emit("progress")
            return Saved(conflict=True)
        except UserError as exc:
            return Saved(error=exc.message)
        self.context.events.changed.emit("progress")
        return Saved(saved)

    def current_row(self):
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def delete_selected(self) -> bool:
        """Remove the current row's report, after a question (Del, the button)."""
        row = self.current_row()
        if row is None or not row.reported:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(t.CLEAR_NOTHING, 5000)
            return False
        year, half = self.period
        question = t.CLEAR_ASK.format(executor=f"«{row.executor}»" if row.executor else t.NO_EXECUTOR,
                                      number=row.number, period=Period(year, half).label)
        if QMessageBox.question(self, t.CLEAR_TITLE, question,
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        done = perform(self, self.context, "progress", clear_entry, self.db, year, half, row.measure_id,
                       row.executor_id, expected_version=row.version)
        self.reload()
        return bool(done)

    # -- forms ----------------------------------------------------------------------------------------
    def send_forms(self):
        from kr_desktop.ui.progress_forms_dialogs import SendFormsDialog

        year, half = self.period
        dialog = SendFormsDialog(self.context, year, half, self)
        dialog.exec()
        return dialog

    def take_forms(self, paths=None):
        from kr_desktop.ui.progress_forms_dialogs import TakeFormsDialog

        year, half = self.period
        dialog = TakeFormsDialog(self.context, year, half, self, paths)
        if dialog.ready:
            dialog.exec()
        return dialog
