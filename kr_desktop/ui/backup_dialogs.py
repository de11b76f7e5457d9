"""Choosing the backup to restore from: the copies of this database's backups folder as a list —
when each was made and why, its size, and how many persons, awards, events… it holds — and any
other copy (another folder, a USB stick) added to the list from a file dialog."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from kr_desktop.text.formatting import format_date, format_int, format_money
from kr_desktop.ui import backup_texts as t

COLUMNS = (t.LIST_CREATED, t.LIST_REASON, t.LIST_SIZE, t.LIST_RECORDS, t.LIST_FILE)


def size_text(size: int) -> str:
    """«12,4 МБ» (or «850 КБ» for a small file)."""
    if size < 1024 * 1024:
        return t.SIZE_KB.format(size=format_int(max(1, round(size / 1024))))
    return t.SIZE_MB.format(size=format_money(Decimal(size) / Decimal(1024 * 1024), 1))


def records_text(summary) -> str:
    if summary.problem:
        return t.LIST_PROBLEM.format(problem=summary.problem)
    return "; ".join(t.RECORD_LABELS[table].format(count=format_int(count))
                     for table, count in summary.records.items() if table in t.RECORD_LABELS)


class RestoreDialog(QDialog):
    """``chosen``: the path of the copy to restore from, once «Відновити…» was pressed."""

    def __init__(self, summaries: list, summarize_file, parent=None):
        super().__init__(parent)
        self.setWindowTitle(t.RESTORE_LIST_TITLE)
        self.setObjectName("restoreDialog")
        self.summaries = list(summaries)
        self.summarize_file = summarize_file  # path → summary (a copy picked elsewhere)
        self.chosen: Path | None = None
        intro = QLabel(t.RESTORE_LIST_INTRO)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, 260)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.choose())
        self.empty = QLabel(t.RESTORE_LIST_EMPTY)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5a6472;")
        other = QPushButton(t.RESTORE_OTHER)
        other.clicked.connect(lambda: self.add_file())
        self.restore_button = QPushButton(t.RESTORE_BUTTON)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.choose)
        self.restore_button.setEnabled(False)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(other)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(1000, 480)
        self._fill()

    def _fill(self, select: Path | None = None) -> None:
        self.table.setRowCount(len(self.summaries))
        for row, summary in enumerate(self.summaries):
            created = summary.created
            cells = (f"{format_date(created.date())} {created:%H:%M}", summary.reason_label or t.REASON_OTHER,
                     size_text(summary.size), records_text(summary), summary.path.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(summary.path) if column == 4 else text)
                if summary.problem:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.summaries)
        if select is not None:
            row = next((i for i, s in enumerate(self.summaries) if s.path == select), None)
            if row is not None:
                self.table.selectRow(row)
        elif self.summaries:
            good = next((i for i, s in enumerate(self.summaries) if not s.problem), None)
            if good is not None:
                self.table.selectRow(good)

    def current(self):
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.summaries[rows.pop()] if rows else None

    def _selected(self) -> None:
        summary = self.current()
        self.restore_button.setEnabled(summary is not None and not summary.problem)

    def add_file(self, path: str | None = None) -> None:
        """A copy kept elsewhere: it joins the list (with what it holds) and is selected."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, t.RESTORE_PICK_TITLE, "", t.RESTORE_FILTER)
            if not path:
                return
        chosen = Path(path)
        self.summaries = [s for s in self.summaries if s.path != chosen] + [self.summarize_file(chosen)]
        self._fill(select=chosen)

    def choose(self) -> None:
        summary = self.current()
        if summary is None or summary.problem:
            return
        self.chosen = summary.path
        self.accept()
