"""Several programs in one database: a new one (blank or a successor), the choice of program by
every command (--program), the default (the only one in force) and the message listing them."""

import datetime as dt

import pdfplumber
import pytest
from sqlalchemy import func, select

from kr_desktop.cli import main
from kr_desktop.db.models import Measure, PlannedFunding, Program, Stage, Direction, FundingPhrase, PassportFunding
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.program import choice, programs
from kr_desktop.services.program_view import load_document, load_tree
from tests.program_snapshot import program_snapshot

NEXT_TITLE = "Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2028–2032 роки"


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_successor_copies_the_structure_and_leaves_the_amounts_empty(db):
    successor = programs.create_program(db, NEXT_TITLE, "2028-2032", successor_of=1)
    mine, theirs = program_snapshot(db, successor, amounts=False), program_snapshot(db, 1, amounts=False)
    last = theirs["stages"][-1]
    assert len(mine["stages"]) == 1
    stage = mine["stages"][0]
    assert stage["stage"][:3] == (1, 2028, 2032)
    assert [d["direction"][:2] for d in stage["directions"]] == [d["direction"][:2] for d in last["directions"]]
    for new, old in zip(stage["directions"], last["directions"]):
        assert [m["measure"] for m in new["measures"]] == [m["measure"] for m in old["measures"]]
        assert [m["executors"] for m in new["measures"]] == [m["executors"] for m in old["measures"]]
    # the passport's texts are copied (to be edited), its table and every planned amount are empty
    assert [p[1:] for p in mine["passport"]] == [p[1:] for p in theirs["passport"]]
    with db.reading() as s:
        stage_ids = select(Stage.id).where(Stage.program_id == successor)
        measures = select(Measure.id).join(Direction).where(Direction.stage_id.in_(stage_ids))
        assert s.scalar(select(func.count()).select_from(PlannedFunding).where(
            PlannedFunding.measure_id.in_(measures) | PlannedFunding.direction_id.in_(
                select(Direction.id).where(Direction.stage_id.in_(stage_ids))))) == 0
        assert s.scalar(select(func.count()).select_from(PassportFunding)
                        .where(PassportFunding.program_id == successor)) == 0
        assert s.scalar(select(func.count()).select_from(FundingPhrase)) == 1  # №1176's, not copied
        program = s.get(Program, successor)
        assert (program.status, program.predecessor_id, program.decision_number, program.decision_date) == \
            ("draft", 1, "", None)
    # №1176 itself is untouched
    assert program_snapshot(db, 1, amounts=False) == theirs


def test_a_blank_program_has_the_usual_passport_and_one_stage(db):
    new_id = programs.create_program(db, "Програма розвитку туризму в м. Кривому Розі", "2026-2028")
    snapshot = program_snapshot(db, new_id)
    assert [p[1] for p in snapshot["passport"]] == ["name", "text", "text", "text", "text", "period", "funding",
                                                    "results", "text"]
    assert [s["stage"][:3] for s in snapshot["stages"]] == [(1, 2026, 2028)]
    assert snapshot["stages"][0]["directions"] == []
    assert load_tree(db, new_id).stages[0].directions == ()


@pytest.mark.parametrize("years, message", [("2032-2028", "пізніший"), ("28-32", "2028-2032"),
                                            ("2028-2302", "поза межами"), ("1800", "поза межами")])
def test_years_that_cannot_be_are_refused_naming_the_field(db, years, message):
    with pytest.raises(ValidationError) as refused:
        programs.create_program(db, "Нова програма", years)
    assert "Роки" in refused.value.message and message in refused.value.message


def test_the_default_is_the_only_program_in_force_and_several_are_listed(db):
    new_id = programs.create_program(db, NEXT_TITLE, "2028-2032", successor_of=1)
    with db.reading() as s:
        assert choice.default_program(s).id == 1  # the draft does not count
    current = programs.program_for_edit(db, new_id)
    with pytest.raises(ValidationError, match="з рішенням"):
        programs.update_program(db, new_id, expected_version=current.version, status="active")
    programs.update_program(db, new_id, expected_version=current.version, decision_number="4100",
                            decision_date=dt.date(2027, 12, 22), status="active")
    with db.reading() as s, pytest.raises(choice.ProgramChoiceError) as several:
        choice.default_program(s)
    assert "кілька чинних програм" in several.value.message
    assert "№1176 від 21.12.2016" in several.value.message and "№4100 від 22.12.2027" in several.value.message
    assert {p.id for p in several.value.programs} == {1, new_id}
    with db.reading() as s:
        assert choice.find(s, "4100").id == new_id
        assert choice.find(s, "№1176").id == 1
        assert choice.find(s, f"id:{new_id}").id == new_id
        with pytest.raises(choice.ProgramChoiceError, match="не знайдено"):
            choice.find(s, "9999")


def test_a_draft_can_be_deleted_and_undone_a_program_in_force_cannot(db):
    from kr_desktop.services import undo

    new_id = programs.create_program(db, NEXT_TITLE, "2028-2032", successor_of=1)
    before = program_snapshot(db, new_id)
    with pytest.raises(UserError, match="лише проєкт"):
        programs.delete_program(db, 1)
    programs.delete_program(db, new_id)
    assert choice.list_programs(db)[-1].id == 1
    undo.undo(db)
    assert program_snapshot(db, new_id) == before


def test_program_commands_list_new_show_edit(db_path, capsys):
    code, out, _err = cli(capsys, "program", "list", "--db", str(db_path))
    assert code == 0
    assert out.splitlines() == ["1\t№1176 від 21.12.2016\tПрограма сприяння розвитку місцевого самоврядування в "
                                "м. Кривому Розі на 2017−2027 роки\t2017–2027\tчинна"]
    code, out, _err = cli(capsys, "program", "new", "--title", NEXT_TITLE, "--years", "2028-2032",
                          "--successor-of", "1176", "--db", str(db_path))
    assert code == 0 and "Створено програму (проєкт): 2\t" in out
    code, out, _err = cli(capsys, "--db", str(db_path), "program", "show", "--program", "id:2")
    assert code == 0
    assert "Програма id 2: " + NEXT_TITLE in out and "Попередниця: id 1, №1176 від 21.12.2016" in out
    assert "Додаток 1: 2028–2032, напрямів 6, заходів 18" in out
    assert "  1.9. Координація та контроль за виконанням Програми: контроль" in out
    code, out, _err = cli(capsys, "program", "show", "--db", str(db_path))  # the default: №1176
    out = out.replace("\u00a0", " ")
    assert "1.10. Розробник Програми разом з головними розпорядниками" in out
    assert "  2024: 1 395 676,00 / 1 395 676,00" in out and "не збігається" not in out
    code, _out, err = cli(capsys, "program", "edit", "--program", "2", "--status", "чинна", "--db", str(db_path))
    assert code != 0 and "чинною може бути лише програма з рішенням" in err
    code, out, _err = cli(capsys, "program", "edit", "--program", "2", "--decision-number", "4100",
                          "--decision-date", "22.12.2027", "--status", "active", "--db", str(db_path))
    assert code == 0 and "2\t№4100 від 22.12.2027" in out


def test_with_two_programs_in_force_a_report_asks_which(db_path, tmp_path, capsys):
    cli(capsys, "program", "new", "--title", NEXT_TITLE, "--years", "2028-2032", "--successor-of", "1176",
        "--db", str(db_path))
    cli(capsys, "program", "edit", "--program", "2", "--decision-number", "4100", "--decision-date", "2027-12-22",
        "--status", "active", "--db", str(db_path))
    out = tmp_path / "p.pdf"
    code, _out, err = cli(capsys, "report", "program", "--db", str(db_path), "--out", str(out))
    assert code != 0 and not out.exists()
    assert "кілька чинних програм" in err and "--program" in err
    assert "№1176 від 21.12.2016" in err and "№4100 від 22.12.2027" in err
    code, _out, err = cli(capsys, "report", "program", "--db", str(db_path), "--out", str(out), "--program", "4100")
    assert code == 0, err
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "2028–2032" in text.replace("-", "–") and "2017-2019" not in text
    assert "№ 4100" in text


def test_the_second_programs_document_is_its_own(db):
    new_id = programs.create_program(db, NEXT_TITLE, "2028-2032", successor_of=1)
    document = load_document(db, new_id)
    assert document.name == NEXT_TITLE and [s.years for s in document.stages] == [(2028, 2029, 2030, 2031, 2032)]
    assert document.passport == () and document.decision_number == ""
    assert load_document(db).name != NEXT_TITLE  # the default is still №1176
