"""The database the report tests read: the built-in Program with demo data of a fixed day."""

import datetime as dt
import shutil

from kr_desktop.db.open import open_database
from kr_desktop.services.demo_data import fill_demo

TODAY = dt.date(2026, 12, 6)


def make_demo(builtin_db_file, folder):
    """A copy of the built-in database with 400 demo persons, their awards, events and ten years of
    executors' entries, and twelve honorary citizens (a deceased woman and man among them)."""
    path = folder / "demo.sqlite3"
    shutil.copyfile(builtin_db_file, path)
    db = open_database(path)
    fill_demo(db, 400, seed=1, today=TODAY)
    _honorary_citizens(db)
    return db


def _honorary_citizens(db):
    """The demo has no honorary citizens: twelve, one woman and one man of them deceased."""
    from dataclasses import replace

    from kr_desktop.services import award_types, awards, persons

    title = next(t for t in award_types.list_award_types(db) if t.honorary_title)
    people = persons.search_persons(db, "", 0, 12)
    for number, row in enumerate(people, start=1):
        awards.save_award(db, awards.AwardInput(row.id, title.id, act_number=f"{1400 + number}",
                                                act_date=dt.date(2000 + number, 5, 20)), confirm=True)
    details = [persons.get_person(db, row.id) for row in people]
    for sex in ("ж", "ч"):
        detail = next(d for d in details if d.sex == sex)
        persons.update_person(db, detail.id, replace(detail.as_input(), deceased=True, death_date=dt.date(2020, 3, 1)),
                              detail.version)
