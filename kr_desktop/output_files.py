"""Files the user asks us to write — reports, the import template, backups:

- never over a database or a backup (an SQLite file, or the -wal/-shm/-journal of one), not even
  when the user agreed to replace the file: a report over its own database loses everything;
- never over an existing file without consent (the command line's ``--force``; the window's save
  dialog asks), and never over a folder, a FIFO or a device;
- never half-written: rendered into a temporary file beside the target, renamed into place when
  complete (kr_desktop.temp_files: a killed run's leftover is removed by the next one);
- a full disk, a missing permission or a read-only folder ends in a Ukrainian message.

Standard library only (the window imports it).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Callable

from kr_desktop.errors import UserError, os_error_text
from kr_desktop.temp_files import claimed_temp, remove_abandoned

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
# ".<name>.<8 random characters of mkstemp><.ext>.part": a report's or template's temporary file
_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.[A-Za-z0-9]{1,5}\.part$")
SHOWN = 80


def shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def is_database_file(path: Path) -> bool:
    """An SQLite file (a database or a backup), or a side file of one."""
    path = Path(path)
    for suffix in SIDE_FILES:
        if path.name.endswith(suffix) and is_database_file(path.with_name(path.name[:-len(suffix)])):
            return True
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def refuse_unsafe_target(path: Path) -> None:
    """Refuse (UserError) a target that must never be replaced: a folder, something that is not a
    regular file (FIFO, device), a database or a backup."""
    try:
        if path.is_dir():
            raise UserError(f"«{shown(path)}» — це тека; вкажіть ім’я файлу.")
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise UserError(f"«{shown(path)}» — не звичайний файл (пристрій або канал): у нього не записуємо.")
    except OSError as exc:
        raise UserError(f"Неможливий шлях до файлу «{shown(path)}»: {os_error_text(exc)}.") from None
    if is_database_file(path):
        raise UserError(f"Файл «{shown(path)}» — база даних або резервна копія kr_desktop: його ніколи не буде "
                        "замінено звітом, шаблоном чи копією. Вкажіть інше ім’я файлу.")


def refuse_existing(path: Path, force: bool) -> None:
    """Refuse an existing file unless the user agreed (``--force``); never a database or a backup."""
    refuse_unsafe_target(path)
    if path.exists() and not force:
        raise UserError(f"Файл «{shown(path)}» уже існує. Щоб замінити його, додайте --force "
                        "(або вкажіть інше ім’я).")


def remove_abandoned_parts(folder: Path) -> list[Path]:
    """The temporary files of reports that a killed process left in ``folder``."""
    return remove_abandoned(folder, _PART.match)


def write_atomically(path: Path, render: Callable[[Path], object]) -> Path:
    """Render into a temporary file beside ``path`` and move it into place when complete,
    so a failed or interrupted report never leaves a half-written file.

    The temporary name is unique (``.<name>.<random><ext>.part``), so two reports to one file at
    once never write into each other; a leftover of a killed process is removed by the next report
    into the same folder. Replacing an existing ``path`` is the caller's decision (asked or
    ``--force``), but a database, a backup, a folder or a device is never replaced."""
    path = Path(path)
    refuse_unsafe_target(path)
    remove_abandoned_parts(path.parent)
    try:
        with claimed_temp(path.parent, f".{path.name}.", f"{path.suffix}.part") as temp:
            render(temp)
            refuse_unsafe_target(path)  # the target may have changed while rendering
            os.replace(temp, path)
    except OSError as exc:
        raise UserError(f"Не вдалося записати файл «{shown(path)}»: {os_error_text(exc)}. Нічого не записано.") \
            from None
    return path
