"""The built-in №1176 gains what the decision prints and the first extraction left out — passport
items 1.9 and 1.10, each annex's caption, the district-budget source of measure 4.4 of Додаток 1,
the provenance of the 30 deadlines and 9 executor cells not printed in their own row, the ICT unit
under the name Додатки 1–2 print — in a new database and, by migration 0014, in an old one; the
provenance survives edits, undo and backups; the print shows all of it and draws merged cells
merged."""

import re
import sqlite3

import pdfplumber
import pytest
from sqlalchemy import select

from kr_desktop.db import migrate
from kr_desktop.db.builtin.loader import read_builtin
from kr_desktop.db.models import Direction, Executor, FundingPhrase, Measure, Stage
from kr_desktop.db.open import open_database
from kr_desktop.reports.program_pdf import render_program_pdf
from kr_desktop.services import undo
from kr_desktop.services.program import structure
from kr_desktop.services.program_view import load_document
from tests.program_snapshot import first_difference, program_snapshot
from tests.test_cli import _column_texts, _squash

ICT_OLD = "Управління інформаційно-комунікаційних технологій виконкому міської ради"
ICT_NEW = "Управління технічного захисту інформації та інформаційно-комунікаційних технологій виконкому міської ради"


def _measure(session, annex: int, direction: int, position: int) -> Measure:
    return session.scalar(select(Measure).join(Direction).join(Stage).where(
        Stage.annex_number == annex, Direction.number == direction, Measure.position == position))


def test_the_cells_not_printed_in_their_own_row_are_marked(db):
    with db.reading() as s:
        measures = list(s.scalars(select(Measure)))
        deadlines = {(m.deadline_origin) for m in measures}
        assert deadlines == {"printed", "merged", "inferred"}
        assert sum(m.deadline_origin != "printed" for m in measures) == 30
        assert sum(m.executors_origin != "printed" for m in measures) == 9
        # 8.1 of Додаток 1 takes «Постійно» from the merged cell whose text stands a row lower
        eight_one = _measure(s, 1, 8, 1)
        assert (eight_one.deadline_phrase, eight_one.deadline_origin) == ("Постійно", "inferred")
        assert "8.2" in eight_one.deadline_note and eight_one.executors_origin == "inferred"
        assert _measure(s, 1, 8, 2).deadline_origin == "printed"
        assert _measure(s, 1, 8, 3).deadline_origin == "merged"
        seminar = _measure(s, 3, 3, 1)
        assert seminar.deadline_origin == "inferred" and "2.2" in seminar.deadline_note
        # every inferred value says where it came from
        assert all(m.deadline_note for m in measures if m.deadline_origin == "inferred")
        assert all(m.executors_note for m in measures if m.executors_origin == "inferred")


def test_passport_captions_district_budget_and_the_ict_unit(db):
    document = load_document(db)
    items = {item.number: item for item in document.passport_items}
    assert len(items) == 10
    assert items["1.9"].caption == "Координація та контроль за виконанням Програми"
    assert items["1.9"].text.startswith("контроль за виконанням Програми здійснює постійна комісія")
    assert items["1.10"].caption == "" and items["1.10"].text.startswith("Розробник Програми разом з головними")
    assert [s.caption for s in document.stages] == [
        "до Програми сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2017-2019 роки (пункт 6.1)",
        "до Програми сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2020–2023 роки (пункт 6.2)",
        "до Програми сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2024–2027 роки (пункт 6.2)"]
    four = document.stages[0].directions[3]
    assert [(f.source, f.phrase, f.phrase_from) for f in four.measures[3].funding] == [
        ("Бюджети районних у місті рад", "У межах затверджених бюджетних призначень", 2018)]
    with db.reading() as s:
        assert {e.name for e in _measure(s, 1, 2, 3).executors} >= {ICT_OLD}
        assert {e.name for e in _measure(s, 2, 3, 2).executors} >= {ICT_OLD}
        assert ICT_NEW in {e.name for e in _measure(s, 3, 3, 2).executors}
        assert s.scalar(select(Executor.id).where(Executor.name == ICT_OLD)) != \
            s.scalar(select(Executor.id).where(Executor.name == ICT_NEW))


@pytest.mark.sqlite_only
def test_an_older_database_gains_the_same_by_migration(tmp_path, db):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    database = open_database(path)
    database.dispose()
    engine = open_database(path, create=False).engine
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0013")
    engine.dispose()
    with sqlite3.connect(path) as raw:  # as 0013 kept it: the ICT unit under one name, no phrase
        raw.execute("UPDATE measure_executor SET executor_id = (SELECT id FROM executor WHERE name = ?) "
                    "WHERE executor_id = (SELECT id FROM executor WHERE name = ?)", (ICT_NEW, ICT_OLD))
        raw.execute("DELETE FROM executor WHERE name = ?", (ICT_OLD,))
        results = raw.execute("SELECT expected_results FROM program").fetchone()[0]
    raw.close()
    assert results.startswith("1.8.1 створення умов")  # as 0013 kept them: numbered in the text
    upgraded = open_database(path)
    try:
        difference = first_difference(program_snapshot(db, 1), program_snapshot(upgraded, 1))
        assert difference is None, difference
        with upgraded.reading() as s:
            assert s.scalar(select(FundingPhrase.text)) == "У межах затверджених бюджетних призначень"
        from kr_desktop.services.journal_view import table_label  # noqa: F401 — labels exist for the new rows
        with sqlite3.connect(path) as raw:
            actors = raw.execute("SELECT count(*) FROM journal_entry WHERE actor = 'оновлення бази даних'").fetchone()
        raw.close()
        assert actors[0] > 30  # every change the migration made is journaled
    finally:
        upgraded.dispose()


def test_provenance_survives_edits_undo_and_backups(db_path, db, tmp_path):
    from kr_desktop.services.backups import backup_now

    with db.reading() as s:
        measure_id = _measure(s, 1, 8, 1).id
    current = structure.measure_for_edit(db, measure_id)
    note = current.deadline_provenance.note
    # an edit of the text keeps where the deadline and executors come from
    structure.update_measure(db, measure_id, current.text + " (уточнено)", current.deadline_phrase,
                             current.executor_ids, current.expected_result, expected_version=current.version)
    edited = structure.measure_for_edit(db, measure_id)
    assert (edited.deadline_provenance.origin, edited.deadline_provenance.note) == ("inferred", note)
    assert edited.executors_provenance.origin == "inferred"
    # a new deadline is the user's own; undo gives the inferred one back with its note
    structure.update_measure(db, measure_id, edited.text, "Щорічно", edited.executor_ids, edited.expected_result,
                             expected_version=edited.version)
    assert structure.measure_for_edit(db, measure_id).deadline_provenance.origin == "printed"
    undo.undo(db)
    back = structure.measure_for_edit(db, measure_id)
    assert (back.deadline_phrase, back.deadline_provenance.origin, back.deadline_provenance.note) == (
        "Постійно", "inferred", note)
    # a backup holds them, and a restored copy reads them back
    result = backup_now(db)
    copy = open_database(result.path, create=False)
    try:
        assert program_snapshot(copy, 1) == program_snapshot(db, 1)
    finally:
        copy.dispose()


def test_the_print_shows_the_restored_parts_and_draws_merged_cells_once(db, tmp_path):
    out = render_program_pdf(load_document(db), tmp_path / "program.pdf")
    with pdfplumber.open(out) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        italics = {"".join(c["text"] for c in page.chars if "Italic" in c["fontname"]) for page in pdf.pages}
    text = re.sub(r"\s+", " ", "\n".join(pages).replace("\u00a0", " "))
    assert "1.9. Координація та контроль за виконанням Програми: контроль за виконанням Програми" in text
    assert "1.10. Розробник Програми разом з головними розпорядниками коштів" in text
    # each annex's own caption (the print writes year ranges with an en dash, as every document does)
    assert "на 2017–2019 роки (пункт 6.1)" in text and "на 2024–2027 роки (пункт 6.2)" in text
    assert "Бюджетирайонниху містірад".replace(" ", "") in _squash(_column_texts(out, 5))  # the sources column
    assert "У межах затверджених бюджетних" in text
    assert any("Постійно" in chunk for chunk in italics)  # 8.1: inferred, in italics
    # a deadline is printed once per merged cell: «Протягом дії Програми» in Додаток 3 stands on the
    # rows where the decision prints it (9 of its 18 measures), not on every measure
    data = read_builtin()
    annex3 = next(a for a in data.annexes if a["annex"] == 3)
    printed = sum(m["deadline"] == "Протягом дії Програми" and m["deadline_origin"] != "merged"
                  for d in annex3["directions"] for m in d["measures"])
    deadlines = ""
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            if page.width > page.height and "2026" in (page.extract_text() or ""):  # Додаток 3's pages
                xs = sorted({round(line["x0"], 1) for line in page.lines if abs(line["x0"] - line["x1"]) < 0.5})
                deadlines += page.crop((xs[3], 0, xs[4], page.height)).extract_text() or ""
    assert _squash(deadlines).count("ПротягомдіїПрограми") == printed == 9
