"""`kr-desktop demo`: fictional, marked, deterministic demo data that keeps the register's rules."""

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select

from kr_desktop.cli import main
from kr_desktop.db.models import Award, AwardType, IssuedCertificate, Person, ProgressEntry, ReportingPeriod
from kr_desktop.db.open import open_database
from kr_desktop.services import awards, persons
from kr_desktop.services.demo_data import DEMO_MARK, DEMO_REPORTER, demo_periods, fill_demo
from kr_desktop.text.ukrainian import search_key, sort_key

TODAY = dt.date(2026, 11, 30)


def _people(db):
    with db.reading() as s:
        return s.execute(select(Person.surname, Person.name, Person.patronymic, Person.sex, Person.birth_date,
                                Person.notes, Person.sort_key, Person.name_key).order_by(Person.id)).all()


def test_demo_persons_are_fictional_marked_and_keyed_like_the_services(db):
    summary = fill_demo(db, 400, seed=11, today=TODAY)
    assert summary.persons == 400
    people = _people(db)
    assert len(people) == 400 and all(p.notes.startswith(DEMO_MARK) for p in people)
    text = " ".join(f"{p.surname} {p.name} {p.patronymic}" for p in people)
    for letter in "ҐЄІЇ":
        assert letter in text
    assert "’" in text and ("'" in text or "ʼ" in text)  # the apostrophe typed in more than one way
    for p in people:
        assert p.sort_key == sort_key(p.surname, p.name, p.patronymic)
        assert p.name_key == search_key(f"{p.surname} {p.name} {p.patronymic}")
        assert p.sex == ("ж" if p.patronymic.endswith("івна") or p.patronymic.endswith("ївна")
                         or p.patronymic.endswith("ічна") else "ч")
    # the register finds them like any person: case and apostrophe form do not matter
    someone = next(p for p in people if "’" in p.surname or "'" in p.surname or "ʼ" in p.surname)
    typed = someone.surname.upper().replace("’", "ʼ").replace("'", "ʼ")
    found = persons.search_persons(db, typed, limit=1000)
    assert any(r.surname == someone.surname for r in found)


def test_demo_awards_keep_the_rules_and_the_certificate_ledger(db):
    summary = fill_demo(db, 600, seed=5, today=TODAY)
    assert 1.3 <= summary.awards / summary.persons <= 1.7  # about 1.5 each
    with db.reading() as s:
        rows = s.execute(select(Award.person_id, Award.award_type_id, Award.degree, Award.act_date,
                                Award.presented_on, Award.certificate_number, Award.notes, AwardType.degrees,
                                AwardType.issues_certificate).join(AwardType)).all()
        ledger = s.execute(select(IssuedCertificate.award_type_id, IssuedCertificate.number,
                                  IssuedCertificate.award_id, IssuedCertificate.sequence)).all()
    assert len(rows) == summary.awards and all(r.notes.startswith(DEMO_MARK) for r in rows)
    held = defaultdict(list)
    for r in rows:
        assert (r.degree is None) == (r.degrees == 0)
        assert r.presented_on is None or r.presented_on >= r.act_date
        assert (r.certificate_number is not None) == r.issues_certificate
        held[(r.person_id, r.award_type_id)].append((r.act_date, r.degree))
    for (_person, _type), items in held.items():
        items.sort()
        for (earlier, d1), (later, d2) in zip(items, items[1:]):
            assert (later - earlier).days >= 2 * 365  # the minimum interval of the same award
            if d1 is not None:
                assert d2 == d1 - 1  # ІІІ → ІІ → І, never the same degree twice
        if items[0][1] is not None:
            assert items[0][1] == 3  # a badge starts with ІІІ ступінь
    numbered = [r for r in rows if r.certificate_number]
    assert len(ledger) == len(numbered) == summary.certificates > 0
    assert len({(t, n) for t, n, _a, _s in ledger}) == len(ledger)  # unique, entered in the ledger
    assert all(a is not None and s is not None for _t, _n, a, s in ledger)
    # the next number the window proposes is above every demo number
    badge = next(t for t, _n, _a, _s in ledger)
    proposed = awards.next_certificate_number(db, badge)
    assert int(proposed) == max(s for t, _n, _a, s in ledger if t == badge) + 1


def test_demo_progress_entries_cover_ten_years_of_half_years(db):
    summary = fill_demo(db, 0, seed=1, today=TODAY)
    periods = demo_periods(TODAY)
    assert periods[0] == (2017, 1) and periods[-1] == (2026, 1) and len(periods) == 19
    with db.reading() as s:
        stored = set(s.execute(select(ReportingPeriod.year, ReportingPeriod.half)).all())
        entries = s.scalar(select(func.count()).select_from(ProgressEntry))
        reporters = set(s.scalars(select(ProgressEntry.reported_by)))
    assert set(periods) <= stored and entries == summary.progress_entries > 0 and reporters == {DEMO_REPORTER}
    assert fill_demo(db, 0, seed=1, today=TODAY).progress_entries == 0  # never twice for the same period


def test_the_same_seed_gives_the_same_data(tmp_path):
    first, second, other = (open_database(tmp_path / f"{name}.sqlite3") for name in ("a", "b", "c"))
    for database, seed in ((first, 7), (second, 7), (other, 8)):
        fill_demo(database, 150, seed=seed, today=TODAY)
    assert _people(first) == _people(second) != _people(other)
    for database in (first, second, other):
        database.dispose()


def test_demo_command_creates_the_database_and_reports_in_ukrainian(tmp_path, capsys):
    path = tmp_path / "new"
    path.mkdir()
    target = path / "demo.sqlite3"
    assert main(["demo", "--db", str(target), "--persons", "50", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "осіб — 50" in out and "ДЕМО" in out and "заходів — " in out
    db = open_database(target, create=False)
    try:
        assert persons.count_persons(db) == 50
    finally:
        db.dispose()


def test_demo_command_never_mixes_invented_records_into_a_working_register(tmp_path, capsys):
    target = tmp_path / "work.sqlite3"
    assert main(["demo", "--db", str(target), "--persons", "20"]) == 0  # a demo file takes more demo data
    assert main(["demo", "--db", str(target), "--persons", "5", "--seed", "2"]) == 0
    db = open_database(target, create=False)
    try:
        persons.create_person(db, persons.PersonInput("Гордій", "Іван", "Петрович"))
    finally:
        db.dispose()
    before = target.read_bytes()
    capsys.readouterr()
    assert main(["demo", "--db", str(target), "--persons", "5"]) == 2
    err = capsys.readouterr().err
    assert "справжні записи" in err and "(осіб, відзнак і звітів — 1)" in err and "Нічого не записано" in err
    assert target.read_bytes() == before
    db = open_database(target, create=False)
    try:
        assert persons.count_persons(db) == 26
    finally:
        db.dispose()


def test_demo_command_refuses_a_bad_count(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--persons", "багато"])
    assert exit_info.value.code == 2 and "не ціле число" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


def test_demo_ceremonies_present_awards_in_order_to_invited_holders(db):
    from kr_desktop.services import events

    summary = fill_demo(db, 800, seed=9, today=TODAY)
    rows = events.list_events(db, dt.date(2017, 1, 1), TODAY, limit=None)
    assert len(rows) == summary.events == 39  # four a year for ten years, none after today
    assert all(r.kind == "ceremony" for r in rows)
    with_awards = 0
    for row in rows:
        detail = events.get_event(db, row.id)
        assert detail.notes.startswith(DEMO_MARK)
        month = ("", "", "", "березень", "", "", "червень", "", "", "вересень", "", "", "грудень")[detail.event_date.month]
        assert row.title == f"Урочисте вручення відзнак міста ({month} {detail.event_date.year})"  # the month named
        given = events.presented_awards(db, row.id)
        assert [g.position for g in given] == list(range(1, len(given) + 1))
        holders = {awards.get_award(db, g.award_id).person_id for g in given}
        invited = events.invitees(db, row.id)
        assert holders == {i.person_id for i in invited}
        for g in given:
            presented = awards.get_award(db, g.award_id).presented_on
            assert detail.event_date - dt.timedelta(days=92) < presented <= detail.event_date
        with_awards += bool(given)
    assert with_awards >= 30
