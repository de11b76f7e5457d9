"""The conflict dialog: both versions of a record side by side, instead of overwriting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from kr_desktop.errors import ConflictError
from kr_desktop.text.formatting import format_date, format_money
from kr_desktop.ui import trust_texts as t


def display_value(value) -> str:
    if value is None or value == "":
        return t.EMPTY_VALUE
    if isinstance(value, bool):
        return t.YES if value else t.NO
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or t.EMPTY_VALUE
    return str(value)


class ConflictDialog(QDialog):
    def __init__(self, error: ConflictError, parent: QWidget | None = None):
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(t.CONFLICT_TITLE)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        message = QLabel(error.message)
        message.setWordWrap(True)
        layout.addWidget(message)
        if error.changed_by:
            when = t.CONFLICT_WHEN.format(when=display_value(error.changed_at)) if error.changed_at else ""
            layout.addWidget(QLabel(t.CONFLICT_BY.format(who=error.changed_by, when=when)))
        keys = list(error.yours) + [k for k in error.theirs if k not in error.yours]
        self.table = QTableWidget(len(keys), 3)
        self.table.setObjectName("conflictTable")
        version = (lambda n: t.CONFLICT_VERSION.format(number=n) if n is not None else "")
        self.table.setHorizontalHeaderLabels([t.CONFLICT_FIELD, t.CONFLICT_YOURS.format(version=version(error.your_version)),
                                              t.CONFLICT_THEIRS.format(version=version(error.their_version))])
        for row, key in enumerate(keys):
            yours, theirs = error.yours.get(key), error.theirs.get(key)
            cells = (error.labels.get(key, key), display_value(yours), display_value(theirs))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column and yours != theirs:
                    item.setBackground(QColor("#fff3c4"))
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.resizeColumnsToContents()
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        hint = QLabel(t.CONFLICT_HINT)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]


def show_conflict(parent: QWidget | None, error: ConflictError) -> None:
    ConflictDialog(error, parent).exec()
