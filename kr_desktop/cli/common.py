"""Helpers shared by the subcommands: opening the database, checking the output file."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from typing import TYPE_CHECKING

from kr_desktop.errors import UserError

if TYPE_CHECKING:  # the window's start must not import SQLAlchemy (see services/start_snapshot.py)
    from kr_desktop.db.engine import Database


def open_db_from_args(args: argparse.Namespace, create: bool = True) -> Database:
    """The database of ``--db`` (or KR_DESKTOP_DB_URL): a file as the OS user; a server with the
    person's own login (cli/auth), the connection being the login."""
    from kr_desktop.db.open import open_database
    from kr_desktop.db.server import is_server_target

    target = args.db or os.environ.get("KR_DESKTOP_DB_URL")
    if not target:
        raise UserError("Не вказано базу даних: додайте --db ШЛЯХ.")
    if is_server_target(target):
        from kr_desktop.cli.auth import server_credentials

        login, password = server_credentials(target)
        return open_database(target, create=create, login=login, password=password)
    return open_database(target, create=create)


def _shown(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def output_path(value: str, allowed: tuple[str, ...]) -> tuple[Path, str]:
    """The output file and its format (from the extension); refuses what cannot be written."""
    try:
        path = Path(value).expanduser()
    except RuntimeError:  # "~name" of a user this system does not know
        raise UserError(f"Неможливий шлях до файлу «{_shown(value)}»: користувача «{_shown(value.split('/')[0])}» "
                        "у системі немає. Вкажіть повний шлях до файлу звіту.") from None
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        formats = ", ".join(f".{ext}" for ext in allowed)
        raise UserError(f"Невідомий формат файлу «{_shown(path.name)}»: потрібне розширення {formats}.")
    try:
        if path.is_dir():
            raise UserError(f"«{_shown(path)}» — це тека; вкажіть ім’я файлу звіту.")
        if not path.parent.is_dir():
            raise UserError(f"Теки «{_shown(path.parent)}» не існує.")
        if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise UserError(f"Немає дозволу на запис файлу «{_shown(path)}».")
    except (OSError, ValueError) as exc:  # a name too long, a NUL character…
        raise UserError(f"Неможливий шлях до файлу «{_shown(value)}»: {exc.strerror or 'недопустиме ім’я'}."
                        if isinstance(exc, OSError) else
                        f"Неможливий шлях до файлу «{_shown(value)}»: недопустимі символи в імені.") from None
    return path, fmt


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would race with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_atomically(path: Path, render) -> Path:
    """Render into a temporary file beside ``path`` and move it into place when complete,
    so a failed or interrupted report never leaves a half-written file.

    The temporary name is unique (``.<name>.<random><ext>.part``), so two reports to one file at
    once never write into each other, and a leftover of a killed process never blocks the next
    report (it is only ever in the way of its own process, which is gone)."""
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=f"{path.suffix}.part")
    os.close(fd)
    temp = Path(name)
    try:
        render(temp)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; a report gets the usual mode
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path


REPORT_FORMATS = ("pdf", "docx", "xlsx")


def print_report(args: argparse.Namespace, build, formats: tuple[str, ...] = REPORT_FORMATS, render=None) -> int:
    """The shared body of every ``kr-desktop report …``: check the output file, open the database,
    build the document from it, write it atomically in the format of the file's extension
    (``render(document, path)``; by default the ReportDocument renderer)."""
    out, _fmt = output_path(args.out, formats)
    db = open_db_from_args(args, create=False)
    try:
        if render is None:
            from kr_desktop.reports.document import render

        document = build(db)
        write_atomically(out, lambda temp: render(document, temp))
    finally:
        db.dispose()
    print(f"Звіт збережено: {out}")
    return 0
