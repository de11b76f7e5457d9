"""The Program: passport, amendments, stages, directions, measures, executors, funding, progress."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kr_desktop.db.models.base import Base, Versioned, versioned
from kr_desktop.db.types import Money

__all__ = ["AppMeta", "Program", "PassportItem", "Amendment", "FundingSource", "PassportFunding", "Stage",
           "Direction", "measure_executor", "Measure", "Executor", "PlannedFunding", "FundingPhrase", "ReportingPeriod",
           "ProgressEntry", "ProgressAmount", "PROGRAM_STATUSES", "ORIGINS"]

# A program's status: a draft (being prepared, e.g. the successor during its predecessor's last
# year), in force, or ended. Commands default to the only program in force.
PROGRAM_STATUSES = ("draft", "active", "closed")
# Where a measure's deadline or executors come from (kr_desktop.domain.provenance): its own cell
# of the decision's table, the merged cell above it, or inferred (decided by meaning, see the note).
ORIGINS = ("printed", "merged", "inferred")


class AppMeta(Base):
    """Key/value facts about the database itself (its owner application, creation date)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Program(Versioned, Base):
    """A city target program: its approving decision (none yet for a draft), years and status.

    The passport's items (name, legal basis, goal, …) are ``PassportItem`` rows in the order the
    decision lays them out; table 1.7 is ``PassportFunding``."""

    __tablename__ = "program"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    decision_number: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    decision_title: Mapped[str] = mapped_column(Text, nullable=False, default="")
    start_year: Mapped[int] = mapped_column(Integer, nullable=False)
    end_year: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="active", server_default="active")
    # The program this one succeeds. No foreign key: SQLite adds one to an existing table only by
    # rebuilding it, which would delete every stage (ON DELETE CASCADE); delete_program clears it.
    predecessor_id: Mapped[int | None] = mapped_column(Integer)

    amendments: Mapped[list[Amendment]] = relationship(back_populates="program", order_by="Amendment.date")
    stages: Mapped[list[Stage]] = relationship(back_populates="program", order_by="Stage.annex_number")
    passport_funding: Mapped[list[PassportFunding]] = relationship(back_populates="program")
    passport_items: Mapped[list[PassportItem]] = relationship(back_populates="program",
                                                              order_by="PassportItem.position")

    __table_args__ = (CheckConstraint("start_year <= end_year", name="years"),
                      CheckConstraint("status IN ('draft', 'active', 'closed')", name="status"))


class PassportItem(Versioned, Base):
    """One numbered item of section 1 (the passport), in the decision's order.

    ``kind`` says how it prints: "text" — «1.N. Caption: text» («1.N. text» without a caption);
    "name" — «1.N. Caption: <the program's name> text»; "period" — «1.N. Початок: … рік,
    закінчення: … рік.» from the program's years; "funding" — «1.N. Caption: <total> грн» and
    table 1.7; "results" — «1.N. Caption:» and one numbered line per line of ``text``."""

    __tablename__ = "passport_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="text")
    caption: Mapped[str] = mapped_column(Text, nullable=False, default="")
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    program: Mapped[Program] = relationship(back_populates="passport_items")
    __table_args__ = (UniqueConstraint("program_id", "position", name="uq_passport_item_position"),
                      CheckConstraint("kind IN ('text', 'name', 'period', 'funding', 'results')", name="kind"))


class Amendment(Versioned, Base):
    """A council decision that changed the Program."""

    __tablename__ = "amendment"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"), nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    number: Mapped[str] = mapped_column(String(32), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")

    program: Mapped[Program] = relationship(back_populates="amendments")
    __table_args__ = (UniqueConstraint("program_id", "date", "number", name="uq_amendment_act"),)


class FundingSource(Versioned, Base):
    __tablename__ = "funding_source"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    short_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class PassportFunding(Base):
    """Table 1.7 of the passport: the Program's amount per year and source."""

    __tablename__ = "passport_funding"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    source_id: Mapped[int] = mapped_column(ForeignKey("funding_source.id"), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)

    program: Mapped[Program] = relationship(back_populates="passport_funding")
    source: Mapped[FundingSource] = relationship()
    __table_args__ = (UniqueConstraint("program_id", "year", "source_id", name="uq_passport_cell"),)


class Stage(Versioned, Base):
    """A stage of the Program: one annex with its own years and table."""

    __tablename__ = "stage"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"), nullable=False)
    annex_number: Mapped[int] = mapped_column(Integer, nullable=False)
    start_year: Mapped[int] = mapped_column(Integer, nullable=False)
    end_year: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The line under «Додаток N» as the decision prints it («до Програми … на 2017-2019 роки
    # (пункт 6.1)»); "" prints «до Програми <name>».
    caption: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    program: Mapped[Program] = relationship(back_populates="stages")
    directions: Mapped[list[Direction]] = relationship(back_populates="stage", order_by="Direction.number")
    __table_args__ = (UniqueConstraint("program_id", "annex_number", name="uq_stage_annex"),
                      CheckConstraint("start_year <= end_year", name="years"))

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class Direction(Versioned, Base):
    """A direction of activity (priority task) within a stage."""

    __tablename__ = "direction"
    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    expected_results: Mapped[str] = mapped_column(Text, nullable=False, default="")

    stage: Mapped[Stage] = relationship(back_populates="directions")
    measures: Mapped[list[Measure]] = relationship(back_populates="direction", order_by="Measure.position")
    funding: Mapped[list[PlannedFunding]] = relationship(
        back_populates="direction", primaryjoin="PlannedFunding.direction_id == Direction.id")
    phrases: Mapped[list[FundingPhrase]] = relationship(
        back_populates="direction", primaryjoin="FundingPhrase.direction_id == Direction.id")
    __table_args__ = (UniqueConstraint("stage_id", "number", name="uq_direction_number"),)


measure_executor = Table(
    "measure_executor",
    Base.metadata,
    Column("measure_id", ForeignKey("measure.id", ondelete="CASCADE"), primary_key=True),
    Column("executor_id", ForeignKey("executor.id", ondelete="RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
)


class Measure(Versioned, Base):
    """A measure (захід) of a direction, with its deadline phrase and the structure understood."""

    __tablename__ = "measure"
    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("direction.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    deadline_phrase: Mapped[str] = mapped_column(Text, nullable=False)
    deadline_kind: Mapped[str] = mapped_column(String(32), nullable=False)
    deadline_months: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    deadline_date: Mapped[dt.date | None] = mapped_column(Date)
    deadline_year_from: Mapped[int | None] = mapped_column(Integer)
    deadline_year_to: Mapped[int | None] = mapped_column(Integer)
    executors_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    expected_result: Mapped[str | None] = mapped_column(Text)  # None: the merged cell above covers it
    # Provenance (ORIGINS) of the deadline and of the executors cell, with the note saying where
    # an inferred value came from.
    deadline_origin: Mapped[str] = mapped_column(String(16), nullable=False, default="printed",
                                                 server_default="printed")
    deadline_note: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    executors_origin: Mapped[str] = mapped_column(String(16), nullable=False, default="printed",
                                                  server_default="printed")
    executors_note: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    direction: Mapped[Direction] = relationship(back_populates="measures")
    executors: Mapped[list[Executor]] = relationship(
        secondary=measure_executor, order_by=measure_executor.c.position, back_populates="measures")
    funding: Mapped[list[PlannedFunding]] = relationship(
        back_populates="measure", primaryjoin="PlannedFunding.measure_id == Measure.id")
    phrases: Mapped[list[FundingPhrase]] = relationship(
        back_populates="measure", primaryjoin="FundingPhrase.measure_id == Measure.id")
    __table_args__ = (UniqueConstraint("direction_id", "position", name="uq_measure_position"),
                      CheckConstraint("length(trim(text)) > 0", name="text_not_empty"),
                      CheckConstraint("deadline_origin IN ('printed', 'merged', 'inferred')", name="deadline_origin"),
                      CheckConstraint("executors_origin IN ('printed', 'merged', 'inferred')",
                                      name="executors_origin"))


class Executor(Versioned, Base):
    """An organisational unit that executes measures: one record per unit."""

    __tablename__ = "executor"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False, unique=True)
    short_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    sort_key: Mapped[str] = mapped_column(Text, nullable=False, index=True)
    # The head and contacts address the unit's reminder letter; a dative form is stored only when
    # the user corrected or confirmed it ("" → declined automatically).
    head_position: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")
    head_name: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")
    head_position_dative: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")
    head_name_dative: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")
    phone: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")
    email: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")

    measures: Mapped[list[Measure]] = relationship(secondary=measure_executor, back_populates="executors")


class PlannedFunding(Versioned, Base):
    """A planned amount for one year and source, of a direction (merged cells) or a measure."""

    __tablename__ = "planned_funding"
    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int | None] = mapped_column(ForeignKey("direction.id", ondelete="CASCADE"))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("funding_source.id"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)

    direction: Mapped[Direction | None] = relationship(back_populates="funding", foreign_keys=[direction_id])
    measure: Mapped[Measure | None] = relationship(back_populates="funding", foreign_keys=[measure_id])
    source: Mapped[FundingSource] = relationship()
    __table_args__ = (
        CheckConstraint("(direction_id IS NULL) <> (measure_id IS NULL)", name="one_owner"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        UniqueConstraint("direction_id", "measure_id", "source_id", "year", name="uq_planned_cell"),
    )


class FundingPhrase(Versioned, Base):
    """A source named for a direction or measure with words instead of amounts («Бюджети
    районних у місті рад» — «У межах затверджених бюджетних призначень»). The phrase fills the
    amount cells from ``from_year``'s column (None: the first year) to «Усього»."""

    __tablename__ = "funding_phrase"
    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int | None] = mapped_column(ForeignKey("direction.id", ondelete="CASCADE"))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("funding_source.id"), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    from_year: Mapped[int | None] = mapped_column(Integer)

    direction: Mapped[Direction | None] = relationship(back_populates="phrases", foreign_keys=[direction_id])
    measure: Mapped[Measure | None] = relationship(back_populates="phrases", foreign_keys=[measure_id])
    source: Mapped[FundingSource] = relationship()
    __table_args__ = (
        CheckConstraint("(direction_id IS NULL) <> (measure_id IS NULL)", name="one_owner"),
        UniqueConstraint("direction_id", "measure_id", "source_id", name="uq_funding_phrase"),
    )


class ReportingPeriod(Base):
    """A half-year of reporting: executors report by 10 July (I) and by 10 January (II)."""

    __tablename__ = "reporting_period"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    half: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (UniqueConstraint("year", "half", name="uq_period"),
                      CheckConstraint("half IN (1, 2)", name="half"))


class ProgressEntry(Versioned, Base):
    """What one executor reported on a measure for a period: each co-executor of a joint measure
    reports its own part. ``executor_id`` is NULL only for a measure that has no executors."""

    __tablename__ = "progress_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"), nullable=False)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_period.id", ondelete="CASCADE"), nullable=False)
    executor_id: Mapped[int | None] = mapped_column(ForeignKey("executor.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="not_started")
    narrative: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reasons: Mapped[str] = mapped_column(Text, nullable=False, default="")
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    reported_by: Mapped[str] = mapped_column(Text, nullable=False, default="")

    measure: Mapped[Measure] = relationship()
    period: Mapped[ReportingPeriod] = relationship()
    executor: Mapped[Executor | None] = relationship()
    amounts: Mapped[list[ProgressAmount]] = relationship(back_populates="entry", cascade="all, delete-orphan")
    __table_args__ = (
        UniqueConstraint("period_id", "measure_id", "executor_id", name="uq_progress_cell"),
        # NULLs are distinct in a unique constraint: one entry without an executor per measure and period
        Index("uq_progress_cell_unassigned", "period_id", "measure_id", unique=True,
              sqlite_where=text("executor_id IS NULL"), postgresql_where=text("executor_id IS NULL")),
    )


class ProgressAmount(Base):
    """An amount actually financed (cash expenditure) for an entry, by source."""

    __tablename__ = "progress_amount"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("progress_entry.id", ondelete="CASCADE"), nullable=False)
    source_id: Mapped[int] = mapped_column(ForeignKey("funding_source.id"), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)

    entry: Mapped[ProgressEntry] = relationship(back_populates="amounts")
    source: Mapped[FundingSource] = relationship()
    __table_args__ = (UniqueConstraint("entry_id", "source_id", name="uq_progress_amount"),
                      CheckConstraint("amount >= 0", name="amount_not_negative"))


for _cls in (Program, PassportItem, Amendment, FundingSource, Stage, Direction, Measure, Executor, PlannedFunding,
             FundingPhrase, ProgressEntry):
    versioned(_cls)
