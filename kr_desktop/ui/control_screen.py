"""«Контроль», the start screen: overdue (red), due soon (yellow), done (green), per executor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from kr_desktop.errors import UserError
from kr_desktop.reports import file_names
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.control_models import ControlItemsModel, ExecutorCountsModel, fill

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
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("controlDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.dateChanged.connect(self.reload)
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
        self.counts_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items_view = _table(self.items_model)
        self.items_view.setObjectName("controlItems")
        self.items_view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.items_view.setColumnWidth(1, 230)
        self.items_view.setColumnWidth(2, 260)
        left = QGroupBox(t.CONTROL_EXECUTORS)
        QVBoxLayout(left).addWidget(self.counts_view)
        right = QGroupBox(t.CONTROL_ITEMS)
        QVBoxLayout(right).addWidget(self.items_view)
        splitter = QSplitter()  # horizontal
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

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

    def _on_changed(self, area: str) -> None:
        if area in AREAS:
            self.reload()

    @property
    def on(self):
        return self.date.date().toPython()

    def reload(self) -> None:
        from kr_desktop.services.control import start_screen_data

        self._show(start_screen_data(self.context.db, self.on, self.context.snapshot_folder))

    def _show(self, data) -> None:
        self.data = data
        fill(self.counts_model, self.items_model, self.data)
        self.counts_view.resizeRowsToContents()
        self.items_view.resizeRowsToContents()
        self.soon_label.setText(t.CONTROL_SOON.format(days=self.data.soon_days))
        self.summary.setText(t.CONTROL_SUMMARY.format(
            overdue=sum(1 for i in self.data.items if i.status == "overdue"),
            soon=sum(1 for i in self.data.items if i.status == "due_soon"),
            done=sum(1 for i in self.data.items if i.status == "done")))

    # -- reports ------------------------------------------------------------------------------------
    def _save(self, name: str, build, path: str | None = None) -> Path | None:
        from kr_desktop.output_files import write_atomically
        from kr_desktop.reports.document import render

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
