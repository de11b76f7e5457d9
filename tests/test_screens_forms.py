"""Forms that cannot record the wrong thing (issue 17), driven as a user would: the person picked
from the matching list, no award type chosen for the user, Ctrl+N from either tab, Esc on a changed
form, the person's card with its awards, delete questions that default to «Ні», the presentation
order by dragging and by a typed number, and the one date field."""

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kr_desktop.errors import ValidationError
from kr_desktop.services import award_types, awards, events, persons
from kr_desktop.ui.awards_dialog import AwardDialog
from kr_desktop.ui.awards_screen import AwardsScreen
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.persons_dialog import PersonDialog

D = dt.date


def _type(db, part):
    return next(t for t in award_types.list_award_types(db) if part in t.name)


def _person(db, surname, name="Іван", patronymic="Петрович", born=None, position=""):
    return persons.create_person(db, persons.PersonInput(surname, name, patronymic, "ч", born, position=position),
                                 allow_duplicate=True)


def _award(db, person_id, part="Грамота виконкому", number="100", certificate=None):
    kind = _type(db, part)
    return awards.save_award(db, awards.AwardInput(person_id, kind.id, degree=kind.degrees or None, act_number=number,
                                                   act_date=D(2024, 5, 10), certificate_number=certificate),
                             confirm=True).award_id


def _answer_next_box(qtbot, label: str, seen: list) -> None:
    """Press the button ``label`` of the next message box (the form guard's question)."""
    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        next(b for b in box.findChildren(QPushButton) if b.text() == label).click()
    QTimer.singleShot(0, press)


def test_typed_letters_choose_nobody_the_person_is_picked_from_the_list(qtbot, db):
    ids = [_person(db, "Тимошенко", name, born=D(1960 + i, 1, 1)) for i, name in enumerate(("Андрій", "Борис", "Віра"))]
    _person(db, "Тимошук", "Галина")
    _person(db, "Петренко", "Тимофій")  # «тимош» is not in his name
    dialog = AwardDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.award_type.currentData() is None  # no award is preselected
    picker = dialog.person
    picker.search.setText("тимош")
    picker.find()
    assert picker.matches.count() == 4 and picker.person_id is None
    assert "Знайдено: 4" in picker.hint.text()
    with pytest.raises(ValidationError, match="Оберіть особу"):
        dialog.data()
    QTest.keyClick(picker.search, Qt.Key.Key_Return)  # Enter with several matches picks nobody either
    assert picker.person_id is None
    picker.choose_row(1)  # the user clicks the second match
    assert picker.person_id == ids[1]
    assert "ТИМОШЕНКО Борис Петрович, 01.01.1961" in picker.current.text()
    with pytest.raises(ValidationError, match="Оберіть відзнаку"):
        dialog.data()
    dialog.set_type(_type(db, "Грамота виконкому").id)
    assert dialog.data().person_id == ids[1]

    picker.start_over()  # «Змінити особу…»
    picker.search.setText("Тимошук")
    QTest.keyClick(picker.search, Qt.Key.Key_Return)  # Enter on the only match picks it
    assert persons.get_person(db, picker.person_id).surname == "Тимошук"


def test_too_many_matches_ask_to_narrow_and_nothing_found_says_what_to_do(qtbot, db):
    for number in range(55):
        _person(db, "Коваленко", f"Ім{'я' * (number % 3 + 1)}", born=D(1950, 1, 1) + dt.timedelta(days=number))
    dialog = AwardDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.person.search.setText("коваленко")
    dialog.person.find()
    assert dialog.person.matches.count() == 50 and "Знайдено: 55; показано перших 50" in dialog.person.hint.text()
    dialog.person.search.setText("Жоден")
    dialog.person.find()
    assert "«Жоден» нікого не знайдено" in dialog.person.hint.text() and "Нова особа" in dialog.person.hint.text()


def test_ctrl_n_fills_the_person_from_the_selected_row_on_either_tab(qtbot, db, monkeypatch):
    holder = _person(db, "Ярошенко", "Ярема")
    _award(db, holder)
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    opened = []
    monkeypatch.setattr(AwardDialog, "exec", lambda self: opened.append(self.person.person_id) or 0)
    screen.awards_view.selectRow(0)
    screen.new_award()  # on «Відзнаки»: the selected award's holder
    screen.tabs.setCurrentIndex(1)
    screen.persons_view.selectRow(0)
    screen.new_award()  # on «Особи»: the selected person
    assert opened == [holder, holder]


def test_esc_on_a_changed_form_asks_and_an_unchanged_one_closes(qtbot, db):
    pid = _person(db, "Остапчук", "Олег")
    dialog = PersonDialog(AppContext(db), pid)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not dialog.isVisible()

    dialog = PersonDialog(AppContext(db), pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.position.setText("директор")
    seen = []
    _answer_next_box(qtbot, "Повернутися до форми", seen)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen and "незбережені зміни" in seen[0]
    assert dialog.isVisible() and dialog.position.text() == "директор"  # nothing typed is lost

    _answer_next_box(qtbot, "Не зберігати", seen)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and persons.get_person(db, pid).position == ""

    dialog = PersonDialog(AppContext(db), pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.position.setText("директор")
    _answer_next_box(qtbot, "Зберегти", seen)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and persons.get_person(db, pid).position == "директор"


def test_esc_on_a_changed_award_form_asks(qtbot, db):
    pid = _person(db, "Романенко", "Роман")
    dialog = AwardDialog(AppContext(db), pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.act_number.setText("77")
    seen = []
    _answer_next_box(qtbot, "Повернутися до форми", seen)
    dialog.reject()  # «Скасувати», Esc and the window's × all come here
    assert seen and dialog.isVisible()
    dialog.guard.mark_clean()  # (the test's own teardown closes it without asking)


def test_the_person_card_lists_the_awards_and_adds_one(qtbot, db, monkeypatch):
    pid = _person(db, "Гнатюк", "Галина")
    _award(db, pid, "Грамота виконкому", "11")
    dialog = PersonDialog(AppContext(db), pid)
    qtbot.addWidget(dialog)
    assert [r.award_name for r in dialog.awards_model.rows] == ["Грамота виконкому міської ради"]

    def fill(self):
        self.set_type(_type(db, "Почесна грамота").id)
        self.act_number.setText("12")
        self.act_date.setText("01.06.2024")
        self.save()
        return 1
    monkeypatch.setattr(AwardDialog, "exec", fill)
    saved = dialog.add_award()
    assert awards.get_award(db, saved).person_id == pid
    assert len(dialog.awards_model.rows) == 2  # the card shows it at once

    new = PersonDialog(AppContext(db))  # a new person: «Додати відзнаку…» saves the person first
    qtbot.addWidget(new)
    new.surname.setText("Новенька")
    new.name.setText("Ніна")
    new.add_award()
    assert new.person_id and [r.person_id for r in new.awards_model.rows] == [new.person_id]


def test_delete_questions_default_to_no_and_speak_of_what_the_record_has(qtbot, db, monkeypatch):
    pid = _person(db, "Шевчук", "Степан")
    plain = _award(db, pid, "Грамота виконкому", "21")
    badge = _award(db, pid, "За заслуги", "22", certificate="45")
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.No)
    for award_id in (plain, badge):
        screen.select_award(award_id)
        screen.delete_current()
    assert all(a[4] == QMessageBox.StandardButton.No for a in asked)  # «Ні» is the default button
    assert "посвідчення" not in asked[0][2].lower()  # a грамота has none
    assert "Посвідчення № 45" in asked[1][2]
    assert awards.count_awards(db) == 2  # «Ні»: nothing deleted

    informed = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: informed.append(a[2]))
    screen.tabs.setCurrentIndex(1)
    screen.persons_view.selectRow(0)
    screen.delete_current()  # a person with awards is told why not, not asked
    assert informed and "має відзнаки (2)" in informed[0] and len(asked) == 2


def test_presentation_order_by_dragging_and_by_a_typed_number(qtbot, db):
    from kr_desktop.ui.events_dialog import EventDialog

    event_id = events.save_event(db, events.EventInput("День міста", D(2027, 5, 25), "city_day"))
    names = ("Антоненко", "Бойко", "Вовк", "Гончар", "Дяченко")
    award_ids = [_award(db, _person(db, name), "Грамота виконкому", f"{n}") for n, name in enumerate(names)]
    events.add_presented_awards(db, event_id, award_ids)
    dialog = EventDialog(AppContext(db), event_id)
    qtbot.addWidget(dialog)
    model = dialog.awards_model

    def order():
        return [r.award_id for r in model.rows]

    model.setData(model.index(3, 0), 1)  # «1» typed into the fourth row's «№»
    qtbot.waitUntil(lambda: order()[0] == award_ids[3])
    assert order() == [award_ids[3], award_ids[0], award_ids[1], award_ids[2], award_ids[4]]
    assert [r.position for r in model.rows] == [1, 2, 3, 4, 5]

    dragged = model.mimeData([model.index(0, 0), model.index(0, 1)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 5, 0, QModelIndex()) is False  # to the end
    qtbot.waitUntil(lambda: order()[-1] == award_ids[3])
    assert order() == [award_ids[0], award_ids[1], award_ids[2], award_ids[4], award_ids[3]]
    assert [a.award_id for a in events.presented_awards(db, event_id)] == order()  # stored


def test_the_date_field_takes_digits_typed_after_a_click(qtbot):
    field = DateField("Дата вручення")
    qtbot.addWidget(field)
    field.show()
    field.set_date(D(2024, 1, 15))
    changes = []
    field.date_changed.connect(changes.append)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())  # the click brings focus in
    qtbot.waitUntil(lambda: field.selectedText() == "15.01.2024")
    QTest.keyClicks(field, "24052026")  # typed digits replace the date, the dots come by themselves
    assert field.text() == "24.05.2026" and field.value() == D(2026, 5, 24)
    assert changes[-1] == D(2026, 5, 24)
    QTest.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == D(2026, 5, 25)
    QTest.keyClick(field, Qt.Key.Key_PageDown)
    assert field.value() == D(2026, 4, 25)

    field.setText("31.02.2026")
    with pytest.raises(ValidationError, match="Дата вручення"):
        field.value()
    field.setText("")
    assert field.value() is None  # optional: empty is no date
    required = DateField("Дата", required=True)
    qtbot.addWidget(required)
    with pytest.raises(ValidationError, match="вкажіть дату"):
        required.value()


def test_the_date_field_opens_a_calendar_and_takes_the_picked_day(qtbot):
    from PySide6.QtCore import QDate

    field = DateField("Дата")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field._popup
    assert popup is not None and popup.isVisible()
    popup.calendar.clicked.emit(QDate(2027, 3, 8))
    assert field.text() == "08.03.2027" and not popup.isVisible()
