"""``kr-desktop backup`` and ``kr-desktop restore``: backups of a database file.

A PostgreSQL server is backed up with its own tools (pg_dump, see the README).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kr_desktop.errors import UserError


def register(commands) -> None:
    backup = commands.add_parser("backup", help="створити перевірену резервну копію бази даних")
    backup.add_argument("--db", metavar="PATH", help="файл бази даних SQLite")
    backup.add_argument("--out", metavar="FILE",
                        help="файл копії; без нього — до теки «<ім’я бази>.backups» поруч із базою")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser("restore", help="відновити базу даних з резервної копії "
                                  "(поточний файл зберігається окремо)")
    restore.add_argument("file", metavar="FILE", help="файл резервної копії")
    restore.add_argument("--db", metavar="PATH", help="файл бази даних SQLite, який буде замінено")
    restore.set_defaults(handler=run_restore)


def _db_file(args: argparse.Namespace) -> Path:
    target = args.db or os.environ.get("KR_DESKTOP_DB_URL")
    if not target:
        raise UserError("Не вказано базу даних: додайте --db ШЛЯХ.")
    if "://" in target and not target.startswith("sqlite"):
        raise UserError("Резервні копії бази даних на сервері PostgreSQL створює адміністратор сервера "
                        "(pg_dump / pg_restore, див. README).")
    from kr_desktop.db.open import usable_path

    return usable_path(target[len("sqlite:///"):] if target.startswith("sqlite:///") else target)


def run_backup(args: argparse.Namespace) -> int:
    from kr_desktop.db.backup import create_backup

    from kr_desktop.db.open import usable_path

    out = usable_path(args.out) if args.out else None
    result = create_backup(_db_file(args), out=out, reason="command-line")
    rows = sum(result.counts.values())
    from kr_desktop.text.wording import RECORDS, count

    print(f"Резервну копію створено й перевірено: {result.path} ({count(rows, *RECORDS)}, {result.seconds:.2f} с)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from kr_desktop.db.backup import restore_backup

    from kr_desktop.db.open import usable_path

    source = usable_path(args.file)
    if not source.is_file():
        raise UserError(f"Файл резервної копії «{source}» не знайдено.")
    result = restore_backup(source, _db_file(args))
    print(f"Базу даних відновлено з «{source}»: {result.db_path}")
    if result.replaced_aside:
        print(f"Попередній файл збережено як «{result.replaced_aside}»")
    if result.safety_backup:
        print(f"Резервна копія попереднього стану: «{result.safety_backup}»")
    return 0
