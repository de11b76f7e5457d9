"""Table models of the register that fetch pages from the services: the database sorts, filters
and pages, so 100,000 rows cost what the rows on screen cost."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal

from kr_desktop.text.formatting import format_date
from kr_desktop.text.wording import by_sex, sex_of
from kr_desktop.ui import awards_texts as t

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# Plain ints: the view asks every visible cell for about seven roles at each paint, and comparing
# an int with an enum member looked up through Qt's namespace costs more than the rest of data().
_TEXT_ROLES = frozenset((int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)))
PAGE = 200


class PagedTableModel(QAbstractTableModel):
    """Rows come from ``fetch(offset, limit)`` a page at a time; ``count()`` gives the total.

    After a reload the first page is there at once and, when it is full, the rest is counted
    right after it has been shown (counting every match of a search costs as much as reading
    the page): ``rowCount()`` grows then, and ``counted`` announces the total. ``total()`` counts
    at once when the count is still to come."""

    counted = Signal(int)

    def __init__(self, columns: Sequence[str], fetch: Callable[[int, int], list], count: Callable[[], int],
                 cells: Callable[[Any], Sequence[str]], parent=None, sort_keys: Sequence[str | None] = ()):
        super().__init__(parent)
        self._columns = tuple(columns)
        # The service's sort per column (None: not sortable); fetch() reads sort_key/descending.
        self.sort_keys = tuple(sort_keys)
        self.sort_key = self.sort_keys[0] if self.sort_keys else None
        self.descending = False
        self._fetch, self._count, self._cells = fetch, count, cells
        self._total = 0
        self._pending = False  # the first page was full: the total is still to be counted
        self._generation = 0  # reloads so far (a count scheduled by an older one is dropped)
        self._pages: dict[int, list] = {}
        self._texts: dict[int, Sequence[str]] = {}  # row → its cells' texts (the view asks many times)
        # At construction the owner may not hold this model yet (fetch() reads its sort): count only.
        self._total = self._count()

    def _forget(self) -> None:
        self._pages.clear()
        self._texts.clear()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._forget()
        first = self._pages[0] = self._fetch(0, PAGE)
        self._total = len(first)
        self._pending = len(first) >= PAGE
        self.endResetModel()
        if self._pending:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._count_later(generation))  # not after the model is gone
        else:
            self.counted.emit(self._total)  # the first page holds every row

    @property
    def counting(self) -> bool:
        """The total is still to be counted (``rowCount()`` is the first page's rows for now)."""
        return self._pending

    def _count_later(self, generation: int) -> None:
        if generation == self._generation:
            self.total()

    def total(self) -> int:
        """The number of rows, counted now if that is still to come."""
        if self._pending:
            total = self._count()  # a failure here leaves the count pending (asked for again)
            self._pending = False
            if total > self._total:
                self.beginInsertRows(QModelIndex(), self._total, total - 1)
                self._total = total
                self.endInsertRows()
            elif total < self._total:  # rows went away meanwhile: start again from the first page
                self.beginResetModel()
                self._forget()
                self._total = total
                self.endResetModel()
            self.counted.emit(self._total)
        return self._total

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the database sorts; the number of rows stays, so no count again."""
        key = self.sort_keys[column] if column < len(self.sort_keys) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.beginResetModel()
        self._forget()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def item(self, row: int):
        if not 0 <= row < self._total:
            return None
        page = row // PAGE
        if page not in self._pages:
            if len(self._pages) > 50:  # keep memory flat while scrolling far
                self._forget()
            self._pages[page] = self._fetch(page * PAGE, PAGE)
        rows = self._pages[page]
        index = row - page * PAGE
        return rows[index] if index < len(rows) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # The view asks each cell for a dozen roles at every paint: the rest get None at once, and
        # a row's texts are made once (not once per cell and role).
        if role in _TEXT_ROLES:
            row = index.row()
            texts = self._texts.get(row)
            if texts is None:
                item = self.item(row)
                if item is None:
                    return None
                texts = self._texts[row] = self._cells(item)
            return texts[index.column()]
        if role == ID_ROLE:
            item = self.item(index.row())
            return None if item is None else item.id
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section]
        return None

    def row_of(self, item_id: int, limit: int = 5000) -> int | None:
        """The row showing ``item_id`` among the first ``limit`` rows (None when not there)."""
        for row in range(min(self.total(), limit)):
            item = self.item(row)
            if item is not None and item.id == item_id:
                return row
        return None


def award_cells(row) -> tuple[str, ...]:
    name = row.person_name + (t.POSTHUMOUS_MARK if row.posthumous else "")
    award = row.award_name + (t.REVOKED_MARK if row.revoked_on else "")
    return (name, award, row.act_text, row.certificate_number or "", format_date(row.presented_on))


def person_cells(row) -> tuple[str, ...]:
    work = ", ".join(part for part in (row.position, row.workplace) if part)
    mark = by_sex(sex_of(getattr(row, "sex", None), row.patronymic), *t.DECEASED_MARK)
    note = mark + (f" {format_date(row.death_date)}" if row.death_date else "") if row.deceased else ""
    return (row.display_name, format_date(row.birth_date), work, note)
