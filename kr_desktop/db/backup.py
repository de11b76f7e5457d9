"""Backups of a SQLite database file and restoring them.

A backup is taken with SQLite's online backup API (never a file copy of a live database, which
can catch a half-written page or miss the WAL), inside one read transaction whose row counts are
recorded; it is written under a temporary name, verified (integrity_check, our marker, a schema
this version knows, the same row counts) and only then renamed into place. Automatic backups live
in a folder beside the data and are rotated (kr_desktop.domain.backup_rotation).

A restore verifies the backup first, takes a safety backup of the current file when it is
readable, keeps the replaced file aside under a timestamped name (never deleted) and swaps the
restored file in with one atomic rename. A PostgreSQL server is backed up with pg_dump (README).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from kr_desktop.db import migrate
from kr_desktop.db.engine import BUSY_TIMEOUT_MS
from kr_desktop.domain.backup_rotation import DEFAULT_POLICY, RotationPolicy, backups_to_delete
from kr_desktop.error_texts import explain
from kr_desktop.errors import DatabaseFileError, UserError

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sqlite3"
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME_RE = re.compile(r"kr_desktop-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.sqlite3$")
TEMP_PREFIXES = (".kr_desktop-backup-", ".kr_desktop-restore-", ".kr_desktop-new-")
STALE_TEMP_SECONDS = 3600

REASON_LABELS = {
    "start": "під час запуску",
    "exit": "під час виходу",
    "manual": "створена вручну",
    "before-migration": "перед оновленням бази даних",
    "before-restore": "перед відновленням",
    "command-line": "з командного рядка",
}


class BackupError(UserError):
    """A backup could not be made, verified or restored (message in Ukrainian)."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    counts: dict[str, int]
    seconds: float
    removed: list[Path] = field(default_factory=list)  # old backups rotated away


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created: dt.datetime
    reason: str

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    replaced_aside: Path | None   # the previous file, kept under a new name
    safety_backup: Path | None    # a backup of the previous file taken just before


# -- where backups live ---------------------------------------------------------------------

def backups_dir(db_path: Path) -> Path:
    """``backups/`` in the per-user data folder for the user's own database; for any other file
    (``--db PATH``) a ``<name>.backups/`` folder beside it."""
    from kr_desktop.paths import default_db_path, user_data_dir

    db_path = Path(db_path).expanduser().resolve()
    if db_path == default_db_path().resolve():
        return user_data_dir() / "backups"
    return db_path.with_name(f"{db_path.name}.backups")


def list_backups(folder: Path) -> list[BackupEntry]:
    """The automatic and manual backups in ``folder``, newest first (other files ignored)."""
    entries = []
    if not Path(folder).is_dir():
        return entries
    for path in Path(folder).iterdir():
        match = _NAME_RE.fullmatch(path.name)
        if not match or not path.is_file():
            continue
        try:
            created = dt.datetime.strptime(match.group(1), _STAMP_FORMAT)
        except ValueError:
            continue
        entries.append(BackupEntry(path, created, match.group(2)))
    entries.sort(key=lambda e: e.created, reverse=True)
    return entries


def backup_name(reason: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now()
    return f"kr_desktop-{when.strftime(_STAMP_FORMAT)}-{reason}{BACKUP_SUFFIX}"


# -- making and checking a backup -------------------------------------------------------------

def _user_tables(connection: sqlite3.Connection) -> list[str]:
    return sorted(row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in _user_tables(connection)}


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _report_progress(_status: int, remaining: int, total: int) -> None:
    from kr_desktop.cancel import checkpoint

    checkpoint(total - remaining, total)  # raises Cancelled when the user asked to stop


def _copy_snapshot(source: Path, temp: Path) -> dict[str, int]:
    """Copy ``source`` into the new file ``temp`` with the online backup API, from one read
    snapshot, and return that snapshot's row counts. The copy is left in rollback-journal mode:
    a backup is a single self-contained file."""
    from kr_desktop.db.open import readonly_uri

    src = sqlite3.connect(readonly_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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
    _fsync_file(temp)
    return counts


def verify_backup(path: Path, expected_counts: dict[str, int] | None = None) -> dict[str, int]:
    """Open the backup read-only and check it completely; return its row counts.

    Refuses (BackupError) a file that is not SQLite, fails ``PRAGMA integrity_check``, lacks
    kr_desktop's marker, comes from a newer version, or whose row counts differ from those
    recorded when it was taken.
    """
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupError(f"Не вдалося прочитати резервну копію «{path}»: {explain(exc)}.") from None
    if header != b"SQLite format 3\x00":
        raise BackupError(f"Файл «{path.name}» не є резервною копією бази даних (не SQLite або пошкоджено).")
    try:
        from kr_desktop.db.open import readonly_uri

        raw = sqlite3.connect(readonly_uri(path, immutable=not Path(f"{path}-wal").exists()), uri=True)
        try:
            result = [row[0] for row in raw.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise BackupError(f"Резервна копія «{path.name}» пошкоджена (перевірка цілісності: "
                                  f"{'; '.join(map(str, result[:3]))}).")
            tables = set(_user_tables(raw))
            marker = revision = None
            if "app_meta" in tables:
                row = raw.execute("SELECT value FROM app_meta WHERE key = ?", (migrate.APP_MARKER_KEY,)).fetchone()
                marker = row[0] if row else None
            if "alembic_version" in tables:
                row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            counts = _counts(raw)
        finally:
            raw.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Резервна копія «{path.name}» пошкоджена, її не вдається прочитати ({explain(exc)}).") from None
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
                  policy: RotationPolicy | None = DEFAULT_POLICY) -> BackupResult:
    """Back up the database file ``db_path`` to ``out`` or into its backups folder (then rotate).

    Nothing appears under the final name unless the copy is complete and verified.
    """
    from kr_desktop.db.open import check_file

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
            raise BackupError(f"Не вдалося створити теку резервних копій «{folder}»: {explain(exc)}.") from None
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
    if not os.access(folder, os.W_OK):
        raise BackupError(f"Немає дозволу на запис у теку «{folder}».")
    temp = folder / f"{TEMP_PREFIXES[0]}{uuid.uuid4().hex}.part"
    try:
        try:
            counts = _copy_snapshot(db_path, temp)
        except sqlite3.Error as exc:
            raise BackupError(f"Не вдалося створити резервну копію «{db_path.name}»: {explain(exc)}.") from None
        except OSError as exc:
            raise BackupError(f"Не вдалося записати резервну копію: {explain(exc)}.") from None
        verify_backup(temp, counts)
        os.replace(temp, target)
        _fsync_dir(folder)
    finally:
        for leftover in (temp, Path(f"{temp}-journal")):
            leftover.unlink(missing_ok=True)
    removed = rotate(folder, policy=policy) if out is None and policy is not None else []
    return BackupResult(target, counts, time.perf_counter() - started, removed)


def rotate(folder: Path, now: dt.datetime | None = None,
           policy: RotationPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the backups the rotation policy does not keep; return what was deleted."""
    entries = list_backups(folder)
    doomed = set(backups_to_delete([e.created for e in entries], now or dt.datetime.now(), policy))
    removed = []
    for entry in entries:
        if entry.created in doomed:
            entry.path.unlink(missing_ok=True)
            removed.append(entry.path)
    return removed


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


def clean_stale_temp_files(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove temporary files an interrupted backup, restore or creation left behind.

    Only files older than ``older_than`` seconds go: a younger one may belong to a process that
    is still working. Their names never collide with real files, so leaving them is harmless.
    """
    removed = []
    if not Path(folder).is_dir():
        return removed
    limit = time.time() - older_than
    for path in Path(folder).iterdir():
        if path.name.startswith(TEMP_PREFIXES):
            try:
                if path.stat().st_mtime <= limit:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed


# -- restoring -----------------------------------------------------------------------------

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
    from kr_desktop.db.open import check_file

    backup, db_path = Path(backup).expanduser(), Path(db_path).expanduser()
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
    temp = folder / f"{TEMP_PREFIXES[1]}{uuid.uuid4().hex}.part"
    aside: Path | None = None
    try:
        try:
            counts = _copy_snapshot(backup, temp)
        except sqlite3.Error as exc:
            raise BackupError(f"Не вдалося прочитати резервну копію «{backup.name}»: {explain(exc)}.") from None
        with sqlite3.connect(temp) as raw:
            raw.execute("PRAGMA journal_mode=WAL")  # the working file uses WAL like any we create
        raw.close()
        verify_backup(temp, counts)
        if lock is not None:
            lock.close()  # exclusive mode: the WAL is checkpointed and removed on close
            lock = None
        if db_path.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = db_path.with_name(f"{db_path.name}.{aside_label}-{stamp}")
            n = 1
            while aside.exists():
                aside = db_path.with_name(f"{db_path.name}.{aside_label}-{stamp}-{n}")
                n += 1
            try:
                os.link(db_path, aside)  # keep the old file; the name is swapped atomically below
            except OSError:
                os.rename(db_path, aside)  # no hard links on this file system
            for suffix in ("-wal", "-shm"):
                companion = Path(f"{db_path}{suffix}")
                if companion.exists():  # a stale WAL must never be replayed into the restored file
                    os.replace(companion, Path(f"{aside}{suffix}"))
        os.replace(temp, db_path)
        _fsync_dir(folder)
    finally:
        if lock is not None:
            lock.close()
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"), Path(f"{temp}-journal")):
            leftover.unlink(missing_ok=True)
    return RestoreResult(db_path, aside, safety)


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
