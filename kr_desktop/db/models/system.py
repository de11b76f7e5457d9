"""The application's own records: settings and the change journal."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kr_desktop.db.models.base import Base

__all__ = ["AppSetting", "JournalEntry"]


class AppSetting(Base):
    """A setting kept in the database, so it is part of every transaction and survives power loss.

    ``value`` is JSON text. Signature blocks, rule levels and thresholds live here, never in code.
    """

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class JournalEntry(Base):
    """One change of one record, written in the same transaction as the change itself.

    ``changeset`` groups the rows of one user action (one label, one undo step). ``before`` and
    ``after`` are JSON objects of column values (None for an insert's before / a delete's after).
    The application offers no way to edit this table.
    """

    __tablename__ = "journal_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    changeset: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, index=True)
    actor: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    label: Mapped[str] = mapped_column(Text, nullable=False, default="")
    operation: Mapped[str] = mapped_column(String(8), nullable=False)  # insert / update / delete
    table_name: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    record_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    undo_of: Mapped[str | None] = mapped_column(String(36))  # the changeset this one undid or redid
