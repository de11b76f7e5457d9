"""No lost update in the real edits: two windows (two Database objects on one database) load the
same record, the first saves, the second is refused with ConflictError carrying both versions —
for the Program's measures, directions, executors, planned amounts and passport, and for the
awards register's persons, awards, award types and Book entries. In the window, the conflict
dialog appears instead of an overwrite."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from kr_desktop.db.models import Direction, Measure, Stage
from kr_desktop.db.open import open_database
from kr_desktop.errors import ConflictError
from kr_desktop.services import award_types, awards, honorary, persons
from kr_desktop.services import executors as executors_service
from kr_desktop.services import program_edit as pe


SAVED_BY: list[str] = []  # who the second window's saves are journaled as


@pytest.fixture
def other(db):
    """A second window on the same database (another workstation, another process)."""
    second = open_database(db.location)
    if second.is_sqlite:  # on a server the server names who saved (the connected role)
        second.actor = "ДРУГЕ Вікно (second)"
    SAVED_BY.append(second.actor)
    yield second
    second.dispose()


def _measure(db) -> int:
    with db.reading() as s:
        return s.scalars(select(Measure.id).order_by(Measure.id).limit(1)).one()


def _direction(db) -> int:
    with db.reading() as s:
        return s.scalar(select(Direction.id).join(Stage).where(Stage.annex_number == 3, Direction.number == 4))


def _city_budget(db) -> int:
    return next(src.id for src in pe.list_sources(db) if src.name.startswith("Бюджет Криворізької"))


def _assert_both_versions(conflict: ConflictError, mine: int, key: str, yours, theirs) -> None:
    assert conflict.your_version == mine and conflict.their_version > mine
    assert conflict.yours[key] == yours and conflict.theirs[key] == theirs
    assert conflict.changed_by == SAVED_BY[-1]
    assert "змінив інший користувач" in conflict.message


# -- the Program ----------------------------------------------------------------------------------
def test_measure(db, other):
    measure_id = _measure(db)
    mine, theirs = pe.measure_for_edit(db, measure_id), pe.measure_for_edit(other, measure_id)
    assert mine.version == theirs.version
    pe.update_measure(other, measure_id, "Їхній текст заходу", theirs.deadline_phrase, theirs.executor_ids,
                      theirs.expected_result, expected_version=theirs.version)
    with pytest.raises(ConflictError) as error:
        pe.update_measure(db, measure_id, "Мій текст заходу", mine.deadline_phrase, mine.executor_ids,
                          mine.expected_result, expected_version=mine.version)
    _assert_both_versions(error.value, mine.version, "text", "Мій текст заходу", "Їхній текст заходу")
    assert error.value.labels["text"] == "Зміст заходу"
    assert pe.measure_for_edit(db, measure_id).text == "Їхній текст заходу"  # not overwritten


def test_measure_executors_change_is_a_new_version(db, other):
    """Changing only the executors (another window) still refuses a form filled before it."""
    measure_id = _measure(db)
    mine, theirs = pe.measure_for_edit(db, measure_id), pe.measure_for_edit(other, measure_id)
    extra = next(e.id for e in executors_service.list_executors(other) if e.id not in theirs.executor_ids)
    pe.update_measure(other, measure_id, theirs.text, theirs.deadline_phrase, (extra,) + theirs.executor_ids,
                      theirs.expected_result, expected_version=theirs.version)
    with pytest.raises(ConflictError):
        pe.update_measure(db, measure_id, mine.text + " (моє)", mine.deadline_phrase, mine.executor_ids,
                          mine.expected_result, expected_version=mine.version)


def test_direction(db, other):
    direction_id = _direction(db)
    mine, theirs = pe.direction_for_edit(db, direction_id), pe.direction_for_edit(other, direction_id)
    pe.update_direction(other, direction_id, "Їхня назва", expected_version=theirs.version)
    with pytest.raises(ConflictError) as error:
        pe.update_direction(db, direction_id, "Моя назва", expected_version=mine.version)
    _assert_both_versions(error.value, mine.version, "name", "Моя назва", "Їхня назва")
    assert pe.direction_for_edit(db, direction_id).name == "Їхня назва"


def test_executor(db, other):
    mine = executors_service.list_executors(db)[0]
    theirs = next(e for e in executors_service.list_executors(other) if e.id == mine.id)
    executors_service.rename_executor(other, mine.id, theirs.name, "ЇХНЄ", expected_version=theirs.version)
    with pytest.raises(ConflictError) as error:
        executors_service.rename_executor(db, mine.id, mine.name, "МОЄ", expected_version=mine.version)
    _assert_both_versions(error.value, mine.version, "short_name", "МОЄ", "ЇХНЄ")


@pytest.mark.parametrize("owner", [pe.DIRECTION, pe.MEASURE])
def test_planned_amounts(db, other, owner):
    owner_id = _direction(db) if owner == pe.DIRECTION else _measure(db)
    mine, theirs = pe.funding_grid(db, owner, owner_id), pe.funding_grid(other, owner, owner_id)
    source, year = _city_budget(db), mine.years[-1]
    pe.set_planned_amounts(other, owner, owner_id, {(source, year): "111,00"}, expected_version=theirs.version)
    with pytest.raises(ConflictError) as error:
        pe.set_planned_amounts(db, owner, owner_id, {(source, year): "222,00"}, expected_version=mine.version)
    key = next(iter(error.value.yours))
    assert str(year) in key and "Бюджет Криворізької" in key
    _assert_both_versions(error.value, mine.version, key, "222,00", Decimal("111.00"))
    assert pe.funding_grid(db, owner, owner_id).amounts[(source, year)] == Decimal("111.00")


def test_passport(db, other):
    mine, theirs = pe.passport_grid(db), pe.passport_grid(other)
    source = _city_budget(db)
    pe.set_passport_amounts(other, {(source, 2026): "1"}, expected_version=theirs.version)
    with pytest.raises(ConflictError) as error:
        pe.set_passport_amounts(db, {(source, 2026): "2"}, expected_version=mine.version)
    key = next(iter(error.value.yours))
    _assert_both_versions(error.value, mine.version, key, "2", Decimal("1.00"))
    assert pe.passport_amounts(db)[(source, 2026)] == Decimal("1.00")


# -- the awards register --------------------------------------------------------------------------
def _person(db) -> int:
    return persons.create_person(db, persons.PersonInput("Ґудзь", "Ірина", "Олексіївна",
                                                         birth_date=dt.date(1970, 3, 1)))


def test_person(db, other):
    pid = _person(db)
    mine, theirs = persons.get_person(db, pid), persons.get_person(other, pid)
    from dataclasses import replace
    persons.update_person(other, pid, replace(theirs.as_input(), position="директорка"), theirs.version)
    with pytest.raises(ConflictError) as error:
        persons.update_person(db, pid, replace(mine.as_input(), position="вчителька"), mine.version)
    _assert_both_versions(error.value, mine.version, "position", "вчителька", "директорка")
    assert error.value.labels["position"] == "Посада"
    with pytest.raises(ConflictError):  # the photo is part of the person: refused as well
        persons.set_photo(db, pid, b"\xff\xd8jpeg", mine.version)
    assert persons.get_person(db, pid).position == "директорка" and persons.get_photo(db, pid) is None


def _badge(db):
    return next(t for t in award_types.list_award_types(db) if "За заслуги" in t.name)


def test_award(db, other):
    pid = _person(db)
    saved = awards.save_award(db, awards.AwardInput(pid, _badge(db).id, degree=3, act_number="10",
                                                    act_date=dt.date(2020, 1, 1)), confirm=True)
    mine, theirs = awards.get_award(db, saved.award_id), awards.get_award(other, saved.award_id)
    from dataclasses import replace
    awards.save_award(other, replace(theirs.as_input(), notes="їхня примітка"), saved.award_id, theirs.version,
                      confirm=True)
    with pytest.raises(ConflictError) as error:
        awards.save_award(db, replace(mine.as_input(), notes="моя примітка"), saved.award_id, mine.version,
                          confirm=True)
    _assert_both_versions(error.value, mine.version, "notes", "моя примітка", "їхня примітка")
    assert awards.get_award(db, saved.award_id).notes == "їхня примітка"
    with pytest.raises(ValueError):  # changing an award without saying which version the form showed
        awards.save_award(db, mine.as_input(), saved.award_id, confirm=True)


def test_award_type(db, other):
    mine = _badge(db)
    theirs = award_types.get_award_type(other, mine.id)

    def data(info, pattern):
        return award_types.AwardTypeInput(info.name, info.degrees, info.act_kind, info.issues_certificate, pattern,
                                          info.honorary_title)

    award_types.update_award_type(other, mine.id, data(theirs, "{n}/Т"), theirs.version)
    with pytest.raises(ConflictError) as error:
        award_types.update_award_type(db, mine.id, data(mine, "{n}/М"), mine.version)
    _assert_both_versions(error.value, mine.version, "number_pattern", "{n}/М", "{n}/Т")


def test_book_entry(db, other):
    pid = _person(db)
    title = next(t for t in award_types.list_award_types(db) if t.honorary_title)
    awards.save_award(db, awards.AwardInput(pid, title.id, act_number="83", act_date=dt.date(2005, 5, 27)),
                      confirm=True)
    honorary.save_book_entry(db, pid, 1, "рішення №83", "Шахтарка.")
    mine = honorary.list_honorary_citizens(db)[0]
    theirs = honorary.list_honorary_citizens(other)[0]
    assert mine.book_version == theirs.book_version is not None
    honorary.save_book_entry(other, pid, 1, "рішення №83", "Їхня біографія.", expected_version=theirs.book_version)
    with pytest.raises(ConflictError) as error:
        honorary.save_book_entry(db, pid, 1, "рішення №83", "Моя біографія.", expected_version=mine.book_version)
    _assert_both_versions(error.value, mine.book_version, "biography", "Моя біографія.", "Їхня біографія.")
    # a page written by someone else while this window still showed none is not overwritten either
    with pytest.raises(ConflictError):
        honorary.save_book_entry(db, pid, 1, "рішення №83", "Нова сторінка.", expected_version=None)
    assert honorary.list_honorary_citizens(db)[0].biography == "Їхня біографія."


# -- in the window --------------------------------------------------------------------------------
@pytest.fixture
def shown_conflicts(monkeypatch):
    """The conflict dialogs the window opened (their rows: field, yours, stored), instead of exec()."""
    from kr_desktop.ui.conflict_dialog import ConflictDialog

    shown = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: shown.append(self.rows()) or 0)
    return shown


def test_measure_dialog_shows_the_conflict_instead_of_overwriting(qtbot, db, other, shown_conflicts):
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.program_edit_dialogs import MeasureDialog

    measure_id = _measure(db)
    dialog = MeasureDialog(AppContext(db), None, measure_id)
    qtbot.addWidget(dialog)
    theirs = pe.measure_for_edit(other, measure_id)  # meanwhile, on another workstation
    pe.update_measure(other, measure_id, "Їхній текст заходу", theirs.deadline_phrase, theirs.executor_ids,
                      theirs.expected_result, expected_version=theirs.version)
    dialog.text.setPlainText("Мій текст заходу")
    assert dialog.save() is False
    assert ("Зміст заходу", "Мій текст заходу", "Їхній текст заходу") in shown_conflicts[0]
    assert pe.measure_for_edit(db, measure_id).text == "Їхній текст заходу"


def test_person_dialog_shows_the_conflict_instead_of_overwriting(qtbot, db, other, shown_conflicts):
    from dataclasses import replace

    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.persons_dialog import PersonDialog

    pid = _person(db)
    dialog = PersonDialog(AppContext(db), pid)
    qtbot.addWidget(dialog)
    theirs = persons.get_person(other, pid)
    persons.update_person(other, pid, replace(theirs.as_input(), position="директорка"), theirs.version)
    dialog.position.setText("вчителька")
    assert dialog.save() is None
    assert ("Посада", "вчителька", "директорка") in shown_conflicts[0]
    assert persons.get_person(db, pid).position == "директорка"


def test_funding_dialog_shows_the_conflict_instead_of_overwriting(qtbot, db, other, shown_conflicts):
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.program_edit_dialogs import FundingDialog

    direction_id = _direction(db)
    dialog = FundingDialog(AppContext(db), pe.DIRECTION, direction_id)
    qtbot.addWidget(dialog)
    source, year = _city_budget(db), dialog.years[-1]
    grid = pe.funding_grid(other, pe.DIRECTION, direction_id)
    pe.set_planned_amounts(other, pe.DIRECTION, direction_id, {(source, year): "111"}, expected_version=grid.version)
    dialog.set_cell(source, year, "222,00")
    assert dialog.save() is False
    row = next(r for r in shown_conflicts[0] if str(year) in r[0])
    assert row[1] == "222,00" and row[2].replace("\u00a0", " ") == "111,00"
    assert pe.funding_grid(db, pe.DIRECTION, direction_id).amounts[(source, year)] == Decimal("111.00")
