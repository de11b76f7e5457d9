"""The chosen program's passport: its numbered items in the decision's order, each editable; text
items added, removed and moved; table 1.7 in the amounts dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton,
                               QVBoxLayout)

from kr_desktop.services.program import passport
from kr_desktop.ui import programs_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


class PassportDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.PASSPORT_TITLE)
        self.resize(900, 620)
        self.items: list[passport.PassportItemEdit] = []
        self.list = QListWidget()
        self.list.setObjectName("passportItems")
        self.list.currentRowChanged.connect(self._show)
        self.caption = QLineEdit()
        self.caption.setObjectName("passportCaption")
        self.text = QPlainTextEdit()
        self.text.setObjectName("passportText")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for name, text, slot in (("save", t.PASSPORT_SAVE, self.save_item), ("add", t.PASSPORT_ADD, self.add_item),
                                 ("delete", t.PASSPORT_DELETE, self.delete_item), ("up", t.PASSPORT_UP, self.move_up),
                                 ("down", t.PASSPORT_DOWN, self.move_down), ("table", t.PASSPORT_TABLE, self.edit_table)):
            button = QPushButton(text)
            button.setObjectName(f"passport_{name}")
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t.PASSPORT_ITEMS))
        layout.addWidget(self.list, 2)
        layout.addWidget(QLabel(t.PASSPORT_CAPTION))
        layout.addWidget(self.caption)
        layout.addWidget(QLabel(t.PASSPORT_TEXT))
        layout.addWidget(self.text, 2)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        current = self.list.currentRow()
        self.items = passport.passport_items(self.context.db, self.context.program_id)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            first = item.caption or item.text
            self.list.addItem(f"{item.number}. {first[:110]}" if first else f"{item.number}. ({item.kind_label})")
        self.list.blockSignals(False)
        row = select if select is not None else max(0, current)
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
            self._show(self.list.currentRow())

    def current(self) -> passport.PassportItemEdit | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.caption.setText(item.caption)
        self.text.setPlainText(item.text)
        self.text.setReadOnly(item.kind in passport.DERIVED)
        self.hint.setText(t.PASSPORT_DERIVED.format(what=item.kind_label) if item.kind in passport.DERIVED
                          else t.PASSPORT_RESULTS_HINT if item.kind == "results" else "")

    def save_item(self) -> bool:
        item = self.current()
        if item is None:
            return False
        done = perform(self, self.context, "program", lambda: passport.update_passport_item(
            self.context.db, item.id, self.caption.text(), self.text.toPlainText(),
            expected_version=item.version) or True)
        self.reload(self.list.currentRow())
        return done is not None

    def add_item(self) -> None:
        item = self.current()
        new_id = perform(self, self.context, "program", passport.add_passport_item, self.context.db,
                         t.PASSPORT_NEW_CAPTION, t.PASSPORT_NEW_TEXT, self.context.program_id,
                         item.position if item else None)
        if new_id is not None:
            self.reload(next((i for i, x in enumerate(passport.passport_items(self.context.db, self.context.program_id))
                              if x.id == new_id), None))

    def delete_item(self) -> None:
        item = self.current()
        if item is not None and perform(self, self.context, "program",
                                        lambda: passport.delete_passport_item(self.context.db, item.id) or True):
            self.reload()

    def _move(self, step: int) -> None:
        item = self.current()
        if item is not None and perform(self, self.context, "program",
                                        lambda: passport.move_passport_item(self.context.db, item.id, step) or True):
            self.reload(self.list.currentRow() + step)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def edit_table(self) -> None:
        from kr_desktop.ui.program_edit_dialogs import FundingDialog

        FundingDialog(self.context, "passport", None, self).exec()
