"""The awards register: persons, award types, awards, the certificate-number ledger, the Book of
Honorary Citizens.

Names are stored as typed; ``sort_key`` (Ukrainian alphabet order) and ``search_text`` (case and
apostrophe folded) are derived columns filled by the services, so the database sorts, filters
and pages by itself (see kr_desktop.text.ukrainian).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, declared_attr, deferred, mapped_column

from kr_desktop.db.models.base import Base, Versioned
from kr_desktop.db.types import Money, sort_key_type

__all__ = ["Person", "AwardType", "Award", "IssuedCertificate", "HonoraryBookEntry"]


class _Locked(Versioned):
    """Optimistic locking switched on while the class is mapped (base.versioned() runs after
    mapping, when the mapper no longer reads __mapper_args__)."""

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}


class Person(_Locked, Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    surname: Mapped[str] = mapped_column(String(120), nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    patronymic: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    sex: Mapped[str | None] = mapped_column(String(1))  # "ч" / "ж" (for declension)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    workplace: Mapped[str] = mapped_column(Text, nullable=False, default="")
    position: Mapped[str] = mapped_column(Text, nullable=False, default="")
    contacts: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # A JPEG scaled by the window before saving; deferred so lists never load it.
    photo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    deceased: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    death_date: Mapped[dt.date | None] = mapped_column(Date)
    sort_key: Mapped[str] = mapped_column(sort_key_type(), nullable=False, index=True)
    # search_key("surname name patronymic"): duplicates are looked up by equality; search by fragment
    # through the trigram index of migration 0007 (SQLite: the FTS5 table person_search, kept by
    # triggers; PostgreSQL: pg_trgm), see kr_desktop.db.search_index.
    name_key: Mapped[str] = mapped_column(String(400), nullable=False, index=True)

    __table_args__ = (CheckConstraint("sex IN ('ч', 'ж')", name="sex"),)



class AwardType(_Locked, Base):
    """A kind of award. ``degrees``: 0 — no degrees, 3 — І, ІІ, ІІІ (І the highest)."""

    __tablename__ = "award_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    name_key: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)  # folded, no quotes
    degrees: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    act_kind: Mapped[str] = mapped_column(String(16), nullable=False, default="executive")
    issues_certificate: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    number_pattern: Mapped[str] = mapped_column(String(64), nullable=False, default="{n}")
    honorary_title: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # The preamble of its draft decisions; "" = the default for its kind (services.decisions).
    decision_preamble: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    __table_args__ = (CheckConstraint("degrees >= 0 AND degrees <= 5", name="degrees"),)



class Award(_Locked, Base):
    __tablename__ = "award"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), nullable=False, index=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_type.id", ondelete="RESTRICT"), nullable=False)
    degree: Mapped[int | None] = mapped_column(Integer)  # 1 = І (highest) … 3 = ІІІ
    act_kind: Mapped[str] = mapped_column(String(16), nullable=False, default="executive")
    act_number: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    act_date: Mapped[dt.date | None] = mapped_column(Date)
    nominated_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    nomination_date: Mapped[dt.date | None] = mapped_column(Date)
    # indexed: the register's search box also finds an award by its certificate number
    certificate_number: Mapped[str | None] = mapped_column(String(64), index=True)
    presented_on: Mapped[dt.date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Money)
    posthumous: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    revoked_act: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)
    revocation_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (
        UniqueConstraint("award_type_id", "certificate_number", name="uq_award_certificate"),
        Index("ix_award_type_degree", "award_type_id", "degree"),
        Index("ix_award_act_date", "act_date"),
        Index("ix_award_act_number", "act_number"),
        CheckConstraint("degree IS NULL OR degree >= 1", name="degree"),
    )



class IssuedCertificate(Base):
    """The ledger of certificate numbers per award type. A row is never deleted: a number once
    given stays taken even after its award is deleted (``award_id`` then becomes NULL)."""

    __tablename__ = "issued_certificate"
    id: Mapped[int] = mapped_column(primary_key=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_type.id", ondelete="RESTRICT"), nullable=False)
    number: Mapped[str] = mapped_column(String(64), nullable=False)
    sequence: Mapped[int | None] = mapped_column(Integer)  # the {n} of the pattern, when it parses
    award_id: Mapped[int | None] = mapped_column(ForeignKey("award.id", ondelete="SET NULL"), index=True)
    holder: Mapped[str] = mapped_column(Text, nullable=False, default="")  # kept after a deletion

    __table_args__ = (UniqueConstraint("award_type_id", "number", name="uq_issued_certificate_number"),
                      Index("ix_issued_certificate_sequence", "award_type_id", "sequence"))


class HonoraryBookEntry(_Locked, Base):
    """A page of the Book of Honorary Citizens."""

    __tablename__ = "honorary_book_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), nullable=False, unique=True)
    entry_number: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    decision: Mapped[str] = mapped_column(Text, nullable=False, default="")
    biography: Mapped[str] = mapped_column(Text, nullable=False, default="")
    portrait: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

