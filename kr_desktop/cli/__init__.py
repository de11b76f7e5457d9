"""The ``kr-desktop`` command line: a stable interface (subcommands keep their names and options).

Each area registers its subcommands from its own module (see ``COMMAND_MODULES``); ``report``
subcommands register under the shared ``report`` command the same way.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Callable, Sequence

from kr_desktop import __version__
from kr_desktop.cli import argparse_uk
from kr_desktop.cli.options import add_db_option, add_out_option  # noqa: F401 - the commands' shared options
from kr_desktop.errors import UserError

# Modules that add subcommands: each has ``register(subparsers)`` and, for reports and imports,
# ``register_reports(report_subparsers)`` / ``register_imports(import_subparsers)``.
COMMAND_MODULES = [
    "kr_desktop.cli.database_cmds",
    "kr_desktop.cli.report_program",
    "kr_desktop.cli.backup_cmds",
    "kr_desktop.cli.awards_cmds",
    "kr_desktop.cli.program_reports",
    "kr_desktop.cli.events_cmds",
    "kr_desktop.cli.demo_cmds",
    "kr_desktop.cli.server_cmds",
    "kr_desktop.cli.users_cmds",
    "kr_desktop.cli.progress_forms_cmds",
    "kr_desktop.cli.program_cmds",
]


class UkrainianArgumentParser(argparse.ArgumentParser):
    """argparse with its messages in Ukrainian and exit code 2 on bad usage."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"Помилка в командному рядку: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_uk.install()
    parser = UkrainianArgumentParser(
        prog="kr-desktop",
        description="Програма сприяння розвитку місцевого самоврядування (рішення №1176) та реєстр відзнак.",
    )
    parser.add_argument("--version", action="version", version=f"kr-desktop {__version__}",
                        help=argparse_uk.VERSION_HELP)  # argparse's own help here is not translatable
    parser.add_argument("--db", metavar="PATH", help="файл бази даних (або адреса PostgreSQL); "
                        "без нього — база користувача")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=UkrainianArgumentParser)
    report = commands.add_parser("report", help="надрукувати звіт у файл (PDF, DOCX, XLSX)")
    reports = report.add_subparsers(dest="report", metavar="ЗВІТ", required=True,
                                    parser_class=UkrainianArgumentParser)
    imports = commands.add_parser("import", help="імпорт даних з Excel (.xlsx)")
    import_kinds = imports.add_subparsers(dest="import_kind", metavar="ЩО", required=True,
                                          parser_class=UkrainianArgumentParser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "register"):
            module.register(commands)
        if hasattr(module, "register_reports"):
            module.register_reports(reports)
        if hasattr(module, "register_imports"):
            module.register_imports(import_kinds)
    return parser


def commands_check() -> str:
    """The smoke run's check that every command module is in the bundle and the parser builds."""
    for name in COMMAND_MODULES:
        importlib.import_module(name)
    build_parser()
    return f"{len(COMMAND_MODULES)} модулів"


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain window start (nothing, ``--db PATH``/``--db=PATH``, ``--smoke``),
    or None for anything else. Such a start skips building the whole parser: every subcommand's
    module would be imported for a window that needs none of them (see services/start_snapshot)."""
    args, rest = argparse.Namespace(db=None, smoke=False), list(argv)
    while rest:
        item = rest.pop(0)
        if item == "--smoke":
            args.smoke = True
        elif item == "--db" and rest and not rest[0].startswith("-"):
            args.db = rest.pop(0)
        elif item.startswith("--db=") and len(item) > len("--db="):
            args.db = item[len("--db="):]
        else:
            return None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = window_arguments(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from kr_desktop.cli.gui import run_gui  # Qt is imported only when a window opens
            return run_gui(args, smoke_checks=(("Команди", commands_check),))
        return handler(args)
    except UserError as exc:
        print(f"Помилка: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Перервано.", file=sys.stderr)
        return 130
    except Exception as exc:  # every command ends with a message and an exit code, never a traceback
        if os.environ.get(DEBUG_VAR):
            raise
        error = failure(exc)
        print(f"Помилка: {error.message}", file=sys.stderr)
        return error.exit_code


DEBUG_VAR = "KR_DESKTOP_DEBUG"  # set: an unexpected error shows its traceback (for developers)


class UnexpectedError(UserError):
    exit_code = 70  # EX_SOFTWARE


def failure(exc: Exception) -> UserError:
    """What went wrong, in Ukrainian: the database's words (busy, disk full, read-only…), the
    system's (no space, no permission…), or an unexpected error named by its kind."""
    from kr_desktop.db.failures import database_failure
    from kr_desktop.error_texts import os_error_text

    known = database_failure(exc)
    if known is not None:
        return known
    if isinstance(exc, OSError):
        error = UserError(f"{os_error_text(exc)[:1].upper()}{os_error_text(exc)[1:]}"
                          f"{f' ({exc.filename})' if getattr(exc, 'filename', None) else ''}: нічого не записано.")
        error.exit_code = 74  # EX_IOERR
        return error
    if isinstance(exc, MemoryError):
        return UnexpectedError("Недостатньо пам’яті для цієї дії.")
    return UnexpectedError(f"Несподівана помилка програми ({type(exc).__name__}): {str(exc)[:200]}. Повторіть "
                           f"з {DEBUG_VAR}=1, щоб побачити подробиці, і повідомте розробникам.")
