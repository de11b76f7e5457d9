"""Events and ceremonies: the directory of yearly recurring dates, events with their invitees
(attendance) and the awards presented at them in presentation order.

Links to persons and awards are rows of their own (not many-to-many secondaries) so every add,
remove and reorder is an ordinary journaled row that undo can put back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kr_desktop.db.models.awards import Award, Person

from kr_desktop.db.models.base import Base, Versioned

__all__ = ["RecurringDate", "Event", "EventInvitee", "EventAward"]


class RecurringDate(Versioned, Base):
    """A date that comes back every year (День міста, День Незалежності …); generates events."""

    __tablename__ = "recurring_date"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    day: Mapped[int] = mapped_column(Integer, nullable=False)
    month: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False, default="state_holiday")
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    start_time: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    __table_args__ = (CheckConstraint("day >= 1 AND day <= 31 AND month >= 1 AND month <= 12", name="day_month"),)


class Event(Versioned, Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False, default="ceremony")
    event_date: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    start_time: Mapped[str] = mapped_column(String(5), nullable=False, default="")  # "HH:MM" or empty
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    executor_id: Mapped[int | None] = mapped_column(ForeignKey("executor.id", ondelete="SET NULL"))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"))
    recurring_date_id: Mapped[int | None] = mapped_column(ForeignKey("recurring_date.id", ondelete="SET NULL"))
    programme: Mapped[str] = mapped_column(Text, nullable=False, default="")  # one item per line
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    # A recurring date makes at most one event per day: generating a year twice adds nothing.
    __table_args__ = (UniqueConstraint("recurring_date_id", "event_date", name="uq_event_recurring_day"),)


class EventInvitee(Base):
    __tablename__ = "event_invitee"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), nullable=False)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True)
    attended: Mapped[bool | None] = mapped_column(Boolean)  # None: not marked yet
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Many-to-one links only to order the unit of work (see stock.StockMovement).
    event: Mapped[Event] = relationship(lazy="raise")
    person: Mapped[Person] = relationship(lazy="raise")

    __table_args__ = (UniqueConstraint("event_id", "person_id", name="uq_event_invitee_person"),)


class EventAward(Base):
    """An award presented at an event; ``position`` is the order of presentation (1, 2, …)."""

    __tablename__ = "event_award"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), nullable=False)
    award_id: Mapped[int] = mapped_column(ForeignKey("award.id", ondelete="CASCADE"), nullable=False, unique=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    event: Mapped[Event] = relationship(lazy="raise")
    award: Mapped[Award] = relationship(lazy="raise")

    __table_args__ = (Index("ix_event_award_order", "event_id", "position"),)
