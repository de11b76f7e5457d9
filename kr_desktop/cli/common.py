"""Helpers shared by the subcommands: the output file, and printing a report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kr_desktop.cli.database import database_target, open_db_from_args, open_for_reading  # noqa: F401 - re-exported
from kr_desktop.errors import UserError
from kr_desktop.output_files import refuse_existing, shown, write_atomically  # noqa: F401 - commands' imports


def output_path(value: str, allowed: tuple[str, ...], force: bool = False) -> tuple[Path, str]:
    """The output file and its format (from the extension); refuses what cannot be written, and
    an existing file unless ``force`` (``--force``): a database or a backup always."""
    try:
        path = Path(value).expanduser()
    except RuntimeError:  # "~name" of a user this system does not know
        raise UserError(f"Неможливий шлях до файлу «{shown(value)}»: користувача «{shown(value.split('/')[0])}» "
                        "у системі немає. Вкажіть повний шлях до файлу звіту.") from None
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        formats = ", ".join(f".{ext}" for ext in allowed)
        raise UserError(f"Невідомий формат файлу «{shown(path.name)}»: потрібне розширення {formats}.")
    try:
        if path.is_dir():
            raise UserError(f"«{shown(path)}» — це тека; вкажіть ім’я файлу звіту.")
        if not path.parent.is_dir():
            raise UserError(f"Теки «{shown(path.parent)}» не існує.")
        refuse_existing(path, force)
        if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise UserError(f"Немає дозволу на запис файлу «{shown(path)}».")
    except (OSError, ValueError) as exc:  # a name too long, a NUL character…
        raise UserError(f"Неможливий шлях до файлу «{shown(value)}»: {exc.strerror or 'недопустиме ім’я'}."
                        if isinstance(exc, OSError) else
                        f"Неможливий шлях до файлу «{shown(value)}»: недопустимі символи в імені.") from None
    return path, fmt


REPORT_FORMATS = ("pdf", "docx", "xlsx")


def print_report(args: argparse.Namespace, build, formats: tuple[str, ...] = REPORT_FORMATS, render=None) -> int:
    """The shared body of every ``kr-desktop report …``: check the output file, open the database
    read-only, build the document from it, write it atomically in the format of the file's
    extension (``render(document, path)``; by default the ReportDocument renderer)."""
    out, _fmt = output_path(args.out, formats, force=getattr(args, "force", False))
    db = open_for_reading(args)
    try:
        if render is None:
            from kr_desktop.reports.output import render

        document = build(db)
        write_atomically(out, lambda temp: render(document, temp))
    finally:
        db.dispose()
    print(f"Звіт збережено: {out}")
    for position in unsigned(document):
        print(f"Увага: не задано ім’я того, хто підписує («{position}»): у документі порожній рядок для підпису. "
              "Задайте ім’я у вікні програми: «Налаштування → Підписи документів…».", file=sys.stderr)
    return 0


def unsigned(document) -> list[str]:
    """The positions of the document's signers whose name is not set (printed as a blank line)."""
    from kr_desktop.reports.document import SignatureBlock

    positions = []
    for block in getattr(document, "blocks", ()):
        if isinstance(block, SignatureBlock):
            for signature in block.signatures:
                if not signature.name.strip("_ \u00a0") and signature.position not in positions:
                    positions.append(signature.position)
    return positions
