"""A program from its decision in the window: choose the DOCX, see what was read and every cell
that could not be placed, then import — all of it or nothing (as ``program import`` does)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from kr_desktop.errors import UserError
from kr_desktop.services.program import docx_import
from kr_desktop.ui import jobs
from kr_desktop.ui import programs_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


class ProgramImportDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.plan: docx_import.ImportPlan | None = None
        self.imported_id: int | None = None
        self.setWindowTitle(t.IMPORT_TITLE)
        self.resize(1000, 640)
        choose = QPushButton(t.IMPORT_CHOOSE)
        choose.clicked.connect(lambda: self.choose())
        self.run_button = QPushButton(t.IMPORT_RUN)
        self.run_button.setObjectName("importRun")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(lambda: self.run())
        self.summary = QLabel(t.IMPORT_NO_FILE)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("importPreview")
        self.preview.setReadOnly(True)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addStretch(1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)

    def choose(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, t.IMPORT_CHOOSE.rstrip("…"), "", t.IMPORT_FILTER)
            if not path:
                return
        db = self.context.db
        self.plan = None
        self.run_button.setEnabled(False)
        try:
            plan = jobs.run(self, t.IMPORT_READING,
                            lambda: docx_import.plan_import(db, docx_import.read_decision(path)))
        except UserError as exc:
            self.summary.setText(exc.message)
            self.preview.clear()
            return
        if plan is None:  # cancelled
            return
        self.plan = plan
        self.preview.setPlainText(plan.preview_text())
        self.summary.setText(t.IMPORT_REFUSED if not plan.ok else plan.preview_lines()[-1])
        self.summary.setStyleSheet("" if plan.ok else "color: #b00020; font-weight: bold")
        self.run_button.setEnabled(plan.ok)

    def run(self) -> bool:
        if self.plan is None or not self.plan.ok:
            return False
        new_id = perform(self, self.context, "program", docx_import.import_program, self.context.db, self.plan)
        if new_id is None:
            return False
        self.imported_id = new_id
        self.summary.setText(t.IMPORT_DONE.format(id=new_id))
        self.accept()
        return True
