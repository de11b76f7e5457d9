"""«Контроль», the start screen: overdue (red), due soon (yellow), done (green), per executor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from kr_desktop.domain.control_data import ControlStatus
from kr_desktop.errors import UserError
from kr_desktop.reports import file_names
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.control_executor_panel import ExecutorPanel
from kr_desktop.ui.control_models import ControlItemsModel, ExecutorCountsModel, fill
from kr_desktop.ui.date_field import DateField

AREAS = {"program", "progress", "settings"}


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    return view


class ControlScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        # The one date field of every form (ui/date_field.py): typed digits, a calendar, dd.MM.yyyy.
        self.date = DateField(t.CONTROL_ON_FIELD, required=True, value=dt.date.today())
        self.date.setObjectName("controlDate")
        self.date.date_changed.connect(lambda day: self.reload() if day is not None else None)
        self.soon_label = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("controlSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(t.CONTROL_ON))
        top.addWidget(self.date)
        top.addWidget(self.soon_label)
        top.addStretch(1)
        top.addWidget(self.summary)

        self.counts_model = ExecutorCountsModel(self)
        self.items_model = ControlItemsModel(self)
        self.counts_view = _table(self.counts_model)
        self.counts_view.setObjectName("controlExecutors")
        self.counts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.counts_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # the counts: as wide as their headers, the name takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.items_view = _table(self.items_model)
        self.items_view.setObjectName("controlItems")
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # the due date, whole
        self.items_view.setColumnWidth(0, 105)
        self.items_view.setColumnWidth(1, 190)
        self.items_view.setColumnWidth(3, 185)
        self.executor_panel = ExecutorPanel()
        self.executor_panel.open_reports.clicked.connect(lambda: self.open_executor_reports())
        self.executor_panel.reminder.clicked.connect(lambda: self.print_executor_reminder())
        self.executor_panel.edit.clicked.connect(lambda: self.edit_executor())
        left = QGroupBox(t.CONTROL_EXECUTORS)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.counts_view, 1)
        left_layout.addWidget(self.executor_panel)
        self.items_box = right = QGroupBox(t.CONTROL_ITEMS)
        self.all_items = QPushButton(t.CONTROL_ALL_ITEMS)
        self.all_items.setObjectName("controlAllItems")
        self.all_items.setToolTip(t.CONTROL_ALL_ITEMS_TIP)
        self.all_items.clicked.connect(self.counts_view.clearSelection)
        self.all_items.hide()
        right_layout = QVBoxLayout(right)
        above = QHBoxLayout()
        above.addWidget(self.all_items)
        above.addStretch(1)
        right_layout.addLayout(above)
        right_layout.addWidget(self.items_view, 1)
        splitter = QSplitter()  # horizontal
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])  # 2 : 3 from the first show (the hints would give the list more)
        splitter.splitterMoved.connect(lambda *_: self._fit_rows())
        self.executor_id: int | None = None  # the executor whose items are shown (None: all)
        self._fit_pending = False
        self.counts_view.selectionModel().selectionChanged.connect(lambda *_: self._on_pick())

        reports = self.reports_box = QGroupBox(t.REPORTS_BOX)
        buttons = QHBoxLayout(reports)
        for text, slot, name in ((t.REPORT_HALF_YEAR, self.print_half_year, "reportHalfYear"),
                                 (t.REPORT_BUDGET, self.print_budget, "reportBudget"),
                                 (t.REPORT_OVERDUE, self.print_overdue, "reportOverdue"),
                                 (t.SETTINGS_BUTTON, self.edit_settings, "controlSettings")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(reports)
        # The lists take the keyboard first: a focused date field would also swallow Ctrl+Z (undo).
        QWidget.setTabOrder(self.counts_view, self.items_view)
        QWidget.setTabOrder(self.items_view, self.date)
        self.counts_view.setFocus()
        self.data = None
        if context.is_open:
            self.reload()
        else:  # the window came up before its database: the snapshot, if current, until it is open
            self._waiting(True)
            if context.start_data is not None:
                self._show(context.start_data)
            else:
                self.summary.setText(t.CONTROL_OPENING)
            context.events.opened.connect(self._on_opened)
        context.events.changed.connect(self._on_changed)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        # wrapped names and the missing measures: row heights follow the lists' widths, once the
        # layout has given them (right after this event)
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        self._fit_pending = False
        self.counts_view.resizeRowsToContents()
        self.items_view.resizeRowsToContents()

    @property
    def has_data(self) -> bool:
        return self.data is not None

    def _waiting(self, waiting: bool) -> None:
        """Nothing here can be asked of a database that is not open yet."""
        self.date.setEnabled(not waiting)
        self.reports_box.setEnabled(not waiting)

    def _on_opened(self) -> None:
        self._waiting(False)
        self.reload()
        self._show_executor()

    def _on_changed(self, area: str) -> None:
        if area in AREAS:
            self.reload()

    @property
    def on(self) -> dt.date:
        """The day control is computed for (today while the field holds no whole date)."""
        return self.date.current() or dt.date.today()

    def reload(self) -> None:
        from kr_desktop.services.control import start_screen_data

        self._show(start_screen_data(self.context.db, self.on, self.context.snapshot_folder))

    def _show(self, data) -> None:
        self.data = data
        chosen = self.executor_id
        if chosen is not None and all(c.executor_id != chosen for c in data.by_executor):
            chosen = None  # nothing on control for it on this day
        blocked = self.counts_view.selectionModel().blockSignals(True)
        try:
            fill(self.counts_model, self.items_model, self.data, chosen)
            if chosen is not None:
                self.counts_view.selectRow(self.counts_model.row_of(chosen))
        finally:
            self.counts_view.selectionModel().blockSignals(blocked)
        if chosen != self.executor_id:
            self.executor_id = chosen
            self._show_executor()
        self.counts_view.resizeRowsToContents()
        self.items_view.resizeRowsToContents()
        self.soon_label.setText(t.CONTROL_SOON.format(days=self.data.soon_days))
        self.summary.setText(t.CONTROL_SUMMARY.format(
            overdue=sum(1 for i in self.data.items if i.status == "overdue"),
            soon=sum(1 for i in self.data.items if i.status == "due_soon"),
            done=sum(1 for i in self.data.items if i.status == "done")))

    # -- one executor -------------------------------------------------------------------------------
    def select_executor(self, executor_id: int | None) -> None:
        """As a click on the executor in the list (None: every executor's items)."""
        row = self.counts_model.row_of(executor_id) if executor_id is not None else -1
        if row < 0:
            self.counts_view.clearSelection()
        else:
            self.counts_view.selectRow(row)

    def _on_pick(self) -> None:
        rows = self.counts_view.selectionModel().selectedRows()
        chosen = self.counts_model.rows[rows[0].row()].executor_id if rows else None
        if chosen == self.executor_id or self.data is None:
            return
        self.executor_id = chosen
        self.items_model.set_rows(list(self.data.items) if chosen is None else
                                  self.data.items_of(chosen, tuple(ControlStatus)))
        self._show_executor()
        self.items_view.resizeRowsToContents()  # with the executor column shown or hidden

    def _executor_name(self, executor_id: int | None) -> str:
        return next((c.executor for c in self.data.by_executor if c.executor_id == executor_id), "") \
            if self.data is not None else ""

    def _show_executor(self) -> None:
        chosen, name = self.executor_id, self._executor_name(self.executor_id)
        self.items_box.setTitle(t.CONTROL_ITEMS_OF.format(executor=name) if chosen is not None else t.CONTROL_ITEMS)
        self.all_items.setVisible(chosen is not None)
        self.items_view.setColumnHidden(3, chosen is not None)  # one executor: its name in the title
        info = None
        if chosen is not None and self.context.is_open:
            from kr_desktop.services.executors import get_executor

            try:
                info = get_executor(self.context.db, chosen)
            except UserError:
                info = False  # merged or removed meanwhile
        can_edit = False
        if self.context.is_open:
            from kr_desktop.services.access import OPERATOR, has_role

            can_edit = has_role(self.context.db, OPERATOR)
        self.executor_panel.show_executor(chosen, name, info, can_act=self.context.is_open, can_edit=can_edit)

    def edit_executor(self, executor_id: int | None = None, show: bool = True):
        """«Керівник і контакти…»: the executors directory on the chosen executor."""
        from kr_desktop.ui.executors_dialog import ExecutorsDialog

        executor_id = executor_id if executor_id is not None else self.executor_id
        if executor_id is None or not self.context.is_open:
            return None
        dialog = ExecutorsDialog(self.context, self)
        dialog.select(executor_id)
        if show:
            dialog.exec()
            self._show_executor()  # the head and contacts as saved
        return dialog

    def executor_period(self, executor_id: int):
        """The half-year to open for an executor: its late (or due) report's, else the one collected."""
        from kr_desktop.domain.periods import last_ended_period

        periods = list(self.data.periods) if self.data is not None else []
        mine = [i for i in (self.data.items_of(executor_id, tuple(ControlStatus)) if self.data else [])
                if i.kind == "report" and i.status != ControlStatus.DONE]
        for item in sorted(mine, key=lambda i: i.due):
            for period in periods:
                if item.what.endswith(period.label):
                    return period
        return periods[0] if periods else last_ended_period(self.on)

    def open_executor_reports(self, executor_id: int | None = None):
        """«Звіти виконавця»: the report grid on the executor's rows and its period."""
        executor_id = executor_id if executor_id is not None else self.executor_id
        window = self.window()
        if executor_id is None or not self.context.is_open or not hasattr(window, "tabs"):
            return None
        period = self.executor_period(executor_id)
        progress = window.progress_screen
        progress.show_period(period.year, period.half, executor_id)
        window.tabs.setCurrentWidget(progress)
        progress.view.setFocus()
        return progress

    def print_executor_reminder(self, executor_id: int | None = None, path: str | None = None):
        """«Нагадування…»: the chosen executor's reminder letter in the print preview (or to ``path``)."""
        executor_id = executor_id if executor_id is not None else self.executor_id
        if executor_id is None or not self.context.is_open:
            return None
        if not self.data.items_of(executor_id):  # nothing overdue on the chosen day
            QMessageBox.information(self, t.EXECUTOR_REMINDER.rstrip("…"), t.EXECUTOR_NO_OVERDUE.format(
                executor=self._executor_name(executor_id), on=self.on.strftime("%d.%m.%Y")))
            return None
        from kr_desktop.reports.executor_reminder import executor_reminder

        on, db, program_id = self.on, self.context.db, self.context.program_id
        return self._save(f"Нагадування_{executor_id}_{on:%Y-%m-%d}.pdf",
                          lambda: executor_reminder(db, on, executor_id, program_id), path)

    # -- reports ------------------------------------------------------------------------------------
    def _save(self, name: str, build, path: str | None = None) -> Path | None:
        from kr_desktop.output_files import write_atomically
        from kr_desktop.reports.output import render

        if not path:  # from a button: the print preview, then print or «Зберегти як…» PDF/DOCX/XLSX
            from kr_desktop.ui.print_preview import preview_report

            built = []  # the document is built once; PDF, DOCX and XLSX are rendered from it

            def render_to(target: Path):
                if not built:
                    built.append(build())
                return render(built[0], target)

            render_to.reset = built.clear  # the preview builds it again after the signer's name is set
            return preview_report(self, Path(name).stem.replace("_", " "), render_to, name, signer="reports")
        out = Path(path)
        if out.suffix.lower() not in (".pdf", ".docx", ".xlsx"):
            out = out.with_suffix(".pdf")
        try:
            document = build()
            write_atomically(out, lambda temp: render(document, temp))
        except UserError as exc:
            QMessageBox.warning(self, t.REPORT_FAILED, exc.message)
            return None
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(t.REPORT_SAVED.format(path=out))
        return out

    def _ask_period(self, with_half: bool) -> tuple[int, int] | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(t.REPORTS_BOX)
        form = QFormLayout(dialog)
        year = QSpinBox()
        year.setRange(2000, 2100)
        last = self.data.periods[0] if self.data.periods else None
        year.setValue(last.year if last else self.on.year)
        form.addRow(t.REPORT_YEAR, year)
        half = QComboBox()
        half.addItems(t.HALVES)
        half.setCurrentIndex((last.half - 1) if last else 0)
        if with_half:
            form.addRow(t.REPORT_HALF, half)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return year.value(), half.currentIndex() + 1

    def print_half_year(self, year: int | None = None, half: int | None = None, path: str | None = None):
        if year is None:
            chosen = self._ask_period(True)
            if chosen is None:
                return None
            year, half = chosen
        from kr_desktop.reports.halfyear import build_halfyear
        from kr_desktop.services.progress_reports import halfyear_data

        db, program_id = self.context.db, self.context.program_id  # the program chosen in the window
        return self._save(file_names.halfyear(year, half),
                          lambda: build_halfyear(halfyear_data(db, year, half, program_id=program_id)), path)

    def print_budget(self, year: int | None = None, path: str | None = None):
        if year is None:
            chosen = self._ask_period(False)
            if chosen is None:
                return None
            year = chosen[0]
        from kr_desktop.reports.budget import build_budget
        from kr_desktop.services.progress_reports import budget_data

        db, program_id = self.context.db, self.context.program_id
        return self._save(file_names.budget(year), lambda: build_budget(budget_data(db, year, program_id=program_id)),
                          path)

    def print_overdue(self, path: str | None = None):
        from kr_desktop.reports.overdue import build_overdue_with_letters

        on, db, program_id = self.on, self.context.db, self.context.program_id
        return self._save(file_names.overdue(on), lambda: build_overdue_with_letters(db, on, program_id), path)

    def edit_settings(self) -> None:
        from kr_desktop.ui.control_settings_dialog import ControlSettingsDialog

        ControlSettingsDialog(self.context, self).exec()
