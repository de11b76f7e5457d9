"""«Розіслати форми…» and «Прийняти заповнені форми…» on «Звіти виконавців».

Sending: a folder (created when missing), the executors of the period with their e-mail, one XLSX
each. Taking back: the chosen files are checked first (nothing written) and the preview shows, per
form, what will be saved — new reports, unchanged ones, conflicts with both versions — or every
error by row and column; «Зберегти прийняті форми» then saves the accepted forms, each in one
transaction.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QTableView, QTreeView, QVBoxLayout)

from kr_desktop.domain.periods import Period
from kr_desktop.errors import UserError
from kr_desktop.services.progress_forms.layout import column_letter
from kr_desktop.text.formatting import format_money
from kr_desktop.ui import jobs
from kr_desktop.ui import progress_texts as t
from kr_desktop.ui.context import AppContext

ERROR_STYLE = "color: #a40000;"


def _item(text: str, editable: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(editable)
    item.setToolTip(text)
    return item


class SendFormsDialog(QDialog):
    def __init__(self, context: AppContext, year: int, half: int, parent=None):
        super().__init__(parent)
        from kr_desktop.services.progress_forms.export import form_file_names, forms_data

        self.context, self.period = context, Period(year, half)
        self.setWindowTitle(t.SEND_TITLE)
        self.resize(900, 520)
        intro = QLabel(t.SEND_INTRO.format(period=self.period.label))
        intro.setWordWrap(True)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.folder = QLineEdit(str(Path(documents) / t.SEND_FOLDER_NAME.format(period=self.period.label)))
        self.folder.setObjectName("formsFolder")
        choose = QPushButton(t.SEND_CHOOSE)
        choose.clicked.connect(lambda: self.choose_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(t.SEND_FOLDER))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.force = QCheckBox(t.SEND_FORCE)
        self.model = QStandardItemModel(0, len(t.SEND_COLUMNS), self)
        self.model.setHorizontalHeaderLabels(t.SEND_COLUMNS)
        self.view = QTableView()
        self.view.setObjectName("formsExecutors")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 70), (2, 190), (3, 300)):
            self.view.setColumnWidth(column, width)
        self.status = QLabel()
        self.status.setObjectName("formsStatus")
        self.status.setWordWrap(True)
        self.run_button = QPushButton(t.SEND_RUN)
        self.run_button.setObjectName("formsCreate")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(lambda: self.create())
        self.open_button = QPushButton(t.SEND_OPEN)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text())))
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.force)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.rows: dict[int, int] = {}
        try:
            forms = forms_data(context.db, year, half, program_id=context.program_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            self.run_button.setEnabled(False)
            return
        names = form_file_names(forms)
        for form in forms:
            checked = _item(form.executor)
            checked.setCheckable(True)
            checked.setCheckState(Qt.CheckState.Checked)
            checked.setData(form.executor_id, Qt.ItemDataRole.UserRole)
            self.rows[form.executor_id] = self.model.rowCount()
            self.model.appendRow([checked, _item(str(len(form.rows))), _item(form.email), _item(names[form.executor_id])])

    def showEvent(self, event):
        super().showEvent(event)
        self.view.resizeRowsToContents()  # with the columns' real widths

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, t.SEND_FOLDER, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen_executors(self) -> list[int]:
        return [self.model.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.model.rowCount())
                if self.model.item(row, 0).checkState() == Qt.CheckState.Checked]

    def create(self):
        from kr_desktop.services.progress_forms.export import export_forms

        folder = self.folder.text().strip()
        if not folder:
            self._say(t.SEND_NO_FOLDER, error=True)
            return None
        db, period, wanted, force = self.context.db, self.period, self.chosen_executors(), self.force.isChecked()
        program_id = self.context.program_id
        try:
            written = jobs.run(self, t.SEND_RUN, lambda: export_forms(db, period.year, period.half, folder,
                                                                      force=force, executor_ids=wanted,
                                                                      program_id=program_id))
        except UserError as exc:
            self._say(exc.message, error=True)
            return None
        if not written:
            return None
        for form in written:
            self.model.item(self.rows[form.executor_id], 3).setText(form.path.name)
        self.view.resizeRowsToContents()
        self._say(t.SEND_DONE.format(count=len(written), folder=written[0].path.parent))
        self.open_button.setEnabled(True)
        return written


class TakeFormsDialog(QDialog):
    def __init__(self, context: AppContext, year: int, half: int, parent=None, paths=None):
        super().__init__(parent)
        self.context, self.period = context, Period(year, half)
        self.results = []
        self.ready = False
        if paths is None:
            chosen, _ = QFileDialog.getOpenFileNames(parent, t.TAKE_CHOOSE, "", t.TAKE_FILTER)
            if not chosen:
                return
            paths = chosen
        self.paths = [Path(p) for p in paths]
        self.setWindowTitle(t.TAKE_TITLE)
        self.resize(1100, 640)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = QStandardItemModel(0, len(t.TAKE_COLUMNS), self)
        self.model.setHorizontalHeaderLabels(t.TAKE_COLUMNS)
        self.view = QTreeView()
        self.view.setObjectName("formsPreview")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setColumnWidth(0, 230)
        self.view.setColumnWidth(1, 230)
        self.view.header().setStretchLastSection(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("formsDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.setPlaceholderText(t.TAKE_DETAILS_HINT)
        self.view.selectionModel().currentChanged.connect(lambda current, _previous: self._show_details(current))
        self.replace = QCheckBox(t.TAKE_REPLACE)
        self.replace.setObjectName("formsReplace")
        self.replace.toggled.connect(lambda _on: self.check())
        self.status = QLabel()
        self.status.setObjectName("formsStatus")
        self.status.setWordWrap(True)
        self.run_button = QPushButton(t.TAKE_RUN)
        self.run_button.setObjectName("formsSave")
        self.run_button.clicked.connect(lambda: self.save())
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.replace)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.ready = self.check() is not None

    def _run(self, label: str, dry_run: bool, paths):
        from kr_desktop.services.progress_forms.importing import import_forms

        db, period, replace = self.context.db, self.period, self.replace.isChecked()
        try:
            return jobs.run(self, label, lambda: import_forms(db, paths, dry_run=dry_run, replace=replace,
                                                               expect=period))
        except UserError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(exc.message)
            return None

    def check(self):
        """The preview: every chosen form checked, nothing written."""
        results = self._run(t.TAKE_CHECKING, True, self.paths)
        if results is None:
            return None
        self.results = results
        self._fill(results)
        accepted = [r for r in results if r.accepted]
        self.run_button.setEnabled(bool(accepted))
        self.intro.setText(t.TAKE_INTRO.format(files=len(results)))
        return results

    def _fill(self, results, saved: bool = False) -> None:
        from kr_desktop.services.progress_forms import importing as im

        self.model.removeRows(0, self.model.rowCount())
        spanned = []
        for result in results:
            who = f"{result.executor}, {result.period.label}" if result.period else ""
            outcome = (t.TAKE_REJECTED.format(errors=len(result.errors)) if result.errors else
                       (t.TAKE_DONE if saved else t.TAKE_ACCEPTED).format(new=result.count(im.NEW) + result.count(im.REPLACED),
                                              unchanged=result.count(im.UNCHANGED),
                                              conflicts=result.count(im.CONFLICT), empty=result.empty))
            top = _item(t.TAKE_FORM.format(file=result.path.name, who=who, outcome=outcome).replace(" —  (", " ("))
            if result.errors:
                top.setForeground(QColor("#a40000"))
            for error in result.errors:
                where = ("" if error.row is None else t.TAKE_WHERE.format(row=error.row) if error.column is None
                         else t.TAKE_WHERE_COLUMN.format(row=error.row, column=column_letter(error.column)))
                message = f"«{error.header}»: {error.message}" if error.header else error.message
                top.appendRow([_item(where), _item(t.TAKE_ERROR), _item(message)])
            for row in (result.rows if not result.errors else []):  # a rejected form saves nothing
                details = [t.TAKE_DIFF.format(field=label, stored=_shown((row.stored or {}).get(label)),
                                              form=_shown(value))
                           for label, value in row.form.items()
                           if row.stored is not None and _shown(value) != _shown(row.stored.get(label))]
                if not details:
                    details = ["; ".join(f"{label}: {_shown(value)}" for label, value in row.form.items()
                                         if _shown(value) != "—")]
                top.appendRow([_item(t.TAKE_ROW.format(row=row.row, number=row.number)),
                               _item(t.TAKE_ACTIONS[row.action]), _item("\n".join(details))])
            self.model.appendRow([top, _item(""), _item("")])
            spanned.append(self.model.rowCount() - 1)
        root = self.model.invisibleRootItem().index()
        for row in spanned:  # a form's own line takes the whole width
            self.view.setFirstColumnSpanned(row, root, True)
        self.view.expandAll()

    def _show_details(self, index) -> None:
        """The chosen line in full: a form with all its lines, or one row's details."""
        if not index.isValid():
            self.details.clear()
            return
        first = index.siblingAtColumn(0)
        if not first.parent().isValid():  # a form: its own line, then each of its rows
            lines = [first.data() or ""]
            for r in range(self.model.rowCount(first)):
                lines.append(" · ".join(x for x in (self.model.index(r, c, first).data() for c in range(3)) if x))
        else:
            lines = [" · ".join(x for x in (first.siblingAtColumn(c).data() for c in range(3)) if x)]
        self.details.setPlainText("\n".join(lines))

    def save(self):
        accepted = [r.path for r in self.results if r.accepted]
        if not accepted:
            self.status.setText(t.TAKE_NOTHING)
            return None
        results = self._run(t.TAKE_SAVING, False, accepted)
        if results is None:
            return None
        rows = sum(1 for r in results for o in r.rows if o.action in ("new", "replaced") and r.written)
        saved = sum(1 for r in results if r.accepted)
        rejected = len(self.results) - saved
        self.status.setStyleSheet("")
        self.status.setText(t.TAKE_SAVED.format(saved=saved, rows=rows, rejected=rejected))
        self.context.events.changed.emit("progress_forms")
        self.context.events.changed.emit("progress")
        by_path = {r.path: r for r in results}
        self.results = [by_path.get(r.path, r) for r in self.results]
        self._fill(self.results, saved=True)
        self.run_button.setEnabled(False)
        return results


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return format_money(value)
    return " ".join(str(value).split())
