"""The Program's half-year cycle: what each amendment changed (old and new values).

Reporting periods and progress entries already live in program.py; this module adds only the
record of amendment changes, so every planned amount (and a measure's text or deadline) has a
history: which decision changed it, from what, to what.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kr_desktop.db.models.base import Base
from kr_desktop.db.models.program import Amendment, FundingSource

__all__ = ["AmendmentChange"]


class AmendmentChange(Base):
    """One value changed by an amendment.

    ``target`` says what was changed: "direction_funding" / "measure_funding" (a planned amount
    of a direction or measure for ``year`` and ``source_id``), "passport_funding" (table 1.7),
    or "measure" (a measure's ``field``: text, deadline_phrase, executors). Old and new values are
    kept as text exactly as shown (amounts as plain decimals «1391386.00»), so the history reads
    the same after the owning record is edited again. A change that removed its owner keeps its
    row (owner ids set to NULL) with ``owner_label`` naming what it was.
    """

    __tablename__ = "amendment_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendment.id", ondelete="CASCADE"), nullable=False,
                                              index=True)
    target: Mapped[str] = mapped_column(String(32), nullable=False)
    direction_id: Mapped[int | None] = mapped_column(ForeignKey("direction.id", ondelete="SET NULL"), index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("funding_source.id"))
    year: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40), nullable=False, default="amount")
    owner_label: Mapped[str] = mapped_column(Text, nullable=False, default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)

    amendment: Mapped[Amendment] = relationship()
    source: Mapped[FundingSource | None] = relationship()
    __table_args__ = (
        CheckConstraint("target IN ('direction_funding', 'measure_funding', 'passport_funding', 'measure')",
                        name="target"),
    )
