"""Temporary files written beside their final name (a report, a backup, a new database), and the
ones a killed process left behind.

A file is written under a temporary name in the folder of its final name and renamed into place
when complete, so the final name is never half-written. While it writes, the process holds an
exclusive ``flock`` on the temporary file; a process that dies (SIGKILL, power cut) loses its lock.
The next run that writes into the same folder removes the temporary files nobody holds — at once,
not after an hour: a killed backup's 90 MB ``.part`` is gone on the next backup. Where ``flock``
does not exist (Windows: there an open file cannot be deleted anyway) a file is taken for
abandoned only when it is older than ``fallback_age`` seconds.

Standard library only: the window's start uses it before SQLAlchemy is loaded.
"""

from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

CLAIMING = ".kr_desktop-claiming-"  # a temporary file's name until its writer holds the lock
FALLBACK_AGE = 3600.0
COMPANIONS = ("-journal", "-wal", "-shm")  # SQLite's side files of a temporary database


@contextmanager
def claimed_temp(folder: Path, prefix: str, suffix: str) -> Iterator[Path]:
    """A new empty file in ``folder``, locked by this process while the block runs; removed at the
    end unless the block renamed it into place (with SQLite's side files, if any)."""
    if fcntl is None:  # Windows: an open handle would stop the rename into place
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
        os.close(fd)
        fd, path = -1, Path(name)
    else:
        # Created under a name no cleaner takes, locked, then renamed to its real name: a cleaner
        # never meets it unlocked while its writer lives.
        fd, name = tempfile.mkstemp(prefix=CLAIMING, dir=folder)
        path = Path(name)
    try:
        if fd >= 0:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.fchmod(fd, 0o666 & ~umask())  # mkstemp makes it private; the file gets the usual mode
            claimed = Path(folder) / f"{prefix}{path.name[len(CLAIMING):]}{suffix}"
            os.rename(path, claimed)  # the random part makes it as unique as mkstemp's own name
            path = claimed
        yield path
    finally:
        for leftover in (path, *(Path(f"{path}{suffix}") for suffix in COMPANIONS)):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        if fd >= 0:
            os.close(fd)


def umask() -> int:
    """The process's umask, read without changing it (os.umask would race with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _abandoned(path: Path, fallback_age: float) -> bool:
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    if fcntl is None:
        return age > fallback_age
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held: its writer is alive
    finally:
        os.close(fd)  # also releases the lock just taken
    return True


def remove_abandoned(folder: Path, is_ours: Callable[[str], bool], fallback_age: float = FALLBACK_AGE) -> list[Path]:
    """Remove the temporary files in ``folder`` whose names ``is_ours`` recognises and that no
    living process holds (and their SQLite side files); return what was removed. Never raises:
    a leftover that cannot be removed is only in its own way (its name is unique)."""
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False)]
    except OSError:
        return removed

    def main_of(name: str) -> str:
        return next((name[:-len(s)] for s in COMPANIONS if name.endswith(s)), name)

    def claiming_left(path: Path) -> bool:  # killed between creating and locking it: old and unlocked
        try:
            old = time.time() - path.stat().st_mtime > fallback_age
        except OSError:
            return False
        return old and _abandoned(path, fallback_age)

    # main files first: a side file goes with its main file (when that is abandoned or gone)
    for name in sorted((n for n in names if is_ours(main_of(n)) or n.startswith(CLAIMING)),
                       key=lambda n: main_of(n) != n):
        path, main = Path(folder) / name, Path(folder) / main_of(name)
        if name.startswith(CLAIMING):
            if not claiming_left(path):
                continue
        elif main != path:
            if main.exists() and not _abandoned(main, fallback_age):
                continue
        elif not _abandoned(path, fallback_age):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed
