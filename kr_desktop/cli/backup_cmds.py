"""``kr-desktop backup`` and ``kr-desktop restore``: backups of a database file.

A backup only reads the database (a read-only database in a read-only folder can be backed up to
another folder); ``--out`` never replaces a file without ``--force``, and never a database or a
backup. A PostgreSQL server is backed up with its own tools (pg_dump, see docs/server.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kr_desktop.cli import options
from kr_desktop.cli.database import database_target, file_of, is_server
from kr_desktop.cli.options import add_db_option
from kr_desktop.errors import UserError


def register(commands) -> None:
    backup = commands.add_parser("backup", help="створити перевірену резервну копію бази даних")
    add_db_option(backup, "файл бази даних SQLite")
    backup.add_argument("--out", metavar="FILE", type=options.text,
                        help="файл копії; без нього — до теки «<ім’я бази>.backups» поруч із базою")
    backup.add_argument("--force", action="store_true",
                        help="замінити наявний файл --out (базу даних чи іншу копію — ніколи)")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser("restore", help="відновити базу даних з резервної копії "
                                  "(поточний файл зберігається окремо)")
    restore.add_argument("file", metavar="FILE", type=options.text, help="файл резервної копії")
    add_db_option(restore, "файл бази даних SQLite, який буде замінено")
    restore.set_defaults(handler=run_restore)


def _db_file(args: argparse.Namespace) -> Path:
    target = database_target(args)
    if is_server(target):
        raise UserError("Резервні копії бази даних на сервері PostgreSQL створює адміністратор сервера "
                        "(pg_dump / pg_restore, див. docs/server.md).")
    return file_of(target)


def run_backup(args: argparse.Namespace) -> int:
    from kr_desktop.db.backup import create_backup
    from kr_desktop.db.open import usable_path

    out = usable_path(args.out) if args.out else None
    result = create_backup(_db_file(args), out=out, reason="command-line", replace=args.force)
    rows = sum(result.counts.values())
    from kr_desktop.text.wording import RECORDS, count

    print(f"Резервну копію створено й перевірено: {result.path} ({count(rows, *RECORDS)}, {result.seconds:.2f} с)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from kr_desktop.db.backup import restore_backup
    from kr_desktop.db.open import usable_path

    source = usable_path(args.file)
    if not source.exists():
        raise UserError(f"Файл резервної копії «{source}» не знайдено.")
    if not source.is_file():
        raise UserError(f"«{source}» — не файл резервної копії (тека, пристрій або канал).")
    result = restore_backup(source, _db_file(args))
    print(f"Базу даних відновлено з «{source}»: {result.db_path}")
    if result.replaced_aside:
        print(f"Попередній файл збережено як «{result.replaced_aside}»")
    if result.safety_backup:
        print(f"Резервна копія попереднього стану: «{result.safety_backup}»")
    return 0
