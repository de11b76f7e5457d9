"""The awards register: one search box, filters, the awards and the persons as paged lists, and
the actions (new person, new award, print, import, award types, rules)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
                               QTableView, QTabWidget, QToolButton, QVBoxLayout, QWidget)

from kr_desktop.domain.award_values import degree_label
from kr_desktop.services import award_types, awards, persons
from kr_desktop.text.formatting import format_int
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.awards_models import ID_ROLE, PagedTableModel, award_cells, person_cells
from kr_desktop.ui.awards_printing import AwardsPrinting
from kr_desktop.ui.confirm import ask
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.empty_state import EmptyState
from kr_desktop.ui.operations import perform
from kr_desktop.ui.record_deletion import award_delete_question, delete_person

FIRST_YEAR = 1990


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AwardsScreen(AwardsPrinting, QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.search = QLineEdit()
        self.search.setObjectName("awardsSearch")
        self.search.setPlaceholderText(t.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(24)
        self.degree_filter = QComboBox()
        # The basis act's dates, from–to (either may stay empty); «Рік» fills both with a whole year.
        self.date_from = DateField(t.PERIOD_FROM_FIELD)
        self.date_from.setObjectName("awardsFrom")
        self.date_to = DateField(t.PERIOD_TO_FIELD)
        self.date_to.setObjectName("awardsTo")
        self.year_preset = QComboBox()
        self.year_preset.setObjectName("yearPreset")
        self.year_preset.setToolTip(t.YEAR_PRESET_TIP)
        self.act_filter = QLineEdit()
        self.act_filter.setPlaceholderText(t.ACT_PLACEHOLDER)
        self.act_filter.setMaximumWidth(130)
        self._fill_filters()
        self.found = QLabel()
        self.found.setObjectName("awardsFound")
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.act_filter.textChanged.connect(self._timer.start)
        for combo in (self.type_filter, self.degree_filter):
            combo.currentIndexChanged.connect(self.refresh)
        for field in (self.date_from, self.date_to):
            field.date_changed.connect(lambda _day: self.refresh())
        self.year_preset.activated.connect(self._year_chosen)
        self.type_filter.currentIndexChanged.connect(self._fill_degrees)
        reset = QPushButton(t.RESET_FILTERS)
        reset.clicked.connect(lambda: self.reset_filters())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.type_filter, 2)
        filters.addWidget(self.degree_filter)
        filters.addWidget(self.found)
        period = QHBoxLayout()
        period.addWidget(QLabel(t.PERIOD_LABEL))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(t.PERIOD_TO))
        period.addWidget(self.date_to)
        period.addWidget(self.year_preset)
        period.addSpacing(12)
        period.addWidget(self.act_filter)
        period.addWidget(reset)
        period.addStretch(1)

        buttons = QHBoxLayout()
        for label, slot in ((t.NEW_PERSON, self.new_person), (t.NEW_AWARD, self.new_award), (t.EDIT, self.open_current),
                            (t.DELETE, self.delete_current)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.print_button = QToolButton()
        self.print_button.setText(t.PRINT)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        menu.addAction(t.PRINT_LIST, lambda: self.preview_awards())
        menu.addAction(t.PRINT_JOURNAL, lambda: self.preview_journal())
        self.print_button.setMenu(menu)
        buttons.addWidget(self.print_button)
        for label, slot in ((t.IMPORT, self.open_import), (t.TYPES, self.open_types), (t.SETTINGS, self.open_settings)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)

        self.awards_view = _table("awardsTable")
        self.persons_view = _table("personsTable")
        self.awards_model = PagedTableModel(t.AWARD_COLUMNS, self._fetch_awards, self._count_awards, award_cells, self,
                                            ("name", "award", "date", "certificate", "presented"))
        self.persons_model = PagedTableModel(t.PERSON_COLUMNS, self._fetch_persons, self._count_persons,
                                             person_cells, self, ("name", "birth_date", "work", "deceased"))
        self.awards_view.setModel(self.awards_model)
        self.persons_view.setModel(self.persons_model)
        # The document and the position with the place of work take what is left; the rest keep
        # their widths (ui/columns.py).
        lay_out(self.awards_view, {0: 262, 1: 335, 3: 108, 4: 85}, stretch=2)
        lay_out(self.persons_view, {0: 300, 1: 120, 3: 170}, stretch=2)
        for view in (self.awards_view, self.persons_view):
            header = view.horizontalHeader()
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
            view.setSortingEnabled(True)  # a header click sorts in SQL (PagedTableModel.sort)
        self.awards_view.doubleClicked.connect(lambda _i: self.open_current())
        self.persons_view.doubleClicked.connect(lambda _i: self.open_current())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.awards_view, t.TAB_AWARDS)
        self.tabs.addTab(self.persons_view, t.TAB_PERSONS)
        self._stale: set[PagedTableModel] = set()  # searched while its tab was hidden: reload when shown
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        for model in (self.awards_model, self.persons_model):  # a search's total comes after its first page
            model.counted.connect(lambda _total: self._show_count())

        self.awards_empty = EmptyState(self.awards_view, lambda: self.empty_text(awards_list=True))
        self.persons_empty = EmptyState(self.persons_view, lambda: self.empty_text(awards_list=False))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(period)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs)
        self._show_count()
        context.events.changed.connect(self._on_changed)

    # -- filters -------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        self.type_filter.blockSignals(True)
        current = self.type_filter.currentData()
        self.type_filter.clear()
        self.type_filter.addItem(t.ALL_TYPES, None)
        self.types = award_types.list_award_types(self.db)
        for info in self.types:
            self.type_filter.addItem(info.name, info.id)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(current)))
        self.type_filter.blockSignals(False)
        if self.year_preset.count() == 0:
            self.year_preset.addItem(t.YEAR_PRESET, None)
            for year in range(dt.date.today().year, FIRST_YEAR - 1, -1):
                self.year_preset.addItem(str(year), year)
        self._fill_degrees()

    def _fill_degrees(self) -> None:
        self.degree_filter.blockSignals(True)
        self.degree_filter.clear()
        self.degree_filter.addItem(t.ALL_DEGREES, None)
        info = next((i for i in self.types if i.id == self.type_filter.currentData()), None)
        most = info.degrees if info else max((i.degrees for i in self.types), default=0)
        for degree in range(1, most + 1):
            self.degree_filter.addItem(f"{degree_label(degree)} ступінь", degree)
        self.degree_filter.setEnabled(most > 0)
        self.degree_filter.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        year = self.year_preset.itemData(index)
        self.year_preset.setCurrentIndex(0)  # a preset, not a filter of its own
        if year is not None:
            self.set_period(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def set_period(self, first: dt.date | None, last: dt.date | None) -> None:
        """The basis acts' dates from–to (None: open on that side), as typed into the fields."""
        self.date_from.set_date(first)
        self.date_to.set_date(last)
        self.refresh()

    def reset_filters(self) -> None:
        for widget in (self.search, self.act_filter):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.type_filter, self.degree_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_degrees()
        self.set_period(None, None)

    def current_filter(self) -> awards.AwardFilter:
        """What the filters say; a date field holding no whole date (shown red) is not applied."""
        return awards.AwardFilter(text=self.search.text(), award_type_id=self.type_filter.currentData(),
                                  degree=self.degree_filter.currentData(), date_from=self.date_from.current(),
                                  date_to=self.date_to.current(), act_number=self.act_filter.text().strip())

    def empty_text(self, awards_list: bool) -> str:
        """What an empty list says: what was looked for, and what to do next."""
        text = " ".join(self.search.text().split())
        flt = self.current_filter()
        filtered = any((flt.award_type_id, flt.degree, flt.date_from, flt.date_to, flt.act_number))
        if not awards_list:
            return (t.EMPTY_PERSONS_SEARCH.format(text=text) if text else t.EMPTY_PERSONS)
        if text and filtered:
            return t.EMPTY_AWARDS_SEARCH_FILTERED.format(text=text)
        if text:
            return t.EMPTY_AWARDS_SEARCH.format(text=text)
        if filtered:
            return t.EMPTY_AWARDS_FILTERED
        return t.EMPTY_AWARDS

    def _fetch_awards(self, offset: int, limit: int):
        model = self.awards_model
        return awards.query_awards(self.db, self.current_filter(), offset, limit, model.sort_key, model.descending)

    def _count_awards(self) -> int:
        return awards.count_awards(self.db, self.current_filter())

    def _fetch_persons(self, offset: int, limit: int):
        model = self.persons_model
        return persons.search_persons(self.db, self.search.text(), offset, limit, model.sort_key, model.descending)

    def _count_persons(self) -> int:
        return persons.count_persons(self.db, self.search.text())

    def _shown_model(self) -> PagedTableModel:
        return self.awards_model if self.tabs.currentIndex() == 0 else self.persons_model

    def refresh(self) -> None:
        """Search again: the list on the current tab now, the other one when its tab is shown."""
        self._timer.stop()
        shown = self._shown_model()
        shown.reload()
        self._stale = {self.awards_model, self.persons_model} - {shown}
        self._show_count()

    def _tab_shown(self) -> None:
        model = self._shown_model()
        if model in self._stale:
            self._stale.discard(model)
            model.reload()
        self._show_count()

    def _show_count(self) -> None:
        model = self._shown_model()
        # the first page is full and the rest is being counted: at least that many, for a moment
        text = t.FOUND_AT_LEAST if model.counting else t.FOUND
        self.found.setText(text.format(count=format_int(model.rowCount())))  # «4 525», as documents write it

    def _on_changed(self, area: str) -> None:
        if area == "awards":
            self._fill_filters()
            self.refresh()

    # -- actions -------------------------------------------------------------------------------
    def current_award_id(self) -> int | None:
        index = self.awards_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_person_id(self) -> int | None:
        index = self.persons_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_award(self, award_id: int) -> bool:
        self.tabs.setCurrentIndex(0)  # first: a list searched while hidden is read again now
        row = self.awards_model.row_of(award_id)
        if row is None:
            return False
        self.awards_view.selectRow(row)
        self.awards_view.scrollTo(self.awards_model.index(row, 0))
        return True

    def person_dialog(self, person_id: int | None = None):
        from kr_desktop.ui.persons_dialog import PersonDialog

        return PersonDialog(self.context, person_id, self)

    def award_dialog(self, person_id: int | None = None, award_id: int | None = None):
        from kr_desktop.ui.awards_dialog import AwardDialog

        return AwardDialog(self.context, person_id, award_id, self)

    def new_person(self) -> None:
        dialog = self.person_dialog()
        if dialog.exec() and dialog.opened_existing:
            self.person_dialog(dialog.opened_existing).exec()

    def selected_person_id(self) -> int | None:
        """The person of the selected row on either tab (an award's holder on «Відзнаки»)."""
        if self.tabs.currentIndex() == 1:
            return self.current_person_id()
        index = self.awards_view.currentIndex()
        row = self.awards_model.item(index.row()) if index.isValid() else None
        return row.person_id if row is not None else None

    def new_award(self) -> None:
        """A new award for the person of the selected row (Ctrl+N), or for a person still to pick."""
        dialog = self.award_dialog(self.selected_person_id())
        if dialog.exec() and dialog.saved_id:
            self.select_award(dialog.saved_id)

    def open_current(self) -> None:
        if self.tabs.currentIndex() == 0:
            award_id = self.current_award_id()
            if award_id:
                self.award_dialog(award_id=award_id).exec()
        else:
            person_id = self.current_person_id()
            if person_id:
                self.person_dialog(person_id).exec()

    def delete_current(self) -> None:
        if self.tabs.currentIndex() == 0:
            award_id = self.current_award_id()
            if not award_id:
                return
            if ask(self, t.DELETE_AWARD_TITLE, award_delete_question(self.db, award_id)):
                perform(self, self.context, "awards", awards.delete_award, self.db, award_id)
        else:
            person_id = self.current_person_id()
            if person_id:
                delete_person(self, self.context, person_id)

    def open_import(self) -> None:
        from kr_desktop.ui.awards_import_dialog import ImportDialog

        ImportDialog(self.context, self).exec()

    def open_types(self) -> None:
        from kr_desktop.ui.awards_types_dialog import AwardTypesDialog

        AwardTypesDialog(self.context, self).exec()

    def open_settings(self) -> None:
        from kr_desktop.ui.awards_types_dialog import AwardSettingsDialog

        AwardSettingsDialog(self.context, self).exec()
