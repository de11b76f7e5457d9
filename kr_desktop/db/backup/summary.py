"""What a backup holds, read quickly for a person choosing one: when it was made and why, its
size, and how many records of the main kinds it has — without the full check (``verify_backup``,
run again before a restore), so a list of many large backups opens at once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kr_desktop.db import migrate
from kr_desktop.db.backup.store import REASON_LABELS, list_backups
from kr_desktop.db.sqlite_uri import readonly_uri

# The records a person recognises a copy by, in this order.
KEY_TABLES = ("person", "award", "event", "progress_entry", "measure")


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created: dt.datetime  # from the name of a backup made by the program, else the file's time
    reason: str  # "manual", "start", … ("" for a file named otherwise)
    size: int  # bytes
    records: dict[str, int] = field(default_factory=dict)  # KEY_TABLES present → rows
    problem: str | None = None  # why it cannot be restored (not kr_desktop, newer, unreadable)

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


def summarize_backup(path: Path, created: dt.datetime | None = None, reason: str = "") -> BackupSummary:
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        return BackupSummary(path, created or dt.datetime.now(), reason, 0, {},
                             f"файл не прочитано ({exc.strerror or exc})")
    when = created or dt.datetime.fromtimestamp(stat.st_mtime)
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return BackupSummary(path, when, reason, stat.st_size, {}, "не резервна копія бази даних")
        raw = sqlite3.connect(readonly_uri(path, immutable=True), uri=True)
        try:
            tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            marker, revision = migrate.raw_identity(raw, tables)
            records = {table: raw.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                       for table in KEY_TABLES if table in tables}
        finally:
            raw.close()
    except (sqlite3.DatabaseError, OSError):
        return BackupSummary(path, when, reason, stat.st_size, {}, "пошкоджена, не читається")
    problem = None
    if marker != migrate.APP_MARKER_VALUE:
        problem = "не резервна копія kr_desktop"
    elif revision is not None and revision not in migrate.known_revisions():
        problem = "створена новішою версією програми"
    return BackupSummary(path, when, reason, stat.st_size, records, problem)


def summarize_folder(folder: Path) -> list[BackupSummary]:
    """The program's backups in ``folder``, newest first."""
    return [summarize_backup(entry.path, entry.created, entry.reason) for entry in list_backups(folder)]
