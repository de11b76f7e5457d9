"""Is this file a kr_desktop database? Checked read-only, before anything opens it for writing.

Shared by opening (kr_desktop.db.open) and by backups (kr_desktop.db.backup), which both refuse a
file that is not ours — so neither needs the other for it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kr_desktop.db import migrate
from kr_desktop.db.sqlite_uri import readonly_uri
from kr_desktop.errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedDatabaseError(DatabaseFileError):
    """The file is not a usable kr_desktop database (empty, not SQLite, damaged or another
    program's): a restore from a backup may help. A newer version's file is no such case."""


def check_file(path: Path) -> None:
    """Refuse what is not a kr_desktop SQLite database, without writing anything."""
    if path.is_dir():
        raise DatabaseFileError(f"«{path}» — це тека, а не файл бази даних.")
    if path.exists() and not path.is_file():  # reading a FIFO would wait for ever, a device for ever more
        raise DatabaseFileError(f"«{path}» — не звичайний файл (пристрій або канал), а не файл бази даних.")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise DatabaseFileError(f"Немає дозволу на читання файлу «{path}».") from None
    except OSError as exc:
        raise DatabaseFileError(f"Не вдалося прочитати файл «{path}»: {exc.strerror}.") from None
    if not header:
        raise DamagedDatabaseError(f"Файл «{path}» порожній: це не база даних kr_desktop.")
    if header != SQLITE_HEADER:
        raise DamagedDatabaseError(f"Файл «{path}» не є базою даних SQLite (можливо, його пошкоджено "
                                "або це файл іншого типу).")
    try:
        # Read-only (immutable when no -wal exists): checking must not create files or change anything.
        with sqlite3.connect(readonly_uri(path, immutable=not Path(f"{path}-wal").exists()), uri=True) as raw:
            # quick_check reads every page (cheap: no index cross-check): a truncated or
            # scribbled-over file is found here, before anything writes to it.
            problems = [row[0] for row in raw.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError("; ".join(map(str, problems[:3])))
            tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            marker = None
            if "app_meta" in tables:
                row = raw.execute("SELECT value FROM app_meta WHERE key = ?", (migrate.APP_MARKER_KEY,)).fetchone()
                marker = row[0] if row else None
            revision = None
            if "alembic_version" in tables:
                row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        raw.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"Файл «{path}» пошкоджено, його не вдається прочитати ({exc}).") from None
    if marker != migrate.APP_MARKER_VALUE:
        raise DamagedDatabaseError(f"Файл «{path}» — це база даних SQLite іншої програми, а не kr_desktop. "
                                "Його не буде змінено.")
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseFileError(f"Базу даних «{path}» створено новішою версією kr_desktop (схема {revision}). "
                                "Оновіть програму, щоб відкрити цей файл.")
