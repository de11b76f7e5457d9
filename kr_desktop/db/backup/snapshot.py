"""Making a backup and checking one.

A backup is taken with SQLite's online backup API (never a file copy of a live database, which
can catch a half-written page or miss the WAL), inside one read transaction whose row counts are
recorded; it is written under a temporary name, verified (integrity_check, our marker, a schema
this version knows, the same row counts) and only then renamed into place.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from kr_desktop.db import migrate
from kr_desktop.db.backup.store import (TEMP_PREFIXES, backup_name, backups_dir, clean_stale_temp_files, fsync_dir,
                                        fsync_file, list_backups, rotate)
from kr_desktop.db.engine import BUSY_TIMEOUT_MS
from kr_desktop.db.failures import database_error_text
from kr_desktop.db.file_check import check_file
from kr_desktop.db.sqlite_uri import reading_uri
from kr_desktop.domain.backup_rotation import DEFAULT_POLICY, RotationPolicy
from kr_desktop.error_texts import explain, os_error_text
from kr_desktop.errors import DatabaseFileError, UserError
from kr_desktop.output_files import refuse_existing
from kr_desktop.temp_files import claimed_temp

log = logging.getLogger(__name__)


class BackupError(UserError):
    """A backup could not be made, verified or restored (message in Ukrainian)."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    counts: dict[str, int]
    seconds: float
    removed: list[Path] = field(default_factory=list)  # old backups rotated away


# -- making and checking a backup -------------------------------------------------------------

def _user_tables(connection: sqlite3.Connection) -> list[str]:
    return sorted(row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in _user_tables(connection)}


def _report_progress(_status: int, remaining: int, total: int) -> None:
    from kr_desktop.cancel import checkpoint

    checkpoint(total - remaining, total)  # raises Cancelled when the user asked to stop


def copy_snapshot(source: Path, temp: Path) -> dict[str, int]:
    """Copy ``source`` into the new file ``temp`` with the online backup API, from one read
    snapshot, and return that snapshot's row counts. The copy is left in rollback-journal mode:
    a backup is a single self-contained file."""
    src = sqlite3.connect(reading_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        src.isolation_level = None
        src.execute("BEGIN")  # the backup step reuses this read transaction: counts and pages agree
        counts = _counts(src)
        dst = sqlite3.connect(temp)
        try:
            # In steps of 1,024 pages (4 MB), so a job from the window shows progress and can be
            # cancelled between steps (kr_desktop.cancel); one read transaction holds the snapshot.
            src.backup(dst, pages=1024, progress=_report_progress)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    fsync_file(temp)
    return counts


def verify_backup(path: Path, expected_counts: dict[str, int] | None = None) -> dict[str, int]:
    """Open the backup read-only and check it completely; return its row counts.

    Refuses (BackupError) a file that is not SQLite, fails ``PRAGMA integrity_check``, lacks
    kr_desktop's marker, comes from a newer version, or whose row counts differ from those
    recorded when it was taken.
    """
    path = Path(path)
    if path.exists() and not path.is_file():  # a folder, a FIFO (reading it would wait for ever), a device
        raise BackupError(f"«{path}» — не файл резервної копії (тека, пристрій або канал).")
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupError(f"Не вдалося прочитати резервну копію «{path}»: {explain(exc)}.") from None
    if header != b"SQLite format 3\x00":
        raise BackupError(f"Файл «{path.name}» не є резервною копією бази даних (не SQLite або пошкоджено).")
    try:
        raw = sqlite3.connect(reading_uri(path), uri=True)
        try:
            result = [row[0] for row in raw.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise BackupError(f"Резервна копія «{path.name}» пошкоджена (перевірка цілісності: "
                                  f"{'; '.join(map(str, result[:3]))}).")
            tables = set(_user_tables(raw))
            marker, revision = migrate.raw_identity(raw, tables)
            counts = _counts(raw)
        finally:
            raw.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Резервна копія «{path.name}» пошкоджена, її не вдається прочитати "
                          f"({explain(exc)}).") from None
    if marker != migrate.APP_MARKER_VALUE:
        raise BackupError(f"Файл «{path.name}» — не резервна копія kr_desktop.")
    if revision is not None and revision not in migrate.known_revisions():
        raise BackupError(f"Резервну копію «{path.name}» створено новішою версією kr_desktop (схема {revision}).")
    if expected_counts is not None and counts != expected_counts:
        differing = sorted(t for t in set(counts) | set(expected_counts) if counts.get(t) != expected_counts.get(t))
        raise BackupError(f"Резервна копія «{path.name}» неповна: не збігається кількість записів у таблицях "
                          f"{', '.join(differing)}.")
    return counts


def create_backup(db_path: Path, out: Path | None = None, reason: str = "manual",
                  policy: RotationPolicy | None = DEFAULT_POLICY, replace: bool = False) -> BackupResult:
    """Back up the database file ``db_path`` to ``out`` or into its backups folder (then rotate).

    Nothing appears under the final name unless the copy is complete and verified. An existing
    ``out`` is replaced only with ``replace`` (``--force``), and never when it is a database or a
    backup. The database is only read (kr_desktop.db.sqlite_uri.reading_uri)."""
    started = time.perf_counter()
    db_path = Path(db_path).expanduser()
    if not db_path.exists():
        raise BackupError(f"Файл бази даних «{db_path}» не знайдено.")
    try:
        check_file(db_path)
    except DatabaseFileError as exc:
        raise BackupError(f"Резервну копію не створено: {exc.message}") from None
    if out is None:
        folder = backups_dir(db_path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupError(f"Не вдалося створити теку резервних копій «{folder}»: {os_error_text(exc)}.") from None
        target = folder / backup_name(reason)
    else:
        target = Path(out).expanduser()
        folder = target.parent
        if not folder.is_dir():
            raise BackupError(f"Теки «{folder}» не існує.")
        if target.is_dir():
            raise BackupError(f"«{target}» — це тека; вкажіть ім’я файлу резервної копії.")
        if target.resolve() == db_path.resolve():
            raise BackupError("Резервну копію не можна записати поверх самої бази даних.")
        refuse_existing(target, force=replace)
    if not os.access(folder, os.W_OK):
        raise BackupError(f"Немає дозволу на запис у теку «{folder}».")
    clean_stale_temp_files(folder)  # a killed backup's copy, at once (not after an hour)
    try:
        with claimed_temp(folder, TEMP_PREFIXES[0], ".part") as temp:
            try:
                counts = copy_snapshot(db_path, temp)
            except sqlite3.Error as exc:
                raise BackupError(f"Не вдалося створити резервну копію «{db_path.name}»: "
                                  f"{database_error_text(exc)}") from None
            verify_backup(temp, counts)
            os.replace(temp, target)
            fsync_dir(folder)
    except OSError as exc:
        raise BackupError(f"Не вдалося записати резервну копію: {os_error_text(exc)}.") from None
    removed = rotate(folder, policy=policy) if out is None and policy is not None else []
    return BackupResult(target, counts, time.perf_counter() - started, removed)


def newest_good_backup(folder: Path) -> Path | None:
    """The newest backup in ``folder`` that passes verification, or None."""
    for entry in list_backups(folder):
        try:
            verify_backup(entry.path)
        except BackupError as exc:
            log.warning("skipping bad backup %s: %s", entry.path, exc.message)
            continue
        return entry.path
    return None


# -- the application's automatic backups ------------------------------------------------------

def database_file(db) -> Path | None:
    """The file of an open SQLite ``Database``; None for a server database."""
    if not db.is_sqlite:
        return None
    database = db.engine.url.database
    return Path(database) if database and database != ":memory:" else None


def auto_backup(db, reason: str) -> BackupResult | None:
    """An automatic backup of an open database; never raises (a failed backup must not stop the
    user's work: it is logged and reported as None)."""
    path = database_file(db)
    if path is None:
        return None
    try:
        return create_backup(path, reason=reason)
    except UserError as exc:
        log.warning("automatic backup (%s) failed: %s", reason, exc.message)
    except OSError as exc:
        log.warning("automatic backup (%s) failed: %s", reason, exc)
    return None
