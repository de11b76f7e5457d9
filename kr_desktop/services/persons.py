"""Persons of the awards register: entering, duplicates, search and paging in SQL, photos."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from sqlalchemy import Boolean, String, and_, bindparam, func, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, HonoraryBookEntry, Person
from kr_desktop.db.search_index import FTS_TABLE, MIN_INDEXED
from kr_desktop.domain.input_checks import date_value, name_problem, text_value
from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services.access import OPERATOR, require
from kr_desktop.services.versioning import load_checked, stale_is_conflict
from kr_desktop.text.ukrainian import search_key, sort_key

MAX_PHOTO_BYTES = 2_000_000  # the window scales photos down before saving (about 100–300 KB)
SEX_LABELS = {"ч": "чоловіча", "ж": "жіноча"}
FIELD_LABELS = {"surname": "Прізвище", "name": "Ім’я", "patronymic": "По батькові", "sex": "Стать",
                "birth_date": "Дата народження", "workplace": "Місце роботи", "position": "Посада",
                "contacts": "Контакти", "notes": "Примітка", "deceased": "Помер(ла)", "death_date": "Дата смерті",
                "photo": "Фото"}
KEEP_PHOTO = object()  # update_person: leave the photo as it is


@dataclass(frozen=True)
class PersonInput:
    surname: str
    name: str = ""
    patronymic: str = ""
    sex: str | None = None  # "ч" / "ж"
    birth_date: dt.date | None = None
    workplace: str = ""
    position: str = ""
    contacts: str = ""
    notes: str = ""
    deceased: bool = False
    death_date: dt.date | None = None


@dataclass(frozen=True)
class PersonRow:
    id: int
    surname: str
    name: str
    patronymic: str
    birth_date: dt.date | None
    workplace: str
    position: str
    deceased: bool
    death_date: dt.date | None

    @property
    def display_name(self) -> str:
        """«ПРІЗВИЩЕ Ім'я По батькові»."""
        return display_name(self.surname, self.name, self.patronymic)


@dataclass(frozen=True)
class PersonDetail(PersonRow):
    sex: str | None
    contacts: str
    notes: str
    has_photo: bool
    version: int

    def as_input(self) -> PersonInput:
        return PersonInput(**{f.name: getattr(self, f.name) for f in fields(PersonInput)})


class DuplicatePersonError(UserError):
    """The person seems to be in the register already; ``existing`` lists the candidates."""

    def __init__(self, existing: list[PersonRow]):
        names = "; ".join(_describe(p) for p in existing)
        super().__init__(f"Така особа вже є в реєстрі: {names}. Відкрийте наявний запис.")
        self.existing = existing


def display_name(surname: str, name: str = "", patronymic: str = "") -> str:
    return " ".join(filter(None, ((surname or "").upper(), name, patronymic)))


def full_name_key(surname: str, name: str = "", patronymic: str = "") -> str:
    return search_key(f"{surname} {name} {patronymic}")


def _describe(p: PersonRow) -> str:
    born = f", народж. {p.birth_date:%d.%m.%Y}" if p.birth_date else ""
    return f"{p.display_name}{born}"


TEXT_LIMITS = {"workplace": ("Місце роботи", 2000), "position": ("Посада", 2000), "contacts": ("Контакти", 2000),
               "notes": ("Примітка", 20000)}


def _clean(data: PersonInput) -> PersonInput:
    names = {}
    for key, label in (("surname", "Прізвище"), ("name", "Ім’я"), ("patronymic", "По батькові")):
        names[key] = " ".join(text_value(getattr(data, key), label, key, 10_000).split())
    texts = {key: text_value(getattr(data, key), label, key, limit, multiline=key == "notes").strip()
             for key, (label, limit) in TEXT_LIMITS.items()}
    cleaned = replace(data, **names, **texts, birth_date=date_value(data.birth_date, "Дата народження", "birth_date"),
                      death_date=date_value(data.death_date, "Дата смерті", "death_date"),
                      deceased=bool(data.deceased) if isinstance(data.deceased, (bool, int)) else data.deceased)
    if not isinstance(cleaned.deceased, bool):
        raise ValidationError("Помер(ла): так або ні.", field="deceased")
    if not cleaned.surname:
        raise ValidationError("Вкажіть прізвище.", field="surname")
    for name, label in (("surname", "Прізвище"), ("name", "Ім’я"), ("patronymic", "По батькові")):
        value = getattr(cleaned, name)
        if len(value) > 120:
            raise ValidationError(f"{label}: не довше 120 знаків.", field=name)
        problem = name_problem(value)
        if problem:
            raise ValidationError(f"{label}: {problem}.", field=name)
    if not (cleaned.sex is None or (isinstance(cleaned.sex, str) and cleaned.sex in ("ч", "ж"))):
        raise ValidationError("Стать: «ч» або «ж».", field="sex")
    today = dt.date.today()
    if cleaned.birth_date and not (dt.date(1880, 1, 1) <= cleaned.birth_date <= today):
        raise ValidationError("Дата народження поза можливими межами.", field="birth_date")
    if cleaned.death_date:
        if not cleaned.deceased:
            cleaned = replace(cleaned, deceased=True)
        if cleaned.birth_date and cleaned.death_date < cleaned.birth_date:
            raise ValidationError("Дата смерті раніша за дату народження.", field="death_date")
        if cleaned.death_date > today:
            raise ValidationError("Дата смерті не може бути в майбутньому.", field="death_date")
    return cleaned


def person_values(data: PersonInput) -> dict:
    """Column values of a person (derived keys included), for the ORM and for bulk inserts."""
    values = {f.name: getattr(data, f.name) for f in fields(PersonInput)}
    values["sort_key"] = sort_key(data.surname, data.name, data.patronymic)
    values["name_key"] = full_name_key(data.surname, data.name, data.patronymic)
    return values


_ROW_COLUMNS = (Person.id, Person.surname, Person.name, Person.patronymic, Person.birth_date, Person.workplace,
                Person.position, Person.deceased, Person.death_date)


def _row(r) -> PersonRow:
    return PersonRow(*r)


def _duplicates(session: Session, data: PersonInput, exclude_id: int | None) -> list[PersonRow]:
    key = full_name_key(data.surname, data.name, data.patronymic)
    query = select(*_ROW_COLUMNS).where(Person.name_key == key)
    if data.birth_date:
        query = query.where((Person.birth_date == data.birth_date) | Person.birth_date.is_(None))
    if exclude_id:
        query = query.where(Person.id != exclude_id)
    return [_row(r) for r in session.execute(query.order_by(Person.id))]


def find_duplicates(db: Database, data: PersonInput, exclude_id: int | None = None) -> list[PersonRow]:
    """Persons who may be the same: the same name (case and apostrophe ignored) and the same date of
    birth when both are known."""
    data = _clean(data)
    with db.reading() as session:
        return _duplicates(session, data, exclude_id)


def _check_photo(photo) -> None:
    if photo is not None and photo is not KEEP_PHOTO and len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError("Фото завелике: зменште його до 2 МБ.", field="photo")


def create_person(db: Database, data: PersonInput, allow_duplicate: bool = False, photo: bytes | None = None) -> int:
    """A new person (with the photo, if any, in the same change)."""
    require(db, OPERATOR)
    data = _clean(data)
    _check_photo(photo)
    with db.changing(f"Нова особа: {display_name(data.surname, data.name, data.patronymic)}") as session:
        if not allow_duplicate:
            existing = _duplicates(session, data, None)
            if existing:
                raise DuplicatePersonError(existing)
        person = Person(**person_values(data), photo=photo)
        session.add(person)
        session.flush()
        return person.id


def update_person(db: Database, person_id: int, data: PersonInput, expected_version: int,
                  allow_duplicate: bool = True, photo=KEEP_PHOTO) -> int:
    """Change a person (and the photo, unless ``photo`` is KEEP_PHOTO) in one change.

    ``expected_version`` is PersonDetail.version the form was filled from: a save over someone
    else's change meanwhile raises ConflictError with both versions."""
    require(db, OPERATOR)
    data = _clean(data)
    _check_photo(photo)
    yours = {f.name: getattr(data, f.name) for f in fields(PersonInput)}
    checked = dict(record=f"Запис особи {display_name(data.surname, data.name, data.patronymic)}", yours=yours,
                   labels=FIELD_LABELS)
    with stale_is_conflict(db, Person, person_id, expected_version, **checked), \
            db.changing(f"Зміна даних особи: {display_name(data.surname, data.name, data.patronymic)}") as session:
        person = load_checked(session, Person, person_id, expected_version, **checked)
        if not allow_duplicate:
            existing = _duplicates(session, data, person_id)
            if existing:
                raise DuplicatePersonError(existing)
        for key, value in person_values(data).items():
            setattr(person, key, value)
        if photo is not KEEP_PHOTO:
            person.photo = photo
    return person_id


def set_photo(db: Database, person_id: int, photo: bytes | None, expected_version: int) -> None:
    """Keep a (scaled) photo with the database; None removes it."""
    require(db, OPERATOR)
    _check_photo(photo)
    checked = dict(record="Запис особи", yours={"photo": photo}, labels=FIELD_LABELS)
    with stale_is_conflict(db, Person, person_id, expected_version, **checked), db.changing("Фото особи") as session:
        load_checked(session, Person, person_id, expected_version, **checked).photo = photo


def get_photo(db: Database, person_id: int) -> bytes | None:
    with db.reading() as session:
        return session.scalar(select(Person.photo).where(Person.id == person_id))


def delete_person(db: Database, person_id: int) -> None:
    require(db, OPERATOR)
    with db.changing("Видалення особи") as session:
        person = _get(session, person_id)
        awards = session.scalar(select(func.count()).select_from(Award).where(Award.person_id == person_id))
        if awards:
            raise UserError(f"Особа {display_name(person.surname, person.name, person.patronymic)} має відзнаки "
                            f"({awards}): спершу видаліть їх.")
        if session.scalar(select(func.count()).select_from(HonoraryBookEntry)
                          .where(HonoraryBookEntry.person_id == person_id)):
            raise UserError("Особу записано до Книги почесних громадян: її не можна видалити.")
        session.delete(person)


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise UserError("Особу не знайдено (можливо, її щойно видалили).")
    return person


def get_person(db: Database, person_id: int) -> PersonDetail:
    with db.reading() as session:
        r = session.execute(select(*_ROW_COLUMNS, Person.sex, Person.contacts, Person.notes,
                                   Person.photo.is_not(None), Person.version).where(Person.id == person_id)).first()
        if r is None:
            raise UserError("Особу не знайдено (можливо, її щойно видалили).")
        return PersonDetail(*r)


class NameSearch(ColumnElement[bool]):
    """SQL condition: every word occurs in the person's folded full name (Person.name_key).

    The same rows on every database, found the fastest way each has (migration 0007):
    PostgreSQL — ``name_key LIKE '%word%'`` per word (its pg_trgm index serves them when installed);
    SQLite — the words of 3+ characters through the trigram table person_search, one FTS5 query
    of quoted phrases (a phrase of trigrams is exactly a substring), ``key IN (its rowids)``; shorter
    words by LIKE. ``key`` is the column holding the person's id (Person.id, or Award.person_id so
    that an award query need not read person rows to filter). ``probe``: the SQLite form that only
    tests rows met otherwise (``+key IN …``, no index use) — for a page read in name order by
    scanning the sort index, when many persons match.

    The words are bound parameters: a statement's cache key holds only its shape (how many words,
    which of them short), so a new search reuses the compiled SQL of the last one with the same
    shape instead of compiling again (a few milliseconds of every search)."""

    type = Boolean()
    _is_implicitly_boolean = True  # a predicate: never compared with 1 (which would hide the index)
    inherit_cache = True
    _traverse_internals = [("indexed", InternalTraversal.dp_clauseelement),
                           ("likes", InternalTraversal.dp_clauseelement_list),
                           ("short_likes", InternalTraversal.dp_clauseelement_list),
                           ("key", InternalTraversal.dp_clauseelement),
                           ("probe", InternalTraversal.dp_boolean)]

    def __init__(self, words, key=None, probe: bool = False):
        words = list(words)
        query = fts_query(words)
        self.indexed = bindparam(None, query, type_=String(), unique=True) if query else None
        self.likes = name_likes(words)  # every word (the LIKE form)
        self.short_likes = name_likes([word for word in words if len(word) < MIN_INDEXED])
        self.key = Person.id if key is None else key
        self.probe = probe


def name_likes(words) -> list:
    return [Person.name_key.contains(word, autoescape=True) for word in words]


@compiles(NameSearch)
def _compile_like(element: NameSearch, compiler, **kw) -> str:
    return compiler.process(and_(*element.likes), **kw)


def fts_query(words) -> str:
    """The FTS5 query of the indexed words: quoted phrases (any character literal, " doubled)."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words if len(word) >= MIN_INDEXED)


@compiles(NameSearch, "sqlite")
def _compile_fts(element: NameSearch, compiler, **kw) -> str:
    parts = []
    if element.indexed is not None:
        key = compiler.process(element.key, **kw)
        parts.append(f"{'+' if element.probe else ''}{key} IN (SELECT rowid FROM {FTS_TABLE} "
                     f"WHERE {FTS_TABLE} MATCH {compiler.process(element.indexed, **kw)})")
    if element.short_likes:
        parts.append(compiler.process(and_(*element.short_likes), **kw))
    return "(" + " AND ".join(parts) + ")" if len(parts) > 1 else parts[0]


def search_words(text: str) -> list[str]:
    return search_key(text).split()


def name_conditions(text: str, key=None, probe: bool = False) -> list:
    """SQL conditions: every word of ``text`` occurs in the folded full name (any part, any case,
    any apostrophe form); see NameSearch."""
    words = search_words(text)
    return [NameSearch(words, key, probe)] if words else []


def indexed_only(db: Database, words) -> bool:
    """True when the trigram table alone answers these words (SQLite, every word 3+ characters)."""
    return db.is_sqlite and bool(words) and all(len(word) >= MIN_INDEXED for word in words)


def count_name_matches(session: Session, words) -> int:
    """How many persons' names contain every word: read from the trigram table alone (SQLite,
    every word 3+ characters — check with indexed_only)."""
    return session.scalar(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :query"),
                          {"query": fts_query(words)}) or 0


def _search(text: str):
    conditions = name_conditions(text)
    return and_(*conditions) if conditions else None


SORTS = {
    "name": (Person.sort_key,),
    "birth_date": (Person.birth_date, Person.sort_key),
    "work": (Person.position, Person.workplace, Person.sort_key),
    "deceased": (Person.deceased, Person.death_date, Person.sort_key),
}


def search_persons(db: Database, text: str = "", offset: int = 0, limit: int = 100, sort: str = "name",
                   descending: bool = False) -> list[PersonRow]:
    """A page of persons (by default in Ukrainian alphabetical order), filtered, sorted and paged by
    the database."""
    query = select(*_ROW_COLUMNS)
    condition = _search(text)
    if condition is not None:
        query = query.where(condition)
    keys = SORTS[sort] + (Person.id,)
    query = query.order_by(*(k.desc() if descending else k for k in keys)).offset(offset).limit(limit)
    with db.reading() as session:
        return [_row(r) for r in session.execute(query)]


def count_persons(db: Database, text: str = "") -> int:
    words = search_words(text)
    if indexed_only(db, words):  # the trigram table counts its matches without reading persons
        with db.reading() as session:
            return count_name_matches(session, words)
    query = select(func.count()).select_from(Person)
    condition = _search(text)
    if condition is not None:
        query = query.where(condition)
    with db.reading() as session:
        return session.scalar(query) or 0
