"""The change journal: written in the change's own transaction, browsed and filtered, never edited."""

import ast
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kr_desktop.db.models import Executor, JournalEntry
from kr_desktop.services import journal_view as jv
from kr_desktop.services import versioning
from kr_desktop.services.access import VIEWER, AccessDenied


def _journal_count(db):
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(JournalEntry))


def _executor(db, offset=0):
    with db.reading() as s:
        return s.scalars(select(Executor).order_by(Executor.id).offset(offset).limit(1)).one()


def test_a_rolled_back_change_leaves_no_journal_rows(db):
    executor = _executor(db)
    count = _journal_count(db)
    with pytest.raises(RuntimeError):
        with versioning.editing(db, "Перейменування", Executor, executor.id, executor.version) as record:
            record.short_name = "Тимчасово"
            raise RuntimeError("збій посеред зміни")
    assert _journal_count(db) == count
    assert _executor(db).short_name == executor.short_name
    versioning.update_fields(db, "Перейменування", Executor, executor.id, executor.version,
                             {"short_name": "Нова коротка назва"})
    assert _journal_count(db) == count + 1


def test_journal_rows_are_flushed_with_the_change_not_after_it(db):
    # Inside the transaction, before commit, the journal row is already there: one transaction.
    executor = _executor(db)
    with db.changing("Перейменування") as s:
        s.get(Executor, executor.id).short_name = "Інша"
        s.flush()
        rows = s.scalars(select(JournalEntry).where(JournalEntry.table_name == "executor")).all()
        assert [(r.record_id, r.label) for r in rows] == [(str(executor.id), "Перейменування")]
        s.rollback()
    assert _journal_count(db) == 1  # only the built-in load


def _make_changes(db):
    first, second = _executor(db, 0), _executor(db, 1)
    db.actor = "ОЛІЙНИК Петро (oliinyk)"
    versioning.update_fields(db, "Зміна назви 1", Executor, first.id, first.version, {"short_name": "A"})
    db.actor = "ГРИЦЕНКО Анна (hrytsenko)"
    versioning.update_fields(db, "Зміна назви 2", Executor, second.id, second.version, {"short_name": "B"})
    versioning.update_fields(db, "Зміна назви 3", Executor, first.id, first.version + 1, {"short_name": "C"})
    return first, second


@pytest.mark.sqlite_only  # names two users by db.actor; on a server the server names them (test_server_roles)
def test_filter_by_user_record_and_date(db):
    first, second = _make_changes(db)
    by_user = jv.page_entries(db, jv.JournalFilter(actor="ГРИЦЕНКО Анна (hrytsenko)"))
    assert [r.label for r in by_user] == ["Зміна назви 3", "Зміна назви 2"]
    by_record = jv.page_entries(db, jv.JournalFilter(table_name="executor", record_id=str(first.id)))
    assert [r.label for r in by_record] == ["Зміна назви 3", "Зміна назви 1"]
    latest = by_record[0]
    changed = {f.name: (f.before, f.after) for f in latest.changed_fields}
    assert changed["short_name"] == ("A", "C") and changed["version"] == (2, 3)
    assert latest.table_label == "Виконавець" and latest.operation_label == "змінено"
    today = dt.date.today()
    assert jv.count_entries(db, jv.JournalFilter(date_from=today, date_to=today, table_name="executor")) == 3
    assert jv.count_entries(db, jv.JournalFilter(date_to=today - dt.timedelta(days=1), table_name="executor")) == 0
    assert "ОЛІЙНИК Петро (oliinyk)" in jv.actors(db) and "executor" in jv.tables(db)


def test_paging_is_done_in_sql(db):
    for number in range(12):
        executor = _executor(db, number)
        versioning.update_fields(db, f"Зміна {number}", Executor, executor.id, executor.version,
                                 {"short_name": f"N{number}"})
    f = jv.JournalFilter(table_name="executor")
    pages = [jv.page_entries(db, f, offset, 5) for offset in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 2]
    ids = [r.id for p in pages for r in p]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 12


def test_only_administrators_browse_the_journal(db):
    db.role = VIEWER
    with pytest.raises(AccessDenied):
        jv.page_entries(db)
    with pytest.raises(AccessDenied):
        jv.count_entries(db)


def test_before_and_after_are_complete_json(db):
    executor = _executor(db)
    versioning.update_fields(db, "Зміна", Executor, executor.id, executor.version, {"name": "Нова назва"})
    row = jv.page_entries(db, jv.JournalFilter(table_name="executor"))[0]
    fields = {f.name: (f.before, f.after) for f in row.fields}
    assert fields["name"] == (executor.name, "Нова назва")
    assert fields["short_name"][0] == fields["short_name"][1]  # unchanged fields are shown too
    with db.reading() as s:
        raw = s.get(JournalEntry, row.id)
    assert json.loads(raw.before)["name"] == executor.name


PACKAGE = Path(__file__).resolve().parent.parent / "kr_desktop"


def test_no_code_edits_or_deletes_journal_rows():
    """Only the journal hook writes journal rows (INSERT); nothing updates or deletes them."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "JournalEntry" not in source and "journal_entry" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                args = " ".join(ast.unparse(a) for a in node.args)
                if name in {"update", "delete"} and ("JournalEntry" in args or "journal_entry" in args):
                    offenders.append(str(path.relative_to(PACKAGE)))
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.upper()
                if ("UPDATE JOURNAL_ENTRY" in text or "DELETE FROM JOURNAL_ENTRY" in text):
                    offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
