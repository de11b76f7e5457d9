"""Draft decision on awards: the basis act's number (and date), the declined names in an editable
table (a corrected form is kept for the person and case and used next time), the draft text,
and saving it as DOCX (to edit in Word) or PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from kr_desktop.domain.declension import CASE_LABELS
from kr_desktop.errors import UserError
from kr_desktop.services import decisions
from kr_desktop.ui import events_texts as t
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.operations import perform
from kr_desktop.ui.save_dialog import ask_save_path, save_atomically

NAME_COLUMNS = (2, 3, 4)
POSITION_COLUMN = 5
EDITABLE = (*NAME_COLUMNS, POSITION_COLUMN)


class DecisionScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.draft = None
        self.act = QLineEdit()
        self.act.setObjectName("decisionAct")
        self.act.setMaximumWidth(140)
        self.date = DateField(t.F_ACT_DATE_SHORT)  # empty: every act with the number
        self.date.setToolTip(t.F_ACT_DATE)
        make = QPushButton(t.MAKE_DRAFT)
        make.clicked.connect(lambda: self.make_draft())
        self.act.returnPressed.connect(lambda: self.make_draft())
        self.save_forms_button = QPushButton(t.SAVE_FORMS)
        self.save_forms_button.clicked.connect(lambda: self.save_forms(notify=True))
        save = QPushButton(t.SAVE_DOCX)
        save.setToolTip(t.SAVE_DOCX_TIP)
        save.clicked.connect(lambda: self.preview_document())
        top = QHBoxLayout()
        top.addWidget(QLabel(t.F_ACT))
        top.addWidget(self.act)
        top.addWidget(QLabel(t.F_ACT_DATE_SHORT))
        top.addWidget(self.date)
        top.addWidget(make)
        top.addStretch(1)
        top.addWidget(self.save_forms_button)
        top.addWidget(save)
        self.forms = QStandardItemModel(0, len(t.FORMS_COLUMNS), self)
        self.forms.setHorizontalHeaderLabels(list(t.FORMS_COLUMNS))
        self.forms_view = QTableView()
        self.forms_view.setObjectName("decisionForms")
        self.forms_view.setModel(self.forms)
        self.forms_view.verticalHeader().setVisible(False)
        lay_out(self.forms_view, {0: 240, 1: 95, 2: 140, 3: 110, 4: 140, 6: 170}, stretch=5)  # the position
        self.text = QPlainTextEdit()
        self.text.setObjectName("decisionText")
        self.text.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.forms_view)
        splitter.addWidget(self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def make_draft(self, act: str | None = None, date: dt.date | None = None):
        if act is not None:
            self.act.setText(act)
        if date is not None:
            self.date.set_date(date)
        try:
            self.draft = decisions.draft_decision(self.db, self.act.text(), self.date.value())
        except UserError as exc:
            QMessageBox.warning(self, t.DECISION_TITLE, exc.message)
            return None
        self.forms.removeRows(0, self.forms.rowCount())
        for entry in self.draft.entries:
            notes = [t.CORRECTED if entry.corrected else (t.GUESSED if entry.gender_guessed else ""),
                     t.POSITION_CORRECTED if entry.position_corrected else ""]
            cells = [entry.nominative, CASE_LABELS[entry.case], entry.forms.surname.upper(), entry.forms.name,
                     entry.forms.patronymic, entry.position_form, "; ".join(n for n in notes if n)]
            items = []
            for column, text in enumerate(cells):
                item = QStandardItem(text)
                editable = column in NAME_COLUMNS or (column == POSITION_COLUMN and bool(entry.position))
                item.setEditable(editable)
                if editable:
                    item.setBackground(QColor("#fffbe6"))
                items.append(item)
            items[POSITION_COLUMN].setToolTip(entry.position and f"{entry.position}\n{t.POSITION_TIP}")
            items[0].setData((entry.person_id, entry.case, (entry.forms.surname.upper(), entry.forms.name,
                                                            entry.forms.patronymic), entry.position,
                              entry.position_form), Qt.ItemDataRole.UserRole)
            self.forms.appendRow(items)
        self._show_text()
        return self.draft

    def _show_text(self) -> None:
        d = self.draft
        lines = [d.title, "", d.preamble, ""] + d.paragraphs() + ["", f"{d.sign_position}    {d.sign_name}".strip()]
        self.text.setPlainText("\n".join(lines))

    def edited_forms(self) -> list[tuple[int, str, str, str, str]]:
        """(person, case, surname, name, patronymic) of the rows whose name the user changed."""
        changed = []
        for row in range(self.forms.rowCount()):
            person_id, case, before, _position, _form = self.forms.item(row, 0).data(Qt.ItemDataRole.UserRole)
            now = tuple(self.forms.item(row, c).text().strip() for c in NAME_COLUMNS)
            if now != before:
                changed.append((person_id, case, *now))
        return changed

    def edited_positions(self) -> list[tuple[str, str, str]]:
        """(position as entered, case, corrected form) of the rows whose position the user changed
        (one per position and case: the correction serves every holder)."""
        changed: dict[tuple[str, str], str] = {}
        for row in range(self.forms.rowCount()):
            _person, case, _names, position, before = self.forms.item(row, 0).data(Qt.ItemDataRole.UserRole)
            now = " ".join(self.forms.item(row, POSITION_COLUMN).text().split())
            if position and now != before:
                changed[(position, case)] = now
        return [(position, case, form) for (position, case), form in changed.items()]

    def save_forms(self, notify: bool = False) -> int:
        changed = self.edited_forms()
        positions = self.edited_positions()
        saved = 0
        for person_id, case, surname, name, patronymic in changed:
            if perform(self, self.context, "awards", decisions.set_correction, self.db, person_id, case, surname,
                       name, patronymic) is not None:
                saved += 1
        for position, case, form in positions:
            if perform(self, self.context, "awards", decisions.set_phrase_correction, self.db, position, case,
                       form) is not None:
                saved += 1
        changed = changed or positions
        if changed:
            self.make_draft()
            if notify:
                QMessageBox.information(self, t.DECISION_TITLE, t.FORMS_SAVED.format(count=saved))
        return saved

    def set_form(self, row: int, surname: str | None, name: str | None = None, patronymic: str | None = None,
                 position: str | None = None) -> None:
        """As the user types into the table (tests drive this)."""
        for column, value in zip(EDITABLE, (surname, name, patronymic, position)):
            if value is not None:
                self.forms.item(row, column).setText(value)

    def preview_document(self):
        """The draft in the print preview: print it, or save it as DOCX (to edit in Word) or PDF."""
        if self.draft is None and self.make_draft() is None:
            return None
        if self.edited_forms() or self.edited_positions():
            self.save_forms()
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        return preview(self, t.DECISION_TITLE, lambda p: self.save_document(str(p)),
                       file_names.decision(self.draft.act_number, self.date.current()), ("docx", "pdf"),
                       signer="decisions")

    def save_document(self, path: str | None = None) -> Path | None:
        if self.draft is None and self.make_draft() is None:
            return None
        if self.edited_forms() or self.edited_positions():
            self.save_forms()
        if not path:
            path = ask_save_path(self, t.SAVE_REPORT_TITLE, f"Проєкт_{self.draft.act_number}.docx", t.DOC_FILTER,
                                 ("docx", "pdf"))
            if not path:
                return None
        from kr_desktop.reports.decision_draft import decision_document
        from kr_desktop.reports.output import render

        document = decision_document(self.draft)
        return save_atomically(self, Path(path), lambda temp: render(document, temp))
