"""Demo data: fictional persons with awards, award ceremonies, and years of executors' reports
for the Program.

For trying the window and for the benchmark (bench/). Every name is invented from Ukrainian name
parts; every demo person and award has «ДЕМО» in its notes and every demo progress entry is
reported by «ДЕМО», so demo data is never taken for real records. The same seed on the same
database gives the same data.

Speed: everything is one transaction of Core executemany inserts (no ORM objects), with the
derived columns (sort and search keys, certificate sequences) computed by the same functions the
services use, and every inserted row journaled like the XLSX import does.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from kr_desktop.cancel import checkpoint
from kr_desktop.db.engine import Database
from kr_desktop.db.bulk import bulk_insert, journal_json
from kr_desktop.db.journal import journal_info
from kr_desktop.db.models import (Award, AwardType, Direction, IssuedCertificate, JournalEntry, Measure, Person,
                                  PlannedFunding, ProgressAmount, ProgressEntry, ReportingPeriod, Stage,
                                  measure_executor)
from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.progress import Status
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.persons import PersonInput, display_name, person_values

DEMO_MARK = "ДЕМО"
DEMO_REPORTER = "ДЕМО (вигадані дані)"
YEARS = 10  # of half-year reports, up to the last ended half-year

# Surnames: (male, female). Ґ, Є, І, Ї and apostrophes appear on purpose.
SURNAMES = [
    ("Іваненко", "Іваненко"), ("Петренко", "Петренко"), ("Коваленко", "Коваленко"), ("Шевченко", "Шевченко"),
    ("Бондаренко", "Бондаренко"), ("Ткаченко", "Ткаченко"), ("Кравченко", "Кравченко"), ("Олійник", "Олійник"),
    ("Шевчук", "Шевчук"), ("Поліщук", "Поліщук"), ("Мельник", "Мельник"), ("Лисенко", "Лисенко"),
    ("Ґудзь", "Ґудзь"), ("Ґалаґан", "Ґалаґан"), ("Ґонта", "Ґонта"), ("Єременко", "Єременко"), ("Єрмак", "Єрмак"),
    ("Євтушенко", "Євтушенко"), ("Їжак", "Їжак"), ("Їжакевич", "Їжакевич"), ("Ігнатенко", "Ігнатенко"),
    ("Ільченко", "Ільченко"), ("Дем’яненко", "Дем’яненко"), ("П’ятничук", "П’ятничук"), ("Мар’яненко", "Мар’яненко"),
    ("В’юненко", "В’юненко"), ("Соломка", "Соломка"), ("Гребенюк", "Гребенюк"),
    ("Юрченко", "Юрченко"), ("Яковенко", "Яковенко"), ("Зінченко", "Зінченко"), ("Руденко", "Руденко"),
    ("Савчук", "Савчук"), ("Климчук", "Климчук"), ("Гончар", "Гончар"), ("Костюк", "Костюк"),
    ("Тимошенко", "Тимошенко"), ("Карпенко", "Карпенко"), ("Марченко", "Марченко"), ("Власюк", "Власюк"),
    ("Левченко", "Левченко"), ("Заїка", "Заїка"), ("Куліш", "Куліш"), ("Чорновіл", "Чорновіл"),
    ("Стельмах", "Стельмах"), ("Остапчук", "Остапчук"), ("Приходько", "Приходько"), ("Федоренко", "Федоренко"),
    ("Ковальський", "Ковальська"), ("Вишневський", "Вишневська"), ("Загорський", "Загорська"),
    ("Петровський", "Петровська"), ("Білецький", "Білецька"), ("Яворський", "Яворська"),
    ("Соколов", "Соколова"), ("Гришин", "Гришина"), ("Іллін", "Ілліна"), ("Зуєв", "Зуєва"),
    ("Сердюк", "Сердюк"), ("Ящук", "Ящук"), ("Огієнко", "Огієнко"), ("Андрієнко", "Андрієнко"),
    ("Лук’янчук", "Лук’янчук"), ("Прокоп’юк", "Прокоп’юк"), ("Підгірний", "Підгірна"), ("Гнатюк", "Гнатюк"),
]

MALE_NAMES = ["Олександр", "Іван", "Андрій", "Юрій", "Ігор", "Євген", "Григорій", "Дем’ян", "Валентин", "Богдан",
              "Тарас", "Остап", "Назар", "Ярослав", "Святослав", "Микола", "Сергій", "Василь", "Петро", "Олег",
              "Віталій", "Ілля", "Єгор", "Ґедеон", "Максим", "Роман", "Степан", "Володимир", "Анатолій", "Віктор"]
FEMALE_NAMES = ["Олена", "Ірина", "Марія", "Мар’яна", "Ольга", "Євгенія", "Інна", "Іванна", "Оксана", "Наталія",
                "Людмила", "Тетяна", "Галина", "Софія", "Христина", "Анастасія", "Дар’я", "Юлія", "Катерина",
                "Світлана", "Лариса", "Надія", "Віра", "Любов", "Зоя", "Ївга", "Ізабела", "Валентина", "Алла", "Ніна"]
# Fathers' names: (male patronymic, female patronymic).
PATRONYMICS = [
    ("Олександрович", "Олександрівна"), ("Іванович", "Іванівна"), ("Андрійович", "Андріївна"),
    ("Юрійович", "Юріївна"), ("Ігорович", "Ігорівна"), ("Євгенович", "Євгенівна"), ("Григорович", "Григорівна"),
    ("Дем’янович", "Дем’янівна"), ("Валентинович", "Валентинівна"), ("Богданович", "Богданівна"),
    ("Тарасович", "Тарасівна"), ("Миколайович", "Миколаївна"), ("Сергійович", "Сергіївна"),
    ("Васильович", "Василівна"), ("Петрович", "Петрівна"), ("Олегович", "Олегівна"), ("Віталійович", "Віталіївна"),
    ("Ілліч", "Іллівна"), ("Степанович", "Степанівна"), ("Володимирович", "Володимирівна"),
    ("Анатолійович", "Анатоліївна"), ("Вікторович", "Вікторівна"), ("Гнатович", "Гнатівна"),
    ("Лук’янович", "Лук’янівна"), ("Ґедеонович", "Ґедеонівна"),
]
WORKPLACES = ["ПАТ «АрселорМіттал Кривий Ріг»", "КЗ «Криворізька загальноосвітня школа №17»",
              "КНП «Криворізька міська лікарня №2»", "виконавчий комітет Криворізької міської ради",
              "КП «Кривбасводоканал»", "Криворізький національний університет", "ТОВ «Ґранд-Буд»",
              "управління освіти і науки виконкому міської ради", "КЗК «Криворізький міський театр ляльок»",
              "ГО «Спілка ветеранів Кривбасу»", "ПрАТ «ІнГЗК»", "КП «Швидкісний трамвай»",
              "виконком Покровської районної в місті ради", "ДП «Кривбасшахтозакриття»"]
POSITIONS = ["директор", "головний інженер", "учитель", "лікар-хірург", "машиніст екскаватора", "бухгалтер",
             "начальник відділу", "заступник директора", "завідувач кафедри", "актор", "водій трамвая",
             "гірничий майстер", "медична сестра", "голова правління", "електрозварник", "провідний спеціаліст"]
NARRATIVES = ["Проведено заходи відповідно до плану.", "Підготовлено та розміщено інформаційні матеріали.",
              "Організовано навчання посадових осіб місцевого самоврядування.",
              "Забезпечено висвітлення діяльності виконкому в ЗМІ.", "Роботу продовжено в наступному півріччі."]
APOSTROPHE_FORMS = ("\u2019", "'", "\u02bc")  # how people type it: kept as typed, folded by the keys


@dataclass(frozen=True)
class DemoSummary:
    persons: int
    awards: int
    certificates: int
    progress_entries: int
    periods: int
    events: int = 0


def _spell(text: str, rng: random.Random) -> str:
    """Names keep the typographic apostrophe mostly, sometimes the other two forms."""
    if "\u2019" not in text:
        return text
    roll = rng.random()
    return text.replace("\u2019", APOSTROPHE_FORMS[0 if roll < 0.8 else 1 if roll < 0.9 else 2])


def invent_person(rng: random.Random, today: dt.date) -> PersonInput:
    female = rng.random() < 0.5
    surname = rng.choice(SURNAMES)[1 if female else 0]
    name = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    patronymic = rng.choice(PATRONYMICS)[1 if female else 0]
    born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(60 * 365))
    deceased = rng.random() < 0.03
    died = born + dt.timedelta(days=rng.randrange(max(1, (today - born).days - 30 * 365)) + 30 * 365) \
        if deceased else None
    if died is not None and died > today:
        died = today
    return PersonInput(surname=_spell(surname, rng), name=_spell(name, rng), patronymic=_spell(patronymic, rng),
                       sex="ж" if female else "ч", birth_date=born, workplace=rng.choice(WORKPLACES),
                       position=rng.choice(POSITIONS), contacts="", notes=f"{DEMO_MARK}: вигадана особа",
                       deceased=deceased, death_date=died)


def _plan_awards(rng: random.Random, types: list, person: PersonInput, today: dt.date) -> list[tuple]:
    """1 or 2 awards (1.5 on average) that keep the rules: degrees ІІІ → ІІ, two years apart,
    presented after the act, posthumous only after death."""
    count = 1 + (rng.random() < 0.5)
    # a deceased person's awards are given in life, or now and then posthumously
    last = person.death_date if person.death_date and rng.random() < 0.8 else today
    start = max(dt.date(1995, 1, 1), person.birth_date.replace(day=1) + dt.timedelta(days=25 * 365))
    end = last - dt.timedelta(days=(count - 1) * 3 * 365 + 30)
    if start >= end:
        start = end - dt.timedelta(days=365)
    act_date = start + dt.timedelta(days=rng.randrange((end - start).days))
    plan = []
    kind = rng.choice(types)
    for i in range(count):
        if i and rng.random() < 0.5:
            kind = rng.choice(types)  # another award, or (else) the next step of the same one
        degree = None
        if kind.degrees:
            held = [d for t, d, _ in plan if t is kind]
            degree = (min(held) - 1) if held else kind.degrees
            if degree < 1:
                break
        plan.append((kind, degree, act_date))
        act_date = act_date + dt.timedelta(days=2 * 366 + rng.randrange(365))
        if act_date > last:
            break
    return plan


def real_records(db: Database) -> int:
    """How many persons, awards and executors' reports are not demo data. A database that holds
    any is someone's working register: invented records must never be mixed into it."""
    marked = f"{DEMO_MARK}%"
    with db.reading() as session:
        persons = session.scalar(select(func.count()).select_from(Person).where(~Person.notes.like(marked)))
        awards = session.scalar(select(func.count()).select_from(Award).where(~Award.notes.like(marked)))
        reports = session.scalar(select(func.count()).select_from(ProgressEntry)
                                 .where(ProgressEntry.reported_by != DEMO_REPORTER))
    return persons + awards + reports


def fill_demo(db: Database, persons: int, seed: int = 1, today: dt.date | None = None) -> DemoSummary:
    """Add ``persons`` fictional persons with awards, and ten years of progress entries for every
    measure that has none for those periods. One transaction: all of it or nothing."""
    require(db, OPERATOR)
    today = today or dt.date.today()
    rng = random.Random(seed)
    step = checkpoint  # progress, and «Скасувати» when run as a window job (rolls everything back)

    with db.changing(f"Демонстраційні дані: осіб — {persons}") as session:
        connection = session.connection()
        info = journal_info(session)
        now = dt.datetime.now().replace(microsecond=0)
        journal: list[dict] = []

        def log(table: str, ids: list[int], rows: list[dict]) -> None:
            journal.extend(dict(changeset=info["changeset"], at=now, actor=info.get("actor", ""),
                                label=info.get("label", ""), operation="insert", table_name=table,
                                record_id=str(i), before=None, after=journal_json(values), undo_of=None)
                           for i, values in zip(ids, rows))

        types = [t for t in session.scalars(select(AwardType).order_by(AwardType.position))
                 if not t.honorary_title]
        sequences = {t.id: (session.scalar(select(func.max(IssuedCertificate.sequence))
                                           .where(IssuedCertificate.award_type_id == t.id)) or 0)
                     for t in types if t.issues_certificate}
        taken = {(t, n) for t, n in session.execute(select(IssuedCertificate.award_type_id,
                                                           IssuedCertificate.number))}
        step(0, 4)
        people, person_rows = [], []
        for _ in range(persons):
            person = invent_person(rng, today)
            people.append(person)
            values = person_values(person)
            values["version"] = 1
            person_rows.append(values)
        step(1, 4)
        person_ids = bulk_insert(connection, Person.__table__, person_rows) if person_rows else []
        log("person", person_ids, person_rows)
        award_rows, holders = [], []
        for person_id, person in zip(person_ids, people):
            for kind, degree, act_date in _plan_awards(rng, types, person, today):
                presented = act_date + dt.timedelta(days=rng.randrange(5, 60))
                posthumous = bool(person.death_date and act_date > person.death_date)
                number = None
                if kind.issues_certificate:
                    while True:
                        sequences[kind.id] += 1
                        number = rules.format_number(kind.number_pattern, sequences[kind.id], act_date.year)
                        if (kind.id, number) not in taken:
                            break
                    taken.add((kind.id, number))
                award_rows.append(dict(
                    person_id=person_id, award_type_id=kind.id, degree=degree, act_kind=kind.act_kind,
                    act_number=str(rng.randrange(1, 3000)), act_date=act_date, nominated_by=person.workplace,
                    nomination_date=act_date - dt.timedelta(days=rng.randrange(14, 90)), certificate_number=number,
                    presented_on=presented if presented <= today else None, amount=None, posthumous=posthumous,
                    revoked_act="", revoked_on=None, revocation_reason="", notes=f"{DEMO_MARK}: вигадана відзнака",
                    version=1))
                holders.append((kind, person))
        step(2, 4)
        award_ids = bulk_insert(connection, Award.__table__, award_rows) if award_rows else []
        # Money columns go through the Money type only in ORM/typed statements: amount is None here.
        log("award", award_ids, award_rows)
        ledger = [dict(award_type_id=kind.id, number=row["certificate_number"], award_id=award_id,
                       sequence=rules.parse_number(kind.number_pattern, row["certificate_number"]),
                       holder=display_name(person.surname, person.name, person.patronymic))
                  for (kind, person), award_id, row in zip(holders, award_ids, award_rows)
                  if row["certificate_number"]]
        if ledger:
            ledger_ids = bulk_insert(connection, IssuedCertificate.__table__, ledger)
            log("issued_certificate", ledger_ids, ledger)
        step(3, 4)
        events = _fill_events(connection, rng, today, award_ids, award_rows, log)
        entries, periods = _fill_progress(session, connection, rng, today, log)
        if journal:
            connection.execute(JournalEntry.__table__.insert(), journal)
        step(4, 4)
    return DemoSummary(len(person_ids), len(award_ids), len(ledger), entries, periods, events)


EVENT_MONTHS = {3: "березень", 6: "червень", 9: "вересень", 12: "грудень"}  # a title names the month: «(березень 2026)»
EVENT_PLACES = ["Виконком міської ради, зала засідань", "Криворізький міський палац культури",
                "КЗК «Криворізький міський театр ляльок»", "Криворізький національний університет"]
AWARDS_PER_EVENT = 60  # presented at the ceremony, in order; their holders invited


def _fill_events(connection, rng: random.Random, today: dt.date, award_ids: list[int], award_rows: list[dict],
                 log) -> int:
    """A quarterly awards ceremony in each of the ten years up to today, with awards presented in
    that quarter (in order) and their holders invited."""
    from kr_desktop.db.models import Event, EventAward, EventInvitee

    dates = [dt.date(year, month, 20) for year in range(today.year - YEARS + 1, today.year + 1)
             for month in EVENT_MONTHS if dt.date(year, month, 20) <= today]
    if not dates:
        return 0
    rows = [dict(title=f"Урочисте вручення відзнак міста ({EVENT_MONTHS[d.month]} {d.year})", kind="ceremony",
                 event_date=d, start_time=rng.choice(("10:00", "11:00", "15:00")), place=rng.choice(EVENT_PLACES),
                 executor_id=None, measure_id=None, recurring_date_id=None, programme="Вручення відзнак",
                 notes=f"{DEMO_MARK}: вигаданий захід", version=1) for d in dates]
    event_ids = bulk_insert(connection, Event.__table__, rows)
    log("event", event_ids, rows)
    by_event: dict[int, list[tuple[int, int]]] = {}
    for award_id, award in zip(award_ids, award_rows):
        presented = award["presented_on"]
        if presented is None or presented < dates[0] - dt.timedelta(days=91):
            continue
        at = next((i for i, d in enumerate(dates) if d >= presented), None)
        if at is not None and len(by_event.setdefault(at, [])) < AWARDS_PER_EVENT:
            by_event[at].append((award_id, award["person_id"]))
    presented_rows, invitee_rows = [], []
    for at, items in sorted(by_event.items()):
        people = []
        for position, (award_id, person_id) in enumerate(items, start=1):
            presented_rows.append(dict(event_id=event_ids[at], award_id=award_id, position=position))
            if person_id not in people:
                people.append(person_id)
        attended = dates[at] < today
        invitee_rows += [dict(event_id=event_ids[at], person_id=pid, attended=attended or None, note="")
                         for pid in people]
    for table, values in ((EventAward.__table__, presented_rows), (EventInvitee.__table__, invitee_rows)):
        if values:
            log(table.name, bulk_insert(connection, table, values), values)
    return len(event_ids)


def demo_periods(today: dt.date, years: int = YEARS) -> list[tuple[int, int]]:
    """The half-years of the ten years up to ``today``'s that have ended by ``today``."""
    periods = [(year, half) for year in range(today.year - years + 1, today.year + 1) for half in (1, 2)]
    return [(year, half) for year, half in periods
            if (dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)) < today]


def _fill_progress(session, connection, rng: random.Random, today: dt.date, log) -> tuple[int, int]:
    stages = list(session.execute(select(Stage.id, Stage.start_year, Stage.end_year)))
    measures_by_stage: dict[int, list[int]] = {}
    for measure_id, stage_id in session.execute(select(Measure.id, Direction.stage_id).join(Direction)
                                                .order_by(Direction.number, Measure.position)):
        measures_by_stage.setdefault(stage_id, []).append(measure_id)
    executors_of: dict[int, list[int | None]] = {}  # each co-executor reports its own part
    for measure_id, executor_id in session.execute(select(measure_executor.c.measure_id, measure_executor.c.executor_id)
                                                   .order_by(measure_executor.c.measure_id, measure_executor.c.position)):
        executors_of.setdefault(measure_id, []).append(executor_id)
    plans: dict[tuple[int, int], dict[int, Decimal]] = {}
    for measure_id, year, source_id, amount in session.execute(
            select(PlannedFunding.measure_id, PlannedFunding.year, PlannedFunding.source_id, PlannedFunding.amount)
            .where(PlannedFunding.measure_id.is_not(None))):
        plans.setdefault((measure_id, year), {})[source_id] = amount
    existing_periods = {(y, h): pid for pid, y, h in session.execute(
        select(ReportingPeriod.id, ReportingPeriod.year, ReportingPeriod.half))}
    reported = set(session.execute(select(ProgressEntry.measure_id, ProgressEntry.period_id,
                                          ProgressEntry.executor_id)).all())
    statuses = [Status.DONE, Status.IN_PROGRESS, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_DONE,
                Status.POSTPONED]
    entry_rows, amounts_per_entry, new_periods = [], [], 0
    for year, half in demo_periods(today):
        stage = next((s for s in stages if s[1] <= year <= s[2]), None)
        if stage is None:
            continue
        period_id = existing_periods.get((year, half))
        if period_id is None:
            period_id = bulk_insert(connection, ReportingPeriod.__table__, [dict(year=year, half=half)])[0]
            log("reporting_period", [period_id], [dict(year=year, half=half)])
            existing_periods[(year, half)] = period_id
            new_periods += 1
        received = dt.date(year, 7, 5) if half == 1 else dt.date(year + 1, 1, 8)
        for measure_id in measures_by_stage.get(stage[0], []):
            owners = executors_of.get(measure_id) or [None]
            for executor_id in owners:
                if (measure_id, period_id, executor_id) in reported:
                    continue
                status = rng.choice(statuses) if half == 1 else rng.choice(statuses[:1] * 3 + statuses[1:])
                share = Decimal(rng.randrange(30, 60) if half == 1 else rng.randrange(70, 101)) / 100 / len(owners)
                amounts = {source: (plan * share).quantize(Decimal("0.01"))
                           for source, plan in plans.get((measure_id, year), {}).items() if plan}
                entry_rows.append(dict(measure_id=measure_id, period_id=period_id, executor_id=executor_id,
                                       status=status.value, narrative=rng.choice(NARRATIVES),
                                       reasons="Недостатнє фінансування." if status == Status.NOT_DONE else "",
                                       received_on=received, reported_by=DEMO_REPORTER, version=1))
                amounts_per_entry.append(amounts)
    if not entry_rows:
        return 0, new_periods
    entry_ids = bulk_insert(connection, ProgressEntry.__table__, entry_rows)
    log("progress_entry", entry_ids, entry_rows)
    amount_rows = [dict(entry_id=entry_id, source_id=source_id, amount=amount)
                   for entry_id, amounts in zip(entry_ids, amounts_per_entry) for source_id, amount in amounts.items()]
    if amount_rows:
        # through the mapped table so the Money type stores kopecks
        ids = bulk_insert(connection, ProgressAmount.__table__, amount_rows)
        log("progress_amount", ids, amount_rows)
    return len(entry_ids), new_periods
