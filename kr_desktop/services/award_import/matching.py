"""The checks that need the register: certificate numbers ever issued, persons already there,
and the award rules set to «забороняти» (refuse) or «попереджати» (warn)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Award, AwardType, IssuedCertificate, Person
from kr_desktop.domain import award_rules as rules
from kr_desktop.services.award_import.plan import COLUMNS, ImportPlan, ImportProblem, TypeInfo


def catalog_of(db: Database) -> dict[str, TypeInfo]:
    with db.reading() as session:
        return {t.name_key: TypeInfo(t.id, t.name, t.degrees, t.issues_certificate, t.act_kind, t.number_pattern)
                for t in session.scalars(select(AwardType))}


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


AMBIGUOUS = "кілька осіб з таким ім’ям — уточніть дату народження"


def _match(born: dt.date | None, candidates: list[tuple]) -> tuple | str | None:
    """The register's person a row names: the one with its birth date, else the one whose birth
    date is unknown — or, without a birth date in the row, the only namesake. None: a new person;
    AMBIGUOUS when the row cannot tell several apart (never the lowest id silently)."""
    if born:
        exact = [c for c in candidates if c[1] == born]
        found = exact or [c for c in candidates if c[1] is None]
    else:
        found = candidates
    if len(found) > 1:
        return AMBIGUOUS
    return found[0] if found else None


def check_against_register(session: Session, plan: ImportPlan, levels, years) -> None:
    """Match the plan's rows with the register, in ``session`` (the import's own write transaction,
    so nobody can add the same person or number between the check and the write): certificate
    numbers ever issued, persons already there, and the award rules (``levels``, ``years``:
    awards.rule_settings) — «забороняти» is a problem, «попереджати» a warning."""
    for r in plan.rows:  # a second check (preview, then import) starts afresh
        r.person_id, r.person_is_new, r.ambiguous = None, True, False
    # certificate numbers ever issued
    numbers = sorted({r.certificate_number for r in plan.rows if r.certificate_number})
    taken: set[tuple[int, str]] = set()
    for chunk in _chunks(numbers):
        taken.update(session.execute(select(IssuedCertificate.award_type_id, IssuedCertificate.number)
                                     .where(IssuedCertificate.number.in_(chunk))).all())
    for r in plan.rows:
        if r.certificate_number and (r.award_type.id, r.certificate_number) in taken:
            plan.problems.append(ImportProblem(
                r.row, COLUMNS["certificate_number"],
                f"посвідчення №{r.certificate_number} ({r.award_type.name}) вже видавалося: номери не "
                "використовуються повторно"))
    # persons already in the register: same name (case, apostrophes ignored), same birth date if known
    keys = sorted({r.person_key[0] for r in plan.rows})
    existing: dict[str, list[tuple[int, dt.date | None, bool, dt.date | None]]] = {}
    for chunk in _chunks(keys):
        for pid, key, born, dead, died in session.execute(
                select(Person.id, Person.name_key, Person.birth_date, Person.deceased, Person.death_date)
                .where(Person.name_key.in_(chunk)).order_by(Person.id)):
            existing.setdefault(key, []).append((pid, born, dead, died))
    deceased: dict[int, tuple[bool, dt.date | None]] = {}
    for r in plan.rows:
        key, born = r.person_key
        match = _match(born, existing.get(key, []))
        if match == AMBIGUOUS:
            r.ambiguous = True
            plan.problems.append(ImportProblem(r.row, COLUMNS["birth_date"], AMBIGUOUS))
        elif match:
            r.person_id, r.person_is_new = match[0], False
            deceased[match[0]] = (match[2], match[3])
    held: dict[int, list[rules.HeldAward]] = {}
    ids = sorted(deceased)
    for chunk in _chunks(ids):
        for row in session.execute(select(Award.person_id, Award.award_type_id, Award.degree, Award.act_date,
                                          Award.presented_on).where(Award.person_id.in_(chunk),
                                                                    Award.revoked_on.is_(None))):
            held.setdefault(row[0], []).append(rules.HeldAward(*row[1:]))
    # rules: «забороняти» stops the import, «попереджати» is listed
    held_in_file: dict[Any, list[rules.HeldAward]] = {}
    new_keys: set = set()
    for r in plan.rows:
        who = r.person_id if r.person_id else r.person_key
        if r.person_id is None and not r.ambiguous:
            new_keys.add(r.person_key)
        dead, died = deceased.get(r.person_id, (False, None)) if r.person_id else (False, None)
        candidate = rules.Candidate(r.award_type.id, r.award_type.name, r.award_type.degrees, r.degree, r.act_date,
                                    r.presented_on, False, dead, died)
        previous = held.get(r.person_id, []) if r.person_id else []
        for finding in rules.check_award(candidate, previous + held_in_file.get(who, []), levels, years):
            target = plan.problems if finding.forbidden else plan.warnings
            target.append(ImportProblem(r.row, "", finding.message))
        held_in_file.setdefault(who, []).append(rules.HeldAward(r.award_type.id, r.degree, r.act_date,
                                                                r.presented_on))
    plan.persons_new = len(new_keys)
    plan.persons_matched = len({r.person_id for r in plan.rows if r.person_id})
    plan.problems.sort(key=lambda p: p.row)
