"""Import of awards from Excel in the window: choose a file, see the preview (rows, persons new or
matched, every error with row and column), then import — all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTableView,
                               QVBoxLayout)

from kr_desktop.domain.award_values import degree_phrase
from kr_desktop.errors import UserError
from kr_desktop.services import award_import
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui import jobs
from kr_desktop.ui.operations import perform
from kr_desktop.ui.save_dialog import ask_save_path, save_atomically


class PreviewModel(QAbstractTableModel):
    def __init__(self, rows: list, parent=None):
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(t.IMPORT_COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        r = self.rows[index.row()]
        p = r.person
        name = " ".join(x for x in (p.surname.upper(), p.name, p.patronymic) if x)
        act = " ".join(x for x in (r.act_number and f"№{r.act_number}", format_date(r.act_date)) if x)
        return (str(r.row), name, f"{r.award_type.name} {degree_phrase(r.degree)}".strip(), act,
                r.certificate_number or "", t.IMPORT_PERSON_AMBIGUOUS if r.ambiguous else
                t.IMPORT_PERSON_NEW if r.person_is_new else t.IMPORT_PERSON_MATCHED)[index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t.IMPORT_COLUMNS[section]
        return None


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.path: str | None = None
        self.plan = None
        self.setWindowTitle(t.IMPORT_TITLE)
        choose, template = QPushButton(t.IMPORT_CHOOSE), QPushButton(t.IMPORT_TEMPLATE)
        choose.clicked.connect(lambda: self.choose())
        template.clicked.connect(lambda: self.save_template())
        self.run_button = QPushButton(t.IMPORT_RUN)
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(lambda: self.run())
        self.summary = QLabel(t.IMPORT_NO_FILE)
        self.summary.setWordWrap(True)
        self.preview = QTableView()
        self.preview.verticalHeader().setVisible(False)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(160)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(template)
        top.addStretch(1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems)
        self.resize(980, 620)

    def choose(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, t.IMPORT_TITLE, "", t.IMPORT_FILTER)
            if not path:
                return
        self.path = path
        try:
            self.plan = jobs.run(self, t.IMPORT_READING, lambda: award_import.preview_import(self.context.db, path))
        except UserError as exc:
            self.plan = None
            self.summary.setText(exc.message)
            self.run_button.setEnabled(False)
            return
        if self.plan is None:  # cancelled while reading
            self.run_button.setEnabled(False)
            return
        plan = self.plan
        self.preview.setModel(PreviewModel(plan.rows, self))
        self.preview.resizeColumnsToContents()
        lines = [t.IMPORT_SUMMARY.format(rows=len(plan.rows), new=plan.persons_new, matched=plan.persons_matched)]
        if plan.problems:
            lines.append(t.IMPORT_ERRORS.format(count=len(plan.problems)))
        if plan.warnings:
            lines.append(t.IMPORT_WARNINGS.format(count=len(plan.warnings)))
        self.summary.setText(" ".join(lines))
        self.problems.setPlainText("\n".join([str(p) for p in plan.problems] +
                                             [f"Попередження. {w}" for w in plan.warnings]))
        self.run_button.setEnabled(plan.ok and bool(plan.rows))

    def run(self) -> bool:
        if not self.path:
            return False
        db, path = self.context.db, self.path
        plan = perform(self, self.context, "awards", jobs.run, self, t.IMPORT_RUNNING,
                       lambda: award_import.import_awards(db, path))
        if plan is None:
            return False
        self.summary.setText(t.IMPORT_DONE.format(rows=len(plan.rows)))
        self.run_button.setEnabled(False)
        self.accept()
        return True

    def save_template(self, path: str | None = None) -> None:
        if not path:
            path = ask_save_path(self, t.IMPORT_TEMPLATE, "Шаблон_імпорту_відзнак.xlsx", t.IMPORT_FILTER, ("xlsx",))
            if not path:
                return
        save_atomically(self, Path(path), award_import.write_template)
