"""Opening the main window from the command line (no arguments, or ``--db PATH``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kr_desktop.paths import default_db_path


def database_target(args: argparse.Namespace) -> str:
    """``--db``, else ``KR_DESKTOP_DB_URL``, else the user's own database (folder created)."""
    if args.db:
        return args.db
    if os.environ.get("KR_DESKTOP_DB_URL"):
        return os.environ["KR_DESKTOP_DB_URL"]
    path = default_db_path()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def run_gui(args: argparse.Namespace) -> int:
    from kr_desktop.ui.app import run_application

    return run_application(database_target(args), smoke=args.smoke)
