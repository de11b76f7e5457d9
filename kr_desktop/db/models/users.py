"""User accounts: who may log in, with which role; passwords as scrypt hashes only."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kr_desktop.db.models.base import Base, Versioned, versioned

__all__ = ["User"]

# Columns the change journal records as "hidden" (see kr_desktop.db.journal): the journal is
# kept forever and can't be edited, so an old hash must not live on in it.
SECRET = {"journal_secret": True}


class User(Versioned, Base):
    # "user" is a reserved word in PostgreSQL.
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    password_salt: Mapped[str] = mapped_column(String(64), nullable=False, info=SECRET)
    password_hash: Mapped[str] = mapped_column(String(128), nullable=False, info=SECRET)
    password_params: Mapped[str] = mapped_column(String(64), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # Persisted so that restarting the program does not reset the wait after failed logins.
    failed_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_failure_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)

    __table_args__ = (CheckConstraint("role IN ('admin', 'operator', 'viewer')", name="role"),
                      CheckConstraint("failed_attempts >= 0", name="failed_attempts"))


versioned(User)
