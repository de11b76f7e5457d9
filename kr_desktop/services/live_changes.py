"""Other workstations' changes for the window: which areas of the window a set of changed tables
touches (the areas the screens listen to on the context's ``changed`` signal), and the feed that
reports those tables (kr_desktop.db.change_feed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from kr_desktop.db.change_feed import ANY_TABLE, open_feed

__all__ = ["AREAS", "areas_of", "open_feed"]

AREAS = frozenset({"program", "progress", "awards", "events", "stock", "settings", "users"})
# A table's area is its models module's name (models/awards.py → "awards"), except:
MODULE_AREAS = {"declension": "awards", "system": "settings"}
OTHER_TABLES = {"measure_executor": "program", "server_user": "users", "app_meta": "settings",
                "amendment_change": "program", "reporting_period": "progress", "progress_entry": "progress",
                "progress_amount": "progress"}


@lru_cache(maxsize=1)
def _table_areas() -> dict[str, str]:
    from kr_desktop.db.models import Base

    areas = dict(OTHER_TABLES)
    for mapper in Base.registry.mappers:
        table = getattr(mapper.class_, "__tablename__", None)
        module = mapper.class_.__module__.rsplit(".", 1)[-1]
        if table and table not in OTHER_TABLES:
            areas[table] = MODULE_AREAS.get(module, module)
    return areas


def areas_of(tables: Iterable[str]) -> set[str]:
    """The window's areas a change of ``tables`` touches (every area for a table not known)."""
    known = _table_areas()
    areas: set[str] = set()
    for table in tables:
        if table == ANY_TABLE or table not in known or known[table] not in AREAS:
            return set(AREAS)
        areas.add(known[table])
    return areas
