"""What other workstations have committed since we last looked: the tables they changed.

Every change writes journal rows in its own transaction (kr_desktop.db.journal), so the journal
says what changed and by which changeset; changesets this process wrote itself are left out
(its own windows refresh when they make a change).

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

_OWN: deque[str] = deque(maxlen=2000)
_OWN_SET: set[str] = set()


def remember_own(changeset: str) -> None:
    """A changeset this process wrote (called by the journal)."""
    if changeset in _OWN_SET:
        return
    if len(_OWN) == _OWN.maxlen:
        _OWN_SET.discard(_OWN[0])
    _OWN.append(changeset)
    _OWN_SET.add(changeset)


def is_own(changeset: str) -> bool:
    return changeset in _OWN_SET


class SqliteFeed:
    def __init__(self, path: Path):
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
        return {table for table, changeset, _ in rows if not is_own(changeset)}

    def close(self) -> None:
        self.connection.close()


class PostgresFeed:
    def __init__(self, engine):
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
                if not is_own(changeset):
                    tables.add(table)
        return tables

    def close(self) -> None:
        self.raw.close()


def open_feed(db):
    """The feed for an open Database (kr_desktop.db.engine)."""
    if db.is_sqlite:
        return SqliteFeed(Path(db.engine.url.database))
    return PostgresFeed(db.engine)
