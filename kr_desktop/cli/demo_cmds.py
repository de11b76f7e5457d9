"""``kr-desktop demo``: fill a database with fictional demo data (for trying and benchmarking)."""

from __future__ import annotations

import argparse
import time

from kr_desktop.cli.common import open_db_from_args
from kr_desktop.cli.options import add_db_option
from kr_desktop.errors import UserError


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{value}» — не ціле число") from None
    if not 0 <= number <= 1_000_000:
        raise argparse.ArgumentTypeError("кількість осіб — від 0 до 1 000 000")
    return number


def register(commands) -> None:
    demo = commands.add_parser("demo", help="заповнити базу вигаданими демонстраційними даними")
    add_db_option(demo, "файл бази даних (створюється з вбудованої бази, якщо його немає)")
    demo.add_argument("--persons", metavar="N", type=_count, required=True, help="скільки вигаданих осіб додати")
    demo.add_argument("--seed", metavar="S", type=int, default=1,
                      help="зерно випадкових чисел: те саме зерно дає ті самі дані (типово 1)")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from kr_desktop.services.demo_data import fill_demo, real_records

    db = open_db_from_args(args, create=True)
    try:
        if (real := real_records(db)):
            raise UserError(f"У базі даних {db.display_location} є справжні записи (осіб, відзнак і звітів — {real}): "
                            "вигадані дані додаються лише до окремого файлу, наприклад --db demo.sqlite3. "
                            "Нічого не записано.")
        started = time.perf_counter()
        summary = fill_demo(db, args.persons, seed=args.seed)
    except KeyboardInterrupt:
        raise UserError("Перервано: нічого не записано.") from None
    finally:
        db.dispose()
    print(f"Додано демонстраційні дані (позначка «ДЕМО») за {time.perf_counter() - started:.1f} с: "
          f"осіб — {summary.persons}, відзнак — {summary.awards}, посвідчень — {summary.certificates}, "
          f"заходів — {summary.events}, звітів виконавців — {summary.progress_entries} "
          f"(нових періодів — {summary.periods}).")
    return 0
