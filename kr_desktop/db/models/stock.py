"""Award materials stock: items (badges, cases, blanks, diplomas, ribbons), which items each award
type and degree takes, and the movements (receipts, issues for presented awards, write-offs).

The balance is never stored: it is the sum of the movements, so undoing or deleting a movement
row is all it takes to give items back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kr_desktop.db.models.awards import Award

from kr_desktop.db.models.base import Base, Versioned

__all__ = ["StockItem", "AwardMaterial", "StockMovement"]


class StockItem(Versioned, Base):
    __tablename__ = "stock_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    unit: Mapped[str] = mapped_column(String(16), nullable=False, default="шт.")
    low_threshold: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    __table_args__ = (CheckConstraint("low_threshold >= 0", name="low_threshold"),)


class AwardMaterial(Base):
    """«Each award of this type (and degree) takes ``quantity`` of this item». ``degree`` None:
    every degree (or a type without degrees)."""

    __tablename__ = "award_material"
    id: Mapped[int] = mapped_column(primary_key=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_type.id", ondelete="CASCADE"), nullable=False)
    degree: Mapped[int | None] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_item.id", ondelete="CASCADE"), nullable=False)
    quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __table_args__ = (UniqueConstraint("award_type_id", "degree", "item_id", name="uq_award_material_item"),
                      CheckConstraint("quantity > 0", name="quantity"))


class StockMovement(Base):
    """``kind``: receipt (+), issue (−, for ``award_id``), writeoff (−, with a reason).
    ``quantity`` is always positive; the kind gives the sign."""

    __tablename__ = "stock_movement"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_item.id", ondelete="RESTRICT"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    moved_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    award_id: Mapped[int | None] = mapped_column(ForeignKey("award.id", ondelete="CASCADE"), index=True)
    supplier: Mapped[str] = mapped_column(Text, nullable=False, default="")  # supplier or contract
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Many-to-one links only to order the unit of work (a movement is inserted after its award and
    # deleted before it, also when undo replays a changeset); never loaded by the services.
    award: Mapped[Award | None] = relationship(lazy="raise")
    item: Mapped[StockItem] = relationship(lazy="raise")

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),
                      CheckConstraint("kind IN ('receipt', 'issue', 'writeoff')", name="kind"),
                      Index("ix_stock_movement_item_date", "item_id", "moved_on"))
