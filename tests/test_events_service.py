"""Events: saving, invitees (all living honorary citizens, all holders of a degree), attendance,
awards in presentation order, recurring dates generating a year (idempotent), undo of links,
and the printed list and event sheet read back in every format."""

import datetime as dt

import docx
import openpyxl
import pdfplumber
import pytest

from kr_desktop.cli import main
from kr_desktop.errors import ValidationError
from kr_desktop.reports.output import render
from kr_desktop.reports.events_lists import build_event, build_events_list
from kr_desktop.services import award_types, awards, events, persons, undo

D = dt.date


def _types(db):
    types = award_types.list_award_types(db)
    return next(x for x in types if x.honorary_title), next(x for x in types if "заслуги" in x.name)


def _person(db, surname, name, patronymic="", sex="ч", **kw):
    return persons.create_person(db, persons.PersonInput(surname, name, patronymic, sex, **kw), allow_duplicate=True)


def _award(db, pid, type_id, degree=None, number="100", presented=None):
    return awards.save_award(db, awards.AwardInput(pid, type_id, degree, act_number=number, act_date=D(2024, 5, 1),
                                                   presented_on=presented), confirm=True).award_id


@pytest.fixture
def register(db):
    honorary, badge = _types(db)
    people = {
        "living1": _person(db, "Ярошенко", "Марʼяна", "Ігорівна", "ж", position="лікарка"),
        "living2": _person(db, "Ґалаґан", "Ярослав", "Олексійович", workplace="ПрАТ «ЄВРАЗ Суха Балка»"),
        "dead": _person(db, "Білик", "Петро", "Семенович", deceased=True),
        "badge1": _person(db, "Їжак", "Остап", "Ілліч"),
        "badge3": _person(db, "Коваль", "Наталія", "Іванівна", "ж"),
    }
    for key in ("living1", "living2", "dead"):
        _award(db, people[key], honorary.id, number="83")
    people["award1"] = _award(db, people["badge1"], badge.id, 1, presented=D(2025, 5, 25))
    people["award3"] = _award(db, people["badge3"], badge.id, 3, presented=D(2025, 5, 25))
    return people


def test_event_invitees_attendance_and_presentation_order(db, register):
    _honorary, badge = _types(db)
    executor_id, executor_name = events.list_executors(db)[0]
    measure_id = events.list_measures(db)[0][0]
    with pytest.raises(ValidationError, match="Час"):
        events.save_event(db, events.EventInput("День міста", D(2025, 5, 25), "city_day", "25:00"))
    event_id = events.save_event(db, events.EventInput(
        "Урочистості з нагоди Дня міста", D(2025, 5, 25), "city_day", "10.00", "Палац культури «Металург»",
        executor_id, measure_id, "Державний Гімн України\nВручення відзнак"))
    detail = events.get_event(db, event_id)
    assert (detail.start_time, detail.executor_name) == ("10:00", executor_name)
    assert detail.measure_text.startswith("Додаток ")

    assert events.add_living_honorary_citizens(db, event_id) == 2
    assert events.add_living_honorary_citizens(db, event_id) == 0  # nobody twice
    assert events.add_award_holders(db, event_id, badge.id, 1) == 1
    names = [i.display_name for i in events.invitees(db, event_id)]
    assert names == ["ҐАЛАҐАН Ярослав Олексійович", "ЇЖАК Остап Ілліч", "ЯРОШЕНКО Марʼяна Ігорівна"]
    first = events.invitees(db, event_id)[0]
    events.set_attendance(db, first.id, True)
    assert events.list_events(db, D(2025, 5, 1), D(2025, 5, 31))[0].attended == 1

    events.add_presented_awards(db, event_id, [register["award3"], register["award1"]])
    order = events.presented_awards(db, event_id)
    assert [a.person_name for a in order] == ["КОВАЛЬ Наталія Іванівна", "ЇЖАК Остап Ілліч"]
    events.move_presented_award(db, order[1].id, -1)
    assert [a.person_name for a in events.presented_awards(db, event_id)] == ["ЇЖАК Остап Ілліч",
                                                                              "КОВАЛЬ Наталія Іванівна"]
    other = events.save_event(db, events.EventInput("Інший захід", D(2025, 6, 1)))
    with pytest.raises(ValidationError, match="вже записано"):
        events.add_presented_awards(db, other, [register["award1"]])
    awards.delete_award(db, register["award1"])  # leaves the event, the order closes up
    assert [(a.position, a.person_name) for a in events.presented_awards(db, event_id)] == [
        (1, "КОВАЛЬ Наталія Іванівна")]
    undo.undo(db)
    assert [a.person_name for a in events.presented_awards(db, event_id)] == ["ЇЖАК Остап Ілліч",
                                                                              "КОВАЛЬ Наталія Іванівна"]
    events.delete_event(db, event_id)
    assert events.count_events(db, D(2025, 5, 1), D(2025, 5, 31)) == 0
    undo.undo(db)  # the event comes back with its invitees and awards
    assert len(events.invitees(db, event_id)) == 3 and len(events.presented_awards(db, event_id)) == 2


def test_recurring_dates_generate_a_year_once(db):
    titles = {r.title: (r.day, r.month) for r in events.list_recurring(db)}
    assert titles["День місцевого самоврядування"] == (7, 12)
    assert titles["День Незалежності України"] == (24, 8)
    assert {"День міста Кривого Рогу", "День Конституції України", "День Соборності України"} <= set(titles)
    leap = events.save_recurring(db, "Тестова дата 29 лютого", 29, 2, "memorable_date")
    created = events.generate_year(db, 2027)
    assert created == len(titles) + 1
    assert events.generate_year(db, 2027) == 0  # running twice adds nothing
    year = events.list_events(db, D(2027, 1, 1), D(2027, 12, 31), limit=None)
    assert len(year) == created
    assert next(e for e in year if e.title == "Тестова дата 29 лютого").event_date == D(2027, 2, 28)
    assert D(2027, 12, 7) in events.event_days(db, D(2027, 12, 1), D(2027, 12, 31))
    assert leap and events.generate_year(db, 2028) == created


def _pdf_text(path):
    with pdfplumber.open(path) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def test_event_documents_read_back(db, register, tmp_path):
    event_id = events.save_event(db, events.EventInput(
        "Урочистий прийом Почесних громадян", D(2025, 5, 24), "honorary_reception", "12:00", "Виконком",
        programme="Вітальне слово міського голови\nФотографування"))
    events.add_living_honorary_citizens(db, event_id)
    events.add_presented_awards(db, event_id, [register["award3"]])
    document = build_event(db, event_id)
    for ext in ("pdf", "docx", "xlsx"):
        render(document, tmp_path / f"e.{ext}")
    pages = _pdf_text(tmp_path / "e.pdf")
    assert len(pages) == 3
    assert "24 травня 2025 року, початок о 12:00" in pages[0] and "2 Фотографування" in pages[0]
    assert "Список запрошених" in pages[1] and "Підпис" in pages[1]
    assert "1 ҐАЛАҐАН Ярослав Олексійович – ПрАТ «ЄВРАЗ Суха Балка»" in pages[1]
    # printed with the one typographic apostrophe, whatever was typed
    assert "2 ЯРОШЕНКО Мар’яна Ігорівна – лікарка" in pages[1] and "БІЛИК" not in pages[1]
    assert "Порядок вручення відзнак" in pages[2] and "КОВАЛЬ Наталія Іванівна" in pages[2]
    cells = [c.text.replace("\u00a0", " ") for t in docx.Document(tmp_path / "e.docx").tables for r in t.rows
             for c in r.cells]
    assert "ҐАЛАҐАН Ярослав Олексійович – ПрАТ «ЄВРАЗ Суха Балка»" in cells and "Присутність" in cells
    values = [c.value for r in openpyxl.load_workbook(tmp_path / "e.xlsx").active.iter_rows() for c in r]
    assert "ЯРОШЕНКО Мар’яна Ігорівна – лікарка" in values  # a sheet keeps plain spaces (searchable)

    render(build_events_list(db, D(2025, 5, 1), D(2025, 5, 31)), tmp_path / "l.pdf")
    text = " ".join(_pdf_text(tmp_path / "l.pdf"))
    assert "Перелік заходів" in text and "24.05.2025 12:00 Урочистий прийом Почесних громадян" in text


def test_event_commands(db_path, tmp_path, capsys):
    assert main(["events", "generate", "--year", "2026", "--db", str(db_path)]) == 0
    assert "Створено заходів на 2026 рік: 13." in capsys.readouterr().out
    out = tmp_path / "events.docx"
    assert main(["report", "events", "--from", "2026-12-01", "--to", "31.12.2026", "--db", str(db_path),
                 "--out", str(out)]) == 0
    cells = [c.text for t in docx.Document(out).tables for r in t.rows for c in r.cells]
    assert "День місцевого самоврядування" in cells and "День Незалежності України" not in cells
    assert main(["report", "event", "--id", "1", "--db", str(db_path), "--out", str(tmp_path / "e.pdf")]) == 0
    assert "День Соборності України" in " ".join(_pdf_text(tmp_path / "e.pdf"))
    assert main(["report", "event", "--id", "999", "--db", str(db_path), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "Захід не знайдено" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "events", "--from", "31.02.2026", "--to", "2026-12-31", "--db", str(db_path),
              "--out", str(out)])
