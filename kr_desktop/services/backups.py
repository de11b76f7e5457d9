"""Backups for the window: make one now, list them, restore one (administrator only), and recover
a damaged file at start. The work is done by kr_desktop.db.backup; this layer checks roles and
returns plain data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kr_desktop.db import backup
from kr_desktop.db.backup.summary import BackupSummary, summarize_backup, summarize_folder
from kr_desktop.db.engine import Database
from kr_desktop.errors import UserError
from kr_desktop.services.access import ADMIN, require


@dataclass(frozen=True)
class BackupItem:
    path: Path
    created: object  # datetime
    reason_label: str


def _file_of(db: Database) -> Path:
    path = backup.database_file(db)
    if path is None:
        raise UserError("Базу даних на сервері PostgreSQL копіює адміністратор сервера (pg_dump, див. docs/server.md).")
    return path


def backup_now(db: Database) -> backup.BackupResult:
    """A verified backup into the backups folder (any role: it only reads)."""
    return backup.create_backup(_file_of(db), reason="manual")


def backups_folder(db: Database) -> Path:
    return backup.backups_dir(_file_of(db))


def list_backups(db: Database) -> list[BackupItem]:
    return [BackupItem(e.path, e.created, e.reason_label) for e in backup.list_backups(backups_folder(db))]


def backup_summaries(db: Database, folder: Path | None = None) -> list[BackupSummary]:
    """The backups of the open database's folder (or of ``folder``: a USB stick), newest first,
    each with its date, size and records (read quickly; restore checks a copy fully first)."""
    return summarize_folder(folder if folder is not None else backups_folder(db))


def summary_of(path: Path) -> BackupSummary:
    """One file the user picked (a copy kept elsewhere), with what it holds."""
    name = Path(path).name
    entry = next((e for e in backup.list_backups(Path(path).parent) if e.path.name == name), None)
    return summarize_backup(Path(path), entry.created if entry else None, entry.reason if entry else "")


def backup_to_folder(db: Database, folder: Path) -> backup.BackupResult:
    """A verified backup written into a folder the user chose (another disk, a USB stick); the
    copies there are never rotated away."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"Теки «{folder}» не існує (чи вставлено флешку?).")
    return backup.create_backup(_file_of(db), out=folder / backup.backup_name("manual"), reason="manual",
                                policy=None)


def restore(db: Database, source: Path) -> backup.RestoreResult:
    """Replace the open database's file with ``source`` (administrator only).

    The database's connections are closed first; the caller must not use ``db`` afterwards
    (the window restarts). The restored file is brought to the current schema at once.
    """
    require(db, ADMIN)
    path = _file_of(db)
    backup.verify_backup(source)  # refuse a bad file before closing anything
    db.dispose()
    result = backup.restore_backup(Path(source), path)
    from kr_desktop.db.open import open_database

    open_database(path).dispose()  # upgrade now (with its own backup), so the next start is quick
    return result


def newest_good_backup_for(path: str | Path) -> backup.BackupEntry | None:
    """The newest verified backup of a database file (for the recovery dialog at start)."""
    folder = backup.backups_dir(Path(path))
    good = backup.newest_good_backup(folder)
    if good is None:
        return None
    return next(e for e in backup.list_backups(folder) if e.path == good)


def recover_damaged(path: str | Path, source: Path) -> backup.RestoreResult:
    """Restore ``source`` under the name of the damaged ``path``; the damaged file is kept,
    byte for byte, as ``<name>.damaged-<time>`` (never overwritten or deleted)."""
    return backup.restore_backup(Path(source), Path(path), aside_label="damaged")


def auto_backup(db: Database, reason: str) -> backup.BackupResult | None:
    """The automatic backup at window start and exit (file databases; never raises)."""
    return backup.auto_backup(db, reason)
