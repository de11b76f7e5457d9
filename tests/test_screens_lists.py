"""Columns and empty states (issue 17): the informative column takes the spare width, not the last
one; an empty list says what was searched and what to do next."""

import datetime as dt

from PySide6.QtWidgets import QHeaderView

from kr_desktop.services import award_types, awards, persons
from kr_desktop.ui.awards_screen import AwardsScreen
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.events_screen import EventsScreen
from kr_desktop.ui.honorary_screen import HonoraryScreen


def _award(db):
    kind = next(t for t in award_types.list_award_types(db) if "Грамота виконкому" in t.name)
    pid = persons.create_person(db, persons.PersonInput("Ковальчук", "Марія", "Петрівна", "ж",
                                                        position="головний спеціаліст відділу кадрів",
                                                        workplace="КП «Кривбасводоканал»"))
    awards.save_award(db, awards.AwardInput(pid, kind.id, act_kind="mayor", act_number="1234",
                                            act_date=dt.date(2024, 5, 10)), confirm=True)


def test_the_document_and_the_work_take_the_spare_width(qtbot, db):
    from kr_desktop.ui.main_window import MainWindow

    from PySide6.QtGui import QFont

    from kr_desktop.ui.app import UI_FONT_FAMILY, UI_FONT_SIZE, load_fonts

    _award(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    load_fonts()
    window.setFont(QFont(UI_FONT_FAMILY, UI_FONT_SIZE))  # the application's font, as the program sets it
    window.resize(1366, 768)  # the smallest screen of the department, the side panel beside the list
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.awards_screen)
    screen = window.awards_screen
    qtbot.waitUntil(lambda: screen.awards_view.isVisible())
    header = screen.awards_view.horizontalHeader()
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch and not header.stretchLastSection()
    document = screen.awards_model.index(0, 2).data()
    needed = screen.awards_view.fontMetrics().horizontalAdvance(document) + 12
    assert screen.awards_view.columnWidth(2) >= needed, (document, screen.awards_view.columnWidth(2))
    assert screen.awards_view.columnWidth(4) < screen.awards_view.columnWidth(2)  # the date keeps its own width
    screen.tabs.setCurrentIndex(1)
    work = screen.persons_model.index(0, 2).data()
    assert screen.persons_view.horizontalHeader().sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch
    assert screen.persons_view.columnWidth(2) >= screen.persons_view.fontMetrics().horizontalAdvance(work) + 12


def test_an_empty_search_says_what_was_searched_and_what_to_do(qtbot, db):
    _award(db)
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.awards_empty.shown
    screen.search.setText("Тимошенко")
    screen.refresh()
    assert screen.awards_empty.shown
    text = screen.awards_empty.label.text()
    assert "«Тимошенко»" in text and "Нова особа" in text
    screen.search.clear()
    screen.set_period(dt.date(1990, 1, 1), dt.date(1990, 12, 31))
    assert "Скинути відбір" in screen.awards_empty.label.text()
    screen.reset_filters()
    assert not screen.awards_empty.shown
    screen.search.setText("Ніхто")
    screen.tabs.setCurrentIndex(1)
    screen.refresh()
    assert screen.persons_empty.shown and "«Ніхто»" in screen.persons_empty.label.text()


def test_empty_honorary_citizens_and_events_say_how_to_fill_them(qtbot, db):
    screen = HonoraryScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.empty.shown and "Нова відзнака" in screen.empty.label.text()
    assert "Оберіть почесного" not in screen.title.text() and not screen.book.isVisibleTo(screen)
    screen.living.setChecked(True)
    assert "Лише живі" in screen.empty.label.text()

    events_screen = EventsScreen(AppContext(db))
    qtbot.addWidget(events_screen)
    events_screen.set_period(dt.date(2031, 3, 1), dt.date(2031, 3, 31))
    assert events_screen.empty.shown
    assert "01.03.2031 – 31.03.2031" in events_screen.empty.label.text()
    assert "Новий захід" in events_screen.empty.label.text()
