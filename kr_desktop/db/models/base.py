"""Declarative base shared by every model module, with constraint naming and record versions."""

from __future__ import annotations

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Every record carries a version, so a save over someone else's change is detected.

    Classes using it call ``versioned(cls)`` after the class body, which tells the ORM to
    check and bump the column on every UPDATE (optimistic locking).
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


def versioned(cls):
    cls.__mapper_args__ = {"version_id_col": cls.__table__.c.version}
    return cls
