"""Restoring a database file from a verified backup: the current file is backed up and kept
aside, never deleted, and the restored file takes its name in one atomic rename."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kr_desktop.db.backup.snapshot import BackupError, copy_snapshot, create_backup, verify_backup
from kr_desktop.db.backup.store import TEMP_PREFIXES, clean_stale_temp_files, fsync_dir
from kr_desktop.db.failures import database_error_text
from kr_desktop.db.file_check import check_file
from kr_desktop.errors import DatabaseFileError, os_error_text
from kr_desktop.temp_files import claimed_temp


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    replaced_aside: Path | None   # the previous file, kept under a new name
    safety_backup: Path | None    # a backup of the previous file taken just before


def _take_exclusive(db_path: Path) -> sqlite3.Connection:
    """An exclusive lock on the live database: refuses while any other window or process has
    it open, and empties its WAL into the main file on close."""
    connection = sqlite3.connect(db_path, timeout=1.0)
    connection.isolation_level = None
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
    except sqlite3.OperationalError:
        connection.close()
        raise BackupError("Базу даних зараз відкрито в іншому вікні або іншою програмою. Закрийте їх і "
                          "повторіть відновлення.") from None
    return connection


def restore_backup(backup: Path, db_path: Path, aside_label: str = "replaced") -> RestoreResult:
    """Replace the database file ``db_path`` with the verified ``backup``.

    The current file, if any, is backed up first (when readable) and kept aside as
    ``<name>.<aside_label>-<time>`` (with its -wal), never deleted or overwritten. The
    restored file appears under ``db_path`` by one atomic rename: at no moment is the name
    missing or half-written.
    """
    backup, db_path = Path(backup).expanduser(), Path(db_path).expanduser()
    if db_path.is_dir() or (db_path.exists() and not db_path.is_file()):
        raise BackupError(f"«{db_path}» — не файл бази даних (тека, пристрій або канал): його не буде замінено.")
    verify_backup(backup)
    folder = db_path.parent
    if not folder.is_dir():
        raise BackupError(f"Теки «{folder}» не існує.")
    if not os.access(folder, os.W_OK):
        raise BackupError(f"Немає дозволу на запис у теку «{folder}».")
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError("Не можна відновити базу даних з неї самої.")
    safety: Path | None = None
    lock: sqlite3.Connection | None = None
    if db_path.exists():
        try:
            check_file(db_path)
            readable = True
        except DatabaseFileError:
            readable = False  # damaged: set aside as it is, without opening it for writing
        if readable:
            safety = create_backup(db_path, reason="before-restore").path
            lock = _take_exclusive(db_path)
    clean_stale_temp_files(folder)  # what a killed restore or backup left beside the database
    aside: Path | None = None
    try:
        with claimed_temp(folder, TEMP_PREFIXES[1], ".part") as temp:
            try:
                counts = copy_snapshot(backup, temp)
            except sqlite3.Error as exc:
                raise BackupError(f"Не вдалося прочитати резервну копію «{backup.name}»: "
                                  f"{database_error_text(exc)}") from None
            with sqlite3.connect(temp) as raw:
                raw.execute("PRAGMA journal_mode=WAL")  # the working file uses WAL like any we create
            raw.close()
            verify_backup(temp, counts)
            if lock is not None:
                lock.close()  # exclusive mode: the WAL is checkpointed and removed on close
                lock = None
            if db_path.exists():
                aside = _set_aside(db_path, aside_label)
            os.replace(temp, db_path)
            fsync_dir(folder)
    except OSError as exc:
        raise BackupError(f"Не вдалося відновити базу даних: {os_error_text(exc)}.") from None
    finally:
        if lock is not None:
            lock.close()
    return RestoreResult(db_path, aside, safety)


def _set_aside(db_path: Path, aside_label: str) -> Path:
    """Keep the current file under a new name (with its -wal and -shm): never deleted."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.{aside_label}-{stamp}")
    n = 1
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.{aside_label}-{stamp}-{n}")
        n += 1
    try:
        os.link(db_path, aside)  # keep the old file; the name is swapped atomically by the caller
    except OSError:
        os.rename(db_path, aside)  # no hard links on this file system
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():  # a stale WAL must never be replayed into the restored file
            os.replace(companion, Path(f"{aside}{suffix}"))
    return aside
