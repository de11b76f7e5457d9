"""The two entry points: ``preview_import`` (everything the import would do, nothing written) and
``import_awards`` (the same, then every row in one transaction with Core bulk inserts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kr_desktop.cancel import checkpoint
from kr_desktop.db.bulk import bulk_insert, journal_json
from kr_desktop.db.engine import Database
from kr_desktop.db.journal import journal_info
from kr_desktop.db.locks import lock_for_writing
from kr_desktop.db.models import Award, IssuedCertificate, JournalEntry, Person
from kr_desktop.domain import award_rules as rules
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.award_import.matching import catalog_of, check_against_register
from kr_desktop.services.award_import.plan import ImportPlan, ImportProblem, ImportRejected
from kr_desktop.services.award_import.validation import validate_rows
from kr_desktop.services.award_import.workbook import read_workbook
from kr_desktop.services.awards import rule_settings
from kr_desktop.services.persons import display_name, person_values
from kr_desktop.text.control_chars import printable


def _read_and_validate(db: Database, path: str | Path) -> ImportPlan:
    """The sheet the user sees, read and checked cell by cell (no register yet)."""
    sheet = read_workbook(path)
    checkpoint()  # the window's «Скасувати» (kr_desktop.cancel): nothing written yet
    plan = validate_rows(sheet.header, sheet.rows, catalog_of(db), first_row=sheet.header_row + 1)
    plan.warnings[:0] = [ImportProblem(0, "", text) for text in sheet.warnings]
    checkpoint()
    return plan


def preview_import(db: Database, path: str | Path) -> ImportPlan:
    """Everything the import would do, and every problem; nothing is written."""
    plan = _read_and_validate(db, path)
    if plan.rows:  # the rows that passed are met with the register even when others did not
        levels, years = rule_settings(db)
        with db.reading() as session:
            check_against_register(session, plan, levels, years)
    return plan


def import_awards(db: Database, path: str | Path, dry_run: bool = False) -> ImportPlan:
    """Import the sheet: all rows in one transaction, or nothing (``ImportRejected`` lists why).

    The register is matched inside the write transaction, after taking the database's write lock
    (kr_desktop.db.locks): two imports of one sheet at once never add its persons twice, and a
    certificate number taken by the other import is a row error, not a database error."""
    require(db, OPERATOR)
    plan = _read_and_validate(db, path)
    if plan.problems:
        raise ImportRejected(plan.problems)
    levels, years = rule_settings(db)
    if dry_run:
        with db.reading() as session:
            check_against_register(session, plan, levels, years)
        if plan.problems:
            raise ImportRejected(plan.problems)
        return plan
    with db.changing(f"Імпорт відзнак з файлу {printable(Path(path).name)}") as session:
        lock_for_writing(session, Person.__table__, IssuedCertificate.__table__)
        check_against_register(session, plan, levels, years)
        if plan.problems:
            raise ImportRejected(plan.problems)  # rolls back: nothing was written
        connection = session.connection()
        info = journal_info(session)
        now = dt.datetime.now().replace(microsecond=0)
        journal: list[dict] = []

        def log(table: str, record_id: int, values: dict) -> None:
            journal.append(dict(changeset=info["changeset"], at=now, actor=info.get("actor", ""),
                                label=info.get("label", ""), operation="insert", table_name=table,
                                record_id=str(record_id), before=None, after=journal_json(values), undo_of=None))

        new_people: dict[tuple, int] = {}
        person_rows, person_keys = [], []
        for r in plan.rows:
            if r.person_id is None and r.person_key not in new_people:
                new_people[r.person_key] = -1
                values = person_values(r.person)
                values.update(deceased=False, version=1)
                person_rows.append(values)
                person_keys.append(r.person_key)
        if person_rows:
            ids = bulk_insert(connection, Person.__table__, person_rows)
            for key, pid, values in zip(person_keys, ids, person_rows):
                new_people[key] = pid
                log("person", pid, values)
        award_rows = []
        for r in plan.rows:
            if r.person_id is None:
                r.person_id = new_people[r.person_key]
            award_rows.append(dict(person_id=r.person_id, award_type_id=r.award_type.id, degree=r.degree,
                                   act_kind=r.act_kind, act_number=r.act_number, act_date=r.act_date,
                                   nominated_by="", nomination_date=None, certificate_number=r.certificate_number,
                                   presented_on=r.presented_on, amount=None, posthumous=False, revoked_act="",
                                   revoked_on=None, revocation_reason="", notes=r.notes, version=1))
        award_ids = bulk_insert(connection, Award.__table__, award_rows)
        ledger = []
        for r, award_id, values in zip(plan.rows, award_ids, award_rows):
            log("award", award_id, values)
            if r.certificate_number:
                ledger.append(dict(award_type_id=r.award_type.id, number=r.certificate_number, award_id=award_id,
                                   sequence=rules.parse_number(r.award_type.pattern, r.certificate_number),
                                   holder=display_name(r.person.surname, r.person.name, r.person.patronymic)))
        if ledger:
            connection.execute(IssuedCertificate.__table__.insert(), ledger)
        # Presented awards take their materials from stock, as an award saved in the window does.
        from kr_desktop.db.models import StockMovement
        from kr_desktop.services.stock import issue_rows_for_awards

        issues = issue_rows_for_awards(session, [(award_id, r.award_type.id, r.degree, r.presented_on)
                                                 for r, award_id in zip(plan.rows, award_ids)])
        if issues:
            for movement_id, values in zip(bulk_insert(connection, StockMovement.__table__, issues), issues):
                log("stock_movement", movement_id, values)
        if journal:
            connection.execute(JournalEntry.__table__.insert(), journal)
        checkpoint()  # cancelled now: the transaction rolls back, no row stays
    return plan
