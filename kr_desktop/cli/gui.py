"""Opening the main window from the command line (no arguments, or ``--db PATH``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kr_desktop.paths import default_db_path


def database_target(args: argparse.Namespace) -> str:
    """``--db``, else ``KR_DESKTOP_DB_URL``, else the user's own database (folder created) — checked
    as for every command (an unsupported address or a control character is refused)."""
    from kr_desktop.cli.database import ENV_URL
    from kr_desktop.cli.database import database_target as checked_target

    target = checked_target(args)
    if not args.db and not os.environ.get(ENV_URL):
        Path(default_db_path()).parent.mkdir(parents=True, exist_ok=True)
    return target


def _commands_check() -> str:
    """The smoke run's check that every command module is in the bundle and the parser builds."""
    import importlib

    from kr_desktop.cli import COMMAND_MODULES, build_parser

    for name in COMMAND_MODULES:
        importlib.import_module(name)
    build_parser()
    return f"{len(COMMAND_MODULES)} модулів"


def run_gui(args: argparse.Namespace) -> int:
    from kr_desktop.ui.app import run_application

    return run_application(database_target(args), smoke=args.smoke, smoke_checks=(("Команди", _commands_check),))
