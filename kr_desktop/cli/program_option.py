"""``--program NUMBER|ID``: which program a command works on (services/program/choice).

Without it a command works on the only program in force; with several in force it stops with a
Ukrainian message listing them, so a report never silently comes from the wrong program.
"""

from __future__ import annotations

import argparse

PROGRAM_HELP = ("програма: номер рішення про її затвердження (1176, №1176) або id (id:2); без нього — "
                "єдина чинна програма")


def add_program_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    from kr_desktop.cli.options import text

    parser.add_argument("--program", metavar="НОМЕР|ID", required=required, type=text, help=PROGRAM_HELP)


def chosen_program_id(db, args: argparse.Namespace) -> int:
    """The id of the program the command's ``--program`` names, or the default program."""
    from kr_desktop.services.program.choice import program_id_for

    return program_id_for(db, getattr(args, "program", None))
