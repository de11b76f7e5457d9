"""The awards register in the window (pytest-qt, offscreen)."""

import datetime as dt

import openpyxl
import pdfplumber
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from kr_desktop.services import award_types, awards, honorary, persons
from kr_desktop.ui.awards_import_dialog import ImportDialog
from kr_desktop.ui.awards_screen import AwardsScreen
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.honorary_screen import HonoraryScreen


def _badge(db):
    return next(t for t in award_types.list_award_types(db) if "За заслуги" in t.name)


def test_add_person_and_award_with_a_warning_then_find_it_in_the_list(qtbot, db, tmp_path, monkeypatch):
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.awards_model.rowCount() == 0

    photo = tmp_path / "photo.png"
    image = QImage(2400, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    image.save(str(photo))
    dialog = screen.person_dialog()
    dialog.surname.setText("Мар’яненко")
    dialog.name.setText("Ґанна")
    dialog.patronymic.setText("Ївгенівна")
    dialog.birth_date.setText("05.03.1950")
    dialog.position.setText("вчителька")
    dialog.workplace.setText("Криворізька гімназія №1")
    dialog.deceased.setChecked(True)
    dialog.death_date.setText("01.02.2024")
    dialog.choose_photo(str(photo))
    person_id = dialog.save()
    assert person_id
    stored = persons.get_photo(db, person_id)
    assert stored and len(stored) < 200_000 and QImage.fromData(stored).height() == 600  # scaled down

    # the same person typed again is offered to be opened, not entered twice
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    again = screen.person_dialog()
    again.surname.setText("МАР'ЯНЕНКО")
    again.name.setText("ґанна")
    again.patronymic.setText("ЇВГЕНІВНА")
    assert again.save() == person_id and again.opened_existing == person_id
    assert "МАР’ЯНЕНКО Ґанна Ївгенівна" in asked[0]
    assert persons.count_persons(db) == 1

    # an award that breaks two rules: ІІ ступінь without ІІІ, and a deceased person without «посмертно»
    asked.clear()
    award = screen.award_dialog(person_id)
    award.set_type(_badge(db).id)
    award.set_degree(2)
    assert award.certificate.text() == "1"  # the next free number is proposed
    award.act_number.setText("1234")
    award.act_date.setText("13.09.2024")
    award.presented_on.setText("20.09.2024")
    award.amount.setText("1 000,50")
    award_id = award.save()
    assert award_id and len(asked) == 1
    assert "III" in asked[0] and "посмертно" in asked[0]
    detail = awards.get_award(db, award_id)
    assert (detail.degree, detail.certificate_number, str(detail.amount)) == (2, "1", "1000.50")

    # the list shows it, and the search box finds it whatever the case and apostrophe form
    assert screen.awards_model.rowCount() == 1 and screen.select_award(award_id)
    for query in ("мар'яненко ґанна", "МАРʼЯНЕНКО", "1234"):
        screen.search.setText(query)
        screen.refresh()
        assert screen.awards_model.rowCount() == 1, query
        text = screen.awards_model.index(0, 0).data()
        assert text == "МАР’ЯНЕНКО Ґанна Ївгенівна"
    assert "II\u00a0ступеня" in screen.awards_model.index(0, 1).data()
    screen.search.setText("Іваненко")
    screen.refresh()
    assert screen.awards_model.rowCount() == 0

    screen.search.clear()
    screen.refresh()
    out = screen.print_awards(str(tmp_path / "list.pdf"))
    with pdfplumber.open(out) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "МАР’ЯНЕНКО Ґанна Ївгенівна – вчителька, Криворізька гімназія № 1" in text


def test_cancelled_warning_saves_nothing(qtbot, db, monkeypatch):
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    pid = persons.create_person(db, persons.PersonInput("Ігнатенко", "Ігор", "Ілліч"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    dialog = screen.award_dialog(pid)
    dialog.set_type(_badge(db).id)
    dialog.set_degree(1)
    assert dialog.save() is None
    assert awards.count_awards(db) == 0


def test_import_in_the_window_shows_a_preview_then_imports(qtbot, db, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Прізвище", "Ім'я", "По батькові", "Відзнака", "Ступінь", "Номер документа", "Дата документа"])
    sheet.append(["Їжак", "Євген", "Ігорович", "подяка міського голови", None, "7", dt.datetime(2024, 1, 5)])
    sheet.append(["Ґонта", "Ірина", "Олегівна", "Нагрудний знак «За заслуги перед містом»", "3", "8", "06.01.2024"])
    path = tmp_path / "in.xlsx"
    workbook.save(path)
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    dialog = ImportDialog(screen.context, screen)
    dialog.choose(str(path))
    assert dialog.preview.model().rowCount() == 2 and dialog.run_button.isEnabled()
    assert "нових осіб: 2" in dialog.summary.text()
    assert dialog.run()
    assert screen.awards_model.rowCount() == 2  # the list refreshed on the change signal
    assert [screen.awards_model.index(r, 0).data() for r in range(2)] == ["ҐОНТА Ірина Олегівна",
                                                                           "ЇЖАК Євген Ігорович"]
    sheet.append(["Коваль", "", "", "Орден", None, None, None])
    workbook.save(path)
    dialog.choose(str(path))
    assert not dialog.run_button.isEnabled()
    assert "Рядок 4, стовпець «Відзнака»" in dialog.problems.toPlainText()


def test_honorary_gallery_and_book(qtbot, db, tmp_path):
    title = next(t for t in award_types.list_award_types(db) if t.honorary_title)
    pid = persons.create_person(db, persons.PersonInput("Сторожук", "Анатолій", "Васильович"))
    awards.save_award(db, awards.AwardInput(pid, title.id, act_number="83", act_date=dt.date(2005, 5, 27)),
                      confirm=True)
    screen = HonoraryScreen(AppContext(db))
    qtbot.addWidget(screen)
    assert screen.gallery.count() == 1
    screen.gallery.setCurrentRow(0)
    portrait = tmp_path / "p.png"
    image = QImage(300, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("gray"))
    image.save(str(portrait))
    screen.choose_portrait(str(portrait))
    screen.biography.setPlainText("Народився в Кривому Розі.")
    screen.save_entry()
    citizen = honorary.list_honorary_citizens(db)[0]
    assert citizen.entry_number == 1 and citizen.biography == "Народився в Кривому Розі." and citizen.has_portrait
    assert "2005" in screen.gallery.item(0).text()
    out = screen.print_list(str(tmp_path / "h.docx"))
    assert out.exists()


def test_a_search_shows_its_first_page_then_counts_the_rest(qtbot, db):
    from kr_desktop.services.demo_data import fill_demo
    from kr_desktop.ui.awards_models import PAGE

    fill_demo(db, 400, seed=2)  # about 600 awards: more than a page
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    total = awards.count_awards(db)
    assert total > PAGE and screen.found.text() == f"Знайдено: {total:,}".replace(",", "\u00a0")  # «1 234»
    screen.search.setText("а")
    expected = awards.count_awards(db, awards.AwardFilter(text="а"))
    assert expected > PAGE
    screen.refresh()
    model = screen.awards_model
    assert model.counting and model.rowCount() == PAGE and model.item(0) is not None  # the first page at once
    assert screen.found.text() == f"Знайдено: щонайменше {PAGE}…"  # true meanwhile
    qtbot.waitUntil(lambda: not model.counting)  # counted right after
    assert model.rowCount() == expected and screen.found.text() == f"Знайдено: {expected:,}".replace(",", "\u00a0")
    last = awards.query_awards(db, awards.AwardFilter(text="а"), expected - 1, 1)[0]
    assert model.item(expected - 1).id == last.id  # the rows beyond the first page are there
    screen.search.setText("ан")
    screen.refresh()
    assert model.counting
    assert model.row_of(-1) is None  # looking for a row counts at once: every row is searched
    assert not model.counting and model.rowCount() == awards.count_awards(db, awards.AwardFilter(text="ан"))


def test_an_award_saved_from_the_persons_tab_is_selected_in_the_awards_list(qtbot, db):
    from kr_desktop.services.demo_data import fill_demo
    from kr_desktop.ui.awards_models import ID_ROLE

    fill_demo(db, 300, seed=4)
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.awards_model.item(0) is not None  # the awards list was seen: its first page is read
    screen.tabs.setCurrentIndex(1)  # «Особи»: the awards list is not the one shown
    first = persons.search_persons(db, "", 0, 1)[0]  # the alphabetically first holder: page 1 of the list
    thanks = next(t for t in award_types.list_award_types(db) if "Подяка" in t.name)
    award_id = awards.save_award(db, awards.AwardInput(first.id, thanks.id, act_number="77",
                                                       act_date=dt.date(2026, 3, 2)), confirm=True).award_id
    screen.context.events.changed.emit("awards")  # as operations.perform announces a save
    assert screen.select_award(award_id)
    assert screen.tabs.currentIndex() == 0 and screen.awards_view.currentIndex().data(ID_ROLE) == award_id
