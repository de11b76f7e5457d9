"""The records of the awards register as the services hand them out and take them in: an award to
save, a saving's result, a register row and its detail, and the register's filter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.award_values import act_text, degree_phrase
from kr_desktop.services.persons import display_name

__all__ = ["AwardDetail", "AwardFilter", "AwardInput", "AwardRow", "SaveResult", "act_text"]


@dataclass(frozen=True)
class AwardInput:
    person_id: int
    award_type_id: int
    degree: int | None = None
    act_kind: str | None = None  # None: the type's usual act
    act_number: str = ""
    act_date: dt.date | None = None
    nominated_by: str = ""
    nomination_date: dt.date | None = None
    certificate_number: str | None = None
    presented_on: dt.date | None = None
    amount: Decimal | None = None
    posthumous: bool = False
    revoked_act: str = ""
    revoked_on: dt.date | None = None
    revocation_reason: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    award_id: int | None
    findings: tuple[rules.Finding, ...]

    @property
    def needs_confirmation(self) -> bool:
        return not self.saved and bool(self.findings)


@dataclass(frozen=True)
class AwardRow:
    """One line of the register (and of the printed lists)."""

    id: int
    person_id: int
    surname: str
    name: str
    patronymic: str
    position: str
    workplace: str
    award_type_id: int
    type_name: str
    degree: int | None
    act_kind: str
    act_number: str
    act_date: dt.date | None
    certificate_number: str | None
    presented_on: dt.date | None
    amount: Decimal | None
    posthumous: bool
    revoked_on: dt.date | None

    @property
    def person_name(self) -> str:
        return display_name(self.surname, self.name, self.patronymic)

    @property
    def award_name(self) -> str:
        return f"{self.type_name} {degree_phrase(self.degree)}".strip()

    @property
    def act_text(self) -> str:
        return act_text(self.act_kind, self.act_number, self.act_date)


@dataclass(frozen=True)
class AwardDetail(AwardRow):
    nominated_by: str
    nomination_date: dt.date | None
    revoked_act: str
    revocation_reason: str
    notes: str
    version: int

    def as_input(self) -> AwardInput:
        return AwardInput(**{f.name: getattr(self, f.name) for f in fields(AwardInput)})


@dataclass(frozen=True)
class AwardFilter:
    text: str = ""  # any part of the name, a certificate number or a basis act number
    award_type_id: int | None = None
    degree: int | None = None
    year: int | None = None  # of the basis act
    act_number: str = ""
    date_from: dt.date | None = None  # basis act date range
    date_to: dt.date | None = None
    person_id: int | None = None
    include_revoked: bool = True
