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


def run_gui(args: argparse.Namespace, smoke_checks: tuple = ()) -> int:
    """The window; ``smoke_checks`` are the caller's own ``(name, check)`` pairs for ``--smoke``
    (the command line passes its parser's check, so this module never imports the package)."""
    from kr_desktop.ui.display_check import check_display

    check_display()  # no display, or a library of the X11 plugin missing: a Ukrainian message, not Qt's abort
    from kr_desktop.ui.app import run_application

    return run_application(database_target(args), smoke=args.smoke, smoke_checks=smoke_checks)
