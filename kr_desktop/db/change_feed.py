"""What other workstations have committed since we last looked: the tables they changed.

Every change writes journal rows in its own transaction (kr_desktop.db.journal), so the journal
says what changed and by which changeset; changesets the same Database wrote are left out
(its window refreshed when it made the change).

- PostgreSQL: the journal's trigger sends NOTIFY ``kr_desktop_changes`` with "changeset:table …"
  when the transaction commits (migration 0011); the feed LISTENs on a connection of its own and
  ``poll()`` only reads what has already arrived (no round trip to the server).
- SQLite: ``PRAGMA data_version`` on a connection of its own changes when another connection
  commits; only then the journal rows after the last seen id are read (SQLite assigns ids in
  commit order, so none is skipped).

``poll()`` is cheap (microseconds) and never blocks: the window calls it from a timer.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from pathlib import Path

from kr_desktop.db.sqlite_uri import readonly_uri

CHANNEL = "kr_desktop_changes"
ANY_TABLE = "*"  # a change too large to list (or a feed that lost track): every view refreshes

class OwnChangesets:
    """The changesets one Database (one window) wrote: its feed leaves them out. Bounded: only
    the recent ones can still arrive."""

    def __init__(self, limit: int = 2000):
        self._order: deque[str] = deque(maxlen=limit)
        self._set: set[str] = set()

    def add(self, changeset: str) -> None:
        if changeset in self._set:
            return
        if len(self._order) == self._order.maxlen:
            self._set.discard(self._order[0])
        self._order.append(changeset)
        self._set.add(changeset)

    def __contains__(self, changeset: str) -> bool:
        return changeset in self._set


class SqliteFeed:
    def __init__(self, path: Path, own: OwnChangesets):
        self.own = own
        self.connection = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)
        self.version = self._data_version()
        self.last_id = self.connection.execute("SELECT coalesce(max(id), 0) FROM journal_entry").fetchone()[0]

    def _data_version(self) -> int:
        return self.connection.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> set[str]:
        version = self._data_version()
        if version == self.version:
            return set()
        self.version = version
        rows = self.connection.execute(
            "SELECT table_name, changeset, max(id) FROM journal_entry WHERE id > ? GROUP BY table_name, changeset",
            (self.last_id,)).fetchall()
        self.connection.rollback()  # no read transaction left open: the next data_version is fresh
        if rows:
            self.last_id = max(row[2] for row in rows)
        return {table for table, changeset, _ in rows if changeset not in self.own}

    def close(self) -> None:
        self.connection.close()


class PostgresFeed:
    def __init__(self, engine, own: OwnChangesets):
        self.own = own
        raw = engine.raw_connection()
        raw.detach()  # the feed's own connection, never handed to a session
        self.raw = raw
        self.connection = raw.dbapi_connection
        self.connection.autocommit = True
        self.connection.execute(f"LISTEN {CHANNEL}")

    def poll(self) -> set[str]:
        tables: set[str] = set()
        for note in self.connection.notifies(timeout=0):
            if note.payload == ANY_TABLE:
                tables.add(ANY_TABLE)
                continue
            for item in note.payload.split():
                changeset, _, table = item.partition(":")
                if changeset not in self.own:
                    tables.add(table)
        return tables

    def close(self) -> None:
        self.raw.close()


def open_feed(db):
    """The feed for an open Database (kr_desktop.db.engine)."""
    if db.is_sqlite:
        return SqliteFeed(Path(db.engine.url.database), db.own_changesets)
    return PostgresFeed(db.engine, db.own_changesets)
