"""Issue 14, deliverable 4 (and NUL in search, deliverable 5): no live formula in any export, no
text that XML cannot hold in any record, and an old record holding one never stops a report.
Exports are read back with openpyxl / python-docx."""

import datetime as dt

import docx
import openpyxl
import pytest
from sqlalchemy import update

from kr_desktop.db.models import Event
from kr_desktop.errors import ValidationError
from kr_desktop.reports.awards_lists import build_awards_list
from kr_desktop.reports.output import render
from kr_desktop.reports.events_lists import build_event, build_events_list
from kr_desktop.reports.stock_report import build_stock_report
from kr_desktop.services import award_types, awards, events, persons, settings, stock
from kr_desktop.services.award_import import write_template

D = dt.date
HYPERLINK = '=HYPERLINK("http://example.invalid/x","Посвідчення 17")'


def _text_cells(path):
    """Every cell of every sheet, read with formulas as formulas (data_only=False)."""
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _badge(db):
    return next(t for t in award_types.list_award_types(db) if "За заслуги" in t.name)


def test_texts_that_look_like_formulas_are_text_in_every_xlsx_export(db, tmp_path):
    pid = persons.create_person(db, persons.PersonInput("Іваненко", "Іван", "Іванович"))
    awards.save_award(db, awards.AwardInput(pid, _badge(db).id, degree=3, act_number="+408", act_date=D(2025, 5, 13),
                                            certificate_number=HYPERLINK, notes="@SUM(A1)"), confirm=True)
    events.save_event(db, events.EventInput("=1+1", D(2025, 5, 25), place="-2+3", notes="=A1"))
    stock.save_item(db, "@Посвідчення", "шт.")
    outputs = {
        "awards.xlsx": build_awards_list(db, awards.AwardFilter()),
        "events.xlsx": build_events_list(db, D(2025, 1, 1), D(2025, 12, 31)),
        "stock.xlsx": build_stock_report(db),
    }
    texts = {}
    for name, document in outputs.items():
        render(document, tmp_path / name)
        cells = _text_cells(tmp_path / name)
        assert not [c.coordinate for c in cells if c.data_type == "f"], name  # not one live formula
        texts[name] = {c.value for c in cells}
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                assert cell.data_type == "s" and cell.quotePrefix, (name, cell.value)
    assert any(HYPERLINK in str(v) for v in texts["awards.xlsx"])  # the text itself, whole
    assert "=1+1" in texts["events.xlsx"] and "@Посвідчення" in texts["stock.xlsx"]


def test_the_import_template_has_no_formula(tmp_path):
    write_template(tmp_path / "t.xlsx")
    cells = _text_cells(tmp_path / "t.xlsx")
    assert cells and all(c.data_type != "f" for c in cells)


@pytest.mark.parametrize("bad", ["\x07", "\x00", "\x1f", "\ud800", "\uffff", "\x0b"])
def test_services_refuse_text_that_xml_cannot_hold(db, bad):
    item = stock.save_item(db, "Бланк посвідчення", "шт.")
    attempts = {
        "title": lambda: events.save_event(db, events.EventInput(f"День{bad}міста", D(2025, 5, 25))),
        "place": lambda: events.save_event(db, events.EventInput("День міста", D(2025, 5, 25), place=f"Палац{bad}")),
        "programme": lambda: events.save_event(db, events.EventInput("Захід", D(2025, 5, 25), programme=f"1.{bad}")),
        "name": lambda: stock.save_item(db, f"Стрічка{bad}", "шт."),
        "supplier": lambda: stock.add_receipt(db, item, D(2025, 1, 1), 5, f"ТОВ{bad}"),
        "reason": lambda: stock.write_off(db, item, D(2025, 1, 1), 1, f"зіпсовано{bad}"),
        "awards.sign_name": lambda: settings.set_settings(db, {"awards.sign_name": f"Ім’я{bad}"}),
        "surname": lambda: persons.create_person(db, persons.PersonInput(f"Іва{bad}ненко")),
        "notes": lambda: persons.create_person(db, persons.PersonInput("Іваненко", notes=f"а{bad}б")),
    }
    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.field == field and "службові" in refused.value.message.lower(), field
    assert events.list_events(db) == [] and persons.count_persons(db) == 0


@pytest.mark.parametrize("surname", ["=Іваненко", "+Іваненко", "-Іваненко", "@Іваненко", HYPERLINK])
def test_a_surname_that_a_spreadsheet_would_run_is_refused(db, surname):
    with pytest.raises(ValidationError) as refused:
        persons.create_person(db, persons.PersonInput(surname, "Іван"))
    assert refused.value.field == "surname"


def test_the_last_guard_refuses_control_characters_a_service_forgot(db):
    from kr_desktop.db.models import StockItem

    with pytest.raises(ValidationError) as refused:
        with db.changing("test") as session:
            session.add(StockItem(name="Кейс\x07", unit="шт.", low_threshold=0, position=99, active=True))
    assert refused.value.field == "name"


def test_an_old_record_with_a_control_character_still_prints(db, tmp_path):
    event_id = events.save_event(db, events.EventInput("День міста", D(2025, 5, 25)))
    with db.engine.begin() as connection:  # as stored before the services refused it
        connection.execute(update(Event).where(Event.id == event_id).values(title="День\x07міста", place="Палац\x1f"))
    for name in ("e.docx", "e.xlsx", "e.pdf"):
        render(build_event(db, event_id), tmp_path / name)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "e.docx")).paragraphs)
    assert "День\ufffdміста" in text
    assert "День\ufffdміста" in {c.value for c in _text_cells(tmp_path / "e.xlsx")} or any(
        "День\ufffdміста" in str(c.value) for c in _text_cells(tmp_path / "e.xlsx"))


def test_nul_in_search_text_is_a_word_break_on_every_database(db):
    persons.create_person(db, persons.PersonInput("Їжакевич", "Ганна"))
    persons.create_person(db, persons.PersonInput("Бабенко", "Олег"))
    events.save_event(db, events.EventInput("День міста", D(2025, 5, 25)))
    assert [p.surname for p in persons.search_persons(db, "Їжак\x00")] == ["Їжакевич"]
    assert [p.surname for p in persons.search_persons(db, "\x00Їжак")] == ["Їжакевич"]
    assert persons.count_persons(db, "\x00") == 2  # nothing to look for: everyone, as an empty box
    assert [e.title for e in events.list_events(db, text="міста\x00")] == ["День міста"]
    assert events.list_events(db, text="\x00ніщо") == []
