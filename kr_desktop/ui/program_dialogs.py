"""A new program (blank or a successor) and the chosen program's name, decision, years and status."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit)

from kr_desktop.services.program import programs
from kr_desktop.services.program.choice import list_programs
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import programs_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


def _buttons(dialog: QDialog, on_save) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(on_save)
    box.rejected.connect(dialog.reject)
    return box


class NewProgramDialog(QDialog):
    def __init__(self, context: AppContext, successor: bool = False, parent=None):
        super().__init__(parent)
        self.context = context
        self.created_id: int | None = None
        self.created_name = ""
        self.setWindowTitle(t.SUCCESSOR_TITLE if successor else t.NEW_TITLE)
        self.resize(640, 260)
        self.name = QPlainTextEdit()
        self.name.setObjectName("programName")
        self.name.setMaximumHeight(60)
        self.years = QLineEdit()
        self.years.setObjectName("programYears")
        self.predecessor = QComboBox()
        self.predecessor.setObjectName("programPredecessor")
        self.predecessor.addItem(t.NEW_BLANK, None)
        for label in list_programs(context.db):
            self.predecessor.addItem(label.short, label.id)
        if successor and context.program_id is not None:
            self.predecessor.setCurrentIndex(max(0, self.predecessor.findData(context.program_id)))
            chosen = next((p for p in list_programs(context.db) if p.id == context.program_id), None)
            if chosen is not None:
                span = chosen.end_year - chosen.start_year
                self.years.setText(f"{chosen.end_year + 1}-{chosen.end_year + 1 + span}")
        hint = QLabel(t.NEW_HINT)
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(t.NEW_NAME, self.name)
        form.addRow(t.NEW_YEARS, self.years)
        form.addRow(t.NEW_PREDECESSOR, self.predecessor)
        form.addRow(hint)
        form.addRow(_buttons(self, self.save))

    def save(self) -> bool:
        name = self.name.toPlainText()
        created = perform(self, self.context, "program", programs.create_program, self.context.db, name,
                          self.years.text(), self.predecessor.currentData())
        if created is None:
            return False
        self.created_id, self.created_name = created, " ".join(name.split())
        self.accept()
        return True


class ProgramInfoDialog(QDialog):
    """The chosen program's name, its decision (number, date, title), years and status."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        current = programs.program_for_edit(context.db, context.program_id)
        self.program_id, self.version = current.id, current.version
        self.setWindowTitle(t.INFO_TITLE)
        self.resize(680, 320)
        self.name = QPlainTextEdit(current.name)
        self.name.setObjectName("programName")
        self.name.setMaximumHeight(60)
        self.decision_title = QPlainTextEdit(current.decision_title)
        self.decision_title.setMaximumHeight(60)
        self.decision_number = QLineEdit(current.decision_number)
        self.decision_number.setObjectName("decisionNumber")
        self.decision_date = QLineEdit(format_date(current.decision_date) if current.decision_date else "")
        self.decision_date.setObjectName("decisionDate")
        self.years = QLineEdit(f"{current.start_year}-{current.end_year}")
        self.status = QComboBox()
        self.status.setObjectName("programStatus")
        for key, label in t.STATUSES:
            self.status.addItem(label, key)
        self.status.setCurrentIndex(max(0, self.status.findData(current.status)))
        form = QFormLayout(self)
        form.addRow(t.INFO_NAME, self.name)
        form.addRow(t.INFO_DECISION_TITLE, self.decision_title)
        form.addRow(t.INFO_DECISION_NUMBER, self.decision_number)
        form.addRow(t.INFO_DECISION_DATE, self.decision_date)
        form.addRow(t.INFO_YEARS, self.years)
        form.addRow(t.INFO_STATUS, self.status)
        form.addRow(_buttons(self, self.save))

    def save(self) -> bool:
        done = perform(self, self.context, "program", lambda: programs.update_program(
            self.context.db, self.program_id, expected_version=self.version, name=self.name.toPlainText(),
            decision_title=self.decision_title.toPlainText(), decision_number=self.decision_number.text(),
            decision_date=self.decision_date.text().strip(), years=self.years.text(),
            status=self.status.currentData()) or True)
        if done is None:
            return False
        self.accept()
        return True
