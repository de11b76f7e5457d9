"""The two small directories in the window: yearly dates and materials per award."""

import datetime as dt

from PySide6.QtWidgets import QDialog

from kr_desktop.services import award_types, events, stock
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.directories_dialogs import (MaterialForm, MaterialsDialog, RecurringDateForm,
                                               RecurringDatesDialog)


def test_a_new_yearly_date_generates_its_event(qtbot, db, monkeypatch):
    dialog = RecurringDatesDialog(AppContext(db))
    qtbot.addWidget(dialog)
    before = len(dialog.model.rows)

    def fill(form: RecurringDateForm):
        form.title.setText("День працівників освіти")
        form.day.setValue(5)
        form.month.setCurrentIndex(9)
        form.kind.setCurrentIndex(form.kind.findData("professional_holiday"))
        form.start_time.setText("10:00")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecurringDateForm, "exec", fill)
    dialog.add()
    assert len(dialog.model.rows) == before + 1
    events.generate_year(db, 2027)
    titles = {(e.title, e.event_date) for e in events.list_events(db, dt.date(2027, 10, 1), dt.date(2027, 10, 31))}
    assert ("День працівників освіти", dt.date(2027, 10, 5)) in {(title, d.date() if hasattr(d, "date") else d)
                                                              for title, d in titles}


def test_a_bad_yearly_date_is_refused_and_the_form_stays(qtbot, db, monkeypatch):
    dialog = RecurringDatesDialog(AppContext(db))
    qtbot.addWidget(dialog)
    before = len(dialog.model.rows)
    attempts = []

    def fill(form: RecurringDateForm):
        attempts.append(1)
        if len(attempts) > 1:
            return QDialog.DialogCode.Rejected  # the user gives up after the message
        form.title.setText("Неіснуюча дата")
        form.day.setValue(31)
        form.month.setCurrentIndex(1)  # 31 лютого
        return QDialog.DialogCode.Accepted

    warnings = []
    monkeypatch.setattr(RecurringDateForm, "exec", fill)
    monkeypatch.setattr("kr_desktop.ui.operations.QMessageBox.warning", lambda *a: warnings.append(a[2]))
    dialog.add()
    assert warnings and "немає" in warnings[0]
    assert len(attempts) == 2 and len(dialog.model.rows) == before


def test_materials_per_award_change_what_a_presentation_takes(qtbot, db, monkeypatch):
    dialog = MaterialsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    thanks = next(x for x in award_types.list_award_types(db) if x.name == "Подяка міського голови")
    item = stock.balances(db)[-1]

    def fill(form: MaterialForm):
        form.award.setCurrentIndex(form.award.findData(thanks.id))
        form.item.setCurrentIndex(form.item.findData(item.id))
        form.quantity.setValue(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MaterialForm, "exec", fill)
    dialog.add()
    row = next(r for r in dialog.model.rows if r.award_type_id == thanks.id and r.item_id == item.id)
    assert row.quantity == 2 and row.degree is None
