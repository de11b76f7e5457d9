"""The start screen as last computed, so the window shows its data before the database layer loads.

Importing SQLAlchemy and the models takes about 0.3 s, the integrity check of a big file as long
again: more than the whole start of a bare Qt window. So on a local database file the window draws
«Контроль» from this snapshot while the database opens beside it, then shows the data computed
afresh. A snapshot is used only while it is current: it carries a stamp of the database (schema
revision and the last journal entry — every change writes one in its own transaction, and a
changeset id is never reused) and the days it holds for (statuses change with the date: the
service computes, from the same reading, the last day on which control would show the same).
Anything else, and the window waits for the real data.

The snapshot lives in the folder the window names (the user's cache folder, readable by that
user only); it holds the control screen of a file that user could open anyway — the file's
permissions are the boundary.

Only the standard library and the domain here: this runs before SQLAlchemy is imported.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path

from kr_desktop import __version__
from kr_desktop.db.sqlite_uri import readonly_uri
from kr_desktop.domain.control_data import ControlData, ControlItem, ControlStatus, ExecutorCounts
from kr_desktop.domain.periods import Period

FORMAT = 3  # 3: items carry their measures (reminder letters list them)

Stamp = list  # [schema revision, last journal id, its changeset]


def local_file(target: str) -> Path | None:
    """The file behind a window target (a path or ``sqlite:///path``), None for a server URL."""
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    elif "://" in target:
        return None
    try:
        return Path(target).expanduser().resolve()
    except (OSError, ValueError):
        return None


def _snapshot_file(folder: Path, database: Path) -> Path:
    # A short name per database file; a clash only costs a snapshot (the file names its database).
    name = str(database).encode("utf-8")
    return folder / f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}.json"


def stamp(database: Path) -> Stamp | None:
    """What identifies the database's current state, read without changing anything; None when
    the file cannot be read this way (then no snapshot is used or kept)."""
    if not database.is_file():
        return None
    # immutable when no one has it open (no -wal): read without locks and without side files
    uri = readonly_uri(database, immutable=not Path(f"{database}-wal").exists())
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            last = connection.execute("SELECT id, changeset FROM journal_entry ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return [revision[0] if revision else None, *(last or (None, None))]


def load(folder: Path, database: Path, today: dt.date) -> ControlData | None:
    """The control screen for ``today`` kept in ``folder``, if it was taken of the database as it
    is now and ``today`` is within the days it was found to stay the same."""
    try:
        saved = json.loads(_snapshot_file(folder, database).read_text(encoding="utf-8"))
        if (saved.get("format") != FORMAT or saved.get("version") != __version__
                or saved.get("database") != str(database)
                or not saved["on"] <= today.isoformat() <= saved["through"]):
            return None
        current = stamp(database)
        if current is None or saved.get("stamp") != current:
            return None
        return replace(_decode(saved["data"]), on=today)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # no snapshot, or one this version cannot read: the window waits for the data


def save(folder: Path, database: Path, taken: Stamp, data: ControlData, through: dt.date | None = None) -> bool:
    """Keep ``data`` in ``folder`` as the start screen of ``database`` at state ``taken``, to be
    shown on the days ``data.on``…``through`` (atomic; a cache, so a failure to write is not an
    error)."""
    import tempfile

    record = {"format": FORMAT, "version": __version__, "database": str(database), "on": data.on.isoformat(),
              "through": (through or data.on).isoformat(), "stamp": taken, "data": _encode(data)}
    target = _snapshot_file(folder, database)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".start-", suffix=".json", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp: readable by this user only
                json.dump(record, out, ensure_ascii=False)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def _encode(data: ControlData) -> dict:
    return {
        "on": data.on.isoformat(),
        "soon_days": data.soon_days,
        "periods": [[p.year, p.half] for p in data.periods],
        "items": [[i.kind, i.status.value, i.due.isoformat(), [list(e) for e in i.executors], i.what, i.detail,
                   i.deadline, list(i.measure_ids)] for i in data.items],
        "by_executor": [[c.executor_id, c.executor, c.overdue, c.due_soon, c.done] for c in data.by_executor],
    }


def _decode(raw: dict) -> ControlData:
    items = tuple(ControlItem(kind, ControlStatus(status), dt.date.fromisoformat(due),
                              tuple((int(e_id), str(name)) for e_id, name in executors), what, detail, deadline,
                              tuple(int(i) for i in measure_ids))
                  for kind, status, due, executors, what, detail, deadline, measure_ids in raw["items"])
    counts = tuple(ExecutorCounts(int(e_id), name, int(overdue), int(soon), int(done))
                   for e_id, name, overdue, soon, done in raw["by_executor"])
    return ControlData(dt.date.fromisoformat(raw["on"]), int(raw["soon_days"]),
                       tuple(Period(int(year), int(half)) for year, half in raw["periods"]), items, counts)
