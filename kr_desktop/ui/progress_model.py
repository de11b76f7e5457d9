"""The keyboard entry grid of a period's reports: one row per measure and executor, saved row by row.

What is typed is never lost: a cell typed into a row without a status yet waits (a draft, in
italics) and is saved with the status; a value the domain refuses stays in its cell with the
message (the editor reopens on it, see progress_editors). Drafts are kept per period and row,
so changing the filter or the period and coming back shows them again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kr_desktop.domain.progress import STATUS_LABELS, Period, parse_amount, parse_date, status_from_text
from kr_desktop.errors import UserError
from kr_desktop.services.progress import Key, PeriodGrid, ProgressRow
from kr_desktop.text.formatting import format_date, format_money
from kr_desktop.ui import progress_texts as t

REPORTED = QColor("#eef7ec")
DRAFT = QColor("#fff6d5")
INVALID = QColor("#f8c4c4")


@dataclass(frozen=True)
class GridColumn:
    key: str  # "number", "text", "executor", "status", "narrative", "amount:<source_id>", …
    title: str
    editable: bool
    width: int
    multiline: bool = False


def grid_columns(grid: PeriodGrid) -> list[GridColumn]:
    columns = [GridColumn("number", t.COL_NUMBER, False, 40), GridColumn("text", t.COL_MEASURE, False, 300),
               GridColumn("executor", t.COL_EXECUTOR, False, 200), GridColumn("status", t.COL_STATUS, True, 120),
               GridColumn("narrative", t.COL_NARRATIVE, True, 260, multiline=True)]
    columns += [GridColumn(f"amount:{s.id}", t.COL_AMOUNT.format(source=s.short_name), True, 240) for s in grid.sources]
    columns += [GridColumn("reasons", t.COL_REASONS, True, 180, multiline=True),
                GridColumn("received_on", t.COL_RECEIVED, True, 100),
                GridColumn("reported_by", t.COL_REPORTED_BY, True, 140)]
    return columns


@dataclass(frozen=True)
class Saved:
    """What the screen's save of a row gave: the stored row, or the refusal's message (``conflict``:
    the conflict dialog was shown and the grid reloads)."""

    row: ProgressRow | None = None
    error: str = ""
    conflict: bool = False


# (row, {column key: typed text}) → the saved row, a refusal, or a conflict
SaveRow = Callable[[ProgressRow, dict], Saved]
DraftKey = tuple[Period, Key]


class ProgressTableModel(QAbstractTableModel):
    def __init__(self, save_row: SaveRow, parent=None):
        super().__init__(parent)
        self.save_row = save_row
        self.period: Period | None = None
        self.columns: list[GridColumn] = []
        self.rows: list[ProgressRow] = []
        self.drafts: dict[DraftKey, dict[str, str]] = {}  # typed, not saved yet
        self.errors: dict[DraftKey, dict[str, str]] = {}  # why a typed value was refused

    def set_grid(self, grid: PeriodGrid) -> None:
        self.beginResetModel()
        self.period = grid.period
        self.columns = grid_columns(grid)
        self.rows = list(grid.rows)
        self.endResetModel()

    def column_of(self, key: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].key == "status":
            return t.STATUS_TOOLTIP
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _key(self, row: ProgressRow) -> DraftKey:
        return self.period, row.key

    def draft(self, row: ProgressRow) -> dict[str, str]:
        return self.drafts.get(self._key(row), {})

    def error_at(self, index) -> str:
        row = self.rows[index.row()]
        return self.errors.get(self._key(row), {}).get(self.columns[index.column()].key, "")

    def stored(self, row: ProgressRow, key: str) -> str:
        if key == "number":
            return row.number
        if key == "text":
            return row.text
        if key == "executor":
            return row.executor or t.NO_EXECUTOR
        if key == "status":
            return row.status_label
        if key.startswith("amount:"):
            amount = row.amounts.get(int(key.split(":")[1]))
            return format_money(amount) if amount is not None else ""
        if key == "received_on":
            return format_date(row.received_on)
        return getattr(row, key)

    def value(self, row: ProgressRow, key: str) -> str:
        """What the cell shows: the typed draft if any, else the stored value."""
        draft = self.draft(row)
        return draft[key] if key in draft else self.stored(row, key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.value(row, key)
        drafted = key in self.draft(row)
        error = self.error_at(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return t.INVALID_TOOLTIP.format(message=error)
            if drafted:
                return t.DRAFT_TOOLTIP
            if key == "status":
                return t.STATUS_TOOLTIP
            if key == "executor" and len(row.executors) > 1:
                return t.JOINT_TOOLTIP.format(executors="; ".join(row.executors))
            if key in ("text", "narrative", "reasons"):
                return self.value(row, key)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return QBrush(INVALID)
            if drafted:
                return QBrush(DRAFT)
            return QBrush(REPORTED) if row.reported else None
        if role == Qt.ItemDataRole.FontRole and drafted:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key.startswith("amount:"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    # -- typing -----------------------------------------------------------------------------------
    def _changed(self, index) -> None:
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))

    def _checked(self, row: ProgressRow, key: str, text: str) -> str:
        """The typed text in the form the save takes; raises UserError naming the field."""
        if key == "status":
            status = status_from_text(text, prefixes=True)
            if status is None:
                raise UserError(t.STATUS_NOT_CLEARED)
            return STATUS_LABELS[status]
        if key.startswith("amount:"):
            parse_amount(text, f"Захід {row.number}, {self.columns[self.column_of(key)].title.lower()}")
        elif key == "received_on":
            parse_date(text, f"{t.COL_RECEIVED}")
        return text

    def commit(self, index, text: str) -> str:
        """Take what was typed into cell ``index``: save the row (with its waiting drafts) once it
        has a status, else keep it as a draft. Returns the refusal's message ("" when taken)."""
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        draft_key = self._key(row)
        draft = dict(self.drafts.get(draft_key, {}))
        errors = self.errors.setdefault(draft_key, {})
        if not self.columns[index.column()].multiline:
            text = " ".join(text.split())
        if text == self.stored(row, key) and key not in draft:
            errors.pop(key, None)
            return ""  # nothing changed: nothing written (nor journaled)
        if key == "status" and not text.strip() and not row.reported:
            draft.pop(key, None)
            self._set_draft(draft_key, draft)
            errors.pop(key, None)
            self._changed(index)
            return ""
        try:
            value = self._checked(row, key, text)
        except UserError as exc:
            return self._refuse(index, draft_key, key, text, exc.message)
        draft[key] = value
        if not row.reported and "status" not in draft:
            errors.pop(key, None)
            self._set_draft(draft_key, draft)  # waits for the status
            self._changed(index)
            return ""
        result = self.save_row(row, draft)
        if result.conflict:
            self.drafts.pop(draft_key, None)
            self.errors.pop(draft_key, None)
            return ""
        if result.row is None:
            return self._refuse(index, draft_key, key, text, result.error)
        self.drafts.pop(draft_key, None)
        self.errors.pop(draft_key, None)
        if 0 <= index.row() < len(self.rows) and self.rows[index.row()].key == row.key:
            self.rows[index.row()] = result.row
            self._changed(index)
        return ""

    def _set_draft(self, draft_key: DraftKey, draft: dict[str, str]) -> None:
        if draft:
            self.drafts[draft_key] = draft
        else:
            self.drafts.pop(draft_key, None)

    def _refuse(self, index, draft_key: DraftKey, key: str, text: str, message: str) -> str:
        draft = dict(self.drafts.get(draft_key, {}))
        draft[key] = text  # kept as typed, shown red
        self.drafts[draft_key] = draft
        self.errors.setdefault(draft_key, {})[key] = message
        self._changed(index)
        return message

    def revert_cell(self, index) -> None:
        """Esc on a refused cell: back to the stored value (the other waiting cells stay)."""
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        draft_key = self._key(row)
        if key in self.errors.get(draft_key, {}):
            self.errors[draft_key].pop(key)
            draft = dict(self.drafts.get(draft_key, {}))
            draft.pop(key, None)
            self._set_draft(draft_key, draft)
            self._changed(index)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """For programmatic edits (and tests): the same path as typing; False when refused."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return self.commit(index, str(value)) == ""


def row_values(row: ProgressRow, changes: dict, default_reporter: str, today: dt.date) -> dict:
    """The whole row as the save service takes it, with the typed cells applied. A new report gets
    today's date as «received» and the row's executor as «who reported» unless typed."""
    values = dict(status=row.status, narrative=row.narrative, reasons=row.reasons,
                  received_on=row.received_on, reported_by=row.reported_by,
                  amounts={source_id: amount for source_id, amount in row.amounts.items()})
    for key, value in changes.items():
        if key.startswith("amount:"):
            values["amounts"][int(key.split(":")[1])] = value
        else:
            values[key] = value
    if not row.reported:
        values["received_on"] = values["received_on"] or today
        values["reported_by"] = values["reported_by"] or default_reporter
    return values
