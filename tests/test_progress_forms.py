"""Forms out and back: one XLSX per executor, filled with openpyxl as an executor would, imported;
hostile forms rejected with errors by row and column and nothing written; conflicts kept unless
--replace; --dry-run writes nothing."""

import datetime as dt
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from kr_desktop.cli import main as cli_main
from kr_desktop.db.models import JournalEntry, ProgressEntry
from kr_desktop.domain.periods import Period
from kr_desktop.domain.progress import STATUS_LABELS, Status
from kr_desktop.services.progress import period_grid
from kr_desktop.services.progress_forms import layout as L
from kr_desktop.services.progress_forms.export import export_forms
from kr_desktop.services.progress_forms.importing import CONFLICT, NEW, REPLACED, UNCHANGED, import_forms

YEAR, HALF = 2026, 1
TODAY = dt.date(YEAR, 7, 6)
STATUSES = list(Status)


def _columns(sheet):
    """Fill-in columns by their header, as a person finds them."""
    found = {}
    for cell in sheet[L.HEADER_ROW]:
        title = str(cell.value or "")
        for prefix, key in (("Стан виконання", "status"), ("Що зроблено", "narrative"),
                            ("Касові видатки", "amount"), ("Причини", "reasons")):
            if title.startswith(prefix):
                found[key] = cell.column
    return found


def _data_rows(sheet):
    return [r for r in range(L.FIRST_ROW, sheet.max_row + 1) if sheet.cell(r, 1).value]


def fill(path, how, reporter="Петренко Олена, 74-00-00"):
    """Open the form with openpyxl, fill each data row with ``how(index, number)`` → dict or None."""
    book = load_workbook(path)
    sheet = book[L.FORM_SHEET]
    columns = _columns(sheet)
    filled = {}
    for index, row in enumerate(_data_rows(sheet)):
        number = sheet.cell(row, 1).value
        values = how(index, number)
        if values is None:
            continue
        for key, value in values.items():
            sheet.cell(row, columns[key]).value = value
        filled[number] = values
    sheet.cell(L.REPORTER_ROW, L.REPORTER_COLUMN).value = reporter
    book.save(path)
    return filled


def _typical(index, number):
    status = STATUSES[index % len(STATUSES)]
    values = {"status": STATUS_LABELS[status], "narrative": f"Виконано за захід {number}\nдругий рядок",
              "amount": 1000 + index * 100.25}
    if status is Status.NOT_DONE:
        values["reasons"] = "Недостатнє фінансування"
    return values


def _counts(db):
    with db.reading() as s:
        return (s.scalar(select(func.count()).select_from(ProgressEntry)),
                s.scalar(select(func.count()).select_from(JournalEntry)))


@pytest.fixture
def forms(db, tmp_path):
    return export_forms(db, YEAR, HALF, tmp_path / "forms")


def test_round_trip_for_every_executor_of_the_builtin_program(db, forms, tmp_path):
    grid = period_grid(db, YEAR, HALF)
    executors = {r.executor_id for r in grid.rows}
    assert {f.executor_id for f in forms} == executors  # a form for every executor of the stage
    assert sum(f.measures for f in forms) == len(grid.rows)  # every (measure, executor) once
    filled = {f.executor_id: fill(f.path, _typical) for f in forms}
    results = import_forms(db, [f.path for f in forms], today=TODAY)
    assert all(r.accepted and r.written for r in results), [str(e) for r in results for e in r.errors]
    stored = {r.key: r for r in period_grid(db, YEAR, HALF).rows}
    for form in forms:
        for number, values in filled[form.executor_id].items():
            row = next(r for r in stored.values() if r.executor_id == form.executor_id and r.number == number)
            assert row.status_label == values["status"]
            assert row.narrative == values["narrative"]
            assert sum(row.amounts.values()) == Decimal(str(values["amount"])).quantize(Decimal("0.01"))
            assert row.reasons == values.get("reasons", "")
            assert row.reported_by == "Петренко Олена, 74-00-00" and row.received_on == TODAY
    assert all(r.reported for r in stored.values())
    # the same forms again: nothing new, nothing written
    before = _counts(db)
    again = import_forms(db, [f.path for f in forms], today=TODAY)
    assert all(r.accepted and not r.written and {o.action for o in r.rows} == {UNCHANGED} for r in again)
    assert _counts(db) == before


def test_a_changed_report_is_a_conflict_kept_unless_replace(db, forms):
    form = next(f for f in forms if f.measures >= 2)
    fill(form.path, _typical)
    import_forms(db, [form.path], today=TODAY)
    fill(form.path, lambda i, n: {"narrative": "Інша версія"} if i == 0 else None)
    result = import_forms(db, [form.path], today=TODAY)[0]
    assert result.accepted and [o.action for o in result.rows][0] == CONFLICT
    conflict = result.conflicts[0]
    assert conflict.form["Що зроблено"] == "Інша версія" and "Виконано за захід" in conflict.stored["Що зроблено"]
    assert not result.written
    row = next(r for r in period_grid(db, YEAR, HALF, form.executor_id).rows if r.number == conflict.number)
    assert row.narrative.startswith("Виконано за захід")  # kept
    replaced = import_forms(db, [form.path], replace=True, today=TODAY)[0]
    assert replaced.written and replaced.rows[0].action == REPLACED
    row = next(r for r in period_grid(db, YEAR, HALF, form.executor_id).rows if r.number == conflict.number)
    assert row.narrative == "Інша версія"


def test_dry_run_writes_nothing(db, forms):
    fill(forms[0].path, _typical)
    before = _counts(db)
    result = import_forms(db, [forms[0].path], dry_run=True, today=TODAY)[0]
    assert result.accepted and not result.written and {o.action for o in result.rows} == {NEW}
    assert _counts(db) == before


def _edit(path, sheet_name, cell, value):
    book = load_workbook(path)
    book[sheet_name][cell].value = value
    book.save(path)


def _first_row_cell(path, key):
    book = load_workbook(path)
    sheet = book[L.FORM_SHEET]
    return f"{L.column_letter(_columns(sheet)[key])}{L.FIRST_ROW}"


def _rejected(db, path, **kwargs):
    before = _counts(db)
    result = import_forms(db, [path], today=TODAY, **kwargs)[0]
    assert not result.accepted and not result.written
    assert _counts(db) == before  # nothing written
    return [str(e) for e in result.errors], result.errors


@pytest.mark.parametrize("case", ["another executor", "another period", "protected column", "unknown status",
                                  "text amount", "formula", "no reasons", "outside the table"])
def test_hostile_forms_are_rejected_by_row_and_column_and_nothing_is_written(db, forms, case):
    form = next(f for f in forms if f.measures >= 2)
    other = next(f for f in forms if f.executor_id != form.executor_id)
    fill(form.path, _typical)  # a good form, then one thing wrong
    kwargs = {}
    first = L.FIRST_ROW
    if case == "another executor":
        _edit(form.path, L.FORM_SHEET, f"A{L.EXECUTOR_ROW}", L.executor_line(other.executor))
        expected = (L.EXECUTOR_ROW, 1, "змінено виконавця")
    elif case == "another period":
        kwargs["expect"] = Period(YEAR, 2)
        expected = (L.TITLE_ROW, 1, "форма за I півріччя 2026 року, а приймаються звіти за II півріччя 2026 року")
    elif case == "protected column":
        _edit(form.path, L.FORM_SHEET, f"B{first}", "Зовсім інший захід")
        expected = (first, 2, "змінено клітинку, заповнену програмою")
    elif case == "unknown status":
        _edit(form.path, L.FORM_SHEET, _first_row_cell(form.path, "status"), "майже виконано")
        expected = (first, None, "невідомий стан «майже виконано»")
    elif case == "text amount":
        _edit(form.path, L.FORM_SHEET, _first_row_cell(form.path, "amount"), "п'ять тисяч")
        expected = (first, None, "не число")
    elif case == "formula":
        _edit(form.path, L.FORM_SHEET, _first_row_cell(form.path, "amount"), "=SUM(1,2)")
        expected = (first, None, "формула")
    elif case == "no reasons":
        _edit(form.path, L.FORM_SHEET, _first_row_cell(form.path, "status"), "не виконано")
        _edit(form.path, L.FORM_SHEET, _first_row_cell(form.path, "reasons"), None)
        expected = (first, None, "вкажіть причини невиконання")
    else:
        _edit(form.path, L.FORM_SHEET, f"B{first + form.measures + 3}", "Додатковий рядок")
        expected = (first + form.measures + 3, 2, "дані поза таблицею форми")
    messages, errors = _rejected(db, form.path, **kwargs)
    messages = [m.replace("\u00a0", " ") for m in messages]  # «II півріччя» is bound by a no-break space
    row, column, words = expected
    assert any(e.row == row and (column is None or e.column == column) and words in e.message.replace("\u00a0", " ")
               for e in errors), messages
    assert all(e.row is not None for e in errors), messages  # every error names its row
    text = next(m for m in messages if words in m)
    assert text.startswith(f"Рядок {row}, стовпець ")


def test_another_executors_rows_pasted_into_a_form_are_rejected_row_by_row(db, forms):
    form = next(f for f in forms if f.measures >= 2)
    other = next(f for f in forms if f.executor_id != form.executor_id and f.measures >= 1)
    theirs = load_workbook(other.path)[L.FORM_SHEET]
    book = load_workbook(form.path)
    sheet = book[L.FORM_SHEET]
    for column in range(1, 4):  # number, text, deadline of the other executor's first measure
        sheet.cell(L.FIRST_ROW, column).value = theirs.cell(L.FIRST_ROW, column).value
    book.save(form.path)
    fill(form.path, _typical)
    messages, errors = _rejected(db, form.path)
    assert {e.column for e in errors if e.row == L.FIRST_ROW} >= {1, 2}


def test_files_that_are_not_forms_are_refused_with_one_message(db, forms, tmp_path):
    text = tmp_path / "лист.xlsx"
    text.write_text("це не книга", encoding="utf-8")
    plain = tmp_path / "інша книга.xlsx"
    book = Workbook()
    book.active["A1"] = "Звіт"
    book.save(plain)
    tampered = tmp_path / "змінена.xlsx"
    shutil.copyfile(forms[0].path, tampered)
    book = load_workbook(tampered)
    record = book[L.META_SHEET]["A2"].value
    book[L.META_SHEET]["A2"].value = record.replace(f'"executor_id":{forms[0].executor_id}',
                                                     f'"executor_id":{forms[1].executor_id}')
    book.save(tampered)
    import zipfile

    bomb = tmp_path / "бомба.xlsx"  # a few hundred kilobytes that unpack into gigabytes
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"0" * (1 << 20)
            for _ in range(210):  # beyond the 200 MB any .xlsx from outside may unpack to
                member.write(block)
    results = import_forms(db, [text, plain, tampered, tmp_path / "немає.xlsx", bomb], today=TODAY)
    messages = [r.errors[0].message for r in results]
    assert "не є книгою Excel" in messages[0]
    assert "не форма звіту" in messages[1]
    assert "службові дані форми змінено" in messages[2]
    assert "не знайдено" in messages[3]
    assert "розпаковується" in messages[4]
    assert not any(r.written for r in results)


def test_a_form_of_another_database_is_told_apart(db, forms, db_path, tmp_path):
    from sqlalchemy import update

    from kr_desktop.db.models import AppMeta

    with db.changing("Інший ключ форм") as s:  # as another copy of the program would have
        s.execute(update(AppMeta).where(AppMeta.key == "progress_forms_key").values(value="ab" * 32))
    result = import_forms(db, [forms[0].path], today=TODAY)[0]
    assert "іншою базою даних" in result.errors[0].message


def test_one_bad_file_does_not_stop_the_good_ones(db, forms):
    good, bad = forms[0], next(f for f in forms if f.measures >= 2)
    fill(good.path, _typical)
    fill(bad.path, lambda i, n: {"status": "виконано"} if i == 0 else {"status": "??"})
    results = import_forms(db, [good.path, bad.path], today=TODAY)
    assert results[0].written and not results[1].written
    rows = period_grid(db, YEAR, HALF, bad.executor_id).rows
    assert not any(r.reported for r in rows)  # all or nothing: the good row of the bad file is not saved


def test_the_form_is_protected_with_a_status_list_and_instructions(db, forms):
    book = load_workbook(forms[0].path)
    assert book.sheetnames == [L.FORM_SHEET, L.GUIDE_SHEET, L.META_SHEET]
    assert book[L.META_SHEET].sheet_state == "veryHidden" and book.security.lockStructure
    sheet = book[L.FORM_SHEET]
    assert sheet.protection.sheet and sheet.protection.password
    columns = _columns(sheet)
    row = L.FIRST_ROW
    assert sheet.cell(row, 1).protection.locked and sheet.cell(row, 2).protection.locked
    assert not sheet.cell(row, columns["status"]).protection.locked
    assert not sheet.cell(row, columns["amount"]).protection.locked
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and all(STATUS_LABELS[s] in lists[0].formula1 for s in Status)
    assert f"{L.column_letter(columns['status'])}{row}" in str(lists[0].sqref)
    guide = " ".join(str(c.value) for c in book[L.GUIDE_SHEET]["A"] if c.value)
    assert "не виконано" in guide and "з 1 січня 2026" in guide
    assert forms[0].executor in sheet[f"A{L.EXECUTOR_ROW}"].value
    assert "I півріччя 2026 року" in sheet[f"A{L.TITLE_ROW}"].value


def test_existing_forms_are_kept_unless_forced(db, forms, tmp_path):
    folder = forms[0].path.parent
    fill(forms[0].path, _typical)
    stamp = forms[0].path.stat().st_mtime_ns
    from kr_desktop.errors import UserError

    with pytest.raises(UserError, match="уже є форми"):
        export_forms(db, YEAR, HALF, folder)
    assert forms[0].path.stat().st_mtime_ns == stamp
    again = export_forms(db, YEAR, HALF, folder, force=True)
    assert len(again) == len(forms) and not any(p.name.endswith(".part") for p in folder.iterdir())
    assert load_workbook(forms[0].path)[L.FORM_SHEET].cell(L.REPORTER_ROW, L.REPORTER_COLUMN).value is None


def test_file_names_carry_the_short_name_and_the_period(db, forms):
    names = sorted(f.path.name for f in forms)
    assert "Управління організаційно-протокольної роботи — I півріччя 2026.xlsx" in names
    assert "Кадрова служба — I півріччя 2026.xlsx" in names


def test_the_command_line_round_trip(db_path, tmp_path):
    out = tmp_path / "нова тека" / "форми"
    assert cli_main(["export", "progress-forms", "--year", str(YEAR), "--half", str(HALF), "--db", str(db_path),
                     "--out", str(out)]) == 0
    files = sorted(out.glob("*.xlsx"))
    assert files
    assert cli_main(["export", "progress-forms", "--year", str(YEAR), "--half", str(HALF), "--db", str(db_path),
                     "--out", str(out)]) != 0  # not replaced without --force
    fill(files[0], _typical)
    fill(files[1], lambda i, n: {"status": "невідомо"})
    run = subprocess.run([sys.executable, "-m", "kr_desktop", "import", "progress", *map(str, files[:2]), "--db",
                          str(db_path), "--dry-run"], capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "НЕ ПРИЙНЯТО" in run.stderr and "невідомий стан «невідомо»" in run.stderr
    assert "перевірено, нічого не записано" in run.stdout
    run = subprocess.run([sys.executable, "-m", "kr_desktop", "import", "progress", str(files[0]), "--db",
                          str(db_path)], capture_output=True, text=True)
    assert run.returncode == 0 and "прийнято" in run.stdout, run.stdout + run.stderr
    assert cli_main(["import", "progress", str(files[0]), "--db", str(db_path), "--year", "2026"]) == 2


def test_a_report_saved_elsewhere_while_a_form_is_taken_leaves_the_form_unwritten(db, forms, monkeypatch):
    from kr_desktop.services.progress_forms import importing
    from kr_desktop.services.progress_saving import save_entry

    form = next(f for f in forms if f.measures >= 2)
    fill(form.path, _typical)
    row = next(r for r in period_grid(db, YEAR, HALF, form.executor_id).rows)
    real = importing._apply

    def another_workstation_first(session, *args):
        save_entry(db, YEAR, HALF, row.measure_id, row.executor_id, status="перенесено", reasons="Інше місце",
                   today=TODAY)  # committed on its own connection meanwhile
        return real(session, *args)

    monkeypatch.setattr(importing, "_apply", another_workstation_first)
    result = import_forms(db, [form.path], today=TODAY)[0]
    assert not result.written and "на іншому робочому місці" in result.errors[0].message
    rows = {r.key: r for r in period_grid(db, YEAR, HALF, form.executor_id).rows}
    assert rows[row.key].status is Status.POSTPONED  # theirs stands
    assert sum(1 for r in rows.values() if r.reported) == 1  # nothing of the form


@pytest.mark.parametrize("case, argv, words", [
    ("export-out-is-a-file", ["export", "progress-forms", "--year", "2026", "--half", "1", "--db", "{db}",
                              "--out", "{w}/file.txt"], "це файл, а не тека"),
    ("export-db-missing", ["export", "progress-forms", "--year", "2026", "--half", "1", "--db", "{w}/немає.sqlite3",
                           "--out", "{w}/forms"], "не знайдено"),
    ("export-db-is-a-folder", ["export", "progress-forms", "--year", "2026", "--half", "1", "--db", "{w}",
                               "--out", "{w}/forms"], "тека"),
    ("export-year-outside", ["export", "progress-forms", "--year", "2040", "--half", "1", "--db", "{db}",
                             "--out", "{w}/forms"], "поза строком Програми"),
    ("import-missing", ["import", "progress", "{w}/немає.xlsx", "--db", "{db}"], "не знайдено"),
    ("import-folder", ["import", "progress", "{w}", "--db", "{db}"], "тека"),
    ("import-fifo", ["import", "progress", "{w}/pipe.xlsx", "--db", "{db}"], "не звичайний файл"),
    ("import-text", ["import", "progress", "{w}/file.txt", "--db", "{db}"], "не є книгою Excel"),
    ("import-half-without-year", ["import", "progress", "{w}/file.txt", "--db", "{db}", "--half", "1"],
     "і --year, і --half"),
])
def test_the_forms_commands_refuse_bad_invocations_in_ukrainian(db_path, tmp_path, capsys, case, argv, words):
    import hashlib
    import os

    (tmp_path / "file.txt").write_text("не книга", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.xlsx")
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code = cli_main([a.format(db=db_path, w=tmp_path) for a in argv])
    captured = capsys.readouterr()
    assert code != 0 and words in captured.err + captured.out, captured.err + captured.out
    assert "Traceback" not in captured.err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest  # the database untouched
    assert not (tmp_path / "forms").exists()


def test_db_before_the_subcommand(db_path, tmp_path):
    out = tmp_path / "forms"
    assert cli_main(["--db", str(db_path), "export", "progress-forms", "--year", "2026", "--half", "1",
                     "--out", str(out)]) == 0
    assert cli_main(["--db", str(db_path), "import", "progress", *map(str, sorted(out.glob("*.xlsx"))[:1]),
                     "--dry-run"]) == 0
