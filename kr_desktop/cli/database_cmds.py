"""``kr-desktop init``: create or upgrade a database without opening a window."""

from __future__ import annotations

import argparse

from kr_desktop.cli.common import open_db_from_args
from kr_desktop.cli.options import add_db_option


def register(commands) -> None:
    init = commands.add_parser("init", help="створити або оновити базу даних без відкриття вікна")
    add_db_option(init)
    init.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    db = open_db_from_args(args, create=True)
    db.dispose()
    print(f"Базу даних готово: {db.display_location}")  # a server address without its password
    return 0
