"""Where backups live, their names, listing and rotation, and the temporary files that an
interrupted backup, restore or creation leaves behind (removed on a later run)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kr_desktop.domain.backup_rotation import DEFAULT_POLICY, RotationPolicy, backups_to_delete
from kr_desktop.temp_files import remove_abandoned

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


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created: dt.datetime
    reason: str

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


# -- where backups live ---------------------------------------------------------------------

def backups_dir(db_path: Path) -> Path:
    """``backups/`` in the per-user data folder for the user's own database; for any other file
    (``--db PATH``) a ``<name>.backups/`` folder beside it."""
    from kr_desktop.paths import default_db_path, user_data_dir  # platformdirs: only when asked

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


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
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


def clean_stale_temp_files(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the temporary files that an interrupted backup, restore or creation left behind:
    those no living process holds (kr_desktop.temp_files; where locks are not available, those
    older than ``older_than`` seconds). Their names never collide with real files."""
    return remove_abandoned(Path(folder), lambda name: name.startswith(TEMP_PREFIXES), older_than)
