"""Helpers shared by the subcommands: opening the database, checking the output file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kr_desktop.db.engine import Database
from kr_desktop.errors import UserError


def open_db_from_args(args: argparse.Namespace, create: bool = True) -> Database:
    from kr_desktop.db.open import open_database

    target = args.db or os.environ.get("KR_DESKTOP_DB_URL")
    if not target:
        raise UserError("Не вказано базу даних: додайте --db ШЛЯХ.")
    db = open_database(target, create=create)
    try:
        from kr_desktop.cli.auth import authenticate_cli

        authenticate_cli(db)  # a server needs a login; a local file acts as the OS user
    except BaseException:
        db.dispose()
        raise
    return db


def output_path(value: str, allowed: tuple[str, ...]) -> tuple[Path, str]:
    """The output file and its format (from the extension); refuses what cannot be written."""
    path = Path(value).expanduser()
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        formats = ", ".join(f".{ext}" for ext in allowed)
        raise UserError(f"Невідомий формат файлу «{path.name}»: потрібне розширення {formats}.")
    if path.is_dir():
        raise UserError(f"«{path}» — це тека; вкажіть ім’я файлу звіту.")
    if not path.parent.is_dir():
        raise UserError(f"Теки «{path.parent}» не існує.")
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UserError(f"Немає дозволу на запис файлу «{path}».")
    return path, fmt


def write_atomically(path: Path, render) -> Path:
    """Render into a temporary file beside ``path`` and move it into place when complete,
    so a failed or interrupted report never leaves a half-written file."""
    temp = path.with_name(f".{path.name}.part")
    try:
        render(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path
