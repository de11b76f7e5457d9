"""A program's passport items and stages, edited as a clerk would: each change one journaled
action, refused with a Ukrainian message naming the field, undone by undo."""

import pytest

from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import undo
from kr_desktop.services.program import passport, programs, stages
from kr_desktop.services.program_view import load_document


def test_passport_items_are_edited_added_moved_and_removed(db):
    items = passport.passport_items(db)
    coordination = next(i for i in items if i.number == "1.9")
    passport.update_passport_item(db, coordination.id, "Координація та контроль за виконанням Програми:",
                                  "контроль  здійснює постійна комісія.", expected_version=coordination.version)
    edited = next(i for i in passport.passport_items(db) if i.id == coordination.id)
    assert (edited.caption, edited.text) == ("Координація та контроль за виконанням Програми",
                                             "контроль здійснює постійна комісія.")
    new_id = passport.add_passport_item(db, "Співвиконавці", "виконкоми районних у місті рад", after_position=4)
    numbers = {i.id: i.number for i in passport.passport_items(db)}
    assert numbers[new_id] == "1.5" and numbers[coordination.id] == "1.10"
    passport.move_passport_item(db, new_id, -1)
    assert {i.id: i.number for i in passport.passport_items(db)}[new_id] == "1.4"
    document = load_document(db)
    assert [i.caption for i in document.passport_items][3] == "Співвиконавці"
    passport.delete_passport_item(db, new_id)
    assert [i.id for i in passport.passport_items(db)] == [i.id for i in items]
    with pytest.raises(UserError, match="не вилучити"):
        passport.delete_passport_item(db, items[0].id)  # the name item belongs to every passport
    with pytest.raises(ValidationError, match="Текст пункту"):
        passport.add_passport_item(db, "", "  ")
    undo.undo(db)  # the removal comes back
    assert new_id in {i.id for i in passport.passport_items(db)}


def test_results_keep_their_lines_and_derived_items_their_data(db):
    items = passport.passport_items(db)
    results = next(i for i in items if i.kind == "results")
    passport.update_passport_item(db, results.id, results.caption, "перший результат;\n\n  другий  результат.",
                                  expected_version=results.version)
    assert next(i for i in passport.passport_items(db) if i.id == results.id).text == \
        "перший результат;\nдругий результат."
    period = next(i for i in items if i.kind == "period")
    passport.update_passport_item(db, period.id, "", "2010–2011", expected_version=period.version)
    assert next(i for i in passport.passport_items(db) if i.id == period.id).text == ""  # the years are the program's


def test_stages_of_a_new_program(db):
    new_id = programs.create_program(db, "Програма розвитку туризму", "2028-2032")
    [first] = stages.stages_for_edit(db, new_id)
    stages.update_stage(db, first.id, "2028-2029", first.title, "до Програми розвитку туризму (пункт 6.1)",
                        expected_version=first.version)
    second = stages.add_stage(db, "2030-2032", program_id=new_id)
    listed = stages.stages_for_edit(db, new_id)
    assert [(s.annex_number, s.start_year, s.end_year) for s in listed] == [(1, 2028, 2029), (2, 2030, 2032)]
    assert listed[1].title == "Завдання та заходи Програми розвитку туризму"
    with pytest.raises(ValidationError, match="перетинаються з Додатком 1"):
        stages.add_stage(db, "2029-2030", program_id=new_id)
    with pytest.raises(ValidationError, match="виходять за роки програми"):
        stages.add_stage(db, "2033", program_id=new_id)
    stages.delete_stage(db, listed[0].id)
    [left] = stages.stages_for_edit(db, new_id)
    assert (left.id, left.annex_number) == (second, 1)  # renumbered


def test_a_stage_keeps_the_years_its_amounts_stand_in(db):
    [annex1, *_rest] = stages.stages_for_edit(db)
    with pytest.raises(ValidationError, match="планові обсяги за 2019"):
        stages.update_stage(db, annex1.id, "2017-2018", annex1.title, annex1.caption,
                            expected_version=annex1.version)
    with pytest.raises(UserError, match="має напрями"):
        stages.delete_stage(db, annex1.id)
