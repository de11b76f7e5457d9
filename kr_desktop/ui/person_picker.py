"""Choosing the person an award (or an invitation) is for: typed letters show the matching persons,
and only a row the user picks — a click, or Enter on the highlighted row — chooses one. Typing
«тимош» when 48 persons match chooses nobody, so an award is never recorded for the first of them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from kr_desktop.services import persons
from kr_desktop.text.formatting import format_date, format_int
from kr_desktop.ui import awards_texts as t

SHOWN = 50  # matches listed; more are counted and the user asked to narrow the search
ID_ROLE = 257  # Qt.ItemDataRole.UserRole + 1 (a number: no enum lookup in a list of 50 rows)


def person_label(row) -> str:
    """«ІВАНЕНКО Іван Іванович, 01.02.1970 — майстер, КП «Водоканал»» (what tells namesakes apart)."""
    born = f", {format_date(row.birth_date)}" if row.birth_date else ""
    work = ", ".join(part for part in (row.position, row.workplace) if part)
    return f"{row.display_name}{born}" + (f" — {work}" if work else "")


class PersonPicker(QWidget):
    """``person_id`` is None until a person is picked; ``chosen(int)`` when one is."""

    chosen = Signal(int)

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.person_id: int | None = None
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setPlaceholderText(t.PERSON_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.search.setProperty("guardIgnore", True)  # searching is not a change of the form
        self.matches = QListWidget()
        self.matches.setObjectName("personMatches")
        self.matches.setMaximumHeight(150)
        self.matches.setWordWrap(True)  # a long place of work wraps instead of running off the list
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setVisible(False)
        self.hint = QLabel()
        self.hint.setObjectName("personHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5a6472;")
        self.hint.setText(t.PERSON_PICK_HINT)
        self.current = QLabel()
        self.current.setObjectName("chosenPerson")
        self.current.setWordWrap(True)
        self.current.setStyleSheet("font-weight: bold;")
        self.change_button = QPushButton(t.PERSON_CHANGE)
        self.change_button.clicked.connect(self.start_over)
        chosen_row = QHBoxLayout()
        chosen_row.setContentsMargins(0, 0, 0, 0)
        chosen_row.addWidget(self.current, 1)
        chosen_row.addWidget(self.change_button)
        self.chosen_box = QWidget()
        self.chosen_box.setLayout(chosen_row)
        self.chosen_box.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chosen_box)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addWidget(self.hint)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.matches.itemActivated.connect(self._picked)
        self.matches.itemClicked.connect(self._picked)

    def guard_value(self) -> int | None:
        """What the form guard compares (ui/form_guard.py)."""
        return self.person_id

    def find(self) -> None:
        """List the persons matching what is typed (the list only: nobody is chosen by typing)."""
        self._timer.stop()
        text = self.search.text().strip()
        self.matches.clear()
        if not text:
            self.matches.setVisible(False)
            self.hint.setText(t.PERSON_PICK_HINT)
            return
        found = persons.search_persons(self.db, text, limit=SHOWN)
        for row in found:
            item = QListWidgetItem(person_label(row))
            item.setData(ID_ROLE, row.id)
            item.setToolTip(person_label(row))
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if not found:
            self.hint.setText(t.PERSON_NONE_FOUND.format(text=text))
        elif len(found) >= SHOWN:
            total = persons.count_persons(self.db, text)
            self.hint.setText(t.PERSON_MANY_FOUND.format(count=format_int(total), shown=SHOWN))
        else:
            self.hint.setText(t.PERSON_FOUND.format(count=format_int(len(found))))

    def _enter(self) -> None:
        self.find()
        if self.matches.count() == 1:
            self._picked(self.matches.item(0))  # Enter on the only match picks it; with several the user picks
        elif self.matches.count():
            self.matches.setFocus()  # the arrow keys go through the matches; Enter or a click picks one

    def _picked(self, item: QListWidgetItem) -> None:
        self.set_person(item.data(ID_ROLE))
        self.chosen.emit(self.person_id)

    def choose_row(self, row: int) -> None:
        """Pick the ``row``-th match, as a click on it does."""
        self._picked(self.matches.item(row))

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        if person_id is None:
            self.start_over()
            return
        self.current.setText(person_label(persons.get_person(self.db, person_id)))
        self.chosen_box.setVisible(True)
        self.search.setVisible(False)
        self.matches.setVisible(False)
        self.hint.setVisible(False)

    def start_over(self) -> None:
        """Choose another person: the search is back, empty."""
        self.person_id = None
        self.chosen_box.setVisible(False)
        self.search.setVisible(True)
        self.hint.setVisible(True)
        self.search.clear()
        self.matches.clear()
        self.matches.setVisible(False)
        self.hint.setText(t.PERSON_PICK_HINT)
        self.search.setFocus()
