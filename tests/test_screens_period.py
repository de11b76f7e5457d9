"""Period and print (issue 17): the award and event lists take from–to dates typed in the window
(as the command line takes --from/--to), and the screens' «Друк…» open the print preview."""

import datetime as dt

import pdfplumber
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kr_desktop.services import award_types, awards, events, persons
from kr_desktop.ui import print_preview
from kr_desktop.ui.awards_screen import AwardsScreen
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.events_screen import EventsScreen

D = dt.date


def _awards(db):
    kind = next(t for t in award_types.list_award_types(db) if "Грамота виконкому" in t.name)
    for number, (surname, day) in enumerate((("Андрієнко", D(2023, 12, 31)), ("Бондар", D(2024, 1, 1)),
                                             ("Вакуленко", D(2024, 6, 15)), ("Гребенюк", D(2025, 1, 2))), start=1):
        pid = persons.create_person(db, persons.PersonInput(surname, "Олена", "Іванівна", "ж"))
        awards.save_award(db, awards.AwardInput(pid, kind.id, act_number=str(number), act_date=day), confirm=True)


def _names(screen):
    return [screen.awards_model.item(r).surname for r in range(screen.awards_model.rowCount())]


def _type_date(field, digits: str) -> None:
    field.setFocus()
    field.selectAll()
    if digits:
        QTest.keyClicks(field, digits)
    else:
        QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_the_award_list_takes_from_to_dates_typed_in_the_window(qtbot, db, tmp_path):
    _awards(db)
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    assert len(_names(screen)) == 4
    _type_date(screen.date_from, "01012024")
    _type_date(screen.date_to, "30062024")
    assert screen.date_from.value() == D(2024, 1, 1) and screen.date_to.value() == D(2024, 6, 30)
    assert _names(screen) == ["Бондар", "Вакуленко"]
    assert screen.found.text() == "Знайдено: 2"

    out = screen.print_awards(str(tmp_path / "list.pdf"))  # what the preview renders
    with pdfplumber.open(out) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "документи з 01.01.2024 по 30.06.2024" in text
    assert "БОНДАР" in text and "ВАКУЛЕНКО" in text and "АНДРІЄНКО" not in text and "ГРЕБЕНЮК" not in text

    screen.year_preset.setCurrentIndex(screen.year_preset.findData(2023))
    screen.year_preset.activated.emit(screen.year_preset.currentIndex())  # «Рік…» → 2023 fills both dates
    assert (screen.date_from.value(), screen.date_to.value()) == (D(2023, 1, 1), D(2023, 12, 31))
    assert _names(screen) == ["Андрієнко"] and screen.journal_year() == 2023
    _type_date(screen.date_to, "")  # an open end: from 01.01.2023 on
    assert screen.date_to.value() is None and len(_names(screen)) == 4
    screen.reset_filters()
    assert screen.date_from.value() is None and len(_names(screen)) == 4


def test_the_event_list_takes_any_period_and_the_calendar_month(qtbot, db, tmp_path):
    for title, day in (("Новий рік", D(2027, 1, 1)), ("День Соборності", D(2027, 1, 22)),
                       ("День захисника", D(2027, 2, 23)), ("День міста", D(2027, 5, 25))):
        events.save_event(db, events.EventInput(title, day, "state_holiday"))
    screen = EventsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.calendar.setCurrentPage(2027, 1)  # the calendar's month
    assert screen.period() == (D(2027, 1, 1), D(2027, 1, 31)) and screen.model.rowCount() == 2
    _type_date(screen.date_to, "28022027")  # January and February
    assert screen.model.rowCount() == 3 and screen.found.text() == "Заходів: 3"
    out = screen.print_list(str(tmp_path / "events.pdf"))
    with pdfplumber.open(out) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "День захисника" in text and "День міста" not in text
    screen.show_year()
    assert screen.model.rowCount() == 4
    assert screen._list_file_name() == "Заходи_01.01.2027–31.12.2027.pdf"


def test_print_buttons_open_the_preview(qtbot, db, monkeypatch):
    _awards(db)
    shown = []
    monkeypatch.setattr(print_preview, "preview_report",
                        lambda parent, title, render, suggested, *rest: shown.append((title, suggested)))
    awards_screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(awards_screen)
    awards_screen.print_button.menu().actions()[0].trigger()
    events_screen = EventsScreen(AppContext(db))
    qtbot.addWidget(events_screen)
    events_screen.print_button.menu().actions()[0].trigger()
    assert [title for title, _name in shown] == ["Список нагороджених", "Перелік заходів"]
