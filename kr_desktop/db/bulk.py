"""Bulk inserts for imports and demo data: one executemany per table, ids known, journaled rows."""

from __future__ import annotations

import json

from sqlalchemy import false as sa_false
from sqlalchemy import func, select

from kr_desktop.db.search_index import indexed_in_bulk


def journal_json(values: dict) -> str:
    """A row's values as the journal stores them (dates as ISO text, as the session journal writes them)."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def bulk_insert(connection, table, rows: list[dict]) -> list[int]:
    """Insert rows in one executemany and return their ids in order.

    SQLite: ids are assigned here (one above the highest) after the write lock is taken, so the
    insert is one executemany (RETURNING in sorted order costs one statement per row there).
    Other databases: INSERT … RETURNING in parameter order."""
    if not rows:
        return []
    if connection.dialect.name == "sqlite":
        # a write statement takes SQLite's write lock: nobody else can insert until we commit
        connection.execute(table.update().where(sa_false()).values(id=table.c.id))
        start = (connection.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(start, start + len(rows)))
        for row_id, row in zip(ids, rows):
            row["id"] = row_id
        with indexed_in_bulk(connection, table.name, ids[0], ids[-1]):  # the name search index, at once
            connection.execute(table.insert(), rows)
        for row in rows:
            del row["id"]
        return ids
    return connection.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True),
                              rows).scalars().all()
