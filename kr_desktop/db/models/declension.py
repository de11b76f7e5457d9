"""Declined name forms corrected by the user: kept per person and grammatical case and used
instead of the automatic declension next time."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kr_desktop.db.models.base import Base, Versioned

__all__ = ["NameCorrection"]


class NameCorrection(Versioned, Base):
    __tablename__ = "name_correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    grammatical_case: Mapped[str] = mapped_column(String(16), nullable=False)  # accusative, dative, …
    surname: Mapped[str] = mapped_column(String(120), nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    patronymic: Mapped[str] = mapped_column(String(120), nullable=False, default="")

    __table_args__ = (UniqueConstraint("person_id", "grammatical_case", name="uq_name_correction_case"),)
