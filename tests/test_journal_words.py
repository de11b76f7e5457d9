"""The journal in words (issue 17): each kind of record with the names of its own fields, values as
documents write them, names instead of ids, Ukrainian instead of internal codes."""

import datetime as dt
from decimal import Decimal

from kr_desktop.services import award_types, awards, events, journal_view as jv, journal_words as words, persons
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.journal_screen import JournalScreen

D = dt.date
CODES = ("executive", "council", "mayor", "honorary_reception", "issue", "done", "receipt", "2026-05-24")


def _record(db):
    pid = persons.create_person(db, persons.PersonInput("Петренко", "Ольга", "Миколаївна", "ж", D(1970, 3, 8),
                                                        "КП «Кривбасводоканал»", "головний інженер"))
    kind = next(t for t in award_types.list_award_types(db) if "Почесна грамота" in t.name)
    award_id = awards.save_award(db, awards.AwardInput(pid, kind.id, act_kind="executive", act_number="408",
                                                       act_date=D(2026, 5, 24), amount=Decimal("1577626.00")),
                                 confirm=True).award_id
    event_id = events.save_event(db, events.EventInput("Прийом почесних громадян", D(2026, 5, 24),
                                                       "honorary_reception"))
    events.add_presented_awards(db, event_id, [award_id])
    return pid, award_id, event_id


def _entry(db, table, record_id):
    return next(r for r in words.page_entries(db, jv.JournalFilter(table_name=table, record_id=str(record_id)), 0, 10))


def _fields(entry):
    return {f.label: f.after_text for f in entry.fields}


def test_each_record_speaks_with_its_own_fields_and_values_in_words(db):
    pid, award_id, event_id = _record(db)
    person = _fields(_entry(db, "person", pid))
    assert person["ім’я"] == "Ольга" and person["посада"] == "головний інженер"  # not «назва», «порядковий номер»
    assert person["дата народження"] == "08.03.1970" and person["стать"] == "жіноча"
    assert person["помер(ла)"] == "ні"

    entry = _entry(db, "award", award_id)
    award = _fields(entry)
    assert entry.record_text == "Почесна грамота виконкому міської ради — ПЕТРЕНКО Ольга Миколаївна"
    assert award["особа"] == "ПЕТРЕНКО Ольга Миколаївна"  # a name, not an id
    assert award["відзнака"] == "Почесна грамота виконкому міської ради"
    assert award["вид документа"] == "рішення виконкому"  # not «executive»
    assert award["дата документа"] == "24.05.2026"  # not 2026-05-24
    assert award["грошова винагорода"] == "1\u00a0577\u00a0626,00"  # not 1577626.00

    event = _fields(_entry(db, "event", event_id))
    assert event["вид заходу"] == "прийом почесних громадян"  # not «honorary_reception»
    link = _entry(db, "event_award", 1)
    assert link.record_text.endswith("→ «Прийом почесних громадян» (24.05.2026)")
    assert _fields(link)["відзнака"].startswith("Почесна грамота")

    shown = " ".join(f"{f.label} {f.before_text} {f.after_text} {e.record_text}"
                     for e in words.page_entries(db, jv.JournalFilter(), 0, 50) for f in e.fields)
    assert not [code for code in CODES if code in shown]


def test_codes_of_other_records_and_a_deleted_reference(db):
    names = words.Names()
    assert words.value_words("progress_entry", "status", "done", names) == "виконано"
    assert words.value_words("stock_movement", "kind", "issue", names).startswith("видача")
    assert words.value_words("app_user", "role", "operator", names) == "оператор"
    assert words.value_words("award", "degree", 3, names).endswith("ступінь")
    assert words.value_words("award", "person_id", 999999, names) == "№ 999999 (у базі вже немає)"
    assert words.value_words("person", "photo", {"bytes": 51200}, names) == "файл, 50 КБ"
    assert words.field_label("measure", "position") == "номер заходу в напрямі"
    assert words.field_label("person", "position") == "посада"


def test_the_journal_screen_shows_the_words(qtbot, db):
    pid, award_id, _event_id = _record(db)
    screen = JournalScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.table_box.setCurrentIndex(screen.table_box.findData("award"))
    screen.apply_filter()
    assert screen.model.index(0, 3).data() == "Відзнака — створено"
    assert screen.model.index(0, 4).data() == "Почесна грамота виконкому міської ради — ПЕТРЕНКО Ольга Миколаївна"
    changed = screen.model.index(0, 5).data()
    assert "вид документа" in changed and "особа" in changed
    detail = screen.detail_model
    rows = {detail.index(r, 0).data(): detail.index(r, 2).data() for r in range(detail.rowCount())}
    assert rows["вид документа"] == "рішення виконкому" and rows["особа"] == "ПЕТРЕНКО Ольга Миколаївна"
    assert "версія" not in rows  # the program's bookkeeping is not shown
    screen.set_dates(D(2000, 1, 1), None)  # an open end
    screen.apply_filter()
    assert screen.model.rowCount() >= 1
