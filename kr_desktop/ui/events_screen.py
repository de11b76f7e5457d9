"""Events: a calendar with the event days marked and the list of a period's events — the shown
month, or any dates from–to typed above the list (paged by the database) — with the actions (new,
open, delete, a year from the recurring dates, print through the preview)."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (QAbstractItemView, QCalendarWidget, QHBoxLayout, QInputDialog, QLabel,
                               QMenu, QMessageBox, QPushButton, QSplitter, QTableView, QToolButton, QVBoxLayout,
                               QWidget)

from kr_desktop.services import events
from kr_desktop.text.formatting import format_date, format_int
from kr_desktop.ui import events_texts as t
from kr_desktop.ui.awards_models import ID_ROLE, PagedTableModel
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.empty_state import EmptyState
from kr_desktop.ui.operations import perform
from kr_desktop.ui.save_dialog import REPORT_FORMATS, ask_save_path, save_atomically


def _event_cells(row) -> tuple:
    when = f"{format_date(row.event_date)} {row.start_time}".strip()
    return (when, row.title, row.kind_label, row.place, row.executor_name, str(row.invited), str(row.awards))


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
        # The list's period: the calendar's month, or any dates typed here (either side may stay empty).
        self.date_from = DateField(t.PERIOD_FROM_FIELD)
        self.date_from.setObjectName("eventsFrom")
        self.date_to = DateField(t.PERIOD_TO_FIELD)
        self.date_to.setObjectName("eventsTo")
        for field in (self.date_from, self.date_to):
            field.date_changed.connect(lambda _day: self.refresh())
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("eventsCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
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
        # The title and the place share the spare width and wrap, so neither is cut (a period's list
        # is short: its rows are fitted to their text).
        lay_out(self.view, {0: 125, 2: 130, 4: 120, 5: 80, 6: 65}, stretch=(1, 3))
        self.view.setWordWrap(True)
        self.model.modelReset.connect(self._fit_rows)
        self.model.rowsInserted.connect(self._fit_rows)
        self.view.horizontalHeader().sectionResized.connect(self._fit_rows)
        self.view.doubleClicked.connect(lambda _i: self.open_current())
        self.empty = EmptyState(self.view, self.empty_text)

        buttons = QHBoxLayout()
        for label, slot in ((t.NEW_EVENT, self.new_event), (t.OPEN, self.open_current), (t.DELETE, self.delete_current),
                            (t.GENERATE, self.generate), (t.RECURRING_DATES, self.edit_recurring_dates)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.print_button = QToolButton()
        self.print_button.setText(t.PRINT)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        menu.addAction(t.PRINT_LIST, lambda: self.preview_list())
        menu.addAction(t.PRINT_EVENT, lambda: self.preview_event())
        self.print_button.setMenu(menu)
        buttons.addWidget(self.print_button)
        month = QPushButton(t.PERIOD_MONTH)
        month.setToolTip(t.PERIOD_MONTH_TIP)
        month.clicked.connect(lambda: self.show_month())
        year = QPushButton(t.PERIOD_YEAR)
        year.setToolTip(t.PERIOD_YEAR_TIP)
        year.clicked.connect(lambda: self.show_year())
        period = QHBoxLayout()
        period.addWidget(QLabel(t.PERIOD_LABEL))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(t.PERIOD_TO))
        period.addWidget(self.date_to)
        period.addWidget(month)
        period.addWidget(year)
        period.addStretch(1)
        period.addWidget(self.found)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(period)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.calendar)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        self.calendar.setMinimumWidth(250)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._set_month()
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.show_month())
        self.refresh()
        context.events.changed.connect(lambda area: self.refresh() if area in ("events", "awards") else None)

    # -- the period -------------------------------------------------------------------------------
    def shown_month(self) -> tuple[dt.date, dt.date]:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """The list's dates from–to (None: open on that side; a field without a whole date is not applied)."""
        return self.date_from.current(), self.date_to.current()

    def set_period(self, first: dt.date | None, last: dt.date | None) -> None:
        self.date_from.set_date(first)
        self.date_to.set_date(last)
        self.refresh()

    def _fit_rows(self, *_args) -> None:
        if self.model.rowCount() <= 300:
            self.view.resizeRowsToContents()

    def empty_text(self) -> str:
        start, end = self.period()
        span = " – ".join(format_date(day) for day in (start, end) if day) or t.EMPTY_ANY_TIME
        return t.EMPTY_EVENTS.format(period=span)

    def _set_month(self) -> None:
        first, last = self.shown_month()
        self.date_from.set_date(first)
        self.date_to.set_date(last)

    def show_month(self) -> None:
        """The calendar's month in the list (turning the calendar's page does it too)."""
        self._set_month()
        self.refresh()

    def show_year(self) -> None:
        year = self.calendar.yearShown()
        self.set_period(dt.date(year, 1, 1), dt.date(year, 12, 31))

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

    def _marking_range(self) -> tuple[dt.date, dt.date]:
        return self.shown_month()

    def _mark_days(self) -> None:
        plain = QTextCharFormat()
        for day in self._marked:
            self.calendar.setDateTextFormat(day, plain)
        start, end = self._marking_range()
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
        if confirm:
            from kr_desktop.services.deletion_impact import event_impact
            from kr_desktop.ui.confirm import ask, paragraphs

            impact = event_impact(self.db, event_id)
            text = paragraphs(t.DELETE_ASK.format(title=impact.title, date=format_date(impact.event_date)),
                              t.DELETE_INVITEES.format(count=impact.invitees) if impact.invitees else None,
                              t.DELETE_AWARDS.format(count=impact.awards) if impact.awards else None,
                              t.DELETE_EMPTY if not (impact.invitees or impact.awards) else None)
            if not ask(self, t.DELETE, text):
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

    def _list_file_name(self) -> str:
        """«Заходи_01.01.2027–31.12.2027.pdf»: the period in the default file name."""
        from kr_desktop.reports import file_names

        return file_names.events(*self.period())

    def preview_list(self):
        """The period's events in the print preview."""
        from kr_desktop.ui.screen_commands import preview

        return preview(self, t.PRINT_LIST_TITLE, lambda p: self.print_list(str(p)), self._list_file_name())

    def preview_event(self):
        """The selected event (programme, invitees, awards in order) in the print preview."""
        event_id = self.current_id()
        if event_id is None:
            QMessageBox.information(self, t.PRINT_EVENT_TITLE, t.CHOOSE_EVENT)
            return None
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        detail = events.get_event(self.db, event_id)
        return preview(self, t.PRINT_EVENT_TITLE, lambda p: self.print_event(str(p)),
                       file_names.event(detail.event_date, detail.title))

    def print_list(self, path: str | None = None) -> Path | None:
        start, end = self.period()
        target = self._save_path(self._list_file_name(), path)
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
