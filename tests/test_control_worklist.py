"""«Контроль» as a worklist: clicking an executor shows its items only, its head and contacts; from
it the executor's reports open and its reminder letter prints; «Строк» is the due date; at 1366×768
no column is cut off."""

import datetime as dt

import pdfplumber
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from kr_desktop.services import executors as executors_service
from kr_desktop.services.control import control_data
from kr_desktop.services.progress import period_grid
from kr_desktop.services.progress_saving import save_entry
from kr_desktop.text.formatting import format_date
from kr_desktop.ui.main_window import MainWindow

ON = dt.date(2025, 7, 15)


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.control_screen.date.setDate(QDate(ON.year, ON.month, ON.day))
    return w


def _click_executor(control, executor_id):
    view = control.counts_view
    rect = view.visualRect(control.counts_model.index(control.counts_model.row_of(executor_id), 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _press(db):
    return next(e for e in executors_service.list_executors(db) if e.name.startswith("Управління преси"))


def test_clicking_an_executor_filters_the_items_and_shows_its_head_and_contacts(window, db):
    press = _press(db)
    executors_service.update_executor(db, press.id, press.name, head_position="Начальник управління",
                                      head_name="Олена ПЕТРЕНКО", phone="(056) 492-00-01", email="press@kr.gov.ua",
                                      expected_version=press.version)
    control = window.control_screen
    everyone = control.items_model.rowCount()
    _click_executor(control, press.id)
    rows = control.items_model.rows
    assert rows and len(rows) < everyone
    assert all(any(e == press.id for e, _n in item.executors) for item in rows)
    assert press.name in control.items_box.title()
    panel = control.executor_panel
    assert press.name in panel.name.text()
    contacts = panel.contacts.text()
    assert "Начальник управління Олена ПЕТРЕНКО" in contacts and "(056) 492-00-01" in contacts
    assert "press@kr.gov.ua" in contacts
    assert panel.open_reports.isEnabled() and panel.reminder.isEnabled()
    QTest.mouseClick(control.all_items, Qt.MouseButton.LeftButton)
    assert control.items_model.rowCount() == everyone and control.executor_id is None


def test_the_filter_follows_a_new_day_and_a_change(window, db):
    press = _press(db)
    control = window.control_screen
    control.select_executor(press.id)
    for row in period_grid(db, ON.year, 1, press.id).rows:
        save_entry(db, ON.year, 1, row.measure_id, row.executor_id, status="виконано", today=ON)
    window.context.events.changed.emit("progress")
    report = next(i for i in control.items_model.rows if i.kind == "report")
    assert report.status == "done" and control.executor_id == press.id


def test_due_dates_fill_the_deadline_column(window):
    control = window.control_screen
    model = control.items_model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Строк"
    for row, item in enumerate(model.rows):
        assert model.index(row, 2).data() == format_date(item.due) != ""


def test_open_the_executors_reports_from_control(window, db):
    press = _press(db)
    control = window.control_screen
    control.select_executor(press.id)
    QTest.mouseClick(control.executor_panel.open_reports, Qt.MouseButton.LeftButton)
    progress = window.progress_screen
    assert window.tabs.currentWidget() is progress
    assert progress.period == (ON.year, 1) and progress.executor.currentData() == press.id
    assert {r.executor_id for r in progress.model.rows} == {press.id}


def test_print_the_executors_reminder_letter(window, db, tmp_path):
    press = _press(db)
    control = window.control_screen
    control.select_executor(press.id)
    out = control.print_executor_reminder(path=str(tmp_path / "reminder.pdf"))
    with pdfplumber.open(out) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "управління преси" in text.lower()  # the addressee (in the dative)
    control = control_data(db, ON)
    missing = next(i for i in control.items_of(press.id) if i.kind == "report").detail.split(": ")[-1].split(", ")
    assert all(number in text for number in missing)
    others = [c for c in control.by_executor if c.overdue and c.executor_id != press.id]
    assert any(c.executor.startswith("Управління технічного захисту") for c in others)
    assert "технічного захисту" not in text  # this executor's letter only


def test_no_reminder_without_overdue_items(window, db, monkeypatch):
    press = _press(db)
    for row in period_grid(db, ON.year, 1, press.id).rows:
        save_entry(db, ON.year, 1, row.measure_id, row.executor_id, status="виконано", today=ON)
    control = window.control_screen
    control.reload()
    control.select_executor(press.id)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: told.append(text))
    assert control.print_executor_reminder() is None
    assert told and "немає прострочених завдань" in told[0]


def _cut_off(view) -> list[int]:
    header = view.horizontalHeader()
    right = view.viewport().width()
    return [c for c in range(header.count())
            if not view.isColumnHidden(c) and header.sectionViewportPosition(c) + header.sectionSize(c) > right + 1]


def test_nothing_is_cut_off_at_1366_by_768(window, db):
    control = window.control_screen
    window.tabs.setCurrentWidget(control)
    assert window.width() <= 1366 and window.height() <= 768
    for view in (control.counts_view, control.items_view):
        assert _cut_off(view) == [], view.objectName()
        assert not view.horizontalScrollBar().isVisible()
    # the missing measures are readable: the row shows its whole text
    item_row = next(r for r, i in enumerate(control.items_model.rows) if "не надано" in i.detail)
    view = control.items_view
    needed = view.sizeHintForRow(item_row)
    assert view.rowHeight(item_row) >= needed
    _click_executor(control, _press(db).id)
    assert _cut_off(control.items_view) == []


def test_before_the_database_opens_the_snapshot_filters_but_nothing_acts(qtbot, db):
    from kr_desktop.ui.context import AppContext

    press = _press(db)
    today = dt.date.today()
    window = MainWindow(AppContext(None, start_data=control_data(db, today)))
    qtbot.addWidget(window)
    window.show()
    control = window.control_screen
    assert control.counts_model.row_of(press.id) >= 0  # the last half-year's report is due soon or late
    control.select_executor(press.id)
    assert all(any(e == press.id for e, _n in i.executors) for i in control.items_model.rows)
    panel = control.executor_panel
    assert not panel.open_reports.isEnabled() and not panel.reminder.isEnabled()
    window.attach(db)
    assert control.executor_id == press.id
    assert panel.open_reports.isEnabled() and panel.contacts.text()


def test_the_executors_head_and_contacts_edited_from_control(window, db):
    press = _press(db)
    control = window.control_screen
    control.select_executor(press.id)
    panel = control.executor_panel
    assert panel.edit.isEnabled()
    dialog = control.edit_executor(show=False)
    assert dialog.fields["name"].text() == press.name
    dialog.fields["head_position"].setText("Начальник управління")
    dialog.fields["head_name"].setText("Ігор ШЕВЧУК")
    dialog.fields["phone"].setText("(056) 490-11-22")
    dialog.save()
    control._show_executor()
    assert "Ігор ШЕВЧУК" in panel.contacts.text() and "(056) 490-11-22" in panel.contacts.text()
