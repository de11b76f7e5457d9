"""Backups of a SQLite database file and restoring them (a PostgreSQL server is backed up with
pg_dump, see docs/server.md): ``store`` — where backups live, their names and rotation;
``snapshot`` — making and verifying one; ``restore`` — putting one back."""

from kr_desktop.db.backup.restore import RestoreResult, restore_backup
from kr_desktop.db.backup.snapshot import (BackupError, BackupResult, auto_backup, copy_snapshot, create_backup,
                                           database_file, newest_good_backup, verify_backup)
from kr_desktop.db.backup.store import (BACKUP_SUFFIX, REASON_LABELS, STALE_TEMP_SECONDS, TEMP_PREFIXES, BackupEntry,
                                        backup_name, backups_dir, clean_stale_temp_files, list_backups, rotate)

__all__ = ["BACKUP_SUFFIX", "REASON_LABELS", "STALE_TEMP_SECONDS", "TEMP_PREFIXES", "BackupEntry", "BackupError",
           "BackupResult", "RestoreResult", "auto_backup", "backup_name", "backups_dir", "clean_stale_temp_files",
           "copy_snapshot", "create_backup", "database_file", "list_backups", "newest_good_backup", "restore_backup",
           "rotate", "verify_backup"]
