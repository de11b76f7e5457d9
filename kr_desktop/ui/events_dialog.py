"""One event: its fields, the invitees (one action adds all living honorary citizens or all
holders of an award and degree; attendance marks) and the awards presented at it in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QLabel,
                               QHBoxLayout, QHeaderView, QInputDialog, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from kr_desktop.domain.award_values import degree_label
from kr_desktop.errors import ValidationError
from kr_desktop.services import award_presentation, award_types, awards, events, persons
from kr_desktop.text.wording import by_sex, sex_of
from kr_desktop.ui import events_texts as t
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.events_models import ListTableModel
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.form_guard import FormGuard
from kr_desktop.ui.operations import REFUSED_TITLE, perform
from kr_desktop.ui.presentation_order import PresentationModel, presentation_view
from kr_desktop.ui.save_dialog import REPORT_FORMATS, ask_save_path, save_atomically


def _table(name: str, model) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class EventDialog(QDialog):
    def __init__(self, context: AppContext, event_id: int | None, day: dt.date | None = None, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.event_id = event_id
        self.version: int | None = None
        self.setWindowTitle(t.EVENT_NEW_TITLE if event_id is None else t.EVENT_TITLE)
        self.resize(900, 620)

        self.title = QLineEdit()
        self.date = DateField(t.F_DATE, required=True, value=day or dt.date.today())
        self.time = QLineEdit()
        self.time.setPlaceholderText("10:00")
        self.time.setMaximumWidth(80)
        self.kind = QComboBox()
        for key, label in events.EVENT_KINDS.items():
            self.kind.addItem(label, key)
        self.place = QLineEdit()
        self.executor = QComboBox()
        self.executor.addItem(t.NONE, None)
        for executor_id, name in events.list_executors(self.db):
            self.executor.addItem(name, executor_id)
        self.measure = QComboBox()
        self.measure.addItem(t.NONE, None)
        for measure_id, label in events.list_measures(self.db):
            self.measure.addItem(label[:140], measure_id)
            self.measure.setItemData(self.measure.count() - 1, label, 3)  # tooltip: the full text
        self.measure.setMaximumWidth(640)
        self.programme = QPlainTextEdit()
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(t.F_TITLE, self.title)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.time)
        when.addStretch(1)
        form.addRow(f"{t.F_DATE}, {t.F_TIME.lower()}", when)
        form.addRow(t.F_KIND, self.kind)
        form.addRow(t.F_PLACE, self.place)
        form.addRow(t.F_EXECUTOR, self.executor)
        form.addRow(t.F_MEASURE, self.measure)
        form.addRow(t.F_PROGRAMME, self.programme)
        form.addRow(t.F_NOTES, self.notes)
        main = QWidget()
        main.setLayout(form)

        self.invitees_model = ListTableModel(t.INVITEE_COLUMNS, lambda r: (
            r.display_name, ", ".join(p for p in (r.position, r.workplace) if p),
            "" if r.attended is None else by_sex(sex_of(r.sex, r.patronymic), *t.ATTENDANCE[r.attended])), self)
        self.invitees_view = _table("inviteesTable", self.invitees_model)
        lay_out(self.invitees_view, {0: 280, 2: 120}, stretch=1)
        invitee_buttons = QHBoxLayout()
        for label, slot in ((t.ADD_PERSON, self.add_person), (t.ADD_HONORARY, self.add_honorary),
                            (t.ADD_HOLDERS, self.add_holders), (t.MARK_PRESENT, lambda: self.mark(True)),
                            (t.MARK_ABSENT, lambda: self.mark(False)), (t.REMOVE, self.remove_invitee)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            invitee_buttons.addWidget(button)
        invitee_buttons.addStretch(1)
        invitees_page = QWidget()
        box = QVBoxLayout(invitees_page)
        box.addLayout(invitee_buttons)
        box.addWidget(self.invitees_view)

        self.awards_model = PresentationModel(self.place_award, self)
        self.awards_view = presentation_view(self.awards_model)
        award_buttons = QHBoxLayout()
        for label, slot in ((t.ADD_AWARD, self.add_award), (t.UP, lambda: self.move_award(-1)), (t.DOWN, lambda: self.move_award(1)),
                            (t.REMOVE, self.remove_award)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            award_buttons.addWidget(button)
        award_buttons.addStretch(1)
        awards_page = QWidget()
        box = QVBoxLayout(awards_page)
        box.addLayout(award_buttons)
        order_hint = QLabel(t.ORDER_HINT)
        order_hint.setStyleSheet("color: #5a6472;")
        box.addWidget(order_hint)
        box.addWidget(self.awards_view)

        self.tabs = QTabWidget()
        self.tabs.addTab(main, t.TAB_MAIN)
        self.tabs.addTab(invitees_page, t.TAB_INVITEES.format(count=0))
        self.tabs.addTab(awards_page, t.TAB_AWARDS.format(count=0))
        bottom = QHBoxLayout()
        self.print_button = QPushButton(t.PRINT_EVENT_DIALOG)
        self.print_button.clicked.connect(lambda: self.preview_event())
        save = QPushButton(t.SAVE)
        save.setDefault(True)
        save.clicked.connect(lambda: self.save())
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.reject)  # asks first when the event's fields were changed
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(save)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        self.guard = FormGuard(self, self._save_and_close)
        if event_id is not None:
            self._load()
        self._reload_lists()
        self.guard.mark_clean()

    def reject(self) -> None:
        if self.guard.allows_close():
            super().reject()

    def _save_and_close(self) -> None:
        if self.save() is not None:
            self.accept()

    # -- the event -----------------------------------------------------------------------------
    def _load(self) -> None:
        d = events.get_event(self.db, self.event_id)
        self.version = d.version
        self.title.setText(d.title)
        self.date.set_date(d.event_date)
        self.time.setText(d.start_time)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.place.setText(d.place)
        self.executor.setCurrentIndex(max(0, self.executor.findData(d.executor_id)))
        self.measure.setCurrentIndex(max(0, self.measure.findData(d.measure_id)))
        self.programme.setPlainText(d.programme)
        self.notes.setText(d.notes)

    def data(self) -> events.EventInput:
        return events.EventInput(self.title.text(), self.date.value(), self.kind.currentData(),
                                 self.time.text(), self.place.text(), self.executor.currentData(),
                                 self.measure.currentData(), self.programme.toPlainText(), self.notes.text())

    def save(self) -> int | None:
        try:
            data = self.data()
        except ValidationError as exc:
            QMessageBox.warning(self, REFUSED_TITLE, exc.message)
            self.date.setFocus()
            return None
        result = perform(self, self.context, "events", events.save_event, self.db, data, self.event_id,
                         self.version)
        if result is not None:
            self.event_id = result
            self.version = events.get_event(self.db, result).version
            self.setWindowTitle(t.EVENT_TITLE)
            self.guard.mark_clean()
        return result

    def _need_event(self) -> bool:
        if self.event_id is None and self.save() is None:
            return False
        return True

    def _reload_lists(self) -> None:
        if self.event_id is None:
            return
        self.invitees_model.set_rows(events.invitees(self.db, self.event_id))
        self.awards_model.set_rows(award_presentation.presented_awards(self.db, self.event_id))
        self.tabs.setTabText(1, t.TAB_INVITEES.format(count=len(self.invitees_model.rows)))
        self.tabs.setTabText(2, t.TAB_AWARDS.format(count=len(self.awards_model.rows)))

    def _change(self, fn, *args):
        result = perform(self, self.context, "events", fn, self.db, *args)
        self._reload_lists()
        return result

    # -- invitees ------------------------------------------------------------------------------
    def add_person(self, text: str | None = None, person_id: int | None = None):
        if not self._need_event():
            return None
        if person_id is None:
            if text is None:
                text, ok = QInputDialog.getText(self, t.ADD_PERSON, t.FIND_PERSON)
                if not ok or not text.strip():
                    return None
            found = persons.search_persons(self.db, text, limit=50)
            if not found:
                QMessageBox.information(self, t.ADD_PERSON, t.NOTHING_FOUND)
                return None
            labels = [p.display_name + (f" – {p.position}" if p.position else "") for p in found]
            choice, ok = QInputDialog.getItem(self, t.ADD_PERSON, t.CHOOSE_PERSON, labels, 0, False)
            if not ok:
                return None
            person_id = found[labels.index(choice)].id
        return self._change(events.add_invitees, self.event_id, [person_id])

    def add_honorary(self):
        if not self._need_event():
            return None
        return self._change(events.add_living_honorary_citizens, self.event_id)

    def add_holders(self, award_type_id: int | None = None, degree: int | None = None):
        if not self._need_event():
            return None
        if award_type_id is None:
            types = award_types.list_award_types(self.db)
            names = [x.name for x in types]
            choice, ok = QInputDialog.getItem(self, t.ADD_HOLDERS, t.CHOOSE_TYPE, names, 0, False)
            if not ok:
                return None
            chosen = types[names.index(choice)]
            award_type_id = chosen.id
            if chosen.degrees:
                options = [t.ANY_DEGREE] + [degree_label(d) for d in range(1, chosen.degrees + 1)]
                picked, ok = QInputDialog.getItem(self, t.ADD_HOLDERS, t.CHOOSE_DEGREE, options, 0, False)
                if not ok:
                    return None
                degree = options.index(picked) or None
        return self._change(events.add_award_holders, self.event_id, award_type_id, degree)

    def _current(self, view, model):
        index = view.currentIndex()
        return model.rows[index.row()] if index.isValid() and index.row() < len(model.rows) else None

    def mark(self, attended: bool | None) -> None:
        row = self._current(self.invitees_view, self.invitees_model)
        if row is not None:
            selected = self.invitees_view.currentIndex().row()
            self._change(events.set_attendance, row.id, attended)
            self.invitees_view.selectRow(min(selected + 1, len(self.invitees_model.rows) - 1))

    def remove_invitee(self) -> None:
        row = self._current(self.invitees_view, self.invitees_model)
        if row is not None:
            self._change(events.remove_invitee, row.id)

    # -- awards --------------------------------------------------------------------------------
    def add_award(self, text: str | None = None, award_id: int | None = None):
        if not self._need_event():
            return None
        if award_id is None:
            if text is None:
                text, ok = QInputDialog.getText(self, t.ADD_AWARD, t.FIND_AWARD)
                if not ok or not text.strip():
                    return None
            found = awards.query_awards(self.db, awards.AwardFilter(text=text, include_revoked=False), limit=50)
            if not found:
                QMessageBox.information(self, t.ADD_AWARD, t.NOTHING_FOUND)
                return None
            labels = [f"{a.person_name} – {a.award_name}, {a.act_text}" for a in found]
            choice, ok = QInputDialog.getItem(self, t.ADD_AWARD, t.CHOOSE_AWARD, labels, 0, False)
            if not ok:
                return None
            award_id = found[labels.index(choice)].id
        return self._change(award_presentation.add_presented_awards, self.event_id, [award_id])

    def move_award(self, delta: int) -> None:  # (not «move»: that is QWidget.move)
        row = self._current(self.awards_view, self.awards_model)
        if row is not None:
            selected = self.awards_view.currentIndex().row()
            self._change(award_presentation.move_presented_award, row.id, delta)
            self.awards_view.selectRow(max(0, min(selected + delta, len(self.awards_model.rows) - 1)))

    def place_award(self, link_id: int, position: int) -> None:
        """A row dragged to its place or its number typed: stored once the view is done with the
        drop or the edit (the list is read again then)."""
        def store() -> None:
            self._change(award_presentation.place_presented_award, link_id, position)
            row = next((i for i, r in enumerate(self.awards_model.rows) if r.id == link_id), None)
            if row is not None:
                self.awards_view.selectRow(row)
        QTimer.singleShot(0, self, store)

    def remove_award(self) -> None:
        row = self._current(self.awards_view, self.awards_model)
        if row is not None:
            self._change(award_presentation.remove_presented_award, row.id)

    # -- printing ------------------------------------------------------------------------------
    def preview_event(self):
        """The event's programme, invitees and awards in the print preview (saved first when new)."""
        if not self._need_event():
            return None
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        detail = events.get_event(self.db, self.event_id)
        return preview(self, t.PRINT_EVENT_TITLE, lambda p: self.print_event(str(p)),
                       file_names.event(detail.event_date, detail.title))

    def print_event(self, path: str | None = None) -> Path | None:
        if not self._need_event():
            return None
        if not path:
            from kr_desktop.reports import file_names

            detail = events.get_event(self.db, self.event_id)
            path = ask_save_path(self, t.SAVE_REPORT_TITLE, file_names.event(detail.event_date, detail.title),
                                 t.REPORT_FILTER, REPORT_FORMATS)
            if not path:
                return None
        from kr_desktop.reports.output import render
        from kr_desktop.reports.events_lists import build_event

        document = build_event(self.db, self.event_id)
        return save_atomically(self, Path(path), lambda temp: render(document, temp))
