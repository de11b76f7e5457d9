"""Events: a calendar with the event days marked and the list of the shown month's events
(paged by the database), with the actions (new, open, delete, a year from the recurring dates,
print)."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (QAbstractItemView, QCalendarWidget, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from kr_desktop.services import events
from kr_desktop.text.formatting import format_date, format_int
from kr_desktop.ui import events_texts as t
from kr_desktop.ui.awards_models import ID_ROLE, PagedTableModel
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform
from kr_desktop.ui.save_dialog import REPORT_FORMATS, ask_save_path, save_atomically


def _event_cells(row) -> tuple:
    return (format_date(row.event_date), row.start_time, row.title, row.kind_label, row.place, row.executor_name,
            row.invited, row.awards)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class EventsScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self._marked: list[QDate] = []
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("eventsCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.activated.connect(lambda _d: self.new_event())
        self.calendar.clicked.connect(lambda d: self._select_day(to_date(d)))
        self.found = QLabel()
        self.view = QTableView()
        self.view.setObjectName("eventsTable")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.model = PagedTableModel(t.EVENT_COLUMNS, self._fetch, self._count, _event_cells, self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((85, 50, 330, 150, 180, 200, 80)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.open_current())

        buttons = QHBoxLayout()
        for label, slot in ((t.NEW_EVENT, self.new_event), (t.OPEN, self.open_current), (t.DELETE, self.delete_current),
                            (t.GENERATE, self.generate), (t.RECURRING_DATES, self.edit_recurring_dates),
                            (t.PRINT_LIST, self.print_list),
                            (t.PRINT_EVENT, self.print_event)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.found)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.calendar)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.refresh()
        context.events.changed.connect(lambda area: self.refresh() if area in ("events", "awards") else None)

    # -- the shown month ------------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])

    def _fetch(self, offset: int, limit: int):
        start, end = self.period()
        return events.list_events(self.db, start, end, offset=offset, limit=limit)

    def _count(self) -> int:
        start, end = self.period()
        return events.count_events(self.db, start, end)

    def refresh(self) -> None:
        self.model.reload()
        self.found.setText(t.FOUND.format(count=format_int(self.model.total())))
        self._mark_days()

    def _mark_days(self) -> None:
        plain = QTextCharFormat()
        for day in self._marked:
            self.calendar.setDateTextFormat(day, plain)
        start, end = self.period()
        marked = QTextCharFormat()
        marked.setBackground(QBrush(QColor("#ffe08a")))
        marked.setFontWeight(QFont.Weight.Bold)
        self._marked = []
        for day, count in events.event_days(self.db, start - dt.timedelta(days=7), end + dt.timedelta(days=14)).items():
            qday = to_qdate(day)
            marked.setToolTip(f"Заходів: {count}")
            self.calendar.setDateTextFormat(qday, marked)
            self._marked.append(qday)

    def marked_days(self) -> list[dt.date]:
        return sorted(to_date(d) for d in self._marked)

    def _select_day(self, day: dt.date) -> None:
        for row in range(self.model.total()):
            item = self.model.item(row)
            if item is not None and item.event_date == day:
                self.view.selectRow(row)
                return

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def select_event(self, event_id: int) -> None:
        detail = events.get_event(self.db, event_id)
        self.calendar.setSelectedDate(to_qdate(detail.event_date))
        self.calendar.setCurrentPage(detail.event_date.year, detail.event_date.month)
        self.refresh()
        row = self.model.row_of(event_id)
        if row is not None:
            self.view.selectRow(row)

    # -- actions -------------------------------------------------------------------------------
    def new_event(self):
        from kr_desktop.ui.events_dialog import EventDialog

        dialog = EventDialog(self.context, None, to_date(self.calendar.selectedDate()), self)
        dialog.open()
        return dialog

    def open_current(self):
        event_id = self.current_id()
        if event_id is None:
            return None
        from kr_desktop.ui.events_dialog import EventDialog

        dialog = EventDialog(self.context, event_id, None, self)
        dialog.open()
        return dialog

    def delete_current(self, confirm: bool = True) -> None:
        event_id = self.current_id()
        if event_id is None:
            return
        detail = events.get_event(self.db, event_id)
        if confirm and QMessageBox.question(self, t.DELETE, t.DELETE_ASK.format(title=detail.title)) \
                != QMessageBox.StandardButton.Yes:
            return
        perform(self, self.context, "events", events.delete_event, self.db, event_id)

    def edit_recurring_dates(self) -> None:
        from kr_desktop.ui.directories_dialogs import RecurringDatesDialog

        RecurringDatesDialog(self.context, self).exec()

    def generate(self, year: int | None = None) -> int | None:
        interactive = year is None
        if interactive:
            year, ok = QInputDialog.getInt(self, t.GENERATE, t.GENERATE_ASK, self.calendar.yearShown(), 1990, 2100)
            if not ok:
                return None
        created = perform(self, self.context, "events", events.generate_year, self.db, year)
        if created is not None and interactive:
            QMessageBox.information(self, t.GENERATE, t.GENERATED.format(count=created))
        return created

    def _save_path(self, suggested: str, path: str | None) -> Path | None:
        if path:
            return Path(path)
        return ask_save_path(self, t.SAVE_REPORT_TITLE, suggested, t.REPORT_FILTER, REPORT_FORMATS)

    def print_list(self, path: str | None = None) -> Path | None:
        start, end = self.period()
        from kr_desktop.reports import file_names

        target = self._save_path(file_names.events(start, end), path)
        if target is None:
            return None
        from kr_desktop.reports.output import render
        from kr_desktop.reports.events_lists import build_events_list

        document = build_events_list(self.db, start, end)
        return save_atomically(self, target, lambda temp: render(document, temp))

    def print_event(self, path: str | None = None) -> Path | None:
        event_id = self.current_id()
        if event_id is None:
            return None
        from kr_desktop.reports import file_names

        detail = events.get_event(self.db, event_id)
        target = self._save_path(file_names.event(detail.event_date, detail.title), path)
        if target is None:
            return None
        from kr_desktop.reports.output import render
        from kr_desktop.reports.events_lists import build_event

        document = build_event(self.db, event_id)
        return save_atomically(self, target, lambda temp: render(document, temp))
