"""Read-only SQLite URIs for a database file (the standard library only: the window's start uses
it before SQLAlchemy is loaded, see services/start_snapshot.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote


def readonly_uri(path: Path, immutable: bool = False) -> str:
    """A read-only SQLite URI for ``path`` (quoted: a name may hold ``?``, ``#`` or ``%``).

    ``immutable`` opens without locks and without creating the -wal/-shm side files: used to
    check a file that no one has open (it has no -wal), so checking leaves the folder as it was.
    """
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def reading_uri(path: Path) -> str:
    """The URI a read-only command (a report, a backup) opens ``path`` with: read-only, and
    immutable when no ``-wal`` file exists — then no process has it open in WAL mode, and opening
    it immutable creates no ``-wal``/``-shm`` beside it (a read-only connection could not remove
    them again) and works in a read-only folder. With a ``-wal`` (someone has it open) it is read
    with locks, seeing the other process's committed changes."""
    return readonly_uri(path, immutable=not Path(f"{path}-wal").exists())
