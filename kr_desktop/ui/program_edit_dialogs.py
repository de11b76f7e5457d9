"""Dialogs that edit the Program: a measure (deadline understood live), planned amounts with their
history, amendments (the executors directory: ui/executors_dialog.py). Every save goes through the
services in one action; a refusal is shown with its Ukrainian message and nothing is saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.domain.provenance import Provenance
from kr_desktop.errors import ValidationError
from kr_desktop.services import executors as executors_service
from kr_desktop.services.program import amendments, funding, structure
from kr_desktop.text.formatting import format_money
from kr_desktop.ui import control_texts as t
from kr_desktop.ui import programs_texts as pt
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.executors_dialog import ExecutorsDialog  # noqa: F401 - its place before it had its own module
from kr_desktop.ui.form_guard import GuardedDialog
from kr_desktop.ui.operations import perform


def _buttons(dialog: QDialog, on_save) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(on_save)
    box.rejected.connect(dialog.reject)
    return box


def amendment_combo(context: AppContext) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("amendment")
    combo.addItem(t.NO_AMENDMENT, None)
    for a in reversed(amendments.list_amendments(context.db, context.program_id)):
        combo.addItem(a.label, a.id)
    return combo


class ProvenanceRow(QWidget):
    """Where a value comes from (printed / merged cell above / inferred) and the note; the form
    sets it to «printed» when the user types a value of their own."""

    def __init__(self, provenance: Provenance, name: str, parent=None):
        super().__init__(parent)
        self.origin = QComboBox()
        self.origin.setObjectName(f"{name}Origin")
        for key, label in pt.ORIGINS:
            self.origin.addItem(label, key)
        self.origin.setCurrentIndex(max(0, self.origin.findData(provenance.origin)))
        self.note = QLineEdit(provenance.note)
        self.note.setObjectName(f"{name}Note")
        self.note.setPlaceholderText(pt.PROVENANCE_NOTE)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.origin)
        row.addWidget(self.note, 1)

    def value(self) -> Provenance:
        return Provenance(self.origin.currentData(), self.note.text())

    def own_value(self) -> None:
        self.origin.setCurrentIndex(self.origin.findData("printed"))
        self.note.clear()


def deadline_understood(phrase: str) -> tuple[str, bool]:
    """What the domain understands of a deadline phrase, for the live label."""
    deadline = parse_deadline(phrase)
    return (deadline.label if deadline.recognized else t.MEASURE_UNKNOWN), deadline.recognized


class MeasureDialog(GuardedDialog):
    """Adds a measure to a direction (``measure_id`` None) or edits one."""

    def __init__(self, context: AppContext, direction_id: int | None, measure_id: int | None = None, parent=None):
        super().__init__(parent)
        self.context, self.direction_id, self.measure_id = context, direction_id, measure_id
        self.saved_id: int | None = None
        self.setWindowTitle(t.MEASURE_DIALOG)
        self.resize(720, 560)
        current = structure.measure_for_edit(context.db, measure_id) if measure_id else None
        self.version = current.version if current else None  # the version this form was filled from
        self.text = QPlainTextEdit(current.text if current else "")
        self.text.setObjectName("measureText")
        self.deadline = QLineEdit(current.deadline_phrase if current else "")
        self.deadline.setObjectName("measureDeadline")
        self.understood = QLabel()
        self.understood.setObjectName("deadlineUnderstood")
        self.deadline.textChanged.connect(self._show_deadline)
        self.deadline_origin = ProvenanceRow(current.deadline_provenance if current else Provenance(), "deadline")
        self.deadline.textEdited.connect(lambda _text: self.deadline_origin.own_value())
        self.executors = QListWidget()
        self.executors.setObjectName("measureExecutors")
        chosen = set(current.executor_ids) if current else set()
        for e in executors_service.list_executors(context.db):
            item = QListWidgetItem(e.name)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if e.id in chosen else Qt.CheckState.Unchecked)
            self.executors.addItem(item)
        self.executors_origin = ProvenanceRow(current.executors_provenance if current else Provenance(), "executors")
        self.executors.itemChanged.connect(lambda _item: self.executors_origin.own_value())
        self.expected = QPlainTextEdit(current.expected_result if current else "")
        self.expected.setMaximumHeight(70)
        self.amendment = amendment_combo(context)
        form = QFormLayout(self)
        form.addRow(t.MEASURE_TEXT, self.text)
        form.addRow(t.MEASURE_DEADLINE, self.deadline)
        form.addRow(t.MEASURE_UNDERSTOOD, self.understood)
        form.addRow(pt.PROVENANCE_LABEL, self.deadline_origin)
        form.addRow(t.MEASURE_EXECUTORS, self.executors)
        form.addRow(pt.PROVENANCE_LABEL, self.executors_origin)
        form.addRow(t.MEASURE_EXPECTED, self.expected)
        form.addRow(t.AMENDMENT, self.amendment)
        form.addRow(_buttons(self, self.save))
        self._show_deadline()
        self.guard_form(self.save, self.checked_executors)  # Esc on a changed measure asks

    def _show_deadline(self) -> None:
        label, recognized = deadline_understood(self.deadline.text())
        self.understood.setText(label)
        self.understood.setStyleSheet("" if recognized else "color: #b00020; font-weight: bold")

    def checked_executors(self) -> list[int]:
        return [self.executors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.executors.count())
                if self.executors.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> bool:
        args = (self.text.toPlainText(), self.deadline.text(), self.checked_executors(), self.expected.toPlainText(),
                self.amendment.currentData())
        origins = dict(deadline_provenance=self.deadline_origin.value(),
                       executors_provenance=self.executors_origin.value())
        if self.measure_id:
            done = perform(self, self.context, "program",
                           lambda: structure.update_measure(self.context.db, self.measure_id, *args,
                                                            expected_version=self.version, **origins) or self.measure_id)
        else:
            done = perform(self, self.context, "program", structure.add_measure, self.context.db, self.direction_id,
                           *args, **origins)
        if done is None:
            return False
        self.saved_id = done
        self.accept()
        return True


class FundingDialog(QDialog):
    """Planned amounts of a direction or measure (years × sources), or the passport when ``owner``
    is "passport"; the history of the selected amount under the grid."""

    def __init__(self, context: AppContext, owner: str, owner_id: int | None, parent=None):
        super().__init__(parent)
        self.context, self.owner, self.owner_id = context, owner, owner_id
        db = context.db
        if owner == "passport":
            passport = funding.passport_grid(db, context.program_id)
            amounts, self.version = passport.amounts, passport.version
            sources = tuple(funding.list_sources(db))
            years = passport.years  # the program's years, also those without an amount yet
            label = t.EDIT_PASSPORT.rstrip("…")
        else:
            grid = funding.funding_grid(db, owner, owner_id)
            amounts, sources, years, label = grid.amounts, grid.sources, grid.years, grid.label
            self.version = grid.version
        self.sources, self.years, self.original = sources, years, amounts
        self.setWindowTitle(f"{t.FUNDING_DIALOG}: {label}")
        self.resize(900, 420)
        self.table = QTableWidget(len(sources), len(years))  # a few dozen fixed cells: a form, not a list
        self.table.setObjectName("fundingTable")
        self.table.setHorizontalHeaderLabels([str(y) for y in years])
        self.table.setVerticalHeaderLabels([s.name for s in sources])
        for r, source in enumerate(sources):
            for c, year in enumerate(years):
                amount = amounts.get((source.id, year))
                self.table.setItem(r, c, QTableWidgetItem(format_money(amount) if amount is not None else ""))
        self.table.currentCellChanged.connect(lambda *_: self._show_history())
        self.history = QLabel(t.FUNDING_NO_HISTORY)
        self.history.setObjectName("fundingHistory")
        self.history.setWordWrap(True)
        self.amendment = amendment_combo(context)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(t.FUNDING_HISTORY))
        layout.addWidget(self.history)
        row = QHBoxLayout()
        row.addWidget(QLabel(t.AMENDMENT))
        row.addWidget(self.amendment, 1)
        layout.addLayout(row)
        layout.addWidget(_buttons(self, self.save))

    def set_cell(self, source_id: int, year: int, text: str) -> None:
        r = next(i for i, s in enumerate(self.sources) if s.id == source_id)
        self.table.item(r, self.years.index(year)).setText(text)

    def changed_cells(self) -> dict[tuple[int, int], str]:
        cells = {}
        for r, source in enumerate(self.sources):
            for c, year in enumerate(self.years):
                text = self.table.item(r, c).text()
                old = self.original.get((source.id, year))
                if text.strip() != (format_money(old) if old is not None else ""):
                    cells[(source.id, year)] = text
        return cells

    def _show_history(self) -> None:
        r, c = self.table.currentRow(), self.table.currentColumn()
        if r < 0 or c < 0:
            return
        items = amendments.amount_history(self.context.db, self.owner, self.owner_id, self.sources[r].id, self.years[c],
                                          self.context.program_id)
        self.history.setText("\n".join(t.FUNDING_HISTORY_ITEM.format(amendment=h.amendment, old=h.old_value or "—",
                                                                     new=h.new_value or "—") for h in items)
                             or t.FUNDING_NO_HISTORY)

    def save(self) -> bool:
        cells = self.changed_cells()
        if not cells:
            self.accept()
            return True
        db, amendment = self.context.db, self.amendment.currentData()
        if self.owner == "passport":
            done = perform(self, self.context, "program", funding.set_passport_amounts, db, cells, amendment,
                           expected_version=self.version, program_id=self.context.program_id)
        else:
            done = perform(self, self.context, "program", funding.set_planned_amounts, db, self.owner, self.owner_id,
                           cells, amendment, expected_version=self.version)
        if done is None:
            return False
        self.accept()
        return True


class AmendmentsDialog(QDialog):
    """The list of amending decisions; what the selected one changed; adding a new one."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.AMENDMENTS_DIALOG)
        self.resize(760, 520)
        self.list = QListWidget()
        self.list.setObjectName("amendmentsList")
        self.list.currentRowChanged.connect(self._show_changes)
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.date = DateField(t.AMENDMENT_DATE, required=True, value=dt.date.today())
        self.number = QLineEdit()
        self.description = QLineEdit()
        add = QPushButton(t.AMENDMENT_ADD)
        add.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(t.AMENDMENT_DATE, self.date)
        form.addRow(t.AMENDMENT_NUMBER, self.number)
        form.addRow(t.AMENDMENT_DESCRIPTION, self.description)
        form.addRow(add)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(t.AMENDMENT_CHANGES))
        layout.addWidget(self.changes, 1)
        layout.addLayout(form)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def reload(self) -> None:
        self.amendments = amendments.list_amendments(self.context.db, self.context.program_id)
        self.list.clear()
        for a in self.amendments:
            self.list.addItem(f"{a.label} — {a.description}" if a.description else a.label)

    def _show_changes(self, row: int) -> None:
        if 0 <= row < len(self.amendments):
            self.changes.setPlainText("\n".join(amendments.amendment_changes(self.context.db, self.amendments[row].id)))

    def add(self) -> None:
        try:
            day = self.date.value()
        except ValidationError as exc:
            QMessageBox.warning(self, t.AMENDMENTS_DIALOG, exc.message)
            return
        if perform(self, self.context, "program", amendments.add_amendment, self.context.db, day,
                   self.number.text(), self.description.text(), self.context.program_id) is not None:
            self.number.clear()
            self.description.clear()
            self.reload()


def confirm(parent, what: str) -> bool:
    from kr_desktop.ui.confirm import ask

    return ask(parent, t.CONFIRM_TITLE, t.CONFIRM_DELETE.format(what=what))
