"""The executors directory: the list of units (add, merge, delete) and the chosen unit's form —
its name, its head's position and name, the dative forms that address the reminder letter
(suggested by declension as the head is typed; a form the user changes is kept as a correction,
one left as suggested is stored empty, so it follows the head), phone and e-mail, and a preview
of the letter's addressee."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from kr_desktop.domain.declension.addressee import addressee, head_name_dative, position_dative
from kr_desktop.services import executors as executors_service
from kr_desktop.ui import control_texts as t
from kr_desktop.ui import executors_texts as et
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform

DATIVE_FIELDS = {"head_position_dative": ("head_position", position_dative),
                 "head_name_dative": ("head_name", head_name_dative)}


class ExecutorsDialog(QDialog):
    """The executors directory: add, edit (head and contacts), delete, merge two records of one unit."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.EXECUTORS_DIALOG)
        self.resize(1100, 560)
        self.list = QListWidget()
        self.list.setObjectName("executorsList")
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, hint in (("name", et.NAME, ""), ("short_name", et.SHORT_NAME, ""),
                                 ("head_position", et.HEAD_POSITION, et.HEAD_POSITION_HINT),
                                 ("head_name", et.HEAD_NAME, et.HEAD_NAME_HINT),
                                 ("head_position_dative", et.POSITION_DATIVE, ""),
                                 ("head_name_dative", et.NAME_DATIVE, ""),
                                 ("phone", et.PHONE, "(056) 490-12-34"), ("email", et.EMAIL, "vidil@kr.gov.ua")):
            edit = QLineEdit()
            edit.setObjectName(f"executor_{key}")
            edit.setPlaceholderText(hint)
            if key in DATIVE_FIELDS:
                edit.setToolTip(et.DATIVE_HINT)
                edit.textEdited.connect(lambda _text, k=key: self._mark(k))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.fields["head_position"].textChanged.connect(lambda *_: self._follow("head_position_dative"))
        self.fields["head_name"].textChanged.connect(lambda *_: self._follow("head_name_dative"))
        self.fields["name"].textChanged.connect(lambda *_: self._preview())
        self.dative_note = QLabel()
        self.dative_note.setObjectName("executorDativeNote")
        again = QPushButton(et.SUGGEST_AGAIN)
        again.clicked.connect(lambda: self.suggest_again())
        note_row = QHBoxLayout()
        note_row.addWidget(self.dative_note, 1)
        note_row.addWidget(again)
        form.addRow("", note_row)
        self.preview = QLabel()
        self.preview.setObjectName("executorPreview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(et.PREVIEW, self.preview)
        save = QPushButton(et.SAVE)
        save.setObjectName("executorSave")
        save.clicked.connect(lambda: self.save())
        form.addRow("", save)
        box = QGroupBox(et.FORM_TITLE)
        box.setLayout(form)
        buttons = QHBoxLayout()
        for text, slot in ((t.EXECUTORS_ADD, self.add), (t.EXECUTORS_MERGE, self.merge),
                           (t.EXECUTORS_DELETE, self.delete)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(box)
        splitter.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._corrected: dict[str, bool] = {}
        self._loading = False
        self.executors: list = []
        self.reload()

    # -- list --------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        current = self._current()
        select = select if select is not None else (current.id if current else None)
        self.list.blockSignals(True)
        self.list.clear()
        self.executors = executors_service.list_executors(self.context.db)
        for e in self.executors:
            item = QListWidgetItem(t.EXECUTOR_ITEM.format(name=e.name, count=e.measures))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(e.name)
            self.list.addItem(item)
            if e.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show()

    def _current(self):
        item = self.list.currentItem()
        return next((e for e in self.executors if item and e.id == item.data(Qt.ItemDataRole.UserRole)), None)

    def select(self, executor_id: int) -> None:
        row = next(i for i, e in enumerate(self.executors) if e.id == executor_id)
        self.list.setCurrentRow(row)

    # -- form --------------------------------------------------------------------------------
    def _show(self) -> None:
        current = self._current()
        self._loading = True
        try:
            for key, edit in self.fields.items():
                edit.setEnabled(current is not None)
                edit.setText(getattr(current, key) if current else "")
            self._corrected = {key: bool(current and getattr(current, key)) for key in DATIVE_FIELDS}
            for key in DATIVE_FIELDS:
                if not self._corrected[key]:
                    self._follow(key)
        finally:
            self._loading = False
        self._note()
        self._preview()

    def _suggestion(self, key: str) -> str:
        source, suggest = DATIVE_FIELDS[key]
        text = self.fields[source].text().strip()
        return suggest(text) if text else ""

    def _follow(self, key: str) -> None:
        """A dative the user has not corrected follows the head as it is typed."""
        if not self._corrected.get(key):
            self.fields[key].setText(self._suggestion(key))
        self._note()
        self._preview()

    def _mark(self, key: str) -> None:
        self._corrected[key] = self.fields[key].text().strip() != self._suggestion(key)
        self._note()
        self._preview()

    def _note(self) -> None:
        corrected = any(self._corrected.get(k) for k in DATIVE_FIELDS)
        self.dative_note.setText(et.CORRECTED if corrected else et.SUGGESTED)

    def suggest_again(self) -> None:
        for key in DATIVE_FIELDS:
            self._corrected[key] = False
            self._follow(key)

    def _preview(self) -> None:
        f = {key: edit.text() for key, edit in self.fields.items()}
        to = addressee(f["name"], f["head_position"], f["head_name"], f["head_position_dative"],
                       f["head_name_dative"])
        self.preview.setText("\n".join(to.lines()) if f["name"].strip() else et.NOTHING_CHOSEN)

    def form_values(self) -> dict[str, str]:
        """The form as the service stores it: a dative equal to the suggestion is stored empty
        («decline automatically»), a changed one as the user's correction."""
        values = {key: edit.text() for key, edit in self.fields.items()}
        for key in DATIVE_FIELDS:
            if values[key].strip() == self._suggestion(key):
                values[key] = ""
        return values

    def save(self) -> bool:
        current = self._current()
        if current is None:
            return False
        values = self.form_values()
        name, short_name = values.pop("name"), values.pop("short_name")
        done = perform(self, self.context, "program",
                       lambda: executors_service.update_executor(self.context.db, current.id, name, short_name,
                                                                 expected_version=current.version, **values) or True)
        if done:
            self.reload(current.id)
        return bool(done)

    # -- list actions ------------------------------------------------------------------------
    def add(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, t.EXECUTORS_DIALOG, t.EXECUTOR_NAME)
            if not ok:
                return
        new_id = perform(self, self.context, "program", executors_service.add_executor, self.context.db, name)
        if new_id is not None:
            self.reload(new_id)

    def rename(self, name: str) -> None:
        """The name alone (the form's «Зберегти» saves every field)."""
        self.fields["name"].setText(name)
        self.save()

    def merge(self, keep_id: int | None = None) -> None:
        current = self._current()
        if current is None:
            return
        if keep_id is None:
            others = [e for e in self.executors if e.id != current.id]
            names = [e.name for e in others]
            name, ok = QInputDialog.getItem(self, t.EXECUTORS_DIALOG, t.MERGE_PROMPT.format(name=current.name),
                                            names, 0, False)
            if not ok:
                return
            keep_id = others[names.index(name)].id
        if perform(self, self.context, "program", executors_service.merge_executors, self.context.db, keep_id,
                   current.id) is not None:
            self.reload(keep_id)

    def delete(self) -> None:
        current = self._current()
        if current and perform(self, self.context, "program",
                               lambda: executors_service.delete_executor(self.context.db, current.id) or True):
            self.reload()
