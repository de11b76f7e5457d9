"""Declarative base shared by every model module, with constraint naming and record versions."""

from __future__ import annotations

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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

    The ORM checks and bumps the column on every UPDATE (optimistic locking): the directive
    below is read while the class is mapped. (Setting ``__mapper_args__`` after the class body
    has no effect, which is why ``versioned`` only checks.)
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}


def versioned(cls):
    """Kept for the models that call it: asserts that optimistic locking is on for ``cls``."""
    if cls.__mapper__.version_id_col is None:
        raise TypeError(f"{cls.__name__}: optimistic locking is off (define it via Versioned)")
    return cls
