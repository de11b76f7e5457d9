"""The register's lists: one search box (any part of a name, a certificate or a basis act number),
filters, sorting and pages — all in SQL, so 100,000 persons cost what the rows on screen cost."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from sqlalchemy import and_, func, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import Join, Select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, Person
from kr_desktop.db.search_index import AWARD_FTS_TABLE, FTS_TABLE
from kr_desktop.errors import UserError
from kr_desktop.services.awards.records import AwardDetail, AwardFilter, AwardRow
from kr_desktop.services.persons import fts_query, indexed_only, name_conditions, name_likes, search_words

_ROW_COLUMNS = (Award.id, Award.person_id, Person.surname, Person.name, Person.patronymic, Person.position,
                Person.workplace, Award.award_type_id, AwardType.name, Award.degree, Award.act_kind,
                Award.act_number, Award.act_date, Award.certificate_number, Award.presented_on, Award.amount,
                Award.posthumous, Award.revoked_on)


_HOLDER = aliased(Award)  # made once: aliasing a mapped class costs more than the rest of a condition


def conditions(flt: AwardFilter, probe: bool = False) -> list:
    """SQL conditions of the filter. The search text finds an award by its certificate number, its
    basis act's number, or every word in the holder's name (persons.NameSearch: a trigram index).
    ``probe``: the form for a page read by scanning persons in name order (see page_query) —
    the same rows, written so that a person whose name does not match is passed over before
    any of their awards is read."""
    conditions = []
    text = " ".join((flt.text or "").split())
    if text:
        number = text.lstrip("№ ").strip()
        numbered = or_(Award.certificate_number == number, Award.act_number == number)
        if probe:
            # name OR numbered  ==  (name OR person has a numbered award) AND (name OR numbered):
            # the first half reads only the person (the sort index's row), the second the award
            by_name = and_(*name_conditions(text, Person.id, probe=True))
            holder = _HOLDER  # its own FROM, never correlated with the page's award
            holders = select(holder.person_id).where(or_(holder.certificate_number == number,
                                                         holder.act_number == number))
            conditions += [or_(by_name, Person.id.in_(holders)), or_(by_name, numbered)]
        else:
            by_name = name_conditions(text, Award.person_id)
            alternatives = [Award.certificate_number == number, Award.act_number == number]
            if by_name:
                alternatives.append(and_(*by_name))
            conditions.append(or_(*alternatives))
    if flt.award_type_id:
        conditions.append(Award.award_type_id == flt.award_type_id)
    if flt.degree:
        conditions.append(Award.degree == flt.degree)
    if flt.year:
        conditions.append(Award.act_date.between(dt.date(flt.year, 1, 1), dt.date(flt.year, 12, 31)))
    if flt.act_number:
        conditions.append(Award.act_number == flt.act_number.lstrip("№ ").strip())
    if flt.date_from:
        conditions.append(Award.act_date >= flt.date_from)
    if flt.date_to:
        conditions.append(Award.act_date <= flt.date_to)
    if flt.person_id:
        conditions.append(Award.person_id == flt.person_id)
    if not flt.include_revoked:
        conditions.append(Award.revoked_on.is_(None))
    return conditions


SORTS = {
    "name": (Person.sort_key, Award.id),
    "award": (AwardType.position, Award.degree, Person.sort_key, Award.id),
    "date": (Award.act_date.desc(), Person.sort_key, Award.id),
    "certificate": (AwardType.position, Award.certificate_number, Award.id),
    "presented": (Award.presented_on, Person.sort_key, Award.id),
}


def reversed_order(keys) -> list:
    """ORDER BY terms in the opposite direction (a header clicked a second time)."""
    return [key.element.asc() if getattr(key, "modifier", None) is not None and key.modifier.__name__ == "desc_op"
            else key.desc() for key in keys]


class _NameOrderJoin(Join):
    """person JOIN award, written ``person CROSS JOIN award`` on SQLite: its planner then keeps
    person as the outer loop, read in name order from the sort index (it would otherwise scan
    every award and sort the matches)."""

    inherit_cache = True


@compiles(_NameOrderJoin, "sqlite")
def _compile_name_order_join(join: _NameOrderJoin, compiler, **kw) -> str:
    kw["asfrom"] = True
    on = {key: value for key, value in kw.items() if key not in ("asfrom", "from_linter")}
    return (f"{compiler.process(join.left, **kw)} CROSS JOIN {compiler.process(join.right, **kw)} "
            f"ON {compiler.process(join.onclause, **on)}")


def _scan_in_name_order(db: Database, session: Session, flt: AwardFilter, sort: str, offset: int,
                        limit: int | None) -> bool:
    """Whether a page is best read by scanning persons in name order (probing each against the
    trigram index's matches) rather than collecting every match and sorting them.

    The scan meets about (offset + limit) · persons / matches persons before the page is full;
    collecting reads and sorts every matching person's awards (about 6 times the work per person,
    measured on the 100,000-person demo). SQLite only, name order, the text the only filter."""
    words = search_words(flt.text or "")
    if (sort != "name" or limit is None or not indexed_only(db, words)
            or replace(flt, text="", include_revoked=True) != AwardFilter()):
        return False
    matches, persons = session.execute(sql_text(
        f"SELECT (SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q), (SELECT max(id) FROM person)"),
        {"q": fts_query(words)}).one()
    return matches * matches * 6 > (offset + limit) * (persons or 0)


@functools.cache
def _page_base(name_order: bool) -> Select:
    """The columns and joins of a page, built once (a Select is immutable; each page adds its
    conditions, order and limits to a copy)."""
    if name_order:
        return (select(*_ROW_COLUMNS)
                .select_from(_NameOrderJoin(Person.__table__, Award.__table__, Person.id == Award.person_id))
                .join(AwardType, AwardType.id == Award.award_type_id))
    return (select(*_ROW_COLUMNS).join(Person, Person.id == Award.person_id)
            .join(AwardType, AwardType.id == Award.award_type_id))


def page_query(db: Database, session: Session, flt: AwardFilter = AwardFilter(), offset: int = 0,
               limit: int | None = 100, sort: str = "name", descending: bool = False) -> Select:
    """The SQL of a register page (query_awards runs it; bench/probe.py times it raw)."""
    order = reversed_order(SORTS[sort]) if descending else SORTS[sort]
    if _scan_in_name_order(db, session, flt, sort, offset, limit):
        query = _page_base(True).where(*conditions(flt, probe=True))
    else:
        query = _page_base(False).where(*conditions(flt))
    query = query.order_by(*order).offset(offset)
    return query if limit is None else query.limit(limit)


def query_awards(db: Database, flt: AwardFilter = AwardFilter(), offset: int = 0, limit: int | None = 100,
                 sort: str = "name", descending: bool = False) -> list[AwardRow]:
    """A page of the register, filtered, sorted and paged by the database."""
    with db.reading() as session:
        query = page_query(db, session, flt, offset, limit, sort, descending)
        # Run as Core on the session's connection: a page holds plain values, no ORM entities.
        return [AwardRow(*r) for r in session.connection().execute(query)]


def count_awards(db: Database, flt: AwardFilter = AwardFilter()) -> int:
    words = search_words(flt.text or "")
    if indexed_only(db, words) and replace(flt, text="") == AwardFilter():
        # the search text alone (SQLite): awards whose holder's name matches, counted in the
        # trigram table award_search without reading an award, plus those found only by number
        number = " ".join(flt.text.split()).lstrip("№ ").strip()
        by_number_only = (select(func.count()).select_from(Award).join(Person, Person.id == Award.person_id)
                          .where(or_(Award.certificate_number == number, Award.act_number == number),
                                 ~and_(*name_likes(words))))
        with db.reading() as session:
            return (session.scalar(sql_text(f"SELECT count(*) FROM {AWARD_FTS_TABLE} WHERE {AWARD_FTS_TABLE} MATCH :q"),
                                   {"q": fts_query(words)}) or 0) + (session.scalar(by_number_only) or 0)
    query = select(func.count()).select_from(Award)
    # the name search reads person rows only where the trigram index cannot answer alone
    if flt.text and not indexed_only(db, search_words(flt.text)):
        query = query.join(Person, Person.id == Award.person_id)
    with db.reading() as session:
        return session.scalar(query.where(*conditions(flt))) or 0


def get_award(db: Database, award_id: int) -> AwardDetail:
    query = (select(*_ROW_COLUMNS, Award.nominated_by, Award.nomination_date, Award.revoked_act,
                    Award.revocation_reason, Award.notes, Award.version)
             .join(Person, Person.id == Award.person_id).join(AwardType, AwardType.id == Award.award_type_id)
             .where(Award.id == award_id))
    with db.reading() as session:
        r = session.execute(query).first()
        if r is None:
            raise UserError("Відзнаку не знайдено (можливо, її щойно видалили).")
        return AwardDetail(*r)
