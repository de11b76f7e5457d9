"""The half-year cycle with several programs: «Контроль» covers every program in force (each item
naming its program), a draft is not controlled; the cycle's reports and letters are one program's
(--program, the only one in force by default); deadlines the decision does not print are
controlled with a remark, or not at all, as the user decides."""

import datetime as dt

import pdfplumber
import pytest

from kr_desktop.cli import main
from kr_desktop.services.control import INFERRED_DEADLINES, control_data, save_control_settings
from kr_desktop.services.program import programs, structure
from kr_desktop.services.program_view import load_tree
from kr_desktop.services.progress import period_grid
from kr_desktop.services.progress_actuals import plan_vs_actual_by_year
from kr_desktop.services.progress_reports import budget_data, halfyear_data

NEXT = "Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2027–2031 роки"
ON = dt.date(2027, 12, 20)


def _successor(db, active: bool) -> int:
    new_id = programs.create_program(db, NEXT, "2027-2031", successor_of=1)
    if active:
        current = programs.program_for_edit(db, new_id)
        programs.update_program(db, new_id, expected_version=current.version, decision_number="4100",
                                decision_date=dt.date(2026, 12, 22), status="active")
    return new_id


def test_control_covers_the_programs_in_force_and_names_each(db):
    alone = control_data(db, ON)
    assert {i.what for i in alone.items if i.kind == "deadline"} >= {"Захід 1.2 (Додаток 3)"}
    new_id = _successor(db, active=False)
    assert control_data(db, ON) == alone  # a draft is not controlled
    current = programs.program_for_edit(db, new_id)
    programs.update_program(db, new_id, expected_version=current.version, decision_number="4100",
                            decision_date=dt.date(2026, 12, 22), status="active")
    both = control_data(db, ON)
    whats = {i.what for i in both.items}
    assert "Захід 1.2 (№1176, Додаток 3)" in whats  # its deadline «Протягом дії Програми» ends with 2027
    reports = {w for w in whats if w.startswith("Звіт за")}
    assert any(w.endswith("(№4100)") for w in reports) and any(w.endswith("(№1176)") for w in reports)
    only = control_data(db, ON, program_ids=(new_id,))
    assert all("№1176" not in i.what for i in only.items) and only.items


def test_inferred_deadlines_are_controlled_with_a_remark_or_not_at_all(db):
    seminar = next(i for i in control_data(db, ON).items if i.what == "Захід 3.1 (Додаток 3)")
    assert seminar.deadline == "Протягом дії Програми (строк виведено: рішення не друкує його для заходу)"
    save_control_settings(db, {INFERRED_DEADLINES: False})
    whats = {i.what for i in control_data(db, ON).items}
    assert "Захід 3.1 (Додаток 3)" not in whats and "Захід 3.2 (Додаток 3)" in whats
    # the user's own deadline (retyped) is controlled again
    measure_id = next(m.id for s in load_tree(db).stages if s.annex_number == 3 for d in s.directions
                      if d.number == 3 for m in d.measures if m.position == 1)
    m = structure.measure_for_edit(db, measure_id)
    structure.update_measure(db, measure_id, m.text, "Протягом дії програми", m.executor_ids, m.expected_result,
                             expected_version=m.version)
    assert "Захід 3.1 (Додаток 3)" in {i.what for i in control_data(db, ON).items}


def test_grids_charts_and_reports_are_the_chosen_programs(db):
    new_id = _successor(db, active=True)
    assert period_grid(db, 2027, 1, program_id=new_id).annex_number == 1
    assert period_grid(db, 2027, 1, program_id=1).annex_number == 3
    assert len(period_grid(db, 2027, 1, program_id=new_id).rows) > 0
    assert [b.year for b in plan_vs_actual_by_year(db, program_id=new_id)] == [2027, 2028, 2029, 2030, 2031]
    assert all(b.plan == 0 for b in plan_vs_actual_by_year(db, program_id=new_id))
    assert halfyear_data(db, 2027, 1, program_id=new_id).program.name == NEXT
    assert budget_data(db, 2027, program_id=1).passport_total == 1684022
    assert budget_data(db, 2027, program_id=new_id).passport_total == 0  # its own passport, empty yet
    with pytest.raises(Exception, match="кілька чинних програм"):
        halfyear_data(db, 2027, 1)


@pytest.mark.parametrize("report, options", [("half-year", ["--year", "2027", "--half", "1"]),
                                             ("budget", ["--year", "2027"]),
                                             ("overdue", ["--date", "2027-12-20"])])
def test_cycle_reports_take_program(db_path, tmp_path, capsys, report, options):
    from kr_desktop.db.open import open_database

    database = open_database(db_path, create=False)
    try:
        _successor(database, active=True)
    finally:
        database.dispose()
    out = tmp_path / f"{report}.pdf"
    assert main(["report", report, *options, "--db", str(db_path), "--out", str(out)]) != 0
    assert "кілька чинних програм" in capsys.readouterr().err and not out.exists()
    assert main(["report", report, *options, "--program", "4100", "--db", str(db_path), "--out", str(out)]) == 0
    with pdfplumber.open(out) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages).replace("\u00a0", " ")
    assert "4100" in text or "2027–2031" in text
    assert main(["report", report, *options, "--program", "1176", "--db", str(db_path), "--out",
                 str(tmp_path / "old.pdf")]) == 0


def test_forms_of_the_chosen_program_go_out_and_come_back(db, tmp_path):
    from kr_desktop.services.progress_forms.export import export_forms
    from kr_desktop.services.progress_forms.importing import import_forms
    from tests.test_progress_forms import _typical, fill

    new_id = _successor(db, active=True)
    with pytest.raises(Exception, match="кілька чинних програм"):
        export_forms(db, 2027, 1, tmp_path / "none")
    forms = export_forms(db, 2027, 1, tmp_path / "forms", program_id=new_id)
    grid = period_grid(db, 2027, 1, program_id=new_id)
    assert sum(f.measures for f in forms) == len(grid.rows)
    form = forms[0]
    fill(form.path, _typical)
    [result] = import_forms(db, [form.path], today=dt.date(2027, 7, 5))
    assert result.accepted and result.written, [str(e) for e in result.errors]
    stored = [r for r in period_grid(db, 2027, 1, program_id=new_id).rows if r.executor_id == form.executor_id]
    assert stored and all(r.reported for r in stored)
    assert not any(r.reported for r in period_grid(db, 2027, 1, program_id=1).rows
                   if r.executor_id == form.executor_id)  # №1176's rows of that executor untouched
