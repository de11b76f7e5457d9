"""Options shared by the subcommands, checked against the domain before anything is opened: a
date, year, id or degree out of range is a usage error in Ukrainian (exit code 2), never a
traceback from deep inside a report.

``--db`` may stand before or after the subcommand (``kr-desktop --db F report …`` and
``kr-desktop report … --db F``): a subcommand's ``--db`` has no default of its own, so it never
hides the one given before it.
"""

from __future__ import annotations

import argparse
import datetime as dt

from kr_desktop.text.control_chars import has_forbidden

MIN_YEAR, MAX_YEAR = 1900, 2100  # as the register's dates (domain.award_values)
MAX_ID = 2**63 - 1  # the largest id a database keeps (SQLite and PostgreSQL BIGINT)


def add_db_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help=help or "файл бази даних SQLite або адреса postgresql+psycopg://… (без нього — "
                                     "KR_DESKTOP_DB_URL або база користувача)")


def add_out_option(parser: argparse.ArgumentParser, formats, help: str | None = None,
                   required: bool = True) -> None:
    shown = ", ".join(f".{ext}" for ext in formats)
    parser.add_argument("--out", metavar="FILE", required=required, type=text,
                        help=help or f"файл звіту ({shown}; формат за розширенням)")
    parser.add_argument("--force", action="store_true",
                        help="замінити наявний файл (базу даних чи резервну копію — ніколи)")


def text(value: str) -> str:
    """A text option: no control characters (they cannot be stored or printed)."""
    if has_forbidden(value):
        raise argparse.ArgumentTypeError("містить службові (керівні) символи")
    return value


def date(value: str) -> dt.date:
    """A date: 30.11.2026 or 2026-11-30, years 1900–2100."""
    from kr_desktop.errors import ValidationError
    from kr_desktop.text.parsing import parse_date

    try:
        return parse_date(text(value), "Дата", min_year=MIN_YEAR, max_year=MAX_YEAR)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def year(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{value[:20]}» — не рік") from None
    if not MIN_YEAR <= number <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"рік — від {MIN_YEAR} до {MAX_YEAR}")
    return number


def record_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{value[:20]}» — не номер") from None
    if not 1 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError("номер — ціле число від 1")
    return number


def degree(value: str) -> int:
    """І, ІІ, ІІІ… (or 1, 2, 3…, I, II, III…): whether the award has that degree is checked against
    the directory by the command (the badge «За заслуги перед містом» has І–ІІІ)."""
    from kr_desktop.domain.award_values import parse_degree

    try:
        number = parse_degree(text(value))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if number is None:
        raise argparse.ArgumentTypeError("вкажіть ступінь: І, ІІ або ІІІ")
    return number
