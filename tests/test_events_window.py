"""The events and stock screens driven as a user would: create an event in the window, add all
living honorary citizens with one action, mark attendance, print the invitee list; the calendar
marks event days; the stock screen takes a receipt and shows the low-stock warning."""

import datetime as dt

import pdfplumber

from kr_desktop.services import award_types, awards, events, persons, stock
from kr_desktop.ui.context import AppContext

D = dt.date


def _honorary(db, surname, name, patronymic, sex, deceased=False):
    honorary = next(x for x in award_types.list_award_types(db) if x.honorary_title)
    pid = persons.create_person(db, persons.PersonInput(surname, name, patronymic, sex, deceased=deceased,
                                                        position="пенсіонер"), allow_duplicate=True)
    awards.save_award(db, awards.AwardInput(pid, honorary.id, act_number="83", act_date=D(2001, 5, 31)),
                      confirm=True)


def test_create_event_invite_living_honorary_citizens_and_print(qtbot, db, tmp_path):
    from kr_desktop.ui.events_screen import EventsScreen

    _honorary(db, "Ґудзь", "Ганна", "Їжаківна", "ж")
    _honorary(db, "Мар’ян", "Остап", "Ігорович", "ч")
    _honorary(db, "Білик", "Петро", "Семенович", "ч", deceased=True)
    context = AppContext(db)
    screen = EventsScreen(context)
    qtbot.addWidget(screen)
    screen.calendar.setCurrentPage(2027, 5)
    screen.calendar.setSelectedDate(screen.calendar.selectedDate().fromString("2027-05-24", "yyyy-MM-dd"))

    dialog = screen.new_event()
    qtbot.addWidget(dialog)
    dialog.title.setText("Урочистий прийом Почесних громадян")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.time, "11:30")
    dialog.place.setText("Зала засідань виконкому")
    dialog.kind.setCurrentIndex(dialog.kind.findData("honorary_reception"))
    dialog.add_honorary()  # saves the new event first, then invites in one action
    assert dialog.event_id is not None
    assert [r.display_name for r in dialog.invitees_model.rows] == ["ҐУДЗЬ Ганна Їжаківна", "МАР’ЯН Остап Ігорович"]
    assert dialog.tabs.tabText(1) == "Запрошені (2)"
    dialog.invitees_view.selectRow(0)
    dialog.mark(True)
    assert dialog.invitees_model.rows[0].attended is True

    path = dialog.print_event(str(tmp_path / "invitees.pdf"))
    with pdfplumber.open(path) as pdf:
        invitee_page = " ".join((pdf.pages[1].extract_text() or "").split())
    assert "Список запрошених" in invitee_page
    assert "1 ҐУДЗЬ Ганна Їжаківна – пенсіонер присутня" in invitee_page  # she: by her patronymic
    assert "2 МАР’ЯН Остап Ігорович – пенсіонер" in invitee_page and "БІЛИК" not in invitee_page
    dialog.accept()

    assert D(2027, 5, 24) in screen.marked_days()
    assert screen.model.rowCount() == 1 and screen.model.item(0).invited == 2
    screen.view.selectRow(0)
    listed = screen.print_list(str(tmp_path / "list.pdf"))
    with pdfplumber.open(listed) as pdf:
        assert "24.05.2027 11:30 Урочистий прийом Почесних громадян" in " ".join(
            (pdf.pages[0].extract_text() or "").split())
    assert screen.generate(2027) == 13
    assert len(screen.marked_days()) >= 2


def test_stock_screen_receipt_and_low_warning(qtbot, db):
    from kr_desktop.ui.stock_screen import StockScreen

    screen = StockScreen(AppContext(db))
    qtbot.addWidget(screen)
    ribbon = next(b for b in screen.model.rows if b.name.startswith("Стрічка"))
    screen.select_item(ribbon.id)
    screen.threshold(5)
    screen.receipt(4, "Договір №3")
    row = next(b for b in screen.model.rows if b.id == ribbon.id)
    assert (row.balance, row.received, row.low_threshold) == (4, 4, 5) and row.low
    assert "Стрічка «Почесний громадянин міста» (4)" in screen.warning.text()
    assert screen.moves.rows[0].supplier == "Договір №3"
    screen.receipt(10)
    assert "Стрічка" not in screen.warning.text()
    assert stock.balances(db)[[b.id for b in stock.balances(db)].index(ribbon.id)].balance == 14
    assert events.count_events(db) == 0


def test_deleting_a_stock_movement_asks_first(qtbot, db, monkeypatch):
    """The «Вилучити запис руху» button asks before it deletes, like Del does."""
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from kr_desktop.services import stock
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.stock_screen import StockScreen

    item = stock.balances(db)[0]
    stock.add_receipt(db, item.id, dt.date(2026, 1, 15), 5, "Договір №1")
    screen = StockScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.select_item(item.id)
    screen.moves_view.setCurrentIndex(screen.moves.index(0, 0))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    screen.delete_move()
    assert asked and len(stock.movements(db, item.id)) == 1  # refused: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.delete_move()
    assert stock.movements(db, item.id) == []
