"""Declined forms corrected by the user, used instead of the automatic declension next time: a
person's name per person and case, a position or workplace phrase per phrase and case."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kr_desktop.db.models.base import Base, Versioned

__all__ = ["NameCorrection", "PhraseCorrection"]


class NameCorrection(Versioned, Base):
    __tablename__ = "name_correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    grammatical_case: Mapped[str] = mapped_column(String(16), nullable=False)  # accusative, dative, …
    surname: Mapped[str] = mapped_column(String(120), nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    patronymic: Mapped[str] = mapped_column(String(120), nullable=False, default="")

    __table_args__ = (UniqueConstraint("person_id", "grammatical_case", name="uq_name_correction_case"),)


class PhraseCorrection(Versioned, Base):
    """«гірник очисного вибою» in the accusative is «гірника очисного вибою»: one correction serves
    every person whose position reads the same (``phrase_key``: folded case, apostrophes and spaces)."""

    __tablename__ = "phrase_correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    phrase_key: Mapped[str] = mapped_column(String(600), nullable=False)
    grammatical_case: Mapped[str] = mapped_column(String(16), nullable=False)
    phrase: Mapped[str] = mapped_column(Text, nullable=False)  # the nominative, as typed
    form: Mapped[str] = mapped_column(Text, nullable=False)

    __table_args__ = (UniqueConstraint("phrase_key", "grammatical_case", name="uq_phrase_correction_case"),)
